package outlet

import (
	"strings"
	"testing"
)

// The tests of this file pin the boundaries of the package's rules, one
// rule a case: each was written against a change of the code (a < for a
// <=, a condition negated) that the other tests let through.

// TestTidy checks tidy's rule, one line of single spaces without zero-width
// characters, on the lines its fast path must not take for tidy.
func TestTidy(t *testing.T) {
	for in, want := range map[string]string{
		"Source: Reuters":       "Source: Reuters",
		"Source:  Reuters":      "Source: Reuters",
		"Source:\tReuters":      "Source: Reuters",
		"Source:\u00a0Reuters":  "Source: Reuters", // a no-break space
		"Source: Reu\u200bters": "Source: Reuters",
		"Агентство  ТАСС":       "Агентство ТАСС", // no ASCII letter before the spaces
		"é  Reuters":            "é Reuters",      // the spaces right after a character of two bytes
		"  AA  ":                "AA",
		"":                      "",
	} {
		if got := tidy(in); got != want {
			t.Errorf("tidy(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadTail checks that head and tail cut at a character boundary, keep
// a string that fits whole, and survive bytes that start no character.
func TestHeadTail(t *testing.T) {
	for _, c := range []struct {
		s          string
		n          int
		head, tail string
	}{
		{"ééé", 3, "é", "é"},
		{"ééé", 6, "ééé", "ééé"},
		{"abc", 5, "abc", "abc"},
		{"\x80ab", 3, "\x80ab", "\x80ab"},
		{strings.Repeat("\x80", 10), 4, "", ""},
	} {
		if got := head(c.s, c.n); got != c.head {
			t.Errorf("head(%q, %d) = %q, want %q", c.s, c.n, got, c.head)
		}
		if got := tail(c.s, c.n); got != c.tail {
			t.Errorf("tail(%q, %d) = %q, want %q", c.s, c.n, got, c.tail)
		}
	}
}

// TestFirstSentence checks where a credited name's sentence ends: at the
// first ". " after a word of three letters or more, not after no word.
func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Ria News Now. And more":      "Ria News Now",
		"U.S. News. More":             "U.S. News",
		". The Herald. All rights":    ". The Herald",
		"S. . The Herald. All rights": "S. . The Herald",
		"No sentence end":             "No sentence end",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCutLabel checks that a label is cut at its first separator, within
// 32 bytes, and that a line opening with a separator has no label.
func TestCutLabel(t *testing.T) {
	label32 := strings.Repeat("x", 32)
	for _, c := range []struct {
		line, label, value string
		ok                 bool
	}{
		{"Source: Reuters - AP", "Source", "Reuters - AP", true},
		{"Source - Reuters: AP", "Source", "Reuters: AP", true},
		{label32 + ": v", label32, "v", true},
		{label32 + " — v", label32, "v", true},
		{label32 + "x: v", "", "", false},
		{": Reuters", "", "", false},
	} {
		label, value, ok := cutLabel(c.line)
		if label != c.label || value != c.value || ok != c.ok {
			t.Errorf("cutLabel(%q) = %q %q %v, want %q %q %v", c.line, label, value, ok, c.label, c.value, c.ok)
		}
	}
}

// TestCreditBoundaries checks the limits of the forms of a credit: a line
// of headBytes is still read for an agency alone, a copyright's unknown
// name has at most maxNameWords words, a source's unknown one seven, a
// dateline's place may be two letters.
func TestCreditBoundaries(t *testing.T) {
	reg := builtinRegistry(t)
	type want struct{ Name, Form string }
	for _, c := range []struct {
		line string
		want want
	}{
		{"AA" + strings.Repeat(" ", headBytes-2), want{"Anadolu Agency", FormAgency}},
		{"© 2024 Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", want{"Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", FormCopyright}},
		{"© 2024 Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota", want{}},
		{"NY (AP) — Officials said.", want{"Associated Press", FormDateline}},
		{"NY(AP) — Officials said.", want{"Associated Press", FormDateline}},
		{"Source: Reuters - AP", want{"Reuters", FormSource}},
		{"Source: Alpha Beta Gamma Delta Epsilon Zeta News", want{"Alpha Beta Gamma Delta Epsilon Zeta News", FormSource}},
		{"Source: Alpha Beta Gamma Delta Epsilon Zeta Eta News", want{}},
	} {
		got, ok := reg.Credit(c.line)
		if g := (want{got.Outlet.Name, got.Form}); g != c.want || ok != (c.want != want{}) {
			t.Errorf("Credit(%q) = %+v %v, want %+v", c.line, g, ok, c.want)
		}
	}
}

// testRegistry is a small registry of made-up outlets whose names have the
// lengths the limits of the credits are about.
func testRegistry(t *testing.T) *Registry {
	t.Helper()
	reg, err := ParseRegistry(strings.NewReader("name\tcountry\tkind\tdomains\taliases\n"+
		"Alpha Beta Gamma Delta Epsilon Zeta Eta Agency\tAM\tagency\talpha.example\t\n"+
		"Karabakh Morning News\tAZ\tnews\tmorning.example\t\n"+
		"Ministry of Testing\tAZ\tgovernment\ttesting.example\t\n"), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestDatelineLimits checks the dash dateline's reading of the agency:
// after the last separator it may have up to maxNameWords words (with a
// place of six), as the last words before the stop up to three; it is an
// agency or a news outlet, no ministry.
func TestDatelineLimits(t *testing.T) {
	reg := testRegistry(t)
	for _, c := range []struct{ line, want string }{
		{"BAKU, 5 October — Alpha Beta Gamma Delta Epsilon Zeta Eta Agency. The talks resumed.", "Alpha Beta Gamma Delta Epsilon Zeta Eta Agency"},
		{"BAKU 5 October 2023 local time, Alpha Beta Gamma Delta Epsilon Zeta Eta Agency. The talks resumed.", "Alpha Beta Gamma Delta Epsilon Zeta Eta Agency"},
		{"BAKU, 5 October — Karabakh Morning News. The talks resumed.", "Karabakh Morning News"},
		{"YEREVAN, Jan 8, 2021 Karabakh Morning News: The talks resumed.", "Karabakh Morning News"},
		{"YEREVAN, Jan 8, 2021 Alpha Beta Gamma Delta Epsilon Zeta Eta Agency: The talks resumed.", ""},
		{"BAKU, 5 October — Ministry of Testing. The talks resumed.", ""},
	} {
		got, ok := reg.Credit(c.line)
		if c.want == "" {
			if ok {
				t.Errorf("Credit(%q) = %+v, want none", c.line, got)
			}
			continue
		}
		if got.Outlet.Name != c.want || got.Form != FormDateline {
			t.Errorf("Credit(%q) = %+v %v, want the dateline of %s", c.line, got, ok, c.want)
		}
	}
}

// TestDatelineForms checks the datelines at their bounds: a stop right
// after another, a place of six words or two capitals, TASS's slashes
// without a stop after them.
func TestDatelineForms(t *testing.T) {
	reg := builtinRegistry(t)
	for _, c := range []struct{ line, want string }{
		{"Baku, October 5, AZERTAC... The president received the delegation.", "AZERTAC"},
		{"NEW YORK CITY, NEW YORK STATE (AP) — Officials said.", "Associated Press"},
		{"NY (Human Rights Watch) – Officials said.", "Human Rights Watch"},
		{"ЕРЕВАН, 12 октября. /ТАСС/ Премьер-министр Армении заявил об этом.", "TASS"},
		{"NY/ТАСС/ Премьер-министр Армении заявил об этом.", "TASS"},
	} {
		if got, ok := reg.Credit(c.line); got.Outlet.Name != c.want || got.Form != FormDateline {
			t.Errorf("Credit(%q) = %+v %v, want the dateline of %s", c.line, got, ok, c.want)
		}
	}
}

// TestAgencyAlone checks an agency's name alone on a line of maxNameWords
// words, and an agency ending a long text after white space.
func TestAgencyAlone(t *testing.T) {
	reg := testRegistry(t)
	if got, ok := reg.Credit("Alpha Beta Gamma Delta Epsilon Zeta Eta Agency"); !ok || got.Form != FormAgency {
		t.Errorf("an agency's name of %d words alone gives %+v %v", maxNameWords, got, ok)
	}
	reg = builtinRegistry(t)
	prose := strings.Repeat("Officials said the road was open. ", 10)
	for _, end := range []string{"(AP)", "—AP", "-AP"} {
		line := prose + strings.Repeat(" ", tailBytes) + end
		if got, ok := reg.Credit(line); got.Outlet.Name != "Associated Press" || got.Form != FormAgency {
			t.Errorf("Credit(prose + spaces + %q) = %+v %v, want Associated Press", end, got, ok)
		}
	}
}

// TestLastDash checks where the dash before a text's last words is: at the
// start, or after a space; a hyphen inside a word is none.
func TestLastDash(t *testing.T) {
	for s, want := range map[string]int{
		"-AFP":             0,
		"—AFP":             0,
		"said - AFP":       5,
		"said — AFP":       5,
		"said -- AFP":      5,
		"Nagorno-Karabakh": -1,
		"no dash":          -1,
	} {
		if got := lastDash(s); got != want {
			t.Errorf("lastDash(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestPublisherForms checks the forms publisher resolves a credited name
// by: a legal suffix, a list of up to maxNameWords words, an abbreviation
// in parentheses right after the name, a quoted name at the start.
func TestPublisherForms(t *testing.T) {
	reg := builtinRegistry(t)
	for _, c := range []struct{ name, want string }{
		{"Reuters Ltd", "Reuters"},
		{"Reuters, AP, AFP, dpa, EFE, ANSA, TASS, IRNA", "Reuters"},
		{"Reuters, AP, AFP, dpa, EFE, ANSA, TASS, IRNA, Xinhua", ""},
		{"Karabakh(AA)", "Anadolu Agency"},
		{"«Звезда» телеканал", "Zvezda"},
	} {
		got, ok := reg.publisher(c.name)
		if got.Name != c.want || ok != (c.want != "") {
			t.Errorf("publisher(%q) = %q %v, want %q", c.name, got.Name, ok, c.want)
		}
	}
}

// TestInnermostQuoted checks the quoted name publisher tries: the last
// one, its closing quote optional, nothing for empty quotes.
func TestInnermostQuoted(t *testing.T) {
	for s, want := range map[string]string{
		"«ТРК ВС РФ «ЗВЕЗДА»": "ЗВЕЗДА",
		"«ТРК ВС РФ «ЗВЕЗДА":  "ЗВЕЗДА",
		"«Звезда» телеканал":  "Звезда",
		"“Azg” daily":         "Azg",
		"«» Reuters":          "",
		"no quotes":           "",
	} {
		if got := innermostQuoted(s); got != want {
			t.Errorf("innermostQuoted(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFirstOfList checks that a list's first name ends at its first
// connector, even one that opens the list.
func TestFirstOfList(t *testing.T) {
	for s, want := range map[string]string{
		"Reuters, AP":    "Reuters",
		"Reuters and AP": "Reuters",
		"Reuters":        "Reuters",
		", AP, AFP":      "",
	} {
		if got := firstOfList(s); got != want {
			t.Errorf("firstOfList(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAcronym checks that two capitals make an acronym, and what an
// acronym does for an unknown name of two words: it marks an organisation.
func TestAcronym(t *testing.T) {
	for w, want := range map[string]bool{"BBC": true, "MoD": true, "Bbc": false, "": false} {
		if got := acronym(w); got != want {
			t.Errorf("acronym(%q) = %v, want %v", w, got, want)
		}
	}
	if !looksLikePublisher("Karabakh MoD") {
		t.Error(`"Karabakh MoD" is not taken for an organisation's name`)
	}
}

// TestCapitalised checks the capitals of a publisher's name: the first word
// has one, and so does every word of four letters or more but connectors;
// shorter words and scripts without capitals pass.
func TestCapitalised(t *testing.T) {
	for name, want := range map[string]bool{
		"Karabakh Daily Herald": true,
		"Ministry of Defence":   true,
		"Karabakh from Herald":  false,
		"Karabakh az Herald":    true,
		"karabakh Herald":       false,
		"ნეტგაზეთი":             true,
	} {
		if got := capitalised(name); got != want {
			t.Errorf("capitalised(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestFold checks the name key on names without an ASCII letter: their
// accents go too.
func TestFold(t *testing.T) {
	for s, want := range map[string]string{
		"ÀÉ":             "ae",
		"Libération":     "liberation",
		"ANADOLU AJANSI": "anadoluajansi",
		"ТАСС":           "тасс",
		"BARRON'S":       "barrons",
	} {
		if got := fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNormalizeCountryAlone checks that a country after a comma with no
// name before it does not leave the outlet without a name.
func TestNormalizeCountryAlone(t *testing.T) {
	reg := builtinRegistry(t)
	if got := reg.Normalize(", Armenia"); got.Name != ", Armenia" || got.Country != "" {
		t.Errorf(`Normalize(", Armenia") = %+v, want the text kept, with no country`, got)
	}
}

// TestLabelLength checks DNS's limit on a host's labels: 63 bytes.
func TestLabelLength(t *testing.T) {
	reg := builtinRegistry(t)
	label := strings.Repeat("a", 63)
	if got, ok := reg.FromURL("https://" + label + ".com/x"); !ok || got.Name != label+".com" {
		t.Errorf("a label of 63 bytes gives %+v %v, want its domain", got, ok)
	}
	if got, ok := reg.FromURL("https://" + label + "a.com/x"); ok {
		t.Errorf("a label of 64 bytes gives %+v, want none", got)
	}
}

// TestShoutingLength checks where an unknown name in capitals stops being an
// acronym: at five letters.
func TestShoutingLength(t *testing.T) {
	reg := builtinRegistry(t)
	for text, want := range map[string]string{"ZQXW": "ZQXW", "ZQXWV": "Zqxwv", "ZQ XW": "ZQ XW", "ZQ XWV": "Zq Xwv"} {
		if got := reg.Normalize(text); got.Name != want {
			t.Errorf("Normalize(%q) = %q, want %q", text, got.Name, want)
		}
	}
}

// TestSiteNameLength checks the shortest site name looked for: four letters.
func TestSiteNameLength(t *testing.T) {
	if got, ok := SiteName("https://www.zaqw.am/x", []string{"Home | Zaqw"}); !ok || got.Name != "Zaqw" {
		t.Errorf("SiteName of a name of four letters = %q %v, want Zaqw", got.Name, ok)
	}
}

// TestSiteNameLineLength checks the longest line a site's name is looked
// for in: maxSiteLine words.
func TestSiteNameLineLength(t *testing.T) {
	words := strings.Repeat("word ", maxSiteLine-1)
	if got, ok := SiteName("https://www.zaqw.am/x", []string{words + "Zaqw"}); !ok || got.Name != "Zaqw" {
		t.Errorf("SiteName in a line of %d words = %q %v, want Zaqw", maxSiteLine, got.Name, ok)
	}
	if got, ok := SiteName("https://www.zaqw.am/x", []string{words + "word Zaqw"}); ok {
		t.Errorf("SiteName in a line of %d words = %q, want none", maxSiteLine+1, got.Name)
	}
}

// TestAMPKinds checks the AMP cache's kinds of path: content (c), viewer
// (v) and image (i) hold a URL; another holds none.
func TestAMPKinds(t *testing.T) {
	reg := builtinRegistry(t)
	for _, c := range []struct{ url, want string }{
		{"https://www-jam--news-net.cdn.ampproject.org/c/s/jam-news.net/x/", "JAMnews"},
		{"https://www-jam--news-net.cdn.ampproject.org/v/s/jam-news.net/x/", "JAMnews"},
		{"https://www-jam--news-net.cdn.ampproject.org/i/s/jam-news.net/x.jpg", "JAMnews"},
		{"https://www-jam--news-net.cdn.ampproject.org/x/s/jam-news.net/x/", "ampproject.org"},
	} {
		if got, _ := reg.FromURL(c.url); got.Name != c.want {
			t.Errorf("FromURL(%q) = %q, want %q", c.url, got.Name, c.want)
		}
	}
}

// TestCutParenthesis checks the split of "Name (ABBR)": a name of one
// letter is one, a parenthesis with nothing before it or not closing the
// text is no abbreviation.
func TestCutParenthesis(t *testing.T) {
	for _, c := range []struct{ s, name, abbreviation string }{
		{"Anadolu Ajansı (AA)", "Anadolu Ajansı", "AA"},
		{"Q(AA)", "Q", "AA"},
		{"(AA)", "", ""},
		{"Anadolu Ajansı (AA) Ankara", "", ""},
	} {
		if name, abbreviation := cutParenthesis(c.s); name != c.name || abbreviation != c.abbreviation {
			t.Errorf("cutParenthesis(%q) = %q %q, want %q %q", c.s, name, abbreviation, c.name, c.abbreviation)
		}
	}
}
