// Package dates reads dates as captures of news pages write them: a line that
// is a date (Parse), a date inside a longer line (Find), and a date in a
// URL's path (FromURL). It reads explicit forms with month, weekday and label
// names per language from embedded tables (months.tsv, words.tsv; words.go
// documents them), not a guessing parser, which would cost start-up time and
// memory and read numbers in prose as dates.
//
// # Forms read
//
//	2 October 2023 · 2. Oktober 2023 · 29SEP2023 · 27-Sep-2023       day
//	October 2, 2023 · Sept. 5, 2024 · Sep 29 '20                      day
//	27 de septiembre de 2023 · 4 лютого 2026 р. · 28 mag 21 (closing) day
//	2023. szeptember 27. · 2020-ci il oktyabrın 28 · 2023 წლის 27 სექტემბერი  day
//	18.04.24 · 12.06.2024 · 13-06-2020 · 10/27/2023 · 2023-10-02      day
//	2023-09-27T10:00:00+04:00 · 2023年9月27日                          day
//	16 مهر 1399 · ۱۳۹۹/۰۷/۱۶ (Solar Hijri, as Gregorian)              day
//	October 2023 · в мае 2020 года · 2023-09 (after a label)          month
//	3 months ago · 2 weeks ago · 3 дня назад · 2 gün önce · vor 3 Tagen  relative
//
// A time of day and a weekday beside a date belong to it ("12:24, 4 февраля
// 2026", "September 23, 2023, 13:42", "Published April 17, 2024 | 05:50
// PM", "چهارشنبه، 16 مهر 1399 - 10:26"), and a label before it says what it
// is (Parsed.Label): "Published", "Опубликовано", "Yayınlanma:", "Publié
// le", "Updated", "Tarix:", and the " date 2023-09-24" line some capture
// services write first.
//
// Month names are read in English, Russian, Ukrainian, Azerbaijani (Latin and
// Cyrillic), Turkish, Armenian, Georgian, Persian (Gregorian and Solar Hijri
// months), Arabic (Egyptian, Levantine and Maghrebi names), French, German,
// Spanish, Italian, Portuguese, Polish, Dutch, Czech, Romanian, Bulgarian,
// Serbian, Croatian, Greek, Hungarian, Swedish, Norwegian and Danish, full,
// abbreviated and inflected; digits in Western, Arabic-Indic and Persian
// script.
//
// # Precision
//
// A date known to the month or the year is stored as the first day of it. A
// relative date needs the capture date to resolve, and is known to the unit
// it counts in: days and hours give the day, weeks and months the month,
// years the year. A two-digit year is 19xx from 69 on, 20xx below. Years
// before 1900 or after 2200 are not dates. A number-only Solar Hijri date
// needs a year from 1300 to 1439, so that a lunar Hijri year (1445) is not
// read as one.
package dates

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

// Labels: what a label before a date calls it.
const (
	LabelPublished = "published" // "Published", "Posted", "Опубликовано", "Yayınlanma"
	LabelUpdated   = "updated"   // "Updated", "Обновлено", "Mis à jour le"
	LabelDate      = "date"      // "Date:", "Tarix:", "Дата:"
	LabelMetadata  = "metadata"  // the " date YYYY-MM-DD" line that starts some captures
)

// Parsed is a date read from text.
type Parsed struct {
	Date      schema.Date
	Precision string
	// Resolved is false when the text does not fix the date: a relative date
	// read without a capture date, or (from Find) a day and month without year.
	Resolved bool
	// Relative is true for a date counted back from the capture ("3 days ago").
	Relative bool
	// Label is the kind of the label before the date (LabelPublished, …), or "".
	Label string
}

// Parse reads text as a date and nothing else: beside the date only its time
// of day, weekday and label, brackets and separators, or a place in a
// bracketed dateline ("(New York, 9 October 2023)"). ok is false when text is
// not a date, or is a day and month without a year. retrieved is the capture
// date (zero when unknown), against which relative dates are read.
func Parse(text string, retrieved time.Time) (p Parsed, ok bool) {
	s := strings.TrimSpace(text)
	m := matcher{s: s, t: lex(s, 0, len(s), nil), whole: true, retrieved: retrieved, w: words()}
	sp, ok := m.first()
	if !ok || sp.yearless || !alone(s[:sp.labelStart], s[sp.end:]) {
		return Parsed{}, false
	}
	return sp.p, true
}

