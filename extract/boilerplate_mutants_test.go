package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bltFront pads tail at its front with one word ("aaa…") to n bytes.
func bltFront(t *testing.T, tail string, n int) string {
	t.Helper()
	if n-len(tail) < 2 {
		t.Fatalf("bltFront: %q is too long for %d bytes", tail, n)
	}
	return strings.Repeat("a", n-len(tail)-1) + " " + tail
}

// bltBack pads head with a last word ("head zzz…" then suffix) to n bytes.
func bltBack(t *testing.T, head, suffix string, n int) string {
	t.Helper()
	if n-len(head)-len(suffix) < 2 {
		t.Fatalf("bltBack: %q is too long for %d bytes", head, n)
	}
	return head + " " + strings.Repeat("z", n-len(head)-len(suffix)-1) + suffix
}

// bltLine is a classified line as newPage leaves it, before markCaptions.
func bltLine(class lineClass, text string) pageLine {
	return pageLine{class: class, text: text, words: wordCount(text), label: strings.HasPrefix(text, "©")}
}

// bltWords is a line of the first n words of a headline-like text.
func bltWords(t *testing.T, n int) string {
	t.Helper()
	pool := strings.Fields("Ceasefire talks resume near the border village of Tegh after a long winter " +
		"of shelling while farmers in the valley wait for news about the road to Goris and the trucks " +
		"that carry grain from the south to the towns beyond the mountain pass in the spring")
	if n > len(pool) {
		t.Fatalf("bltWords: %d words, the pool has %d", n, len(pool))
	}
	return strings.Join(pool[:n], " ")
}

// bltPage classifies a capture's lines as the general layouts do.
func bltPage(text string) *page {
	lines := strings.Split(text, "\n")
	return newPage(lines, 0, len(lines))
}

const bltProse = "The two delegations met in the morning and spoke for three hours about the road to Lachin.\n" +
	"They agreed to meet again next month in Ijevan, a spokesman for the commission said after the talks.\n"

