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

// TestDecodeUTF32: a UTF-32 byte-order mark is told from the UTF-16 one it
// starts with (FF FE 00 00), and the text holds no NUL.
func TestDecodeUTF32(t *testing.T) {
	for _, tt := range []struct {
		name string
		enc  utf32.Endianness
	}{{"utf-32le", utf32.LittleEndian}, {"utf-32be", utf32.BigEndian}} {
		raw := encode(t, utf32.UTF32(tt.enc, utf32.UseBOM), "Ханкенди\r\nXankəndi 😀\r\n")
		got, err := Decode(raw)
		if err != nil || got.Text != "Ханкенди\nXankəndi 😀\n" || got.Encoding != tt.name {
			t.Errorf("%s: Decode = %q (%s), %v", tt.name, got.Text, got.Encoding, err)
		}
	}
}

// TestDecodeNoControls: no control character but newline and tab survives
// decoding; form feeds and the like become newlines.
func TestDecodeNoControls(t *testing.T) {
	// A few control bytes in a long text: more would be binary content.
	raw := []byte(strings.Repeat(french, 10) + "Shusha\x01 to\x1b[0m\x7f Lachin\fpage two\vline\u0085next \u009bend\tcolumn\n")
	got, err := Decode(raw)
	want := strings.Repeat(french, 10) + "Shusha to[0m Lachin\npage two\nline\nnext end\tcolumn\n"
	if err != nil || got.Text != want {
		t.Errorf("Decode = %q, %v; want %q", got.Text, err, want)
	}
	// In UTF-16 the NULs of the high bytes are no concern, but a NUL
	// character is.
	raw = encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "Goris\x00 road\x02\n")
	if got, err := Decode(raw); err != nil || got.Text != "Goris road\n" {
		t.Errorf("UTF-16 with NUL characters: Decode = %q, %v", got.Text, err)
	}
}

// TestDecodeLateNUL: a NUL byte is binary content wherever it is, not only in
// the first 8 KB.
func TestDecodeLateNUL(t *testing.T) {
	raw := append(bytes.Repeat([]byte("Karabakh news, line after line.\n"), 1000), "tail\x00\x00\x00junk\n"...)
	_, err := Decode(raw)
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "NUL byte at byte 32004") {
		t.Errorf("Decode error %v, want binary content naming byte 32004", err)
	}
}

// TestDecodeWideWithoutBOM: UTF-16 and UTF-32 without a byte-order mark are
// named as what they are, not as binary content.
func TestDecodeWideWithoutBOM(t *testing.T) {
	for _, tt := range []struct {
		want string
		raw  []byte
	}{
		{"UTF-16LE", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "The Lachin road reopened on Tuesday.\n")},
		{"UTF-16LE", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), russian)},
		{"UTF-16BE", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), french)},
		{"UTF-32LE", encode(t, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), russian)},
		{"UTF-32BE", encode(t, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), french)},
	} {
		_, err := Decode(tt.raw)
		if !errors.Is(err, ErrNoBOM) || !strings.Contains(err.Error(), tt.want+" text without a byte-order mark") {
			t.Errorf("%s: Decode error %v", tt.want, err)
		}
	}
}

// TestDecodeMixed: a capture of UTF-8 lines and Windows-1251 lines is read
// line by line, with a warning, not as mojibake in a third code page.
func TestDecodeMixed(t *testing.T) {
	utf8Part := strings.Repeat("Жители Карабаха возвращаются домой.\n", 5)
	legacyPart := "Президент посетил Шушу и Ханкенди в понедельник.\nВ городе открылись школы и больница.\n"
	raw := append([]byte(utf8Part), encode(t, charmap.Windows1251, legacyPart)...)
	raw = append(raw, "Lachin, 2024\n"...)
	got, err := Decode(raw)
	if err != nil || got.Text != utf8Part+legacyPart+"Lachin, 2024\n" || got.Encoding != "utf-8+windows-1251" {
		t.Fatalf("Decode = %q (%s), %v", got.Text, got.Encoding, err)
	}
	if len(got.Warnings) != 1 || !strings.HasPrefix(got.Warnings[0], "mixed encodings: 2 of 8 lines are in windows-1251 (the first is line 6)") {
		t.Errorf("warnings %q", got.Warnings)
	}
	// A few broken bytes in UTF-8 are not a second encoding.
	raw = []byte(utf8Part + "Шуша \xff\xfe и Лачин\n")
	if got, err := Decode(raw); err != nil || got.Encoding != "utf-8" || got.Replaced != 2 || got.Warnings != nil {
		t.Errorf("broken UTF-8: Decode = %q (%s), %v", got.Text, got.Encoding, err)
	}
}

// TestDeclared: a declared charset is honoured, unless the bytes show it
// wrong, and an unknown label is no declaration.
func TestDeclared(t *testing.T) {
	short := encode(t, charmap.Windows1251, "Шуша\n") // too short to guess
	if _, err := Decode(short); !errors.Is(err, ErrUndecodable) {
		t.Fatalf("the guess reads %q: the test needs a text it cannot read", short)
	}
	tests := []struct {
		name, charset string
		raw           []byte
		text, label   string
	}{
		{"declared cp1251", "cp1251", short, "Шуша\n", "windows-1251"},
		{"declared koi8-r", "KOI8-R", encode(t, charmap.KOI8R, "Ханкенди\r\n"), "Ханкенди\n", "koi8-r"},
		{"latin1 is windows-1252", "latin1", encode(t, charmap.Windows1252, "café “Goris”\n"), "café “Goris”\n", "windows-1252"},
		{"valid UTF-8 declared latin1", "iso-8859-1", []byte("Xankəndi\n"), "Xankəndi\n", "utf-8"},
		{"UTF-8 declared, not UTF-8: the guess", "utf-8", encode(t, charmap.Windows1251, russian), russian, "windows-1251"},
		{"unknown label: the guess", "x-no-such", encode(t, charmap.Windows1251, russian), russian, "windows-1251"},
		{"a BOM wins", "windows-1251", append([]byte{0xEF, 0xBB, 0xBF}, "Şuşa\n"...), "Şuşa\n", "utf-8"},
		{"declared utf-16le", "utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Goris\n"), "Goris\n", "utf-16le"},
		{"no declaration", "", []byte(strings.Repeat("Goris ", 100) + "\x01\n"), strings.Repeat("Goris ", 100) + "\n", "utf-8"},
		{"controls go in a declared charset too", "windows-1251", []byte(strings.Repeat("Goris ", 100) + "\x1b\n"), strings.Repeat("Goris ", 100) + "\n", "windows-1251"},
	}
	for _, tt := range tests {
		got, err := Declared(tt.raw, tt.charset)
		if err != nil || got.Text != tt.text || got.Encoding != tt.label {
			t.Errorf("%s: Declared = %q (%s), %v; want %q (%s)", tt.name, got.Text, got.Encoding, err, tt.text, tt.label)
		}
	}
	if _, err := Declared([]byte("text\x00with\x00nul"), "windows-1251"); !errors.Is(err, ErrBinary) {
		t.Errorf("binary declared windows-1251: %v, want binary content", err)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "",
		"plain\ttext\n":           "plain\ttext\n",
		"\x1bat the start":        "at the start",
		"a\x00b\x1fc\x7fd":        "abcd",
		"é\u0080\u009fè":          "éè",
		"line\fnext\vlast\u0085!": "line\nnext\nlast\n!",
		"Ханкенди\u200d😀":         "Ханкенди\u200d😀", // format characters stay
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
