package webpage

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

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
		if t, ok := decode.InCharset(raw, label); ok {
			return t, nil
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

func hasBOM(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF})
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
