package language

// This file is lingua-go's low-accuracy detection (v1.4.0, Apache-2.0, see
// models/LICENSE), reproduced over lingua's own trigram, bigram and unigram
// models in models/. lingua spends most of each call in per-letter regular
// expressions, a goroutine per call, map lookups per language and decimal
// arithmetic for the softmax; here one lookup gives every language's
// log-probability and the softmax is done in floats. The answers are lingua's,
// to the four decimals a record keeps (TestMatchesLingua).

import (
	"archive/zip"
	"bytes"
	"embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

//go:embed models/*/*.zip
var modelFiles embed.FS

// absent marks a language a lookup found no probability for: a real entry is
// a logarithm, never above 0.
const absent = 1.0

// group is the languages one script is shared by, scored together: each
// n-gram maps to a row holding every language's log-probability, with
// lingua's fallback from a trigram to its bigram and unigram prefixes
// already applied.
type group struct {
	// codes are ISO 639-1 codes in lingua's order (by English name), which
	// also breaks ties between equal scores.
	codes []string
	// script is the alphabet all the group's languages are written in.
	script *unicode.RangeTable
	// unique holds, per language, the letters no other language lingua
	// knows has; most languages have none.
	unique []string
	// sharedBy lists, for a letter only a few languages of the group have,
	// those languages.
	sharedBy map[rune][]int

	load         sync.Once
	tri, bi, uni map[string]int32
	rows         []float64 // len(codes) values per row
}

// newGroup makes a group; shared maps letters to the languages, as indexes
// in codes, that have them.
func newGroup(codes []string, script *unicode.RangeTable, unique []string, shared map[string][]int) *group {
	g := &group{codes: codes, script: script, unique: unique, sharedBy: map[rune][]int{}}
	for letters, languages := range shared {
		for _, r := range letters {
			g.sharedBy[r] = languages
		}
	}
	return g
}

// The groups mirror lingua's tables (language.go uniqueCharacters,
// constant.go charsToLanguagesMapping), restricted to each group's languages.
func latinGroup() *group {
	const az, fr, de, it, pt, es, tr = 0, 2, 3, 4, 5, 6, 7
	return newGroup([]string{"az", "en", "fr", "de", "it", "pt", "es", "tr"}, unicode.Latin,
		[]string{az: "Əə", de: "ß", es: "¿¡", tr: ""}, map[string][]int{
			"Ãã": {pt}, "Îî": {fr}, "Ññ": {es},
			"İıĞğ": {az, tr}, "ÐðÞþ": {tr}, "Ûû": {fr},
			"Şş": {az, tr}, "Ëë": {fr}, "ÈèÙù": {fr, it},
			"Êê": {fr, pt}, "Õõ": {pt}, "Ôô": {fr, pt},
			"Òò": {it}, "Ýý": {tr}, "Ää": {de},
			"Àà": {fr, it, pt}, "Ââ": {fr, pt, tr},
			"Üü": {az, de, es, tr}, "Çç": {az, fr, pt, tr},
			"Öö": {az, de, tr}, "Óó": {pt, es},
			"ÁáÍíÚú": {pt, es}, "Éé": {fr, it, pt, es},
		})
}

func cyrillicGroup() *group {
	const ru, uk = 0, 1
	return newGroup([]string{"ru", "uk"}, unicode.Cyrillic, []string{ru: "", uk: "ҐґЄєЇї"},
		map[string][]int{"Іі": {uk}, "ЁёЫыЭэ": {ru}, "ЩщЪъ": {ru}})
}

func arabicGroup() *group {
	return newGroup([]string{"ar", "fa"}, unicode.Arabic, []string{"", ""}, nil)
}

// alphabets are the scripts lingua sorts words by, in its order.
var alphabets = []*unicode.RangeTable{
	unicode.Arabic, unicode.Armenian, unicode.Bengali, unicode.Cyrillic,
	unicode.Devanagari, unicode.Georgian, unicode.Greek, unicode.Gujarati,
	unicode.Gurmukhi, unicode.Han, unicode.Hangul, unicode.Hebrew,
	unicode.Hiragana, unicode.Katakana, unicode.Latin, unicode.Tamil,
	unicode.Telugu, unicode.Thai,
}

// Outcomes of the rules besides a language index.
const (
	undecided = -1 // the models must weigh the candidates
	foreign   = -2 // the letters belong to a language outside the group
)

// detect returns the code of text's most likely language and its
// confidence, or "" and 0 when nothing can be told.
func (g *group) detect(text string) (string, float64) {
	g.load.Do(g.loadModels)
	words := letterRuns(strings.ToLower(text))
	if len(words) == 0 {
		return "", 0
	}
	switch lang := g.byUniqueLetters(words); lang {
	case undecided:
	case foreign:
		return "", 0
	default:
		return g.codes[lang], 1
	}
	candidates := g.candidates(words)
	switch len(candidates) {
	case 0:
		return "", 0
	case 1:
		return g.codes[candidates[0]], 1
	}
	letters := 0
	for _, w := range words {
		letters += utf8.RuneCountInString(w)
	}
	if letters < 3 {
		return "", 0
	}
	return g.score(words, candidates)
}

// letterRuns splits lower-cased text into words as lingua does: runs of
// letters, with a Han, Hangul, Hiragana or Katakana letter that starts one a
// word of its own.
func letterRuns(text string) []string {
	var words []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		end := i + size
		if !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			for end < len(text) {
				r, size := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsLetter(r) {
					break
				}
				end += size
			}
		}
		words = append(words, text[i:end])
		i = end
	}
	return words
}

