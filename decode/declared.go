package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// # Declared charsets
//
// A capture may come with the charset its server declared (the HTTP
// Content-Type of a WARC record). [Declared] honours it, unless the bytes
// show it wrong: a byte-order mark wins over it; bytes declared UTF-8 that
// are not, and bytes not valid in the declared charset, are left to the
// guess; valid UTF-8 with non-ASCII text declared in a single-byte charset
// is UTF-8 (a page in a legacy code page almost never is valid UTF-8); and
// bytes declared UTF-16 without a NUL in their first KB are not UTF-16
// (ASCII read as UTF-16 is nonsense). A label the WHATWG Encoding standard
// does not know is no declaration.

// Declared decodes raw capture bytes that declare their charset (a label
// such as "utf-8", "cp1251" or "latin1"; "" for none).
func Declared(raw []byte, charset string) (Text, error) {
	if t, ok := InCharset(raw, charset); ok {
		return t, nil
	}
	return Decode(raw)
}

// InCharset decodes raw in the charset a label declares, if the bytes show
// the declaration right by the rules above; ok is false for no declaration,
// one the bytes show wrong, or bytes with a byte-order mark, which wins.
// A caller with several declarations (a page's HTTP header and its <meta>)
// tries each in turn before the guess.
func InCharset(raw []byte, charset string) (t Text, ok bool) {
	enc, name := lookup(charset)
	if enc == nil || len(bytes.TrimSpace(raw)) == 0 {
		return Text{}, false
	}
	if _, bom, _ := byBOM(raw); bom {
		return Text{}, false
	}
	return declared(raw, enc, name)
}

// lookup finds an encoding by its WHATWG label, named by its canonical name
// ("windows-1251"); nil for an unknown label and for the "replacement"
// encoding, which stands for charsets not to be decoded.
func lookup(label string) (encoding.Encoding, string) {
	if strings.TrimSpace(label) == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil || enc == encoding.Replacement {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	return enc, name
}

// declared decodes raw in the declared encoding; ok is false when the bytes
// show the declaration wrong.
func declared(raw []byte, enc encoding.Encoding, name string) (Text, bool) {
	valid := utf8.Valid(raw)
	switch {
	case name == "utf-8" || valid && !strings.HasPrefix(name, "utf-16") && hasNonASCII(raw):
		if !valid || notText(raw) != nil {
			return Text{}, false
		}
		t, err := finish(utf8Text(raw, true))
		return t, err == nil
	case strings.HasPrefix(name, "utf-16"):
		if bytes.IndexByte(raw[:min(len(raw), 1024)], 0) < 0 {
			return Text{}, false
		}
	default:
		if notText(raw) != nil {
			return Text{}, false
		}
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return Text{}, false // bytes the charset does not have
	}
	t, err := finish(Text{Text: string(out), Encoding: name})
	return t, err == nil
}

func hasNonASCII(raw []byte) bool {
	for _, b := range raw {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
