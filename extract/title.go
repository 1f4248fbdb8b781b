package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Titles: the headline of an article, near the top, after the page chrome
// and before the body, often printed twice (in a breadcrumb, in a
// "Headline - Site" line, or doubled on one line). Never a section name, a
// tag, a site name or a search query; none when the capture shows no
// headline (a headline only in the URL is none). The seed layouts know
// where their headline is; for other pages the candidates before the body
// are scored and the best is taken.

// titleCandidate is a line that may be the headline, and its score.
type titleCandidate struct {
	at    int // index in page.lines
	title string
	score int
}

// pickTitle chooses the headline among the lines before the body starts
// (page.lines[:body]); at is -1 when none reads as a headline.
func pickTitle(p *page, body int) (title string, at int) {
	best := titleCandidate{at: -1}
	for i := body - 1; i >= 0 && i >= body-12; i-- {
		l := p.lines[i]
		if l.class == classProse {
			break // another block of text: the headline is below it
		}
		// Going up the page, a tie goes to the line above: the headline
		// comes before its standfirst.
		if c := scoreTitle(p, i); l.class == classText && c.score >= best.score && c.score > 0 {
			best = c
		}
	}
	if best.score < minTitleScore || isLinkRun(p, best.at, body) {
		return "", -1
	}
	// A shorter candidate right above is the headline, the best its
	// standfirst.
	if i := best.at - 1; i >= 0 && p.lines[i].class == classText && p.lines[i].index == p.lines[best.at].index-1 &&
		p.lines[i].words < p.lines[best.at].words && p.lines[i].name == "" {
		if c := scoreTitle(p, i); c.score >= minTitleScore {
			return c.title, i
		}
	}
	return best.title, best.at
}

// minTitleScore is the score a line needs to be taken for the headline.
const minTitleScore = 2

// isLinkRun reports a candidate inside a run of four headlines or more
// just above the body: a list of links to other articles, not the
// article's own headline.
func isLinkRun(p *page, at, body int) bool {
	run := 0
	for i := max(at-3, 0); i < body && i < at+4; i++ {
		if l := p.lines[i]; isHeadlineLike(l) {
			if run++; run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// isHeadlineLike reports short text that reads as a headline: four to
// twenty words, not a sentence, a label or a name.
func isHeadlineLike(l pageLine) bool {
	return l.class == classText && l.words >= 4 && l.words <= 20 && !closesSentence(l.text) &&
		!strings.HasSuffix(l.text, ":") && l.name == ""
}

// scoreTitle scores line i as the headline.
func scoreTitle(p *page, i int) titleCandidate {
	l := p.lines[i]
	t := cutSiteSuffix(p, cleanTitle(l.text))
	c := titleCandidate{at: i, title: t}
	n := wordCount(t)
	switch {
	case n == 0 || n > 40:
		return c
	case n >= 4 && n <= 25:
		c.score += 4
	case n >= 2:
		c.score += 2
	default:
		c.score++
	}
	if isNameLine(t) {
		c.score -= 5 // a name alone is an author's
	}
	if strings.HasSuffix(t, ":") {
		c.score -= 4 // a label: "Interviews:", a quoted paper's name
	}
	if strings.Contains(l.text, " | ") {
		c.score -= 3 // "Site | Tagline"
	}
	if startsLower(t) {
		c.score -= 2
	}
	if repeated(p, i, t) {
		c.score += 3
	}
	if i+1 < len(p.lines) {
		switch p.lines[i+1].class {
		case classDate, classByline, classProse, classCredit:
			c.score += 2
		}
	}
	if strings.HasSuffix(t, ".") {
		c.score -= 2 // a sentence: more often a standfirst or a caption
	}
	return c
}

// startsLower reports a line whose first letter is a lower-case one (in a
// script with capitals).
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return isLowerLetter(r)
		}
	}
	return false
}

// repeated reports a headline the page prints again: another line holds it.
func repeated(p *page, at int, t string) bool {
	if wordCount(t) < 3 {
		return false
	}
	for j, l := range p.lines {
		if j != at && len(l.text) < 4*len(t)+40 && strings.Contains(l.text, t) {
			return true
		}
	}
	return false
}

var (
	listNumber  = regexp.MustCompile(`^\d{1,2}\.\s+`)
	trailingSep = regexp.MustCompile(`\s+[-–—|]$`)
	siteSuffix  = regexp.MustCompile(`^(.{12,}?)\s+[-–—|]\s+([^-–—|]{2,40})$`)
)

// cleanTitle removes what the page adds around a headline: a breadcrumb's
// number ("3. "), a trailing separator ("Headline -"), the same headline
// twice on one line, and a site's name after it when the page prints the
// headline alone elsewhere.
func cleanTitle(s string) string {
	s = strings.TrimSpace(listNumber.ReplaceAllString(strings.TrimSpace(s), ""))
	s = trailingSep.ReplaceAllString(s, "")
	if h := len(s) / 2; len(s) > 10 && s[:h] == strings.TrimSpace(s[h:]) {
		s = s[:h]
	} else if h := (len(s) - 1) / 2; len(s) > 10 && s[h] == ' ' && s[:h] == s[h+1:] {
		s = s[:h]
	}
	return strings.TrimSpace(s)
}

// cutSiteSuffix removes " - Site" from a headline when the page prints the
// headline alone on another line.
func cutSiteSuffix(p *page, s string) string {
	m := siteSuffix.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	for _, l := range p.lines {
		if cleanTitle(l.text) == m[1] {
			return m[1]
		}
	}
	return s
}
