package language

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
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
// own detector in low-accuracy mode, over all its languages and over each of
// the region's sets: the same language and the same confidence to 1e-6, on
// every line of the seeds and every sentence of sentences, on windows of
// their words of several lengths, and on texts made to reach each of
// lingua's rules. (The models' log-probabilities are kept to 1e-8, so a
// confidence rounded to four decimals can differ from lingua's in the last
// one when it falls within 1e-8 of a rounding boundary: 2 of the 84,000
// comparisons.) Asking lingua 84,000 times takes 20 s, so its answers are
// kept in linguaAnswers, written with -update; TestLinguaAnswers asks
// lingua itself a sample of them.
func TestMatchesLingua(t *testing.T) {
	texts := linguaTexts(t)
	if *update {
		writeLinguaAnswers(t, texts)
	}
	kept := readLinguaAnswers(t)
	if len(kept) != len(texts) {
		t.Fatalf("%s holds %d texts, the test makes %d: run go test ./language -run TestMatchesLingua -update", linguaAnswers, len(kept), len(texts))
	}
	for i, text := range texts {
		if kept[i].text != text {
			t.Fatalf("%s: text %d is %q, the test makes %q: run go test ./language -run TestMatchesLingua -update", linguaAnswers, i+1, kept[i].text, text)
		}
		r := read(text)
		for j, d := range linguaSets {
			v := d.detect(r)
			gotLang := ""
			if v.lang >= 0 {
				gotLang = languages[v.lang].code
			}
			want := kept[i].answers[j]
			if gotLang != want.lang || math.Abs(v.confidence-want.confidence) > 1e-6 {
				t.Errorf("%d languages: detect(%q) = %s %.7f, lingua says %s %.7f", len(d.all), text, gotLang, v.confidence, want.lang, want.confidence)
			}
		}
	}
	t.Logf("%d texts compared", len(texts))
}

// TestLinguaAnswers checks that linguaAnswers holds what lingua-go answers
// now, on every 50th text (all of them are asked with -update).
func TestLinguaAnswers(t *testing.T) {
	theirs := linguaDetectors()
	for i, kept := range readLinguaAnswers(t) {
		if i%50 != 0 {
			continue
		}
		for j, want := range kept.answers {
			if got := askLingua(theirs[j], kept.text); got.lang != want.lang || math.Abs(got.confidence-want.confidence) > 1e-12 {
				t.Errorf("%s: text %d, set %d: kept %s %.7f, lingua says %s %.7f: run go test ./language -run TestMatchesLingua -update", linguaAnswers, i+1, j, want.lang, want.confidence, got.lang, got.confidence)
			}
		}
	}
}

// linguaAnswers holds, a line a text, the text (quoted) and lingua's
// language and confidence for it with each of linguaSets.
const linguaAnswers = "testdata/lingua.tsv.gz"

// linguaSets are the detectors compared with lingua's: all languages and
// the region's sets.
var linguaSets = []*rules{allRules, regionLatin, regionCyrillic, regionArabic}

type linguaAnswer struct {
	lang       string // "" when lingua tells none
	confidence float64
}

type linguaLine struct {
	text    string
	answers []linguaAnswer
}

// linguaDetectors are lingua's detectors for linguaSets, in their order.
func linguaDetectors() []lingua.LanguageDetector {
	detectors := []lingua.LanguageDetector{lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithLowAccuracyMode().Build()}
	for _, rs := range linguaSets[1:] {
		var langs []lingua.Language
		for _, code := range codesOf(rs) {
			langs = append(langs, lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(code)))
		}
		detectors = append(detectors, lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().Build())
	}
	return detectors
}

func askLingua(d lingua.LanguageDetector, text string) linguaAnswer {
	if values := d.ComputeLanguageConfidenceValues(text); len(values) > 0 && values[0].Value() > 0 {
		return linguaAnswer{strings.ToLower(values[0].Language().IsoCode639_1().String()), values[0].Value()}
	}
	return linguaAnswer{}
}

func linguaTexts(t *testing.T) []string {
	texts := append(ruleTexts(), seedTexts(t)...)
	for _, s := range sentences {
		texts = append(texts, s.text)
		texts = append(texts, windows(s.text, 1, 2, 3, 5)...)
	}
	return texts
}

