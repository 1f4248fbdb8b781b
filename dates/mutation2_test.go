package dates

import (
	"strings"
	"testing"
	"time"
)

// TestParseDatelinePlace: the place of a bracketed dateline is one to four
// capitalised words, no more.
func TestParseDatelinePlace(t *testing.T) {
	p, ok := Parse("(Port Of Spain Harbour, 9 October 2023)", retrieved)
	want{"(Port Of Spain Harbour, 9 October 2023)", "2023-10-09", "day", ""}.check(t, "Parse", p, ok)
	if p, ok := Parse("(Port Of Spain Old Harbour, 9 October 2023)", retrieved); ok {
		t.Errorf("Parse of a five-word place = %s, want no date", p.Date)
	}
}

// TestDigitsEnd: the run of digits ends after its last digit, Western or
// Persian, whichever digit it is.
func TestDigitsEnd(t *testing.T) {
	for s, end := range map[string]int{"9 x": 1, "10 x": 2, "5 7": 1, "2019 x": 4, "۱۴۰۲ x": 8, "٩ x": 2} {
		if got := digitsEnd(s, 0); got != end {
			t.Errorf("digitsEnd(%q, 0) = %d, want %d", s, got, end)
		}
	}
}

// TestFindWindowFollowsDigits: a window reaches past every digit within
// reach of the one before, so a date whose day stands far from the line's
// first number is read whole, with its year.
func TestFindWindowFollowsDigits(t *testing.T) {
	line := "Room 7 " + strings.Repeat("a ", 59) + "27 September 2023"
	f, ok := Find(line, retrieved)
	if !ok || f.Text != "27 September 2023" || !f.Resolved || f.Date.String() != "2023-09-27" {
		t.Errorf("Find(%q) = %q %s resolved=%v %v, want 27 September 2023", line, f.Text, f.Date, f.Resolved, ok)
	}
	if start, end := window(line, 5); start != 0 || end != len(line) {
		t.Errorf("window = [%d:%d], want the whole line [0:%d]", start, end, len(line))
	}
}

// TestRelativeFrom1900: a relative date may go back to 1900, the first year
// of a date, and no further.
func TestRelativeFrom1900(t *testing.T) {
	p, ok := Parse("125 years ago", retrieved)
	want{"125 years ago", "1900-01-01", "year", ""}.check(t, "Parse", p, ok)
	if p, ok := Parse("126 years ago", retrieved); ok {
		t.Errorf("Parse(%q) = %s, want no date", "126 years ago", p.Date)
	}
}

// TestSolarHijriDaysFollow: from the first day of 1178 AP to the last of
// 1633, each day fromSolar accepts is the day after the one before it: no
// year ends on the day the next one starts or a day before, so a year is
// leap exactly when the next Nowruz comes a day later.
func TestSolarHijriDaysFollow(t *testing.T) {
	first, _ := fromSolar(1178, 1, 1)
	prev := first.AddDate(0, 0, -1)
	for y := 1178; y <= 1633; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				got, ok := fromSolar(y, m, d)
				if !ok {
					continue
				}
				if want := prev.AddDate(0, 0, 1); !got.Equal(want) {
					t.Fatalf("fromSolar(%d, %d, %d) = %s, want %s", y, m, d, got.Format(time.DateOnly), want.Format(time.DateOnly))
				}
				prev = got
			}
		}
	}
}

// TestControlIsSpace: a control character, C0 or C1 (U+0080–U+009F, which
// text mis-decoded from Windows-1252 holds), parts a date's words as a space
// does.
func TestControlIsSpace(t *testing.T) {
	for _, text := range []string{"5\tMarch\t2024", "5\u0080March\u00802024", "5\u009fMarch\u009f2024"} {
		p, ok := Parse(text, retrieved)
		want{text, "2024-03-05", "day", ""}.check(t, "Parse", p, ok)
	}
}