// byUniqueLetters is lingua's first rule: a word votes for the language
// whose unique letters it holds most; if most words vote alike, that is the
// answer.
func (g *group) byUniqueLetters(words []string) int {
	// Votes per language of the group, then Chinese, Japanese and unknown.
	chinese, japanese, unknown := len(g.codes), len(g.codes)+1, len(g.codes)+2
	totals := make([]int, len(g.codes)+3)
	counts := make([]int, len(g.codes)+2)
	for _, w := range words {
		clear(counts)
		for _, r := range w {
			switch {
			case r < utf8.RuneSelf:
				// No language has an ASCII letter of its own.
			case unicode.Is(unicode.Han, r):
				counts[chinese]++
			case unicode.In(r, unicode.Hiragana, unicode.Katakana):
				counts[japanese]++
			case unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Devanagari):
				for lang, letters := range g.unique {
					if strings.ContainsRune(letters, r) {
						counts[lang]++
					}
				}
			}
		}
		totals[wordVote(counts, chinese, japanese, unknown)]++
	}
	if float64(totals[unknown]) < float64(len(words))*0.5 {
		totals[unknown] = 0
	}
	if totals[chinese] > 0 && totals[japanese] > 0 && present(totals) == 2 {
		return foreign
	}
	best, second := topTwo(totals)
	switch {
	case best < 0 || best == unknown:
		return undecided
	case second >= 0 && totals[best] == totals[second]:
		return undecided
	case best >= len(g.codes):
		return foreign
	}
	return best
}

// wordVote is the language a word's letter counts vote for.
func wordVote(counts []int, chinese, japanese, unknown int) int {
	switch present(counts) {
	case 0:
		return unknown
	case 1:
		if lang, _ := topTwo(counts); lang < chinese {
			return lang
		}
		return unknown
	}
	if counts[chinese] > 0 && counts[japanese] > 0 {
		return japanese
	}
	best, second := topTwo(counts)
	if counts[best] > counts[second] && best < chinese {
		return best
	}
	return unknown
}

// present counts the non-zero entries.
func present(counts []int) int {
	n := 0
	for _, c := range counts {
		if c > 0 {
			n++
		}
	}
	return n
}

// topTwo returns the indexes of the largest and second-largest non-zero
// counts, the first on a tie, or -1.
func topTwo(counts []int) (best, second int) {
	best, second = -1, -1
	for i, c := range counts {
		switch {
		case c == 0:
		case best < 0 || c > counts[best]:
			best, second = i, best
		case second < 0 || c > counts[second]:
			second = i
		}
	}
	return best, second
}

// candidates is lingua's second rule: the languages written in the script
// most words are in, narrowed to those whose shared letters at least half
// the words hold, if any are.
func (g *group) candidates(words []string) []int {
	perAlphabet := make([]int, len(alphabets))
	for _, w := range words {
		if a := alphabetOf(w); a >= 0 {
			perAlphabet[a]++
		}
	}
	all := make([]int, len(g.codes))
	for i := range all {
		all[i] = i
	}
	top, second := topTwo(perAlphabet)
	switch {
	case top < 0:
		return all
	case second >= 0 && allEqual(perAlphabet):
		return all
	case alphabets[top] != g.script:
		return nil
	}
	half := float64(len(words)) * 0.5
	votes := make([]int, len(g.codes))
	var seen []rune
	for _, w := range words {
		seen = seen[:0]
		for _, r := range w {
			// A word votes once per letter however often it holds it.
			if languages, ok := g.sharedBy[r]; ok && !slices.Contains(seen, r) {
				seen = append(seen, r)
				for _, lang := range languages {
					votes[lang]++
				}
			}
		}
	}
	var subset []int
	for lang, v := range votes {
		if float64(v) >= half {
			subset = append(subset, lang)
		}
	}
	if len(subset) > 0 {
		return subset
	}
	return all
}

// alphabetOf returns the index in alphabets of the script all of word's
// letters are in, or -1.
func alphabetOf(word string) int {
	first, _ := utf8.DecodeRuneInString(word)
	for i, table := range alphabets {
		if !unicode.Is(table, first) {
			continue
		}
		for _, r := range word {
			if !unicode.Is(table, r) {
				return -1
			}
		}
		return i
	}
	return -1
}

// allEqual reports whether every non-zero count is the same.
func allEqual(counts []int) bool {
	seen := 0
	for _, c := range counts {
		if c == 0 {
			continue
		}
		if seen != 0 && c != seen {
			return false
		}
		seen = c
	}
	return true
}

