package webpage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func mustParse(t *testing.T, text string) *html.Node {
	t.Helper()
	doc, err := parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestBlocks: a block element ends a block, a table cell a word; <pre>
// keeps its lines; white space, Unicode's and the controls too, is one
// space; the share of a block's word bytes inside links, and
// inside links to the page's own site, is counted.
func TestBlocks(t *testing.T) {
	doc := mustParse(t, `<html><body><div>Roads <a href="/roads">open</a> <a href="https://other.example/x">again</a></div>`+
		`<table><tr><td>one</td><td>two</td></tr></table><pre>line one
line two</pre><pre><b>x</b>y
z</pre><div><p>first</p>tail</div><p>a&nbsp;bc d</p><p>after  the <b>pre</b></p><p><a href="/a"><b>in</b>side</a> out</p></body></html>`)
	got := blocksOf(doc, localTo("https://www.news.example/page"), nil)
	want := []block{
		{text: "Roads open again", linked: 9.0 / 14, local: 4.0 / 14},
		{text: "one two"},
		{text: "line one"},
		{text: "line two"},
		{text: "xy"},
		{text: "z"},
		{text: "first"},
		{text: "tail"},
		{text: "a b c d"},
		{text: "after the pre"},
		{text: "inside out", linked: 6.0 / 9, local: 6.0 / 9},
	}
	for i := range got {
		got[i].node = nil
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(block{})); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

// TestIsBlob: a main text is a blob when less than half of its bytes are
// the text of a block of the page.
func TestIsBlob(t *testing.T) {
	index := map[string]block{"abcd": {text: "abcd"}}
	for _, c := range []struct {
		main []block
		want bool
	}{
		{[]block{{text: "abcd"}, {text: "wxyz"}}, false}, // exactly half found
		{[]block{{text: "abcd"}, {text: "vwxyz"}}, true},
		{[]block{{text: "abcd"}}, false},
		{[]block{{text: "vwxyz"}}, true},
	} {
		if got := isBlob(c.main, index); got != c.want {
			t.Errorf("isBlob(%v) = %v, want %v", texts(c.main), got, c.want)
		}
	}
}

// TestMainTextRescued: when go-trafilatura gives a blob, go-readability's
// reading of the page is taken if it has the structure and at least half
// the blob's text; else the blob stays.
func TestMainTextRescued(t *testing.T) {
	var paragraphs []string
	for i := range 6 {
		paragraphs = append(paragraphs, fmt.Sprintf("Paragraph %d of the report says the border commission met again in Gazakh and agreed on the next stretch of the line, officials said.", i+1))
	}
	doc := mustParse(t, "<html><head><title>Report</title></head><body><nav><a href=/>Home</a></nav><article><p>"+strings.Join(paragraphs, "</p><p>")+"</p></article></body></html>")
	blocks := blocksOf(doc, nil, nil)
	index := make(map[string]block)
	for _, b := range blocks {
		index[b.text] = b
	}
	blob := func(text string) *trafilatura.ExtractResult {
		n := &html.Node{Type: html.ElementNode, Data: "div"}
		n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		return &trafilatura.ExtractResult{ContentNode: n}
	}
	got := texts(mainText(doc, blob(strings.Join(paragraphs, " ")), options(Hint{}), index))
	if diff := cmp.Diff(paragraphs, got); diff != "" {
		t.Errorf("a blob of the paragraphs: main text (-want +got):\n%s", diff)
	}
	// go-readability's text is exactly half of this blob's: it is taken.
	half := strings.Repeat("x", 2*len(strings.Join(paragraphs, "")))
	if got := texts(mainText(doc, blob(half), options(Hint{}), index)); !cmp.Equal(got, paragraphs) {
		t.Errorf("a blob of twice the page's text: main text %.80q, want the paragraphs", got)
	}
	// go-readability's text is under half of this blob's: the blob stays.
	long := strings.Repeat(strings.Join(paragraphs, " ")+" ", 3)
	if got := texts(mainText(doc, blob(long), options(Hint{}), index)); len(got) != 1 || got[0] != strings.TrimSpace(long) {
		t.Errorf("a blob three times the page's text: main text %q, want the blob", got)
	}
	// Not a blob: go-trafilatura's blocks are kept, a repeated last one once.
	content := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, text := range append(paragraphs[:2:2], paragraphs[1]) {
		p := &html.Node{Type: html.ElementNode, Data: "p"}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		content.AppendChild(p)
	}
	if got := texts(mainText(doc, &trafilatura.ExtractResult{ContentNode: content}, options(Hint{}), index)); !cmp.Equal(got, paragraphs[:2]) {
		t.Errorf("go-trafilatura's own blocks: main text %q, want the first two paragraphs", got)
	}
}

// TestLongPage: a page of more than longText bytes of text is read from
// the element whose own paragraphs hold the most text, its metadata from
// its head.
func TestLongPage(t *testing.T) {
	paragraph := "The commission's report lists every village along the line, its fields and roads, and which side of the border each of them is on. "
	var article []string
	for len(strings.Join(article, "")) <= longText {
		article = append(article, fmt.Sprintf("%d. %s", len(article)+1, paragraph))
	}
	page := `<html><head><meta charset="utf-8"><title>Border report | News</title><meta property="og:title" content="The border report in full">` +
		`<meta name="author" content="Anna Petrosyan"></head><body><nav><p>Home</p><p>World</p></nav><main><div class="text"><p>` +
		strings.Join(article, "</p><p>") + `</p></div><aside><p>Most read: Roads reopen</p></aside></main></body></html>`
	r := extractItems(page, Hint{})
	if len(r.Items) != 1 {
		t.Fatalf("%d items, dropped %v", len(r.Items), r.Dropped)
	}
	it := r.Items[0]
	if it.Title != "The border report in full" || len(it.Paragraphs) != len(article) || it.Paragraphs[0] != strings.TrimSpace(article[0]) {
		t.Errorf("title %q, %d paragraphs (first %.40q), want the og:title and the %d paragraphs of the article", it.Title, len(it.Paragraphs), it.Paragraphs[0], len(article))
	}
}

// TestTextBytes counts the bytes of the text a reader sees in the page,
// not of its head, scripts or styles.
func TestTextBytes(t *testing.T) {
	doc := mustParse(t, "<html><head><title>abc</title><style>p{}</style></head><body><p>de<b>fg</b></p><script>var x</script>h</body></html>")
	if got := textBytes(doc); got != len("defgh") {
		t.Errorf("textBytes = %d, want %d", got, len("defgh"))
	}
}

// TestRichestContainer: the element whose own paragraphs hold the most
// text; of two alike, the first.
func TestRichestContainer(t *testing.T) {
	doc := mustParse(t, `<html><body><div id="a"><p>one two</p></div><div id="b"><p>six six</p></div><div id="c"><p>one</p><div><p>ab</p></div></div></body></html>`)
	if got := attr(richestContainer(doc), "id"); got != "a" {
		t.Errorf("richest container %q, want the first of the two alike, a", got)
	}
}
