package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnwrap: three or more lines broken at a fixed width (55 to 80
// characters, not closing a sentence) are one paragraph, with the line
// that ends it, of at most 80 too; two such lines, or a line past the
// width, are not joined.
func TestUnwrap(t *testing.T) {
	wrapped := []string{
		"The commission met in Gazakh on Tuesday and agreed on the next",  // 63
		"stretch of the border, from the village of Baganis to the river", // 64
		"near Voskepar, officials of both sides said after the meeting.",  // 62
	}
	lines := append([]string{"", "Title of the story", ""}, wrapped...)
	lines = append(lines, "",
		"Two lines broken at the width of the text are not taken as a",
		"paragraph, which needs three of them at least.",
		"",
		"This line is as long as a wrapped one and does not end its sentence",
		strings.Repeat("x", 81),
		"last",
		"",
		wrapped[0], wrapped[1], strings.Repeat("y", 79)+".",
		"",
		wrapped[0], wrapped[1], strings.Repeat("z", 81))
	got := unwrap(lines, 0, len(lines))
	var gotLines []pageLine
	for _, l := range got {
		gotLines = append(gotLines, pageLine{index: l.index, last: l.last, text: l.text})
	}
	want := []pageLine{
		{index: 1, last: 1, text: "Title of the story"},
		{index: 3, last: 5, text: strings.Join(wrapped, " ")},
		{index: 7, last: 7, text: lines[7]},
		{index: 8, last: 8, text: lines[8]},
		{index: 10, last: 10, text: lines[10]},
		{index: 11, last: 11, text: lines[11]},
		{index: 12, last: 12, text: "last"},
		{index: 14, last: 16, text: wrapped[0] + " " + wrapped[1] + " " + lines[16]},
		{index: 18, last: 18, text: wrapped[0]},
		{index: 19, last: 19, text: wrapped[1]},
		{index: 20, last: 20, text: lines[20]},
	}
	if diff := cmp.Diff(want, gotLines, cmp.AllowUnexported(pageLine{})); diff != "" {
		t.Errorf("unwrap (-want +got):\n%s", diff)
	}
	// A line of 55 characters is wrapped, of 54 not; 80 is, 81 not.
	for n, want := range map[int]bool{54: false, 55: true, 80: true, 81: false} {
		if got := isWrapped(strings.Repeat("a", n)); got != want {
			t.Errorf("isWrapped(%d characters) = %v, want %v", n, got, want)
		}
	}
}

// TestNewPageEnd: a page's end is its last non-blank line, the first line
// too; a capture service's date line is cut from the text it starts.
func TestNewPageEnd(t *testing.T) {
	for _, c := range []struct {
		lines    []string
		end      int
		metadata string
		first    string
	}{
		{[]string{"only line", "", " "}, 0, "", "only line"},
		{[]string{"", "", ""}, -1, "", ""},
		{[]string{"date 2023-09-27 Roads reopen in Tavush", "Body."}, 1, "2023-09-27", "Roads reopen in Tavush"},
		{[]string{"date 2023-09-27", "Roads reopen in Tavush"}, 1, "2023-09-27", "Roads reopen in Tavush"},
	} {
		p := newPage(c.lines, 0, len(c.lines))
		first := ""
		if len(p.lines) > 0 {
			first = p.lines[0].text
		}
		if p.end != c.end || p.metadata != c.metadata || first != c.first {
			t.Errorf("newPage(%q): end %d, metadata %q, first line %q; want %d, %q, %q", c.lines, p.end, p.metadata, first, c.end, c.metadata, c.first)
		}
	}
}

// TestImageNameEdges: a line of at most 300 bytes and 25 words, at least
// half of three or more words holding digits, is an image's name.
func TestImageNameEdges(t *testing.T) {
	for s, want := range map[string]bool{
		"Kalbajar 12 34 road":               true,
		"Kalbajar 12 road":                  false,
		"12 34":                             false,
		"Photo 2025 06 18 11 50 28":         true,
		strings.Repeat("a1 ", 25):           true,
		strings.Repeat("a1 ", 26):           false,
		"x1 y1 " + strings.Repeat("z", 294): true, // 300 bytes
		"x1 y1 " + strings.Repeat("z", 295): false,
	} {
		if got := isImageName(s); got != want {
			t.Errorf("isImageName(%.40q, %d bytes) = %v, want %v", s, len(s), got, want)
		}
	}
}

// TestWireNoteEdges: a note is at most 200 bytes.
func TestWireNoteEdges(t *testing.T) {
	note := func(n int) string { return "lo/msh (" + strings.Repeat("x", n-len("lo/msh ()")) + ")" }
	if !isWireNote(note(200)) || isWireNote(note(201)) {
		t.Errorf("a sign-off of 200 bytes: %v, of 201: %v; want true, false", isWireNote(note(200)), isWireNote(note(201)))
	}
}

// TestAnalysisPage: the rubric is at most three words in capitals; three
// lines (rubric, title, date) make an analysis page; a last line naming a
// person is the byline unless it is the whole body; the item ends at its
// last line read.
func TestAnalysisPage(t *testing.T) {
	for s, want := range map[string]bool{"ANALYTICS": true, "WORLD NEWS TODAY": true, "WORLD NEWS OF TODAY": false, "12 34": false, "Analytics": false, "": false} {
		if got := isRubric(s); got != want {
			t.Errorf("isRubric(%q) = %v, want %v", s, got, want)
		}
	}
	head := []string{"ANALYTICS", "Baku and Yerevan after the treaty", "12.03.24 10:15", ""}
	paragraph := "The treaty leaves the border commissions with the hardest part of the work, the lines through the villages."
	for _, c := range []struct {
		why    string
		body   []string
		byline []string
		paras  []string
		end    int
	}{
		{"byline", []string{paragraph, "", "Anna Petrosyan", "Read: 685"}, []string{"Anna Petrosyan"}, []string{paragraph}, 7},
		{"no byline", []string{paragraph, "", paragraph + " Again.", "Read: 685"}, nil, []string{paragraph, paragraph + " Again."}, 7},
		{"a name alone is the body", []string{"Anna Petrosyan"}, nil, []string{"Anna Petrosyan"}, 5},
		{"no body", nil, nil, nil, 3},
	} {
		lines := append(append([]string{}, head...), c.body...)
		if !isAnalysis(lines) {
			t.Errorf("%s: not read as an analysis page", c.why)
			continue
		}
		items := segmentAnalysis(lines)
		if len(items) != 1 {
			t.Fatalf("%s: %d items", c.why, len(items))
		}
		it := items[0]
		if it.Section != "ANALYTICS" || it.Title != head[1] || it.DateText != head[2] || it.LineStart != 1 || it.LineEnd != c.end ||
			!cmp.Equal(it.Byline, c.byline) || !cmp.Equal(it.Paragraphs, c.paras) {
			t.Errorf("%s: %+v, want byline %q, paragraphs %q, lines 1 to %d", c.why, it, c.byline, c.paras, c.end)
		}
	}
}

// TestBareArticle: a headline, or one sentence set apart by a blank line,
// and three paragraphs of prose at least, make a bare article.
func TestBareArticle(t *testing.T) {
	paragraphs := []string{
		"The road into the village of Kirants reopened on Monday after residents ended their protest against the border.",
		"The police left the road in the evening, and the first buses to Ijevan ran again on Tuesday morning, officials said.",
		"Residents said they would watch the work of the border commission closely, and meet again if their fields were cut off.",
	}
	for _, c := range []struct {
		headline string
		body     []string
		want     bool
	}{
		{"Roads reopen in Tavush", paragraphs, true},
		{"Roads reopen in Tavush", paragraphs[:2], false},
		{"The road to Kirants reopened on Monday after residents ended their protest at last.", paragraphs, true},
		{"Roads reopen. The road to Kirants reopened on Monday after residents ended their protest.", paragraphs, false},
	} {
		lines := []string{c.headline, ""}
		for _, p := range c.body {
			lines = append(lines, p, "")
		}
		lines = append(lines, "Leave a reply")
		if got := isBareArticle(newCapture(lines)); got != c.want {
			t.Errorf("isBareArticle(%.40q and %d paragraphs) = %v, want %v", c.headline, len(c.body), got, c.want)
		}
	}
}

// classed is a page of lines of these classes, for the rules that read
// only the classes.
func classed(classes ...lineClass) *page {
	p := &page{end: len(classes) - 1}
	for i, c := range classes {
		p.lines = append(p.lines, pageLine{index: i, last: i, class: c, text: "line"})
	}
	return p
}

// TestMainStart: the body starts at the first prose line another follows
// within three lines, else at the first prose line.
func TestMainStart(t *testing.T) {
	P, T := classProse, classText
	for _, c := range []struct {
		classes []lineClass
		want    int
	}{
		{[]lineClass{P, T, T, T, T, P, T, T, P, T}, 5},
		{[]lineClass{P, T, T, T, T, P}, 0},
		{[]lineClass{T, P, P}, 1},
		{[]lineClass{T, T}, -1},
	} {
		if got := mainStart(classed(c.classes...)); got != c.want {
			t.Errorf("mainStart(%v) = %d, want %d", c.classes, got, c.want)
		}
	}
}

// TestArticleBodyEdges: an end line before any body does not end it; a
// sentence of four words may end the body, of three not; a box of one to
// three headlines, then prose, is skipped, a headline line right before
// prose is not a box.
func TestArticleBodyEdges(t *testing.T) {
	P, T, E, R := classProse, classText, classEnd, classRelated
	body, stop := articleBody(classed(E, P, P, E, P), 0)
	if !cmp.Equal(body, []int{1, 2}) || stop != 3 {
		t.Errorf("end, prose, prose, end, prose: body %v, stop %d; want [1 2], 3", body, stop)
	}
	for words, want := range map[int]bool{3: false, 4: true} {
		l := pageLine{class: T, words: words, text: strings.Repeat("word ", words-1) + "end."}
		if got := endsBody(l); got != want {
			t.Errorf("endsBody(a sentence of %d words) = %v, want %v", words, got, want)
		}
	}
	for _, c := range []struct {
		classes []lineClass
		want    int
	}{
		{[]lineClass{R, T, T, T, P}, 4},
		{[]lineClass{R, T, T, T, T, P}, 0},
		{[]lineClass{R, P}, 0},
		{[]lineClass{R, T}, 0},
	} {
		if got := resumes(classed(c.classes...), 0); got != c.want {
			t.Errorf("resumes(%v) = %d, want %d", c.classes, got, c.want)
		}
	}
}

// TestUsedElsewhere: a word the page writes twice, whatever its case and
// the punctuation around it.
func TestUsedElsewhere(t *testing.T) {
	p := &page{lines: []pageLine{{text: "The talks in Geneva, said the minister."}, {text: "geneva talks once"}}}
	for w, want := range map[string]bool{"Geneva": true, "talks": true, "once": false, "—": false, "": false} {
		if got := usedElsewhere(p, w); got != want {
			t.Errorf("usedElsewhere(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestArticleBylineInBody: a byline line among the body's first four
// lines is read, one further down is not; a name already read, or one it
// starts, is not read twice.
func TestArticleBylineInBody(t *testing.T) {
	P, B, T := classProse, classByline, classText
	p := classed(T, P, P, P, B, B, P)
	p.lines[4].names, p.lines[5].names = []string{"Anna Petrosyan"}, []string{"Boris Ivanov"}
	if got := articleByline(p, 0, 1, []int{1, 2, 3, 4, 5, 6}, nil); !cmp.Equal(got, []string{"Anna Petrosyan"}) {
		t.Errorf("byline %q, want the one on the body's fourth line", got)
	}
	for _, c := range []struct {
		names []string
		n     string
		want  bool
	}{
		{[]string{"Anna Petrosyan"}, "Anna Petrosyan", true},
		{[]string{"Anna Petrosyan"}, "Anna Petrosyanjournalist", true},
		{[]string{"Anna Petrosyanjournalist"}, "Anna Petrosyan", true},
		{[]string{"Anna Petrosyan"}, "Boris Ivanov", false},
		{nil, "Boris Ivanov", false},
	} {
		if got := hasName(c.names, c.n); got != c.want {
			t.Errorf("hasName(%q, %q) = %v, want %v", c.names, c.n, got, c.want)
		}
	}
}

// stopWordOf is a stop word of lang alone (the first in sorted order).
func stopWordOf(t *testing.T, lang int) string {
	t.Helper()
	var found []string
	for w, set := range stopwords().words {
		if set == 1<<lang && normalWord(w) == w && !strings.ContainsAny(w, " \t") {
			found = append(found, w)
		}
	}
	if len(found) == 0 {
		t.Fatalf("no stop word of %s alone", stopwords().langs[lang])
	}
	slices.Sort(found)
	return found[0]
}

// TestStopLanguageCounts: the language of the most stop words among the
// first 600 words, the first listed of those tied, -1 for none.
func TestStopLanguageCounts(t *testing.T) {
	w0, w1, w2 := stopWordOf(t, 0), stopWordOf(t, 1), stopWordOf(t, 2)
	filler := strings.Repeat("qzxv ", 599)
	for _, c := range []struct {
		lines []string
		want  int
	}{
		{[]string{"qzxv wvkj"}, -1},
		{[]string{w0 + " " + w1, w0}, 0},
		{[]string{w1 + " " + w2}, 1},
		{[]string{w2 + " " + w1}, 1},
		{[]string{filler + w2}, 2},            // the 600th word
		{[]string{filler + "qzxv " + w2}, -1}, // the 601st
	} {
		if got := stopLanguage(c.lines); got != c.want {
			t.Errorf("stopLanguage(%.60q) = %d, want %d", c.lines, got, c.want)
		}
	}
}

// TestStopShare: the share of a line's words, at most 400 of them, that
// are stop words of the language, or of any with -1.
func TestStopShare(t *testing.T) {
	w0, w1 := stopWordOf(t, 0), stopWordOf(t, 1)
	line := w0 + " " + w1 + " qzxv wvkj"
	for _, c := range []struct {
		line  string
		lang  int
		share float64
		n     int
	}{
		{line, 0, 0.25, 4},
		{line, 1, 0.25, 4},
		{line, -1, 0.5, 4},
		{"qzxv", -1, 0, 1},
		{"", 0, 0, 0},
		{strings.Repeat(w0+" ", 401), 0, 1, 400},
	} {
		if share, n := stopShare(c.line, c.lang); share != c.share || n != c.n {
			t.Errorf("stopShare(%.40q, %d) = %v, %d; want %v, %d", c.line, c.lang, share, n, c.share, c.n)
		}
	}
}

// TestNormalWord: lower case, punctuation around a word cut; upper-case
// letters at the ends of A to Z, and letters past ASCII, are lowered.
func TestNormalWord(t *testing.T) {
	for w, want := range map[string]string{"Abc": "abc", "Zoo": "zoo", "ABC": "abc", "É": "é", "«Şuşa»,": "şuşa", "a@b": "a@b", "[x]": "x"} {
		if got := normalWord(w); got != want {
			t.Errorf("normalWord(%q) = %q, want %q", w, got, want)
		}
	}
	for s, want := range map[string]bool{"abc": true, "A": false, "Z": false, "@[`{": true, "é": false} {
		if got := isLowerASCII(s); got != want {
			t.Errorf("isLowerASCII(%q) = %v, want %v", s, got, want)
		}
	}
}
