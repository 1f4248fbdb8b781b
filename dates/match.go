package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

// matcher reads dates in the tokens of one text. Every form is anchored at
// a number, so a text is read in one pass over its numbers, each looking at
// a few tokens around it.
type matcher struct {
	s         string
	t         []token
	whole     bool // the text is meant to be a date and nothing else (Parse)
	retrieved time.Time
	w         *tables
	buf       [64]byte // for folding words
}

// span is a date read from the tokens t[first:last], the bytes s[start:end].
type span struct {
	first, last int
	start, end  int
	labelStart  int // where the label begins, when there is one
	p           Parsed
	yearless    bool // a day and a month without a year
	needsLabel  bool // "2023-09" is a month only after a label
}

func (m *matcher) is(i int, k kind) bool { return i >= 0 && i < len(m.t) && m.t[i].kind == k }

func (m *matcher) isPunct(i int, set string) bool {
	return m.is(i, punct) && strings.ContainsRune(set, m.t[i].r)
}

// glued reports that token i starts where token i-1 ends.
func (m *matcher) glued(i int) bool {
	return i > 0 && i < len(m.t) && m.t[i-1].end == m.t[i].start
}

func (m *matcher) folded(i int) []byte {
	return foldAppend(m.buf[:0], m.s[m.t[i].start:m.t[i].end])
}

func (m *matcher) has(lx lexicon, i int) bool {
	return m.is(i, word) && len(lx[string(m.folded(i))]) > 0
}

// forward matches a form of lx that starts at token i, and returns it with
// the token after it.
func (m *matcher) forward(lx lexicon, i int) (entry, int, bool) {
	if !m.is(i, word) {
		return entry{}, 0, false
	}
	for _, e := range lx[string(m.folded(i))] {
		if j, ok := m.matchesFrom(e, i); ok {
			return e, j, true
		}
	}
	return entry{}, 0, false
}

// matchesFrom reports whether the form e of a forward lexicon, whose first
// word is token i, is written from i, and the token past it.
func (m *matcher) matchesFrom(e entry, i int) (int, bool) {
	j := i + 1
	for _, w := range e.more {
		if j = m.nextWord(j, +1); j < 0 || string(m.folded(j)) != w {
			return 0, false
		}
		j++
	}
	return j, true
}

// backward matches a form of a backward lexicon that ends at token i, and
// returns it with its first token.
func (m *matcher) backward(lx lexicon, i int) (entry, int, bool) {
	if !m.is(i, word) {
		return entry{}, 0, false
	}
	for _, e := range lx[string(m.folded(i))] {
		j, ok := i, true
		for _, w := range e.more {
			if j = m.nextWord(j-1, -1); j < 0 || string(m.folded(j)) != w {
				ok = false
				break
			}
		}
		if ok {
			return e, j, true
		}
	}
	return entry{}, 0, false
}

// nextWord returns i, or the token past a hyphen at i that joins two words
// ("segunda-feira"), when it is a word; otherwise -1.
func (m *matcher) nextWord(i, dir int) int {
	if m.isPunct(i, "-") && m.glued(i) && m.glued(i+1) {
		i += dir
	}
	if !m.is(i, word) {
		return -1
	}
	return i
}

// month reads a month name at token i, with the dot of an abbreviation and a
// second name of the same month after a slash ("أيلول/سبتمبر"), and returns
// the token after it.
func (m *matcher) month(i int) (entry, int, bool) {
	e, j, ok := m.forward(m.w.months, i)
	if !ok {
		return entry{}, 0, false
	}
	if e.abbr && m.isPunct(j, ".") && m.glued(j) {
		j++
	}
	if m.isPunct(j, "/") && m.glued(j) && m.glued(j+1) {
		if e2, k, ok := m.forward(m.w.months, j+1); ok && e2.value == e.value && e2.cal == e.cal {
			j = k
		}
	}
	return e, j, true
}

