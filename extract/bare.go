package extract

// Bare articles: no outlet, date or byline in the text. The first line is the
// headline; "See also …" lines linking other articles sit between paragraphs;
// a comment form ("Leave a Reply") ends the page.

// isProse reports a paragraph that reads as running text.
func isProse(s string) bool { return wordCount(s) >= 12 && endsSentence(s) }

func isBareArticle(lines []string) bool {
	paragraphs := nonBlankLines(lines, 0, len(lines))
	if len(paragraphs) < 4 || wordCount(paragraphs[0].text) > 40 {
		return false
	}
	prose := 0
	for _, p := range paragraphs[1:] {
		if isProse(p.text) {
			prose++
		}
	}
	return prose >= 3
}

func segmentBareArticle(lines []string) []Item {
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
