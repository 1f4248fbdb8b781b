// Package language tells the language of a body with lingua-go, restricted to
// the languages of the region and its press and run in low-accuracy mode
// (trigram models only: about 28 MB resident, and right on short sentences).
package language

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// Undetermined is the code for a body whose language cannot be told.
const Undetermined = "und"

// Languages are those the detector chooses among.
var Languages = []lingua.Language{
	lingua.English, lingua.Russian, lingua.Azerbaijani, lingua.Armenian,
	lingua.Turkish, lingua.Georgian, lingua.French, lingua.German,
	lingua.Persian, lingua.Arabic, lingua.Ukrainian, lingua.Italian,
	lingua.Spanish, lingua.Portuguese,
}

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
	sampleWords = 300
)

// Detector tells languages; it is safe for concurrent use.
type Detector struct {
	lingua lingua.LanguageDetector
}

// NewDetector builds a detector. Models load on first use.
func NewDetector() *Detector {
	return &Detector{lingua.NewLanguageDetectorBuilder().
		FromLanguages(Languages...).
		WithLowAccuracyMode().
		Build()}
}

// noise is what says nothing of a text's language: links, hashtags, handles,
// e-mail addresses.
var noise = regexp.MustCompile(`https?://\S+|www\.\S+|[#@][\p{L}\p{N}_]+|\S+@\S+\.\S+`)

// Detect returns the ISO 639-1 code of text's language and the detector's
// confidence, rounded to four decimals so the output does not depend on the
// last bits of a float.
func (d *Detector) Detect(text string) (code string, confidence float64) {
	// Hashtags are mostly names, which belong to no language; a text of
	// nothing else is undetermined.
	clean := sample(strings.TrimSpace(noise.ReplaceAllString(text, " ")))
	lang, conf := d.best(clean)
	// In a short text names can outweigh the words that carry the language
	// ("Jomard village of Kalbajar district" reads as Spanish). Ask again
	// with only the words in lower case: if the answers differ, those plain
	// words decide, or nothing does.
	if words := strings.Fields(clean); len(words) < shortText {
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

// sample cuts a long text to sampleWords words from its start, middle and end.
func sample(text string) string {
	words := strings.Fields(text)
	if len(words) <= sampleWords {
		return text
	}
	third, mid := sampleWords/3, len(words)/2
	parts := [][]string{words[:third], words[mid-third/2 : mid+third/2], words[len(words)-third:]}
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return strings.Join(out, " ")
}

func (d *Detector) best(text string) (lingua.Language, float64) {
	values := d.lingua.ComputeLanguageConfidenceValues(text)
	if len(values) == 0 {
		return lingua.Unknown, 0
	}
	return values[0].Language(), values[0].Value()
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
