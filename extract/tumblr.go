package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tumblr tag pages ("#kalbajar", "Explore tagged Tumblr posts") hold posts,
// each:
//
//	account · 3 months ago
//	Text                      (the post type)
//	Tumblr media              (image placeholders, anywhere)
//	the text, a line a paragraph, hashtags and a link often on the last line
//	25 notes · View notes
//
// A post's byline is its account, its outlet the platform. An image's file
// name is not text, nor the location tag Instagram adds before the link of
// a post it cross-posts ("(at Kəlbəcər, Azerbaijan) https://instagram…"):
// the place is the poster's check-in, not the post's words. A post whose
// only text is the headline of a linked video ("…-VIDEO") keeps it as its
// body: it is all the post says.

var (
	tumblrPostHeader = regexp.MustCompile(`^(\S+) · (.+ ago)$`)
	tumblrNotes      = regexp.MustCompile(`^\d[\d,.]*[kK]? notes?(?: · View notes?)?$`)
	tumblrPostTypes  = map[string]bool{"Text": true, "Photo": true, "Quote": true, "Link": true, "Chat": true, "Audio": true, "Video": true, "Answer": true}
	tumblrReadMore   = regexp.MustCompile(`(?i)^read more(?: here)?\.?$`)
	tumblrSourceLink = regexp.MustCompile(`(?i)\s*(?:source link\s*)?read the full article$`)
)

func isTumblrHeader(lines []string, i int) bool {
	l := strings.TrimSpace(lines[i])
	// Cheap tests of what the pattern needs first: few lines pass them.
	return strings.HasSuffix(l, " ago") && strings.Contains(l, " · ") && tumblrPostHeader.MatchString(l) &&
		i+1 < len(lines) && tumblrPostTypes[strings.TrimSpace(lines[i+1])]
}

func isTumblr(lines []string) bool {
	headers, named := 0, false
	for i, l := range lines {
		if strings.Contains(l, "Tumblr posts") || strings.TrimSpace(l) == "Tumblr media" {
			named = true
		}
		if isTumblrHeader(lines, i) {
			headers++
		}
	}
	return headers >= 2 || (headers == 1 && named)
}

func segmentTumblr(lines []string) []Item {
	var starts []int
	for i := range lines {
		if isTumblrHeader(lines, i) {
			starts = append(starts, i)
		}
	}
	items := make([]Item, 0, len(starts)+2)
	if len(starts) > 0 {
		items = append(items, articlesAround(lines, 0, starts[0])...)
	}
	for k, start := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		items = append(items, tumblrPost(lines, start, end))
	}
	if n := len(items); n > 0 && len(starts) > 0 {
		items = append(items, articlesAround(lines, items[n-1].LineEnd, len(lines))...)
	}
	return items
}

// articlesAround reads text before the first post or after the last one
// (an article saved in the same file as the tag page) with the general
// article layout, so that it does not vanish; the page's own header
// ("#tag", "Explore tagged Tumblr posts") holds no running text and
// yields nothing.
func articlesAround(lines []string, from, to int) []Item {
	p := newPage(lines, from, to)
	if it, ok := readArticle(p); ok {
		return []Item{it}
	}
	return nil
}

// tumblrPost reads the post in lines[start:end].
func tumblrPost(lines []string, start, end int) Item {
	m := tumblrPostHeader.FindStringSubmatch(strings.TrimSpace(lines[start]))
	it := Item{
		LineStart: start + 1,
		Outlet:    "Tumblr",
		DateText:  m[2],
		Byline:    []string{m[1]},
	}
	var text []string
	last := start + 1
	for i := start + 2; i < end; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		last = i
		if tumblrNotes.MatchString(l) {
			break
		}
		if isPlaceholder(l) || tumblrReadMore.MatchString(l) || len(l) <= 160 && strings.Contains(l, ".") && isImageName(l) {
			continue // an image's file name is never body
		}
		if hasLowerSuffix(l, "read the full article") {
			l = tumblrSourceLink.ReplaceAllString(l, "")
		}
		text = append(text, l)
	}
	it.LineEnd = last + 1
	if n := len(text); n > 0 {
		if body, url := cutTrailingURL(text[n-1]); url != "" {
			it.URL = url
			if text[n-1] = cutLocationTag(body); text[n-1] == "" {
				text = text[:n-1]
			}
		}
	}
	for i := range text {
		text[i] = cutPhotoCredit(text[i])
	}
	if postType := strings.TrimSpace(lines[start+1]); postType == "Text" && len(text) > 1 && isHeadline(text[0]) {
		it.Title, text = text[0], text[1:]
	}
	it.Paragraphs = text
	return it
}

// isHeadline reports a line that reads as a headline: short, and not ending
// as a sentence does.
func isHeadline(s string) bool {
	n := wordCount(s)
	return n >= 2 && n <= 25 && !endsSentence(s) && !isURL(s)
}

// hasLowerSuffix is strings.HasSuffix(strings.ToLower(s), suffix) for a
// lower-case ASCII suffix, without lowering all of s: ToLower maps rune by
// rune, so the runes that end s must each lower to a byte of the suffix.
func hasLowerSuffix(s, suffix string) bool {
	for i := len(suffix) - 1; i >= 0; i-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || unicode.ToLower(r) != rune(suffix[i]) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

var locationTag = regexp.MustCompile(`^\s*\(at [^()]{1,80}\)$`)

// cutLocationTag removes Instagram's "(at PLACE)" from the end of a post.
func cutLocationTag(s string) string { return cutTail(s, locationTag) }