func writeLinguaAnswers(t *testing.T, texts []string) {
	theirs := linguaDetectors()
	var file bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&file, gzip.BestCompression)
	for _, text := range texts {
		fields := []string{strconv.Quote(text)}
		for _, d := range theirs {
			a := askLingua(d, text)
			fields = append(fields, a.lang, strconv.FormatFloat(a.confidence, 'g', -1, 64))
		}
		fmt.Fprintln(gz, strings.Join(fields, "\t"))
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(linguaAnswers, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readLinguaAnswers(t *testing.T) []linguaLine {
	f, err := os.Open(linguaAnswers)
	if err != nil {
		t.Fatalf("%v: run go test ./language -run TestMatchesLingua -update", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", linguaAnswers, err)
	}
	var lines []linguaLine
	scan := bufio.NewScanner(gz)
	scan.Buffer(nil, 1<<20)
	for n := 1; scan.Scan(); n++ {
		fields := strings.Split(scan.Text(), "\t")
		if len(fields) != 1+2*len(linguaSets) {
			t.Fatalf("%s:%d: %d fields, want %d", linguaAnswers, n, len(fields), 1+2*len(linguaSets))
		}
		text, err := strconv.Unquote(fields[0])
		if err != nil {
			t.Fatalf("%s:%d: the text: %v", linguaAnswers, n, err)
		}
		line := linguaLine{text: text}
		for i := 1; i < len(fields); i += 2 {
			conf, err := strconv.ParseFloat(fields[i+1], 64)
			if err != nil {
				t.Fatalf("%s:%d: %v", linguaAnswers, n, err)
			}
			line.answers = append(line.answers, linguaAnswer{fields[i], conf})
		}
		lines = append(lines, line)
	}
	if err := scan.Err(); err != nil {
		t.Fatalf("%s: %v", linguaAnswers, err)
	}
	return lines
}

func codesOf(rs *rules) []string {
	var codes []string
	for _, lang := range rs.all {
		codes = append(codes, languages[lang].code)
	}
	return codes
}

// ruleTexts are texts made to reach each of lingua's rules: scripts mixed
// and tied, Chinese and Japanese letters, and each letter of lingua's tables
// of letters one or a few languages have, alone and among others.
func ruleTexts() []string {
	texts := []string{
		"", "a", "ab", "abc", "ə", "əəə", "Straße", "straße groß", "ґанок їжак", "їжак",
		"Ağdam şəhəri", "Ağdam", "ğğğ ııı", "São João", "où çà", "ñandú",
		"漢字 kanji", "ひらがな text", "漢ひ abc", "漢字", "漢字 ひらがな", "カタカナ 漢字 abc",
		"Путин Putin Putin", "Путин Путин Putin Putin",
		"abc абв", "abc абв ab3", "xyz xyz абв", "qqq", "zzzz qqqq", "ӘӘӘ", "Əlİ İlham",
		"صلح في قره باغ", "صلح در قره باغ است", "پژوهش گاه", "ك ی", "Ιούλιος abc",
		"Ahmad 's-Gravenhage l'été", "Müller über München", "Kəlbəcər Azadlığın Mübarək!",
		"한국어 abc", "ภาษาไทย", "עברית abc abc", "मराठी ळ", "हिन्दी भाषा", "ab漢字 cd",
		"Ֆրանսիա Paris", "ბათუმი Batumi", "Batumi ბათუმი ბათუმი",
	}
	for _, l := range languages {
		for _, c := range l.unique {
			texts = append(texts, string(c), "ab"+string(c)+"cd efg", "ab"+string(c)+"cd efg hij klm")
		}
	}
	for _, s := range sharedLetters {
		for _, c := range s.letters {
			texts = append(texts, "ab"+string(c)+"cd", "ab"+string(c)+"cd efg", "ab"+string(c)+"cd efg hij klm")
		}
	}
	return texts
}

// seedTexts are the seeds' lines and windows of their words.
func seedTexts(t *testing.T) []string {
	seeds, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, path := range seeds {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(raw), "\n")...)
		texts = append(texts, windows(string(raw), 2, 5, 12, 24)...)
	}
	return texts
}

// windows returns text's words in runs of each size, one after the other.
func windows(text string, sizes ...int) []string {
	words := strings.Fields(text)
	var out []string
	for _, size := range sizes {
		for i := 0; i+size <= len(words); i += size {
			out = append(out, strings.Join(words[i:i+size], " "))
		}
	}
	return out
}

// TestLetterTables checks lingua's tables as copied: each letter lingua
// gives to one language belongs to one, and each letter it gives to a few
// is listed once; and every alphabet is probed for a letter once.
func TestLetterTables(t *testing.T) {
	owner := map[rune]string{}
	for _, l := range languages {
		for _, c := range l.unique {
			if other, ok := owner[c]; ok {
				t.Errorf("%c is unique to %s and %s", c, other, l.code)
			}
			owner[c] = l.code
		}
	}
	probed := map[alphabet]bool{}
	for _, a := range probeOrder {
		probed[a] = true
	}
	if len(probed) != int(alphabetCount) || len(probeOrder) != int(alphabetCount) {
		t.Errorf("probeOrder has %d alphabets of %d, not each once", len(probeOrder), alphabetCount)
	}
	listed := map[rune]bool{}
	for _, s := range sharedLetters {
		for _, c := range s.letters {
			if listed[c] {
				t.Errorf("%c is listed twice among the shared letters", c)
			}
			listed[c] = true
		}
	}
}

// FuzzDetect checks any text gets a known label with a confidence in (0, 1],
// or und with 0, the same every time, without a panic.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"Kəlbəcər Azadlığın Mübarək!", "漢ひ abc", "a\xffb ə", "Путин Putin", "صلح در قره باغ",
		"V Ljubljani so včeraj protestirali.", "ঢাকায় আজ ভারী বৃষ্টি হয়েছে।", "Regjeringa la fram eit nytt framlegg.",
		"Јаке кише", "ab漢字 cd", "मराठी ळ", "ĉu ŝi?", "\u0301\u0301"} {
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
		if again, againConf := d.Detect(text); again != lang || againConf != conf {
			t.Errorf("Detect(%q) = %s %v, then %s %v", text, lang, conf, again, againConf)
		}
	})
}
