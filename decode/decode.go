// Package decode turns the raw bytes of a capture into text.
//
// # Encodings
//
// A byte-order mark wins (UTF-8, UTF-16 LE, UTF-16 BE). Otherwise valid UTF-8
// is UTF-8, and UTF-8 with a few broken sequences in otherwise good text is
// UTF-8 with those bytes replaced by U+FFFD. Anything else is guessed among
// the legacy code pages of the region's press (Windows-1251, KOI8-R,
// Windows-1252, Windows-1254, Windows-1250, Windows-1256) with chardet, its
// ties broken in the fixed order of that list so the guess is deterministic.
//
// Decoded text has "\n" line ends (CRLF and lone CR converted), no BOM, and is
// in Unicode NFC.
package decode

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Reasons a capture cannot be decoded; each becomes a skip reason.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary content, not text")
	ErrUndecodable = errors.New("text encoding could not be determined")
)

// Text is a decoded capture.
type Text struct {
	Text     string
	Encoding string // "utf-8", "utf-16le", "windows-1251", ...
	// Replaced counts invalid UTF-8 sequences replaced by U+FFFD.
	Replaced int
}

// legacy lists the code pages tried when the bytes are not UTF-8, in the order
// that breaks chardet's ties. chardet reports the ISO names of some; they map
// to the Windows superset.
var legacy = []struct {
	names    []string
	label    string
	encoding encoding.Encoding
}{
	{[]string{"windows-1251", "ISO-8859-5"}, "windows-1251", charmap.Windows1251},
	{[]string{"KOI8-R"}, "koi8-r", charmap.KOI8R},
	{[]string{"windows-1252", "ISO-8859-1"}, "windows-1252", charmap.Windows1252},
	{[]string{"windows-1254", "ISO-8859-9"}, "windows-1254", charmap.Windows1254},
	{[]string{"windows-1250", "ISO-8859-2"}, "windows-1250", charmap.Windows1250},
	{[]string{"windows-1256", "ISO-8859-6"}, "windows-1256", charmap.Windows1256},
}

// Decode decodes raw capture bytes.
func Decode(raw []byte) (Text, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return Text{}, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return finish(utf8Text(raw[3:], utf8.Valid(raw[3:])))
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return fromEncoding(raw, "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM))
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return fromEncoding(raw, "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM))
	}
	if isBinary(raw) {
		return Text{}, ErrBinary
	}
	if valid := utf8.Valid(raw); valid || mostlyUTF8(raw) {
		return finish(utf8Text(raw, valid))
	}
	return guessLegacy(raw)
}

// utf8Text reads raw as UTF-8, replacing its invalid bytes with U+FFFD. valid
// is utf8.Valid(raw), which callers have checked: no second scan of raw.
func utf8Text(raw []byte, valid bool) Text {
	replaced := 0
	if !valid {
		var b strings.Builder
		for len(raw) > 0 {
			r, size := utf8.DecodeRune(raw)
			if r == utf8.RuneError && size == 1 {
				replaced++
			}
			b.WriteRune(r)
			raw = raw[size:]
		}
		return Text{Text: b.String(), Encoding: "utf-8", Replaced: replaced}
	}
	return Text{Text: string(raw), Encoding: "utf-8"}
}

func fromEncoding(raw []byte, label string, enc encoding.Encoding) (Text, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return Text{}, ErrUndecodable
	}
	return finish(Text{Text: string(out), Encoding: label})
}

func guessLegacy(raw []byte) (Text, error) {
	results, err := chardet.NewTextDetector().DetectAll(raw)
	if err != nil {
		return Text{}, ErrUndecodable
	}
	rank := func(charset string) int {
		for i, l := range legacy {
			for _, n := range l.names {
				if n == charset {
					return i
				}
			}
		}
		return -1
	}
	var candidates []chardet.Result
	for _, r := range results {
		if rank(r.Charset) >= 0 {
			candidates = append(candidates, r)
		}
	}
	if len(candidates) == 0 {
		return Text{}, ErrUndecodable
	}
	sort.SliceStable(candidates, func(i, j int) bool {
		if candidates[i].Confidence != candidates[j].Confidence {
			return candidates[i].Confidence > candidates[j].Confidence
		}
		return rank(candidates[i].Charset) < rank(candidates[j].Charset)
	})
	best := legacy[rank(candidates[0].Charset)]
	return fromEncoding(raw, best.label, best.encoding)
}

// finish normalises line ends and Unicode composition.
func finish(t Text) (Text, error) {
	s := strings.ReplaceAll(t.Text, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	t.Text = nfc(s)
	if strings.TrimSpace(t.Text) == "" {
		return Text{}, ErrEmpty
	}
	return t, nil
}

// isBinary reports content that is not text in any encoding: NUL bytes (UTF-16
// was handled by its BOM), or many control bytes.
func isBinary(raw []byte) bool {
	sample := raw[:min(len(raw), 8192)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' {
			controls++
		}
	}
	return controls*100 > len(sample) // more than 1%
}

// mostlyUTF8 reports text that is UTF-8 with a few broken sequences: at most
// one invalid byte for every two valid multi-byte characters. Text in a
// legacy code page has almost no valid multi-byte sequences.
func mostlyUTF8(raw []byte) bool {
	valid, invalid := 0, 0
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		raw = raw[size:]
	}
	return valid > 0 && invalid*2 <= valid
}

// nfc is norm.NFC.String(s). Captures are nearly always in NFC already, and
// testing that with a bit a rune is several times faster than norm's own
// test, a trie lookup a rune.
func nfc(s string) string {
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// isNFC reports text made of ASCII and the runes of [nfcStarters]: text in
// NFC by the quick check of UAX #15, where every rune is allowed in NFC
// (NFC_QC=Yes) and none has a combining class to order. It reports false for
// invalid UTF-8 and for runes outside the table, leaving those to norm.
func isNFC(s string) bool {
	starters := nfcStarters()
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || int(r) >= len(starters)*64 || starters[r/64]&(1<<(r%64)) == 0 {
			return false
		}
		i += size
	}
	return true
}

// nfcStarters is the set of runes of the Basic Multilingual Plane that
// norm's quick check passes on their own (NFC_QC=Yes) and that start a
// segment (combining class 0, not combining with the rune before), so that
// the check passes any text of them and ASCII. Built once, when first needed
// (~65,000 lookups, a few milliseconds).
var nfcStarters = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var set [0x10000 / 64]uint64
	for r := rune(utf8.RuneSelf); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue // a surrogate, never in valid UTF-8
		}
		s := string(r)
		if norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.QuickSpanString(s) == len(s) {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})
