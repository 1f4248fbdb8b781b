package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Fixtures of the listing tests: invented news of the Syunik border.
const (
	lstHead1  = "Shelling reported near Goris overnight again"
	lstHead2  = "Lachin road reopened for aid trucks"
	lstProse1 = "Residents of Goris spent the night in basements as shelling went on, the mayor said."
	lstProse2 = "Trucks with flour and fuel crossed the checkpoint before noon, drivers told reporters."
	lstProse3 = "Schools in Ijevan stayed closed for a second day while engineers checked the roofs."
	lstMore1  = "Residents of Goris spent the night in basements. Continue reading"
	lstMore2  = "Trucks crossed the Lachin checkpoint before noon. Continue reading"
	// lstWords are 27 distinct words, only the first capitalised.
	lstWords = "Convoys crossed the bridge near goris before dawn while farmers waited along the muddy road with tractors carts and sheep for hours until soldiers waved them through"
)

// lstFirstWords is the first n words of lstWords.
func lstFirstWords(t *testing.T, n int) string {
	t.Helper()
	ws := strings.Fields(lstWords)
	if n > len(ws) {
		t.Fatalf("lstWords has %d words, not %d", len(ws), n)
	}
	return strings.Join(ws[:n], " ")
}

// lstPage classifies the lines of a capture.
func lstPage(lines ...string) *page { return newPage(lines, 0, len(lines)) }

var lstAllow = cmp.AllowUnexported(itemHead{}, pageLine{})

// TestLstSplitGlued: a headline is cut from its text at a lower-case letter
// glued to a capital (after a run of three letters, past the tenth byte, the
// headline two to 25 words), else where its first word (of three letters or
// more) comes back as the fourth to 26th word; an entry of fewer than six
// words, or of at most 25 without a cut, is a headline alone.
func TestLstSplitGlued(t *testing.T) {
	w25, w26 := lstFirstWords(t, 25), lstFirstWords(t, 26)
	for _, c := range []struct{ in, title, body string }{
		// A run of exactly three letters before the capital.
		{"Shelling reported in Lachin nowResidents fled", "Shelling reported in Lachin now", "Residents fled"},
		// The capital at byte 10 is too early; at byte 11 it cuts.
		{"Goris haltFighting resumed near the border", "Goris haltFighting resumed near the border", ""},
		{"Goris haltsFighting resumed near the border", "Goris halts", "Fighting resumed near the border"},
		// A headline of two words, and of 25.
		{"Lachin corridorReopened for trucks on Monday", "Lachin corridor", "Reopened for trucks on Monday"},
		{w25 + "Residents fled", w25, "Residents fled"},
		// Five words, and six with the first word back as the fourth.
		{"Goris roads shut, Goris says", "Goris roads shut, Goris says", ""},
		{"Goris roads shut, Goris mayor says", "Goris roads shut,", "Goris mayor says"},
		// A first word of three letters repeats; one of two does not count.
		{"Aid reaches Goris as Aid convoys roll", "Aid reaches Goris as", "Aid convoys roll"},
		{"EU monitors reach Goris as EU team leaves", "", "EU monitors reach Goris as EU team leaves"},
		// Another capitalised word is no repetition; a possessive is.
		{lstHead1, lstHead1, ""},
		{"Turkey denies the report, Turkey's minister says", "Turkey denies the report,", "Turkey's minister says"},
		// The first word back as the 26th word cuts; as the 27th it does not.
		{w25 + " Convoys returned", w25, "Convoys returned"},
		{w26 + " Convoys returned", "", w26 + " Convoys returned"},
		// No cut: 25 words are a headline, 26 are a body.
		{w25, w25, ""},
		{w26, "", w26},
	} {
		title, body := splitGlued(c.in)
		if title != c.title || body != c.body {
			t.Errorf("splitGlued(%q) = %q, %q; want %q, %q", c.in, title, body, c.title, c.body)
		}
	}
}

