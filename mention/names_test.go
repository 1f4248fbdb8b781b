package mention

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// named is a mention as these tests read it.
type named struct{ Entity, Name, Surface string }

func names(t *testing.T, body, lang string) []named {
	t.Helper()
	got := builtinMatcher(t).Find(body, lang)
	checkMentions(t, body, got)
	out := []named{}
	for _, m := range got {
		if m.Kind == "person" {
			out = append(out, named{m.Entity, m.Name, m.Surface})
		}
	}
	return out
}

// TestNameShapes: people the gazetteer does not list, by title, given name
// or surname ending, in each language; the name in its base form, in Latin
// letters, the id from it; a bare surname later links to them.
func TestNameShapes(t *testing.T) {
	for _, c := range []struct {
		name, lang, body string
		want             []named
	}{
		{"english title", "en", "Presiding Judge Farhod Osmonzoda opened the hearing.",
			[]named{{"person/farhod-osmonzoda", "Farhod Osmonzoda", "Farhod Osmonzoda"}}},
		{"title after a comma", "en", "said the ministry's spokesman, Gevorg Tadevosyan.",
			[]named{{"person/gevorg-tadevosyan", "Gevorg Tadevosyan", "Gevorg Tadevosyan"}}},
		{"given name", "en", "On the ridge, Thomas Whitcombe raised his binoculars. Whitcombe said little.",
			[]named{{"person/thomas-whitcombe", "Thomas Whitcombe", "Thomas Whitcombe"}, {"person/thomas-whitcombe", "Thomas Whitcombe", "Whitcombe"}}},
		{"given name and particle", "en", "She met Maria de Souza in Goris.",
			[]named{{"person/maria-de-souza", "Maria de Souza", "Maria de Souza"}}},
		{"armenian ending in latin", "en", "The farmer Vachagan Ohanjanyan lost his orchard.",
			[]named{{"person/vachagan-ohanjanyan", "Vachagan Ohanjanyan", "Vachagan Ohanjanyan"}}},
		{"azerbaijani ending with a case ending", "az", "Kənd sakini Elnurə Qəhrəmanovanın evi dağılıb. Qəhrəmanova danışdı.",
			[]named{{"person/elnura-qahramanova", "Elnurə Qəhrəmanova", "Elnurə Qəhrəmanovanın"}, {"person/elnura-qahramanova", "Elnurə Qəhrəmanova", "Qəhrəmanova"}}},
		{"azerbaijani -li surname", "az", "Politoloq Vüsal Təhməzli bildirib ki, danışıqlar davam edir.",
			[]named{{"person/vusal-tahmazli", "Vüsal Təhməzli", "Vüsal Təhməzli"}}},
		{"turkish title", "tr", "Dışişleri Bakanı Orhan Kızıltepe açıklama yaptı.",
			[]named{{"person/orhan-kiziltepe", "Orhan Kızıltepe", "Orhan Kızıltepe"}}},
		{"russian title and ending", "ru", "Политолог Гурген Симонян заявил, что переговоры продолжатся.",
			[]named{{"person/gurgen-simonyan", "Gurgen Simonyan", "Гурген Симонян"}}},
		{"russian inflected given name and surname", "ru", "Памятник Ивану Тарасовскому открыли в сквере. Тарасовский жил здесь.",
			[]named{{"person/ivan-tarasovsky", "Ivan Tarasovsky", "Ивану Тарасовскому"}, {"person/ivan-tarasovsky", "Ivan Tarasovsky", "Тарасовский"}}},
		{"russian genitive", "ru", "Заметки Александра Фомичёва вышли вчера.",
			[]named{{"person/aleksandr-fomichev", "Aleksandr Fomichev", "Александра Фомичёва"}}},
		{"ukrainian title", "uk", "Речник Олексій Кравчук не коментував.",
			[]named{{"person/oleksiy-kravchuk", "Oleksiy Kravchuk", "Олексій Кравчук"}}},
		{"armenian script with article", "hy", "Համայնքի ղեկավար Արմեն Պողոսյանը ասաց, որ ճանապարհը փակ է։ Պողոսյանի խոսքով՝",
			[]named{{"person/armen-poghosyan", "Armen Poghosyan", "Արմեն Պողոսյանը"}, {"person/armen-poghosyan", "Armen Poghosyan", "Պողոսյանի"}}},
		{"georgian given name", "ka", "განცხადება გააკეთა ლევან ბერიძემ.",
			[]named{{"person/levan-beridze", "Levan Beridze", "ლევან ბერიძემ"}}},
		{"french title", "fr", "selon le porte-parole Arnaud Lefebvre, rien n'a changé.",
			[]named{{"person/arnaud-lefebvre", "Arnaud Lefebvre", "Arnaud Lefebvre"}}},
		{"german title, nouns capitalised", "de", "Sprecherin Anahit Sargsjan sagte am Sonntag, die Straße sei gesperrt.",
			[]named{{"person/anahit-sargsjan", "Anahit Sargsjan", "Anahit Sargsjan"}}},
		{"gazetteer id wins", "en", "Minister Ararat Mirzoian spoke.",
			[]named{{"person/ararat-mirzoyan", "Ararat Mirzoyan", "Ararat Mirzoian"}}},
	} {
		if diff := cmp.Diff(c.want, names(t, c.body, c.lang)); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", c.name, c.body, diff)
		}
	}
}

