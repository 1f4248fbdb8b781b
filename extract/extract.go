// Package extract finds the articles and posts in a decoded capture and reads
// their fields from the text.
//
// Each layout of DESIGN.md has its own file holding a recogniser, which looks
// at the text only (never the file name), and a segmenter that cuts the text
// into items. Layouts are tried in the fixed order of [layouts]; a capture no
// recogniser accepts, or one whose recognised layout yields no items, is read
// by the generic plain extractor, so every readable capture yields records.
package extract

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Item is one article or post with the fields its text gives; an empty
// string means the text does not say.
type Item struct {
	// LineStart and LineEnd are the 1-based, inclusive lines the item spans.
	LineStart, LineEnd int
	// Ordinal is the item's 1-based place among the items its capture was
	// cut into, those dropped included, so that dropping an item does not
	// renumber the records after it: it ends the record's id.
	Ordinal    int
	Title      string
	Outlet     string // as written, e.g. "new.am, Armenia"
	Section    string
	URL        string
	DateText   string
	Byline     []string
	Paragraphs []string
}

// Dropped is an item that was found but yields no record, and why.
type Dropped struct {
	LineStart, LineEnd int
	Reason             string
}

// Result is what extraction found in one capture.
type Result struct {
	Layout  string
	Items   []Item
	Dropped []Dropped
}

type layout struct {
	name      string
	recognize func(c *capture) bool
	segment   func(c *capture) []Item
	// dropped, when set, adds what the layout leaves out on purpose.
	dropped func(c *capture, r *Result)
}

// capture is the text being read: its lines, and the line classifier's
// view of them, worked out once for the layouts that use it.
type capture struct {
	lines   []string
	classed *page // the whole text classified, when first needed
	listing *page // the same, with stamped entries cut apart
}

func newCapture(lines []string) *capture { return &capture{lines: lines} }

// page is the whole capture as the line classifier reads it. Callers may
// not change it.
func (c *capture) page() *page {
	if c.classed == nil {
		c.classed = newPage(c.lines, 0, len(c.lines))
	}
	return c.classed
}

// layouts are tried in order; the first that recognises the text is used.
// Specific shapes come before general ones.
var layouts = []layout{
	{"tumblr", byLines(isTumblr), byLinesSegment(segmentTumblr), nil},
	{"news_page", byLines(isNewsPage), byLinesSegment(segmentNewsPage), nil},
	{"analysis", byLines(isAnalysis), byLinesSegment(segmentAnalysis), nil},
	{"digest", byLines(isDigest), byLinesSegment(segmentDigest), nil},
	{"listing", isListing, segmentListing, introDropped},
	{"bare_article", isBareArticle, segmentBareArticle, nil},
	{"article", isArticle, segmentArticle, nil},
}

// byLines and byLinesSegment adapt the seed layouts, which read lines.
func byLines(f func([]string) bool) func(*capture) bool {
	return func(c *capture) bool { return f(c.lines) }
}

func byLinesSegment(f func([]string) []Item) func(*capture) []Item {
	return func(c *capture) []Item { return f(c.lines) }
}

// LayoutPlain is the generic layout used when no other fits.
const LayoutPlain = "plain"

// Extract finds the items of a decoded capture.
func Extract(text string) Result {
	lines := strings.Split(text, "\n")
	c := newCapture(lines)
	for _, l := range layouts {
		if !l.recognize(c) {
			continue
		}
		if r := finish(l.name, l.segment(c)); len(r.Items) > 0 {
			if l.dropped != nil {
				l.dropped(c, &r)
			}
			return r
		}
	}
	return finish(LayoutPlain, segmentPlain(lines))
}

// finish tidies every item and drops those left without a body.
func finish(layout string, items []Item) Result {
	r := Result{Layout: layout}
	for n, it := range items {
		it.Ordinal = n + 1
		it.Title = tidy(it.Title)
		it.Outlet = tidy(it.Outlet)
		it.Section = tidy(it.Section)
		it.DateText = tidy(it.DateText)
		var paragraphs []string
		for _, p := range it.Paragraphs {
			if p = tidy(p); p != "" {
				paragraphs = append(paragraphs, p)
			}
		}
		it.Paragraphs = paragraphs
		if it.Byline == nil {
			it.Byline = []string{}
		}
		if len(paragraphs) == 0 {
			r.Dropped = append(r.Dropped, Dropped{it.LineStart, it.LineEnd, "no body text"})
			continue
		}
		r.Items = append(r.Items, it)
	}
	return r
}

// tidy trims a field and collapses its runs of white space, no-break and
// zero-width spaces included, to one plain space.
func tidy(s string) string {
	if isTidy(s) {
		return s // as most fields are: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for w := range words(s, isSpace) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// isTidy reports a field tidy leaves as it is: not empty, words separated by
// single plain spaces, none at either end.
func isTidy(s string) bool {
	spaced := true // so that a leading space is untidy
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ':
			if spaced {
				return false
			}
			spaced = true
			i++
		case !spaceLeads[c]:
			spaced = false
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				return false // white space other than a plain space
			}
			spaced = false
			i += size
		}
	}
	return !spaced
}

// isSpace reports the runes tidy collapses.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' }

// spaceLeads marks the bytes that start the UTF-8 of a rune isSpace reports.
// Any other byte is in no such rune, whether it starts a rune, continues
// one or is invalid, so scans step over it without decoding.
var spaceLeads = func() (leads [256]bool) {
	mark := func(r rune) { leads[utf8.AppendRune(nil, r)[0]] = true }
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			mark(r)
		}
	}
	for _, rg := range unicode.White_Space.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			mark(r)
		}
	}
	mark('\u200B')
	mark('\uFEFF')
	return leads
}()

// words yields the words of s, as strings.FieldsFunc(s, space) would list
// them; space must report only runes isSpace does.
func words(s string, space func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		word := -1 // where the current word starts; -1 between words
		for i := 0; i < len(s); {
			size := 1
			if spaceLeads[s[i]] {
				var r rune
				if r, size = utf8.DecodeRuneInString(s[i:]); space(r) {
					if word >= 0 && !yield(s[word:i]) {
						return
					}
					word = -1
					i += size
					continue
				}
			}
			if word < 0 {
				word = i
			}
			i += size
		}
		if word >= 0 {
			yield(s[word:])
		}
	}
}

// Body joins paragraphs the way DESIGN.md lays out a body: one blank line between.
func (it Item) Body() string { return strings.Join(it.Paragraphs, "\n\n") }
