package extract

import "strings"

// Bare articles: no outlet, date or byline in the text. The first line is the
// headline; "See also …" lines linking other articles sit between paragraphs;
// a comment form ("Leave a Reply") ends the page.

// isProse reports a paragraph that reads as running text.
func isProse(s string) bool { return wordCount(s) >= 12 && endsSentence(s) }

// isBareArticle accepts a headline and paragraphs and nothing else before
// a comment form: no page chrome, date, byline, credit or list of other
// articles, as the line classifier sees them. Pages with any of these are
// read by the general article layout.
func isBareArticle(c *capture) bool {
	lines := c.lines
	paragraphs := nonBlankLines(lines, 0, len(lines))
	if len(paragraphs) < 4 || wordCount(paragraphs[0].text) > 40 || !isProse(paragraphs[1].text) || hasDateline(paragraphs[1].text) {
		return false
	}
	prose := 0
	for _, p := range paragraphs[1:] {
		if isProse(p.text) {
			prose++
		}
	}
	return prose >= 3 && isBareHeadline(lines, paragraphs[0].text) && onlyText(c.page())
}

// isBareHeadline reports a first line that can be a bare article's
// headline: short text, or a one-sentence line set apart by a blank line
// (in a capture without blank lines a sentence is the first paragraph).
func isBareHeadline(lines []string, first string) bool {
	switch class, _, _ := classifyLine(first, anyLanguage); class {
	case classText:
		return true
	case classProse:
		return wordCount(first) <= 30 && strings.Count(first, ". ") == 0 && hasBlankLines(lines)
	}
	return false
}

func hasBlankLines(lines []string) bool {
	for _, l := range lines {
		if blank(l) {
			return true
		}
	}
	return false
}

// onlyText reports a page with nothing the line classifier takes for
// furniture before the comment form.
func onlyText(p *page) bool {
	for _, l := range p.lines {
		if (l.class == classEnd || l.class == classRelated || len(l.text) < 80) && isFooterStart(l.text) {
			return true
		}
		if l.class != classProse && l.class != classText {
			return false
		}
	}
	return true
}

func hasDateline(s string) bool {
	_, ok := datelineStart(s)
	return ok
}
func segmentBareArticle(c *capture) []Item {
	lines := c.lines
	paragraphs := nonBlankLines(lines, 0, len(lines))
	it := Item{
		LineStart: paragraphs[0].index + 1,
		LineEnd:   paragraphs[0].index + 1,
		Title:     paragraphs[0].text,
	}
	for _, p := range paragraphs[1:] {
		if isFooterStart(p.text) {
			break
		}
		if isTeaser(p.text) || isPlaceholder(p.text) || isImageName(p.text) || isPhotoCredit(p.text) {
			continue
		}
		it.Paragraphs = append(it.Paragraphs, p.text)
		it.LineEnd = p.index + 1
	}
	return []Item{it}
}