// monthBefore reads a month name that ends at token i (or at the dot of an
// abbreviation there), and returns its first token.
func (m *matcher) monthBefore(i int) (entry, int, bool) {
	dot := m.isPunct(i, ".") && m.glued(i)
	if dot {
		i--
	}
	e, first, ok := m.backward(m.w.monthsBack, i)
	if !ok || dot && !e.abbr {
		return entry{}, 0, false
	}
	if m.isPunct(first-1, "/") && m.glued(first) && m.glued(first-1) {
		if e2, f, ok := m.backward(m.w.monthsBack, first-2); ok && e2.value == e.value && e2.cal == e.cal {
			first = f
		}
	}
	return e, first, true
}

// dayAt reads a day of the month at token i, with an ordinal suffix ("1st",
// "2.", "27-én"), and returns it with the token after it. The minutes of a
// clock, nor its seconds, are no day: "10:30 April 5, 2024" is not the 30th
// of April, nor is "10h05 Apr 5, 2024" the 5th.
func (m *matcher) dayAt(i int) (int, int, bool) {
	if !m.is(i, number) || m.t[i].digits > 2 || m.t[i].val < 1 || m.t[i].val > 31 {
		return 0, 0, false
	}
	for _, k := range []int{i - 2, i - 4} { // token i is a clock's minutes or seconds
		if e, ok := m.clock(k); ok && e > i {
			return 0, 0, false
		}
	}
	j := i + 1
	switch {
	case m.isPunct(j, ".") && m.glued(j):
		j++
	case m.glued(j) && m.has(m.w.ordinal, j):
		j++
	case m.isPunct(j, "-") && m.glued(j) && m.glued(j+1) && m.has(m.w.ordinal, j+1):
		j += 2
	}
	return m.t[i].val, j, true
}

// yearAt reads a year at token i: four digits, or two after an apostrophe
// ("Sep 29 '20"), or two closing the text or a bracket ("(28 mag 21)"), or any
// two in Parse. It returns the year and the token after it and the words
// written after a year ("2023 г.", "2020-ci il").
func (m *matcher) yearAt(i int) (int, int, bool) {
	apostrophe := m.isPunct(i, "'’") && m.glued(i+1)
	if apostrophe {
		i++
	}
	if !m.is(i, number) {
		return 0, 0, false
	}
	year := m.t[i].val
	switch {
	case m.t[i].digits == 4 && !apostrophe:
	case m.t[i].digits == 2 && (apostrophe || m.whole || m.closes(i+1)):
		year = twoDigitYear(year)
	default:
		return 0, 0, false
	}
	return year, m.yearWords(i + 1), true
}

// yearWords returns the token after the words written after a year at i
// ("г.", "-ci il", "წლის"), or i when there are none.
func (m *matcher) yearWords(i int) int {
	for range 2 {
		j := i
		if m.isPunct(j, "-") && m.glued(j) && m.glued(j+1) {
			j++
		}
		_, k, ok := m.forward(m.w.year, j)
		if !ok {
			break
		}
		if m.isPunct(k, ".") && m.glued(k) {
			k++
		}
		i = k
	}
	return i
}

// closes reports that token i ends the text or closes a bracket.
func (m *matcher) closes(i int) bool {
	if i >= len(m.t) {
		return len(strings.TrimRightFunc(m.s, isSpace)) == m.t[len(m.t)-1].end
	}
	return m.isPunct(i, ")]")
}

// groupGoesOn reports a separator at i, the date's own or a colon, glued to
// a number after it: the digits before it belong to a longer group (a
// version, an address, a phone number). Another separator joins two dates
// ("12.06.2024-14.06.2024").
func (m *matcher) groupGoesOn(i int, sep rune) bool {
	return m.is(i, punct) && (m.t[i].r == sep || m.t[i].r == ':') && m.glued(i) && m.is(i+1, number) && m.glued(i+1)
}

// at reads the date whose first number is token i.
func (m *matcher) at(i int) (span, bool) {
	if sp, ok := m.numeric(i); ok {
		return sp, true
	}
	if sp, ok := m.cjk(i); ok {
		return sp, true
	}
	if sp, ok := m.relativeAt(i); ok {
		return sp, true
	}
	sp, ok := m.monthFirst(i)
	if ok && !sp.yearless {
		return sp, true
	}
	if full, ok2 := m.dayFirst(i); ok2 && (!full.yearless || !ok) {
		return full, true
	}
	if ok {
		return sp, true
	}
	return m.yearFirst(i)
}

