package language

// This file is lingua-go's low-accuracy detection (v1.4.0, Apache-2.0, see
// models/LICENSE) over all its 75 languages, reproduced over lingua's own
// trigram, bigram and unigram models (model.go). lingua spends most of each
// call in per-letter regular expressions, a goroutine per call, a map lookup
// per language and n-gram and decimal arithmetic for the softmax; here one
// lookup gives the languages that have an n-gram, sums are integers and the
// softmax is done in floats. The answers are lingua's, the confidences to
// 1e-6 (TestMatchesLingua).

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// alphabet is one of the scripts lingua sorts words by, in its order.
type alphabet int

const (
	arabic alphabet = iota
	armenian
	bengali
	cyrillic
	devanagari
	georgian
	greek
	gujarati
	gurmukhi
	han
	hangul
	hebrew
	hiragana
	katakana
	latin
	tamil
	telugu
	thai
	alphabetCount
)

var alphabetTables = [alphabetCount]*unicode.RangeTable{
	unicode.Arabic, unicode.Armenian, unicode.Bengali, unicode.Cyrillic,
	unicode.Devanagari, unicode.Georgian, unicode.Greek, unicode.Gujarati,
	unicode.Gurmukhi, unicode.Han, unicode.Hangul, unicode.Hebrew,
	unicode.Hiragana, unicode.Katakana, unicode.Latin, unicode.Tamil,
	unicode.Telugu, unicode.Thai,
}

// languages are lingua's, in its order (by English name), which also breaks
// ties between equal scores: ISO 639-1 code, the alphabets it is written in
// (a bit per alphabet) and the letters no other language has (lingua's
// language.go alphabets and uniqueCharacters).
var languages = [...]struct {
	code      string
	alphabets uint32
	unique    string
}{
	{"af", 1 << latin, ""}, {"sq", 1 << latin, ""}, {"ar", 1 << arabic, ""},
	{"hy", 1 << armenian, ""}, {"az", 1 << latin, "Əə"}, {"eu", 1 << latin, ""},
	{"be", 1 << cyrillic, ""}, {"bn", 1 << bengali, ""}, {"nb", 1 << latin, ""},
	{"bs", 1 << latin, ""}, {"bg", 1 << cyrillic, ""}, {"ca", 1 << latin, "Ïï"},
	{"zh", 1 << han, ""}, {"hr", 1 << latin, ""}, {"cs", 1 << latin, "ĚěŘřŮů"},
	{"da", 1 << latin, ""}, {"nl", 1 << latin, ""}, {"en", 1 << latin, ""},
	{"eo", 1 << latin, "ĈĉĜĝĤĥĴĵŜŝŬŭ"}, {"et", 1 << latin, ""}, {"fi", 1 << latin, ""},
	{"fr", 1 << latin, ""}, {"lg", 1 << latin, ""}, {"ka", 1 << georgian, ""},
	{"de", 1 << latin, "ß"}, {"el", 1 << greek, ""}, {"gu", 1 << gujarati, ""},
	{"he", 1 << hebrew, ""}, {"hi", 1 << devanagari, ""}, {"hu", 1 << latin, "ŐőŰű"},
	{"is", 1 << latin, ""}, {"id", 1 << latin, ""}, {"ga", 1 << latin, ""},
	{"it", 1 << latin, ""}, {"ja", 1<<hiragana | 1<<katakana | 1<<han, ""},
	{"kk", 1 << cyrillic, "ӘәҒғҚқҢңҰұ"}, {"ko", 1 << hangul, ""}, {"la", 1 << latin, ""},
	{"lv", 1 << latin, "ĢģĶķĻļŅņ"}, {"lt", 1 << latin, "ĖėĮįŲų"},
	{"mk", 1 << cyrillic, "ЃѓЅѕЌќЏџ"}, {"ms", 1 << latin, ""}, {"mi", 1 << latin, ""},
	{"mr", 1 << devanagari, "ळ"}, {"mn", 1 << cyrillic, "ӨөҮү"}, {"nn", 1 << latin, ""},
	{"fa", 1 << arabic, ""}, {"pl", 1 << latin, "ŁłŃńŚśŹź"}, {"pt", 1 << latin, ""},
	{"pa", 1 << gurmukhi, ""}, {"ro", 1 << latin, "Țţ"}, {"ru", 1 << cyrillic, ""},
	{"sr", 1 << cyrillic, "ЂђЋћ"}, {"sn", 1 << latin, ""}, {"sk", 1 << latin, "ĹĺĽľŔŕ"},
	{"sl", 1 << latin, ""}, {"so", 1 << latin, ""}, {"st", 1 << latin, ""},
	{"es", 1 << latin, "¿¡"}, {"sw", 1 << latin, ""}, {"sv", 1 << latin, ""},
	{"tl", 1 << latin, ""}, {"ta", 1 << tamil, ""}, {"te", 1 << telugu, ""},
	{"th", 1 << thai, ""}, {"ts", 1 << latin, ""}, {"tn", 1 << latin, ""},
	{"tr", 1 << latin, ""}, {"uk", 1 << cyrillic, "ҐґЄєЇї"}, {"ur", 1 << arabic, ""},
	{"vi", 1 << latin, "ẰằẦầẲẳẨẩẴẵẪẫẮắẤấẠạẶặẬậỀềẺẻỂểẼẽỄễẾếỆệỈỉĨĩỊịƠơỒồỜờỎỏỔổỞởỖỗỠỡỐốỚớỘộỢợƯưỪừỦủỬửŨũỮữỨứỤụỰựỲỳỶỷỸỹỴỵ"},
	{"cy", 1 << latin, ""}, {"xh", 1 << latin, ""}, {"yo", 1 << latin, "ŌōṢṣ"},
	{"zu", 1 << latin, ""},
}

