package webpage

import (
	"errors"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// blobShare is the share of a main text's bytes that must be found as
// blocks of the page for go-trafilatura to have read its structure; below
// it, the text is one of its rescue blobs (the whole <article> or <body>
// as one string). shortMain is its minimum main text, in characters.
const (
	blobShare = 0.5
	shortMain = 250
	readShare = 0.5
)

// longText is the visible text, in bytes, above which a page's main text
// is read here (the container of the most paragraph text) rather than by
// go-trafilatura, whose time grows with the square of its paragraph text
// (a second for a few hundred kilobytes) and whose language guess reads
// all of it; go-trafilatura then reads only the page's head, for the
// metadata. Articles have a few tens of kilobytes.
const longText = 256 << 10

// extractItems reads the items of a decoded page: its posts, or its
// article, or its visible text; a dropped entry when it has none.
func extractItems(text string, hint Hint) extract.Result {
	last := lineCount(text)
	doc, err := parse(text)
	if err != nil {
		return visibleResult(visibleText(text), last, "markup the HTML parser refuses ("+err.Error()+")")
	}
	p, err := readPage(doc, hint)
	if err != nil {
		return visibleResult(texts(blocksOf(doc, nil, nil)), last, "no main text found ("+err.Error()+")")
	}
	if r, ok := readPosts(doc, text, p); ok {
		return r
	}
	if isBlob(p.main, p.index) && runes(p.main) < shortMain {
		return visibleResult(texts(p.blocks), last, "no main text found")
	}
	it := p.item
	main := headlineBlock(doc, p.main, &it)
	it.Paragraphs = cleanBody(main, p.index, []string{p.title, it.Title}, it.Byline)
	if len(it.Paragraphs) == 0 {
		return visibleResult(texts(p.blocks), last, "no main text found")
	}
	it.LineStart, it.LineEnd = 1, last
	it.Ordinal = 1
	return extract.Result{Layout: LayoutArticle, Items: []extract.Item{it}}
}

// page is what is read of a parsed page before its items are cut.
type page struct {
	item     extract.Item // the page's fields, no body yet
	title    string       // its title before the site name was trimmed
	pageType string       // og:type or the JSON-LD @type
	blocks   []block      // all its visible text
	index    map[string]block
	main     []block // its main text
}

// readPage reads a page's metadata and main text with go-trafilatura (a
// long page's main text without it).
func readPage(doc *html.Node, hint Hint) (page, error) {
	opts := options(hint)
	long := textBytes(doc) > longText
	res, err := trafilatura.ExtractDocument(leanDocument(doc, long), opts)
	if err == nil && res == nil {
		err = errors.New("empty result")
	}
	if err != nil {
		return page{}, err
	}
	p := page{item: itemMeta(doc, res.Metadata, hint), title: res.Metadata.Title, pageType: res.Metadata.PageType}
	p.blocks = blocksOf(doc, localTo(p.item.URL), nil)
	p.index = make(map[string]block, len(p.blocks))
	for _, b := range p.blocks {
		p.index[b.text] = b
	}
	if long {
		p.main = blocksOf(richestContainer(doc), nil, nil)
	} else {
		p.main = mainText(doc, res, opts, p.index)
	}
	return p, nil
}

// options are go-trafilatura's settings for an article page.
func options(hint Hint) trafilatura.Options {
	opts := trafilatura.Options{
		HtmlDateMode: trafilatura.Disabled, // dates are read by readDate
	}
	if u, err := nurl.ParseRequestURI(hint.URL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	return opts
}

// mainText is the blocks of the page's main text: go-trafilatura's, or,
// when it could only rescue a blob, go-readability's if that reads the
// structure and keeps at least half the text (readShare). Asking it only
// then keeps its cost (about half of go-trafilatura's) off most pages.
func mainText(doc *html.Node, res *trafilatura.ExtractResult, opts trafilatura.Options, index map[string]block) []block {
	main := contentBlocks(res)
	if !isBlob(main, index) {
		return main
	}
	article, err := readability.FromDocument(doc, opts.OriginalURL)
	if err != nil || article.Node == nil {
		return main
	}
	other := blocksOf(article.Node, nil, isChrome)
	if isBlob(other, index) || float64(size(other)) < readShare*float64(size(main)) {
		return main
	}
	return other
}

func contentBlocks(res *trafilatura.ExtractResult) []block {
	if res.ContentNode == nil {
		return nil
	}
	// go-trafilatura gives a short page's only paragraph twice (its
	// baseline run appended to its main run): a block repeating the one
	// before it is that, not the article.
	blocks := blocksOf(res.ContentNode, nil, nil)
	out := blocks[:0]
	for _, b := range blocks {
		if len(out) == 0 || b.text != out[len(out)-1].text {
			out = append(out, b)
		}
	}
	return out
}

// isBlob reports a main text most of which is not the text of any block of
// the page: go-trafilatura's rescue, which joins a whole element's text.
func isBlob(main []block, index map[string]block) bool {
	found, total := 0, 0
	for _, b := range main {
		total += len(b.text)
		if _, ok := index[b.text]; ok {
			found += len(b.text)
		}
	}
	return float64(found) < blobShare*float64(total)
}

func size(blocks []block) int {
	n := 0
	for _, b := range blocks {
		n += len(b.text)
	}
	return n
}

func runes(blocks []block) int {
	n := 0
	for _, b := range blocks {
		n += utf8.RuneCountInString(b.text)
	}
	return n
}

// headlineBlock takes the title from the main text's first block when it
// is a heading and the page's title is only its window title (<title>, no
// Open Graph or JSON-LD headline), which on many sites is the site's name.
func headlineBlock(doc *html.Node, main []block, it *extract.Item) []block {
	if len(main) == 0 || main[0].node == nil || !isHeading(main[0].node) {
		return main
	}
	window := dom.QuerySelector(doc, "head > title")
	if window == nil || !strings.Contains(strings.Join(strings.Fields(dom.TextContent(window)), " "), it.Title) {
		return main
	}
	if dom.QuerySelector(doc, `meta[property="og:title"], script[type="application/ld+json"]`) != nil {
		return main
	}
	it.Title = main[0].text
	return main[1:]
}

// textBytes is the size of the visible text of doc.
func textBytes(doc *html.Node) int {
	n := 0
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type == html.TextNode:
			n += len(c.Data)
		case c.Type == html.ElementNode && hiddenTags[c.Data]:
			return
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			walk(g)
		}
	}
	walk(doc)
	return n
}

