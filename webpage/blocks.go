package webpage

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// blockTags end the paragraph before them and start a new one.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "blockquote": true, "pre": true, "table": true,
	"tr": true, "section": true, "article": true, "header": true, "footer": true,
	"figure": true, "figcaption": true, "hr": true, "br": true, "details": true,
	"summary": true, "main": true, "aside": true, "nav": true, "form": true,
	"caption": true, "address": true, "center": true, "fieldset": true,
}

// hiddenTags hold no visible text.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "svg": true, "math": true, "iframe": true,
	"object": true, "select": true, "textarea": true, "button": true,
}

// isChrome reports the elements around a text that are not part of it:
// figures and their captions, asides, navigation, footers, forms.
func isChrome(n *html.Node) bool {
	switch n.Data {
	case "figure", "figcaption", "aside", "nav", "footer", "form", "button":
		return true
	}
	return false
}

// block is one paragraph of a tree's text and the element it came from.
type block struct {
	text string
	node *html.Node // the innermost block element holding it
	// linked is the share of the text's bytes inside links, spaces aside.
	linked float64
	// local is the share inside links to the page's own site.
	local float64
}

// blocksOf cuts the text under n into paragraphs, one a block element or a
// line of a <br>- or newline-separated text (in <pre>), spaces tidied.
// local, if not nil, tells links to the page's own site; skip, if not nil,
// elements to leave out with their content.
func blocksOf(n *html.Node, local func(href string) bool, skip func(*html.Node) bool) []block {
	w := blockWriter{local: local, skip: skip}
	w.walk(n, n, false)
	w.flush()
	return w.blocks
}

type blockWriter struct {
	blocks []block
	cur    strings.Builder
	owner  *html.Node
	inLink int // depth of <a> elements around the text written
	// local reports a link's href to the page's own site; nil for none.
	local       func(href string) bool
	skip        func(*html.Node) bool
	inLocal     int // depth of those links to the page's own site
	localLinked int // bytes of words written inside them
	wordBytes   int // bytes of the words of cur (spaces not counted)
	linked      int // bytes of those words written inside links
}

// walk writes the text under n; owner is the innermost block element, pre
// says newlines end paragraphs. Deep trees were flattened by parse.
func (w *blockWriter) walk(n, owner *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, owner, pre)
		return
	case html.ElementNode:
		if hiddenTags[n.Data] || w.skip != nil && w.skip(n) {
			return
		}
		switch {
		case blockTags[n.Data]:
			w.flush()
			owner = n
			pre = pre || n.Data == "pre"
		case n.Data == "td" || n.Data == "th":
			w.space()
		case n.Data == "a":
			local := w.local != nil && w.local(attr(n, "href"))
			w.inLink++
			if local {
				w.inLocal++
			}
			defer func() {
				w.inLink--
				if local {
					w.inLocal--
				}
			}()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, owner, pre)
	}
	if n.Type == html.ElementNode && blockTags[n.Data] {
		w.flush()
	}
}

func (w *blockWriter) text(s string, owner *html.Node, pre bool) {
	if w.owner == nil {
		w.owner = owner
	}
	if !pre {
		w.words(s)
		return
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.flush()
			w.owner = owner
		}
		w.words(line)
	}
}

// words appends s with its runs of white space made one space, counting
// the bytes of its words, and those in links.
func (w *blockWriter) words(s string) {
	n := 0 // bytes of words written
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		if asciiSpace(c) || c >= utf8.RuneSelf && isSpace(c) {
			w.space()
		} else {
			w.cur.WriteString(s[i : i+size])
			n += size
		}
		i += size
	}
	w.wordBytes += n
	if w.inLink > 0 {
		w.linked += n
	}
	if w.inLocal > 0 {
		w.localLinked += n
	}
}

// asciiSpace reports the ASCII white space and controls isSpace reports.
func asciiSpace(c rune) bool { return c <= ' ' || c == 0x7F }

// space puts one space between words already written and the next.
func (w *blockWriter) space() {
	if n := w.cur.Len(); n > 0 && w.cur.String()[n-1] != ' ' {
		w.cur.WriteByte(' ')
	}
}

func (w *blockWriter) flush() {
	if t := strings.TrimRight(w.cur.String(), " "); t != "" {
		// The decoded page is in NFC, but an entity ("a&#769;") or two
		// text nodes joined may not be.
		if !norm.NFC.IsNormalString(t) {
			t = norm.NFC.String(t)
		}
		w.blocks = append(w.blocks, block{text: t, node: w.owner, linked: float64(w.linked) / float64(w.wordBytes),
			local: float64(w.localLinked) / float64(w.wordBytes)})
	}
	w.cur.Reset()
	w.owner, w.wordBytes, w.linked, w.localLinked = nil, 0, 0, 0
}

// tidy is a field on one line: runs of white space and control
// characters made one space, in NFC (metadata comes from attributes whose
// entities go-trafilatura decodes, "e&#769;" included).
func tidy(s string) string {
	var w blockWriter
	w.words(s)
	t := strings.TrimRight(w.cur.String(), " ")
	if !norm.NFC.IsNormalString(t) {
		t = norm.NFC.String(t)
	}
	return t
}

// isSpace reports white space, no-break and zero-width spaces and the
// controls text must not carry.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' || unicode.IsControl(r)
}

// attr is the value of an element's attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// localTo reports hrefs to the site of pageURL: relative ones, and those to
// its host or a host of the same site (www. and subdomains aside).
func localTo(pageURL string) func(href string) bool {
	site := ""
	if u, err := url.Parse(pageURL); err == nil {
		site = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return func(href string) bool {
		u, err := url.Parse(strings.TrimSpace(href))
		if err != nil {
			return false
		}
		if u.Host == "" {
			return u.Scheme == "" && u.Path != ""
		}
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		return site != "" && (host == site || strings.HasSuffix(host, "."+site) || strings.HasSuffix(site, "."+host))
	}
}