// TestLexNumberValue: a number keeps its value up to nine digits, and has
// none (-1) from ten on.
func TestLexNumberValue(t *testing.T) {
	for s, val := range map[string]int{"123456789": 123456789, "1234567890": -1, "۱۲۳۴۵۶۷۸۹": 123456789} {
		toks := lex(s, 0, len(s), nil)
		if len(toks) != 1 || toks[0].kind != number || toks[0].val != val {
			t.Errorf("lex(%q) = %+v, want one number of value %d", s, toks, val)
		}
	}
}

// TestFindTextIsTheDate: Found.Text, and its span, are the date exactly as
// written, with its time and weekday and nothing more: at the start and the
// end of a line, and next to brackets, quotes and punctuation.
func TestFindTextIsTheDate(t *testing.T) {
	for _, c := range []struct{ line, text string }{
		{"2023-09-27", "2023-09-27"},
		{"(2023-09-27)", "2023-09-27"},
		{"«27.09.2023»", "27.09.2023"},
		{"on 27.09.2023.", "27.09.2023"},
		{"Sep 29 '20", "Sep 29 '20"},
		{"[28 mag 21] Roma", "28 mag 21"},
		{"Posted: 5 March 2024, 10:00.", "5 March 2024, 10:00"},
		{"5 March 2024 at 9:15 p.m. by staff", "5 March 2024 at 9:15 p.m."},
		{"5 March 2024, 9:15 a.m", "5 March 2024, 9:15 a.m"},
		{"新华社2023年9月27日电", "2023年9月27日"},
		{"统计2023年9月份", "2023年9月"},
		{"2023년 9월 27일 발표", "2023년 9월 27일"},
		{"— Wednesday, 27 September 2023 —", "Wednesday, 27 September 2023"},
		{"13:42 31.10.2020 news", "13:42 31.10.2020"},
		{"x 10:00:00+04:00 PM 31.10.2020", "10:00:00+04:00 PM 31.10.2020"},
		{"Oct. 5, 2024;", "Oct. 5, 2024"},
		{"5-Oct-2024,", "5-Oct-2024"},
		{"\"3 days ago\"", "3 days ago"},
		{"2023. szeptember 27.", "2023. szeptember 27."},
	} {
		f, ok := Find(c.line, retrieved)
		if !ok || f.Text != c.text || c.line[f.Start:f.End] != f.Text {
			t.Errorf("Find(%q) = %q [%d:%d] %v, want %q", c.line, f.Text, f.Start, f.End, ok, c.text)
		}
	}
}

// TestHyphenJoinsNameWords: the words of a name of two words may be joined
// by a hyphen as well as a space, read forward (a month) and backward (a
// weekday).
func TestHyphenJoinsNameWords(t *testing.T) {
	for _, text := range []string{"5 كانون-الثاني 2024", "5 كانون الثاني 2024", "sexta-feira, 5 de janeiro de 2024"} {
		p, ok := Parse(text, retrieved)
		want{text, "2024-01-05", "day", ""}.check(t, "Parse", p, ok)
	}
}

// TestNameWordsAdjacent: the words of a two-word month name stand side by
// side; "كانون" alone, with "الثاني" earlier in the line, is no month.
func TestNameWordsAdjacent(t *testing.T) {
	for _, line := range []string{"في الثاني 5 كانون 2024", "في الثاني: كانون 5, 2024"} {
		if f, ok := Find(line, retrieved); ok {
			t.Errorf("Find(%q) = %q, want no date", line, f.Text)
		}
	}
}