const languageCount = len(languages)

// sharedLetters are letters only a few languages have, with those languages
// (lingua's constant.go charsToLanguagesMapping).
var sharedLetters = []struct{ letters, codes string }{
	{"Ãã", "pt vi"}, {"ĄąĘę", "lt pl"}, {"Żż", "pl ro"}, {"Îî", "fr ro"},
	{"Ññ", "eu es"}, {"ŇňŤť", "cs sk"}, {"Ăă", "ro vi"}, {"İıĞğ", "az tr"},
	{"ЈјЉљЊњ", "mk sr"}, {"ẸẹỌọ", "vi yo"}, {"ÐðÞþ", "is tr"}, {"Ûû", "fr hu"},
	{"Ōō", "mi yo"},
	{"ĀāĒēĪī", "lv mi yo"}, {"Şş", "az ro tr"}, {"Ďď", "cs ro sk"},
	{"Ćć", "bs hr pl"}, {"Đđ", "bs hr vi"}, {"Іі", "be kk uk"},
	{"Ìì", "it vi yo"}, {"Øø", "nb da nn"},
	{"Ūū", "lv lt mi yo"}, {"Ëë", "af sq nl fr"}, {"ÈèÙù", "fr it vi yo"},
	{"Êê", "af fr pt vi"}, {"Õõ", "et hu pt vi"}, {"Ôô", "fr pt sk vi"},
	{"ЁёЫыЭэ", "be kk mn ru"}, {"ЩщЪъ", "bg kk mn ru"}, {"Òò", "ca it vi yo"},
	{"Ææ", "nb da is nn"}, {"Åå", "nb da nn sv"},
	{"Ýý", "cs is sk tr vi"}, {"Ää", "et fi de sk sv"}, {"Àà", "ca fr it pt vi"},
	{"Ââ", "fr pt ro tr vi"},
	{"Üü", "az ca et de hu es tr"}, {"ČčŠšŽž", "bs cs hr lv lt sk sl"},
	{"Çç", "sq az eu ca fr pt tr"},
	{"Öö", "az et fi de hu is sv tr"},
	{"Óó", "ca hu is ga pl pt sk es vi yo"},
	{"ÁáÍíÚú", "ca cs is ga hu pt sk es vi yo"},
	{"Éé", "ca cs fr hu is ga it pt sk es vi yo"},
}

