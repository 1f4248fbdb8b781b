package webpage

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// A page of posts — a tag page, a blog's front page, a digest — shows its
// items as repeated elements: <article>s, or elements of a class that
// names a post (post, entry, hentry, h-entry). It is read as posts, one
// item each, when:
//   - the page does not say it is one article (og:type or JSON-LD @type),
//   - at least two of the elements have a heading, a date or an author of
//     their own, and text besides that is not mostly links (teaserShare),
//   - together they hold most of the page's visible text (postsShare),
//   - no one of them holds most of their text (postShare), nor is one
//     both the main text go-trafilatura found and many times the median
//     post (dominance): a news article followed by teasers is one article.
const (
	postsShare  = 0.5
	postShare   = 0.7
	teaserShare = 0.5
	dominance   = 8
)

// postClass names a post in a class attribute; boilerClass the parts of a
// post that are not its text (share bars, note counts, comments…).
var (
	postClass   = regexp.MustCompile(`(?i)(?:^|\s)(?:post|entry|hentry|h-entry|type-post|blog-post)(?:\s|$)`)
	boilerClass = regexp.MustCompile(`(?i)share|social|notes|reblog|likes|comment|footer|actions|controls|related|byline|author|timestamp|dateline|permalink`)
	authorClass = regexp.MustCompile(`(?i)author|byline|username|blog-?name|attribution`)
	dateClass   = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:date|time|timestamp|published|posted)(?:$|[\s_-])`)
)

// post is one post's element and the fields read from it.
type post struct {
	node   *html.Node
	item   extract.Item
	size   int             // bytes of body text
	linked float64         // of which in links
	text   map[string]bool // its paragraphs
}

// readPosts reads a page of posts; ok is false for a page that is not one.
func readPosts(doc *html.Node, text string, p page) (extract.Result, bool) {
	if isArticleType(p.pageType) {
		return extract.Result{}, false
	}
	posts := postsOf(postCandidates(doc))
	if len(posts) < 2 {
		return extract.Result{}, false
	}
	total, largest := 0, 0
	for _, post := range posts {
		total += post.size
		largest = max(largest, post.size)
	}
	visible := 0
	for _, b := range p.blocks {
		visible += len(b.text)
	}
	if float64(total) < postsShare*float64(visible) || float64(largest) > postShare*float64(total) ||
		dominates(posts, p.main) {
		return extract.Result{}, false
	}
	nodes := make([]*html.Node, len(posts))
	for i, post := range posts {
		nodes[i] = post.node
	}
	spans := newLineFinder(text).spans(doc, nodes)
	r := extract.Result{Layout: LayoutPosts}
	for i, post := range posts {
		it := post.item
		it.LineStart, it.LineEnd, it.Ordinal = spans[i][0], spans[i][1], i+1
		it.Outlet = p.item.Outlet
		it.URL = resolve(p.item.URL, it.URL)
		r.Items = append(r.Items, it)
	}
	return r, true
}

// dominates reports a post that holds most of the main text and is many
// times the size of the median post: the article of an article page.
func dominates(posts []post, main []block) bool {
	sizes := make([]int, len(posts))
	for i, p := range posts {
		sizes[i] = p.size
	}
	slices.Sort(sizes)
	median := sizes[len(sizes)/2]
	total := 0
	for _, b := range main {
		total += len(b.text)
	}
	for _, p := range posts {
		held := 0
		for _, b := range main {
			if p.text[b.text] {
				held += len(b.text)
			}
		}
		if float64(held) > postShare*float64(total) && p.size >= dominance*median {
			return true
		}
	}
	return false
}

// isArticleType reports an og:type or JSON-LD @type that says the page is
// one article.
func isArticleType(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "article") || strings.Contains(t, "posting") || t == "report"
}

// postCandidates are the outermost <article> elements, or, when there are
// fewer than two, the outermost elements of a post class; comments, which
// pages mark up the same way, are not posts.
func postCandidates(doc *html.Node) []*html.Node {
	isArticle := func(n *html.Node) bool { return n.Data == "article" }
	isPostClass := func(n *html.Node) bool { return postClass.MatchString(attr(n, "class")) }
	for _, is := range []func(*html.Node) bool{isArticle, isPostClass} {
		var found []*html.Node
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && is(n) && !isComment(n) {
				found = append(found, n)
				return // outermost only
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if len(found) >= 2 {
			return found
		}
	}
	return nil
}

func isComment(n *html.Node) bool {
	return strings.Contains(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), "comment")
}

// postsOf reads the candidates that are posts: with a heading, date or
// author of their own, and text.
func postsOf(nodes []*html.Node) []post {
	var posts []post
	for _, n := range nodes {
		p := readPost(n)
		hasHeader := p.item.Title != "" || p.item.DateText != "" || len(p.item.Byline) > 0
		if hasHeader && p.size > 0 && p.linked <= teaserShare*float64(p.size) {
			posts = append(posts, p)
		}
	}
	return posts
}

// readPost reads one post's fields and text; its URL is the href of its
// heading's link or of a rel=bookmark link, as written.
func readPost(n *html.Node) post {
	it := extract.Item{Byline: []string{}}
	heading := first(n, func(c *html.Node) bool { return isHeading(c) })
	if heading != nil {
		it.Title = textOf(heading)
		if a := first(heading, func(c *html.Node) bool { return c.Data == "a" }); a != nil {
			it.URL = tidy(attr(a, "href"))
		}
	}
	if it.URL == "" {
		if a := first(n, func(c *html.Node) bool { return c.Data == "a" && hasToken(attr(c, "rel"), "bookmark") }); a != nil {
			it.URL = tidy(attr(a, "href"))
		}
	}
	author := first(n, func(c *html.Node) bool { return isAuthor(c) && textOf(c) != "" })
	if author != nil {
		if name := strings.TrimSpace(byPrefix.ReplaceAllString(textOf(author), "")); name != "" {
			it.Byline = []string{name}
		}
	}
	date := first(n, isDate)
	if date != nil {
		it.DateText = tidy(attr(date, "datetime"))
		if it.DateText == "" {
			it.DateText = textOf(date)
		}
	}
	skip := func(c *html.Node) bool {
		return c == heading || c == author || c == date || isPostChrome(c)
	}
	p := post{node: n, text: map[string]bool{}}
	for _, b := range blocksOf(n, nil, skip) {
		if !hasWord(b.text) || b.text == it.DateText || len(it.Byline) > 0 && b.text == it.Byline[0] {
			continue
		}
		it.Paragraphs = append(it.Paragraphs, b.text)
		p.size += len(b.text)
		p.linked += b.linked * float64(len(b.text))
		p.text[b.text] = true
	}
	p.item = it
	return p
}

func isHeading(n *html.Node) bool {
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

func isAuthor(n *html.Node) bool {
	return hasToken(attr(n, "rel"), "author") || attr(n, "itemprop") == "author" ||
		authorClass.MatchString(attr(n, "class"))
}

func isDate(n *html.Node) bool {
	return n.Data == "time" || attr(n, "itemprop") == "datePublished" || dateClass.MatchString(attr(n, "class"))
}

// isPostChrome reports the parts of a post that are not its text.
func isPostChrome(n *html.Node) bool {
	return isChrome(n) || boilerClass.MatchString(attr(n, "class")+" "+attr(n, "id"))
}

// first is the first element under n (n aside), in document order, that
// is; nil if none.
func first(n *html.Node, is func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if is(c) {
			return c
		}
		if f := first(c, is); f != nil {
			return f
		}
	}
	return nil
}

// textOf is the visible text under n on one line.
func textOf(n *html.Node) string {
	var parts []string
	for _, b := range blocksOf(n, nil, nil) {
		parts = append(parts, b.text)
	}
	return strings.Join(parts, " ")
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}
