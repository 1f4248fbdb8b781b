package webpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
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

// block is one paragraph of a tree's text and the element it came from.
type block struct {
	text string
	node *html.Node // the innermost block element holding it
}

// blocksOf cuts the text under n into paragraphs, one a block element or a
// line of a <br>- or newline-separated text (in <pre>), spaces tidied.
func blocksOf(n *html.Node) []block {
	w := blockWriter{}
	w.walk(n, n, false)
	w.flush()
	return w.blocks
}

type blockWriter struct {
	blocks []block
	cur    strings.Builder
	owner  *html.Node
}

// walk writes the text under n; owner is the innermost block element, pre
// says newlines end paragraphs. Deep trees were flattened by parse.
func (w *blockWriter) walk(n, owner *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, owner, pre)
		return
	case html.ElementNode:
		if hiddenTags[n.Data] {
			return
		}
		if blockTags[n.Data] {
			w.flush()
			owner = n
			pre = pre || n.Data == "pre"
		} else if n.Data == "td" || n.Data == "th" {
			w.space()
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

// words appends s with its runs of white space made one space.
func (w *blockWriter) words(s string) {
	for i, f := range strings.FieldsFunc(s, isSpace) {
		if i > 0 || startsWithSpace(s) {
			w.space()
		}
		w.cur.WriteString(f)
	}
	if endsWithSpace(s) {
		w.space()
	}
}

// space puts one space between words already written and the next.
func (w *blockWriter) space() {
	if n := w.cur.Len(); n > 0 && w.cur.String()[n-1] != ' ' {
		w.cur.WriteByte(' ')
	}
}

func (w *blockWriter) flush() {
	if t := strings.TrimRight(w.cur.String(), " "); t != "" {
		w.blocks = append(w.blocks, block{text: t, node: w.owner})
	}
	w.cur.Reset()
	w.owner = nil
}

// isSpace reports white space, no-break and zero-width spaces and the
// controls text must not carry.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' || unicode.IsControl(r)
}

func startsWithSpace(s string) bool {
	for _, r := range s {
		return isSpace(r)
	}
	return false
}

func endsWithSpace(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	return size > 0 && isSpace(r)
}
