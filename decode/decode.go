// Package decode turns the raw bytes of a capture into text.
//
// # Encodings
//
// A byte-order mark wins (UTF-32 LE and BE, told before the UTF-16 marks
// they start with; UTF-8; UTF-16 LE and BE), then a declared charset
// ([Declared]). Otherwise bytes with a NUL are not text: UTF-16 or UTF-32
// without its mark, named as such when the NULs fall where they would in it
// ([ErrNoBOM]), or binary content. Valid UTF-8 is UTF-8, and UTF-8 with a few
// broken sequences in otherwise good text is UTF-8 with those bytes replaced
// by U+FFFD; a capture of UTF-8 lines and lines in a legacy code page is read
// line by line (mixed.go). Anything else is guessed among the legacy code
// pages of the region's press (Windows-1251, KOI8-R, Windows-1252,
// Windows-1254, Windows-1250, Windows-1256) with chardet, its ties broken in
// the fixed order of that list so the guess is deterministic.
//
// Decoded text has "\n" line ends (CRLF and lone CR converted), no BOM, no
// control character other than newline and tab ([Clean]), and is in Unicode
// NFC.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// Reasons a capture cannot be decoded; each becomes a skip reason.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary content, not text")
	ErrUndecodable = errors.New("text encoding could not be determined")
	// ErrNoBOM is UTF-16 or UTF-32 text without the byte-order mark that
	// says which, and in which byte order; the error wrapping it names the
	// one it looks like.
	ErrNoBOM = errors.New("UTF-16 or UTF-32 text without a byte-order mark")
)

// Text is a decoded capture.
type Text struct {
	Text     string
	Encoding string // "utf-8", "utf-16le", "windows-1251", ...
	// Replaced counts invalid UTF-8 sequences replaced by U+FFFD.
	Replaced int
	// Warnings say where the text may not be what its author wrote: a
	// capture of mixed encodings.
	Warnings []string
}

// legacy lists the code pages tried when the bytes are not UTF-8, in the order
// that breaks chardet's ties. chardet reports the ISO names of some; they map
// to the Windows superset.
var legacy = []codePage{
	{[]string{"windows-1251", "ISO-8859-5"}, "windows-1251", charmap.Windows1251},
	{[]string{"KOI8-R"}, "koi8-r", charmap.KOI8R},
	{[]string{"windows-1252", "ISO-8859-1"}, "windows-1252", charmap.Windows1252},
	{[]string{"windows-1254", "ISO-8859-9"}, "windows-1254", charmap.Windows1254},
	{[]string{"windows-1250", "ISO-8859-2"}, "windows-1250", charmap.Windows1250},
	{[]string{"windows-1256", "ISO-8859-6"}, "windows-1256", charmap.Windows1256},
}

// Decode decodes raw capture bytes, guessing their encoding.
func Decode(raw []byte) (Text, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return Text{}, ErrEmpty
	}
	if t, ok, err := byBOM(raw); ok {
		return t, err
	}
	if err := notText(raw); err != nil {
		return Text{}, err
	}
	if utf8.Valid(raw) {
		return finish(utf8Text(raw, true))
	}
	lines := scanLines(raw)
	if t, ok := lines.mixed(); ok {
		return finish(t)
	}
	if fewBroken(lines.valid, lines.invalid) {
		return finish(utf8Text(raw, false))
	}
	return guessLegacy(raw)
}

