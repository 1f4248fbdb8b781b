package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestBylineOf reads labelled bylines in the languages the builder reads,
// and refuses labels followed by what is not a name.
func TestBylineOf(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"By Anna Petrosyan and John Miller", []string{"Anna Petrosyan", "John Miller"}},
		{"By AVET DEMOURIAN", []string{"AVET DEMOURIAN"}},
		{"Автор: Иван Петров", []string{"Иван Петров"}},
		{"Автор: Оксана Коваль та Іван Бондар", []string{"Оксана Коваль", "Іван Бондар"}},
		{"Müəllif: Aysel Məmmədova", []string{"Aysel Məmmədova"}},
		{"Yazar: Mehmet Yılmaz", []string{"Mehmet Yılmaz"}},
		{"Հեղինակ: Անի Հակոբյան", []string{"Անի Հակոբյան"}},
		{"Von Jana Schulz", []string{"Jana Schulz"}},
		{"Par Claire Martin", []string{"Claire Martin"}},
		{"Por Lucía Fernández", []string{"Lucía Fernández"}},
		{"Di Marco Rossi", []string{"Marco Rossi"}},
		{"ავტორი: ნინო ბერიძე", []string{"ნინო ბერიძე"}},
		{"نویسنده: علی رضایی", []string{"علی رضایی"}},
		{"By Associated Press", nil},             // an agency
		{"Par ailleurs, le ministre a dit", nil}, // a sentence
		{"Por qué cerró la frontera", nil},
		{"Photo: Anna Petrosyan", nil},
	} {
		got, _ := bylineOf(c.line)
		if !slices.Equal(got, c.want) {
			t.Errorf("bylineOf(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestNameLineOf reads name lines, with roles and author boxes, and refuses
// headlines, rubrics and organisations.
func TestNameLineOf(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"Diana Ghazaryan", "Diana Ghazaryan"},
		{"Сергей Болиев (редактор отдела «Политика»)", "Сергей Болиев"},
		{"Haikazn Ghahriyan, Editor-in-Chief", "Haikazn Ghahriyan"},
		{"Joshua Kucera Profile picture", "Joshua Kucera"},
		{"#61 Yervant1", "Yervant1"},
		{"Gülcahan Məmmədova", "Gülcahan Məmmədova"},
		{"Ermeniler Karabağ’dan Ayrılıyor", ""}, // a case ending: a headline
		{"Associated Press", ""},
		{"Human Rights Watch", ""},
		{"ÖLKƏ", ""},
		{"Read More", ""},
		{"The talks resumed.", ""},
	} {
		got, _ := nameLineOf(c.line)
		if got != c.want {
			t.Errorf("nameLineOf(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestFindDate finds dates with their year inside lines, in many languages
// and forms, and nothing in lines without one.
func TestFindDate(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"12:20 / 31.10.2020", "31.10.2020"},
		{"Tarix: 23 Dekabr 2020 16:54", "23 Dekabr 2020 16:54"},
		{"12:24, 4 февраля 2026Бывший СССР", "4 февраля 2026"},
		{"27.12.2022 / Ausland / Seite 1", "27.12.2022"},
		{"Posted 02 October 2015 - 10:24 AM", "02 October 2015 - 10:24 AM"},
		{"27 Eylül 2023", "27 Eylül 2023"},
		{"Publié le 3 mars 2024", "3 mars 2024"},
		{"VIENNA, 12 November 2015 - In response", "12 November 2015"},
		{"1570", ""},
		{"on the morning of October 12, hostilities resumed", ""},
	} {
		got, _ := findDate(c.line)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, strings.Fields(c.want)[0]) {
			t.Errorf("findDate(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestPickDate: a date line beside the headline beats a widget's date in a
// longer line, and the capture service's metadata beats both.
func TestPickDate(t *testing.T) {
	widget := dateCandidate{text: "27 Kasım 2024", rank: rankInLine, dist: 1, valid: true}
	line := dateCandidate{text: "27 Eylül 2023", rank: rankDateLine, dist: 3, valid: true}
	far := dateCandidate{text: "1 Ocak 2020", rank: rankDateLine, dist: 9, valid: true}
	meta := dateCandidate{text: "2023-09-27", rank: rankMetadata, dist: 20, valid: true}
	if got := pickDate([]dateCandidate{widget, far, line}); got != line.text {
		t.Errorf("pickDate = %q, want the date line nearest the headline", got)
	}
	if got := pickDate([]dateCandidate{widget, line, meta}); got != meta.text {
		t.Errorf("pickDate = %q, want the metadata date", got)
	}
	if got := pickDate(nil); got != "" {
		t.Errorf("pickDate(nil) = %q", got)
	}
}

// TestCutMetadata splits the capture service's date line from the page.
func TestCutMetadata(t *testing.T) {
	date, rest, ok := cutMetadata(" date 2023-09-24 First refugees arrive")
	if !ok || date != "2023-09-24" || rest != "First refugees arrive" {
		t.Errorf("cutMetadata = %q, %q, %v", date, rest, ok)
	}
	if _, _, ok := cutMetadata("The date 2023-09-24 was set"); ok {
		t.Error("a sentence holding a date is no metadata line")
	}
}

// TestFurnitureOf classifies page furniture in many languages.
func TestFurnitureOf(t *testing.T) {
	for _, c := range []struct {
		line string
		want furnitureKind
	}{
		{"Breaking News", furnitureChrome},
		{"Поделиться", furnitureChrome},
		{"Bu Yazıyı Paylaş", furnitureChrome},
		{"Telegramda izləyin", furnitureChrome},
		{"Підписуйтесь на наш Telegram-канал", furnitureChrome},
		{"لینک های دسترسی", furnitureChrome},
		{"Leave a Reply", furnitureEnd},
		{"Bir yanıt yazın", furnitureEnd},
		{"Kommentieren", furnitureEnd},
		{"© 2024 Example Media", furnitureEnd},
		{"Читайте также", furnitureRelated},
		{"Читайте також:", furnitureRelated},
		{"Digər xəbərlər", furnitureRelated},
		{"İlgili Haberler", furnitureRelated},
		{"Բաց մի թողեք", furnitureRelated},
		{"ასევე წაიკითხეთ", furnitureRelated},
		{"Lire aussi", furnitureRelated},
		{"Leggi anche", furnitureRelated},
		{"Haber Kaynağı: Anadolu Ajansı", furnitureSource},
		{"Источник: ТАСС", furnitureSource},
		{"Photo: Narek Aleksanyan", furnitureCredit},
		{"Фото: Анна Смирнова", furnitureCredit},
		{"صدر الصورة، Getty Images", furnitureCredit},
		{"The old bridge … Continue reading", furnitureMore},
		{"Ссылка на комментарий", furnitureForum},
		{"Photographs show the damage", notFurniture}, // no label
		{"Sources say the talks failed", notFurniture},
		{"The ministers met on Monday.", notFurniture},
	} {
		if got := furnitureOf(c.line); got != c.want {
			t.Errorf("furnitureOf(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// TestClassifyLine sorts lines of captures in many languages.
func TestClassifyLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want lineClass
	}{
		{"The ministers of the two countries met in Geneva on Monday and agreed to meet again.", classProse},
		{"Министры двух стран встретились в Женеве и договорились встретиться снова.", classProse},
		{"İki ülkenin bakanları pazartesi günü Cenevre'de bir araya gelerek yeniden görüşmeyi kararlaştırdı.", classProse},
		{"Nazirlər bazar ertəsi Cenevrədə görüşüb və yenidən görüşmək barədə razılığa gəliblər.", classProse},
		{"Նախարարները երկուշաբթի հանդիպեցին Ժնևում և պայմանավորվեցին նորից հանդիպել ամսվա վերջին։", classProse},
		{"მინისტრები ორშაბათს ჟენევაში შეხვდნენ და შეთანხმდნენ, რომ კვლავ შეხვდებიან თვის ბოლოს.", classProse},
		{"وزیران روز دوشنبه در ژنو دیدار کردند و توافق کردند که دوباره در پایان ماه دیدار کنند.", classProse},
		{"Farmers count the cost of a dry summer", classText},
		{"1570", classChrome},
		{"ÖLKƏ", classChrome},
		{"XS", classChrome},
		{"spot_img", classChrome},
		{"https://example.com/a/1", classChrome},
		{"12:20 / 31.10.2020", classDate},
		{"Tarix: 5 mart 2024", classDate},
		{"By Anna Petrosyan", classByline},
		{"Aktual mövzular: Dollar, Neft, Hava, Futbol, Teatr", classChrome},
		{"A demonstrator holds a flag - JOHN SMITH/AFP via Getty Images", classCredit},
		{"Sınır kapısında yeni dönem başladı - 1", classCredit},
	} {
		got, _, _ := classifyLine(c.line, anyLanguage)
		if got != c.want {
			t.Errorf("classifyLine(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// TestStopLanguage tells a page's language from its stop words.
func TestStopLanguage(t *testing.T) {
	for lang, text := range map[string]string{
		"en": "The talks were held in the city and they will go on in the spring.",
		"ru": "Переговоры прошли в городе, и они будут продолжены весной, как и было решено.",
		"de": "Die Gespräche fanden in der Stadt statt und werden im Frühjahr fortgesetzt, wie es vereinbart war.",
		"fr": "Les discussions ont eu lieu dans la ville et elles reprendront au printemps, comme prévu.",
		"es": "Las conversaciones se celebraron en la ciudad y se reanudarán en la primavera, como estaba previsto.",
		"it": "I colloqui si sono svolti nella città e riprenderanno in primavera, come era previsto.",
		"az": "Danışıqlar şəhərdə keçirilib və onlar yazda da davam edəcək, bu barədə razılıq var.",
		"ka": "მოლაპარაკებები ქალაქში გაიმართა და ისინი გაზაფხულზე გაგრძელდება, როგორც ეს იყო შეთანხმებული.",
		"hy": "Բանակցություններն անցկացվել են քաղաքում, և դրանք կշարունակվեն գարնանը, ինչպես որ պայմանավորվել էին։",
	} {
		got := stopLanguage([]string{text})
		if got < 0 || stopwords().langs[got] != lang {
			name := "none"
			if got >= 0 {
				name = stopwords().langs[got]
			}
			t.Errorf("stopLanguage(%s text) = %s", lang, name)
		}
	}
}

// TestTitleCleaning removes what pages add around a headline.
func TestTitleCleaning(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"3. Ermeniler Karabağ’dan Ayrılıyor", "Ermeniler Karabağ’dan Ayrılıyor"},
		{"Headline of the day -", "Headline of the day"},
		{"Two words Two words", "Two words"},
		{"Ministers meet in Geneva Ministers meet in Geneva", "Ministers meet in Geneva"},
		{"Ermənilər atəşə tutdu - FOTOLAR", "Ermənilər atəşə tutdu - FOTOLAR"},
	} {
		if got := cleanTitle(c.in); got != c.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPickTitle: the headline after the chrome, not a banner, a section, a
// name or the standfirst; none when the page shows none.
func TestPickTitle(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Breaking News\n\nMinisters agree on new border crossing\n\nBy Anna Petrosyan\n\n" + prose, "Ministers agree on new border crossing"},
		{"Реклама\nПолитика\nВ Ереване открыли новый мост через реку\nМосты соединят два района города и сократят путь в центр\n" + prose, "В Ереване открыли новый мост через реку"},
		{"Diana Ghazaryan\n\nThe border crossing reopens\n\n" + prose, "The border crossing reopens"},
		{prose, ""},
	} {
		it, _ := readArticle(newPage(strings.Split(c.text, "\n"), 0, len(strings.Split(c.text, "\n"))))
		if it.Title != c.want {
			t.Errorf("title of %q = %q, want %q", c.text[:30], it.Title, c.want)
		}
	}
}

const prose = "The two ministers met in the morning and spoke for three hours about the road.\nThey agreed to meet again next month in the capital, a spokesman said after the talks.\n"

// TestSplitGlued cuts headlines from the text glued to them.
func TestSplitGlued(t *testing.T) {
	for _, c := range []struct{ in, title, body string }{
		{"Bakıda yeni park açıldıŞəhərin mərkəzində park açılıb.", "Bakıda yeni park açıldı", "Şəhərin mərkəzində park açılıb."},
		{"Turkey denies sending fighters to the region Turkey denied reports on Monday that it had sent fighters.", "Turkey denies sending fighters to the region", "Turkey denied reports on Monday that it had sent fighters."},
		{"Short entry cut by the capture", "Short entry cut by the capture", ""},
	} {
		title, body := splitGlued(c.in)
		if title != c.title || body != c.body {
			t.Errorf("splitGlued(%q) = %q, %q", c.in, title, body)
		}
	}
}

// TestEveryProseLineAccounted: every line of running text of every seed and
// case lies in an item or in a dropped entry (issue: a bare article after a
// Tumblr tag page's posts vanished).
func TestEveryProseLineAccounted(t *testing.T) {
	files, _ := filepath.Glob("../seeds/*.txt")
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(b)
	}
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, c := range cases {
		if a, err := txtar.ParseFile(c); err == nil {
			if in := section(a, "input"); in != nil {
				texts[c] = string(in.Data)
			}
		}
	}
	for name, text := range texts {
		r := Extract(text)
		covered := func(n int) bool {
			for _, it := range r.Items {
				if n >= it.LineStart && n <= it.LineEnd {
					return true
				}
			}
			for _, d := range r.Dropped {
				if n >= d.LineStart && n <= d.LineEnd {
					return true
				}
			}
			return false
		}
		lines := strings.Split(text, "\n")
		first, last := len(lines)+1, 0
		for _, it := range r.Items {
			first, last = min(first, it.LineStart), max(last, it.LineEnd)
		}
		// Documented furniture: "See also" teasers; a news page's or an
		// article's chrome above it; whatever follows an end-of-article
		// marker after the last item (related lists, comment forms, footers).
		ended := false
		for i, l := range lines {
			n := i + 1
			if n > last && (isFooterStart(l) || furnitureOf(l) == furnitureEnd || furnitureOf(l) == furnitureRelated) {
				ended = true
			}
			chromeAbove := n < first && (r.Layout == "news_page" || r.Layout == "article")
			if class, _, _ := classifyLine(strings.TrimSpace(l), anyLanguage); class == classProse && !covered(n) && !isTeaser(l) && !chromeAbove && !ended {
				t.Errorf("%s:%d: running text in no item: %.60q", name, n, l)
			}
		}
	}
}

// TestLongLines: a capture of one 10 MB line, and one of a megabyte of
// stamps and dates, are read in one pass (a quadratic scan would not end).
func TestLongLines(t *testing.T) {
	words := strings.Repeat("word and more words, ", 500_000)
	if r := Extract(words); len(r.Items) != 1 {
		t.Errorf("a 10 MB line gave %d items", len(r.Items))
	}
	stamps := strings.Repeat("10:45 GMT – Talks go on 12.03.2024 (AFP) ", 25_000)
	if r := Extract(stamps + "\n" + stamps); len(r.Items) == 0 {
		t.Error("a megabyte of stamps gave no item")
	}
}

// TestEmbeddedData checks the data files parse: every row has its columns.
func TestEmbeddedData(t *testing.T) {
	lx := furnitureLexicon()
	if len(lx.whole) < 100 || len(lx.prefix) < 50 {
		t.Errorf("furniture.tsv: %d whole lines, %d prefixes", len(lx.whole), len(lx.prefix))
	}
	sl := stopwords()
	for _, lang := range []string{"en", "ru", "az", "tr", "hy", "ka", "fa", "ar", "uk", "fr", "de", "es", "it", "pt", "bn"} {
		if !slices.Contains(sl.langs, lang) {
			t.Errorf("stopwords.tsv has no %s list", lang)
		}
	}
}