// numeric reads "2023-09-27", "27.09.2023", "13-06-2020", "18.04.24",
// "1402/07/05" (Solar Hijri) and, after a label, "2023-09".
func (m *matcher) numeric(i int) (span, bool) {
	a := m.t[i]
	if a.kind != number || a.digits > 4 || !m.isPunct(i+1, "-./") || !m.glued(i+1) ||
		!m.is(i+2, number) || !m.glued(i+2) || m.t[i+2].digits > 2 {
		return span{}, false
	}
	sep, b := m.t[i+1].r, m.t[i+2]
	if m.is(i-2, number) && m.groupGoesOn(i-1, sep) {
		return span{}, false
	}
	if !m.isPunct(i+3, string(sep)) || !m.glued(i+3) || !m.is(i+4, number) || !m.glued(i+4) {
		if a.digits != 4 || sep != '-' || b.digits != 2 || m.groupGoesOn(i+3, ':') {
			return span{}, false
		}
		p, ok := monthDate(a.val, b.val, gregorian)
		return m.spanOf(i, i+3, p, ok, func(sp *span) { sp.needsLabel = !m.whole })
	}
	c := m.t[i+4]
	// "2018/10/26e39cee": the last digits begin a hash, not a day.
	hash := m.is(i+5, word) && m.glued(i+5) && m.is(i+6, number) && m.glued(i+6) && string(m.folded(i+5)) != "t"
	if m.groupGoesOn(i+5, sep) || hash {
		return span{}, false
	}
	var y, mo, d int
	switch {
	case a.digits == 4 && c.digits <= 2:
		y, mo, d = a.val, b.val, c.val
	case a.digits <= 2 && c.digits == 4:
		d, mo, y = a.val, b.val, c.val
		if sep == '/' && mo > 12 && d <= 12 { // the American order
			d, mo = mo, d
		}
	case a.digits <= 2 && c.digits == 2 && sep != '-' && (m.whole || a.digits == 2 && b.digits == 2 && !m.groupGoesOn(i+5, '-')):
		d, mo, y = a.val, b.val, twoDigitYear(c.val)
	default:
		return span{}, false
	}
	cal := gregorian
	if solarNumeric(y) && !m.lunarMark(i+5) {
		cal = solarHijri
	}
	p, ok := dayDate(y, mo, d, cal)
	return m.spanOf(i, i+5, p, ok, nil)
}

// cjk reads "2023年9月27日" and "2023년 9월 27일", or their year and month.
func (m *matcher) cjk(i int) (span, bool) {
	if m.t[i].kind != number || m.t[i].digits != 4 || !m.marked(i+1, "年", "년") ||
		!m.is(i+2, number) || !m.marked(i+3, "月", "월") {
		return span{}, false
	}
	y, mo := m.t[i].val, m.t[i+2].val
	// The mark may start a longer word ("日电"): the date ends with the mark.
	const markLen = len("日")
	if m.is(i+4, number) && m.marked(i+5, "日", "일", "号", "號") {
		p, ok := dayDate(y, mo, m.t[i+4].val, gregorian)
		return m.spanOf(i, i+6, p, ok, func(sp *span) { sp.end = m.t[i+5].start + markLen })
	}
	p, ok := monthDate(y, mo, gregorian)
	return m.spanOf(i, i+4, p, ok, func(sp *span) { sp.end = m.t[i+3].start + markLen })
}

// marked reports a word at token i that starts with one of marks.
func (m *matcher) marked(i int, marks ...string) bool {
	if !m.is(i, word) {
		return false
	}
	w := m.s[m.t[i].start:m.t[i].end]
	for _, mark := range marks {
		if strings.HasPrefix(w, mark) {
			return true
		}
	}
	return false
}

// lunarMark reports the mark of a lunar Hijri year at token i ("1445 هـ",
// "1445 AH"), which numeric must not read as Solar Hijri.
func (m *matcher) lunarMark(i int) bool {
	if !m.is(i, word) {
		return false
	}
	w := string(m.folded(i))
	return w == "ه" || w == "ah"
}