// leanDocument is doc, or for a long page a document of its head alone
// (and a token body, without which go-trafilatura returns nothing).
func leanDocument(doc *html.Node, long bool) *html.Node {
	if !long {
		return doc
	}
	lean := &html.Node{Type: html.DocumentNode}
	root := &html.Node{Type: html.ElementNode, Data: "html"}
	lean.AppendChild(root)
	if head := dom.QuerySelector(doc, "head"); head != nil {
		root.AppendChild(dom.Clone(head, true))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: "."})
	body.AppendChild(p)
	root.AppendChild(body)
	return lean
}

// richestContainer is the element whose own <p> children hold the most
// text: the main text of a long page. The <body> if there is none.
func richestContainer(doc *html.Node) *html.Node {
	best, most := dom.QuerySelector(doc, "body"), 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		own := 0
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if g.Type == html.ElementNode && g.Data == "p" {
				own += len(dom.TextContent(g))
			}
			walk(g)
		}
		if own > most {
			best, most = c, own
		}
	}
	walk(doc)
	if best == nil {
		return doc
	}
	return best
}

// resolve makes href absolute against the page's URL; "" if it cannot.
func resolve(base, href string) string {
	if href == "" {
		return ""
	}
	u, err := nurl.Parse(href)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		return u.String()
	}
	b, err := nurl.Parse(base)
	if err != nil || !b.IsAbs() {
		return ""
	}
	return b.ResolveReference(u).String()
}
