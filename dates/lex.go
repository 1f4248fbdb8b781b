package dates

import (
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	number kind = iota + 1 // a run of digits, Western, Arabic-Indic or Persian
	word                   // a run of letters and marks
	punct                  // one other rune that is not a space
)

// token is a span of the text being read.
type token struct {
	kind       kind
	r          rune // the rune of a punct token
	start, end int  // byte span
	val        int  // a number's value, -1 when it has more than 9 digits
	digits     int  // a number's digits
}

const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// digit returns the value of a Western, Arabic-Indic (٠-٩) or Persian (۰-۹)
// digit, or -1.
func digit(r rune) int {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0')
	case 0x660 <= r && r <= 0x669:
		return int(r - 0x660)
	case 0x6f0 <= r && r <= 0x6f9:
		return int(r - 0x6f0)
	}
	return -1
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || r == zwnj || r == zwj
}

// isSpace is true for spaces and for invisible format runes (direction marks,
// byte-order marks), which Persian and Arabic dates often hold.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

// lex appends the tokens of s[from:to] to buf; the last token may run past to.
func lex(s string, from, to int, buf []token) []token {
	for i := from; i < to; {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		t := token{start: i}
		switch {
		case digit(r) >= 0:
			t.kind = number
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				d := digit(r)
				if d < 0 {
					break
				}
				if t.digits < 9 {
					t.val = t.val*10 + d
				}
				t.digits++
				i += size
			}
			if t.digits > 9 {
				t.val = -1
			}
		case isWordRune(r) && r != zwnj && r != zwj:
			t.kind = word
			for i += size; i < len(s); i += size {
				if r, size = utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
					break
				}
			}
		case isSpace(r):
			i += size
			continue
		default:
			t.kind, t.r = punct, r
			i += size
		}
		t.end = i
		buf = append(buf, t)
	}
	return buf
}

// nextDigit returns the offset of the first digit in s[from:to], or -1.
// Persian and Arabic-Indic digits are U+0660–0669 (UTF-8 D9 A0–A9) and
// U+06F0–06F9 (DB B0–B9), so a byte scan finds every digit.
func nextDigit(s string, from, to int) int {
	for i := from; i < to; i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			return i
		case c == 0xd9 && i+1 < len(s) && 0xa0 <= s[i+1] && s[i+1] <= 0xa9,
			c == 0xdb && i+1 < len(s) && 0xb0 <= s[i+1] && s[i+1] <= 0xb9:
			return i
		}
	}
	return -1
}

// foldAppend appends the folded form of s to dst: lower case, with the
// letters that are written interchangeably made one (Turkish ı and i, Greek
// accented and plain vowels, final and medial sigma, ё and е, the Arabic and
// Persian shapes of yeh, kaf, alef and heh), and with ZWNJ, ZWJ, tatweel and
// Arabic short-vowel marks dropped.
func foldAppend(dst []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ı':
			r = 'i'
		case 'ς':
			r = 'σ'
		case 'ά':
			r = 'α'
		case 'έ':
			r = 'ε'
		case 'ή':
			r = 'η'
		case 'ί', 'ϊ', 'ΐ':
			r = 'ι'
		case 'ό':
			r = 'ο'
		case 'ύ', 'ϋ', 'ΰ':
			r = 'υ'
		case 'ώ':
			r = 'ω'
		case 'ё':
			r = 'е'
		case 'ي', 'ى':
			r = 'ی'
		case 'ك':
			r = 'ک'
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ۀ':
			r = 'ه'
		case zwnj, zwj, 'ـ':
			continue
		}
		if 0x64b <= r && r <= 0x65f || r == 0x670 {
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func fold(s string) string { return string(foldAppend(nil, s)) }
