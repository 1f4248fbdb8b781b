package mention

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// smallMatcher indexes a gazetteer of the given entity lines.
func smallMatcher(t *testing.T, lines ...string) *Matcher {
	t.Helper()
	text := "id\tkind\tname\taliases\tsurnames\trules\n" + strings.Join(lines, "\n") + "\n"
	g, err := ParseGazetteer(strings.NewReader(text), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(g)
}

func findSpans(t *testing.T, m *Matcher, body, lang string) []span {
	t.Helper()
	got := m.Find(body, lang)
	checkMentions(t, body, got)
	return spans(got)
}

// TestReadErrorsNameTheLine: a file that fails to read, or a names.tsv
// line of an unknown kind, is reported at its line.
func TestReadErrorsNameTheLine(t *testing.T) {
	_, err := ParseGazetteer(iotest.ErrReader(errors.New("disk failed")), "user.tsv")
	if err == nil || err.Error() != "user.tsv:1: disk failed" {
		t.Errorf("ParseGazetteer of a failing reader = %v, want user.tsv:1: disk failed", err)
	}
	_, err = parseShapes([]byte("kind\ttext\ntitle\tMr\nnick\tBob\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "mention/names.tsv:3: ") {
		t.Errorf("parseShapes with an unknown kind on line 3 = %v", err)
	}
}

// TestIsAcronym: at most five letters, all capitals, whatever else the
// alias holds.
func TestIsAcronym(t *testing.T) {
	for alias, want := range map[string]bool{"UN": true, "U.N.": true, "NKR": true, "OSCEM": true,
		"OSCEMG": false, "Un": false, "123": false, "": false} {
		if got := isAcronym(alias); got != want {
			t.Errorf("isAcronym(%q) = %v, want %v", alias, got, want)
		}
	}
}

// TestSeparator: one space or hyphen joins the words of a name; two
// dashes, a line break or nothing do not.
func TestSeparator(t *testing.T) {
	for between, want := range map[string]bool{" ": true, "-": true, " – ": true, "- ": true,
		"--": false, " - - ": false, "\n": false, "": false, ", ": false} {
		if _, got := separator(between); got != want {
			t.Errorf("separator(%q) = %v, want %v", between, got, want)
		}
	}
}

// TestLettersPastTheTable: a letter just past the runes whose properties
// are cached is a word's letter all the same.
func TestLettersPastTheTable(t *testing.T) {
	body := "\u0800\u0801 Shusha \u0800"
	want := []span{{"place/shusha", "Shusha"}}
	if diff := cmp.Diff(want, findSpans(t, builtinMatcher(t), body, "en")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArabicVowelMarks: the vowel marks U+064B to U+065F inside a word are
// not letters of it.
func TestArabicVowelMarks(t *testing.T) {
	m := builtinMatcher(t)
	for _, word := range []string{"قره\u064bباغ", "قره\u064eباغ", "قره\u065fباغ"} {
		want := []span{{"place/nagorno-karabakh", word}}
		if diff := cmp.Diff(want, findSpans(t, m, "مذاكرات صلح "+word, "fa")); diff != "" {
			t.Errorf("%q (-want +got):\n%s", word, diff)
		}
	}
}

// TestCasedHashtag: an acronym written with dots is found in a hashtag by
// its letters.
func TestCasedHashtag(t *testing.T) {
	m := smallMatcher(t, "org/yerkrapah\torg\tYerkrapah Volunteer Union\tY.V.U.\t\t")
	want := []span{{"org/yerkrapah", "YVU"}}
	if diff := cmp.Diff(want, findSpans(t, m, "#YVU", "en")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDefaultIsPerSurname: a person is the default for the surnames marked
// with *, not for the others.
func TestDefaultIsPerSurname(t *testing.T) {
	m := smallMatcher(t, "person/ara-vardanyan\tperson\tAra Vardanyan\tAra Vardanian\tVardanyan|*Vardanian\t")
	if got := findSpans(t, m, "Vardanyan said so.", "en"); len(got) != 0 {
		t.Errorf("a surname the person is no default for gives %v", got)
	}
	want := []span{{"person/ara-vardanyan", "Vardanian"}}
	if diff := cmp.Diff(want, findSpans(t, m, "Vardanian said so.", "en")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFirstEntityIsAPerson: the surname rules hold for the gazetteer's
// first entity too.
func TestFirstEntityIsAPerson(t *testing.T) {
	full := smallMatcher(t, "person/gevorg-hakobyan\tperson\tGevorg Hakobyan\t\tHakobyan\t")
	want := []span{{"person/gevorg-hakobyan", "Gevorg Hakobyan"}, {"person/gevorg-hakobyan", "Hakobyan"}}
	if diff := cmp.Diff(want, findSpans(t, full, "Gevorg Hakobyan spoke. Hakobyan said more.", "en")); diff != "" {
		t.Errorf("named in full first (-want +got):\n%s", diff)
	}
	byDefault := smallMatcher(t, "person/gevorg-hakobyan\tperson\tGevorg Hakobyan\t\t*Hakobyan\t")
	want = []span{{"person/gevorg-hakobyan", "Hakobyan"}}
	if diff := cmp.Diff(want, findSpans(t, byDefault, "Hakobyan said more.", "en")); diff != "" {
		t.Errorf("the default (-want +got):\n%s", diff)
	}
}

// TestAliasesOfOneNode: aliases that fold alike each keep their rules: a
// name the gazetteer also writes in lower case is found so, and of two
// entities with one alias the one whose rule the text meets is taken.
func TestAliasesOfOneNode(t *testing.T) {
	lower := smallMatcher(t, "place/zangezur-corridor\tplace\tZangezur Corridor\tzangezur corridor\t\t")
	want := []span{{"place/zangezur-corridor", "zangezur corridor"}}
	if diff := cmp.Diff(want, findSpans(t, lower, "talks on the zangezur corridor", "en")); diff != "" {
		t.Errorf("lower case (-want +got):\n%s", diff)
	}
	shared := smallMatcher(t,
		"place/martuni-gegharkunik\tplace\tMartuni\t\t\tcontext:Martuni=Gegharkunik",
		"place/martuni-khojavend\tplace\tMartuni\t\t\t")
	want = []span{{"place/martuni-khojavend", "Martuni"}}
	if diff := cmp.Diff(want, findSpans(t, shared, "Martuni was shelled.", "en")); diff != "" {
		t.Errorf("shared alias (-want +got):\n%s", diff)
	}
}

// TestInflectedFirstToken: a name with an ending is found at the body's
// start, where its word as written starts a longer name.
func TestInflectedFirstToken(t *testing.T) {
	want := []span{{"place/nagorno-karabakh", "Արցախի"}}
	if diff := cmp.Diff(want, findSpans(t, builtinMatcher(t), "Արցախի նախագահը", "hy")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestHashtagWordsOnly: a hashtag holds a name only as one of its words,
// not as the start of a longer word (#Shushanik is a given name).
func TestHashtagWordsOnly(t *testing.T) {
	if got := findSpans(t, builtinMatcher(t), "#Shushanik #Bakuvian", "en"); len(got) != 0 {
		t.Errorf("found %v", got)
	}
}

// TestTruncatedBodies: a body may end inside an abbreviation or after a
// name's particles.
func TestTruncatedBodies(t *testing.T) {
	m := builtinMatcher(t)
	for _, body := range []string{"Talks were held in the U.S", "She met Maria de la"} {
		for _, mn := range findSpans(t, m, body, "en") {
			if mn.Entity != "place/united-states" {
				t.Errorf("Find(%q) found %v", body, mn)
			}
		}
	}
}

// TestBareSurnameLinksToTheFirst: a bare surname links to the first person
// of that surname named in full before it, listed or not, and to the
// default only when no one was.
func TestBareSurnameLinksToTheFirst(t *testing.T) {
	for _, c := range []struct {
		body string
		want named
	}{
		{"The court heard Judge Emin Aliyev. Aliyev said he was innocent.", named{"person/emin-aliyev", "Emin Aliyev", "Aliyev"}},
		{"Ilham Aliyev met Judge Emin Aliyev. Aliyev said he was pleased.", named{"person/ilham-aliyev", "Ilham Aliyev", "Aliyev"}},
	} {
		got := names(t, c.body, "en")
		if len(got) == 0 || got[len(got)-1] != c.want {
			t.Errorf("%q: %v, want the last %v", c.body, got, c.want)
		}
	}
}

// TestNameShapesMore: more shapes of names the gazetteer does not list.
func TestNameShapesMore(t *testing.T) {
	for _, c := range []struct {
		name, lang, body string
		want             []named
	}{
		{"three-letter surname after a given name", "en", "On the ridge, Thomas Lee raised his binoculars.",
			[]named{{"person/thomas-lee", "Thomas Lee", "Thomas Lee"}}},
		{"surname ending at the body's start", "en", "Vachagan Ohanjanyan lost his orchard.",
			[]named{{"person/vachagan-ohanjanyan", "Vachagan Ohanjanyan", "Vachagan Ohanjanyan"}}},
		{"three words after a title", "en", "Minister Alexandria Ocasio-Cortez Smith spoke.",
			[]named{{"person/alexandria-ocasio-cortez-smith", "Alexandria Ocasio-Cortez Smith", "Alexandria Ocasio-Cortez Smith"}}},
		{"at most three words after a title", "en", "Minister Sue Mi Terry Jones spoke.",
			[]named{{"person/sue-mi-terry", "Sue Mi Terry", "Sue Mi Terry"}}},
		{"three-letter particle", "en", "She met Maria van Dijk in Goris.",
			[]named{{"person/maria-van-dijk", "Maria van Dijk", "Maria van Dijk"}}},
		{"a third word before a surname ending", "en", "On the ridge, Thomas Quillon Tadevosyan raised his binoculars.",
			[]named{{"person/thomas-quillon-tadevosyan", "Thomas Quillon Tadevosyan", "Thomas Quillon Tadevosyan"}}},
		{"surname ending after a stem of three letters", "en", "Vachagan Babyan lost his orchard.",
			[]named{{"person/vachagan-babyan", "Vachagan Babyan", "Vachagan Babyan"}}},
		{"a capitalised word with an ending is no surname", "az", "Politoloq Vüsal Təhməzli bildirib ki, Novruzda danışıqlar davam edəcək.",
			[]named{{"person/vusal-tahmazli", "Vüsal Təhməzli", "Vüsal Təhməzli"}}},
		{"a word the body writes in lower case is no given name", "en", "Yesterday Kalinov reported. We met yesterday.",
			[]named{}},
		{"a given name as the last word", "en", "Presiding Judge Farhod Thomas opened the hearing.",
			[]named{{"person/farhod-thomas", "Farhod Thomas", "Farhod Thomas"}}},
		{"a title of three words", "en", "said Secretary of State Farhod Osmonzoda on Monday.",
			[]named{{"person/farhod-osmonzoda", "Farhod Osmonzoda", "Farhod Osmonzoda"}}},
		{"patronymic", "ru", "Вчера Вардгес Саркисович Петросян заявил об этом.",
			[]named{{"person/vardges-sarkisovich-petrosyan", "Vardges Sarkisovich Petrosyan", "Вардгес Саркисович Петросян"}}},
		{"georgian surname with an ending", "ka", "განცხადება გააკეთა ლევან ივანიშვილმა.",
			[]named{{"person/levan-ivanishvili", "Levan Ivanishvili", "ლევან ივანიშვილმა"}}},
	} {
		if diff := cmp.Diff(c.want, names(t, c.body, c.lang)); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", c.name, c.body, diff)
		}
	}
}

// TestLatinWordsAndSlugs: a transliterated word's parts are capitalised,
// an empty part left empty; a slug's words are joined by single hyphens,
// none before the first.
func TestLatinWordsAndSlugs(t *testing.T) {
	if got := latinWord("Тер-", "ru"); got != "Ter-" {
		t.Errorf("latinWord(Тер-) = %q, want Ter-", got)
	}
	for in, want := range map[string]string{"'Abd al-Aziz": "abd-al-aziz", "-Zoë  Saint--Ange-": "zoe-saint-ange"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLongestWithEnding: the word as written is tried first, and a longer
// name with an ending wins over it.
func TestLongestWithEnding(t *testing.T) {
	ru := smallMatcher(t, "place/gora\tplace\tГора\t\t\t", "place/gor-siti\tplace\tГор Сити\t\t\t")
	want := []span{{"place/gor-siti", "Гора Сити"}}
	if diff := cmp.Diff(want, findSpans(t, ru, "Гора Сити", "ru")); diff != "" {
		t.Errorf("longer with an ending (-want +got):\n%s", diff)
	}
	tr := smallMatcher(t, "place/ani\tplace\tAni\t\t\t", "place/an\tplace\tAn\t\t\t")
	want = []span{{"place/ani", "Ani"}}
	if diff := cmp.Diff(want, findSpans(t, tr, "Ani", "tr")); diff != "" {
		t.Errorf("as written first (-want +got):\n%s", diff)
	}
}

// TestShortStems: an ending may leave two letters of a name, a clitic
// three.
func TestShortStems(t *testing.T) {
	m := smallMatcher(t, "place/ur\tplace\tUr\tكور\t\t")
	want := []span{{"place/ur", "Urda"}}
	if diff := cmp.Diff(want, findSpans(t, m, "Urda qazıntılar", "az")); diff != "" {
		t.Errorf("ending (-want +got):\n%s", diff)
	}
	want = []span{{"place/ur", "وكور"}}
	if diff := cmp.Diff(want, findSpans(t, m, "نهر وكور", "ar")); diff != "" {
		t.Errorf("clitic (-want +got):\n%s", diff)
	}
}

// TestFirstDefaultWins: of two persons the default for one surname, the
// first listed is taken.
func TestFirstDefaultWins(t *testing.T) {
	m := smallMatcher(t, "person/gevorg-hakobyan\tperson\tGevorg Hakobyan\t\t*Hakobyan\t",
		"person/ara-hakobyan\tperson\tAra Hakobyan\t\t*Hakobyan\t")
	want := []span{{"person/gevorg-hakobyan", "Hakobyan"}}
	if diff := cmp.Diff(want, findSpans(t, m, "Hakobyan said more.", "en")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
