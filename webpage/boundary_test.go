package webpage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// sized is a text of exactly n bytes (n > len(prefix)): prefix, words, a
// full stop.
func sized(prefix string, n int) string {
	const words = " the talks go on"
	b := prefix + strings.Repeat(words, (n-len(prefix))/len(words)+1)
	return b[:n-1] + "."
}

// elements lists the elements of doc named name, in document order.
func elements(doc *html.Node, name string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == name {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestReplaceNULsLeavesManyNULs: stray NULs become U+FFFD; a page of 1% NULs
// or more is left as it is.
func TestReplaceNULsLeavesManyNULs(t *testing.T) {
	for _, c := range []struct {
		name     string
		raw      string
		want     string
		replaced int
	}{
		{"one NUL in 101 bytes", "a\x00" + strings.Repeat("b", 99), "a\uFFFD" + strings.Repeat("b", 99), 1},
		{"one NUL in 100 bytes, exactly 1%", "a\x00" + strings.Repeat("b", 98), "a\x00" + strings.Repeat("b", 98), 0},
		{"UTF-16 without a BOM", "<\x00p\x00>\x00x\x00", "<\x00p\x00>\x00x\x00", 0},
		{"no NUL", "<p>x", "<p>x", 0},
	} {
		got, n := replaceNULs([]byte(c.raw))
		if string(got) != c.want || n != c.replaced {
			t.Errorf("%s: replaceNULs = %q, %d; want %q, %d", c.name, got, n, c.want, c.replaced)
		}
	}
}

// TestLineFinderCountsBlankLines: every "\n" ends a line, blank lines and a
// leading newline included.
func TestLineFinderCountsBlankLines(t *testing.T) {
	text := "\na\n\n\nb\n"
	f := newLineFinder(text)
	var got []int
	for offset := range len(text) + 1 {
		got = append(got, f.line(offset))
	}
	want := []int{1, 2, 2, 3, 4, 5, 5, 6}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines of each offset of %q (-want +got):\n%s", text, diff)
	}
}

// TestSpansOfElementsWithoutTags: an element the text has no start tag for
// (the parser's implied <tbody>, an element not in the tree) spans the
// whole text; a stray end tag before a start tag closes nothing.
func TestSpansOfElementsWithoutTags(t *testing.T) {
	text := "<html><body>\n</article>\n<article>\n<p>one</p>\n</article>\n<table><tr><td>x</td></tr></table>\n</body></html>"
	doc := mustParse(t, text)
	foreign := &html.Node{Type: html.ElementNode, Data: "article"}
	nodes := []*html.Node{elements(doc, "article")[0], elements(doc, "tbody")[0], foreign}
	got := newLineFinder(text).spans(doc, nodes)
	want := [][2]int{{3, 5}, {1, 7}, {1, 7}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

// TestOrdinalsOfNodesNotInDoc: the ordinal of an element is the number of
// its name before it in document order; -1 for one not in the tree.
func TestOrdinalsOfNodesNotInDoc(t *testing.T) {
	doc := mustParse(t, "<html><body><p>a</p><div><p>b</p></div><p>c</p></body></html>")
	ps := elements(doc, "p")
	foreign := &html.Node{Type: html.ElementNode, Data: "p"}
	got := ordinals(doc, "p", []*html.Node{ps[2], foreign, ps[0], ps[1]})
	if diff := cmp.Diff([]int{2, -1, 0, 1}, got); diff != "" {
		t.Errorf("ordinals (-want +got):\n%s", diff)
	}
}

// TestVisibleTextKeepsInlineElements: inline elements (bold, links, spans)
// do not cut a paragraph of the visible text; table headers and cells do.
func TestVisibleTextKeepsInlineElements(t *testing.T) {
	page := `<html><body><p>Talks <b>resumed</b> in <a href="/geneva">Geneva</a> <span>on Monday</span>.</p>` +
		`<table><tr><th>Day</th><th>Place</th></tr><tr><td>Monday</td><td><i>Geneva</i></td></tr></table></body></html>`
	want := []string{"Talks resumed in Geneva on Monday.", "Day", "Place", "Monday", "Geneva"}
	if diff := cmp.Diff(want, visibleText(page)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSiteLinkThresholds: a block 90% or more inside links to the site is a
// link to another page; from 70%, one with a short label before the link
// ("Watch: …", under teaserSize bytes) is a teaser.
func TestSiteLinkThresholds(t *testing.T) {
	longLink := sized("Talks", 150-len("Read more here: "))
	for _, c := range []struct {
		name  string
		html  string
		local float64 // the share the fixture is built to have
		want  bool
	}{
		{"90% in a link, a count after it", `<p><a href="/border-talks">Border talks resumed</a> 12</p>`, 0.9, true},
		{"80% in a link, no label", `<p><a href="/border-talks">Border talks resumed</a> 1234</p>`, 18.0 / 22, false},
		{"a label and 70% in a link", `<p>Watch: <a href="/v/1">Talks in Yerevan</a></p>`, 0.7, true},
		{"a label and under 70% in a link", `<p>Watch: <a href="/v/1">Talks in Baku</a></p>`, 11.0 / 17, false},
		{"a labelled link of teaserSize bytes", `<p>Read more here: <a href="/talks">` + longLink + `</a></p>`, -1, false},
		{"a labelled link of teaserSize-1 bytes", `<p>Read more here: <a href="/talks">` + longLink[1:] + `</a></p>`, -1, true},
	} {
		blocks := blocksOf(mustParse(t, c.html), localTo("https://news.example/a"), nil)
		if len(blocks) != 1 {
			t.Fatalf("%s: %d blocks", c.name, len(blocks))
		}
		b := blocks[0]
		if c.local >= 0 && b.local != c.local {
			t.Fatalf("%s: the fixture's local share is %v, not %v", c.name, b.local, c.local)
		}
		if c.local < 0 && (b.local < 0.7 || b.local >= 0.9) {
			t.Fatalf("%s: the fixture's local share is %v, not in [0.7, 0.9)", c.name, b.local)
		}
		if got := isSiteLink(b); got != c.want {
			t.Errorf("%s: isSiteLink(%q, local %.3f, %d bytes) = %v, want %v", c.name, b.text, b.local, len(b.text), got, c.want)
		}
	}
}

// TestDropBylineLeadWindow: byline and date lines are dropped only among the
// first leadWindow paragraphs and above the first of leadShort bytes or
// more; an author's name is dropped below the text, not as its only
// paragraph.
func TestDropBylineLeadWindow(t *testing.T) {
	short := []string{"Talks resumed.", "Both sides came.", "Maps were shown.", "A date was set.", "Roads reopened."}
	long := sized("The border commission met in Ijevan on Tuesday", leadShort)
	for _, c := range []struct {
		name       string
		paragraphs []string
		byline     []string
		want       []string
	}{
		{"a byline fifth of five short lines", append(short[:4:4], "By Anna Petrosyan"), nil, short[:4]},
		{"a byline after five short lines", append(short[:5:5], "By Anna Petrosyan"), nil, append(short[:5:5], "By Anna Petrosyan")},
		{"a byline below a paragraph of leadShort-1 bytes", []string{long[1:], "By Anna Petrosyan"}, nil, []string{long[1:]}},
		{"a byline below a paragraph of leadShort bytes", []string{long, "By Anna Petrosyan"}, nil, []string{long, "By Anna Petrosyan"}},
		{"the author's name below the text", []string{long, "Reuters"}, []string{"Reuters"}, []string{long}},
		{"the author's name as the only paragraph", []string{"Reuters"}, []string{"Reuters"}, []string{"Reuters"}},
	} {
		got := dropByline(c.paragraphs, c.byline)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestDropHeadlineKickerLength: the lines above the headline are dropped
// with it when they are under leadShort bytes (a kicker); a line of
// leadShort bytes is text, and stays.
func TestDropHeadlineKickerLength(t *testing.T) {
	title := "Talks resume in Geneva"
	long := sized("The border commission met in Ijevan on Tuesday", leadShort)
	for _, c := range []struct {
		name   string
		blocks []string
		want   []string
	}{
		{"a kicker of leadShort-1 bytes", []string{long[1:], title, "Text."}, []string{"Text."}},
		{"a line of leadShort bytes", []string{long, title, "Text."}, []string{long, "Text."}},
	} {
		var blocks []block
		for _, s := range c.blocks {
			blocks = append(blocks, block{text: s})
		}
		got := texts(dropHeadline(blocks, []string{title}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestNearTitle: a heading is near a title when the shorter of the two has
// three words or more, 80% of them in the other.
func TestNearTitle(t *testing.T) {
	for _, c := range []struct {
		heading, title string
		want           bool
	}{
		{"Talks Resume Monday", "Talks resume on Monday", true},                        // three words, all shared
		{"Talks resume", "Talks resume today", false},                                  // two words are too few
		{"Border talks resume in Geneva", "Border talks resume in Vienna today", true}, // 4 of 5: exactly 80%
		{"Border talks resume in Geneva", "Border talks stall in Vienna today", false}, // 3 of 5
		{"Roads reopen in Lachin", "Talks resume in Geneva", false},                    // 1 of 4
	} {
		if got := nearTitle(c.heading, []string{c.title}); got != c.want {
			t.Errorf("nearTitle(%q, %q) = %v, want %v", c.heading, c.title, got, c.want)
		}
	}
}

// TestSiteNameDropsLinksAndHosts: a site name that is a link or the page's
// host is no name; another is kept.
func TestSiteNameDropsLinksAndHosts(t *testing.T) {
	for _, c := range []struct{ name, pageURL, want string }{
		{"https://www.facebook.com/newsexample", "https://news.example/a", ""},
		{"news.example", "https://www.news.example/a", ""},
		{"News Example", "https://news.example/a", "News Example"},
		{"News Example; News Example", "", "News Example"},
	} {
		if got := siteName(c.name, c.pageURL); got != c.want {
			t.Errorf("siteName(%q, %q) = %q, want %q", c.name, c.pageURL, got, c.want)
		}
	}
}

// TestTrimSiteName drops the site's name a title starts or ends with, and
// never leaves an empty title.
func TestTrimSiteName(t *testing.T) {
	for _, c := range []struct{ title, site, want string }{
		{"Talks resume | News Example", "News Example", "Talks resume"},
		{"News Example - Talks resume", "News Example", "Talks resume"},
		{"News Example :: Talks resume", "News Example", "Talks resume"},
		{"News Example - ", "News Example", "News Example - "},
		{"Talks resume", "", "Talks resume"},
	} {
		if got := trimSiteName(c.title, c.site); got != c.want {
			t.Errorf("trimSiteName(%q, %q) = %q, want %q", c.title, c.site, got, c.want)
		}
	}
}

// TestSectionMetaFirst: the section is article:section, then the first
// category; an empty article:section is none.
func TestSectionMetaFirst(t *testing.T) {
	for _, c := range []struct {
		meta       string
		categories []string
		want       string
	}{
		{`<meta property="article:section" content=" Politics ">`, []string{"World"}, "Politics"},
		{`<meta property="article:section" content="Politics">`, nil, "Politics"},
		{`<meta property="article:section" content="  ">`, []string{"World"}, "World"},
		{``, nil, ""},
	} {
		doc := mustParse(t, "<html><head>"+c.meta+"</head><body><p>x</p></body></html>")
		if got := section(doc, trafilatura.Metadata{Categories: c.categories}); got != c.want {
			t.Errorf("section(%s, %q) = %q, want %q", c.meta, c.categories, got, c.want)
		}
	}
}

// TestDateTextAsWritten: the date text is the metadata's string as written
// when it starts with the date and is at most 40 bytes, else the date as
// YYYY-MM-DD.
func TestDateTextAsWritten(t *testing.T) {
	for _, c := range []struct{ content, want string }{
		{"2024-03-05T10:00:00+04:00", "2024-03-05T10:00:00+04:00"},
		{"2024-03-05 10:00:00 +0400 (Yerevan time)", "2024-03-05 10:00:00 +0400 (Yerevan time)"}, // 40 bytes
		{"2024-03-05 10:00:00 +0400 (Yerevan times)", "2024-03-05"},                              // 41 bytes
	} {
		doc := mustParse(t, `<html><head><meta property="article:published_time" content="`+c.content+`"></head><body><p>x</p></body></html>`)
		if got := readDate(doc, "", time.Time{}); got != c.want {
			t.Errorf("date of %q (%d bytes) = %q, want %q", c.content, len(c.content), got, c.want)
		}
	}
}

// TestRewriteDepth: elements nested deeper than maxDepth are unwrapped,
// their start and end tags dropped and their text kept; elements closed
// before do not count, however many.
func TestRewriteDepth(t *testing.T) {
	deep := strings.Repeat("<div>", maxDepth+44) + "deep text" + strings.Repeat("</div>", maxDepth+44)
	siblings := strings.Repeat("<div>x</div>", maxDepth+44)
	for _, c := range []struct {
		name       string
		page       string
		start, end int // <div> and </div> tags kept
	}{
		{"nested too deep", deep, maxDepth, maxDepth},
		{"after a closed element", "<section>intro</section>" + deep, maxDepth, maxDepth},
		{"siblings", siblings, maxDepth + 44, maxDepth + 44},
		{"siblings, then nested too deep", siblings + deep, maxDepth + 44 + maxDepth, maxDepth + 44 + maxDepth},
		{"nested too deep, self-closed tags among them", strings.Repeat("<div><br/>", maxDepth+44) + strings.Repeat("</div>", maxDepth+44), maxDepth, maxDepth},
	} {
		got := rewrite(c.page, false)
		if start, end := strings.Count(got, "<div>"), strings.Count(got, "</div>"); start != c.start || end != c.end {
			t.Errorf("%s: %d <div> and %d </div> kept, want %d and %d", c.name, start, end, c.start, c.end)
		}
		if strings.Contains(c.page, "deep text") && !strings.Contains(got, "deep text") {
			t.Errorf("%s: the text is lost", c.name)
		}
	}
}

// TestRewriteKeepsPages: rewriting re-emits the tokens of a page as they
// are (unslimmed, not too deep), whatever its first tag.
func TestRewriteKeepsPages(t *testing.T) {
	for _, page := range []string{
		"<p>one<p>two",
		"<li>one<li>two</ul>",
		"<!-- c --><p>a<br/>b</p>",
	} {
		if got := rewrite(page, false); got != page {
			t.Errorf("rewrite(%q) = %q", page, got)
		}
	}
}

// TestRewriteStopsAtMaxParsed: a page is read to the first token that
// brings it to maxParsed bytes.
func TestRewriteStopsAtMaxParsed(t *testing.T) {
	text := strings.Repeat("a", maxParsed)
	if got := rewrite(text+"<p>tail", false); got != text {
		t.Errorf("rewrite kept %d bytes (ends %q), want the first %d", len(got), got[max(0, len(got)-10):], maxParsed)
	}
	text = strings.Repeat("a", maxParsed-1)
	if got := rewrite(text+"<p>tail", false); got != text+"<p>" {
		t.Errorf("rewrite kept %d bytes (ends %q), want %d", len(got), got[max(0, len(got)-10):], maxParsed+2)
	}
}

// TestSlimDrops: slimming drops heavy elements with their content, media
// (self-closed too) and comments, keeps JSON-LD, and re-emits a long tag
// without its long attribute values; a tag of longTag bytes is not long.
func TestSlimDrops(t *testing.T) {
	exact := `<div data-x="`
	exact += strings.Repeat("x", longTag-len(exact)-2) + `">`
	for _, c := range []struct{ name, page, want string }{
		{"a script", "<p>a</p><script>var x = 1;</script><p>b</p>", "<p>a</p><p>b</p>"},
		{"an svg", "<p>a<svg><g><path d=M0></path></g></svg>b</p>", "<p>ab</p>"},
		{"a self-closed image", `<p>a<img src="data:image/png;base64,iVBOR"/>b</p>`, "<p>ab</p>"},
		{"an image", `<p>a<img src="/a.png">b</p>`, "<p>ab</p>"},
		{"a comment", "<p>a<!-- tracking -->b</p>", "<p>ab</p>"},
		{"JSON-LD", `<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>a</p>`, `<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>a</p>`},
		{"JSON-LD, type after another attribute", `<script id=ld type=" Application/LD+JSON ">{}</script><p>a</p>`, `<script id=ld type=" Application/LD+JSON ">{}</script><p>a</p>`},
		{"a script of another type", `<script type="text/javascript">{}</script><p>a</p>`, `<p>a</p>`},
		{"a style", `<style type="application/ld+json">p{}</style><p>a</p>`, `<p>a</p>`},
		{"a tag of longTag bytes", exact + "a</div>", exact + "a</div>"},
		{"a long tag without attributes", "<div" + strings.Repeat(" ", longTag) + ">a</div>", "<div>a</div>"},
	} {
		if got := rewrite(c.page, true); got != c.want {
			t.Errorf("%s: rewrite = %.300q, want %.300q", c.name, got, c.want)
		}
	}
}

// TestSlimParseSize: a page is slimmed before it is parsed only when it is
// over slimSize bytes.
func TestSlimParseSize(t *testing.T) {
	page := func(size int) string {
		head := "<html><head><script>var app = 1;</script></head><body><p>"
		tail := "</p></body></html>"
		return head + sized("The talks", size-len(head)-len(tail)) + tail
	}
	for _, c := range []struct {
		size    int
		scripts int
	}{{slimSize, 1}, {slimSize + 1, 0}} {
		text := page(c.size)
		if len(text) != c.size {
			t.Fatalf("the page has %d bytes, not %d", len(text), c.size)
		}
		if got := len(elements(mustParse(t, text), "script")); got != c.scripts {
			t.Errorf("a page of %d bytes: %d scripts parsed, want %d", c.size, got, c.scripts)
		}
	}
}

// TestShortBlobIsVisibleText: when go-trafilatura can only rescue a blob
// (here JSON-LD's articleBody, the page's own text being short) and it has
// under shortMain characters, the item is the page's visible text; from
// shortMain characters on, the blob is the body.
func TestShortBlobIsVisibleText(t *testing.T) {
	visible := "Read the statement of the border commission on the page of the ministry."
	armenian := strings.Repeat("Հայտարարություն ", 20)
	for _, c := range []struct {
		name string
		blob string
		want []string
	}{
		{"shortMain-1 characters", sized("The commission's statement in full:", shortMain-1), []string{visible}},
		{"shortMain characters", sized("The commission's statement in full:", shortMain), []string{sized("The commission's statement in full:", shortMain)}},
		{"shortMain-1 characters of twice as many bytes", string([]rune(armenian)[:shortMain-2]) + ".", []string{visible}},
	} {
		page := `<html><head><title>Statement</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","articleBody":"` +
			c.blob + `"}</script></head><body><div><p>` + visible + `</p></div></body></html>`
		r := extractItems(page, Hint{})
		if len(r.Items) != 1 {
			t.Fatalf("%s: %d items, dropped %v", c.name, len(r.Items), r.Dropped)
		}
		if diff := cmp.Diff(c.want, r.Items[0].Paragraphs); diff != "" {
			t.Errorf("%s: body (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLongTextBoundary: a page of over longText bytes of visible text has
// its main text read here, as the element whose own paragraphs hold the
// most text (the appendix in another element is left out); a page of
// exactly longText bytes is read by go-trafilatura, appendix included.
func TestLongTextBoundary(t *testing.T) {
	const appendix = "An appendix lists the maps the commission used."
	page := func(size int) string {
		var b strings.Builder
		b.WriteString(`<html><head><title>Report</title></head><body><div id="report">`)
		n := len(appendix)
		for i := 1; ; i++ {
			p := fmt.Sprintf("%d. The report lists village %d along the line, its fields and roads, and which side of the border it is on.", i, i)
			if n+len(p)+200 > size {
				p = sized("Last, the report", size-n)
			}
			b.WriteString("<p>" + p + "</p>")
			if n += len(p); n == size {
				break
			}
		}
		b.WriteString(`</div><div id="appendix"><p>` + appendix + `</p></div></body></html>`)
		return b.String()
	}
	for _, c := range []struct {
		size         int
		withAppendix bool
	}{{longText, true}, {longText + 1, false}} {
		text := page(c.size)
		if got := textBytes(mustParse(t, text)); got != c.size {
			t.Fatalf("the page has %d bytes of text, not %d", got, c.size)
		}
		r := extractItems(text, Hint{})
		if len(r.Items) != 1 {
			t.Fatalf("%d bytes: %d items, dropped %v", c.size, len(r.Items), r.Dropped)
		}
		ps := r.Items[0].Paragraphs
		if got := ps[len(ps)-1] == appendix; got != c.withAppendix {
			t.Errorf("%d bytes of text: appendix in the body %v, want %v (%d paragraphs)", c.size, got, c.withAppendix, len(ps))
		}
	}
}

// TestPostsOfNeedHeaderAndText: a candidate is a post when it has a
// heading, a date or an author of its own, and text besides that which is
// not mostly links (at most teaserShare of it).
func TestPostsOfNeedHeaderAndText(t *testing.T) {
	const text = "<p>The border commission met in Ijevan and agreed on the next stretch of the line.</p>"
	for _, c := range []struct {
		name    string
		article string
		want    bool
	}{
		{"a heading", "<h2>Border talks</h2>" + text, true},
		{"a date", `<time datetime="2024-03-05">5 March</time>` + text, true},
		{"an author", `<span class="author">Anna Petrosyan</span>` + text, true},
		{"no heading, date or author", text, false},
		{"a heading and no text", "<h2>Border talks</h2>", false},
		{"a heading and only links", `<h2>Border talks</h2><p><a href="/more">More on the border talks</a></p>`, false},
		{"a heading and half links", `<h2>Border talks</h2><p><a href="/geneva">Geneva talks</a> resume today</p>`, true},
		{"a heading and more than half links", `<h2>Border talks</h2><p><a href="/geneva">Geneva talks</a> resumed</p>`, false},
	} {
		doc := mustParse(t, "<html><body><article>"+c.article+"</article></body></html>")
		posts := postsOf(elements(doc, "article"))
		if got := len(posts) == 1; got != c.want {
			t.Errorf("%s: a post %v, want %v", c.name, got, c.want)
		}
	}
}

// TestReadPostURL: a post's URL is the href of its heading's link, else of
// a rel=bookmark link in it.
func TestReadPostURL(t *testing.T) {
	for _, c := range []struct{ name, article, want string }{
		{"the heading's link", `<h2><a href="/p/1">Talks</a></h2><p>Text <a rel="bookmark" href="/p/2">#</a></p>`, "/p/1"},
		{"a bookmark link", `<h2>Talks</h2><p>Text <a href="/other">other</a> <a rel="nofollow Bookmark" href="/p/2">#</a></p>`, "/p/2"},
		{"neither", `<h2>Talks</h2><p>Text <a href="/other">other</a></p>`, ""},
	} {
		doc := mustParse(t, "<html><body><article>"+c.article+"</article></body></html>")
		if got := readPost(elements(doc, "article")[0]).item.URL; got != c.want {
			t.Errorf("%s: URL %q, want %q", c.name, got, c.want)
		}
	}
}

// TestDominates: a post dominates when it holds more than postShare of the
// main text and is at least dominance times the median post.
func TestDominates(t *testing.T) {
	main := []block{{text: "aaaaaaa"}, {text: "bbb"}} // 7 and 3 bytes of 10
	withText := func(size int, paragraphs ...string) post {
		p := post{size: size, text: map[string]bool{}}
		for _, s := range paragraphs {
			p.text[s] = true
		}
		return p
	}
	for _, c := range []struct {
		name  string
		posts []post
		want  bool
	}{
		{"all the main text, 8 times the median", []post{withText(10), withText(10), withText(80, "aaaaaaa", "bbb")}, true},
		{"all the main text, under 8 times the median", []post{withText(10), withText(10), withText(79, "aaaaaaa", "bbb")}, false},
		{"70% of the main text, 8 times the median", []post{withText(10), withText(10), withText(80, "aaaaaaa")}, false},
		{"30% of the main text, 8 times the median", []post{withText(10), withText(10), withText(80, "bbb")}, false},
		{"none of the main text, 8 times the median", []post{withText(10), withText(10), withText(80)}, false},
	} {
		if got := dominates(c.posts, main); got != c.want {
			t.Errorf("%s: dominates = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestReadPostsShares: posts are read as such when together they hold at
// least postsShare of the page's visible text and no one of them more than
// postShare of theirs.
func TestReadPostsShares(t *testing.T) {
	article := func(title string, size int) string {
		return "<article><h2>" + title + "</h2><p>" + sized("The commission", size) + "</p></article>"
	}
	// other is a paragraph outside the posts bringing the visible text to
	// visible bytes.
	pageOf := func(posts string, visible int) string {
		doc := mustParse(t, "<html><body>"+posts+"</body></html>")
		n := 0
		for _, b := range blocksOf(doc, nil, nil) {
			n += len(b.text)
		}
		other := ""
		if visible > n {
			other = "<div><p>" + sized("Elsewhere", visible-n) + "</p></div>"
		}
		return "<html><body>" + posts + other + "</body></html>"
	}
	for _, c := range []struct {
		name string
		page string
		want bool
	}{
		{"posts of exactly half the text", pageOf(article("One", 100)+article("Two", 100), 400), true},
		{"posts of under half the text", pageOf(article("One", 100)+article("Two", 100), 401), false},
		{"posts of a tenth of the text", pageOf(article("One", 100)+article("Two", 100), 2000), false},
		{"one post of exactly 70%", pageOf(article("One", 140)+article("Two", 60), 0), true},
		{"one post of over 70%", pageOf(article("One", 141)+article("Two", 59), 0), false},
	} {
		doc := mustParse(t, c.page)
		_, got := readPosts(doc, c.page, page{blocks: blocksOf(doc, nil, nil)})
		if got != c.want {
			t.Errorf("%s: read as posts %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTwoArticlesArePosts: two <article>s with a heading each, no class,
// make a page of posts, one item each, numbered from 1, with their lines.
func TestTwoArticlesArePosts(t *testing.T) {
	page := "<html><head><title>Border news</title></head><body>\n" +
		"<article><h2>Roads reopen near the border</h2>\n" +
		"<p>The two roads closed in the spring reopened on Monday, and the first lorries crossed in the afternoon.</p></article>\n" +
		"<article><h2>Water sharing agreed</h2>\n" +
		"<p>Officials agreed how the water of the reservoir will be shared during the dry summer months ahead.</p>\n" +
		"</article>\n</body></html>"
	r := extractItems(page, Hint{})
	want := extract.Result{Layout: LayoutPosts, Items: []extract.Item{
		{LineStart: 2, LineEnd: 3, Ordinal: 1, Title: "Roads reopen near the border", Byline: []string{},
			Paragraphs: []string{"The two roads closed in the spring reopened on Monday, and the first lorries crossed in the afternoon."}},
		{LineStart: 4, LineEnd: 6, Ordinal: 2, Title: "Water sharing agreed", Byline: []string{},
			Paragraphs: []string{"Officials agreed how the water of the reservoir will be shared during the dry summer months ahead."}},
	}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
