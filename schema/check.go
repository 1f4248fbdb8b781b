package schema

import (
	"fmt"
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
	if r.Source.Path == "" || r.Source.SHA256 == "" || r.Source.Encoding == "" {
		fail("source path, sha256 and encoding must be set")
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
	if !utf8.ValidString(r.Body) {
		fail("body is not valid UTF-8")
	} else if !norm.NFC.IsNormalString(r.Body) {
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

func checkMentions(r Record) []error {
	var errs []error
	body := []rune(r.Body)
	for i, m := range r.Mentions {
		if m.Start < 0 || m.End <= m.Start || int(m.End) > len(body) {
			errs = append(errs, fmt.Errorf("%s: mention %d (%s) offsets %d-%d out of range", r.ID, i, m.Entity, m.Start, m.End))
			continue
		}
		if got := string(body[m.Start:m.End]); got != m.Surface {
			errs = append(errs, fmt.Errorf("%s: mention %d surface %q but body holds %q", r.ID, i, m.Surface, got))
		}
		if i > 0 && r.Mentions[i-1].Start > m.Start {
			errs = append(errs, fmt.Errorf("%s: mentions not sorted by start at %d", r.ID, i))
		}
	}
	return errs
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
