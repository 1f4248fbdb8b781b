package release

import (
	"strconv"
	"strings"
	"unicode"
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
	if s != "" && !strings.ContainsAny(s, "`|") && strings.TrimSpace(s) == s && !hasControl(s) {
		return "`" + s + "`"
	}
	return markdownText(s)
}

// markdownText escapes s to render as itself inline, in a table cell or
// after a list marker: every ASCII punctuation character that Markdown
// reads (and any at the start, which could open a block) gets a backslash,
// a number followed by '.' or ')' at the start cannot open a list, a
// control character is written as Go writes it in a string (\n, \x00), and
// spaces at the ends are kept as character references.
func markdownText(s string) string {
	var b strings.Builder
	digits := true // s starts with digits so far
	for i, r := range s {
		switch {
		case r == ' ' && (i == 0 || i == len(s)-1):
			b.WriteString("&#32;")
		case unicode.IsControl(r):
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
		case r < 0x80 && unicode.IsPunct(r) || r < 0x80 && unicode.IsSymbol(r):
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
		case strings.HasPrefix(cell[i:], "&#32;"):
			b.WriteByte(' ')
			i += len("&#32;") - 1
		case c == '\\' && i+1 < len(cell) && unicode.IsPunct(rune(cell[i+1])) || c == '\\' && i+1 < len(cell) && unicode.IsSymbol(rune(cell[i+1])):
			b.WriteByte(cell[i+1])
			i++
		case c == '\\':
			r, _, tail, err := strconv.UnquoteChar(cell[i:], '"')
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
			i = len(cell) - len(tail) - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
