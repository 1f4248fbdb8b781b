package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/dates"
	"github.com/nkcorpus/builder/schema"
)

// Which date is the publication date. A capture holds many dates: the
// article's, a "today is" widget's in the page header, a caption's, a
// related story's, the events the text tells of. The publication date is
// read, in order of trust:
//
//  1. a metadata line the capture service wrote before the page
//     (" date 2023-09-27 …");
//  2. a date line beside the headline or the byline: a line that is a date,
//     perhaps with a label ("Tarix:", "Published", "Опубликовано") or a time;
//  3. the dateline opening the article ("VIENNA, 12 November 2015 – …");
//  4. a date inside a longer line of the page header.
//
// Among dates of one rank the one nearest the headline (or the byline when
// there is no headline) wins; a date written without its year is none. A
// date in the URL is the caller's last resort (the URL is not in the text).

// dateRank orders the kinds of evidence for a publication date; lower wins.
type dateRank int

const (
	rankMetadata dateRank = iota
	rankDateLine
	rankDateline
	rankInLine
	rankNone
)

// dateCandidate is a date found in a capture.
type dateCandidate struct {
	text  string
	line  int // index of its line
	rank  dateRank
	dist  int // distance in lines to the anchor (headline or byline)
	valid bool
}

// better reports whether c is better evidence than d.
func (c dateCandidate) better(d dateCandidate) bool {
	if !d.valid {
		return c.valid
	}
	if c.rank != d.rank {
		return c.rank < d.rank
	}
	return c.dist < d.dist
}

// metadataDate matches the line some capture services put first:
// " date 2023-09-27" and the page's text after it, on the same line.
var metadataDate = regexp.MustCompile(`^\s*date (\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)`)

// cutMetadata splits a leading metadata date from the rest of the line.
func cutMetadata(s string) (date, rest string, ok bool) {
	if len(s) < 6 || !strings.HasPrefix(strings.TrimLeft(s, " "), "date ") {
		return "", s, false // the pattern needs this prefix; skip its scan
	}
	m := metadataDate.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s, false
	}
	return s[m[2]:m[3]], s[m[1]:], true
}

// findDate finds the first date written with its year in a line
// (dates.Find; a day and month without a year, or a year alone, is no
// publication date), and returns it as written.
func findDate(s string) (string, bool) {
	for from := 0; from < len(s); {
		f, ok := dates.Find(s[from:], time.Time{})
		if !ok {
			return "", false
		}
		if f.Resolved && f.Precision != schema.PrecisionYear {
			return f.Text, true // a year alone ("1570") is a counter's or an event's
		}
		from += max(f.End, 1)
	}
	return "", false
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// isDateOnlyLine reports a line that is a date with at most a label, a time,
// a section or a counter beside it ("Tarix: 23 Dekabr 2020 16:54",
// "12:20 / 31.10.2020", "27.12.2022 / Ausland / Seite 1"), not a sentence
// that tells of a date.
func isDateOnlyLine(s, date string) bool {
	if date == "" || endsSentence(s) && !strings.HasSuffix(strings.TrimSpace(s), date) && !strings.HasSuffix(s, ")") {
		return false
	}
	rest := strings.Replace(s, date, " ", 1)
	other := 0
	for w := range words(rest, unicode.IsSpace) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 && !isClockWord(w) {
			other++
		}
	}
	return other <= 6 && utf8.RuneCountInString(s) <= 120
}

// isClockWord reports the words that go with a time: AM, PM, GMT…
func isClockWord(w string) bool {
	switch strings.ToUpper(strings.Trim(w, ".,")) {
	case "AM", "PM", "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "MSK":
		return true
	}
	return false
}

// datelineStart finds the date of a dateline that opens a paragraph:
// "VIENNA, 12 November 2015 – …", "YEREVAN, February 4, 2021 (Armen
// Press): …". Only the first words are searched.
func datelineStart(s string) (string, bool) {
	head := s
	if i := strings.IndexAny(s, "–—-:"); i > 0 && i < 80 {
		head = s[:i]
	} else if len(s) > 80 {
		head = s[:80]
	}
	return findDate(head)
}

// pickDate chooses the publication date among the candidates.
func pickDate(cands []dateCandidate) string {
	var best dateCandidate
	for _, c := range cands {
		if c.better(best) {
			best = c
		}
	}
	return best.text
}
