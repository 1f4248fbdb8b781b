package language

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pemistahl/lingua-go"
)

// lgmAnswer is a detector's answer to a text: its language ("" for none),
// the confidence in it and in the runner-up.
type lgmAnswer struct {
	lang                 string
	confidence, runnerUp float64
}

var (
	lgmOnce   sync.Once
	lgmTheirs []lingua.LanguageDetector
)

// lgmLingua returns lingua's detectors for linguaSets, built once.
func lgmLingua() []lingua.LanguageDetector {
	lgmOnce.Do(func() { lgmTheirs = linguaDetectors() })
	return lgmTheirs
}

// lgmAsk is lingua's live answer, with its second confidence value.
func lgmAsk(d lingua.LanguageDetector, text string) lgmAnswer {
	values := d.ComputeLanguageConfidenceValues(text)
	if len(values) == 0 || values[0].Value() == 0 {
		return lgmAnswer{}
	}
	a := lgmAnswer{lang: strings.ToLower(values[0].Language().IsoCode639_1().String()), confidence: values[0].Value()}
	if len(values) > 1 {
		a.runnerUp = values[1].Value()
	}
	return a
}

// lgmCompare checks detect on each text with each of linguaSets against
// lingua's live answer: the same language, and its confidence and the
// runner-up's to 1e-6.
func lgmCompare(t *testing.T, texts ...string) {
	t.Helper()
	theirs := lgmLingua()
	for _, text := range texts {
		r := read(text)
		for j, rs := range linguaSets {
			v := rs.detect(r)
			got := lgmAnswer{confidence: v.confidence, runnerUp: v.runnerUp}
			if v.lang >= 0 {
				got.lang = languages[v.lang].code
			}
			want := lgmAsk(theirs[j], text)
			if got.lang != want.lang || math.Abs(got.confidence-want.confidence) > 1e-6 || math.Abs(got.runnerUp-want.runnerUp) > 1e-6 {
				t.Errorf("%d languages: detect(%q) = %s %.7f (runner-up %.7f), lingua says %s %.7f (%.7f)",
					len(rs.all), text, got.lang, got.confidence, got.runnerUp, want.lang, want.confidence, want.runnerUp)
			}
		}
	}
}

// TestAlphabetOfRuneOutsideAlphabets: a rune that is in none of lingua's
// alphabets (an ASCII digit or sign, an Ethiopic or Cherokee letter) is in
// no alphabet, -1; letters are in theirs.
func TestAlphabetOfRuneOutsideAlphabets(t *testing.T) {
	tests := []struct {
		r    rune
		want alphabet
	}{
		{'7', -1}, {'-', -1}, {'@', -1}, {'[', -1}, {' ', -1},
		{'ሰ', -1}, {'Ꭰ', -1}, {'€', -1},
		{'q', latin}, {'Q', latin}, {'ə', latin}, {'Ш', cyrillic}, {'Ա', armenian}, {'ბ', georgian},
	}
	for _, tt := range tests {
		if got := alphabetOfRune(tt.r); got != tt.want {
			t.Errorf("alphabetOfRune(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// TestWordsOfNoAlphabetTellNothing: words whose letters are in none of
// lingua's alphabets (Ethiopic, Cherokee) neither vote for a language nor
// narrow the candidates, as in lingua.
func TestWordsOfNoAlphabetTellNothing(t *testing.T) {
	lgmCompare(t, "ሰላም ለዓለም", "ሰላም", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", "ሰላም Goris", "ሰላም ሰላም Lachin")
}

// TestChineseAndJapaneseAloneMeanJapanese: words voting for Chinese and
// Japanese and for nothing else are Japanese; Japanese with another
// language's words is not.
func TestChineseAndJapaneseAloneMeanJapanese(t *testing.T) {
	lgmCompare(t,
		"ひ Ιούλιος", "ひ ελλάδα", "カ Ереван", "ひ ghi Ərdoğan",
		"漢 ひ", "漢 ひ ひ",
	)
}

// TestWordOfHanAndKanaVotesJapanese: a word holding both Han and kana votes
// Japanese; one holding Han or kana and another language's letters votes by
// the most letters, or for nothing on a tie.
func TestWordOfHanAndKanaVotesJapanese(t *testing.T) {
	lgmCompare(t,
		"əhmədひ", "əhməd漢", "əひ", "ə漢", "abə漢ひ", "abc漢ひ", "əə漢ひ",
		"ŝuŝoひ", "ґанок漢", "straßeカ",
	)
}

// TestWordVoteNeedsOneLanguageAhead: a word whose letters are unique to
// several languages votes for the one it holds most letters of only when
// no other has as many.
func TestWordVoteNeedsOneLanguageAhead(t *testing.T) {
	lgmCompare(t,
		"əəřßß", "əəřßß ağdam", "əřřßß", "əəřß", "ŝəəřßß",
	)
}

// TestMostWordsAlphabetNarrowsCandidates: the alphabet most words are in,
// Arabic included (the first of lingua's alphabets), gives the candidates;
// a minority's alphabet does not.
func TestMostWordsAlphabetNarrowsCandidates(t *testing.T) {
	lgmCompare(t,
		"صلح في قره abc", "صلح في قره باغ Shusha", "پژوهش گاه Ganja", "صلح در قره باغ است Lachin Goris",
		"Путин Путин Ijevan", "abc abd Ереван",
	)
}

// TestEqualSumsGoToFirstLanguage: candidates whose sums are equal are
// ordered as lingua orders its languages: the first one wins.
func TestEqualSumsGoToFirstLanguage(t *testing.T) {
	lgmCompare(t, "ضفا", "xku", "ānc", "œst", "ħad", "ﻀﺎﺭ")
}

// TestRunnerUpConfidence: the runner-up's confidence is lingua's second
// value, whichever candidate it is, Afrikaans (the first) included.
func TestRunnerUpConfidence(t *testing.T) {
	lgmCompare(t,
		"De regering in Bakoe heeft de grens met Armenië gesloten",
		"Die regering het gister die grens gesluit",
		"De president bezocht gisteren de stad Ganja",
		"Armenia shelled Azerbaijani army positions near Lachin",
		"Le gouvernement arménien a fermé la route de Goris",
		"Президент посетил Шушу и Гянджу",
		"Ermənistan ordusu Laçın istiqamətində atəş açıb",
	)
}

// TestTopTwo: the indexes of the largest and second-largest non-zero
// counts, the first of equal counts, or -1.
func TestTopTwo(t *testing.T) {
	type pair struct{ Best, Second int }
	tests := []struct {
		counts []int
		want   pair
	}{
		{nil, pair{-1, -1}},
		{[]int{0, 0, 0}, pair{-1, -1}},
		{[]int{0, 4, 0}, pair{1, -1}},
		{[]int{3, 1}, pair{0, 1}},
		{[]int{3, 0, 5}, pair{2, 0}},
		{[]int{0, 2, 2}, pair{1, 2}},
		{[]int{2, 2, 2}, pair{0, 1}},
		{[]int{2, 3, 1}, pair{1, 0}},
		{[]int{3, 1, 1}, pair{0, 1}},
		{[]int{3, 1, 2}, pair{0, 2}},
		{[]int{1, 3, 2, 2}, pair{1, 2}},
	}
	for _, tt := range tests {
		best, second := topTwo(tt.counts)
		if diff := cmp.Diff(tt.want, pair{best, second}); diff != "" {
			t.Errorf("topTwo(%v) (-want +got):\n%s", tt.counts, diff)
		}
	}
}
