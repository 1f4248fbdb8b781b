package decode

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// TestDecodeControlShare: text may hold control bytes up to 1% of its
// sample; past that it is binary.
func TestDecodeControlShare(t *testing.T) {
	onePercent := []byte(strings.Repeat("a", 99) + "\x1b")
	if got, err := Decode(onePercent); err != nil || got.Text != strings.Repeat("a", 99) {
		t.Errorf("1%% control bytes: Decode = %q, %v; want text without them", got.Text, err)
	}
	if _, err := Decode([]byte(strings.Repeat("a", 98) + "\x1b\x1b")); !errors.Is(err, ErrBinary) {
		t.Errorf("2%% control bytes: Decode error %v, want binary content", err)
	}
}

// TestDecodeWideAtTheBounds: UTF-16 and UTF-32 without a byte-order mark are
// told at the bounds of wideText's rules — four units of each byte position,
// a twentieth of the units outside plane 0, zero high bytes in a tenth of
// the units, one unit in fifty with a zero low byte — and NUL bytes at every
// position are binary content.
func TestDecodeWideAtTheBounds(t *testing.T) {
	utf16le := func(s string) []byte { return encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), s) }
	// Cyrillic letters have no zero byte in UTF-16; spaces at units 9, 19
	// (odd) and 28, 38 (even) put their NULs at byte positions 3 and 1
	// modulo 4, four in 40 units.
	cyrillic := "Президент Президент Ханкенди Президент Ш"
	for _, tt := range []struct {
		name, want string
		raw        []byte
	}{
		{"sixteen bytes", "UTF-16LE", utf16le("Goris 12")},
		{"an emoji in twenty units", "UTF-32LE", encode(t, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), strings.Repeat("a", 19)+"😀")},
		{"a space in ten units", "UTF-16LE", utf16le(cyrillic)},
		{"one unit in fifty with a zero low byte", "UTF-16LE", utf16le(fiftyToOne())},
	} {
		_, err := Decode(tt.raw)
		if !errors.Is(err, ErrNoBOM) || !strings.Contains(err.Error(), tt.want+" text") {
			t.Errorf("%s: Decode error %v, want %s without a byte-order mark", tt.name, err, tt.want)
		}
	}
	if _, err := Decode(bytes.Repeat([]byte("\x00\x00\x00\x00abcd"), 64)); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL bytes at every position: Decode error %v, want binary content", err)
	}
}

// fiftyToOne is 100 units of Cyrillic, a space every fifth (ten at odd
// units, nine at even ones), and one U+0400, whose low byte is zero, at
// unit 98.
func fiftyToOne() string {
	var b strings.Builder
	letters := []rune("Карабах")
	for i := range 100 {
		switch {
		case i == 98:
			b.WriteRune('\u0400')
		case i > 0 && i%5 == 0:
			b.WriteByte(' ')
		default:
			b.WriteRune(letters[i%len(letters)])
		}
	}
	return b.String()
}

// TestDecodeFewBroken: one broken byte for every two valid multi-byte
// characters is UTF-8 with a replacement; one more is not UTF-8 (0x80, a
// byte above ASCII, is broken like any other).
func TestDecodeFewBroken(t *testing.T) {
	if got, err := Decode([]byte("Ağdam və Susa \xff.\n")); err != nil || got.Encoding != "utf-8" || got.Replaced != 1 {
		t.Errorf("two characters, one broken byte: Decode = %q (%s, %d replaced), %v; want UTF-8, 1 replaced", got.Text, got.Encoding, got.Replaced, err)
	}
	if got, err := Decode([]byte("Ağdam və Susa \x80\xff.\n")); err == nil && got.Encoding == "utf-8" {
		t.Errorf("two characters, two broken bytes: Decode = %q read as UTF-8", got.Text)
	}
}

// TestDecodeMixedAtTheBounds: sixteen multi-byte characters of UTF-8 and
// sixteen bytes of a code page are enough to read a capture line by line.
func TestDecodeMixedAtTheBounds(t *testing.T) {
	line := "Президент посетил.\n" // 16 letters
	raw := append([]byte(line), encode(t, charmap.Windows1251, line)...)
	got, err := Decode(raw)
	if err != nil || got.Text != line+line || got.Encoding != "utf-8+windows-1251" {
		t.Errorf("Decode = %q (%s), %v; want both lines, utf-8+windows-1251", got.Text, got.Encoding, err)
	}
	want := "mixed encodings: 1 of 2 lines are in windows-1251 (the first is line 2), the others in UTF-8; each line was read in its own"
	if len(got.Warnings) != 1 || got.Warnings[0] != want {
		t.Errorf("warnings %q, want %q", got.Warnings, want)
	}
}

// TestInCharsetUTF8: text declared UTF-8 that is UTF-8 is read as such; bytes
// declared UTF-8 that are binary are not.
func TestInCharsetUTF8(t *testing.T) {
	if got, ok := InCharset([]byte("Xankəndi\r\n"), "utf-8"); !ok || got.Text != "Xankəndi\n" || got.Encoding != "utf-8" {
		t.Errorf("UTF-8 declared utf-8: InCharset = %q (%s), %v", got.Text, got.Encoding, ok)
	}
	if got, ok := InCharset([]byte("Xankəndi\x01\x02\x03\x04"), "utf-8"); ok {
		t.Errorf("control bytes declared utf-8: InCharset = %q, want no reading", got.Text)
	}
}

// TestInCharsetUTF16BE: UTF-16BE declared, without a mark, whose first byte
// is the NUL of its first ASCII letter.
func TestInCharsetUTF16BE(t *testing.T) {
	raw := encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "Goris\n")
	if got, ok := InCharset(raw, "utf-16be"); !ok || got.Text != "Goris\n" || got.Encoding != "utf-16be" {
		t.Errorf("InCharset = %q (%s), %v; want Goris (utf-16be)", got.Text, got.Encoding, ok)
	}
}

// TestIsNFC: the quick check passes text of ASCII and precomposed letters
// of the table, and leaves to norm invalid UTF-8 and runes past the Basic
// Multilingual Plane.
func TestIsNFC(t *testing.T) {
	for s, want := range map[string]bool{
		"Xankəndi Ханкенди Şuşa café Ստեփանակերտ": true,
		"a\x80b":         false,
		"Linear B 𐀀":     false,
		"Xanke\u0301ndi": false,
	} {
		if got := isNFC(s); got != want {
			t.Errorf("isNFC(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDecodeTieOrder: chardet gives Latin-1 and Latin-2 one confidence for
// this Windows-1252 text; the tie goes to the code page first in the list.
func TestDecodeTieOrder(t *testing.T) {
	if got, err := Decode(encode(t, charmap.Windows1252, "à la carte")); err != nil || got.Text != "à la carte" || got.Encoding != "windows-1252" {
		t.Errorf("Decode = %q (%s), %v; want à la carte (windows-1252)", got.Text, got.Encoding, err)
	}
}
