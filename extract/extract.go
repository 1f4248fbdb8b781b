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
	"strings"
	"unicode"
)

// Item is one article or post with the fields its text gives; an empty
// string means the text does not say.
type Item struct {
	// LineStart and LineEnd are the 1-based, inclusive lines the item spans.
	LineStart, LineEnd int
	Title              string
	Outlet             string // as written, e.g. "new.am, Armenia"
	Section            string
	URL                string
	DateText           string
	Byline             []string
	Paragraphs         []string
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
	recognize func(lines []string) bool
	segment   func(lines []string) []Item
}

// layouts are tried in order; the first that recognises the text is used.
// Specific shapes come before general ones.
var layouts = []layout{
	{"tumblr", isTumblr, segmentTumblr},
	{"news_page", isNewsPage, segmentNewsPage},
	{"analysis", isAnalysis, segmentAnalysis},
	{"digest", isDigest, segmentDigest},
	{"bare_article", isBareArticle, segmentBareArticle},
}

// LayoutPlain is the generic layout used when no other fits.
const LayoutPlain = "plain"

// Extract finds the items of a decoded capture.
func Extract(text string) Result {
	lines := strings.Split(text, "\n")
	for _, l := range layouts {
		if !l.recognize(lines) {
			continue
		}
		if r := finish(l.name, l.segment(lines)); len(r.Items) > 0 {
			return r
		}
	}
	return finish(LayoutPlain, segmentPlain(lines))
}

// finish tidies every item and drops those left without a body.
func finish(layout string, items []Item) Result {
	r := Result{Layout: layout}
	for _, it := range items {
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
	isSpace := func(r rune) bool { return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' }
	clean := true
	last := ' '
	for _, r := range s {
		if isSpace(r) && (r != ' ' || last == ' ') {
			clean = false
			break
		}
		last = r
	}
	if clean && !isSpace(last) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// Body joins paragraphs the way DESIGN.md lays out a body: one blank line between.
func (it Item) Body() string { return strings.Join(it.Paragraphs, "\n\n") }
