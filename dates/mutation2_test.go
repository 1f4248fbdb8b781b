package dates

import (
	"strings"
	"testing"
)

// TestParseDatelinePlace: the place of a bracketed dateline is one to four
// capitalised words, no more.
func TestParseDatelinePlace(t *testing.T) {
	p, ok := Parse("(Port Of Spain Harbour, 9 October 2023)", retrieved)
	want{"(Port Of Spain Harbour, 9 October 2023)", "2023-10-09", "day", ""}.check(t, "Parse", p, ok)
	if p, ok := Parse("(Port Of Spain Old Harbour, 9 October 2023)", retrieved); ok {
		t.Errorf("Parse of a five-word place = %s, want no date", p.Date)
	}
}

// TestDigitsEnd: the run of digits ends after its last digit, Western or
// Persian, whichever digit it is.
func TestDigitsEnd(t *testing.T) {
	for s, end := range map[string]int{"9 x": 1, "10 x": 2, "5 7": 1, "2019 x": 4, "۱۴۰۲ x": 8, "٩ x": 2} {
		if got := digitsEnd(s, 0); got != end {
			t.Errorf("digitsEnd(%q, 0) = %d, want %d", s, got, end)
		}
	}
}

// TestFindWindowFollowsDigits: a window reaches past every digit within
// reach of the one before, so a date whose day stands far from the line's
// first number is read whole, with its year.
func TestFindWindowFollowsDigits(t *testing.T) {
	line := "Room 7 " + strings.Repeat("a ", 59) + "27 September 2023"
	f, ok := Find(line, retrieved)
	if !ok || f.Text != "27 September 2023" || !f.Resolved || f.Date.String() != "2023-09-27" {
		t.Errorf("Find(%q) = %q %s resolved=%v %v, want 27 September 2023", line, f.Text, f.Date, f.Resolved, ok)
	}
	if start, end := window(line, 5); start != 0 || end != len(line) {
		t.Errorf("window = [%d:%d], want the whole line [0:%d]", start, end, len(line))
	}
}
