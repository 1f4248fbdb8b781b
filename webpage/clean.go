package webpage

import (
	"regexp"
	"slices"
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

// nearShare is the share of the words of the shorter of a heading and a
// title (of three words or more) the longer must have for the heading to be
// the headline.
const nearShare = 0.8

// bareURL matches a paragraph that is only a web address.
var bareURL = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)

// cleanBody is the article's paragraphs from go-trafilatura's blocks:
// the headline (the title field has it) and what stands above it left out,
// the byline and date lines above the text and the author's name alone
// below it (the byline and date fields have them), and the blocks that are
// links to other pages of the site — related stories and teasers inside or
// after the text, read in the page's own markup (index) since
// go-trafilatura drops the links.
func cleanBody(blocks []block, index map[string]block, titles, byline []string) []string {
	var kept []block
	for _, b := range blocks {
		if o, ok := index[b.text]; ok && isSiteLink(o) {
			continue
		}
		kept = append(kept, b)
	}
	kept = dropHeadline(kept, titles)
	return dropByline(texts(kept), byline)
}

// teaserLabel opens a line that sends the reader to another story:
// "Related:", "SEE ALSO:", "Читайте также:" before the link.
var teaserLabel = regexp.MustCompile(`^(?:[\p{L}]+\s){0,2}[\p{L}]+:\s`)

// teaserSize is the length under which a labelled link is a teaser.
const teaserSize = 150

// isSiteLink reports a block that is a link to another page of the site:
// all of it, or all but a short label before it ("Related: …"). A bare
// web address stays: the page shows it to be read.
func isSiteLink(b block) bool {
	switch {
	case bareURL.MatchString(b.text):
		return false
	case b.local >= 0.9:
		return true
	}
	return b.local >= 0.7 && len(b.text) < teaserSize && teaserLabel.MatchString(b.text)
}

// byPrefix opens a byline line.
var byPrefix = regexp.MustCompile(`(?i)^(?:by|written by|posted by|von|par|por|di|автор|от)[:\s]`)

// dropByline drops the short lines among the top few, before the first
// long paragraph, that are a date or a byline (or name an author), and a
// last paragraph that is an author's name.
func dropByline(paragraphs, byline []string) []string {
	isMeta := func(p string) bool {
		if _, ok := dates.Parse(p, time.Time{}); ok {
			return true
		}
		return byPrefix.MatchString(p) || namesAuthor(p, byline)
	}
	kept := paragraphs[:0:0]
	lead := true
	for i, p := range paragraphs {
		lead = lead && i < leadWindow && len(p) < leadShort
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

// namesAuthor reports a byline line: one holding an author's name of two
// words or more, after "by" or as most of its words ("5:45 AM 11/19/2019
// by Jane Doe", "Jane Doe, Staff Writer"); a sentence naming a news agency
// of the byline is not one.
func namesAuthor(p string, byline []string) bool {
	words := strings.Fields(wordKey(p))
	key := " " + strings.Join(words, " ") + " "
	for _, name := range byline {
		k := strings.Fields(wordKey(name))
		if len(k) < 2 || !strings.Contains(key, " "+strings.Join(k, " ")+" ") {
			continue
		}
		if strings.Contains(key, " by "+strings.Join(k, " ")+" ") || 2*len(k) >= len(words) {
			return true
		}
	}
	return false
}

// dropHeadline drops the first block among the top few that is the title,
// or a heading above the text that is near it, and the short lines above.
func dropHeadline(blocks []block, titles []string) []block {
	top := true // no long paragraph above
	for i, b := range blocks[:min(len(blocks), leadWindow)] {
		if isTitle(b.text, titles) || top && isHeadingBlock(b) && nearTitle(b.text, titles) {
			if top {
				return blocks[i+1:]
			}
			return append(blocks[:i:i], blocks[i+1:]...)
		}
		top = top && len(b.text) < leadShort
	}
	return blocks
}

func isHeadingBlock(b block) bool { return b.node != nil && isHeading(b.node) }

func isTitle(p string, titles []string) bool {
	key := wordKey(p)
	for _, t := range titles {
		if k := wordKey(t); k != "" && k == key {
			return true
		}
	}
	return false
}

// nearTitle reports text that has most of the words of a title, or whose
// words a title has, as a headline has its variant in og:title ("HS" for
// "High School", words added or dropped).
func nearTitle(p string, titles []string) bool {
	words := strings.Fields(wordKey(p))
	for _, t := range titles {
		other := strings.Fields(wordKey(t))
		shared := 0
		for _, w := range words {
			if slices.Contains(other, w) {
				shared++
			}
		}
		if fewer := min(len(words), len(other)); fewer >= 3 && float64(shared) >= nearShare*float64(fewer) {
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
