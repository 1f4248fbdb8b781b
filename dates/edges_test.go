package dates

import "testing"

// TestDigitEdges: the first and last digit of each of the three ranges is
// a digit; the runes either side are not.
func TestDigitEdges(t *testing.T) {
	for r, want := range map[rune]int{
		'0': 0, '9': 9, '/': -1, ':': -1,
		'\u0660': 0, '\u0669': 9, '\u065f': -1, '\u066a': -1,
		'\u06f0': 0, '\u06f9': 9, '\u06ef': -1, '\u06fa': -1,
	} {
		if got := digit(r); got != want {
			t.Errorf("digit(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestNextDigitEdges: the byte scan finds the same digits, and nothing in
// the bytes of the runes next to them or in a lead byte that ends the text.
func TestNextDigitEdges(t *testing.T) {
	for s, want := range map[string]int{
		"ab9": 2, "ab:": -1,
		"a\u0660": 1, "a\u0669": 1, "a\u065f": -1, "a\u066a": -1,
		"a\u06f0": 1, "a\u06f9": 1, "a\u06ef": -1, "a\u06fa": -1,
		"a\xd9": -1, "a\xdb": -1,
	} {
		if got := nextDigit(s, 0, len(s)); got != want {
			t.Errorf("nextDigit(%q) = %d, want %d", s, got, want)
		}
	}
}
