package webpage

import (
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// lineFinder tells the lines of the decoded text an element of its tree
// spans. The tree does not keep positions, so the element is found again
// among the text's tags: the k-th element of its name in document order is
// the k-th start tag of that name.
type lineFinder struct {
	text     string
	newlines []int // offsets of the "\n"s of text
	tags     map[string][]tagSpan
}

// tagSpan is where an element's start tag begins and its end tag (or, left
// open, the text) ends.
type tagSpan struct{ start, end int }

func newLineFinder(text string) *lineFinder {
	f := &lineFinder{text: text, tags: map[string][]tagSpan{}}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		f.newlines = append(f.newlines, i+j)
		i += j + 1
	}
	return f
}

// span is the 1-based, inclusive lines of n, an element of doc.
func (f *lineFinder) span(doc, n *html.Node) (int, int) {
	spans := f.spansOf(n.Data)
	k := ordinal(doc, n)
	if k < 0 || k >= len(spans) {
		return 1, f.line(len(f.text))
	}
	return f.line(spans[k].start), f.line(max(spans[k].start, spans[k].end-1))
}

// line is the 1-based line of a byte offset.
func (f *lineFinder) line(offset int) int {
	return sort.SearchInts(f.newlines, offset) + 1
}

// spansOf lists the elements of a name in the text, read once a name.
func (f *lineFinder) spansOf(name string) []tagSpan {
	if s, ok := f.tags[name]; ok {
		return s
	}
	var spans []tagSpan
	var open []int // indexes into spans of the elements still open
	z := html.NewTokenizer(strings.NewReader(f.text))
	offset := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		size := len(z.Raw())
		if tt == html.StartTagToken || tt == html.EndTagToken {
			if tag, _ := z.TagName(); string(tag) == name {
				if tt == html.StartTagToken {
					open = append(open, len(spans))
					spans = append(spans, tagSpan{offset, len(f.text)})
				} else if len(open) > 0 {
					spans[open[len(open)-1]].end = offset + size
					open = open[:len(open)-1]
				}
			}
		}
		offset += size
	}
	f.tags[name] = spans
	return spans
}

// ordinal is how many elements named as n come before it in doc, in
// document order; -1 if n is not in doc.
func ordinal(doc, n *html.Node) int {
	k := 0
	var walk func(*html.Node) bool
	walk = func(c *html.Node) bool {
		if c == n {
			return true
		}
		if c.Type == html.ElementNode && c.Data == n.Data {
			k++
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if walk(g) {
				return true
			}
		}
		return false
	}
	if !walk(doc) {
		return -1
	}
	return k
}
