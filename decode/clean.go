package decode

import "strings"

// Clean returns s without control characters (Unicode class Cc) other than
// newline and tab, the one rule for every text a record holds: a form feed,
// vertical tab or NEL (U+0085) becomes a newline, which is what it meant;
// any other control character (NUL, escape, DEL, the C1 range) is dropped.
// Every decoded text has passed it; text made after decoding, as HTML
// character references make it (&#1;), must pass it too.
func Clean(s string) string {
	first := firstControl(s)
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for _, r := range s[first:] {
		switch {
		case r == '\f' || r == '\v' || r == '\u0085':
			b.WriteByte('\n')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstControl is the byte offset of the first control character Clean
// changes, or -1. It reads bytes, not runes: a C1 control is C2 80 to C2 9F
// in UTF-8.
func firstControl(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7F,
			c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
			return i
		}
	}
	return -1
}

// isControl reports a control character other than newline and tab.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F
}
