package webpage

import (
	"bytes"

	"golang.org/x/text/encoding/unicode"
)

// sniffWindow is how far into a capture IsHTML looks.
const sniffWindow = 64 << 10

// documentTags open a document that is HTML whatever follows them.
var documentTags = []string{"!doctype html", "html", "head", "body"}

// fragmentTags are the other tags the WHATWG MIME sniffing algorithm takes
// as the start of HTML (https://mimesniff.spec.whatwg.org/#identifying-a-resource-with-an-unknown-mime-type),
// with a few more block tags saved fragments start with. Text may open with
// one by chance ("<a note>"), so the tag must be closed further on.
var fragmentTags = []string{
	"meta", "title", "script", "style", "link", "iframe", "div", "table", "font",
	"p", "a", "b", "br", "h1", "h2", "h3", "article", "section", "main", "header", "nav",
}

// IsHTML reports bytes that are an HTML document: after a byte-order mark,
// white space, comments and an XML declaration, they open with a doctype or
// an <html>, <head> or <body> tag, or with another HTML tag that is closed
// further on. Text that merely contains a '<' is not HTML.
func IsHTML(raw []byte) bool {
	head := sniffHead(raw)
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		var skipped bool
		if head, skipped = skipMarkup(head, "<!--", "-->"); skipped {
			continue
		}
		if head, skipped = skipMarkup(head, "<?xml", "?>"); skipped {
			continue
		}
		break
	}
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	for _, tag := range documentTags {
		if opensWith(head[1:], tag) {
			return true
		}
	}
	for _, tag := range fragmentTags {
		if opensWith(head[1:], tag) && closes(head, tag) {
			return true
		}
	}
	return false
}

// sniffHead is the start of raw as UTF-8 bytes: a UTF-8 byte-order mark
// dropped, UTF-16 decoded.
func sniffHead(raw []byte) []byte {
	raw = raw[:min(len(raw), sniffWindow)]
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		out, _ := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw[:len(raw)&^1])
		return out
	}
	return raw
}

// skipMarkup drops a leading construct from open to close; an unclosed one
// is dropped to the end.
func skipMarkup(b []byte, open, close string) ([]byte, bool) {
	if !hasPrefixFold(b, open) {
		return b, false
	}
	end := bytes.Index(b[len(open):], []byte(close))
	if end < 0 {
		return nil, true
	}
	return b[len(open)+end+len(close):], true
}

// opensWith reports b starting with name and a byte that ends a tag name.
func opensWith(b []byte, name string) bool {
	if !hasPrefixFold(b, name) {
		return false
	}
	if len(b) == len(name) {
		return false
	}
	switch b[len(name)] {
	case ' ', '\t', '\r', '\n', '\f', '>', '/':
		return true
	}
	return false
}

// closes reports an end tag of name (or, for a void tag, any end tag) in b.
func closes(b []byte, name string) bool {
	lower := bytes.ToLower(b)
	switch name {
	case "meta", "link", "br":
		return bytes.Contains(lower, []byte("</"))
	}
	return bytes.Contains(lower, []byte("</"+name+">"))
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}
