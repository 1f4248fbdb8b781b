package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a run of letters, marks and digits in a body.
type token struct {
	start, end int // code-point offsets, end exclusive
	folded     string
	hashtag    bool // written right after '#'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) }

// tokenize splits text into word tokens, folded for matching. The folded
// words are slices of one folded copy of the text, so a body costs two
// allocations, not one per word.
func tokenize(text []rune, turkic bool) []token {
	var tokens []token
	folded := make([]byte, 0, len(text))
	var spans [][2]int // each token's bytes in folded
	for i := 0; i < len(text); {
		if !isWordRune(text[i]) {
			i++
			continue
		}
		j, from := i, len(folded)
		for j < len(text) && isWordRune(text[j]) {
			folded = utf8.AppendRune(folded, foldRune(text[j], turkic))
			j++
		}
		tokens = append(tokens, token{start: i, end: j, hashtag: i > 0 && text[i-1] == '#'})
		spans = append(spans, [2]int{from, len(folded)})
		i = j
	}
	all := string(folded)
	for k := range tokens {
		tokens[k].folded = all[spans[k][0]:spans[k][1]]
	}
	return tokens
}

// fold lower-cases a word for matching.
func fold(word []rune, turkic bool) string {
	var b strings.Builder
	for _, r := range word {
		b.WriteRune(foldRune(r, turkic))
	}
	return b.String()
}

// foldRune lower-cases a letter. In Azerbaijani and Turkish, I is the
// capital of dotless ı and İ of i; elsewhere both capitals are i.
func foldRune(r rune, turkic bool) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			if r == 'I' && turkic {
				return 'ı'
			}
			return r + 'a' - 'A'
		}
		return r
	case r == 'İ':
		return 'i'
	}
	return unicode.ToLower(r)
}

// separator classes the text between two tokens of one name: a space or
// hyphen ("Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno- Karabakh" are
// one name), an apostrophe ("UN Children's Fund") or an abbreviation's dot
// ("U.N.", "U.S. Agency"). Any other text, a line break included, ends a name.
func separator(between []rune) (string, bool) {
	switch string(between) {
	case "'", "’":
		return "'", true
	case ".", ". ":
		return ".", true
	}
	dashes := 0
	for _, r := range between {
		switch {
		case r == '-' || r == '‐' || r == '‑' || r == '–':
			dashes++
		case r == '\n' || !unicode.IsSpace(r):
			return "", false
		}
	}
	return " ", len(between) > 0 && dashes <= 1
}

// startsUpper reports a word written with a capital, or in a script without
// letter case (Georgian), as names are.
func startsUpper(r rune) bool { return !unicode.IsLower(r) }

// isAcronym reports an alias of at most five letters, all capitals (UN, NKR),
// which matches only as written.
func isAcronym(alias string) bool {
	letters := 0
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0 && letters <= 5
}

// camelBoundaries returns where the words of a hashtag start: at 0 and at each
// capital after a small letter or digit ("Shusha|is|Azerbaijan" starts at 0
// and 8).
func camelBoundaries(tag []rune) []int {
	bounds := []int{0}
	for i := 1; i < len(tag); i++ {
		if unicode.IsUpper(tag[i]) && !unicode.IsUpper(tag[i-1]) {
			bounds = append(bounds, i)
		}
	}
	return bounds
}
