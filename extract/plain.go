package extract

// Plain is the generic extractor for text no other layout recognises: every
// non-blank line is a paragraph, and a first line that reads as a headline is
// the title. It removes nothing else, since it cannot know what is furniture.

func segmentPlain(lines []string) []Item {
	paragraphs := nonBlankLines(lines, 0, len(lines))
	if len(paragraphs) == 0 {
		return nil
	}
	it := Item{LineStart: paragraphs[0].index + 1, LineEnd: paragraphs[len(paragraphs)-1].index + 1}
	if len(paragraphs) > 1 && isHeadline(paragraphs[0].text) {
		it.Title = paragraphs[0].text
		paragraphs = paragraphs[1:]
	}
	for _, p := range paragraphs {
		it.Paragraphs = append(it.Paragraphs, p.text)
	}
	return []Item{it}
}
