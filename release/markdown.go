package release

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// # Text in Markdown
//
// The card and the diff put names that come from outside — file names,
// record ids, outlets — into Markdown tables and lists. [markdownCode]
// writes such a name so that it renders as itself and cannot end a table
// cell, a list item or a code span: as a code span when the name has no
// character that matters inside one, else as escaped text ([markdownText]).
// [unmarkdown] reads either spelling back.

// markdownCode writes s as a code span, or as escaped text when a code span
// cannot hold it.
func markdownCode(s string) string {
	if s != "" && !strings.ContainsAny(s, "`|") && strings.TrimSpace(s) == s && utf8.ValidString(s) && !hasControl(s) {
		return "`" + s + "`"
	}
	return markdownText(s)
}

// markdownText escapes s to render as itself inline, in a table cell or
// after a list marker: every ASCII punctuation character that Markdown
// reads (and any at the start, which could open a block) gets a backslash,
// a number followed by '.' or ')' at the start cannot open a list, a
// control character is written as Go writes it in a string (\n, \x00), as
// is a byte of invalid UTF-8 (\xff), and a space at either end — any that
// a table cell's trimming would drop, U+2002 as much as ' ' — is kept as a
// character reference (&#32;).
func markdownText(s string) string {
	var b strings.Builder
	digits := true // s starts with digits so far
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], string(utf8.RuneError)):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unicode.IsControl(r):
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
		case unicode.IsSpace(r) && (i == 0 || i+utf8.RuneLen(r) == len(s)):
			fmt.Fprintf(&b, "&#%d;", r)
		case r < utf8.RuneSelf && asciiPunct(byte(r)):
			if i == 0 || strings.ContainsRune(inlinePunct, r) || digits && (r == '.' || r == ')') {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		digits = digits && r >= '0' && r <= '9'
	}
	return b.String()
}

// inlinePunct are the characters Markdown (CommonMark, with GitHub's tables,
// strikethrough and the Hub's maths) reads anywhere in a line.
const inlinePunct = "\\`*_[]<>|~&$"

// asciiPunct tells whether c is what CommonMark calls ASCII punctuation,
// which a backslash escapes.
func asciiPunct(c byte) bool {
	return c < utf8.RuneSelf && (unicode.IsPunct(rune(c)) || unicode.IsSymbol(rune(c)))
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

// unmarkdown reads back what markdownCode wrote, cell holding one name with
// the spaces around it trimmed.
func unmarkdown(cell string) (string, error) {
	if inner, ok := strings.CutPrefix(cell, "`"); ok {
		if inner, ok := strings.CutSuffix(inner, "`"); ok && !strings.Contains(inner, "`") {
			return inner, nil
		}
	}
	var b strings.Builder
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		switch {
		case strings.HasPrefix(cell[i:], "&#"):
			// Only markdownText writes "&#" unescaped: a '&' of the name is "\&".
			code, rest, ok := strings.Cut(cell[i+len("&#"):], ";")
			n, err := strconv.ParseUint(code, 10, 21)
			if !ok || err != nil || !utf8.ValidRune(rune(n)) {
				return "", fmt.Errorf("bad character reference at byte %d of %q", i, cell)
			}
			b.WriteRune(rune(n))
			i = len(cell) - len(rest) - 1
		case c == '\\' && i+1 < len(cell) && asciiPunct(cell[i+1]):
			b.WriteByte(cell[i+1])
			i++
		case c == '\\':
			r, multibyte, tail, err := strconv.UnquoteChar(cell[i:], '"')
			if err != nil {
				return "", err
			}
			if multibyte {
				b.WriteRune(r)
			} else {
				b.WriteByte(byte(r))
			}
			i = len(cell) - len(tail) - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
