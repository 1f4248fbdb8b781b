package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/dates"
)

// Mailing-list digests hold many articles in a row. Each starts with a header:
//
//	Title                         Title
//	                              (blank)
//	Outlet[, Country]     or      Oct 2 2023
//	Oct 2 2023                      • Outlet
//	                                • Section
//
// then an optional standfirst, an optional byline ("By NAME", "ByNAME" when
// the capture lost the space, or a name alone), the article, and often its URL
// as the last line. Inside the article sit wire-service notes, photo credits
// and captions, embedded-player placeholders, "Author – NAME, City" lines,
// lists and lines of links to other articles, and an author's bio at the end.

type digestHeader struct {
	title, date, bodyStart int // line indexes
	outlet, section        string
}

// isDateLine reports a line that is a date and nothing else: at most 40
// characters (a Cyrillic date is twice its length in bytes) and 5 words.
func isDateLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 40 || strings.IndexFunc(s, unicode.IsDigit) < 0 || wordCount(s) > 5 {
		return false
	}
	_, ok := dates.Parse(s, time.Time{})
	return ok
}

func prevNonBlank(lines []string, i int) int {
	for i--; i >= 0; i-- {
		if !blank(lines[i]) {
			return i
		}
	}
	return -1
}

func isDigestTitle(lines []string, i int) bool {
	l := strings.TrimSpace(lines[i])
	return (i == 0 || blank(lines[i-1])) && wordCount(l) <= 30 && !strings.HasSuffix(l, ".") && !isDateLine(l)
}

func isOutletLine(s string) bool {
	s = strings.TrimSpace(s)
	return wordCount(s) <= 8 && !endsSentence(s) && !isDateLine(s) && !isURL(s)
}

func digestHeaders(lines []string) []digestHeader {
	var headers []digestHeader
	for i := range lines {
		if !isDateLine(lines[i]) {
			continue
		}
		above := prevNonBlank(lines, i)
		if above < 0 {
			continue
		}
		var bullets []string
		next := i + 1
		for ; next < len(lines) && isBullet(lines[next]); next++ {
			bullets = append(bullets, unbullet(lines[next]))
		}
		if len(bullets) > 0 && isDigestTitle(lines, above) {
			h := digestHeader{title: above, date: i, bodyStart: next, outlet: bullets[0]}
			if len(bullets) > 1 {
				h.section = bullets[1]
			}
			headers = append(headers, h)
			continue
		}
		title := prevNonBlank(lines, above)
		if title >= 0 && isOutletLine(lines[above]) && isDigestTitle(lines, title) {
			headers = append(headers, digestHeader{title: title, date: i, bodyStart: i + 1, outlet: lines[above]})
		}
	}
	return headers
}

// isDigest accepts two item headers or more, or one at the top of the text
// whose title and outlet lines the line classifier does not take for
// furniture (a news page's "ÖLKƏ" above its date is not an outlet, nor a
// banner its headline), and under which the article starts at once.
func isDigest(lines []string) bool {
	h := digestHeaders(lines)
	if len(h) == 1 {
		outlet, _, _ := classifyLine(h[0].outlet, anyLanguage)
		title, _, _ := classifyLine(strings.TrimSpace(lines[h[0].title]), anyLanguage)
		body := nonBlankLines(lines, h[0].bodyStart, min(len(lines), h[0].bodyStart+8))
		return prevNonBlank(lines, h[0].title) < 0 && outlet != classChrome && title != classChrome &&
			len(body) > 0 && wordCount(body[0].text) >= 4 && closesSentence(body[0].text)
	}
	return len(h) >= 2
}

func segmentDigest(lines []string) []Item {
	headers := digestHeaders(lines)
	items := make([]Item, 0, len(headers))
	for k, h := range headers {
		end := len(lines)
		if k+1 < len(headers) {
			end = headers[k+1].title
		}
		items = append(items, digestItem(lines, h, end))
	}
	return items
}

type numberedLine struct {
	index int
	text  string
}

func nonBlankLines(lines []string, from, to int) []numberedLine {
	var out []numberedLine
	for i := from; i < to; i++ {
		if l := strings.TrimSpace(lines[i]); l != "" {
			out = append(out, numberedLine{i, l})
		}
	}
	return out
}

func digestItem(lines []string, h digestHeader, end int) Item {
	it := Item{
		LineStart: h.title + 1,
		Title:     lines[h.title],
		Outlet:    h.outlet,
		Section:   h.section,
		DateText:  lines[h.date],
		LineEnd:   h.date + 1,
	}
	body := nonBlankLines(lines, h.bodyStart, end)
	if len(body) > 0 {
		it.LineEnd = body[len(body)-1].index + 1
	}
	// The tail: the article's URL, closing wire notes, the author's bio.
	for len(body) > 0 {
		last := body[len(body)-1].text
		switch {
		case isURL(last) && it.URL == "":
			it.URL = last
		case isWireNote(last):
		case bioLine.MatchString(last):
			it.Byline = append(it.Byline, bioLine.FindStringSubmatch(last)[1])
		default:
			it.Paragraphs = digestBody(&it, body)
			if n := len(it.Paragraphs); n > 0 {
				it.Paragraphs[n-1] = cutContributions(it.Paragraphs[n-1])
			}
			return it
		}
		body = body[:len(body)-1]
	}
	return it
}

// digestBody keeps the article's paragraphs and moves bylines into it.
func digestBody(it *Item, body []numberedLine) []string {
	var out []string
	afterCredit := false
	for k := 0; k < len(body); k++ {
		text := body[k].text
		wasCredit := afterCredit
		afterCredit = false
		// Before the article proper (at most a standfirst kept so far) a
		// name line is the byline.
		leading := len(out) <= 1
		if names, ok := bylineNames(text); ok && leading {
			it.Byline = append(it.Byline, names...)
			continue
		}
		if m := authorLine.FindStringSubmatch(text); m != nil {
			it.Byline = append(it.Byline, strings.TrimSpace(m[1]))
			continue
		}
		switch {
		case isPersonName(text) && leading && len(it.Byline) == 0:
			it.Byline = append(it.Byline, text)
		case isWireNote(text), isPlaceholder(text), isTeaser(text):
		case isPhotoCredit(text):
			// A credit alone on its line has its caption under it; one
			// that ends a caption line has none.
			afterCredit = creditLine.MatchString(text)
		case wasCredit && wordCount(text) <= 40:
			// the caption under a credited photo
		case isPersonName(text):
			// a photographer's name under a caption
		case isBullet(text):
			group := []string{text}
			for k+1 < len(body) && isBullet(body[k+1].text) {
				k++
				group = append(group, body[k].text)
			}
			if !isLinkList(group) {
				out = append(out, group...)
			}
		case len(out) > 0 && !endsSentence(text) && wordCount(text) >= 8:
			// a link to another article, or a photo caption
		default:
			out = append(out, text)
		}
	}
	return out
}

// isLinkList reports a bullet list of headlines (links to other articles)
// rather than of sentences: most items do not end as sentences do.
func isLinkList(items []string) bool {
	headlines := 0
	for _, s := range items {
		if !endsSentence(s) {
			headlines++
		}
	}
	return headlines*2 > len(items)
}
