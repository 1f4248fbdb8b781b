package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceLeads checks the table scans rely on to skip bytes: it marks the
// first byte of every rune isSpace reports.
func TestSpaceLeads(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) && !spaceLeads[utf8.AppendRune(nil, r)[0]] {
			t.Errorf("spaceLeads misses the first byte of %U", r)
		}
	}
}

var spaceCases = []string{
	"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\u00A0b", "a\u200Bb", "\uFEFFa", "a\u3000",
	"ქართული ენა", "ქართ\u1680ული", "Ханкенди —  Шуша", "a\xffb", "\xe2\x80 b", "a \xe1\x9a", "a\u0085b c",
}

// FuzzSpaces checks tidy and wordCount against the plain definitions they
// speed up.
func FuzzSpaces(f *testing.F) {
	for _, s := range spaceCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tidy(s), strings.Join(strings.FieldsFunc(s, isSpace), " "); got != want {
			t.Errorf("tidy(%q) = %q, want %q", s, got, want)
		}
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}

func FuzzHasLowerSuffix(f *testing.F) {
	for _, s := range []string{"Read the full article", "READ THE FULL ARTİCLE", "x read the full article", "article", "\xffarticle"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, suffix := range []string{"read the full article", "article", "k"} {
			if got, want := hasLowerSuffix(s, suffix), strings.HasSuffix(strings.ToLower(s), suffix); got != want {
				t.Errorf("hasLowerSuffix(%q, %q) = %v, want %v", s, suffix, got, want)
			}
		}
	})
}
