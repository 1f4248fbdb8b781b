// Package language tells the language of a body with lingua-go, restricted to
// the languages of the region and its press — English, Russian, Azerbaijani,
// Armenian, Turkish, Georgian, French, German, Persian, Arabic, Ukrainian,
// Italian, Spanish and Portuguese — and run in low-accuracy mode (trigram
// models only: little memory, and right on short sentences).
package language

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// Undetermined is the code for a body whose language cannot be told.
const Undetermined = "und"

const (
	// shortText is the word count under which names are checked for
	// outweighing the rest; in a longer text they are diluted.
	shortText = 30
	// minConfidence is the least confidence a label is given with: below it
	// the text fits several languages and is undetermined.
	minConfidence = 0.5
	// sampleWords is how many words of a long text are read: its start,
	// middle and end, a third each. The detector's time grows with the
	// text, its answer does not change past a few hundred words.
	sampleWords = 24
)

// Detector tells languages; it is safe for concurrent use.
//
// A text is first sorted by the script most of its letters are in, and only
// the languages written in that script are weighed: lingua would rule the
// others out itself, after the same work for each. Armenian and Georgian,
// one language each here, need no weighing.
type Detector struct {
	latin, cyrillic, arabic lingua.LanguageDetector
}

// NewDetector builds a detector. Models load on first use.
func NewDetector() *Detector {
	build := func(languages ...lingua.Language) lingua.LanguageDetector {
		return lingua.NewLanguageDetectorBuilder().FromLanguages(languages...).WithLowAccuracyMode().Build()
	}
	return &Detector{
		latin: build(lingua.English, lingua.Azerbaijani, lingua.Turkish, lingua.French,
			lingua.German, lingua.Italian, lingua.Spanish, lingua.Portuguese),
		cyrillic: build(lingua.Russian, lingua.Ukrainian),
		arabic:   build(lingua.Persian, lingua.Arabic),
	}
}

// isNoise reports a word that says nothing of a text's language: a link, a
// hashtag, a handle, an e-mail address.
func isNoise(word string) bool {
	return strings.Contains(word, "#") || strings.HasPrefix(word, "@") ||
		strings.Contains(word, "://") || strings.HasPrefix(word, "www.") ||
		strings.Contains(word, "@")
}

// Detect returns the ISO 639-1 code of text's language and the detector's
// confidence, rounded to four decimals so the output does not depend on the
// last bits of a float.
func (d *Detector) Detect(text string) (code string, confidence float64) {
	// Hashtags are mostly names, which belong to no language; a text of
	// nothing else is undetermined.
	all := withoutNoise(strings.FieldsFunc(text, unicode.IsSpace))
	words := sample(all)
	clean := strings.Join(words, " ")
	lang, conf := d.best(clean)
	// In a short text names can outweigh the words that carry the language
	// ("Jomard village of Kalbajar district" reads as Spanish). Ask again
	// with only the words in lower case: if the answers differ, those plain
	// words decide, or nothing does.
	if len(all) < shortText {
		if plain := lowercaseWords(words); len(plain) >= 2 && len(plain) < len(words) {
			plainLang, plainConf := d.best(strings.Join(plain, " "))
			switch {
			case plainLang == lang:
			case plainConf >= minConfidence:
				lang, conf = plainLang, plainConf
			default:
				return Undetermined, 0
			}
		}
	}
	if conf < minConfidence {
		return Undetermined, 0
	}
	return strings.ToLower(lang.IsoCode639_1().String()), math.Round(conf*1e4) / 1e4
}

func withoutNoise(words []string) []string {
	clean := words[:0]
	for _, w := range words {
		if !isNoise(w) {
			clean = append(clean, w)
		}
	}
	return clean
}

// sample cuts a long text to sampleWords words from its start, middle and end.
func sample(clean []string) []string {
	if len(clean) <= sampleWords {
		return clean
	}
	third, mid := sampleWords/3, len(clean)/2
	out := make([]string, 0, sampleWords)
	out = append(out, clean[:third]...)
	out = append(out, clean[mid-third/2:mid+third-third/2]...)
	return append(out, clean[len(clean)-third:]...)
}

func (d *Detector) best(text string) (lingua.Language, float64) {
	var detector lingua.LanguageDetector
	switch script(text) {
	case scriptArmenian:
		return lingua.Armenian, 1
	case scriptGeorgian:
		return lingua.Georgian, 1
	case scriptCyrillic:
		detector = d.cyrillic
	case scriptArabic:
		detector = d.arabic
	case scriptLatin:
		detector = d.latin
	default:
		return lingua.Unknown, 0
	}
	values := detector.ComputeLanguageConfidenceValues(text)
	if len(values) == 0 {
		return lingua.Unknown, 0
	}
	return values[0].Language(), values[0].Value()
}

type writingSystem int

const (
	scriptNone writingSystem = iota
	scriptLatin
	scriptCyrillic
	scriptArmenian
	scriptGeorgian
	scriptArabic
)

var scripts = []struct {
	table  *unicode.RangeTable
	script writingSystem
}{
	{unicode.Latin, scriptLatin}, {unicode.Cyrillic, scriptCyrillic},
	{unicode.Armenian, scriptArmenian}, {unicode.Georgian, scriptGeorgian},
	{unicode.Arabic, scriptArabic},
}

// script returns the writing system most of text's letters are in, the
// first listed on a tie.
func script(text string) writingSystem {
	counts := make([]int, len(scripts))
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		for i, s := range scripts {
			if unicode.Is(s.table, r) {
				counts[i]++
				break
			}
		}
	}
	best, bestCount := scriptNone, 0
	for i, c := range counts {
		if c > bestCount {
			best, bestCount = scripts[i].script, c
		}
	}
	return best
}

func lowercaseWords(words []string) []string {
	var out []string
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out = append(out, w)
		}
	}
	return out
}
