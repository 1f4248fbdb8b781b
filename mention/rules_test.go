package mention

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFolding: the foldings README lists, each a spelling that must match
// or, for the Azerbaijani and Turkish I, one that must not.
func TestFolding(t *testing.T) {
	m := builtinMatcher(t)
	for _, c := range []struct {
		why, lang, body, entity, surface string
		found                            bool
	}{
		{"İ is the capital of i in Azerbaijani", "az", "FÜZULİ.", "place/fuzuli", "FÜZULİ", true},
		{"I is the capital of ı in Azerbaijani", "az", "FÜZULI.", "place/fuzuli", "FÜZULI", false},
		{"I is the capital of ı in Turkish", "tr", "FÜZULI.", "place/fuzuli", "FÜZULI", false},
		{"elsewhere I is the capital of i", "en", "FÜZULI.", "place/fuzuli", "FÜZULI", true},
		{"Arabic ya as Persian's", "fa", "ايروان", "place/yerevan", "ايروان", true},
		{"Arabic kaf as Persian's", "fa", "اوكراين", "place/ukraine", "اوكراين", true},
		{"alef with hamza as bare alef", "ar", "ارمينيا", "place/armenia", "ارمينيا", true},
		{"Arabic vowel marks dropped", "ar", "أَرْمِينِيَا", "place/armenia", "أَرْمِينِيَا", true},
		{"soft hyphen dropped", "en", "Stepana\u00adkert", "place/khankendi", "Stepana\u00adkert", true},
		{"Armenian ԵՎ as եւ", "hy", "ԵՐԵՎԱՆ", "place/yerevan", "ԵՐԵՎԱՆ", true},
	} {
		found := false
		for _, mn := range m.Find(c.body, c.lang) {
			found = found || mn.Entity == c.entity && mn.Surface == c.surface
		}
		if found != c.found {
			t.Errorf("%s: Find(%q, %s) = %v; want %s as %q found: %v", c.why, c.body, c.lang, spans(m.Find(c.body, c.lang)), c.entity, c.surface, c.found)
		}
	}
}

// TestUserGazetteerReplaces: a user's entity with an id the built-in
// gazetteer has replaces it, names and all.
func TestUserGazetteerReplaces(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := len(g.Entities)
	user, err := ParseGazetteer(strings.NewReader("id\tkind\tname\taliases\tsurnames\trules\nplace/shusha\tplace\tShusha Fortress\tShusha Citadel\t\t\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g.Add(user)
	if len(g.Entities) != n {
		t.Errorf("%d entities after replacing one, want %d", len(g.Entities), n)
	}
	got := spans(NewMatcher(g).Find("Shushi and the Shusha Citadel.", "en"))
	if diff := cmp.Diff([]span{{"place/shusha", "Shusha Citadel"}}, got); diff != "" {
		t.Errorf("the built-in aliases of a replaced entity still match (-want +got):\n%s", diff)
	}
}

// TestCapitalsAsWritten: a name the gazetteer writes with a capital must
// start with one in the text, even where another name it writes small
// starts with the same word ("parliament of Nagorno-Karabakh").
func TestCapitalsAsWritten(t *testing.T) {
	m := builtinMatcher(t)
	for body, want := range map[string][]span{
		"The Parliament of Armenia met.":          {{"org/national-assembly-of-armenia", "Parliament of Armenia"}},
		"The parliament of Armenia met.":          {{"place/armenia", "Armenia"}},
		"The parliament of Nagorno-Karabakh met.": {{"org/artsakh-national-assembly", "parliament of Nagorno-Karabakh"}},
	} {
		if diff := cmp.Diff(want, spans(m.Find(body, "en"))); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", body, diff)
		}
	}
}

// TestFoldRune: the folding of one letter, as gazetteer entries are
// folded: Turkic I to ı, ASCII lowered, joiners dropped, Armenian ev one
// spelling also when it begins the word.
func TestFoldRune(t *testing.T) {
	for _, c := range []struct {
		dst    string
		r      rune
		turkic bool
		want   string
	}{
		{"", 'I', true, "ı"},
		{"", 'I', false, "i"},
		{"", 'A', true, "a"},
		{"a", '\u200d', false, "a"},
		{"ե", 'ւ', false, "եվ"},
		{"ե", 'Ւ', false, "եվ"},
		{"", 'ւ', false, "ւ"},
		{"", 'և', false, "եվ"},
		{"", '\u0080', false, "\u0080"},
	} {
		if got := string(appendFoldRune([]byte(c.dst), c.r, c.turkic)); got != c.want {
			t.Errorf("appendFoldRune(%q, %q, turkic %v) = %q, want %q", c.dst, c.r, c.turkic, got, c.want)
		}
	}
}

// TestScriptLanguage: an und body's language is told by its first letter
// past the Latin, Greek and Cyrillic of U+0370 too.
func TestScriptLanguage(t *testing.T) {
	for body, want := range map[string]string{
		"Ֆիզուլի":           "hy",
		"Xankəndi Ֆիզուլի":  "hy",
		"\u0370 Ֆիզուլի":    "und",
		"ბერიძე":            "ka",
		"১২ ঢাকা":           "bn",
		"Шуша Ֆիզուլի":      "und",
		"12 — Xankəndi ...": "und",
	} {
		if got := scriptLanguage(body); got != want {
			t.Errorf("scriptLanguage(%q) = %q, want %q", body, got, want)
		}
	}
}

// TestFindAtRuneEdges: text with the runes at the edges of the ASCII
// fast paths, controls among them, is read without fault.
func TestFindAtRuneEdges(t *testing.T) {
	m := builtinMatcher(t)
	for _, lang := range []string{"en", "az"} {
		got := m.Find("\x7f\u0080Shusha\u0080\u00a0Stepanakert\u007f", lang)
		if len(got) != 2 {
			t.Errorf("%s: %v, want Shusha and Stepanakert", lang, spans(got))
		}
	}
}