// TestBltPlaceholder: a placeholder is a line of at most 40 bytes, spaces
// included, naming an embedded widget.
func TestBltPlaceholder(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"YouTube", true},
		{strings.Repeat(" ", 33) + "youtube", true},  // 40 bytes
		{strings.Repeat(" ", 34) + "youtube", false}, // 41 bytes
		{"YouTube channel of the ministry", false},
	} {
		if got := isPlaceholder(c.line); got != c.want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBltClassifyDateInLongLine: a date is read in a line of up to 300
// bytes; a longer line is running text whose dates are not the page's.
func TestBltClassifyDateInLongLine(t *testing.T) {
	head := "The ceasefire signed on 10.11.2020 in Moscow still holds along the road from Goris to Lachin, residents say"
	for n, want := range map[int]string{300: "10.11.2020", 301: ""} {
		s := bltBack(t, head, ".", n)
		class, date, _ := classifyLine(s, anyLanguage)
		if class != classProse || date != want {
			t.Errorf("classifyLine(%d bytes) = %d, %q; want %d, %q", n, class, date, classProse, want)
		}
	}
}

// TestBltClassifyLetterShare: a line of which fewer than 40% of the
// non-space runes are letters is chrome; 40% is enough for text.
func TestBltClassifyLetterShare(t *testing.T) {
	for _, c := range []struct {
		line string
		want lineClass
	}{
		{"km 120", classText},    // 2 letters of 5
		{"km 1200", classChrome}, // 2 of 6
	} {
		if got, _, _ := classifyLine(c.line, anyLanguage); got != c.want {
			t.Errorf("classifyLine(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// TestBltLetterShare: the share of letters among the first 201 non-space
// runes of a line, 0 for a line with none.
func TestBltLetterShare(t *testing.T) {
	for _, c := range []struct {
		line string
		want float64
	}{
		{"", 0},
		{"   ", 0},
		{"1570", 0},
		{"ab 1", 2.0 / 3},
		{"Goris", 1},
		{strings.Repeat("a", 200) + "1", 200.0 / 201},
		{strings.Repeat("a", 201) + "123456", 1},
	} {
		if got := letterShare(c.line); got != c.want {
			t.Errorf("letterShare(%.30q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBltRunningText: a line of 25 words or more that does not close a
// sentence is prose if 5% of its words are stop words of the page's
// language, or if the page has no language.
func TestBltRunningText(t *testing.T) {
	w0 := stopWordOf(t, 0)
	line := func(words, stops int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = "qzxv"
			if i%2 == 1 && i/2 < stops {
				ws[i] = w0
			}
		}
		return strings.Join(ws, " ")
	}
	lang0 := func() int { return 0 }
	none := func() int { return -1 }
	for _, c := range []struct {
		name        string
		words, stop int
		lang        func() int
		want        bool
	}{
		{"25 words, 2 stop words", 25, 2, lang0, true},
		{"24 words, 2 stop words", 24, 2, lang0, false},
		{"24 words, no language", 24, 0, none, false},
		{"40 words, 2 stop words (5%)", 40, 2, lang0, true},
		{"40 words, 1 stop word", 40, 1, lang0, false},
		{"40 words, no stop word, no language", 40, 0, none, true},
	} {
		s := line(c.words, c.stop)
		if got := isRunningText(s, c.lang); got != c.want {
			t.Errorf("isRunningText(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBltAnyLanguage: a line read alone counts the stop words of every
// language.
func TestBltAnyLanguage(t *testing.T) {
	w0, w2 := stopWordOf(t, 0), stopWordOf(t, 2)
	if share, n := stopShare(w0+" "+w2+" qzxv wvkj", anyLanguage()); share != 0.5 || n != 4 {
		t.Errorf("stopShare(two stop words of two languages in four, anyLanguage) = %v, %d; want 0.5, 4", share, n)
	}
}

// TestBltCodeResidue: a template variable is one word with an underscore,
// shorter than 40 bytes.
func TestBltCodeResidue(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"spot_img", true},
		{"td_" + strings.Repeat("x", 36), true},  // 39 bytes
		{"td_" + strings.Repeat("x", 37), false}, // 40 bytes
		{"spot_img and more", false},
		{"spotimg", false},
	} {
		if got := isCodeResidue(c.line); got != c.want {
			t.Errorf("isCodeResidue(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBltCapsMenu: a line in capitals, of at most 600 bytes, is a menu of
// eight words or more, or a rubric of one or two words not ending a
// sentence; a lower-case letter anywhere makes it text.
func TestBltCapsMenu(t *testing.T) {
	menu := func(n int) string { return strings.TrimSpace(strings.Repeat("XƏBƏR ", n)) }
	for _, c := range []struct {
		line string
		want bool
	}{
		{"ÖLKƏ", true},
		{"SİYASƏT İQTİSADİYYAT", true},
		{"SİYASƏT İQTİSADİYYAT MƏDƏNİYYƏT", false},
		{"AA.", false},
		{menu(7), false},
		{menu(8), true},
		{"eXƏBƏR", false},
		{"XƏBƏr", false},
		{"1570", false},
		{strings.Repeat("NEWS ", 119) + "NEWSS", true},   // 600 bytes
		{strings.Repeat("NEWS ", 120) + "NEWSS", false},  // 605 bytes
		{strings.Repeat("NEWS ", 119) + "NEWSSS", false}, // 601 bytes
	} {
		if got := isCapsMenu(c.line); got != c.want {
			t.Errorf("isCapsMenu(%.40q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBltTagList: a label and a list of four items or more, Latin or
// Arabic commas, with at most three words an item, in at most 300 bytes
// and not a sentence.
func TestBltTagList(t *testing.T) {
	twelve := "Topics: Goris road, Lachin corridor, Shusha old fortress, Ijevan market, Ganja city"
	if n := wordCount(twelve); n != 12 {
		t.Fatalf("fixture has %d words, want 12", n)
	}
	long := "Tags: Goris, Lachin, Shusha, Ijevan, "
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Mövzular: Goris, Lachin, Shusha, Ijevan, Ganja", true},
		{"Mövzular: Goris, Lachin, Shusha, Ijevan", false},
		{"ارمنستان،كوهستاني،منطقه،قرہباغ،گنجه", true},
		{"ارمنستان،كوهستاني،منطقه، Goris, Ganja", true},
		{twelve, true},
		{twelve + " gate", false},
		{"Mövzular: Goris, Lachin, Shusha, Ijevan, Ganja.", false},
		{long + "G" + strings.Repeat("a", 300-len(long)-1), true},  // 300 bytes
		{long + "G" + strings.Repeat("a", 301-len(long)-1), false}, // 301 bytes
	} {
		if got := isTagList(c.line); got != c.want {
			t.Errorf("isTagList(%.50q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBltCreditTail: a caption shorter than 400 bytes that ends with an
// agency's credit.
func TestBltCreditTail(t *testing.T) {
	tail := "A woman walks past a shelled house in Shusha - ANNA PETROSYAN/AFP via Getty Images"
	for _, c := range []struct {
		line string
		want bool
	}{
		{tail, true},
		{bltFront(t, tail, 399), true},
		{bltFront(t, tail, 400), false},
		{"A woman walks past a shelled house in Shusha", false},
	} {
		if got := hasCreditTail(c.line); got != c.want {
			t.Errorf("hasCreditTail(%d bytes) = %v, want %v", len(c.line), got, c.want)
		}
	}
}

// TestBltNumberedImage: a gallery's "Title - 1", shorter than 200 bytes.
func TestBltNumberedImage(t *testing.T) {
	tail := "Sınır kapısında yeni dönem başladı - 3"
	for _, c := range []struct {
		line string
		want bool
	}{
		{tail, true},
		{bltFront(t, tail, 199), true},
		{bltFront(t, tail, 200), false},
		{"Sınır kapısında yeni dönem başladı - 3.", false},
	} {
		if got := isNumberedImage(c.line); got != c.want {
			t.Errorf("isNumberedImage(%d bytes) = %v, want %v", len(c.line), got, c.want)
		}
	}
}

// TestBltMarkCaptions: a text line beside a credit line of its own is a
// caption, and so is a line of text or prose of at most 40 words printed
// twice, beside itself or on both sides of its credit; other lines stay.
func TestBltMarkCaptions(t *testing.T) {
	T, P, C, X := classText, classProse, classCredit, classChrome
	caption := "Residents return to their houses in Lachin"
	short := "Residents of Lachin returned to their houses on Sunday after a year away."
	forty := strings.TrimSuffix(strings.Repeat("the road home ", 13), " ") + " today"
	if n := wordCount(forty); n != 40 {
		t.Fatalf("fixture has %d words, want 40", n)
	}
	for _, c := range []struct {
		name  string
		lines []pageLine
		want  []lineClass
	}{
		{"credit above", []pageLine{bltLine(C, "© Photolure"), bltLine(T, caption)}, []lineClass{C, C}},
		{"credit below", []pageLine{bltLine(T, caption), bltLine(C, "© Photolure")}, []lineClass{C, C}},
		{"credit two above", []pageLine{bltLine(C, "© Photolure"), bltLine(T, "Goris"), bltLine(T, caption)}, []lineClass{C, C, T}},
		{"prose around its credit", []pageLine{bltLine(P, short), bltLine(C, "© Photolure"), bltLine(P, short)}, []lineClass{C, C, C}},
		{"prose beside its credit", []pageLine{bltLine(C, "© Photolure"), bltLine(P, short)}, []lineClass{C, P}},
		{"prose twice", []pageLine{bltLine(P, short), bltLine(P, short)}, []lineClass{C, C}},
		{"chrome twice", []pageLine{bltLine(X, "Share"), bltLine(X, "Share")}, []lineClass{X, X}},
		{"40 words twice", []pageLine{bltLine(P, forty), bltLine(P, forty)}, []lineClass{C, C}},
		{"41 words twice", []pageLine{bltLine(P, forty+" again"), bltLine(P, forty+" again")}, []lineClass{P, P}},
	} {
		markCaptions(c.lines)
		var got []lineClass
		for _, l := range c.lines {
			got = append(got, l.class)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("markCaptions(%s) classes (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestBltCutPhotoCredit: a bracketed photo credit that ends a caption is
// cut; a caption that is only its credit leaves nothing; other brackets
// stay.
func TestBltCutPhotoCredit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Residents return to Lachin (AP Photo/Anna Petrosyan)", "Residents return to Lachin"},
		{"Residents return to Lachin  (Photo: Anna Petrosyan)", "Residents return to Lachin"},
		{"(Photo: Ani Grigoryan)", ""},
		{"Residents return to Lachin (Armenia)", "Residents return to Lachin (Armenia)"},
		{"Residents return to Lachin)", "Residents return to Lachin)"},
		{"Residents return to Lachin", "Residents return to Lachin"},
	} {
		if got := cutPhotoCredit(c.in); got != c.want {
			t.Errorf("cutPhotoCredit(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBltCutContributions: the credits a story ends with are cut, all of
// them.
func TestBltCutContributions(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The talks will resume next week. Anna Petrosyan contributed to this report.", "The talks will resume next week."},
		{"Residents returned to the village. Camera: Aram Sargsyan Editing: Lilit Hakobyan", "Residents returned to the village."},
		{"Residents returned to the village.", "Residents returned to the village."},
	} {
		if got := cutContributions(c.in); got != c.want {
			t.Errorf("cutContributions(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBltPlainTitle: the plain layout takes a headline-like first line for
// the title only when a paragraph follows it.
func TestBltPlainTitle(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  []Item
	}{
		{[]string{"", "Ceasefire holds in Lachin"}, []Item{{LineStart: 2, LineEnd: 2, Paragraphs: []string{"Ceasefire holds in Lachin"}}}},
		{[]string{"Ceasefire holds in Lachin", "", "Residents say the night was quiet."}, []Item{{LineStart: 1, LineEnd: 3,
			Title: "Ceasefire holds in Lachin", Paragraphs: []string{"Residents say the night was quiet."}}}},
	} {
		if diff := cmp.Diff(c.want, segmentPlain(c.lines)); diff != "" {
			t.Errorf("segmentPlain(%q) (-want +got):\n%s", c.lines, diff)
		}
	}
}

// TestBltEmptyLayoutFallsToPlain: a capture whose recognised layout yields
// no item is read by the plain extractor.
func TestBltEmptyLayoutFallsToPlain(t *testing.T) {
	text := "armenpress · 3 months ago\nPhoto\nTumblr media\n12 notes\n\n" +
		"goris_today · 5 months ago\nPhoto\nTumblr media\n7 notes\n"
	lines := strings.Split(text, "\n")
	if !isTumblr(lines) {
		t.Fatal("fixture is not read as a Tumblr page")
	}
	r := Extract(text)
	if r.Layout != LayoutPlain || len(r.Items) != 1 {
		t.Errorf("Extract(Tumblr page of empty posts) = layout %q, %d items; want %q, 1", r.Layout, len(r.Items), LayoutPlain)
	}
}

// TestBltOrdinals: items are numbered from 1 in the order they were cut,
// dropped items counted.
func TestBltOrdinals(t *testing.T) {
	r := finish("digest", []Item{
		{LineStart: 1, LineEnd: 2, Paragraphs: []string{"Talks in Goris."}},
		{LineStart: 3, LineEnd: 4, Paragraphs: []string{" "}},
		{LineStart: 5, LineEnd: 6, Paragraphs: []string{"Talks in Ganja."}},
	})
	var got []int
	for _, it := range r.Items {
		got = append(got, it.Ordinal)
	}
	if diff := cmp.Diff([]int{1, 3}, got); diff != "" {
		t.Errorf("ordinals (-want +got):\n%s", diff)
	}
}

// TestBltIsTidy: a field is tidy when it is not empty and its words are
// separated by single plain spaces, with none at either end.
func TestBltIsTidy(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Goris", true},
		{"Goris and Lachin", true},
		{"Գորիս և Լաչին", true},
		{"", false},
		{" Goris", false},
		{"Goris ", false},
		{"Goris  Lachin", false},
		{"Goris\u00a0Lachin", false},
		{"Goris\tLachin", false},
		{"Goris\u200bLachin", false},
	} {
		if got := isTidy(c.s); got != c.want {
			t.Errorf("isTidy(%q) = %v, want %v", c.s, got, c.want)
		}
		if c.want && tidy(c.s) != c.s {
			t.Errorf("tidy(%q) = %q", c.s, tidy(c.s))
		}
	}
}

// TestBltHeadlineLike: four to twenty words of text, not a sentence, a
// label or a name.
func TestBltHeadlineLike(t *testing.T) {
	line := func(n int) pageLine { return bltLine(classText, bltWords(t, n)) }
	named := line(4)
	named.name = "Anna Petrosyan"
	prose := line(8)
	prose.class = classProse
	for _, c := range []struct {
		name string
		l    pageLine
		want bool
	}{
		{"3 words", line(3), false},
		{"4 words", line(4), true},
		{"20 words", line(20), true},
		{"21 words", line(21), false},
		{"sentence", bltLine(classText, "Ceasefire talks resume near Tegh."), false},
		{"label", bltLine(classText, "Ceasefire talks resume near Tegh:"), false},
		{"name", named, false},
		{"prose", prose, false},
	} {
		if got := isHeadlineLike(c.l); got != c.want {
			t.Errorf("isHeadlineLike(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBltScoreTitleLength: a headline of 4 to 25 words scores 4, of 2 or 3
// or of 26 to 40 scores 2, of one word 1, of more than 40 nothing.
func TestBltScoreTitleLength(t *testing.T) {
	for n, want := range map[int]int{1: 1, 2: 2, 3: 2, 4: 4, 25: 4, 26: 2, 40: 2, 41: 0} {
		p := &page{lines: []pageLine{bltLine(classText, bltWords(t, n))}}
		if got := scoreTitle(p, 0).score; got != want {
			t.Errorf("scoreTitle(%d words) = %d, want %d", n, got, want)
		}
	}
	// A date below adds 2.
	p := &page{lines: []pageLine{bltLine(classText, bltWords(t, 4)), {class: classDate, text: "10.11.2020"}}}
	if got := scoreTitle(p, 0).score; got != 6 {
		t.Errorf("scoreTitle(4 words above a date) = %d, want 6", got)
	}
}

// TestBltRepeated: a headline of three words or more is repeated when
// another line, shorter than four times it plus 40 bytes, holds it.
func TestBltRepeated(t *testing.T) {
	three := "Border talks resume"
	long := "Border talks resume in Ijevan"
	for _, c := range []struct {
		name  string
		t     string
		other string
		want  bool
	}{
		{"three words", three, three, true},
		{"two words", "Talks resume", "Talks resume", false},
		{"printed once", long, "Residents return to Lachin", false},
		{"in a breadcrumb", long, "Home > Politics > " + long, true},
		{"in a line of 4n+39 bytes", long, bltBack(t, long, "", 4*len(long)+39), true},
		{"in a line of 4n+40 bytes", long, bltBack(t, long, "", 4*len(long)+40), false},
	} {
		p := &page{lines: []pageLine{bltLine(classText, c.t), bltLine(classText, c.other)}}
		if got := repeated(p, 0, c.t); got != c.want {
			t.Errorf("repeated(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBltCleanTitleDoubled: a line longer than ten bytes that is a
// headline twice, glued or spaced, is halved; a short doubled name or one
// joined by a hyphen is not.
func TestBltCleanTitleDoubled(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ceasefire holds in Lachin Ceasefire holds in Lachin", "Ceasefire holds in Lachin"},
		{"Ceasefire holds in LachinCeasefire holds in Lachin", "Ceasefire holds in Lachin"},
		{"Goris Goris", "Goris"},
		// Each copy ends with a no-break space, and a separator the line.
		{"Ceasefire holds in Lachin\u00a0 Ceasefire holds in Lachin\u00a0 |", "Ceasefire holds in Lachin"},
		{"GorisGoris", "GorisGoris"},
		{"Bora Bora", "Bora Bora"},
		{"Baden-Baden", "Baden-Baden"},
	} {
		if got := cleanTitle(c.in); got != c.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBltCutSiteSuffix: " - Site" is cut from a headline only when the
// page prints the headline alone on another line.
func TestBltCutSiteSuffix(t *testing.T) {
	suffixed := "Ceasefire holds in Lachin - Azatutyun"
	for _, c := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"printed alone", []string{suffixed, "Ceasefire holds in Lachin"}, "Ceasefire holds in Lachin"},
		{"not printed alone", []string{suffixed, "Residents return to Goris"}, suffixed},
	} {
		p := &page{}
		for _, l := range c.lines {
			p.lines = append(p.lines, bltLine(classText, l))
		}
		if got := cutSiteSuffix(p, suffixed); got != c.want {
			t.Errorf("cutSiteSuffix(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestBltPickTitle: the best-scored text line among the 12 before the
// body, the upper of two tied; a shorter candidate right above it is the
// headline; none inside a run of four headlines or more just above the body.
func TestBltPickTitle(t *testing.T) {
	x := bltWords(t, 21) // too long to read as a link, short enough for a headline
	for _, c := range []struct {
		name  string
		text  string
		body  int
		title string
		at    int
	}{
		{"first line", "Ceasefire holds along the Lachin road\n" + bltProse, 1, "Ceasefire holds along the Lachin road", 0},
		{"12 lines above the body", "Ceasefire holds along the Lachin road\n" + strings.Repeat("ÖLKƏ\n", 11) + bltProse,
			12, "Ceasefire holds along the Lachin road", 0},
		{"13 lines above the body", "Ceasefire holds along the Lachin road\n" + strings.Repeat("ÖLKƏ\n", 12) + bltProse,
			13, "", -1},
		{"tie goes up", "Ministers of both countries meet in Ijevan\n10.11.2020\nTalks on the border go on in Ganja\n" + bltProse,
			3, "Ministers of both countries meet in Ijevan", 0},
		{"shorter above", "Border talks resume\nMinisters of both countries meet in Ijevan today\n" + bltProse,
			2, "Border talks resume", 0},
		{"as long above", "Talks resume in Goris.\nMinisters meet in Ijevan\n" + bltProse,
			2, "Ministers meet in Ijevan", 1},
		{"three links", "Farmers wait for the spring\nTrucks carry grain to Goris\nMinisters meet in Ijevan today\n" + bltProse,
			3, "Ministers meet in Ijevan today", 2},
		{"four links", "Farmers wait for the spring\nTrucks carry grain to Goris\nMinisters meet in Ijevan today\nA new road opens near Tegh\n" + bltProse,
			4, "", -1},
		{"the body line is not in the run", "Farmers wait for the spring\nTrucks carry grain to Goris\nMinisters meet in Ijevan today\nA new road opens near Tegh\n" + bltProse,
			3, "Farmers wait for the spring", 0},
		{"links below the headline", x + "\nFarmers wait for the spring\nTrucks carry grain to Goris\nMinisters meet in Ijevan today\nA new road opens near Tegh\n" + bltProse + x,
			5, x, 0},
	} {
		p := bltPage(c.text)
		title, at := pickTitle(p, c.body)
		if title != c.title || at != c.at {
			t.Errorf("pickTitle(%s) = %q, %d; want %q, %d", c.name, title, at, c.title, c.at)
		}
	}
}
