// Package language tells the language of a body among the 75 languages
// lingua-go knows, as lingua tells them in low-accuracy mode (trigram models
// only: little memory, and right on short sentences), with the languages of
// the region and its press first: a text is told among English, Russian,
// Azerbaijani, Armenian, Turkish, Georgian, French, German, Persian, Arabic,
// Ukrainian, Italian, Spanish and Portuguese, as the builder told it before
// it knew the others, unless another language fits it clearly better
// (region.go). lingua's models are scored directly (lingua.go, model.go),
// many times faster than through its API and with the same answers.
//
// A label the detector is not sure of is not given: the text is und.
package language

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the code for a body whose language cannot be told.
const Undetermined = "und"

const (
	// shortText is the word count under which names are checked for
	// outweighing the rest; in a longer text they are diluted.
	shortText = 30
	// sampleWords is how many words of a long text are read: its start,
	// middle and end, a third each. The detector's time grows with the
	// text, its answer does not change past a few hundred words.
	sampleWords = 24
)

// Detector tells languages; it is safe for concurrent use. The models are
// shared by every detector and read when a text first needs them.
type Detector struct{}

// NewDetector builds a detector.
func NewDetector() *Detector {
	return &Detector{}
}

// isNoise reports a word that says nothing of a text's language: a link, a
// hashtag, a handle, an e-mail address.
func isNoise(word string) bool {
	return strings.ContainsAny(word, "#@") || strings.Contains(word, "://") ||
		strings.HasPrefix(word, "www.")
}

// Detect returns the ISO 639-1 code of text's language and the detector's
// confidence, rounded to four decimals so the output does not depend on the
// last bits of a float.
func (d *Detector) Detect(text string) (code string, confidence float64) {
	// Hashtags are mostly names, which belong to no language; a text of
	// nothing else is undetermined.
	words, total := sample(text)
	clean := read(strings.Join(words, " "))
	side := sideOf(clean)
	v := side.tell(clean)
	// In a short text names can outweigh the words that carry the language
	// ("Jomard village of Kalbajar district" reads as Spanish). Ask again
	// with only the words in lower case: if the answers differ, those plain
	// words decide, or nothing does. Plain words too few to tell anything
	// ("и", "с"), or told as a language without their letters (the first
	// word of a sentence is no name), do not overrule.
	if total < shortText {
		if plain := lowercaseWords(words); len(plain) >= 2 && len(plain) < len(words) {
			switch p := side.tell(read(strings.Join(plain, " "))); {
			case p.lang == v.lang, p.lang < 0, !knowsLetters(p.lang, plain):
			case side.sure(p):
				v = p
			default:
				return Undetermined, 0
			}
		}
	}
	// A language whose own letter model hardly has a letter of the text's
	// plain words is not the text's (a Serbian "ј" in Russian, a Slovene
	// "č" in Yoruba); names may be spelt as they are elsewhere.
	if !side.sure(v) || !knowsLetters(v.lang, lowercaseWords(words)) {
		return Undetermined, 0
	}
	return languages[v.lang].code, math.Round(v.confidence*1e4) / 1e4
}

// sample returns text's words that are not noise, cut to sampleWords from
// its start, middle and end when there are more, and how many there are.
// It notes where words are rather than split the text: a body has thousands
// of words and the sample keeps two dozen.
func sample(text string) (words []string, total int) {
	// About one word in six bytes: one allocation for most texts.
	spans := make([][2]int, 0, len(text)/6+1)
	eachWord(text, func(start, end int) { spans = append(spans, [2]int{start, end}) })
	total = len(spans)
	if total > sampleWords {
		third, mid := sampleWords/3, total/2
		spans = slices.Concat(spans[:third], spans[mid-third/2:mid+third-third/2], spans[total-third:])
	}
	words = make([]string, len(spans))
	for i, s := range spans {
		words[i] = text[s[0]:s[1]]
	}
	return words, total
}

// eachWord calls f with the bounds of each of text's space-separated words
// that is not noise, in order. Only a word with a byte that noise has, or
// that starts like www., is checked further: most are not.
func eachWord(text string, f func(start, end int)) {
	start, suspect := -1, false
	emit := func(end int) {
		if start >= 0 && !((suspect || text[start] == 'w') && isNoise(text[start:end])) {
			f(start, end)
		}
		start, suspect = -1, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				emit(i)
			case start < 0:
				start = i
			}
			suspect = suspect || c == '#' || c == '@' || c == ':'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			emit(i)
		} else if start < 0 {
			start = i
		}
		i += size
	}
	emit(len(text))
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

// rareLetter is the log-probability, in the models' fixed point, below
// which a letter is foreign to a language: one in 100,000 letters.
var rareLetter = int32(math.Round(math.Log(1e-5) * scale))

// knowsLetters reports whether lang's letter model has every letter of
// words that is in an alphabet lang shares with other languages at least
// rareLetter often. A letter of an alphabet of one language, or Han, is
// told by lingua's rules, not its models.
func knowsLetters(lang int, words []string) bool {
	m := theModels()
	var seen []rune
	for _, w := range words {
		for _, r := range strings.ToLower(w) {
			if slices.Contains(seen, r) {
				continue
			}
			seen = append(seen, r)
			a := alphabetOfRune(r)
			if a < 0 || a == han || languages[lang].alphabets&(1<<a) == 0 || len(allRules.writtenIn[a]) < 2 {
				continue
			}
			langs, values := m.lookUp(ngramKey(r, 0, 0))
			if i := slices.Index(langs, uint8(lang)); i < 0 || values[i] < rareLetter {
				return false
			}
		}
	}
	return true
}