// relativeAt reads "3 days ago", "3 дня назад", "vor 3 Tagen", and in Parse
// "a year ago" and "неделю назад".
func (m *matcher) relativeAt(i int) (span, bool) {
	n, j := 1, i
	switch {
	case m.is(i, number) && m.t[i].digits <= 4:
		n, j = m.t[i].val, i+1
	case !m.whole:
		return span{}, false
	default:
		if _, k, ok := m.forward(m.w.one, i); ok {
			j = k
		}
	}
	if !m.is(j, word) {
		return span{}, false
	}
	// A unit's form may be another unit in another language ("години" is
	// hours in Ukrainian, years in Bulgarian): the unit of the "ago" word's
	// language wins, else the first listed.
	var unit, ago entry
	first, end, found := 0, 0, false
	for _, u := range m.w.units[string(m.folded(j))] {
		k, ok := m.matchesFrom(u, j)
		if !ok {
			continue
		}
		a, f, e, ok := m.agoAround(i, k)
		if ok && (!found || u.speaks(a) && !unit.speaks(ago)) {
			unit, ago, first, end, found = u, a, f, e, true
		}
	}
	if !found {
		return span{}, false
	}
	p, ok := relative(n, unit.key, m.retrieved)
	return m.spanOf(first, end, p, ok, nil)
}

// agoAround finds the "ago" word of a relative date whose number starts at
// token i and whose unit ends before token k: after the unit ("3 days
// ago") or before the number ("vor 3 Tagen"). It returns the word's entry
// and the date's first and past-the-end tokens.
func (m *matcher) agoAround(i, k int) (entry, int, int, bool) {
	if a, e, ok := m.forward(m.w.agoAfter, k); ok {
		return a, i, e, true
	}
	if a, f, ok := m.backward(m.w.agoFirst, i-1); ok {
		return a, f, k, true
	}
	return entry{}, 0, 0, false
}

// monthFirst reads "October 2, 2023", "Sept. 5 2024", "Sep 29 '20", and a
// day and a month alone ("SEPTEMBER 30,").
func (m *matcher) monthFirst(i int) (span, bool) {
	d, j, ok := m.dayAt(i)
	if !ok {
		return span{}, false
	}
	if m.isPunct(i+1, ".") { // a day after its month takes no dot: "on December 11."
		j = i + 1
	}
	e, first, ok := m.monthBefore(i - 1)
	if !ok {
		return span{}, false
	}
	k := j
	if m.isPunct(k, ",،") {
		k++
	}
	y, end, ok := m.yearAt(k)
	if !ok {
		return m.yearlessSpan(first, j, e)
	}
	p, ok := dayDate(y, e.value, d, e.cal)
	return m.spanOf(first, end, p, ok, nil)
}

// dayFirst reads "2 October 2023", "2. Oktober 2023", "29SEP2023",
// "27-Sep-2023", "27 de septiembre de 2023", "16 مهر 1399" (Solar Hijri),
// and a day and a month alone.
func (m *matcher) dayFirst(i int) (span, bool) {
	d, j, ok := m.dayAt(i)
	if !ok {
		return span{}, false
	}
	sep := ""
	if m.isPunct(j, "-/") && m.glued(j) && m.glued(j+1) {
		sep, j = string(m.t[j].r), j+1
	} else if _, k, ok := m.forward(m.w.filler, j); ok {
		j = k
	}
	e, k, ok := m.month(j)
	if !ok {
		return span{}, false
	}
	monthEnd := k
	switch {
	case sep != "":
		if !m.isPunct(k, sep) || !m.glued(k) {
			return span{}, false
		}
		k++
	case m.isPunct(k, ",،"):
		k++
	default:
		if _, f, ok := m.forward(m.w.filler, k); ok {
			k = f
		}
	}
	y, end, ok := m.yearAt(k)
	if !ok {
		if sep != "" {
			return span{}, false
		}
		return m.yearlessSpan(i, monthEnd, e)
	}
	p, ok := dayDate(y, e.value, d, e.cal)
	return m.spanOf(i, end, p, ok, nil)
}

