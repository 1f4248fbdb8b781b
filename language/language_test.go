package language

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"
)

func TestDetectShortSentences(t *testing.T) {
	d := NewDetector()
	tests := []struct{ text, want string }{
		{"Armenia shelled Azerbaijani army positions in Kalbajar district", "en"},
		{"Kəlbəcər Azadlığın Mübarək! #kelbecer #kalbajar #KarabakhisAzerbaijan", "az"},
		{"Bu gün Ağdamın erməni əsirliyindən azad olunmasından 2 il ötür.", "az"},
		{"Les fermes d'abeilles à miel nouvellement établies dans le district libéré", "fr"},
		{"Президент Азербайджана посетил Карабах и Ханкенди.", "ru"},
		{"Ադրբեջանի նախագահը այցելել է Ստեփանակերտ։", "hy"},
		{"Azerbaycan Cumhurbaşkanı bugün Karabağ'ı ziyaret etti.", "tr"},
		{"საქართველოს პრემიერ-მინისტრი ბაქოში ჩავიდა.", "ka"},
		{"Der Präsident besuchte gestern die Region Bergkarabach.", "de"},
		{"Президент України відвідав Баку минулого тижня.", "uk"},
		{"Jomard village of Kalbajar district", "en"},
		{"Azerbaijani MoD: Combat duty is organized at a high level in Kalbajar region-VIDEO", "en"},
		{"Monastère albanais du Caucase à Kalbajar, Azerbaïdjan. Construit par Hasan Jalal en 1238.", "fr"},
		{"Die Regierung in Baku hat am Montag die Grenze zu Armenien geschlossen.", "de"},
		{"Kəlbəcər - İstu Su. İnşəAllah tezliklə təkrarən süfrələrimi bəzəyər.", "az"},
		{"Kəlbəcər Azadlığın Mübarək! . . . . . . #kelbecer #kalbajar", "az"},
		// The lower-case words alone are too short to tell a language.
		{"и Экономисты Журналисты Никол с Алиев Переговоры Премьер-министр. #armenia", "ru"},
		{"з Економісти Журналісти Нікол в Алієв Переговори Прем'єр-міністр. #armenia", "uk"},
	}
	for _, tt := range tests {
		if got, conf := d.Detect(tt.text); got != tt.want || conf <= 0 || conf > 1 {
			t.Errorf("Detect(%q) = %s %.4f, want %s", tt.text, got, conf, tt.want)
		}
	}
}

func TestDetectNothing(t *testing.T) {
	for _, text := range []string{"12345 — 678", "file: Keşdək village, Kalbajar, Azerbaijan.jpg", "#Kalbajar #Azerbaijan https://example.com/x", ""} {
		if got, conf := NewDetector().Detect(text); got != Undetermined || conf != 0 {
			t.Errorf("Detect(%q) = %s %v, want und 0", text, got, conf)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	raw, err := os.ReadFile("../seeds/001_5e29adcfeed8e22f.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(strings.Split(string(raw), "\n")[:70], "\n")
	d := NewDetector()
	d.Detect(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Detect(text)
	}
}

// TestMatchesLingua checks the detection in lingua.go against lingua-go's
// own detector, in low-accuracy mode over all its languages: the same
// language and, to four decimals, the same confidence, on every line of the
// seeds, on windows of their words of several lengths, and on texts made to
// reach each of lingua's rules.
func TestMatchesLingua(t *testing.T) {
	theirs := lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithLowAccuracyMode().Build()
	texts := []string{
		"", "a", "ab", "abc", "ə", "əəə", "Straße", "straße groß", "ґанок їжак", "їжак",
		"Ağdam şəhəri", "Ağdam", "ğğğ ııı", "São João", "où çà", "ñandú",
		"漢字 kanji", "ひらがな text", "漢ひ abc", "Путин Putin Putin", "Путин Путин Putin Putin",
		"abc абв", "abc абв ab3", "xyz xyz абв", "qqq", "zzzz qqqq", "ӘӘӘ", "Əlİ İlham",
		"صلح في قره باغ", "صلح در قره باغ است", "پژوهش گاه", "ك ی", "Ιούλιος abc",
		"Ahmad 's-Gravenhage l'été", "Müller über München", "Kəlbəcər Azadlığın Mübarək!",
	}
	seeds, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, path := range seeds {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(raw), "\n")...)
		words := strings.Fields(string(raw))
		for _, size := range []int{2, 5, 12, 24} {
			for i := 0; i+size <= len(words); i += size {
				texts = append(texts, strings.Join(words[i:i+size], " "))
			}
		}
	}
	for _, text := range texts {
		wantLang, wantConf := "", 0.0
		if values := theirs.ComputeLanguageConfidenceValues(text); len(values) > 0 && values[0].Value() > 0 {
			wantLang = strings.ToLower(values[0].Language().IsoCode639_1().String())
			wantConf = math.Round(values[0].Value()*1e4) / 1e4
		}
		v := linguaDetect(text)
		gotLang, gotConf := "", math.Round(v.confidence*1e4)/1e4
		if v.lang >= 0 {
			gotLang = languages[v.lang].code
		}
		if gotLang != wantLang || gotConf != wantConf {
			t.Errorf("detect(%q) = %s %.4f, lingua says %s %.4f", text, gotLang, gotConf, wantLang, wantConf)
		}
	}
	t.Logf("%d texts compared", len(texts))
}

// FuzzDetect checks any text gets a known label with a confidence in (0, 1],
// or und with 0, without a panic.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"Kəlbəcər Azadlığın Mübarək!", "漢ひ abc", "a\xffb ə", "Путин Putin", "صلح در قره باغ"} {
		f.Add(s)
	}
	known := map[string]bool{Undetermined: true}
	for _, l := range languages {
		known[l.code] = true
	}
	d := NewDetector()
	f.Fuzz(func(t *testing.T, text string) {
		lang, conf := d.Detect(text)
		if !known[lang] || (lang == Undetermined) != (conf == 0) || conf < 0 || conf > 1 {
			t.Errorf("Detect(%q) = %s %v", text, lang, conf)
		}
	})
}
