package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// bylSized pads prefix with one capitalised word ("Maaa…") to n bytes.
func bylSized(t *testing.T, prefix string, n int) string {
	t.Helper()
	if n-len(prefix) < 2 {
		t.Fatalf("bylSized: %q is too long for %d bytes", prefix, n)
	}
	return prefix + "M" + strings.Repeat("a", n-len(prefix)-1)
}

// bylLen fails the test unless s is n bytes long.
func bylLen(t *testing.T, s string, n int) string {
	t.Helper()
	if len(s) != n {
		t.Fatalf("fixture %q is %d bytes, want %d", s, len(s), n)
	}
	return s
}

// TestBylPersonNameLength: a name line of up to 80 bytes can be a person's
// name; a longer one is not.
func TestBylPersonNameLength(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{bylLen(t, bylSized(t, "Anahit ", 80), 80), true},
		{bylLen(t, bylSized(t, "Anahit ", 81), 81), false},
		{"Diana Ghazaryan", true},
	} {
		if got := isPersonName(c.line); got != c.want {
			t.Errorf("isPersonName(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBylBylineNames: a "By NAME[, NAME]" line of at most 12 words whose
// names are persons' names or single capitalised words is a byline.
func TestBylBylineNames(t *testing.T) {
	twelve := "By Anna Petrosyan, Lilit Sargsyan, Aram Hakobyan, Ani Grigoryan, Davit Harutyunyan, Gohar"
	if n := wordCount(twelve); n != 12 {
		t.Fatalf("fixture has %d words, want 12", n)
	}
	for _, c := range []struct {
		line   string
		want   []string
		wantOK bool
	}{
		{"By Haikazn", []string{"Haikazn"}, true}, // a single capitalised name
		{"ByAnna Petrosyan", []string{"Anna Petrosyan"}, true},
		{twelve, []string{"Anna Petrosyan", "Lilit Sargsyan", "Aram Hakobyan", "Ani Grigoryan", "Davit Harutyunyan", "Gohar"}, true},
		{twelve + " Avetisyan", nil, false}, // 13 words: a sentence, not a byline
		{"By ,", nil, false},                // no name at all
		{"By and", nil, false},
		{"By the way", nil, false},
	} {
		got, ok := bylineNames(c.line)
		if diff := cmp.Diff(c.want, got); diff != "" || ok != c.wantOK {
			t.Errorf("bylineNames(%q) = %v (-want +got):\n%s", c.line, ok, diff)
		}
	}
}

// TestBylBylineOfBounds: a labelled byline line is at most 160 bytes, and
// a label followed by no name is no byline.
func TestBylBylineOfBounds(t *testing.T) {
	names := "By Anna Petrosyan, Lilit Sargsyan, Aram Hakobyan, Ani Grigoryan, Davit Harutyunyan, Gohar Avetisyan, Tigran Mkrtchyan, Narine "
	at160 := bylLen(t, bylSized(t, names, 160), 160)
	at161 := bylLen(t, bylSized(t, names, 161), 161)
	want := []string{"Anna Petrosyan", "Lilit Sargsyan", "Aram Hakobyan", "Ani Grigoryan", "Davit Harutyunyan",
		"Gohar Avetisyan", "Tigran Mkrtchyan", at160[len(names)-len("Narine "):]}
	for _, c := range []struct {
		line   string
		want   []string
		wantOK bool
	}{
		{at160, want, true},
		{at161, nil, false},
		{"By ;", nil, false},
		{"Автор: ,", nil, false},
	} {
		got, ok := bylineOf(c.line)
		if diff := cmp.Diff(c.want, got); diff != "" || ok != c.wantOK {
			t.Errorf("bylineOf(%q) = %v (-want +got):\n%s", c.line, ok, diff)
		}
	}
}

// TestBylStripRole: a role of up to six words after the name's comma is
// cut; a longer clause is not a role.
func TestBylStripRole(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Anna Petrosyan, special correspondent in Goris and Lachin", "Anna Petrosyan"},
		{"Anna Petrosyan, special correspondent of the paper in Goris", "Anna Petrosyan, special correspondent of the paper in Goris"},
		{"Haikazn Ghahriyan, Editor-in-Chief", "Haikazn Ghahriyan"},
	} {
		if got := stripRole(c.in); got != c.want {
			t.Errorf("stripRole(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBylNameLineBounds: a name line, role included, is at most 120 bytes
// and 12 words.
func TestBylNameLineBounds(t *testing.T) {
	role := func(n int) string {
		return bylLen(t, bylSized(t, "Anna Petrosyan (correspondent in ", n-1)+")", n)
	}
	twelve := "Anna Petrosyan (special correspondent of the paper in Goris, Sisian and Lachin)"
	if n := wordCount(twelve); n != 12 {
		t.Fatalf("fixture has %d words, want 12", n)
	}
	for _, c := range []struct{ line, want string }{
		{role(120), "Anna Petrosyan"},
		{role(121), ""},
		{twelve, "Anna Petrosyan"},
		{strings.Replace(twelve, "Goris", "Goris, Meghri", 1), ""}, // 13 words
	} {
		if got, _ := nameLineOf(c.line); got != c.want {
			t.Errorf("nameLineOf(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestBylNameWords: one to four capitalised words of at most 60 bytes,
// particles inside the name, initials, scripts without capitals; capitals
// alone only after a label.
func TestBylNameWords(t *testing.T) {
	for _, c := range []struct {
		s        string
		labelled bool
		want     bool
	}{
		{"Ani Lilit Grigoryan Sargsyan", false, true},
		{"Ani Lilit Grigoryan Sargsyan Hakobyan", false, false}, // five words
		{bylLen(t, bylSized(t, "Anna ", 60), 60), false, true},
		{bylLen(t, bylSized(t, "Anna ", 61), 61), false, false},
		{"علی رضایی", false, true}, // a script without capitals
		{"AVET DEMOURIAN", false, false},
		{"AVET DEMOURIAN", true, true},
		{"Ursula von der Leyen", false, true},
		{"de Waal", true, false}, // a particle does not open a name
		{"J. Kucera", false, true},
		{"A.B. Petrosyan", false, true},
		{"Дж. Байден", false, true},
		// An initial is up to five characters, whatever their bytes.
		{"А.Б. Петров", false, true},
		{"Ա.Բ. Հակոբյան", false, true},
		{"Дж.Б. Байден", false, true},
		{"Джо.Б. Байден", false, false},
		{"Anna 2Petrosyan", false, false},
	} {
		if got := isNameWords(c.s, c.labelled); got != c.want {
			t.Errorf("isNameWords(%q, %v) = %v, want %v", c.s, c.labelled, got, c.want)
		}
	}
}

// TestBylEqualEvidence: a candidate of the same rank and distance is not
// better evidence than another.
func TestBylEqualEvidence(t *testing.T) {
	a := dateCandidate{text: "12 May 2021", rank: rankDateLine, dist: 2, valid: true}
	b := dateCandidate{text: "14 May 2021", rank: rankDateLine, dist: 2, valid: true}
	if a.better(b) || b.better(a) || a.better(a) {
		t.Errorf("equal evidence reported better: %v %v %v", a.better(b), b.better(a), a.better(a))
	}
	if c := (dateCandidate{text: "13 May 2021", rank: rankDateLine, dist: 1, valid: true}); !c.better(a) || a.better(c) {
		t.Error("the nearer date line is not better")
	}
}

// TestBylDateOnlyLine: a date line has at most six other words (clock
// words aside) and 120 runes.
func TestBylDateOnlyLine(t *testing.T) {
	const date = "12 May 2021"
	base := "Published 12 May 2021 / Politics / Goris "
	pad := func(n int) string {
		s := base + strings.Repeat("/", n-utf8.RuneCountInString(base))
		if utf8.RuneCountInString(s) != n {
			t.Fatalf("fixture has %d runes, want %d", utf8.RuneCountInString(s), n)
		}
		return s
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Tarix: 12 May 2021 Politics Goris Lachin Shusha Ganja", true},
		{"Tarix: 12 May 2021 Politics Goris Lachin Shusha Ganja Ijevan", false},
		{"Tarix: 12 May 2021 10:24 AM GMT Politics Goris Lachin Shusha Ganja", true},
		{pad(120), true},
		{pad(121), false},
		{"Shelling resumed near Lachin and Shusha overnight " + date, false},
	} {
		if got := isDateOnlyLine(c.line, date); got != c.want {
			t.Errorf("isDateOnlyLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBylDatelineStart: a dateline's date stands before the first dash or
// colon after the place; a dash opening the line is no separator.
func TestBylDatelineStart(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"GORIS, 12 May 2021 – Shelling resumed near the border", "12 May 2021"},
		{"— GORIS, 12 May 2021", "12 May 2021"},
		{"GORIS – Shelling resumed near the border on 12 May 2021", ""},
	} {
		got, _ := datelineStart(c.line)
		if got != c.want {
			t.Errorf("datelineStart(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestBylTumblrHeader: a post header needs its post type on the next line.
func TestBylTumblrHeader(t *testing.T) {
	lines := []string{"goris-diary · 2 days ago", "Text", "goris-diary · 5 days ago"}
	if !isTumblrHeader(lines, 0) {
		t.Error("a header followed by its type is not read")
	}
	if isTumblrHeader(lines, 2) {
		t.Error("a header on the last line has no post type")
	}
}

// TestBylIsTumblr: two post headers make a Tumblr page, or one with the
// page naming Tumblr.
func TestBylIsTumblr(t *testing.T) {
	post := []string{"goris-diary · 2 days ago", "Text", "The road to Lachin reopened on Monday.", "3 notes"}
	with := func(extra ...string) []string { return append(append([]string{}, extra...), post...) }
	for _, c := range []struct {
		name  string
		lines []string
		want  bool
	}{
		{"one post", with("#lachin"), false},
		{"one post, Tumblr media", with("#lachin", "Tumblr media"), true},
		{"one post, tagged Tumblr posts", with("Explore tagged Tumblr posts"), true},
		{"two posts", append(with("#lachin"), post...), true},
		{"no post, Tumblr media", []string{"#lachin", "Tumblr media", "The road reopened."}, false},
	} {
		if got := isTumblr(c.lines); got != c.want {
			t.Errorf("%s: isTumblr = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBylTumblrPosts: each post spans its header to its last line; image
// file names are no body; a Text post's first line is its title only when
// text follows it.
func TestBylTumblrPosts(t *testing.T) {
	image := bylLen(t, "lachin_corridor_"+strings.Repeat("x", 160-len("lachin_corridor_")-len(".jpg"))+".jpg", 160)
	lines := []string{
		"#goris",                         // 1
		"Explore tagged Tumblr posts",    // 2
		"lachin-roads · 2 days ago",      // 3
		"Photo",                          // 4
		"",                               // 5
		"goris-diary · 5 days ago",       // 6
		"Text",                           // 7
		"Road to Lachin reopened",        // 8
		"IMG_2041.jpg",                   // 9
		image,                            // 10
		"12 notes · View notes",          // 11
		"shusha-walks · 1 week ago",      // 12
		"Text",                           // 13
		"Fog over the Shusha cliffs",     // 14
		"We walked to the old fortress.", // 15
		"4 notes",                        // 16
	}
	want := []Item{
		{LineStart: 3, LineEnd: 4, Outlet: "Tumblr", DateText: "2 days ago", Byline: []string{"lachin-roads"}},
		{LineStart: 6, LineEnd: 11, Outlet: "Tumblr", DateText: "5 days ago", Byline: []string{"goris-diary"},
			Paragraphs: []string{"Road to Lachin reopened"}},
		{LineStart: 12, LineEnd: 16, Outlet: "Tumblr", DateText: "1 week ago", Byline: []string{"shusha-walks"},
			Title: "Fog over the Shusha cliffs", Paragraphs: []string{"We walked to the old fortress."}},
	}
	if diff := cmp.Diff(want, segmentTumblr(lines)); diff != "" {
		t.Errorf("segmentTumblr (-want +got):\n%s", diff)
	}
	if got := segmentTumblr([]string{"#goris", "Explore tagged Tumblr posts"}); len(got) != 0 {
		t.Errorf("a page without posts yields %d items", len(got))
	}
}

// TestBylHeadline: a headline is 2 to 25 words.
func TestBylHeadline(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("Lachin ", n)) }
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Lachin", false},
		{"Lachin corridor", true},
		{words(25), true},
		{words(26), false},
	} {
		if got := isHeadline(c.s); got != c.want {
			t.Errorf("isHeadline(%d words) = %v, want %v", wordCount(c.s), got, c.want)
		}
	}
}

// TestBylNewsPageParts: a breadcrumb "Site > Section > Title" followed
// within 20 lines by the "Published" line.
func TestBylNewsPageParts(t *testing.T) {
	const (
		crumb = "Goris Times > Region > Road to Lachin reopened"
		meta  = "By Anna Petrosyan Published 12 May 2021 3 Min Read"
	)
	page := func(gap int) []string {
		lines := []string{crumb}
		for k := 1; k < gap; k++ {
			lines = append(lines, "Trucks crossed the bridge near Lachin.")
		}
		return append(lines, meta)
	}
	for _, c := range []struct {
		name        string
		lines       []string
		crumb, meta int
		ok          bool
	}{
		{"meta 20 lines on", page(20), 0, 20, true},
		{"meta 21 lines on", page(21), 0, 0, false},
		{"meta next", []string{"Menu", crumb, meta}, 1, 2, true},
		{"no meta", []string{"Menu", crumb, "Trucks crossed the bridge."}, 0, 0, false},
		{"meta before the breadcrumb", []string{"Menu", meta, crumb, "Trucks crossed the bridge."}, 0, 0, false},
	} {
		cr, me, ok := newsPageParts(c.lines)
		if cr != c.crumb || me != c.meta || ok != c.ok {
			t.Errorf("%s: newsPageParts = %d, %d, %v, want %d, %d, %v", c.name, cr, me, ok, c.crumb, c.meta, c.ok)
		}
	}
}

// TestBylNewsPageEndsAtMeta: an article with no text after its meta line
// ends on the meta line.
func TestBylNewsPageEndsAtMeta(t *testing.T) {
	lines := []string{
		"Goris Times > Region > Road to Lachin reopened",
		"Road to Lachin reopened",
		"By Anna Petrosyan Published 12 May 2021 3 Min Read",
		"",
		"You Might Also Like",
		"Ganja airport to reopen",
	}
	want := []Item{{LineStart: 1, LineEnd: 3, Outlet: "Goris Times", Section: "Region", Title: "Road to Lachin reopened",
		DateText: "12 May 2021", Byline: []string{"Anna Petrosyan"}}}
	if diff := cmp.Diff(want, segmentNewsPage(lines)); diff != "" {
		t.Errorf("segmentNewsPage (-want +got):\n%s", diff)
	}
}

// TestBylFurnitureBounds: lines up to 320 bytes are looked up whole; a
// longer one only for a read-more link closing it; a phrase must end at a
// word's end.
func TestBylFurnitureBounds(t *testing.T) {
	credit := func(n int) string {
		return bylLen(t, "Photo: Narek Aleksanyan"+strings.Repeat(" Goris", (n-23)/6)+strings.Repeat("!", (n-23)%6), n)
	}
	teaser := strings.Repeat("The road from Goris to Lachin was reopened to trucks on Monday. ", 6)
	for _, c := range []struct {
		name string
		line string
		want furnitureKind
	}{
		{"credit of 320 bytes", credit(320), furnitureCredit},
		{"credit of 321 bytes", credit(321), notFurniture},
		{"long teaser, read more", teaser + "Read more", furnitureMore},
		{"long teaser, spread more", teaser + "Rumours spread more", notFurniture},
		{"long teaser, chrome suffix", teaser + "скачать", notFurniture},
		{"spread more", "Fears in Goris spread more", notFurniture},
		{"read more", "The old bridge … Read more", furnitureMore},
		{"prefix inside a word", "End of contentious talks in Ganja", notFurniture},
		{"prefix", "End of content", furnitureChrome},
	} {
		if got := furnitureOf(c.line); got != c.want {
			t.Errorf("%s: furnitureOf(%q) = %d, want %d", c.name, c.line, got, c.want)
		}
	}
}

// TestBylLabelsOfSeveralWords: a label of several words is read whole, not
// as its first word and a name ("Автор текста:" is not "Автор" and
// "текста").
func TestBylLabelsOfSeveralWords(t *testing.T) {
	for line, want := range map[string][]string{
		"Автор текста: Анна Акопян":    {"Анна Акопян"},
		"Автор материала: Иван Петров": {"Иван Петров"},
		"Автор: Иван Петров":           {"Иван Петров"},
	} {
		got, ok := bylineOf(line)
		if diff := cmp.Diff(want, got); !ok || diff != "" {
			t.Errorf("bylineOf(%q) = %v (-want +got):\n%s", line, ok, diff)
		}
	}
}

// TestBylStartsUpper: a word starts upper-case when its first letter is a
// capital, of any script.
func TestBylStartsUpper(t *testing.T) {
	for s, want := range map[string]bool{
		"Anna": true, "Zara": true, "Ани": true, "Ərdoğan": true,
		"anna": false, "ани": false, "@anna": false, "[Anna]": false, "1 May": false, "\x7fAnna": false, "": false,
	} {
		if got := startsUpper(s); got != want {
			t.Errorf("startsUpper(%q) = %v, want %v", s, got, want)
		}
	}
}