// score sums, for each candidate, the log-probabilities of the text's
// distinct trigrams and turns the sums into confidences by softmax.
func (g *group) score(words []string, candidates []int) (string, float64) {
	var trigrams []string
	var offsets []int
	for _, w := range words {
		offsets = offsets[:0]
		for i := range w {
			offsets = append(offsets, i)
		}
		offsets = append(offsets, len(w))
		for i := 0; i+3 < len(offsets); i++ {
			trigrams = append(trigrams, w[offsets[i]:offsets[i+3]])
		}
	}
	slices.Sort(trigrams)
	trigrams = slices.Compact(trigrams)

	sums := make([]float64, len(g.codes))
	for _, t := range trigrams {
		row := g.lookUp(t)
		if row == nil {
			continue
		}
		for _, lang := range candidates {
			if v := row[lang]; v != absent {
				sums[lang] += v
			}
		}
	}
	// A language none of whose n-grams were found scores 0 and, as in
	// lingua, takes no part.
	best := -1
	for _, lang := range candidates {
		if sums[lang] < 0 && (best < 0 || sums[lang] > sums[best] || sums[lang] == sums[best] && lang < best) {
			best = lang
		}
	}
	if best < 0 {
		return "", 0
	}
	total := 0.0
	for _, lang := range candidates {
		if sums[lang] < 0 {
			total += math.Exp(sums[lang] - sums[best])
		}
	}
	return g.codes[best], 1 / total
}

// lookUp returns the row of trigram t, or of its longest prefix any
// language has, or nil.
func (g *group) lookUp(t string) []float64 {
	if row, ok := g.tri[t]; ok {
		return g.at(row)
	}
	if row, ok := g.bi[runePrefix(t, 2)]; ok {
		return g.at(row)
	}
	if row, ok := g.uni[runePrefix(t, 1)]; ok {
		return g.at(row)
	}
	return nil
}

func (g *group) at(row int32) []float64 {
	n := len(g.codes)
	return g.rows[int(row)*n : int(row+1)*n]
}

// runePrefix returns the first n code points of s.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// loadModels reads the group's models and merges them into rows, filling
// each language's gaps from the lower orders as lingua does at lookup. The
// models are embedded in the program, so one that does not load is a broken
// build, not bad input: TestMatchesLingua reads them all.
func (g *group) loadModels() {
	g.uni, g.bi, g.tri = map[string]int32{}, map[string]int32{}, map[string]int32{}
	for _, order := range []struct {
		name   string
		ngrams map[string]int32
	}{{"unigrams", g.uni}, {"bigrams", g.bi}, {"trigrams", g.tri}} {
		for lang, code := range g.codes {
			model, err := readModel(fmt.Sprintf("models/%s/%s.pb.bin.zip", code, order.name))
			if err != nil {
				panic(err)
			}
			for _, set := range model.NgramSets {
				logProbability := math.Log(set.Probability)
				for _, ngram := range set.Ngrams {
					g.row(order.ngrams, ngram)[lang] = logProbability
				}
			}
		}
	}
	for ngram, row := range g.bi {
		g.fillGaps(row, runePrefix(ngram, 1), g.uni)
	}
	for ngram, row := range g.tri {
		prefix := runePrefix(ngram, 2)
		if _, ok := g.bi[prefix]; ok {
			g.fillGaps(row, prefix, g.bi)
		} else {
			g.fillGaps(row, runePrefix(ngram, 1), g.uni)
		}
	}
}

// row returns ngram's row, adding one with every language absent.
func (g *group) row(ngrams map[string]int32, ngram string) []float64 {
	n := len(g.codes)
	index, ok := ngrams[ngram]
	if !ok {
		index = int32(len(g.rows) / n)
		ngrams[ngram] = index
		for range n {
			g.rows = append(g.rows, absent)
		}
	}
	return g.rows[int(index)*n : int(index+1)*n]
}

// fillGaps copies into row the values of prefix, in ngrams, for the
// languages row lacks.
func (g *group) fillGaps(row int32, prefix string, ngrams map[string]int32) {
	from, ok := ngrams[prefix]
	if !ok {
		return
	}
	to, fallback := g.at(row), g.at(from)
	for lang, v := range to {
		if v == absent {
			to[lang] = fallback[lang]
		}
	}
}

func readModel(name string) (*serialization.SerializableLanguageModel, error) {
	compressed, err := modelFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	archive, err := zip.NewReader(bytes.NewReader(compressed), int64(len(compressed)))
	if err != nil || len(archive.File) != 1 {
		return nil, fmt.Errorf("language model %s: not a zip of one file: %v", name, err)
	}
	f, err := archive.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("language model %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("language model %s: %w", name, err)
	}
	model := new(serialization.SerializableLanguageModel)
	if err := proto.Unmarshal(data, model); err != nil {
		return nil, fmt.Errorf("language model %s: %w", name, err)
	}
	return model, nil
}
