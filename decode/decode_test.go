package decode

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	russian = "Президент Азербайджана Ильхам Алиев посетил Шушу и Ханкенди. Жители Карабаха возвращаются домой после тридцати лет.\n"
	french  = "Les fermes d'abeilles à miel sont florissantes dans le district libéré. Les réfugiés rentrent chez eux après l'été.\n"
	turkish = "Azerbaycan Cumhurbaşkanı İlham Aliyev bugün Şuşa'yı ziyaret etti. Karabağ'da yeniden yapılanma çalışmaları sürüyor.\n"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		text     string
		encoding string
	}{
		{"utf-8", []byte("Şuşa\n"), "Şuşa\n", "utf-8"},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, "Şuşa\n"...), "Şuşa\n", "utf-8"},
		{"utf-16le with BOM", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "Ханкенди\r\nLachin\r\n"), "Ханкенди\nLachin\n", "utf-16le"},
		{"utf-16be with BOM", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "Ստեփանակերտ\n"), "Ստեփանակերտ\n", "utf-16be"},
		{"windows-1251 russian", encode(t, charmap.Windows1251, russian), russian, "windows-1251"},
		{"windows-1252 french", encode(t, charmap.Windows1252, french), french, "windows-1252"},
		{"windows-1254 turkish", encode(t, charmap.Windows1254, turkish), turkish, "windows-1254"},
		{"crlf", []byte("one\r\ntwo\r\n"), "one\ntwo\n", "utf-8"},
		{"cr", []byte("one\rtwo\r"), "one\ntwo\n", "utf-8"},
		{"decomposed to nfc", []byte("Xanke\u0301ndi Şuşa\n"), "Xankéndi Şuşa\n", "utf-8"},
	}
	for _, tt := range tests {
		got, err := Decode(tt.raw)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got.Text != tt.text || got.Encoding != tt.encoding {
			t.Errorf("%s: Decode = %q (%s), want %q (%s)", tt.name, got.Text, got.Encoding, tt.text, tt.encoding)
		}
	}
}

func TestDecodeRepairsBrokenUTF8(t *testing.T) {
	raw := []byte("Ağdam və Kəlbəcər azad olundu. \xff\xfe Şuşa, Xankəndi və Laçın yenidən qurulur.\n")
	got, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Encoding != "utf-8" || got.Replaced != 2 || !utf8.ValidString(got.Text) || !strings.Contains(got.Text, "Kəlbəcər azad olundu. \uFFFD\uFFFD Şuşa") {
		t.Errorf("Decode = %q %s replaced %d", got.Text, got.Encoding, got.Replaced)
	}
}

func TestDecodeRefuses(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank lines only", []byte("\n \r\n\t\n"), ErrEmpty},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, ErrEmpty},
		{"png image", png, ErrBinary},
		{"nul bytes", []byte("text\x00with\x00nul\x00bytes"), ErrBinary},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), ErrBinary},
	}
	for _, tt := range tests {
		if _, err := Decode(tt.raw); !errors.Is(err, tt.want) {
			t.Errorf("%s: Decode error %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestDecodeLongLine(t *testing.T) {
	raw := bytes.Repeat([]byte("Karabakh "), 10<<20/9)
	got, err := Decode(raw)
	if err != nil || len(got.Text) != len(raw) {
		t.Fatalf("10 MB line: %d bytes, %v", len(got.Text), err)
	}
}

// FuzzDecode: any bytes, with or without a declared charset, decode to
// valid NFC UTF-8 with "\n" line ends and no other control character than
// newline and tab, or to one of the documented errors; never a panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Şuşa\r\nXankəndi"), "")
	f.Add([]byte("Xanke\u0301ndi"), "") // decomposed: the NFC check runs on the seeds alone
	f.Add(encode(&testing.T{}, charmap.Windows1251, russian), "")
	f.Add(encode(&testing.T{}, charmap.Windows1251, russian), "utf-8")
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00}, "")
	f.Add([]byte{0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00}, "")
	f.Add([]byte{0xFE, 0xFF, 0x00}, "utf-16be")
	f.Add([]byte("a\xffb\x1b"), "latin1")
	f.Fuzz(func(t *testing.T, raw []byte, charset string) {
		got, err := Declared(raw, charset)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrUndecodable) && !errors.Is(err, ErrNoBOM) {
				t.Fatalf("undocumented error %v", err)
			}
			return
		}
		if !utf8.ValidString(got.Text) || strings.Contains(got.Text, "\r") || strings.TrimSpace(got.Text) == "" || got.Encoding == "" {
			t.Fatalf("Declared(%q, %q) = %q (%s)", raw, charset, got.Text, got.Encoding)
		}
		if i := firstControl(got.Text); i >= 0 {
			t.Fatalf("Declared(%q, %q) = %q: a control character at byte %d", raw, charset, got.Text, i)
		}
		if !norm.NFC.IsNormalString(got.Text) {
			t.Fatalf("Declared(%q, %q) = %q: not NFC", raw, charset, got.Text)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, c := range []struct {
		name string
		raw  []byte
	}{
		{"utf-8", bytes.Repeat([]byte(russian), 500)},
		{"windows-1251", encode(&testing.T{}, charmap.Windows1251, strings.Repeat(russian, 500))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			for b.Loop() {
				if _, err := Decode(c.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
