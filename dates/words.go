package dates

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The words dates are read with live in two tab-separated files, embedded in
// the binary, which a person may extend. In both, a line starting with # is a
// comment, every other line has all its columns (an empty last column still
// has its tab), and a column of forms holds comma-separated forms; a form may
// be several words ("كانون الثاني", "il y a", "segunda-feira"), matched
// across spaces and hyphens. Forms are compared folded (foldAppend: lower
// case, Turkish ı as i, Greek without accents, one shape of Arabic and
// Persian yeh, kaf and alef, no ZWNJ), so a form is written once.
//
// months.tsv: language, calendar (gregorian or solar-hijri), month (1–12),
// names (full and inflected forms: "октябрь, октября, октябре"), and
// abbreviations. Outside Parse, an abbreviation is read only with a day
// beside it ("5 Oct 2023", not "Oct 2023"); it may end with a dot. A form may
// not name two months of a calendar: loading fails, so Croatian listopad
// (October), which is Polish and Czech November, is left out. Sources: CLDR
// month names (format and stand-alone, wide and abbreviated), and the grammar
// of each language for the inflected forms a date takes (Russian and
// Armenian genitive, Georgian dative and genitive, Polish and Czech genitive
// and locative, Azerbaijani genitive).
//
// words.tsv: kind, language, key, forms. The kinds and their keys:
//
//	weekday  1–7 (Monday to Sunday)    a weekday name that may stand before a date
//	label    published, updated, date  a label before a date ("Опубликовано", "Tarix:")
//	unit     year … second             what a relative date counts
//	ago      after, before             "3 days ago", "vor 3 Tagen"
//	one      1                         a word counting one ("a year ago")
//	year     -                         a word after a year ("г.", "-ci il", "წლის")
//	ordinal  -                         a suffix after a day ("1st", "1er", "27-én")
//	filler   -                         a word between the parts ("de", "of")
//	clock    before, after             a word before or after a time ("в", "PM", "Uhr")
//
// Sources: CLDR day names, and the date lines of news sites in each language.

//go:embed months.tsv
var monthsTSV string

//go:embed words.tsv
var wordsTSV string

// calendar is the calendar a month name belongs to.
type calendar uint8

const (
	gregorian calendar = iota
	solarHijri
)

// entry is one form of a lexicon: the words after its first word (or before
// its last word, in a backward lexicon) and what the form means.
type entry struct {
	more  []string
	value int      // month, weekday or unit number
	key   string   // the key column of words.tsv
	abbr  bool     // an abbreviated month name
	cal   calendar // the calendar of a month name
	langs []string // the languages of words.tsv that list the form
}

// speaks reports whether e and other share a language.
func (e entry) speaks(other entry) bool {
	for _, l := range e.langs {
		if slices.Contains(other.langs, l) {
			return true
		}
	}
	return false
}

// lexicon maps one folded word of a form (its first word, or its last in a
// backward lexicon) to the forms that hold it, longest first.
type lexicon map[string][]entry

func (lx lexicon) add(form string, e entry, backward bool) {
	words := strings.FieldsFunc(fold(form), func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return
	}
	key := words[0]
	e.more = words[1:]
	if backward {
		key = words[len(words)-1]
		e.more = make([]string, 0, len(words)-1)
		for i := len(words) - 2; i >= 0; i-- {
			e.more = append(e.more, words[i])
		}
	}
	for i, old := range lx[key] {
		if slices.Equal(old.more, e.more) && old.value == e.value && old.key == e.key && old.cal == e.cal {
			// The same form in two languages: a full name in either is a full name.
			lx[key][i].abbr = old.abbr && e.abbr
			for _, l := range e.langs {
				if !slices.Contains(old.langs, l) {
					lx[key][i].langs = append(lx[key][i].langs, l)
				}
			}
			return
		}
	}
	list := append(lx[key], e)
	// Longest first, so "il y a" is tried before "il".
	for i := len(list) - 1; i > 0 && len(list[i].more) > len(list[i-1].more); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	lx[key] = list
}

// tables holds every lexicon.
type tables struct {
	months     lexicon
	monthsBack lexicon // the same forms, backward
	weekdays   lexicon // backward
	labels     lexicon // backward
	units      lexicon
	agoAfter   lexicon
	agoFirst   lexicon // backward
	one        lexicon
	year       lexicon
	ordinal    lexicon
	filler     lexicon
	atClock    lexicon // before a time
	clockEnd   lexicon // after a time
}

var words = sync.OnceValue(func() *tables {
	t, err := load(monthsTSV, wordsTSV)
	if err != nil {
		panic(err) // the embedded files are tested
	}
	return t
})

func load(monthsText, wordsText string) (*tables, error) {
	t := &tables{
		months: lexicon{}, monthsBack: lexicon{}, weekdays: lexicon{}, labels: lexicon{}, units: lexicon{},
		agoAfter: lexicon{}, agoFirst: lexicon{}, one: lexicon{}, year: lexicon{},
		ordinal: lexicon{}, filler: lexicon{}, atClock: lexicon{}, clockEnd: lexicon{},
	}
	type form struct {
		cal  calendar
		name string
	}
	seen := map[form]int{} // the month a form names
	err := eachRow("months.tsv", monthsText, 5, func(line int, col []string) error {
		cal := map[string]calendar{"gregorian": gregorian, "solar-hijri": solarHijri}
		c, ok := cal[col[1]]
		month, err := strconv.Atoi(col[2])
		if !ok || err != nil || month < 1 || month > 12 {
			return fmt.Errorf("months.tsv:%d: bad calendar or month", line)
		}
		for i, forms := range col[3:5] {
			for _, name := range splitForms(forms) {
				key := form{c, fold(name)}
				if m, dup := seen[key]; dup && m != month {
					return fmt.Errorf("months.tsv:%d: %q names months %d and %d", line, name, m, month)
				}
				seen[key] = month
				e := entry{value: month, abbr: i == 1, cal: c}
				t.months.add(name, e, false)
				t.monthsBack.add(name, e, true)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	kinds := map[string]struct {
		lx       lexicon
		backward bool
	}{
		"weekday": {t.weekdays, true}, "label": {t.labels, true}, "unit": {t.units, false},
		"one": {t.one, false}, "year": {t.year, false}, "ordinal": {t.ordinal, false},
		"filler": {t.filler, false},
	}
	return t, eachRow("words.tsv", wordsText, 4, func(line int, col []string) error {
		kind, key := col[0], col[2]
		k, ok := kinds[kind]
		switch {
		case kind == "ago" && key == "after":
			k.lx = t.agoAfter
		case kind == "ago" && key == "before":
			k.lx, k.backward = t.agoFirst, true
		case kind == "clock" && key == "before":
			k.lx = t.atClock
		case kind == "clock" && key == "after":
			k.lx = t.clockEnd
		case !ok:
			return fmt.Errorf("words.tsv:%d: unknown kind %q or key %q", line, kind, key)
		}
		value, _ := strconv.Atoi(key)
		for _, form := range splitForms(col[3]) {
			k.lx.add(form, entry{value: value, key: key, langs: []string{col[1]}}, k.backward)
		}
		return nil
	})
}

// eachRow calls f with the n columns of each row of a TSV text that is not a
// comment.
func eachRow(name, text string, n int, f func(line int, col []string) error) error {
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != n {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, i+1, len(col), n)
		}
		if err := f(i+1, col); err != nil {
			return err
		}
	}
	return nil
}

func splitForms(s string) []string {
	var forms []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			forms = append(forms, f)
		}
	}
	return forms
}