// rules are lingua's tables for a detector built from some of its
// languages, indexed for lookup. lingua's rules depend on which languages a
// detector tells: a letter of a language left out counts for nothing.
type rules struct {
	included [languageCount]bool
	// uniqueTo maps a letter to the included language that alone has it.
	uniqueTo map[rune]int
	// sharedBy maps a letter to the few languages that have it.
	sharedBy map[rune][]int
	// soleLanguage is, per alphabet, the only language of lingua written in
	// it if it is included, or -1.
	soleLanguage [alphabetCount]int
	// writtenIn lists, per alphabet, the included languages written in it.
	writtenIn [alphabetCount][]int
	all       []int
}

var (
	chinese, japanese = languageIndex("zh"), languageIndex("ja")
	// allRules are lingua's with every language.
	allRules = newRules(allCodes()...)
)

func allCodes() []string {
	codes := make([]string, languageCount)
	for i, l := range languages {
		codes[i] = l.code
	}
	return codes
}

// newRules builds the rules of a detector of the languages of codes.
func newRules(codes ...string) *rules {
	r := &rules{uniqueTo: map[rune]int{}, sharedBy: map[rune][]int{}}
	for _, code := range codes {
		r.included[languageIndex(code)] = true
	}
	var writers [alphabetCount][]int
	for lang, l := range languages {
		for a := range alphabetCount {
			if l.alphabets&(1<<a) != 0 {
				writers[a] = append(writers[a], lang)
			}
		}
		if !r.included[lang] {
			continue
		}
		for _, c := range l.unique {
			r.uniqueTo[c] = lang
		}
		for a := range alphabetCount {
			if l.alphabets&(1<<a) != 0 {
				r.writtenIn[a] = append(r.writtenIn[a], lang)
			}
		}
		r.all = append(r.all, lang)
	}
	for a, langs := range writers {
		r.soleLanguage[a] = -1
		if len(langs) == 1 && r.included[langs[0]] {
			r.soleLanguage[a] = langs[0]
		}
	}
	for _, s := range sharedLetters {
		var langs []int
		for _, code := range strings.Fields(s.codes) {
			langs = append(langs, languageIndex(code))
		}
		for _, c := range s.letters {
			r.sharedBy[c] = langs
		}
	}
	return r
}

// languageIndex returns code's index in languages, or -1.
func languageIndex(code string) int {
	for i, l := range languages {
		if l.code == code {
			return i
		}
	}
	return -1
}

// alphabetOfRune returns the alphabet r is in, or -1.
func alphabetOfRune(r rune) alphabet {
	if r < utf8.RuneSelf {
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			return latin
		}
		return -1
	}
	for _, a := range probeOrder {
		if unicode.Is(alphabetTables[a], r) {
			return a
		}
	}
	return -1
}

// probeOrder is the alphabets most letters are in first: they share no
// letter, so the order changes only the time.
var probeOrder = []alphabet{latin, cyrillic, arabic, armenian, georgian, devanagari, bengali,
	greek, hebrew, han, hiragana, katakana, hangul, thai, gujarati, gurmukhi, tamil, telugu}

// verdict is what lingua concludes of a text: the index of the most likely
// language, or -1, its confidence and the next language's.
type verdict struct {
	lang                 int
	confidence, runnerUp float64
}

var nothing = verdict{lang: -1}

// reading is a text as lingua reads it: its words, and what the models say
// of it, worked out once however many detectors weigh it.
type reading struct {
	words  []string
	scored *scores
}