// TestNameLookAlikes: capitalised pairs that are not people, found as no
// one the gazetteer does not list.
func TestNameLookAlikes(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range g.Entities {
		listed[e.ID] = true
	}
	for _, c := range []struct{ lang, body string }{
		{"en", "Ethnic Armenian families left. The Armenian Government met."},
		{"en", "They walked down Babayev Street to the Heydar Aliyev Center and Pashinyan Avenue."},
		{"en", "Western Azerbaijan Community held a forum; Human Rights Watch reported."},
		{"en", "Fighting Continues Near Rostov. Yesterday Kalinov reported."}, // Title Case headline; "yesterday" below
		{"en", "We met yesterday."},
		{"en", "Israeli Libyan Kenyan Syrian Caspian Christian Persian."},
		{"en", "Associated Press and Armen Press reported it."},
		{"de", "Die Regierung Karapetjan und das Ministerium Galstjan schwiegen."},
		{"ru", "Истерике Пашиняна нашлось объяснение. В Ростове Иванов."},
		{"az", "Azərbaycanlı Qarabağlı ailələr qayıdır. Bu gün Bakılı gənclər."},
		{"ka", "განაცხადა პრემიერმა დღეს თბილისში."},
		{"en", "WASHINGTON, Oct 2 (NATO) — GENERAL ASSEMBLY KAZIMOV"},
		{"en", "Fans of the San Antonio Spurs and of Fort William cheered."},
		{"en", "Letters to the Editor\nEditorial Cartoons"},
		{"en", "W.M. Keck Observatory and the Prince Albert Hall."},
	} {
		for _, p := range names(t, c.body, c.lang) {
			if !listed[p.Entity] {
				t.Errorf("Find(%q, %s) found %v, want no one unlisted", c.body, c.lang, p)
			}
		}
	}
}

