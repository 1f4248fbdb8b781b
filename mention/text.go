package mention

import (
	"unicode"
	"unicode/utf8"
)

// token is a run of letters, marks and digits in a text. Its offsets are
// int32, as in schema.Mention, and it holds no pointers, so a body's many
// tokens are small and the garbage collector need not scan them.
type token struct {
	start, end       int32 // code-point offsets, end exclusive
	from, to         int32 // byte offsets in the text
	foldFrom, foldTo int32 // byte offsets in the folded words
	hashtag          bool  // written right after '#' or a handle's '@'
	capital          bool  // starts with a capital (startsUpper)
	used             bool  // inside a mention Find has found
}

// tokenized is a text split into tokens.
type tokenized struct {
	text   string
	tokens []token
	folded string // the tokens folded for matching, one after another
	buf    []byte // where folded is built
}

// word returns token k folded.
func (t *tokenized) word(k int) string {
	return t.folded[t.tokens[k].foldFrom:t.tokens[k].foldTo]
}

// gap returns the text between token k and the one before it.
func (t *tokenized) gap(k int) string { return t.text[t.tokens[k-1].to:t.tokens[k].from] }

// capital reports whether token k starts with a capital.
func (t *tokenized) capital(k int) bool { return t.tokens[k].capital }

type runeInfo struct {
	word, joiner, upper bool // isWordRune, isJoiner, startsUpper
	folded              rune // foldRune outside Turkic text
}

// lowRunes caches runeInfo below U+0800, for the Latin, Cyrillic, Armenian
// and Arabic letters of the region's text, so most runes skip the binary
// searches in unicode's tables.
var lowRunes = func() (t [0x800]runeInfo) {
	for r := range t {
		t[r] = runeInfo{word: letterMarkOrDigit(rune(r)), upper: !unicode.IsLower(rune(r)), folded: unicode.ToLower(rune(r))}
	}
	// foldRune's rules, not unicode's: İ is i; ё is written е as often as
	// not; Arabic and Persian text write the same name with either's ya,
	// kaf, alef and ta marbuta.
	for from, to := range map[rune]rune{'İ': 'i', 'ё': 'е', 'Ё': 'е',
		'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ۀ': 'ه', 'ة': 'ه'} {
		t[from].folded = to
	}
	// Joiners sit inside words and are dropped when folding: the soft
	// hyphen, the Arabic tatweel and vowel marks (Persian's zero-width
	// non-joiner is above the table).
	for _, r := range append([]rune{0xAD, 0x640, 0x670}, runeRange(0x64B, 0x65F)...) {
		t[r] = runeInfo{joiner: true}
	}
	return t
}()

func runeRange(from, to rune) []rune {
	var out []rune
	for r := from; r <= to; r++ {
		out = append(out, r)
	}
	return out
}

func isWordRune(r rune) bool {
	if uint32(r) < uint32(len(lowRunes)) {
		return lowRunes[r].word
	}
	return letterMarkOrDigit(r)
}

// isJoiner reports a rune that continues a word it is inside but is no
// letter of it: "قره‌باغ" (with a zero-width non-joiner) is "قرهباغ".
func isJoiner(r rune) bool {
	if uint32(r) < uint32(len(lowRunes)) {
		return lowRunes[r].joiner
	}
	return r == 0x200C || r == 0x200D
}

func letterMarkOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// split splits text into word tokens, folded for matching, reusing t's
// memory.
func (t *tokenized) split(text string, turkic bool) {
	tokens, folded := t.tokens[:0], t.buf[:0]
	var word token // the token being read, if open
	open := false
	var cp int32 // code points before i
	for i, r := range text {
		switch {
		case r < utf8.RuneSelf && lowRunes[r].word: // ASCII letters and digits: the common case, inlined
			if !open {
				word = token{start: cp, from: int32(i), foldFrom: int32(len(folded)), hashtag: tagged(text, i), capital: lowRunes[r].upper}
				open = true
			}
			if r == 'I' && turkic {
				folded = append(folded, "ı"...)
			} else {
				folded = append(folded, byte(lowRunes[r].folded))
			}
		case r >= utf8.RuneSelf && isWordRune(r):
			if !open {
				word = token{start: cp, from: int32(i), foldFrom: int32(len(folded)), hashtag: tagged(text, i), capital: startsUpper(r)}
				open = true
			}
			folded = appendFoldRune(folded, r, turkic)
		case open && isJoiner(r):
		case open:
			tokens, open = append(tokens, word.endAt(cp, i, len(folded))), false
		}
		cp++
	}
	if open {
		tokens = append(tokens, word.endAt(cp, len(text), len(folded)))
	}
	*t = tokenized{text: text, tokens: tokens, folded: string(folded), buf: folded}
}

// tagged reports a word at byte i written right after '#', or after an '@'
// that starts a handle (@NikolPashinyan), not an address (info@azertac.az).
func tagged(text string, i int) bool {
	switch {
	case i == 0:
		return false
	case text[i-1] == '#':
		return true
	case text[i-1] != '@':
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i-1])
	return i == 1 || !isWordRune(before) && before != '.' && before != '_' && before != '-'
}

// endAt returns the token ending at code point end, byte to and folded byte
// foldTo.
func (t token) endAt(end int32, to, foldTo int) token {
	t.end, t.to, t.foldTo = end, int32(to), int32(foldTo)
	return t
}

// appendFold appends word lower-cased for matching to dst.
func appendFold(dst []byte, word []rune, turkic bool) []byte {
	for _, r := range word {
		dst = appendFoldRune(dst, r, turkic)
	}
	return dst
}

// appendFoldRune appends r folded to dst, which holds the word so far.
// Joiners are dropped, and Armenian ev is one spelling whether written
// "և", "եւ" or "ԵՎ" (Երևան, Երեւան).
func appendFoldRune(dst []byte, r rune, turkic bool) []byte {
	switch {
	case r < utf8.RuneSelf && (r != 'I' || !turkic):
		return append(dst, byte(lowRunes[r].folded))
	case isJoiner(r):
		return dst
	case r == 'և':
		return append(dst, "եվ"...)
	case (r == 'ւ' || r == 'Ւ') && len(dst) >= len("ե") && string(dst[len(dst)-len("ե"):]) == "ե":
		return utf8.AppendRune(dst, 'վ')
	}
	return utf8.AppendRune(dst, foldRune(r, turkic))
}

// foldRune lower-cases a letter. In Azerbaijani and Turkish, I is the
// capital of dotless ı and İ of i; elsewhere both capitals are i.
func foldRune(r rune, turkic bool) rune {
	switch {
	case r == 'I' && turkic:
		return 'ı'
	case uint32(r) < uint32(len(lowRunes)):
		return lowRunes[r].folded // İ to i as well
	}
	return unicode.ToLower(r)
}

// separator classes the text between two tokens of one name: a space or
// hyphen ("Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno- Karabakh" are
// one name), an apostrophe ("UN Children's Fund") or an abbreviation's dot
// ("U.N.", "U.S. Agency"). Any other text, a line break included, ends a name.
func separator(between string) (string, bool) {
	switch between {
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
// letter case, as names are. Georgian counts as one: its capitals
// (Mtavruli) are for headlines only, and its letters are all small.
func startsUpper(r rune) bool {
	if uint32(r) < uint32(len(lowRunes)) {
		return lowRunes[r].upper
	}
	return !unicode.IsLower(r) || unicode.Is(unicode.Georgian, r)
}

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