// alone reports that what stands before and after a date is decoration.
func alone(before, after string) bool {
	if strings.TrimFunc(after, isDecoration) != "" {
		return false
	}
	place := strings.TrimFunc(before, isDecoration)
	if place == "" {
		return true
	}
	// "(New York, 9 October 2023)": one to four capitalised words.
	words := strings.Fields(place)
	if !strings.HasPrefix(strings.TrimSpace(before), "(") || !strings.HasSuffix(strings.TrimSpace(before), ",") ||
		!strings.Contains(after, ")") || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isDecoration(r rune) bool {
	return isSpace(r) || strings.ContainsRune(".,;:|-–—·•/()[]{}«»\"'“”", r)
}

// Found is a date found inside a line.
type Found struct {
	Parsed
	Text       string // the date as written, with its time and weekday: line[Start:End]
	Start, End int    // the byte span of Text in the line; a label before it is not in it
}

// Find returns the first date in line, read as Parse reads one, or a day and
// month without a year (Resolved false). To find the next one, call Find on
// line[f.End:]. A date needs a digit: lines without one are rejected at the
// cost of a byte scan, and a long line is read in windows around its digits,
// so the cost grows with the line's length, not more. retrieved is the
// capture date (zero when unknown), against which relative dates are read.
func Find(line string, retrieved time.Time) (f Found, ok bool) {
	buf := tokenBuffers.Get().(*[]token)
	defer tokenBuffers.Put(buf)
	for from := 0; ; {
		p := nextDigit(line, from, len(line))
		if p < 0 {
			return Found{}, false
		}
		start, end := window(line, p)
		*buf = lex(line, start, end, (*buf)[:0])
		m := matcher{s: line, t: *buf, retrieved: retrieved, w: words()}
		if sp, ok := m.first(); ok {
			return Found{Parsed: sp.p, Text: line[sp.start:sp.end], Start: sp.start, End: sp.end}, true
		}
		from = end
	}
}

var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// reach is how far from a digit a date's words may stand, in bytes: a label
// and a weekday before it, a month name and a year word after it.
const reach = 128

// window returns the part of line to read for the digit at p: from reach
// bytes before it, at a space, to reach bytes after the last digit that
// follows within reach of another.
func window(line string, p int) (start, end int) {
	start = max(0, p-reach)
	if start > 0 {
		if k := strings.IndexByte(line[start:p], ' '); k >= 0 {
			start += k + 1
		}
	}
	end = p
	for {
		end = digitsEnd(line, end)
		q := nextDigit(line, end, min(len(line), end+reach))
		if q < 0 {
			break
		}
		end = q
	}
	return start, min(len(line), end+reach)
}

func digitsEnd(s string, i int) int {
	for i < len(s) && nextDigit(s, i, i+1) == i {
		if s[i] < '0' || s[i] > '9' {
			i++ // the second byte of a Persian or Arabic-Indic digit
		}
		i++
	}
	return i
}

func dayDate(year, month, day int, cal calendar) (Parsed, bool) {
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	valid := month >= 1 && month <= 12 && t.Day() == day // not 31 February
	if cal == solarHijri {
		t, valid = fromSolar(year, month, day)
	}
	if !valid || t.Year() < 1900 || t.Year() > 2200 {
		return Parsed{}, false
	}
	return Parsed{Date: schema.DateOf(t), Precision: schema.PrecisionDay, Resolved: true}, true
}

func monthDate(year, month int, cal calendar) (Parsed, bool) {
	if cal == solarHijri { // a Solar Hijri month straddles two Gregorian ones
		return Parsed{}, false
	}
	p, ok := dayDate(year, month, 1, cal)
	p.Precision = schema.PrecisionMonth
	return p, ok
}

func twoDigitYear(yy int) int {
	if yy >= 69 {
		return 1900 + yy
	}
	return 2000 + yy
}

// solarNumeric reports a year of a number-only date read as Solar Hijri.
func solarNumeric(year int) bool { return 1300 <= year && year < 1440 }

// relative returns the date n units before retrieved; ok is false when
// that is before 1900.
func relative(n int, unit string, retrieved time.Time) (p Parsed, ok bool) {
	p.Relative = true
	switch unit {
	case "year":
		p.Precision = schema.PrecisionYear
	case "month", "week":
		p.Precision = schema.PrecisionMonth
	default:
		p.Precision = schema.PrecisionDay
	}
	if retrieved.IsZero() {
		return p, true
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
	return p, t.Year() >= 1900
}
