package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stopwords.tsv holds the stop words of each language (its format and
// sources are in the file).
//
//go:embed stopwords.tsv
var stopwordData string

// langSet is a set of languages of the stop-word table, one bit each.
type langSet uint64

// stoplist indexes stopwords.tsv: each word, with the languages it is a
// stop word of.
type stoplist struct {
	words map[string]langSet
	langs []string // language codes by bit
}

var stopwords = sync.OnceValue(func() *stoplist {
	sl := &stoplist{words: make(map[string]langSet, 20000)}
	bit := map[string]int{}
	for _, row := range strings.Split(stopwordData, "\n") {
		lang, word, ok := strings.Cut(row, "\t")
		if !ok || strings.HasPrefix(row, "#") {
			continue
		}
		b, known := bit[lang]
		if !known {
			b = len(sl.langs)
			if b == 64 {
				panic("extract: stopwords.tsv: more than 64 languages") // the embedded file is tested
			}
			bit[lang] = b
			sl.langs = append(sl.langs, lang)
		}
		sl.words[word] |= 1 << b
	}
	return sl
})

// maxPageWords is how many words of a page tell its language: enough for
// the stop words of its text to outnumber those of its chrome.
const maxPageWords = 600

// maxProfileWords bounds the words a line's statistics are read from, so
// that a 10 MB line costs no more than a paragraph.
const maxProfileWords = 400

// stopLanguage is the language whose stop words are most frequent in lines,
// or -1 when no stop word is found: the page's language for the classifier,
// told cheaply.
func stopLanguage(lines []string) int {
	var counts [64]int
	var buf []byte
	n := 0
	for _, l := range lines {
		for w := range words(l, unicode.IsSpace) {
			if n++; n > maxPageWords {
				break
			}
			var set langSet
			set, buf = stopSet(w, buf)
			for ; set != 0; set &= set - 1 {
				counts[lowestBit(set)]++
			}
		}
	}
	best := -1
	for i, c := range counts {
		if c > 0 && (best < 0 || c > counts[best]) {
			best = i
		}
	}
	return best
}

func lowestBit(s langSet) int {
	n := 0
	for s&1 == 0 {
		s >>= 1
		n++
	}
	return n
}

// stopShare is the share of a line's words that are stop words of the
// language (any language when lang is -1), and the number of words read.
func stopShare(line string, lang int) (share float64, n int) {
	stop := 0
	var buf []byte
	for w := range words(line, unicode.IsSpace) {
		if n++; n > maxProfileWords {
			n--
			break
		}
		var set langSet
		set, buf = stopSet(w, buf)
		if lang < 0 && set != 0 || lang >= 0 && set&(1<<lang) != 0 {
			stop++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(stop) / float64(n), n
}

// isStopWord reports a stop word of the language.
func isStopWord(w string, lang int) bool {
	set := stopwords().words[normalWord(w)]
	return lang < 0 && set != 0 || lang >= 0 && set&(1<<lang) != 0
}

// normalWord is a word as stopwords.tsv writes it: lower case, without the
// punctuation around it.
func normalWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}

// stopSet looks a word up in the stop-word table as normalWord writes it,
// lower-casing into buf rather than a new string.
func stopSet(w string, buf []byte) (langSet, []byte) {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if isLowerASCII(w) {
		return stopwords().words[w], buf
	}
	buf = buf[:0]
	for _, r := range w {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return stopwords().words[string(buf)], buf
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return false
		}
	}
	return true
}