// TestLstCutDash: "HEADLINE – text" is cut at the dash when the part before
// holds one to fifteen words.
func TestLstCutDash(t *testing.T) {
	w15, w16 := lstFirstWords(t, 15), lstFirstWords(t, 16)
	for _, c := range []struct {
		in, title, rest string
		ok              bool
	}{
		{"Goris – Shelling resumed overnight", "Goris", "Shelling resumed overnight", true},
		{w15 + " – the army said", w15, "the army said", true},
		{w16 + " – the army said", "", w16 + " – the army said", false},
	} {
		title, rest, ok := cutDash(c.in)
		if title != c.title || rest != c.rest || ok != c.ok {
			t.Errorf("cutDash(%q) = %q, %q, %v; want %q, %q, %v", c.in, title, rest, ok, c.title, c.rest, c.ok)
		}
	}
}

// TestLstBylineStubLength: a byline label alone is a stub up to 24
// characters.
func TestLstBylineStubLength(t *testing.T) {
	stub := "Haberi yazan" + strings.Repeat(" ", 11) + ":" // 24 characters
	for s, want := range map[string]bool{
		stub: true, "Haberi yazan" + strings.Repeat(" ", 12) + ":": false, "By": true, "Von": true, "By Anna Hakobyan": false,
		// Counted in characters, and the labels of several words read whole.
		"Автор материала:": true, "Автор текста": true, "Автор і фото:": true, "Автор": true,
		"ავტორი   ：": true,
	} {
		if got := isBylineStub(s); got != want {
			t.Errorf("isBylineStub(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLstIsStamp: a date line with its time is a stamp up to four words.
func TestLstIsStamp(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"09:10", true},
		{"22 August 2023, 12:13", true},
		{"Tuesday, 22 August 2023, 12:13", false},
		{"22 August 2023", false},
	} {
		cl, d, _ := classifyLine(c.text, anyLanguage)
		l := pageLine{text: c.text, class: cl, date: d, words: wordCount(c.text)}
		if got := isStamp(l); got != c.want {
			t.Errorf("isStamp(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLstAtOutside: a line index outside the page gives no line.
func TestLstAtOutside(t *testing.T) {
	p := lstPage(lstHead1, lstProse1)
	for i, want := range map[int]string{-1: "", 0: lstHead1, 1: lstProse1, 2: ""} {
		got := ""
		if l := at(p, i); l != nil {
			got = l.text
		}
		if got != want {
			t.Errorf("at(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestLstFirstProseNone: a page without running text has no first prose line.
func TestLstFirstProseNone(t *testing.T) {
	if got := firstProse(lstPage(lstHead1, lstHead2), 0); got != -1 {
		t.Errorf("firstProse of headlines = %d, want -1", got)
	}
	if got := firstProse(lstPage(lstHead1, lstProse1), 0); got != 1 {
		t.Errorf("firstProse = %d, want 1", got)
	}
}

// TestLstRepeatedHeads: a headline of three words or more, then a longer
// line repeating it within its first 60 bytes, is an item.
func TestLstRepeatedHeads(t *testing.T) {
	prefix := "Also on the wire from Stepanakert, read the full story here:"
	if len(prefix) != 60 {
		t.Fatalf("prefix is %d bytes, want 60", len(prefix))
	}
	p := lstPage(
		"Goris roads reopen",
		"Goris roads reopen after talks in Ijevan ended on Monday.",
		lstHead2,
		prefix+lstHead2+" as guards changed.",
		"Ijevan market reopens",
		"Ijevan market reopens",
	)
	want := []itemHead{
		{at: 0, body: 2, title: "Goris roads reopen", inline: "after talks in Ijevan ended on Monday.", until: -1},
		{at: 2, body: 4, title: lstHead2, inline: "as guards changed.", until: -1},
	}
	if diff := cmp.Diff(want, repeatedHeads(p), lstAllow); diff != "" {
		t.Errorf("repeatedHeads (-want +got):\n%s", diff)
	}
}

// TestLstDatedParagraphHeads: a line of 20 bytes or more opened by a date
// in brackets is an item, its headline cut at a dash.
func TestLstDatedParagraphHeads(t *testing.T) {
	p := lstPage(
		"(29 May 2021) Lachin",
		"(29 May 2021) Goris",
		"(30 May 2021) Goris – Shelling resumed overnight near the town.",
	)
	want := []itemHead{
		{at: 0, body: 1, date: "29 May 2021", inline: "Lachin", until: -1},
		{at: 2, body: 3, date: "30 May 2021", title: "Goris", inline: "Shelling resumed overnight near the town.", until: -1},
	}
	if diff := cmp.Diff(want, datedParagraphHeads(p), lstAllow); diff != "" {
		t.Errorf("datedParagraphHeads (-want +got):\n%s", diff)
	}
}

// TestLstTimeHeads: a stamp above a headline (or a short text of two words
// or more) starts an item under it; a stamp below a headline, above running
// text or at the page's end, dates the item the headline starts; a line
// opened by "18:50 GMT –" is an item of its own.
func TestLstTimeHeads(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines []string
		want  []itemHead
	}{
		{"stamp above short text", []string{"09:10", "Goris shelled", lstProse1, "09:40", "Lachin", lstProse2},
			[]itemHead{{at: 0, body: 2, title: "Goris shelled", until: -1}, {at: 3, body: 4, until: -1}}},
		{"stamp below headline", []string{lstHead1, "09:10", lstProse1, lstHead2, "09:40"},
			[]itemHead{{at: 0, body: 2, title: lstHead1, until: -1}, {at: 3, body: 5, title: lstHead2, until: -1}}},
		{"stamped header", []string{"18:50 GMT – " + lstHead1, lstProse1, "19:10 GMT – " + lstHead2, lstProse2},
			[]itemHead{{at: 0, body: 1, title: lstHead1, until: -1}, {at: 2, body: 3, title: lstHead2, until: -1}}},
	} {
		if diff := cmp.Diff(c.want, timeHeads(lstPage(c.lines...)), lstAllow); diff != "" {
			t.Errorf("%s: timeHeads (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLstTeaserHeads: teasers closed by a read-more link are items, titled
// by a text line of up to 20 words above; a headline of up to 20 words
// above running text after the last link is the last, cut item. Without
// links, three headlines or more each right above a one-line teaser (a
// sentence, or the capture's last line) are items.
func TestLstTeaserHeads(t *testing.T) {
	h20 := lstFirstWords(t, 20)
	for _, c := range []struct {
		name  string
		lines []string
		want  []itemHead
	}{
		{"links, cut last teaser", []string{h20, lstMore1, lstHead1, lstMore2, h20, lstProse1},
			[]itemHead{
				{at: 0, body: 1, title: h20, until: 1},
				{at: 2, body: 3, title: lstHead1, until: 3},
				{at: 4, body: 5, title: h20, until: -1},
			}},
		{"links, no cut teaser", []string{lstHead1, lstMore1, lstHead2, lstMore2, lstProse1, "Ceasefire talks in Ijevan"},
			[]itemHead{
				{at: 0, body: 1, title: lstHead1, until: 1},
				{at: 2, body: 3, title: lstHead2, until: 3},
			}},
		{"link below running text", []string{lstHead1, lstMore1, lstProse1, lstMore2},
			[]itemHead{
				{at: 0, body: 1, title: lstHead1, until: 1},
				{at: 3, body: 3, until: 3},
			}},
		{"three teasers, the last cut", []string{
			lstHead1, lstProse1, "",
			lstHead2, lstProse2, "",
			"Schools in Ijevan stay closed", "Engineers are checking the roofs of",
		}, []itemHead{
			{at: 0, body: 1, title: lstHead1, until: 1},
			{at: 2, body: 3, title: lstHead2, until: 3},
			{at: 4, body: 5, title: "Schools in Ijevan stay closed", until: 5},
		}},
		{"two teasers", []string{lstHead1, lstProse1, "", lstHead2, lstProse2}, nil},
		{"teaser apart from its headline", []string{
			lstHead1, "", lstProse1, "",
			lstHead2, "", lstProse2, "",
			"Schools in Ijevan stay closed", "", lstProse3,
		}, nil},
	} {
		if diff := cmp.Diff(c.want, teaserHeads(lstPage(c.lines...)), lstAllow); diff != "" {
			t.Errorf("%s: teaserHeads (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLstQuotedSourceHeads: a line of up to eight words ending with a
// colon, above running text, names the source of a quotation.
func TestLstQuotedSourceHeads(t *testing.T) {
	p := lstPage(
		"„Hraparak“ daily in Yerevan wrote on Monday morning:", lstProse1,
		"„Hraparak“ daily in Yerevan wrote early on Monday morning:", lstProse2,
	)
	want := []itemHead{{at: 0, body: 1, title: "„Hraparak“ daily in Yerevan wrote on Monday morning", until: -1}}
	if diff := cmp.Diff(want, quotedSourceHeads(p), lstAllow); diff != "" {
		t.Errorf("quotedSourceHeads (-want +got):\n%s", diff)
	}
}

// TestLstAccountHeads: an "account date" line starts a post, titled by a
// text line of three words or more below it.
func TestLstAccountHeads(t *testing.T) {
	p := lstPage(
		"u/lachinwatch Oct 01 '20", "Goris roads closed", lstProse1,
		"u/gorisnews Oct 02 '20", "Roads closed", lstProse2,
	)
	got := accountHeads(p)
	for k := range got {
		got[k].date = "" // what dates.Find resolves is not the rule here
	}
	want := []itemHead{
		{at: 0, body: 2, title: "Goris roads closed", byline: []string{"lachinwatch"}, until: -1},
		{at: 3, body: 4, byline: []string{"gorisnews"}, until: -1},
	}
	if diff := cmp.Diff(want, got, lstAllow); diff != "" {
		t.Errorf("accountHeads (-want +got):\n%s", diff)
	}
}

// lstSpan is where an item starts and ends.
type lstSpan struct{ At, Body, Until int }

func lstSpans(heads []itemHead) []lstSpan {
	var out []lstSpan
	for _, h := range heads {
		out = append(out, lstSpan{h.at, h.body, h.until})
	}
	return out
}

// TestLstForumHeads: a run of post footers is one cut; each post is the
// text from its first running text, the page's first line too, to the cut.
func TestLstForumHeads(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  []lstSpan
	}{
		{[]string{lstProse1, "Link to comment", "Share on other sites", lstProse2, "Link to comment"}, []lstSpan{{0, 0, 0}, {3, 3, 3}}},
		{[]string{"Link to comment", lstProse1, "Link to comment", lstProse2, "Report post"}, []lstSpan{{1, 1, 1}, {3, 3, 3}}},
	} {
		if diff := cmp.Diff(c.want, lstSpans(forumHeads(lstPage(c.lines...)))); diff != "" {
			t.Errorf("forumHeads(%q) (-want +got):\n%s", c.lines, diff)
		}
	}
}

// TestLstBlankRunHeads: four blank lines or more set blocks apart (three do
// not); three blocks with running text are items.
func TestLstBlankRunHeads(t *testing.T) {
	three := []string{lstProse1, "", "", "", lstProse2, "", "", "", "", lstProse3, "", "", "", "", lstProse1}
	if diff := cmp.Diff([]lstSpan{{0, 0, 1}, {2, 2, 2}, {3, 3, 3}}, lstSpans(blankRunHeads(lstPage(three...)))); diff != "" {
		t.Errorf("blankRunHeads (-want +got):\n%s", diff)
	}
	two := []string{lstProse1, "", "", "", "", lstProse2, "", "", "", "", lstProse3}
	if got := blankRunHeads(lstPage(two...)); len(got) != 3 {
		t.Errorf("blankRunHeads of three blocks = %d heads, want 3", len(got))
	}
	if got := blankRunHeads(lstPage(two[:6]...)); got != nil {
		t.Errorf("blankRunHeads of two blocks = %v, want none", got)
	}
}

// TestLstLiveHeads: a page whose headline, the first line too, says it is
// live is read as entries under it, dated by the date line nearest the
// headline.
func TestLstLiveHeads(t *testing.T) {
	const live = "Shelling near Goris: live"
	for _, c := range []struct {
		name  string
		lines []string
		want  []itemHead
	}{
		{"headline first", []string{live, "22 August 2023", lstProse1, lstProse2, lstProse3},
			[]itemHead{
				{at: 3, body: 3, title: live, date: "22 August 2023", until: 3},
				{at: 4, body: 4, title: live, date: "22 August 2023", until: 4},
			}},
		{"nearest date", []string{"1 March 2021", "Syunik news", "", live, "2 March 2021", lstProse1, lstProse2, lstProse3},
			[]itemHead{
				{at: 5, body: 5, title: live, date: "2 March 2021", until: 5},
				{at: 6, body: 6, title: live, date: "2 March 2021", until: 6},
			}},
	} {
		if diff := cmp.Diff(c.want, liveHeads(lstPage(c.lines...)), lstAllow); diff != "" {
			t.Errorf("%s: liveHeads (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLstHeadlineHeads: headlines of seven words or more set apart by a
// blank line above running text are posts; one right under the text above
// is a subhead.
func TestLstHeadlineHeads(t *testing.T) {
	h7 := "Shelling reported near Goris overnight once again"
	h8 := "Lachin road reopened for aid trucks on Monday"
	p := lstPage(h7, lstProse1, "", h8, lstProse2, "Schools in Ijevan stayed closed on Tuesday again", lstProse3)
	want := []itemHead{{at: 0, body: 1, title: h7, until: -1}, {at: 2, body: 3, title: h8, until: -1}}
	if diff := cmp.Diff(want, headlineHeads(p), lstAllow); diff != "" {
		t.Errorf("headlineHeads (-want +got):\n%s", diff)
	}
}

// TestLstAddDigestHeads: after the last item (after its last line when its
// header closes it, else after its first body line), a headline above a
// date line, perhaps with a short outlet line between, starts an item.
func TestLstAddDigestHeads(t *testing.T) {
	digest := []string{lstHead1, "22 August 2023", lstProse1, lstHead2, "Azatutyun", "23 August 2023", lstProse2}
	second := itemHead{at: 3, body: 6, title: lstHead2, date: "23 August 2023", until: -1}
	for _, c := range []struct {
		name  string
		lines []string
		last  itemHead
		want  []itemHead
	}{
		{"after a closed item", []string{lstProse1, lstProse2, lstHead1, "22 August 2023", lstProse3},
			itemHead{at: 0, body: 0, until: 0},
			[]itemHead{{at: 0, body: 0, until: 0}, {at: 2, body: 4, title: lstHead1, date: "22 August 2023", until: -1}}},
		{"an outlet line of four words", []string{lstProse1, lstProse2, lstHead1, "Azatutyun Radio Free Europe", "22 August 2023", lstProse3},
			itemHead{at: 0, body: 0, until: 0},
			[]itemHead{{at: 0, body: 0, until: 0}, {at: 2, body: 5, title: lstHead1, date: "22 August 2023", until: -1}}},
		{"a line of five words above the date is the headline", []string{lstProse1, lstProse2, lstHead1, "Azatutyun Radio Free Europe Armenia", "22 August 2023", lstProse3},
			itemHead{at: 0, body: 0, until: 0},
			[]itemHead{{at: 0, body: 0, until: 0}, {at: 3, body: 5, title: "Azatutyun Radio Free Europe Armenia", date: "22 August 2023", until: -1}}},
		{"a short line closing the page", []string{lstProse1, lstProse2, lstHead1, "Azatutyun"},
			itemHead{at: 0, body: 0, until: 0},
			[]itemHead{{at: 0, body: 0, until: 0}}},
		{"after the first body line", digest,
			itemHead{at: 0, body: 1, title: lstHead1, until: -1},
			[]itemHead{{at: 0, body: 1, title: lstHead1, until: -1}, second}},
		{"after the closing line", digest,
			itemHead{at: 0, body: 2, title: lstHead1, until: 1},
			[]itemHead{{at: 0, body: 2, title: lstHead1, until: 1}, second}},
	} {
		got := addDigestHeads(lstPage(c.lines...), []itemHead{c.last})
		if diff := cmp.Diff(c.want, got, lstAllow); diff != "" {
			t.Errorf("%s: addDigestHeads (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLstSplitStamps: a line of 100 bytes or more holding two stamped
// entries or more is cut at each stamp, the text before the first kept.
func TestLstSplitStamps(t *testing.T) {
	lead := "Front update. "
	e1 := "18:50 GMT – Shelling near Goris"
	e2 := "19:10 GMT – Lachin road reopened for aid"
	e2 += strings.Repeat("s", 100-len(lead+e1+" "+e2))
	s := lead + e1 + " " + e2
	if len(s) != 100 {
		t.Fatalf("fixture is %d bytes, want 100", len(s))
	}
	type piece struct {
		Text        string
		Index, Last int
		Words       int
	}
	pieces := func(ls []pageLine) []piece {
		var out []piece
		for _, l := range ls {
			out = append(out, piece{l.text, l.index, l.last, l.words})
		}
		return out
	}
	for _, c := range []struct {
		text string
		want []piece
	}{
		{s, []piece{{"Front update.", 4, 5, 2}, {e1, 4, 5, 6}, {e2, 4, 5, 8}}},
		{s[:99], []piece{{s[:99], 4, 5, wordCount(s)}}},
		{e1 + " " + e2 + " " + strings.Repeat("and trucks ", 4), []piece{{e1, 4, 5, 6}, {e2 + " " + strings.TrimSpace(strings.Repeat("and trucks ", 4)), 4, 5, 16}}},
	} {
		l := pageLine{index: 4, last: 5, text: c.text, class: classProse, words: wordCount(c.text)}
		if diff := cmp.Diff(c.want, pieces(splitStamps(l, anyLanguage))); diff != "" {
			t.Errorf("splitStamps(%q) (-want +got):\n%s", c.text, diff)
		}
	}
}

// TestLstIntroDropped: above the first item, running text and text lines
// of eight words or more are dropped as the page's introduction.
func TestLstIntroDropped(t *testing.T) {
	items := []string{"09:10", lstHead1, lstProse1, "09:40", lstHead2, lstProse2}
	for _, c := range []struct {
		name  string
		intro []string
		want  []Dropped
	}{
		{"eight words and prose", []string{"Reports from the villages along the eastern border", lstProse3},
			[]Dropped{{1, 2, listingIntro}}},
		{"seven words", []string{"Reports from villages along the eastern border"}, nil},
	} {
		var r Result
		introDropped(newCapture(append(append([]string{}, c.intro...), items...)), &r)
		if diff := cmp.Diff(c.want, r.Dropped); diff != "" {
			t.Errorf("%s: introDropped (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestLstListingItemCutEnd: an item's last line, when it is the capture's
// last and holds two words or more, ends its body even without a sentence.
func TestLstListingItemCutEnd(t *testing.T) {
	for _, c := range []struct {
		tail string
		want []string
	}{
		{"Shelters full", []string{lstProse1, "Shelters full"}},
		{"Shelters", []string{lstProse1}},
	} {
		p := lstPage(lstHead1, lstProse1, c.tail)
		it := listingItem(p, itemHead{at: 0, body: 1, title: lstHead1, until: -1}, len(p.lines))
		if diff := cmp.Diff(c.want, it.Paragraphs); diff != "" {
			t.Errorf("tail %q: paragraphs (-want +got):\n%s", c.tail, diff)
		}
	}
}