func TestLatinName(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{"Сергей Пархоменко", "ru", "Sergei Parkhomenko"},
		{"Дмитрий Аркадий", "ru", "Dmitry Arkady"},
		{"Иван Айвазовский", "ru", "Ivan Aivazovsky"},
		{"Татьяна Ельцина", "ru", "Tatyana Yeltsina"},
		{"Олексій Кравчук", "uk", "Oleksiy Kravchuk"},
		{"Սերգեյ Շահվերդյան", "hy", "Sergey Shahverdyan"},
		{"Հովհաննես Երիցյան", "hy", "Hovhannes Yeritsyan"},
		{"Ոսկան Տեր-Պետրոսյան", "hy", "Voskan Ter-Petrosyan"},
		{"Արթուր Գորիսյան", "hy", "Artur Gorisyan"},
		{"Йохан Петров", "ru", "Yokhan Petrov"},
		{"ლევან ბერიძე", "ka", "Levan Beridze"},
		{"Zeynal Ağayev", "az", "Zeynal Ağayev"},
	} {
		if got := latinName(c.in, c.lang); got != c.want {
			t.Errorf("latinName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for in, want := range map[string]string{"Məmməd Ağayev": "mammad-agayev", "Zoë Saint-Ange": "zoe-saint-ange",
		"İlqar Şükürov": "ilqar-shukurov", "Martin Schüepp": "martin-schuepp", "Ødegaard Łukasz": "odegaard-lukasz"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestInflectedEntries: gazetteer names in the case forms of the languages
// that inflect them, with clitics and the spellings that vary.
func TestInflectedEntries(t *testing.T) {
	m := builtinMatcher(t)
	for _, c := range []struct{ lang, body, entity, surface string }{
		{"az", "Füzulidən gələnlər", "place/fuzuli", "Füzulidən"},
		{"az", "Laçın dəhlizindən keçən yol", "place/lachin-corridor", "Laçın dəhlizindən"},
		{"az", "Ağcabədinin kəndləri", "place/aghjabadi", "Ağcabədinin"},
		{"tr", "Hankendi'ye giden yol", "place/khankendi", "Hankendi"},
		{"tr", "Dağlık Karabağ'da yaşayanlar", "place/nagorno-karabakh", "Dağlık Karabağ"},
		{"ru", "жители Нагорного Карабаха", "place/nagorno-karabakh", "Нагорного Карабаха"},
		{"ru", "по Лачинскому коридору", "place/lachin-corridor", "Лачинскому коридору"},
		{"ru", "встреча с Николом Пашиняном", "person/nikol-pashinyan", "Николом Пашиняном"},
		{"ru", "сопредседатели Минской группы", "org/osce-minsk-group", "Минской группы"},
		{"ru", "Кишинев и Кишинёв", "place/chisinau", "Кишинев"},
		{"uk", "у Нагірному Карабаху", "place/nagorno-karabakh", "Нагірному Карабаху"},
		{"hy", "Երեւանում և Ստեփանակերտում", "place/yerevan", "Երեւանում"},
		{"ka", "მთიან ყარაბაღში ცხოვრობენ", "place/nagorno-karabakh", "მთიან ყარაბაღში"},
		{"ka", "განაცხადა ალიევმა", "person/ilham-aliyev", "ალიევმა"},
		{"fa", "مذاکرات صلح قره‌باغ در مسکو", "place/nagorno-karabakh", "قره‌باغ"},
		{"fa", "مذاکرات صلح قرهباغ", "place/nagorno-karabakh", "قرهباغ"},
		{"ar", "الاسم الأرمني لناغورنو كاراباخ", "place/nagorno-karabakh", "لناغورنو كاراباخ"},
		{"ar", "بين أذربيجان وأرمينيا", "place/armenia", "وأرمينيا"},
		{"de", "die Zukunft Bergkarabachs", "place/nagorno-karabakh", "Bergkarabachs"},
		{"es", "el corredor de Lachín", "place/lachin-corridor", "corredor de Lachín"},
		{"ru", "в рамках Срединного коридора", "place/middle-corridor", "Срединного коридора"},
		{"und", "কারাবাখে আজারবাইজানের আক্রমণ", "place/azerbaijan", "আজারবাইজানের"}, // Bengali told by its script
		{"en", "as @LaurenceBroers wrote", "person/laurence-broers", "LaurenceBroers"},
	} {
		found := false
		for _, mn := range m.Find(c.body, c.lang) {
			found = found || mn.Entity == c.entity && mn.Surface == c.surface
		}
		if !found {
			t.Errorf("Find(%q, %s) = %v, want %s as %q", c.body, c.lang, spans(m.Find(c.body, c.lang)), c.entity, c.surface)
		}
	}
}

// TestShapesFile: names.tsv parses, and every given name is one a name can
// start with.
func TestShapesFile(t *testing.T) {
	s, err := parseShapes(namesFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.titles) < 100 || len(s.given) < 300 || len(s.endings) == 0 || len(s.stops) < 100 {
		t.Errorf("names.tsv: %d titles, %d given names, %d ending groups, %d stop words", len(s.titles), len(s.given), len(s.endings), len(s.stops))
	}
	for _, bad := range []string{"kind\ttext\nnick\tBob\n", "kind\ttext\ntitle\n", "title\tMr\n"} {
		if _, err := parseShapes([]byte(bad)); err == nil {
			t.Errorf("parseShapes(%q) = nil error", bad)
		}
	}
}

// TestGazetteerText: every name and alias is NFC, as bodies are, and has no
// stray spaces.
func TestGazetteerText(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entities {
		for _, a := range append(append([]string{}, e.Aliases...), e.Surnames...) {
			if !norm.NFC.IsNormalString(a) || strings.TrimFunc(a, unicode.IsSpace) != a {
				t.Errorf("%s: alias %q is not NFC or has spaces around it", e.ID, a)
			}
		}
	}
}
