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

// spans is the 1-based, inclusive lines of each of nodes, elements of doc.
func (f *lineFinder) spans(doc *html.Node, nodes []*html.Node) [][2]int {
	out := make([][2]int, len(nodes))
	byName := map[string][]int{} // indexes into nodes, by element name
	for i, n := range nodes {
		byName[n.Data] = append(byName[n.Data], i)
		out[i] = [2]int{1, f.line(len(f.text))}
	}
	for name, indexes := range byName {
		tags := f.spansOf(name)
		group := make([]*html.Node, len(indexes))
		for j, i := range indexes {
			group[j] = nodes[i]
		}
		for j, k := range ordinals(doc, name, group) {
			if k >= 0 && k < len(tags) {
				t := tags[k]
				out[indexes[j]] = [2]int{f.line(t.start), f.line(max(t.start, t.end-1))}
			}
		}
	}
	return out
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

// ordinals is, for each of nodes (elements named name), how many
// elements of that name come before it in doc, in document order; -1 for
// one not in doc.
func ordinals(doc *html.Node, name string, nodes []*html.Node) []int {
	want := make(map[*html.Node]int, len(nodes))
	for i, n := range nodes {
		want[n] = i
	}
	out := make([]int, len(nodes))
	for i := range out {
		out[i] = -1
	}
	k := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.Data == name {
			if i, ok := want[c]; ok {
				out[i] = k
			}
			k++
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			walk(g)
		}
	}
	walk(doc)
	return out
}