// TestFindMonthDateTexts: a day with its month and year, found in a line,
// as written: a second name of the month after a slash, an abbreviation's
// dot, the 31st, and a two-digit year closing the line.
func TestFindMonthDateTexts(t *testing.T) {
	for _, c := range []struct{ line, text, date string }{
		{"صدر في أيلول/سبتمبر 2023 تقرير", "أيلول/سبتمبر 2023", "2023-09-01"},
		{"صدر في أيلول/سبتمبر 5، 2023 تقرير", "أيلول/سبتمبر 5، 2023", "2023-09-05"},
		{"on 5 Sept. 2024 the talks", "5 Sept. 2024", "2024-09-05"},
		{"on 31 March 2024 the talks", "31 March 2024", "2024-03-31"},
		{"on March 31, 2024 the talks", "March 31, 2024", "2024-03-31"},
		{"Roma, 28 mag 21", "28 mag 21", "2021-05-28"},
		{"Roma, 28 mag 21  ", "28 mag 21", "2021-05-28"},
		{"on 5 March, 2024 the talks", "5 March, 2024", "2024-03-05"},
	} {
		f, ok := Find(c.line, retrieved)
		if !ok || f.Text != c.text || !f.Resolved || f.Date.String() != c.date {
			t.Errorf("Find(%q) = %q %s %v, want %q %s", c.line, f.Text, f.Date, ok, c.text, c.date)
		}
	}
}

// TestFindNumericNeighbours: a numeric date is no part of a longer group
// only when what touches it is no number joined by its separator: a label's
// colon, a comma, a full stop before a spaced number, a spaced number.
func TestFindNumericNeighbours(t *testing.T) {
	for _, c := range []struct{ line, text, label string }{
		{"Tarix:27.09.2023", "27.09.2023", "date"},
		{"Views 5, 27.09.2023", "27.09.2023", ""},
		{"Issue 12 :27.09.2023", "27.09.2023", ""},
		{"On 27.09.2023. 5 people died", "27.09.2023", ""},
		{"News 27.09.2023.Baku", "27.09.2023", ""},
		{"Updated: 10:30 — 2023-09", "10:30 — 2023-09", "updated"},
	} {
		f, ok := Find(c.line, retrieved)
		if !ok || f.Text != c.text || f.Label != c.label {
			t.Errorf("Find(%q) = %q %q %v, want %q %q", c.line, f.Text, f.Label, ok, c.text, c.label)
		}
	}
}

// TestParseSlashOrder: DD/MM/YYYY unless the middle number cannot be a
// month and the first can, the American order.
func TestParseSlashOrder(t *testing.T) {
	for text, date := range map[string]string{"10/12/2023": "2023-12-10", "12/27/2023": "2023-12-27", "12/12/2023": "2023-12-12"} {
		p, ok := Parse(text, retrieved)
		want{text, date, "day", ""}.check(t, "Parse", p, ok)
	}
}

// TestLunarMarkAfterNumericDate: a number-only date followed by the lunar
// Hijri mark is lunar, not Solar, so 1439 AH is no date.
func TestLunarMarkAfterNumericDate(t *testing.T) {
	for _, line := range []string{"1439/05/10 هـ", "1439/05/10 AH"} {
		if f, ok := Find(line, retrieved); ok {
			t.Errorf("Find(%q) = %q %s, want no date", line, f.Text, f.Date)
		}
	}
}

// TestFindClockTexts: a time of day after or before a date is read as far
// as it is a time: hours to 24, minutes below 60, seconds and fractions and
// offsets only when digits follow, a "T" glued to both.
func TestFindClockTexts(t *testing.T) {
	for _, c := range []struct{ line, text string }{
		{"24:00, 31.10.2020", "24:00, 31.10.2020"},
		{"25:00, 31.10.2020", "31.10.2020"},
		{"31.10.2020 13:60", "31.10.2020"},
		{"31.10.2020 13:59", "31.10.2020 13:59"},
		{"31.10.2020 13:42: talks", "31.10.2020 13:42"},
		{"31.10.2020 13:42.Baku", "31.10.2020 13:42"},
		{"31.10.2020 13:42. 5 killed", "31.10.2020 13:42"},
		{"31.10.2020 10:00+04: talks", "31.10.2020 10:00+04"},
		{"31.10.2020 10:00 GMT+4", "31.10.2020 10:00 GMT+4"},
		{"2023-09-27T 10:00", "2023-09-27"},
	} {
		f, ok := Find(c.line, retrieved)
		if !ok || f.Text != c.text {
			t.Errorf("Find(%q) = %q %v, want %q", c.line, f.Text, ok, c.text)
		}
	}
}

