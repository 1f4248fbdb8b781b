package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Check returns every way r breaks the rules of DESIGN.md that hold for every
// record; nil means r is valid.
func Check(r Record) []error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{r.ID}, args...)...))
	}
	if _, err := ParseID(r.ID); err != nil {
		fail("%v", err)
	}
	eachString(reflect.ValueOf(r), "", func(field, s string) {
		if problem := badText(s); problem != "" {
			fail("%s %s", field, problem)
		}
	})
	if r.Source.Path == "" || r.Source.SHA256 == "" || r.Source.Encoding == "" {
		fail("source path, sha256 and encoding must be set")
	}
	if !EscapedPath(r.Source.Path) {
		fail("source path %q is not spelled as EscapePath spells a path", r.Source.Path)
	}
	if r.Source.LineStart < 1 || r.Source.LineEnd < r.Source.LineStart {
		fail("source lines %d-%d are not a 1-based range", r.Source.LineStart, r.Source.LineEnd)
	}
	if m := r.Source.MediaType; m != MediaText && m != MediaHTML {
		fail("source media_type %q is not %s or %s", m, MediaText, MediaHTML)
	}
	if (r.Source.Record == nil) != (r.Source.Offset == nil) {
		fail("source record and offset must be both set (a WARC capture) or both null")
	}
	if r.Source.Offset != nil && *r.Source.Offset < 0 {
		fail("source offset %d is negative", *r.Source.Offset)
	}
	if r.Layout == "" {
		fail("layout is empty")
	}
	if strings.TrimSpace(r.Body) == "" {
		fail("body is empty")
	}
	if utf8.ValidString(r.Body) && !norm.NFC.IsNormalString(r.Body) {
		fail("body is not NFC")
	}
	if r.Byline == nil || r.Mentions == nil {
		fail("byline and mentions must be arrays, not null")
	}
	if (r.Date == nil) != (r.DatePrecision == nil) {
		fail("date and date_precision must be both set or both null")
	}
	if p := r.DatePrecision; p != nil && *p != PrecisionDay && *p != PrecisionMonth && *p != PrecisionYear {
		fail("date_precision %q is not day, month or year", *p)
	}
	if r.Language == "" {
		fail("language is empty")
	}
	if r.LanguageConfidence < 0 || r.LanguageConfidence > 1 {
		fail("language_confidence %v is outside 0-1", r.LanguageConfidence)
	}
	if want := WordCount(r.Body); r.WordCount != want {
		fail("word_count %d, body has %d words", r.WordCount, want)
	}
	errs = append(errs, checkMentions(r)...)
	return errs
}

// EscapedPath tells whether p is a path as [EscapePath] spells it.
func EscapedPath(p string) bool {
	raw, err := UnescapePath(p)
	return err == nil && EscapePath(raw) == p
}

func checkMentions(r Record) []error {
	var errs []error
	runes := int32(utf8.RuneCountInString(r.Body))
	at := byteOffsets(r.Body, r.Mentions)
	for i, m := range r.Mentions {
		if m.Start < 0 || m.End <= m.Start || m.End > runes {
			errs = append(errs, fmt.Errorf("%s: mention %d (%s) offsets %d-%d out of range", r.ID, i, m.Entity, m.Start, m.End))
			continue
		}
		if got := r.Body[at[m.Start]:at[m.End]]; got != m.Surface {
			errs = append(errs, fmt.Errorf("%s: mention %d surface %q but body holds %q", r.ID, i, m.Surface, got))
		}
		if i > 0 && r.Mentions[i-1].Start > m.Start {
			errs = append(errs, fmt.Errorf("%s: mentions not sorted by start at %d", r.ID, i))
		}
	}
	return errs
}

// byteOffsets maps the code-point offsets mentions start and end at to byte
// offsets in body, in one pass and without a copy of the body as runes.
func byteOffsets(body string, mentions []Mention) map[int32]int {
	wanted := make([]int32, 0, 2*len(mentions))
	for _, m := range mentions {
		wanted = append(wanted, m.Start, m.End)
	}
	slices.Sort(wanted)
	at := make(map[int32]int, len(wanted))
	runes := int32(0)
	for i := range body {
		for len(wanted) > 0 && wanted[0] <= runes {
			at[wanted[0]] = i
			wanted = wanted[1:]
		}
		if len(wanted) == 0 {
			break
		}
		runes++
	}
	for _, w := range wanted {
		at[w] = len(body)
	}
	return at
}

// badText says what is wrong with s as the text of a field: not valid
// UTF-8, or holding a control character other than newline and tab; "" when
// nothing is.
func badText(s string) string {
	for i := 0; i < len(s); {
		c := rune(s[i])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
			if c == utf8.RuneError && size == 1 {
				return "is not valid UTF-8"
			}
		}
		if unicode.IsControl(c) && c != '\n' && c != '\t' {
			return fmt.Sprintf("holds control character U+%04X", c)
		}
		i += size
	}
	return ""
}

// eachString calls fn with every string of v, a record or a part of one,
// named by its JSON path (source.path, byline[0], mentions[2].surface).
func eachString(v reflect.Value, name string, fn func(field, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(name, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			eachString(v.Elem(), name, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachString(v.Index(i), fmt.Sprintf("%s[%d]", name, i), fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			field, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if name != "" {
				field = name + "." + field
			}
			eachString(v.Field(i), field, fn)
		}
	}
}

// WordCount counts the words of a body: whitespace-separated tokens holding at
// least one letter or digit, so dashes and bullets are not words.
func WordCount(body string) int32 {
	var n int32
	counted := false // the current token has been counted
	for i := 0; i < len(body); {
		// ASCII, most of most bodies, is told by its byte.
		r, size := rune(body[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(body[i:])
		}
		i += size
		switch {
		case unicode.IsSpace(r):
			counted = false
		case !counted && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r))):
			n++
			counted = true
		}
	}
	return n
}
