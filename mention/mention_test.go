package mention

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nkcorpus/builder/decode"
	"github.com/nkcorpus/builder/extract"
	"github.com/nkcorpus/builder/language"
	"github.com/nkcorpus/builder/schema"
)

func builtinMatcher(t testing.TB) *Matcher {
	t.Helper()
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(g)
}

// seedBodies returns the bodies of a seed's records with their languages.
func seedBodies(t testing.TB, name string) (bodies, langs []string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := decode.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	detector := language.NewDetector()
	for _, it := range extract.Extract(text.Text).Items {
		lang, _ := detector.Detect(it.Body())
		bodies, langs = append(bodies, it.Body()), append(langs, lang)
	}
	return bodies, langs
}

// TestSeedMentions checks that every mention listed in
// testdata/seed_mentions.tsv is found in the seed's bodies, in every spelling
// and form it takes there, and lists what else is found.
func TestSeedMentions(t *testing.T) {
	f, err := os.Open("testdata/seed_mentions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]map[string]bool{} // file → "entity\tsurface"
	scanner := bufio.NewScanner(f)
	for line := 1; scanner.Scan(); line++ {
		fields := strings.Split(scanner.Text(), "\t")
		if line == 1 && scanner.Text() == "file\tentity\tsurface" {
			continue
		}
		if len(fields) != 3 || fields[0] == "" || fields[1] == "" || fields[2] == "" {
			t.Errorf("testdata/seed_mentions.tsv:%d: %q is not file, entity and surface", line, scanner.Text())
			continue
		}
		if want[fields[0]] == nil {
			want[fields[0]] = map[string]bool{}
		}
		want[fields[0]][fields[1]+"\t"+fields[2]] = true
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	m := builtinMatcher(t)
	for file, expected := range want {
		bodies, langs := seedBodies(t, file)
		got := map[string]bool{}
		for i, body := range bodies {
			mentions := m.Find(body, langs[i])
			checkMentions(t, body, mentions)
			for _, mn := range mentions {
				got[mn.Entity+"\t"+mn.Surface] = true
			}
		}
		var missing, extra []string
		for k := range expected {
			if !got[k] {
				missing = append(missing, k)
			}
		}
		for k := range got {
			if !expected[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		if len(missing) > 0 || len(extra) > 0 {
			t.Errorf("%s:\nmissing:\n  %s\nunexpected:\n  %s", file, strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
		}
	}
}

// checkMentions asserts the invariants of DESIGN.md on mentions.
func checkMentions(t testing.TB, body string, mentions []schema.Mention) {
	t.Helper()
	runes := []rune(body)
	for i, m := range mentions {
		if m.Start < 0 || m.End > int32(len(runes)) || m.Start >= m.End {
			t.Errorf("mention %d %v out of range", i, m)
			continue
		}
		if got := string(runes[m.Start:m.End]); got != m.Surface {
			t.Errorf("mention %d: surface %q, body holds %q", i, m.Surface, got)
		}
		if i > 0 && mentions[i-1].End > m.Start {
			t.Errorf("mentions %d and %d overlap: %v %v", i-1, i, mentions[i-1], m)
		}
	}
}

type span struct{ Entity, Surface string }

func spans(ms []schema.Mention) []span {
	out := []span{}
	for _, m := range ms {
		out = append(out, span{m.Entity, m.Surface})
	}
	return out
}

func TestFind(t *testing.T) {
	m := builtinMatcher(t)
	tests := []struct {
		name, lang, body string
		want             []span
	}{
		{"longest first", "en", "Nagorno-Karabakh and Karabakh.",
			[]span{{"place/nagorno-karabakh", "Nagorno-Karabakh"}, {"place/nagorno-karabakh", "Karabakh"}}},
		{"both sides' names", "en", "Stepanakert (Khankendi), Shushi, Berdzor and Karvachar.",
			[]span{{"place/khankendi", "Stepanakert"}, {"place/khankendi", "Khankendi"}, {"place/shusha", "Shushi"}, {"place/lachin", "Berdzor"}, {"place/kalbajar", "Karvachar"}}},
		{"azerbaijani endings", "az", "Ağdamın və Kəlbəcər rayonunun azadlığı, İlham Əliyevin çıxışı, Şuşaya səfər.",
			[]span{{"place/aghdam", "Ağdamın"}, {"place/kalbajar", "Kəlbəcər"}, {"person/ilham-aliyev", "İlham Əliyevin"}, {"place/shusha", "Şuşaya"}}},
		{"russian endings", "ru", "Жители Карабаха уехали из Степанакерта; в Степанакерте и в Шуше пусто.",
			[]span{{"place/nagorno-karabakh", "Карабаха"}, {"place/khankendi", "Степанакерта"}, {"place/khankendi", "Степанакерте"}, {"place/shusha", "Шуше"}}},
		{"hashtags", "en", "#Kalbajar #kelbecer #ShushaisAzerbaijan #Xankəndi #FreeKhankendi",
			[]span{{"place/kalbajar", "Kalbajar"}, {"place/kalbajar", "kelbecer"}, {"place/shusha", "Shusha"}, {"place/azerbaijan", "Azerbaijan"}, {"place/khankendi", "Xankəndi"}, {"place/khankendi", "Khankendi"}}},
		{"acronyms as tags and handles, as written only", "en", "a @NATO member, #UN and #nato",
			[]span{{"org/nato", "NATO"}, {"org/un", "UN"}}},
		{"surname after full name", "en", "Prosecutor General Kamran Aliyev spoke. Aliyev said more.",
			[]span{{"person/kamran-aliyev", "Kamran Aliyev"}, {"person/kamran-aliyev", "Aliyev"}}},
		{"surname alone is the default", "en", "Aliyev said the war was over.",
			[]span{{"person/ilham-aliyev", "Aliyev"}}},
		{"dotted abbreviation", "en", "The U.S. and the U.N. met.",
			[]span{{"place/united-states", "U.S."}, {"org/un", "U.N."}}},
		{"turkish capital I", "tr", "İLHAM ALİYEV Bakü'de konuştu.",
			[]span{{"person/ilham-aliyev", "İLHAM ALİYEV"}, {"place/baku", "Bakü"}}},
	}
	for _, tt := range tests {
		got := m.Find(tt.body, tt.lang)
		checkMentions(t, tt.body, got)
		if diff := cmp.Diff(tt.want, spans(got)); diff != "" {
			t.Errorf("%s: Find(%q) (-want +got):\n%s", tt.name, tt.body, diff)
		}
	}
}

// TestLookAlikes: words that contain or resemble names are not mentions.
func TestLookAlikes(t *testing.T) {
	m := builtinMatcher(t)
	for _, c := range []struct{ lang, body string }{
		{"en", "Kutaisi is in the west; Tirana is in Albania; the deal was undone."},
		{"en", "Lachinov lives on Aliyeva Street in a small kit house with tartar sauce."},
		{"en", "Atlanta, Georgia, hosted the games; the ganja smell lingered."},
		{"en", "They found a Kutaisian vase, a Tiranan map and an Iranology book."},
		{"fr", "Il y a un homme et une femme."},
		{"en", "Unarmed, the NKVD agents and the EUROPOL team met in Kutna Hora."},
		{"en", "Azerbaijani and Armenian soldiers; Karabakhis and Russians."},
		{"en", "Write to press@armenpress.am or nikol.pashinyan@gov.am."}, // addresses are no handles
	} {
		if got := m.Find(c.body, c.lang); len(got) > 0 {
			t.Errorf("Find(%q) = %v, want none", c.body, spans(got))
		}
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	body := "🇦🇿 Bu gün Şuşa 🐝 və Xankəndi!"
	got := builtinMatcher(t).Find(body, "az")
	checkMentions(t, body, got)
	if len(got) != 2 || got[0].Start != 10 || got[0].End != 14 || got[1].Surface != "Xankəndi" {
		t.Errorf("Find(%q) = %v", body, got)
	}
}

func TestGazetteerErrors(t *testing.T) {
	head := "id\tkind\tname\taliases\tsurnames\trules\n"
	for _, c := range []struct{ text, want string }{
		{"id\tkind\n", "user.tsv:1: header must be"},
		{head + "place/x\tplace\tX\n", "user.tsv:2: 3 fields, want 6"},
		{head + "place/X\tplace\tX\t\t\t\n", `user.tsv:2: id "place/X" must be place/lowercase-slug`},
		{head + "place/x\tplace\tX\t\t\tcased:Y\n", `user.tsv:2: place/x: rule "cased:Y" names "Y"`},
		{head + "place/x\tplace\tX\t\t\tloud:X\n", `unknown rule "loud:X"`},
		{head + "place/x\tplace\tX\t\t\t\nplace/x\tplace\tX\t\t\t\n", "user.tsv:3: place/x already defined on line 2"},
		{head + "place/x\tplace\tX\t\tX\t\n", "only persons have surnames"},
	} {
		_, err := ParseGazetteer(strings.NewReader(c.text), "user.tsv")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseGazetteer(%q) = %v, want error containing %q", c.text, err, c.want)
		}
	}
}

func TestGazetteerSize(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range g.Entities {
		kinds[e.Kind]++
	}
	for _, kind := range []string{"place", "person", "org"} {
		if kinds[kind] < 150 {
			t.Errorf("gazetteer has %d entities %v, want at least 150 of every kind", len(g.Entities), kinds)
		}
	}
}

func TestUserGazetteerAdds(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	user, err := ParseGazetteer(strings.NewReader("id\tkind\tname\taliases\tsurnames\trules\nplace/tegh\tplace\tTegh\tТех\t\t\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g.Add(user)
	got := NewMatcher(g).Find("Refugees passed through Tegh.", "en")
	if diff := cmp.Diff([]span{{"place/tegh", "Tegh"}}, spans(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func BenchmarkFind(b *testing.B) {
	m := builtinMatcher(b)
	bodies, langs := seedBodies(b, "001_5e29adcfeed8e22f.txt")
	size := 0
	for _, body := range bodies {
		size += len(body)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, body := range bodies {
			m.Find(body, langs[i])
		}
	}
}

func TestNamesakes(t *testing.T) {
	m := builtinMatcher(t)
	body := "Heydar Aliyev Center hosted a talk; Heydar Aliyev was born in Nakhchivan."
	want := []span{{"person/heydar-aliyev", "Heydar Aliyev"}, {"place/nakhchivan", "Nakhchivan"}}
	if diff := cmp.Diff(want, spans(m.Find(body, "en"))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzFind: on any body, in any language, mentions are in range, equal to
// their surface, sorted and apart.
func FuzzFind(f *testing.F) {
	for _, name := range []string{"001_5e29adcfeed8e22f.txt", "004_bd06fe2ebdc20f88.txt"} {
		bodies, langs := seedBodies(f, name)
		for i, b := range bodies {
			// Long bodies slow Go's fuzzing engine to a few runs a second.
			if len(b) > 4096 {
				b = b[:strings.LastIndex(b[:4096], " ")]
			}
			f.Add(b, langs[i])
		}
	}
	f.Add("#ShushaisAzerbaijan İLHAM ƏLİYEVİN U.S. Степанакерте", "az")
	m := builtinMatcher(f)
	f.Fuzz(func(t *testing.T, body, lang string) {
		body = strings.ToValidUTF8(body, "\uFFFD")
		checkMentions(t, body, m.Find(body, lang))
	})
}
