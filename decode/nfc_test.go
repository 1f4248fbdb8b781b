package decode

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzNFC checks nfc against norm, whose work its table test skips.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{
		"", "Şuşa", "Xanke\u0301ndi", "ქართული", "«Ханкенди» — 2023", "\u1100\u1161\u11A8", "a\u0301\u0300",
		"\u0958", "\u212B", "e\u0301\u0327", "😀 é", "a\xffb", "\xe2\x80", "\uFFFD", "\u0344\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Errorf("nfc(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNFCStarters checks text of the table's runes is in NFC, each rune
// doubled between two others from across the table.
func TestNFCStarters(t *testing.T) {
	starters := nfcStarters()
	var runes []rune
	for r := rune(0); r < 0x10000; r++ {
		if starters[r/64]&(1<<(r%64)) != 0 {
			runes = append(runes, r)
		}
	}
	for i, r := range runes {
		// Neighbours from across the table, including the rune itself.
		s := string([]rune{runes[(i*7919)%len(runes)], r, r, runes[(i*104729+1)%len(runes)]})
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%+q is not in NFC", s)
		}
	}
}