// yearFirst reads a month and a year ("October 2023", "в мае 2020 года",
// "septiembre de 2023") and the forms that start with the year: "2023.
// szeptember 27.", "2020-ci il oktyabrın 28", "2023 წლის 27 სექტემბერი".
// Outside Parse, a year before a month needs its dot or year word.
func (m *matcher) yearFirst(i int) (span, bool) {
	if m.t[i].kind != number || m.t[i].digits != 4 {
		return span{}, false
	}
	y := m.t[i].val
	j := i - 1
	if m.isPunct(j, ",") || m.has(m.w.filler, j) {
		j--
	}
	if e, first, ok := m.monthBefore(j); ok && (m.whole || !e.abbr) {
		p, ok := monthDate(y, e.value, e.cal)
		return m.spanOf(first, m.yearWords(i+1), p, ok, nil)
	}
	k := i + 1
	marked := m.isPunct(k, ".") && m.glued(k)
	if marked {
		k++
	}
	if w := m.yearWords(k); w > k {
		k, marked = w, true
	}
	if !marked && !m.whole {
		return span{}, false
	}
	if e, k2, ok := m.month(k); ok {
		if d, end, ok := m.dayAt(k2); ok {
			p, ok := dayDate(y, e.value, d, e.cal)
			return m.spanOf(i, end, p, ok, nil)
		}
		if m.whole {
			p, ok := monthDate(y, e.value, e.cal)
			return m.spanOf(i, k2, p, ok, nil)
		}
		return span{}, false
	}
	if d, k2, ok := m.dayAt(k); ok {
		if e, end, ok := m.month(k2); ok {
			p, ok := dayDate(y, e.value, d, e.cal)
			return m.spanOf(i, end, p, ok, nil)
		}
	}
	return span{}, false
}

// yearlessSpan is a day and a month without a year: not a date Parse reads,
// and outside it only a full month name, capitalised when it is written in
// Latin letters ("SEPTEMBER 30", "30 сентября"), so that "1 may" is not one.
func (m *matcher) yearlessSpan(first, last int, e entry) (span, bool) {
	if m.whole || e.abbr {
		return span{}, false
	}
	for i := first; i < last; i++ {
		if m.t[i].kind == word {
			r, _ := utf8.DecodeRuneInString(m.s[m.t[i].start:])
			if unicode.Is(unicode.Latin, r) && !unicode.IsUpper(r) {
				return span{}, false
			}
			break
		}
	}
	p := Parsed{Precision: schema.PrecisionDay}
	return m.spanOf(first, last, p, true, func(sp *span) { sp.yearless = true })
}

func (m *matcher) spanOf(first, last int, p Parsed, ok bool, adjust func(*span)) (span, bool) {
	if !ok {
		return span{}, false
	}
	sp := span{first: first, last: last, start: m.t[first].start, end: m.t[last-1].end, p: p}
	if adjust != nil {
		adjust(&sp)
	}
	sp.labelStart = sp.start
	return sp, true
}

// extend adds to a date the time of day and the weekday written beside it:
// "2023-09-27T10:00:00+04:00", "September 23, 2023, 13:42", "12:20 /
// 31.10.2020", "Wednesday, 27 September 2023".
func (m *matcher) extend(sp span) span {
	if end, ok := m.timeAfter(sp.last); ok {
		sp.last, sp.end = end, m.t[end-1].end
	}
	for range 2 {
		f, ok := m.timeBefore(sp.first)
		if !ok {
			f, ok = m.weekdayBefore(sp.first)
		}
		if !ok {
			break
		}
		sp.first, sp.start = f, m.t[f].start
	}
	sp.labelStart = sp.start
	return sp
}

const timeSeparators = ",،|/-–—·•@"

// timeAfter reads a time of day after the token j, and returns the token after it.
func (m *matcher) timeAfter(j int) (int, bool) {
	if m.is(j, word) && m.glued(j) && string(m.folded(j)) == "t" {
		if m.glued(j + 1) {
			return m.clock(j + 1)
		}
		return 0, false
	}
	if m.isPunct(j, timeSeparators) {
		j++
	}
	if _, k, ok := m.forward(m.w.atClock, j); ok {
		j = k
	}
	return m.clock(j)
}

// timeBefore reads a time of day that ends just before token first, or
// before a separator there, and returns its first token.
func (m *matcher) timeBefore(first int) (int, bool) {
	end := first
	if m.isPunct(first-1, timeSeparators) {
		end--
	}
	for k := max(0, end-10); k <= end-3; k++ { // a time is 3 to 10 tokens
		if e, ok := m.clock(k); ok && e == end {
			return k, true
		}
	}
	return 0, false
}

