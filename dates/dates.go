// Package dates reads publication dates as captures write them, from a table
// of explicit layouts and month names per language (no guessing parser: it
// would cost start-up time and memory).
//
// # Forms read
//
//	Oct 2 2023 · October 2, 2023 · 2 October 2023 · 2. Oktober 2023   day
//	18.04.24 15:40 · 18.04.2024 · 2023-10-02                          day
//	October 2023                                                      month
//	3 months ago · 2 years ago · 5 days ago                           relative
//
// Month names are read in English, Russian, Azerbaijani, Turkish, French,
// German, Spanish, Italian and Portuguese. A relative date needs the capture
// date to resolve; it is known to the unit it counts in (months ago: month),
// and a date known to the month or year is stored as the first day of it.
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nkcorpus/builder/schema"
)

// Parsed is a date read from text.
type Parsed struct {
	Date      schema.Date
	Precision string
	// Resolved is false for a relative date read without a capture date.
	Resolved bool
}

var months = map[string]time.Month{}

func init() {
	// Prefixes long enough to tell months apart in every listed language,
	// so inflected forms (октября, oktyabrın) and abbreviations (Oct, Sept.) match.
	names := [][]string{
		{"jan", "янв", "yan", "oca", "jän", "gen", "ene"},
		{"feb", "фев", "fev", "şub", "fév"},
		{"mar", "мар", "mär"},
		{"apr", "апр", "nis", "avr", "abr"},
		{"may", "мая", "май", "mai", "mag"},
		{"jun", "июн", "iyun", "haz", "juin", "giu"},
		{"jul", "июл", "iyul", "tem", "juil", "lug"},
		{"aug", "авг", "avq", "ağu", "août", "ago"},
		{"sep", "сен", "sent", "eyl", "set"},
		{"oct", "окт", "okt", "eki", "ott", "out"},
		{"nov", "ноя", "noy", "kas"},
		{"dec", "дек", "dek", "ara", "déc", "dez", "dic"},
	}
	for i, list := range names {
		for _, n := range list {
			months[n] = time.Month(i + 1)
		}
	}
}

// monthOf reads a month name in any listed language, full, abbreviated or inflected.
func monthOf(word string) (time.Month, bool) {
	w := []rune(strings.ToLower(strings.TrimSuffix(word, ".")))
	if len(w) < 3 {
		return 0, false
	}
	for n := len(w); n >= 3; n-- {
		if m, ok := months[string(w[:n])]; ok {
			return m, true
		}
	}
	return 0, false
}

var (
	numericDate  = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	isoDate      = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*)?$`)
	relativeDate = regexp.MustCompile(`^(\d+|an?|one) (year|month|week|day|hour|minute|second)s? ago$`)
	clockTime    = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?$`)
	wordSplit    = regexp.MustCompile(`[\s,]+`)
)

// Parse reads text as a date. ok is false when text is not a date at all.
// retrieved is the capture date (zero when unknown), used for relative dates.
func Parse(text string, retrieved time.Time) (p Parsed, ok bool) {
	s := strings.TrimSpace(text)
	if m := numericDate.FindStringSubmatch(s); m != nil {
		year := atoi(m[3])
		if len(m[3]) == 2 {
			year += 2000
		}
		return day(year, atoi(m[2]), atoi(m[1]))
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return day(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := relativeDate.FindStringSubmatch(strings.ToLower(s)); m != nil {
		return relative(m[1], m[2], retrieved), true
	}
	return wordDate(wordSplit.Split(s, -1))
}

// wordDate reads dates with a month name: "Oct 2 2023", "2 October 2023",
// "October 2023". A trailing clock time is allowed.
func wordDate(words []string) (Parsed, bool) {
	if n := len(words); n > 0 && clockTime.MatchString(words[n-1]) {
		words = words[:n-1]
	}
	var year, dayOfMonth int
	var month time.Month
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		switch {
		case w == "":
		case isDigits(w) && len(w) == 4 && year == 0:
			year = atoi(w)
		case isDigits(w) && len(w) <= 2 && dayOfMonth == 0:
			dayOfMonth = atoi(w)
		case month == 0:
			m, ok := monthOf(w)
			if !ok {
				return Parsed{}, false
			}
			month = m
		default:
			return Parsed{}, false
		}
	}
	switch {
	case year == 0 || month == 0:
		return Parsed{}, false
	case dayOfMonth == 0:
		return Parsed{Date: schema.DateOf(time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)), Precision: schema.PrecisionMonth, Resolved: true}, true
	}
	return day(year, int(month), dayOfMonth)
}

func day(year, month, dayOfMonth int) (Parsed, bool) {
	t := time.Date(year, time.Month(month), dayOfMonth, 0, 0, 0, 0, time.UTC)
	// time.Date normalises 31 February to March; such text is not a date.
	if month < 1 || month > 12 || t.Day() != dayOfMonth || year < 1900 || year > 2200 {
		return Parsed{}, false
	}
	return Parsed{Date: schema.DateOf(t), Precision: schema.PrecisionDay, Resolved: true}, true
}

func relative(count, unit string, retrieved time.Time) Parsed {
	n := 1
	if isDigits(count) {
		n = atoi(count)
	}
	var p Parsed
	switch unit {
	case "year":
		p.Precision = schema.PrecisionYear
	case "month", "week":
		p.Precision = schema.PrecisionMonth
	default:
		p.Precision = schema.PrecisionDay
	}
	if retrieved.IsZero() {
		return Parsed{Precision: p.Precision}
	}
	y, m, d := retrieved.Date()
	var t time.Time
	switch unit {
	case "year":
		t = time.Date(y-n, 1, 1, 0, 0, 0, 0, time.UTC)
	case "month":
		t = time.Date(y, m-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	case "week":
		t = time.Date(y, m, d-7*n, 0, 0, 0, 0, time.UTC)
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "day":
		t = time.Date(y, m, d-n, 0, 0, 0, 0, time.UTC)
	default: // hours, minutes, seconds: the capture day
		t = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	p.Date, p.Resolved = schema.DateOf(t), true
	return p
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