// scores are the models' findings on a text: per language, the sum of the
// log-probabilities of its distinct trigrams as lingua works it out, and how
// many distinct trigrams it has.
type scores struct {
	sums     [languageCount]int64
	trigrams int
}

func read(text string) *reading {
	return &reading{words: letterRuns(strings.ToLower(text))}
}

// scores returns the models' findings on the text.
func (r *reading) scores() *scores {
	if r.scored == nil {
		r.scored = theModels().score(r.words)
	}
	return r.scored
}

// detect is lingua's ComputeLanguageConfidenceValues in low-accuracy mode
// for a detector of rs's languages, reduced to its two best values.
func (rs *rules) detect(r *reading) verdict {
	if len(r.words) == 0 {
		return nothing
	}
	if lang, decided := rs.byUniqueLetters(r.words); decided {
		if !rs.included[lang] {
			return nothing
		}
		return verdict{lang: lang, confidence: 1}
	}
	candidates := rs.candidates(r.words)
	switch len(candidates) {
	case 0:
		return nothing
	case 1:
		return verdict{lang: candidates[0], confidence: 1}
	}
	letters := 0
	for _, w := range r.words {
		letters += utf8.RuneCountInString(w)
	}
	if letters < 3 {
		return nothing
	}
	return softmax(r.scores(), candidates)
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
// whose letters it holds most of, among the letters of alphabets only one
// language is written in, Han (Chinese), Hiragana and Katakana (Japanese)
// and the letters only one language has; if most words vote alike, that is
// the answer, which may be a language the detector does not tell.
func (rs *rules) byUniqueLetters(words []string) (lang int, decided bool) {
	unknown := languageCount
	totals := make([]int, languageCount+1)
	counts := make([]int, languageCount)
	for _, w := range words {
		if !rs.countLetters(w, counts) {
			totals[unknown]++
			continue
		}
		totals[rs.wordVote(counts, unknown)]++
		clear(counts)
	}
	if float64(totals[unknown]) < float64(len(words))*0.5 {
		totals[unknown] = 0
	}
	if present(totals) == 2 && totals[chinese] > 0 && totals[japanese] > 0 {
		return japanese, true
	}
	best, second := topTwo(totals)
	switch {
	case best < 0 || best == unknown:
		return 0, false
	case second >= 0 && totals[best] == totals[second]:
		return 0, false
	}
	return best, true
}

// countLetters adds to counts the languages word's letters are unique to,
// and reports whether it added any.
func (rs *rules) countLetters(word string, counts []int) bool {
	counted := false
	for _, r := range word {
		if r < utf8.RuneSelf {
			continue // no language has an ASCII letter of its own
		}
		lang := -1
		switch a := alphabetOfRune(r); {
		case a >= 0 && rs.soleLanguage[a] >= 0:
			lang = rs.soleLanguage[a]
		case a == han:
			lang = chinese
		case a == hiragana || a == katakana:
			lang = japanese
		case a == latin || a == cyrillic || a == devanagari:
			if unique, ok := rs.uniqueTo[r]; ok {
				lang = unique
			}
		}
		if lang >= 0 {
			counts[lang]++
			counted = true
		}
	}
	return counted
}

// wordVote is the language a word's letter counts vote for, or unknown.
func (rs *rules) wordVote(counts []int, unknown int) int {
	switch present(counts) {
	case 0:
		return unknown
	case 1:
		if lang, _ := topTwo(counts); rs.included[lang] {
			return lang
		}
		return unknown
	}
	if counts[chinese] > 0 && counts[japanese] > 0 {
		return japanese
	}
	if best, second := topTwo(counts); counts[best] > counts[second] && rs.included[best] {
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

// candidates is lingua's second rule: the languages written in the alphabet
// most words are in, narrowed to those whose shared letters at least half
// the words hold, if any are. Where two alphabets have as many words, lingua
// takes either at random; this takes the first.
func (rs *rules) candidates(words []string) []int {
	top, tied := topAlphabet(words)
	if top < 0 || tied {
		return rs.all
	}
	filtered := rs.writtenIn[top]
	half := float64(len(words)) * 0.5
	votes := make([]int, languageCount)
	var seen []rune
	for _, w := range words {
		seen = seen[:0]
		for _, r := range w {
			// A word votes once per letter however often it holds it.
			if langs, ok := rs.sharedBy[r]; ok && !slices.Contains(seen, r) {
				seen = append(seen, r)
				for _, lang := range langs {
					votes[lang]++
				}
			}
		}
	}
	var subset []int
	for _, lang := range filtered {
		if float64(votes[lang]) >= half {
			subset = append(subset, lang)
		}
	}
	if len(subset) > 0 {
		return subset
	}
	return filtered
}

// topAlphabet returns the alphabet most words are in, the first on a tie,
// or -1, and whether every alphabet words are in has as many of them.
func topAlphabet(words []string) (top alphabet, tied bool) {
	var perAlphabet [alphabetCount]int
	for _, w := range words {
		if a := alphabetOf(w); a >= 0 {
			perAlphabet[a]++
		}
	}
	best, second := topTwo(perAlphabet[:])
	return alphabet(best), second >= 0 && allEqual(perAlphabet[:])
}

// alphabetOf returns the alphabet all of word's letters are in, or -1.
func alphabetOf(word string) alphabet {
	first, _ := utf8.DecodeRuneInString(word)
	a := alphabetOfRune(first)
	if a < 0 {
		return -1
	}
	for _, r := range word {
		if alphabetOfRune(r) != a {
			return -1
		}
	}
	return a
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

// score works out every language's scores of the text. Each trigram adds
// the entries of itself, its bigram prefix and its first letter (see
// models): the prefixes of the sorted trigrams come in runs, looked up once
// each.
func (m *models) score(words []string) *scores {
	var trigrams []uint64
	for _, w := range words {
		var a, b rune
		n := 0
		for _, r := range w {
			if n >= 2 {
				trigrams = append(trigrams, ngramKey(a, b, r))
			}
			a, b, n = b, r, n+1
		}
	}
	slices.Sort(trigrams)
	trigrams = slices.Compact(trigrams)

	s := &scores{trigrams: len(trigrams)}
	for _, t := range trigrams {
		langs, values := m.lookUp(t)
		for i, lang := range langs {
			s.sums[lang] += int64(values[i])
		}
	}
	for _, order := range []int{2, 1} {
		for i := 0; i < len(trigrams); {
			key, run := prefixKey(trigrams[i], order), 1
			for i+run < len(trigrams) && prefixKey(trigrams[i+run], order) == key {
				run++
			}
			langs, values := m.lookUp(key)
			for j, lang := range langs {
				s.sums[lang] += int64(values[j]) * int64(run)
			}
			i += run
		}
	}
	return s
}

// softmax turns the candidates' sums into the best one's confidence and the
// runner-up's. A language none of whose n-grams were found sums to 0 and, as
// in lingua, takes no part.
func softmax(s *scores, candidates []int) verdict {
	sums := s.sums
	best, second := -1, -1
	for _, lang := range candidates {
		sum := sums[lang]
		switch {
		case sum >= 0:
		case best < 0 || sum > sums[best]:
			best, second = lang, best
		case second < 0 || sum > sums[second]:
			second = lang
		}
	}
	if best < 0 {
		return nothing
	}
	total := 0.0
	for _, lang := range candidates {
		if sums[lang] < 0 {
			total += math.Exp(float64(sums[lang]-sums[best]) / scale)
		}
	}
	v := verdict{lang: best, confidence: 1 / total}
	if second >= 0 {
		v.runnerUp = math.Exp(float64(sums[second]-sums[best])/scale) / total
	}
	return v
}