// boms are the byte-order marks, UTF-32 before UTF-16: FF FE 00 00 starts
// both UTF-32 LE and UTF-16 LE.
var boms = []struct {
	mark     []byte
	label    string
	encoding encoding.Encoding
}{
	{[]byte{0xFF, 0xFE, 0x00, 0x00}, "utf-32le", utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)},
	{[]byte{0x00, 0x00, 0xFE, 0xFF}, "utf-32be", utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)},
	{[]byte{0xEF, 0xBB, 0xBF}, "utf-8", nil},
	{[]byte{0xFF, 0xFE}, "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
	{[]byte{0xFE, 0xFF}, "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
}

// byBOM decodes raw by its byte-order mark; ok is false when it has none.
func byBOM(raw []byte) (t Text, ok bool, err error) {
	for _, b := range boms {
		if !bytes.HasPrefix(raw, b.mark) {
			continue
		}
		if b.encoding == nil {
			body := raw[len(b.mark):]
			t, err = finish(utf8Text(body, utf8.Valid(body)))
			return t, true, err
		}
		t, err = fromEncoding(raw, b.label, b.encoding)
		return t, true, err
	}
	return Text{}, false, nil
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
	page, ok := guessCodePage(raw)
	if !ok {
		return Text{}, ErrUndecodable
	}
	return fromEncoding(raw, page.label, page.encoding)
}

// codePage is one of the legacy code pages guessed.
type codePage struct {
	names    []string
	label    string
	encoding encoding.Encoding
}

// guessCodePage asks chardet which of the legacy code pages raw is in.
func guessCodePage(raw []byte) (codePage, bool) {
	results, err := chardet.NewTextDetector().DetectAll(raw)
	if err != nil {
		return codePage{}, false
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
		return codePage{}, false
	}
	sort.SliceStable(candidates, func(i, j int) bool {
		if candidates[i].Confidence != candidates[j].Confidence {
			return candidates[i].Confidence > candidates[j].Confidence
		}
		return rank(candidates[i].Charset) < rank(candidates[j].Charset)
	})
	return legacy[rank(candidates[0].Charset)], true
}

// finish normalises line ends, control characters and Unicode composition.
func finish(t Text) (Text, error) {
	s := strings.ReplaceAll(t.Text, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	t.Text = nfc(Clean(s))
	if strings.TrimSpace(t.Text) == "" {
		return Text{}, ErrEmpty
	}
	return t, nil
}

// sniffWindow is how much of a capture the tests for binary content and
// for UTF-16 without a byte-order mark look at; a NUL byte is looked for
// everywhere.
const sniffWindow = 8 << 10

// notText returns why raw, which has no byte-order mark, is not text in any
// encoding read without one: NUL bytes, which no such text holds (and which
// at every second or fourth byte are UTF-16 or UTF-32 text without its
// mark), or many control bytes.
func notText(raw []byte) error {
	sample := raw[:min(len(raw), sniffWindow)]
	if nul := bytes.IndexByte(raw, 0); nul >= 0 {
		if label := wideText(sample); label != "" {
			return noBOMError(label)
		}
		return fmt.Errorf("%w: a NUL byte at byte %d", ErrBinary, nul)
	}
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' {
			controls++
		}
	}
	if controls*100 > len(sample) { // more than 1%
		return fmt.Errorf("%w: %d control bytes in its first %d", ErrBinary, controls, len(sample))
	}
	return nil
}

// noBOMError is ErrNoBOM for text that looks like the encoding it names.
type noBOMError string

func (e noBOMError) Error() string { return string(e) + " text without a byte-order mark" }
func (e noBOMError) Unwrap() error { return ErrNoBOM }

// wideText names the encoding of text in UTF-16 or UTF-32 without a
// byte-order mark, told by where its NUL bytes fall: in text mostly of one
// alphabet, the high byte of each UTF-16 unit (the two high bytes of each
// UTF-32 one) is nearly always zero for Latin text, and zero at least for
// every space, digit and punctuation mark of any other. It returns "" for
// any other pattern.
func wideText(sample []byte) string {
	var zeros [4]int // NUL bytes by position modulo 4
	for i, b := range sample {
		if b == 0 {
			zeros[i%4]++
		}
	}
	quarter := len(sample) / 4
	if quarter < 4 {
		return ""
	}
	all := func(i int) bool { return zeros[i]*20 >= quarter*19 } // all but a few: emoji lie outside plane 0
	some := func(i int) bool { return zeros[i]*10 >= quarter }   // a tenth of the units or more
	none := func(i int) bool { return zeros[i]*50 <= quarter }
	switch {
	case all(2) && all(3) && !all(0):
		return "UTF-32LE"
	case all(0) && all(1) && !all(3):
		return "UTF-32BE"
	case some(1) && some(3) && none(0) && none(2):
		return "UTF-16LE"
	case some(0) && some(2) && none(1) && none(3):
		return "UTF-16BE"
	}
	return ""
}

// fewBroken reports text that is UTF-8 with a few broken sequences: at most
// one invalid byte for every two valid multi-byte characters. Text in a
// legacy code page has almost no valid multi-byte sequences.
func fewBroken(valid, invalid int) bool { return valid > 0 && invalid*2 <= valid }

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