// TestFindYearBeforeMonth: outside Parse, a year before its month needs a
// dot or a year word.
func TestFindYearBeforeMonth(t *testing.T) {
	if f, ok := Find("Results for 2023 October 2 more", retrieved); ok && f.Resolved {
		t.Errorf("Find = %q %s, want no date", f.Text, f.Date)
	}
	f, ok := Find("Results 2023. október 2. more", retrieved)
	if !ok || f.Text != "2023. október 2." || f.Date.String() != "2023-10-02" {
		t.Errorf("Find = %q %s %v, want 2023. október 2.", f.Text, f.Date, ok)
	}
}

// TestFromURLEscapesAndHost: a percent escape's hex digits are no digits,
// and a host stays a host even after an empty scheme.
func TestFromURLEscapesAndHost(t *testing.T) {
	p, text, ok := FromURL("https://example.com/news%202023-09-27")
	if !ok || text != "2023-09-27" || p.Date.String() != "2023-09-27" {
		t.Errorf("FromURL after %%20 = %q %s %v, want 2023-09-27", text, p.Date, ok)
	}
	if p, text, ok := FromURL("://2023-09-27.example.com/story"); ok {
		t.Errorf("FromURL of a host's digits = %q %s, want no date", text, p.Date)
	}
}

// TestLabelSeparators: a label stands before its date with up to two
// separators between them, not more.
func TestLabelSeparators(t *testing.T) {
	for line, label := range map[string]string{"Date: 27.09.2023": "date", "Date: — 27.09.2023": "date", "Date: — | 27.09.2023": ""} {
		if f, ok := Find(line, retrieved); !ok || f.Label != label || f.Text != "27.09.2023" {
			t.Errorf("Find(%q) = %q label %q %v, want 27.09.2023 label %q", line, f.Text, f.Label, ok, label)
		}
	}
}

// TestMeridiemDots: "a.m." and "p.m." are read after a time, their first
// dot glued to the letter, and so is the Spanish "p. m.".
func TestMeridiemDots(t *testing.T) {
	for line, text := range map[string]string{
		"31.10.2020 9:15 p.m. talks":   "31.10.2020 9:15 p.m.",
		"31.10.2020 9:15 a.m. talks":   "31.10.2020 9:15 a.m.",
		"31.10.2020 9:15 x.m. talks":   "31.10.2020 9:15",
		"31.10.2020 9:15 p .m. talks":  "31.10.2020 9:15",
		"31.10.2020 9:15 p. m. charla": "31.10.2020 9:15 p. m.",
	} {
		if f, ok := Find(line, retrieved); !ok || f.Text != text {
			t.Errorf("Find(%q) = %q %v, want %q", line, f.Text, ok, text)
		}
	}
}

// TestUnitOfTheAgoLanguage: a unit written alike in two languages is read
// in the language of the "ago" word: "год" is a year in Russian ("1 год
// назад"), not the Ukrainian abbreviation of an hour; "години" is years in
// Bulgarian ("преди 2 години") and hours in Ukrainian ("2 години тому").
func TestUnitOfTheAgoLanguage(t *testing.T) {
	for _, c := range []want{
		{"1 год назад", "2024-01-01", "year", ""},
		{"преди 2 години", "2023-01-01", "year", ""},
		{"2 години тому", "2025-06-20", "day", ""},
	} {
		p, ok := Parse(c.text, retrieved)
		c.check(t, "Parse", p, ok)
	}
}

// TestEachRowNamesTheLine: a table row with the wrong number of columns is
// named by its line, counted from 1 with the comments.
func TestEachRowNamesTheLine(t *testing.T) {
	err := eachRow("t.tsv", "# kind\ta\na\tb\nc", 2, func(int, []string) error { return nil })
	if err == nil || err.Error() != "t.tsv:3: 1 columns, want 2" {
		t.Errorf("eachRow = %v, want t.tsv:3: 1 columns, want 2", err)
	}
}
