package outlet

import (
	"strings"
	"testing"
)

// The tests of this file pin the boundaries of the package's rules, one
// rule a case: each was written against a change of the code (a < for a
// <=, a condition negated) that the other tests let through.

// TestTidy checks tidy's rule, one line of single spaces without zero-width
// characters, on the lines its fast path must not take for tidy.
func TestTidy(t *testing.T) {
	for in, want := range map[string]string{
		"Source: Reuters":       "Source: Reuters",
		"Source:  Reuters":      "Source: Reuters",
		"Source:\tReuters":      "Source: Reuters",
		"Source:\u00a0Reuters":  "Source: Reuters", // a no-break space
		"Source: Reu\u200bters": "Source: Reuters",
		"Агентство  ТАСС":       "Агентство ТАСС", // no ASCII letter before the spaces
		"é  Reuters":            "é Reuters",      // the spaces right after a character of two bytes
		"  AA  ":                "AA",
		"":                      "",
	} {
		if got := tidy(in); got != want {
			t.Errorf("tidy(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadTail checks that head and tail cut at a character boundary, keep
// a string that fits whole, and survive bytes that start no character.
func TestHeadTail(t *testing.T) {
	for _, c := range []struct {
		s          string
		n          int
		head, tail string
	}{
		{"ééé", 3, "é", "é"},
		{"ééé", 6, "ééé", "ééé"},
		{"abc", 5, "abc", "abc"},
		{"\x80ab", 3, "\x80ab", "\x80ab"},
		{strings.Repeat("\x80", 10), 4, "", ""},
	} {
		if got := head(c.s, c.n); got != c.head {
			t.Errorf("head(%q, %d) = %q, want %q", c.s, c.n, got, c.head)
		}
		if got := tail(c.s, c.n); got != c.tail {
			t.Errorf("tail(%q, %d) = %q, want %q", c.s, c.n, got, c.tail)
		}
	}
}

// TestFirstSentence checks where a credited name's sentence ends: at the
// first ". " after a word of three letters or more, not after no word.
func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Ria News Now. And more":      "Ria News Now",
		"U.S. News. More":             "U.S. News",
		". The Herald. All rights":    ". The Herald",
		"S. . The Herald. All rights": "S. . The Herald",
		"No sentence end":             "No sentence end",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCutLabel checks that a label is cut at its first separator, within
// 32 bytes, and that a line opening with a separator has no label.
func TestCutLabel(t *testing.T) {
	label32 := strings.Repeat("x", 32)
	for _, c := range []struct {
		line, label, value string
		ok                 bool
	}{
		{"Source: Reuters - AP", "Source", "Reuters - AP", true},
		{"Source - Reuters: AP", "Source", "Reuters: AP", true},
		{label32 + ": v", label32, "v", true},
		{label32 + " — v", label32, "v", true},
		{label32 + "x: v", "", "", false},
		{": Reuters", "", "", false},
	} {
		label, value, ok := cutLabel(c.line)
		if label != c.label || value != c.value || ok != c.ok {
			t.Errorf("cutLabel(%q) = %q %q %v, want %q %q %v", c.line, label, value, ok, c.label, c.value, c.ok)
		}
	}
}

// TestCreditBoundaries checks the limits of the forms of a credit: a line
// of headBytes is still read for an agency alone, a copyright's unknown
// name has at most maxNameWords words, a dateline's place may be two
// letters.
func TestCreditBoundaries(t *testing.T) {
	reg := builtinRegistry(t)
	type want struct{ Name, Form string }
	for _, c := range []struct {
		line string
		want want
	}{
		{"AA" + strings.Repeat(" ", headBytes-2), want{"Anadolu Agency", FormAgency}},
		{"© 2024 Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", want{"Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", FormCopyright}},
		{"© 2024 Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota", want{}},
		{"NY (AP) — Officials said.", want{"Associated Press", FormDateline}},
		{"Source: Reuters - AP", want{"Reuters", FormSource}},
	} {
		got, ok := reg.Credit(c.line)
		if g := (want{got.Outlet.Name, got.Form}); g != c.want || ok != (c.want != want{}) {
			t.Errorf("Credit(%q) = %+v %v, want %+v", c.line, g, ok, c.want)
		}
	}
}
