package webpage

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/nkcorpus/builder/decode"
)

// prescanWindow is how far into a page a <meta> charset is looked for. The
// HTML standard says 1024 bytes; saved pages often carry longer heads.
const prescanWindow = 8 << 10

// decodePage turns a page's bytes into text: the byte-order mark, then the
// HTTP charset, then the page's <meta>, then decode's guess. A declaration
// the bytes show wrong is passed over.
func decodePage(raw []byte, httpCharset string) (decode.Text, error) {
	if hasBOM(raw) {
		return decode.Decode(raw)
	}
	raw, nuls := replaceNULs(raw)
	t, err := decodeDeclared(raw, httpCharset)
	t.Replaced += nuls
	return t, err
}

func decodeDeclared(raw []byte, httpCharset string) (decode.Text, error) {
	for _, label := range []string{httpCharset, metaCharset(raw)} {
		if enc, name := lookup(label); enc != nil {
			if t, ok := declared(raw, enc, name); ok {
				return t, nil
			}
		}
	}
	return decode.Decode(raw)
}

// replaceNULs replaces the stray NUL bytes of a page with U+FFFD, as the
// HTML parser does, so that decode does not take the page for binary. A
// page of many NULs (1% or more: UTF-16 without a byte-order mark, or not
// text) is left as it is.
func replaceNULs(raw []byte) ([]byte, int) {
	n := bytes.Count(raw, []byte{0})
	if n == 0 || n*100 >= len(raw) {
		return raw, 0
	}
	return bytes.ReplaceAll(raw, []byte{0}, []byte("\uFFFD")), n
}

// lookup finds a charset by its WHATWG label ("latin1", "cp1251"…), naming
// it by its canonical name.
func lookup(label string) (encoding.Encoding, string) {
	if strings.TrimSpace(label) == "" {
		return nil, ""
	}
	return charset.Lookup(label)
}

// declared decodes raw in a declared charset, unless the bytes show the
// declaration wrong: valid UTF-8 with non-ASCII text declared in a
// single-byte charset is UTF-8; text declared UTF-8 that is not is left to
// the guess (ok false).
func declared(raw []byte, enc encoding.Encoding, name string) (decode.Text, bool) {
	switch {
	case name == "utf-8":
		if !utf8.Valid(raw) {
			return decode.Text{}, false
		}
		t, err := decode.Decode(raw)
		return t, err == nil
	case strings.HasPrefix(name, "utf-16"):
		// A declaration without a byte-order mark: ASCII markup read as
		// UTF-16 would be nonsense, so only a page with NULs is UTF-16.
		if bytes.IndexByte(raw[:min(len(raw), 1024)], 0) < 0 {
			return decode.Text{}, false
		}
	case hasNonASCII(raw) && utf8.Valid(raw):
		t, err := decode.Decode(raw)
		return t, err == nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return decode.Text{}, false
	}
	// decode normalises line ends and composition; the bytes are UTF-8 now.
	t, err := decode.Decode(out)
	if err != nil {
		return decode.Text{}, false
	}
	t.Encoding = name
	return t, true
}

func hasBOM(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF})
}

func hasNonASCII(raw []byte) bool {
	for _, b := range raw {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// metaCharset is the charset a <meta charset> or a <meta http-equiv=
// "Content-Type" content="…; charset=…"> in the first bytes of the page
// declares, or "".
func metaCharset(raw []byte) string {
	z := html.NewTokenizer(bytes.NewReader(raw[:min(len(raw), prescanWindow)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" {
				continue
			}
			var pragma bool
			var content string
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					return string(val)
				case "http-equiv":
					pragma = strings.EqualFold(string(val), "content-type")
				case "content":
					content = string(val)
				}
			}
			if pragma {
				if cs := contentCharset(content); cs != "" {
					return cs
				}
			}
		}
	}
}

// contentCharset reads the charset parameter of a Content-Type value, the
// way the HTML standard's algorithm does (unquoted, single- or
// double-quoted).
func contentCharset(s string) string {
	i := strings.Index(strings.ToLower(s), "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\f\r")
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		if end := strings.IndexByte(s[1:], s[0]); end >= 0 {
			return s[1 : 1+end]
		}
		return ""
	}
	if end := strings.IndexAny(s, "; \t\n\f\r"); end >= 0 {
		return s[:end]
	}
	return s
}
