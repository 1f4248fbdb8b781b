package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Analysis pages: a rubric in capitals ("ANALYTICS"), the title, a date line
// "DD.MM.YY HH:MM", the article with blank spacer lines, the author's name
// alone near the end, then a read counter ("Read: 685") and a comment form.

var analysisDate = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}:\d{2}$`)

// isRubric reports a short line in capitals.
func isRubric(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || wordCount(s) > 3 || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return false
	}
	return strings.ToUpper(s) == s
}

// analysisParts finds the rubric and the date line among the first lines.
func analysisParts(lines []string) (rubric, date int, ok bool) {
	head := nonBlankLines(lines, 0, len(lines))
	if len(head) < 3 || !isRubric(head[0].text) {
		return 0, 0, false
	}
	for _, l := range head[1:min(len(head), 6)] {
		if analysisDate.MatchString(l.text) {
			return head[0].index, l.index, true
		}
	}
	return 0, 0, false
}

func isAnalysis(lines []string) bool {
	_, _, ok := analysisParts(lines)
	return ok
}

func segmentAnalysis(lines []string) []Item {
	rubric, date, _ := analysisParts(lines)
	var title []string
	for _, l := range nonBlankLines(lines, rubric+1, date) {
		title = append(title, l.text)
	}
	it := Item{
		LineStart: rubric + 1,
		Section:   lines[rubric],
		Title:     strings.Join(title, " "),
		DateText:  lines[date],
		LineEnd:   date + 1,
	}
	var body []numberedLine
	for _, l := range nonBlankLines(lines, date+1, len(lines)) {
		if isFooterStart(l.text) {
			break
		}
		body = append(body, l)
	}
	if n := len(body); n > 1 && isPersonName(body[n-1].text) {
		it.Byline = []string{body[n-1].text}
		it.LineEnd = body[n-1].index + 1
		body = body[:n-1]
	}
	for _, l := range body {
		if isPlaceholder(l.text) || isImageName(l.text) {
			continue
		}
		it.Paragraphs = append(it.Paragraphs, l.text)
		it.LineEnd = max(it.LineEnd, l.index+1)
	}
	return []Item{it}
}