func (m *matcher) weekdayBefore(first int) (int, bool) {
	j := first - 1
	if m.isPunct(j, ",،") {
		j--
	}
	if m.isPunct(j, ".") && m.glued(j) {
		j--
	}
	_, f, ok := m.backward(m.w.weekdays, j)
	return f, ok
}

// clock reads a time of day at token k: "13:42", "10:00:00.000Z",
// "10:00:00+04:00", "05:50 PM", "14:44 Uhr", "10h24", "10:00 GMT+4". It
// returns the token after it.
func (m *matcher) clock(k int) (int, bool) {
	if !m.is(k, number) || m.t[k].digits > 2 || m.t[k].val > 24 {
		return 0, false
	}
	minutes := func(i int) bool {
		return m.is(i, number) && m.glued(i) && m.glued(i-1) && m.t[i].digits == 2 && m.t[i].val < 60
	}
	var e int
	switch {
	case m.isPunct(k+1, ":") && minutes(k+2):
		e = k + 3
		if m.isPunct(e, ":") && minutes(e+1) {
			e += 2
		}
		if m.isPunct(e, ".") && m.glued(e) && m.is(e+1, number) && m.glued(e+1) {
			e += 2
		}
	case m.is(k+1, word) && m.glued(k+1) && string(m.folded(k+1)) == "h" && minutes(k+2):
		e = k + 3
	default:
		return 0, false
	}
	switch {
	case m.is(e, word) && m.glued(e) && string(m.folded(e)) == "z":
		e++
	case m.isPunct(e, "+-") && m.glued(e) && m.is(e+1, number) && m.glued(e+1):
		e += 2
		if m.isPunct(e, ":") && minutes(e+1) {
			e += 2
		}
	}
	for range 2 { // "PM", "pm EDT", "GMT+4"
		if _, f, ok := m.forward(m.w.clockEnd, e); ok {
			e = f
		} else if f, ok := m.meridiem(e); ok {
			e = f
		} else {
			break
		}
		if m.isPunct(e, "+-") && m.glued(e) && m.is(e+1, number) && m.glued(e+1) {
			e += 2
		}
	}
	return e, true
}

// meridiem reads "a.m." or "p.m." at token i, or "p. m." as Spanish writes it.
func (m *matcher) meridiem(i int) (int, bool) {
	if !m.is(i, word) || !m.isPunct(i+1, ".") || !m.is(i+2, word) || !m.glued(i+1) {
		return 0, false
	}
	if ap := string(m.folded(i)); ap != "a" && ap != "p" || string(m.folded(i+2)) != "m" {
		return 0, false
	}
	if m.isPunct(i+3, ".") && m.glued(i+3) {
		return i + 4, true
	}
	return i + 3, true
}

// label reads the label before a date that starts at token first
// ("Published", "Tarix:", "Дата публикации:"), and returns its kind and its
// first token. A line that starts with a lowercase "date" before the date is
// the metadata line some capture services write.
func (m *matcher) label(first int) (string, int, bool) {
	j := first - 1
	for n := 0; n < 2 && m.isPunct(j, ":|-–—•·"); n++ {
		j--
	}
	e, f, ok := m.backward(m.w.labels, j)
	if !ok {
		return "", 0, false
	}
	start := m.t[f].start
	if e.key == LabelDate && j == first-1 && m.s[start:m.t[j].end] == "date" &&
		strings.TrimLeftFunc(m.s[:start], isSpace) == "" {
		return LabelMetadata, f, true
	}
	return e.key, f, true
}

// first returns the first date in the tokens, with its time, weekday and label.
func (m *matcher) first() (span, bool) {
	for i := range m.t {
		if m.t[i].kind != number && !m.whole {
			continue
		}
		sp, ok := m.at(i)
		if !ok {
			continue
		}
		sp = m.extend(sp)
		if kind, f, ok := m.label(sp.first); ok {
			sp.p.Label, sp.labelStart = kind, m.t[f].start
		}
		if sp.needsLabel && sp.p.Label == "" {
			continue
		}
		return sp, true
	}
	return span{}, false
}
