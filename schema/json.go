package schema

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as JSON, the very bytes encoding/json writes for it
// with HTML escaping off (TestAppendJSON), but without reflection: a build
// writes hundreds of thousands of records and encoding/json took a tenth of
// its time.
func (r *Record) AppendJSON(b []byte) []byte {
	b = appendKey(b, '{', "id")
	b = appendString(b, r.ID)
	b = appendKey(b, ',', "source")
	b = appendKey(b, '{', "path")
	b = appendString(b, r.Source.Path)
	b = appendKey(b, ',', "sha256")
	b = appendString(b, r.Source.SHA256)
	b = appendKey(b, ',', "encoding")
	b = appendString(b, r.Source.Encoding)
	b = appendKey(b, ',', "line_start")
	b = strconv.AppendInt(b, int64(r.Source.LineStart), 10)
	b = appendKey(b, ',', "line_end")
	b = strconv.AppendInt(b, int64(r.Source.LineEnd), 10)
	b = appendKey(b, ',', "media_type")
	b = appendString(b, r.Source.MediaType)
	b = appendKey(b, ',', "record")
	b = appendOptional(b, r.Source.Record)
	b = appendKey(b, ',', "offset")
	if r.Source.Offset == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, *r.Source.Offset, 10)
	}
	b = append(b, '}')
	b = appendKey(b, ',', "layout")
	b = appendString(b, r.Layout)
	b = appendKey(b, ',', "url")
	b = appendOptional(b, r.URL)
	b = appendKey(b, ',', "outlet")
	b = appendOptional(b, r.Outlet)
	b = appendKey(b, ',', "outlet_country")
	b = appendOptional(b, r.OutletCountry)
	b = appendKey(b, ',', "title")
	b = appendOptional(b, r.Title)
	b = appendKey(b, ',', "section")
	b = appendOptional(b, r.Section)
	b = appendKey(b, ',', "date")
	b = appendDate(b, r.Date)
	b = appendKey(b, ',', "retrieved")
	b = appendDate(b, r.Retrieved)
	b = appendKey(b, ',', "date_precision")
	b = appendOptional(b, r.DatePrecision)
	b = appendKey(b, ',', "date_text")
	b = appendOptional(b, r.DateText)
	b = appendKey(b, ',', "byline")
	b = appendList(b, r.Byline, appendString)
	b = appendKey(b, ',', "body")
	b = appendString(b, r.Body)
	b = appendKey(b, ',', "language")
	b = appendString(b, r.Language)
	b = appendKey(b, ',', "language_confidence")
	b = appendFloat(b, r.LanguageConfidence)
	b = appendKey(b, ',', "mentions")
	b = appendList(b, r.Mentions, appendMention)
	b = appendKey(b, ',', "word_count")
	b = strconv.AppendInt(b, int64(r.WordCount), 10)
	b = appendKey(b, ',', "duplicate_of")
	b = appendOptional(b, r.DuplicateOf)
	return append(b, '}')
}

// appendKey appends a separator and an object key; keys here need no
// escaping.
func appendKey(b []byte, separator byte, key string) []byte {
	b = append(b, separator, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

func appendDate(b []byte, d *Date) []byte {
	if d == nil {
		return append(b, "null"...)
	}
	return appendString(b, d.String())
}

func appendOptional(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s)
}

// appendList encodes a list, each item by appendItem; nil is null and
// empty is [], as in encoding/json.
func appendList[T any](b []byte, list []T, appendItem func([]byte, T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, item := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendItem(b, item)
	}
	return append(b, ']')
}

func appendMention(b []byte, m Mention) []byte {
	b = appendKey(b, '{', "entity")
	b = appendString(b, m.Entity)
	b = appendKey(b, ',', "name")
	b = appendString(b, m.Name)
	b = appendKey(b, ',', "kind")
	b = appendString(b, m.Kind)
	b = appendKey(b, ',', "surface")
	b = appendString(b, m.Surface)
	b = appendKey(b, ',', "start")
	b = strconv.AppendInt(b, int64(m.Start), 10)
	b = appendKey(b, ',', "end")
	b = strconv.AppendInt(b, int64(m.End), 10)
	return append(b, '}')
}

// appendFloat writes a float64 as encoding/json does: like %g, with
// exponents only below 1e-6 and from 1e21, and unpadded.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString quotes s as encoding/json does without HTML escaping:
// control characters escaped, invalid UTF-8 replaced by U+FFFD, and the
// line and paragraph separators escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
