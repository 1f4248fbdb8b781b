package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// artVocab is running text to cut sentences of a given length from.
var artVocab = strings.Fields("Residents of the border village of Kirants in Tavush said on Monday " +
	"that the new road built by the government cut them off from their fields " +
	"and orchards above the river while the commissions of both countries met " +
	"in Gazakh to agree on the next stretch of the border from Baganis to Voskepar")

// artWords is the first n words of artVocab, without closing punctuation.
func artWords(n int) string { return strings.Join(artVocab[:n], " ") }

// artSentence is a sentence of n words.
func artSentence(n int) string { return artWords(n) + "." }

// TestArtDateLine: a date line is a date alone, of at most 40 bytes and
// five words.
func TestArtDateLine(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Oct 2 2023", true},
		{"Monday, 2 October 2023, 14:35", true},            // five words
		{"Wednesday, 27th September 2023, 14:35:20", true}, // 40 characters
		{"Wednesday,  27th September 2023, 14:35:20", false},
		{"понедельник, 2 октября 2023, 14:35", true}, // 34 characters, 52 bytes
		{"Monday 2 October 2023 14:35 Yerevan", false},
		{"October", false},
		{"", false},
	} {
		if got := isDateLine(c.s); got != c.want {
			t.Errorf("isDateLine(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestArtDigestTitle: a digest item's title follows a blank line (or opens
// the text), has at most 30 words and is no sentence nor date.
func TestArtDigestTitle(t *testing.T) {
	for _, c := range []struct {
		lines []string
		i     int
		want  bool
	}{
		{[]string{"", "Ceasefire holds near Lachin", "Azatutyun, Armenia", "Oct 2 2023"}, 1, true},
		{[]string{"Menu", "Ceasefire holds near Lachin", "", "Oct 2 2023"}, 1, false},
		{[]string{"Ceasefire holds near Lachin", "Azatutyun, Armenia"}, 0, true},
		{[]string{"", artWords(30)}, 1, true},
		{[]string{"", artWords(31)}, 1, false},
		{[]string{"", "The ceasefire holds near Lachin."}, 1, false},
	} {
		if got := isDigestTitle(c.lines, c.i); got != c.want {
			t.Errorf("isDigestTitle(%q, %d) = %v, want %v", c.lines, c.i, got, c.want)
		}
	}
}

// TestArtOutletLine: an outlet line has at most eight words.
func TestArtOutletLine(t *testing.T) {
	for s, want := range map[string]bool{
		"The Armenian Weekly of the Diaspora in Boston":               true,
		"The Armenian Weekly of the Diaspora in Boston Massachusetts": false,
		"Azatutyun, Armenia": true,
		"Oct 2 2023":         false,
	} {
		if got := isOutletLine(s); got != want {
			t.Errorf("isOutletLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestArtDigestHeaders: a date line under a title with bullets under it
// (outlet, then section), or a date line under an outlet line under a
// title; the title may open the text, the bullets may end it.
func TestArtDigestHeaders(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  []digestHeader
	}{
		{
			[]string{"Ceasefire holds near Lachin", "", "Oct 2 2023", "• Azatutyun"},
			[]digestHeader{{title: 0, date: 2, bodyStart: 4, outlet: "Azatutyun"}},
		},
		{
			[]string{"Ceasefire holds near Lachin", "", "Oct 2 2023", "• Azatutyun", "• Politics", "", "Text."},
			[]digestHeader{{title: 0, date: 2, bodyStart: 5, outlet: "Azatutyun", section: "Politics"}},
		},
		{
			[]string{"Home", "", "Ceasefire holds near Lachin", "Azatutyun, Armenia", "Oct 2 2023", "Text."},
			[]digestHeader{{title: 2, date: 4, bodyStart: 5, outlet: "Azatutyun, Armenia"}},
		},
		{[]string{"Oct 2 2023", "• Azatutyun"}, nil},
	} {
		got := digestHeaders(c.lines)
		if diff := cmp.Diff(c.want, got, cmp.AllowUnexported(digestHeader{})); diff != "" {
			t.Errorf("digestHeaders(%q) (-want +got):\n%s", c.lines, diff)
		}
	}
}

// TestArtIsDigest: two item headers or more make a digest; one does when
// it opens the text and the article under it starts at once with a
// sentence of four words or more.
func TestArtIsDigest(t *testing.T) {
	header := []string{"Ceasefire holds near Lachin", "", "Oct 2 2023", "• Azatutyun", ""}
	with := func(before []string, after ...string) []string {
		return append(append(append([]string{}, before...), header...), after...)
	}
	for _, c := range []struct {
		why   string
		lines []string
		want  bool
	}{
		{"two headers", with(nil, "Shelling stopped overnight near the corridor, residents said.", "",
			"Road to Goris reopens", "", "Oct 3 2023", "• News.am", "",
			"Buses ran again between Goris and Yerevan on Tuesday."), true},
		{"one header, a sentence of four words", with(nil, "Fighting resumed near Lachin."), true},
		{"one header, a sentence of three words", with(nil, "Fighting resumed overnight."), false},
		{"one header, no article", with(nil), false},
		{"one header under another line", with([]string{"Home", ""}, "Fighting resumed near Lachin."), false},
	} {
		if got := isDigest(c.lines); got != c.want {
			t.Errorf("%s: isDigest = %v, want %v", c.why, got, c.want)
		}
	}
}

// TestArtDigestItem: an item spans its header and its body's last line;
// the URL, wire notes and bio at the end are read off the body, which may
// be left empty.
func TestArtDigestItem(t *testing.T) {
	head := []string{"Ceasefire holds near Lachin", "Azatutyun, Armenia", "Oct 2 2023"}
	h := digestHeader{title: 0, date: 2, bodyStart: 3, outlet: "Azatutyun, Armenia"}
	base := Item{LineStart: 1, Title: head[0], Outlet: head[1], DateText: head[2], LineEnd: 3}
	for _, c := range []struct {
		why  string
		body []string
		want func(it *Item)
	}{
		{"no body", nil, func(it *Item) {}},
		{"a URL alone", []string{"https://www.azatutyun.am/a/32619.html"}, func(it *Item) {
			it.URL, it.LineEnd = "https://www.azatutyun.am/a/32619.html", 4
		}},
		{"a byline alone", []string{"By Anna Petrosyan"}, func(it *Item) {
			it.Byline, it.LineEnd = []string{"Anna Petrosyan"}, 4
		}},
		{"a paragraph", []string{"Fighting resumed near Lachin on Monday, residents said."}, func(it *Item) {
			it.Paragraphs, it.LineEnd = []string{"Fighting resumed near Lachin on Monday, residents said."}, 4
		}},
	} {
		lines := append(append([]string{}, head...), c.body...)
		want := base
		c.want(&want)
		got := digestItem(lines, h, len(lines))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.why, diff)
		}
	}
}

// TestArtDigestBody: the caption under a credit line, of at most 40 words,
// is dropped; a bullet list is kept unless most of its items are
// headlines; after the first paragraph a line of eight words or more that
// ends no sentence is a link or caption, a shorter one a subhead.
func TestArtDigestBody(t *testing.T) {
	p1 := "Talks resumed on Monday in Gazakh, officials said."
	p2 := "The next meeting is set for November in Ijevan."
	for _, c := range []struct {
		why  string
		body []string
		want []string
	}{
		{"caption of 40 words", []string{p1, "Photo: Anna Petrosyan", artSentence(40), p2}, []string{p1, p2}},
		{"caption of 41 words", []string{p1, "Photo: Anna Petrosyan", artSentence(41), p2}, []string{p1, artSentence(41), p2}},
		{
			"list of sentences",
			[]string{"• The road to Goris is open.", "• Buses run again.", "• Schools reopen in Lachin"},
			[]string{"• The road to Goris is open.", "• Buses run again.", "• Schools reopen in Lachin"},
		},
		{
			"list of headlines after a paragraph",
			[]string{p1, "• Schools reopen in Lachin", "• Buses run again to Goris", "• The road is open.", p2},
			[]string{p1, p2},
		},
		{
			"link lines and subheads",
			[]string{artWords(9), p1, artWords(8), artWords(7), p2},
			[]string{artWords(9), p1, artWords(7), p2},
		},
	} {
		var it Item
		var body []numberedLine
		for i, s := range c.body {
			body = append(body, numberedLine{i, s})
		}
		if diff := cmp.Diff(c.want, digestBody(&it, body)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.why, diff)
		}
	}
}

// TestArtLinkList: a list is of headlines when more than half its items
// end no sentence.
func TestArtLinkList(t *testing.T) {
	for _, c := range []struct {
		items []string
		want  bool
	}{
		{[]string{"Schools reopen in Lachin", "Buses run again."}, false},
		{[]string{"Schools reopen in Lachin", "Buses run to Goris", "The road is open."}, true},
		{[]string{"Schools reopen in Lachin"}, true},
		{[]string{"Buses run again."}, false},
	} {
		if got := isLinkList(c.items); got != c.want {
			t.Errorf("isLinkList(%q) = %v, want %v", c.items, got, c.want)
		}
	}
}

// TestArtProse: prose is a sentence of twelve words or more.
func TestArtProse(t *testing.T) {
	for s, want := range map[string]bool{artSentence(12): true, artSentence(11): false, artWords(20): false} {
		if got := isProse(s); got != want {
			t.Errorf("isProse(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestArtBareArticleFourLines: a headline and three paragraphs of prose,
// four lines in all, are a bare article.
func TestArtBareArticleFourLines(t *testing.T) {
	lines := []string{
		"Roads reopen in Tavush", "",
		"The road into the village of Kirants reopened on Monday after residents ended their protest.", "",
		"The police left in the evening, and the first buses to Ijevan ran again on Tuesday morning.", "",
		"Residents said they would watch the work of the border commission closely from now on.",
	}
	if !isBareArticle(newCapture(lines)) {
		t.Errorf("a headline and three paragraphs: not a bare article")
	}
	if isBareArticle(newCapture(lines[:5])) {
		t.Errorf("a headline and two paragraphs: a bare article")
	}
}

// TestArtBareHeadline: a one-sentence first line set apart by a blank line
// is a headline if it has at most 30 words.
func TestArtBareHeadline(t *testing.T) {
	for n, want := range map[int]bool{30: true, 31: false} {
		first := artSentence(n)
		if got := isBareHeadline([]string{first, "", "text"}, first); got != want {
			t.Errorf("isBareHeadline(a sentence of %d words) = %v, want %v", n, got, want)
		}
	}
}

// TestArtOnlyText: a page is only text up to its comment form or footer:
// a line the classifier ends the article with, or a short one (under 80
// bytes) that opens a footer; a long line of prose that starts as a footer
// does ("More from …") is text, and furniture after it counts.
func TestArtOnlyText(t *testing.T) {
	prose := "The road into the village of Kirants reopened on Monday after residents ended their protest."
	moreFrom80 := "More from our correspondent in Goris, who went along the border roads this week."
	if len(moreFrom80) != 80 {
		t.Fatalf("fixture of %d bytes, want 80", len(moreFrom80))
	}
	for _, c := range []struct {
		lines []string
		want  bool
	}{
		{[]string{prose, "Read: 685", "https://www.azatutyun.am/a/1.html"}, true},
		{[]string{prose, "Leave a reply", "https://www.azatutyun.am/a/1.html"}, true},
		{[]string{prose, "Your email address will not be published. Required fields are marked with a star, please note.", "https://www.azatutyun.am/a/1.html"}, true},
		{[]string{prose, moreFrom80, "https://www.azatutyun.am/a/1.html"}, false},
		{[]string{prose, "More from our correspondent in Goris, who travelled along the new border road this week.", "https://www.azatutyun.am/a/1.html"}, false},
		{[]string{prose, "https://www.azatutyun.am/a/1.html"}, false},
		{[]string{prose, "The police left in the evening, and the first buses to Ijevan ran again on Tuesday."}, true},
	} {
		if got := onlyText(newPage(c.lines, 0, len(c.lines))); got != c.want {
			t.Errorf("onlyText(%.60q) = %v, want %v", c.lines, got, c.want)
		}
	}
}

// TestArtStandfirst: short text of six words or more between the headline
// and the body is its standfirst, the body's first paragraph; five words
// are not.
func TestArtStandfirst(t *testing.T) {
	p1 := "The commissions of both countries met in Gazakh on Monday and agreed on the next stretch of the border."
	p2 := "Residents of Kirants said they would watch the work from their fields above the road to Ijevan."
	for _, c := range []struct {
		standfirst string
		want       []string
	}{
		{"Commissions meet again after four months", []string{"Commissions meet again after four months", p1, p2}},
		{"Commissions meet after four months", []string{p1, p2}},
	} {
		lines := []string{"Border talks resume", c.standfirst, p1, p2}
		it, ok := readArticle(newPage(lines, 0, len(lines)))
		if !ok || it.Title != "Border talks resume" || it.LineStart != 1 {
			t.Fatalf("standfirst %q: read %v, title %q from line %d", c.standfirst, ok, it.Title, it.LineStart)
		}
		if diff := cmp.Diff(c.want, it.Paragraphs); diff != "" {
			t.Errorf("standfirst %q (-want +got):\n%s", c.standfirst, diff)
		}
	}
}

// TestArtShortTextIsNoBody: short text alone from the body's start is no
// body.
func TestArtShortTextIsNoBody(t *testing.T) {
	if body, _ := articleBody(classed(classText), 0); body != nil {
		t.Errorf("body %v, want none", body)
	}
	if body, _ := articleBody(classed(classText, classProse), 0); !cmp.Equal(body, []int{0, 1}) {
		t.Errorf("body %v, want [0 1]", body)
	}
}

// TestArtBylineBesideHeadline: a name line up to two lines above the
// headline, or below it before the body, is the byline; the headline and
// a name line three lines above it are not.
func TestArtBylineBesideHeadline(t *testing.T) {
	T, P := classText, classProse
	p := classed(T, T, T, T, T, T, P, P)
	for i, n := range map[int]string{1: "Lilit Grigoryan", 2: "Anna Petrosyan", 4: "Armen Sargsyan", 5: "Boris Ivanov"} {
		p.lines[i].name = n
	}
	got := articleByline(p, 4, 6, []int{6, 7}, nil)
	if diff := cmp.Diff([]string{"Anna Petrosyan", "Boris Ivanov"}, got); diff != "" {
		t.Errorf("byline (-want +got):\n%s", diff)
	}
}

// artDated is a page of these classes whose lines of the given indexes
// hold these dates.
func artDated(classes []lineClass, dates map[int]string) *page {
	p := classed(classes...)
	for i, d := range dates {
		p.lines[i].date = d
	}
	return p
}

// TestArtArticleDate: a date line beats a date inside a line; among date
// lines the one nearest the headline wins, on either side; a dateline
// opening the body counts, a date inside the body's text not; a date line
// in the body counts up to two lines below its start, or after the body.
func TestArtArticleDate(t *testing.T) {
	T, P, D := classText, classProse, classDate
	for _, c := range []struct {
		why          string
		p            *page
		title, start int
		body         []int
		tail         [2]int // p.lines[tail[0]:tail[1]]
		want         string
	}{
		{
			"nearest the headline, below it",
			artDated([]lineClass{D, T, T, T, T, D, P, P}, map[int]string{0: "1 October 2023", 5: "2 October 2023"}),
			3, 6, []int{6, 7}, [2]int{8, 8}, "2 October 2023",
		},
		{
			"nearest the headline, above it",
			artDated([]lineClass{T, D, T, T, T, T, T, D, P, P}, map[int]string{1: "1 October 2023", 7: "2 October 2023"}),
			3, 8, []int{8, 9}, [2]int{10, 10}, "1 October 2023",
		},
		{
			"a date line before a date in a line",
			artDated([]lineClass{T, T, D, P, P}, map[int]string{0: "1 October 2023", 2: "2 October 2023"}),
			1, 3, []int{3, 4}, [2]int{5, 5}, "2 October 2023",
		},
		{
			"a date in the body's first line",
			artDated([]lineClass{T, P, P}, map[int]string{1: "3 October 2023"}),
			0, 1, []int{1, 2}, [2]int{3, 3}, "",
		},
		{
			"a date line two lines into the body",
			artDated([]lineClass{T, P, P, D, P, P}, map[int]string{3: "2 October 2023"}),
			0, 1, []int{1, 2, 4, 5}, [2]int{6, 6}, "2 October 2023",
		},
		{
			"a date line three lines into the body",
			artDated([]lineClass{T, P, P, P, D, P, P}, map[int]string{4: "2 October 2023"}),
			0, 1, []int{1, 2, 3, 5, 6}, [2]int{7, 7}, "",
		},
		{
			"a date line after the body, not one inside it",
			artDated([]lineClass{T, P, P, P, D, P, T, D}, map[int]string{4: "5 October 2023", 7: "2 October 2023"}),
			0, 1, []int{1, 2, 3, 5}, [2]int{6, 8}, "2 October 2023",
		},
	} {
		tail := c.p.lines[c.tail[0]:c.tail[1]]
		if got := articleDate(c.p, c.title, c.start, c.body, tail); got != c.want {
			t.Errorf("%s: date %q, want %q", c.why, got, c.want)
		}
	}
	p := classed(classText, classProse, classProse)
	p.lines[1].text = "YEREVAN, 2 October 2023 – The commissions of both countries met again on Monday."
	if got := articleDate(p, 0, 1, []int{1, 2}, nil); got == "" {
		t.Errorf("a dateline opening the body: no date")
	}
}

// TestArtAgencyTag: a closing paragraph's agency tag is cut: one in
// capitals, two or more, or a lower-case agency; not other words in
// brackets, nor a tag that is the whole paragraph.
func TestArtAgencyTag(t *testing.T) {
	const s = "The talks will go on in Moscow next week."
	for in, want := range map[string]string{
		s + " (AFP)":        s,
		s + " (Armenpress)": s,
		s + " (dpa/nd)":     s,
		s + " (dpa)":        s,
		s + " (video)":      s + " (video)",
		"(AFP)":             "(AFP)",
		s:                   s,
	} {
		if got := cutAgencyTag(in); got != want {
			t.Errorf("cutAgencyTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestArtStripDecoration: the pictographs, flags, variation selectors and
// joiners a paragraph opens with are dropped, not its letters; a line of
// decoration alone is kept as it is.
func TestArtStripDecoration(t *testing.T) {
	for in, want := range map[string]string{
		"\U0001F1E6\U0001F1F2 Talks in Goris":                        "Talks in Goris",       // flag
		"\U0001F534 Shelling near Shusha":                            "Shelling near Shusha", // red circle
		"\u2764\ufe0f Ijevan":                                        "Ijevan",               // heart, variation selector
		"\U0001F468\u200d\U0001F469\u200d\U0001F467 Families return": "Families return",      // joined family
		"\u200d\ufe0fGanja":                                          "Ganja",
		"\U00020BB7野家 opens in Yerevan":                              "\U00020BB7野家 opens in Yerevan", // a letter past U+1F1FF
		"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Scotland votes": "Scotland votes", // a flag of tag characters
		"\U000E0020\U000E007FGoris": "Goris", // the first and last tag characters
		"Goris":                     "Goris",
		"\U0001F534":                "\U0001F534",
	} {
		if got := stripDecoration(in); got != want {
			t.Errorf("stripDecoration(%q) = %q, want %q", in, got, want)
		}
	}
}
