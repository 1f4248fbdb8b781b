package webpage

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/nkcorpus/builder/dates"
)

// leadWindow is how many paragraphs from the top the headline is looked
// for, and leadShort the length under which the lines before it are its
// kicker, rubric or breadcrumb rather than text.
const (
	leadWindow = 5
	leadShort  = 120
)

// bareURL matches a paragraph that is only a web address, which a page
// writes to show it, not to send the reader on.
var bareURL = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)

// cleanBody is the article's paragraphs from go-trafilatura's blocks:
// the headline (the title field has it) and what stands above it left out,
// the byline and date lines above the text and the author's name alone
// below it (the byline and date fields have them), and the blocks that are
// links to other pages of the site — related stories and teasers inside or
// after the text, read in the page's own markup (index) since
// go-trafilatura drops the links.
func cleanBody(blocks []block, index map[string]block, titles, byline []string) []string {
	var paragraphs []string
	for _, b := range blocks {
		if o, ok := index[b.text]; ok && o.local >= 0.9 && !bareURL.MatchString(b.text) {
			continue
		}
		paragraphs = append(paragraphs, b.text)
	}
	paragraphs = dropHeadline(paragraphs, titles)
	return dropByline(paragraphs, byline)
}

// byPrefix opens a byline line.
var byPrefix = regexp.MustCompile(`(?i)^(?:by|written by|posted by|von|par|por|di|автор|от)[:\s]`)

// dropByline drops the short lines before the first long paragraph that
// are a date or a byline, and a last paragraph that is an author's name.
func dropByline(paragraphs, byline []string) []string {
	isMeta := func(p string) bool {
		if len(p) >= leadShort {
			return false
		}
		if _, ok := dates.Parse(p, time.Time{}); ok {
			return true
		}
		return byPrefix.MatchString(p) || isTitle(p, byline)
	}
	kept := paragraphs[:0:0]
	lead := true
	for _, p := range paragraphs {
		lead = lead && len(p) < leadShort
		if lead && isMeta(p) {
			continue
		}
		kept = append(kept, p)
	}
	if n := len(kept); n > 1 && isTitle(kept[n-1], byline) {
		kept = kept[:n-1]
	}
	return kept
}

// dropHeadline drops the first paragraph among the top few that is one of
// the titles, and the short lines above it.
func dropHeadline(paragraphs, titles []string) []string {
	for i, p := range paragraphs[:min(len(paragraphs), leadWindow)] {
		if !isTitle(p, titles) {
			continue
		}
		for _, above := range paragraphs[:i] {
			if len(above) >= leadShort {
				return append(paragraphs[:i:i], paragraphs[i+1:]...)
			}
		}
		return paragraphs[i+1:]
	}
	return paragraphs
}

func isTitle(p string, titles []string) bool {
	key := wordKey(p)
	for _, t := range titles {
		if k := wordKey(t); k != "" && k == key {
			return true
		}
	}
	return false
}

// wordKey is s's words in lower case, punctuation and spacing aside, so
// that a headline matches its copy in og:title.
func wordKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), " ")
}

// hasWord reports text with a letter or a digit in it.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
