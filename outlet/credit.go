package outlet

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// Credit is a line of text naming a publisher: its copyright line, a source
// or reprint credit, an agency's dateline, or an agency named alone.
type Credit struct {
	Outlet Outlet
	Form   string // FormCopyright, FormSource, FormDateline or FormAgency
}

// The forms of a credit.
const (
	FormCopyright = "copyright" // "© 2021 Aze.Media", "Copyright © 2023 News.Az. All rights reserved"
	FormSource    = "source"    // "Source: Reuters", "Mənbə: APA", "Originally published by OC Media", "• UN News"
	FormDateline  = "dateline"  // "YEREVAN, Armenia (AP) —", "МОСКВА, 5 окт — РИА Новости."
	FormAgency    = "agency"    // "Associated Press" or "By Reuters" alone, "… (AP)", "… — AFP"
)

// A line is read in its first headBytes for the credits that open a line
// or paragraph, and in its last tailBytes for an agency that ends a text.
const (
	headBytes = 200
	tailBytes = 80
)

// maxNameWords is the most words a credited name has.
const maxNameWords = 8

// Credit reads one line and says whether it credits a publisher, and which,
// normalised through the registry; a name the registry does not hold is kept
// as written, tidied, where it has the shape of a publisher's name. People
// (a quote's "— Name", "Source: Name Surname") are not publishers. Most
// lines are prose, so each form is looked for only where a cheap test of
// the line allows it.
func (reg *Registry) Credit(line string) (Credit, bool) {
	start := tidy(head(line, headBytes))
	if o, ok := reg.copyright(start); ok {
		return Credit{o, FormCopyright}, true
	}
	if o, ok := reg.source(start); ok {
		return Credit{o, FormSource}, true
	}
	if len(line) <= headBytes {
		if o, ok := reg.agencyLine(start); ok {
			return Credit{o, FormAgency}, true
		}
	}
	if o, ok := reg.dateline(start); ok {
		return Credit{o, FormDateline}, true
	}
	if o, ok := reg.agencyEnd(tidy(tail(line, tailBytes))); ok {
		return Credit{o, FormAgency}, true
	}
	return Credit{}, false
}

// Publisher finds the original publisher a capture of one article credits
// in its lines: the first source credit or agency dateline, else the first
// agency named alone or at the end of a line, the least explicit form; a
// page may print "AA" under its headline and credit "Kaynak: Anadolu Ajansı
// (AA)" below the text. A copyright line is the site's own, no credit of
// the text.
func (reg *Registry) Publisher(lines []string) (Outlet, bool) {
	var agency Outlet
	found := false
	for _, line := range lines {
		c, ok := reg.Credit(line)
		switch {
		case !ok || c.Form == FormCopyright:
		case c.Form != FormAgency:
			return c.Outlet, true
		case !found:
			agency, found = c.Outlet, true
		}
	}
	return agency, found
}

// tidy makes one line of single spaces, without zero-width characters; a
// line that is already tidy is returned as it is, without copying.
func tidy(s string) string {
	if s = strings.TrimSpace(s); isTidy(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if zeroWidth(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func isTidy(s string) bool {
	prevSpace := true // no leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || zeroWidth(r) {
				return false
			}
			i += size - 1
			prevSpace = false
			continue
		}
		space := c <= ' '
		if space && (c != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

func zeroWidth(r rune) bool {
	return r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// head and tail cut s to at most n bytes at a character boundary.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// words counts the words of a tidy line.
func words(s string) int {
	return strings.Count(s, " ") + 1
}

// firstWord is a line's first word, without the punctuation that may
// follow it.
func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return strings.TrimRight(w, ",.:")
}

// oneOf says whether w is one of list, in any letter case.
func oneOf(w string, list []string) bool {
	for _, l := range list {
		if strings.EqualFold(w, l) {
			return true
		}
	}
	return false
}

var (
	copyrightLead = regexp.MustCompile(`(?i)^(?:copyright\s*[:©]?\s*|©\s*|\(c\)\s*)+`)
	years         = regexp.MustCompile(`^(?:\d{4}(?:\s*[-–—]\s*\d{2,4})?[,.]?\s*)+`)
	trailingYears = regexp.MustCompile(`[,.]?\s*\d{4}(?:\s*[-–—]\s*\d{2,4})?$`)
	reserved      = regexp.MustCompile(`(?i)(?:all rights reserved|все права защищены|всі права захищені|bütün hüquqlar qorunur|(?:tüm|her) hakları saklıdır|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|բոլոր իրավունքները պաշտպանված են|ყველა უფლება დაცულია|جميع الحقوق محفوظة|(?:کلیه|تمامی) حقوق)`)
	separators    = regexp.MustCompile(`\s+[|•·–—-]\s+|\s*;\s*`)
)

// copyright reads "© 2021 Aze.Media", "Copyright © 2023 News.Az. All rights
// reserved", "© ОАО «ТРК ВС РФ «ЗВЕЗДА»" at the start of a line. A photo's
// copyright is not the publisher's, nor is "© UNHCR/Name", the agency and
// photographer of a picture.
func (reg *Registry) copyright(line string) (Outlet, bool) {
	if !strings.HasPrefix(line, "©") && !hasPrefixFold(line, "copyright") && !hasPrefixFold(line, "(c)") {
		return Outlet{}, false
	}
	lead := copyrightLead.FindString(line)
	if lead == "" || isPhotoCredit(line) {
		return Outlet{}, false
	}
	name := years.ReplaceAllString(line[len(lead):], "")
	if loc := reserved.FindStringIndex(name); loc != nil {
		name = name[:loc[0]]
	}
	name = trailingYears.ReplaceAllString(cleanName(name), "")
	if o, ok := reg.publisher(name); ok {
		return o, true
	}
	if name == "" || strings.Contains(name, "/") || words(name) > maxNameWords || !capitalised(name) {
		return Outlet{}, false
	}
	return reg.Normalize(name), true
}

// hasPrefixFold says whether s starts with prefix, in any letter case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// cleanName cuts a credited name at the first separator or sentence end and
// trims punctuation around it.
func cleanName(s string) string {
	if loc := separators.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = firstSentence(s)
	return strings.Trim(s, " ,.;:-–—\"'“”")
}

// firstSentence cuts s at the first ". " that ends a word of three letters
// or more: "News.Az. All…" is News.Az, "U.S. News" stays whole.
func firstSentence(s string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], ". ")
		if i < 0 {
			return s
		}
		i += from
		if w := s[strings.LastIndexByte(s[:i], ' ')+1 : i]; letters(w) >= 3 {
			return s[:i]
		}
		from = i + 2
	}
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// photoWords mark a photo or image credit in any language.
var photoWords = []string{"photo", "foto", "фото", "image", "picture", "getty", "shutterstock",
	"istock", "depositphotos", "şəkil", "resim", "görsel", "imagen", "immagine", "լուսանկար",
	"ფოტო", "عکس", "تصویر", "صورة", "الصورة"}

func isPhotoCredit(line string) bool {
	lower := strings.ToLower(line)
	for _, w := range photoWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// sourceLabels are "Source" in the languages of the region and its press,
// in lower case; Armenian writes "Աղբյուր՝".
var sourceLabels = map[string]bool{"source": true, "sources": true, "kaynak": true,
	"haber kaynağı": true, "mənbə": true, "menbe": true, "источник": true, "источники": true,
	"джерело": true, "джерела": true, "quelle": true, "quellen": true, "fuente": true,
	"fuentes": true, "fonte": true, "fontes": true, "աղբյուր": true, "წყარო": true, "منبع": true,
	"المصدر": true, "מקור": true, "źródło": true}

// reprint is an English reprint note; reprintWords are the words it starts with.
var (
	reprint      = regexp.MustCompile(`(?i)^(?:this (?:article|story|piece|report|interview|op-ed|commentary|post) (?:was |is |has been )?)?(?:(?:originally|first) (?:published|appeared|posted|ran)|reprinted|republished|reposted|cross-?posted)(?: with (?:kind )?permission)?(?: (?:by|in|on|at|from|of|via))? (.+)$`)
	reprintWords = []string{"this", "originally", "first", "reprinted", "republished", "reposted",
		"crossposted", "cross-posted"}
	// laterClause ends a credited name: "The Guardian on 5 May".
	laterClause = regexp.MustCompile(`\s(?:on|at|and|with|under)\s.*$`)
)

// attributions are lead-ins naming the report a text draws on: Russian and
// Ukrainian "based on material from", Persian "according to the report
// of", Arabic "quoted from". What follows is free text, so only a
// registered outlet found in it counts.
var attributions = []string{"по материалам ", "за матеріалами ", "به گزارش ", "نقلا عن ", "نقلاً عن "}

// source reads a source or reprint credit: "Source: Reuters", "Kaynak: AA",
// "Источник: РИА Новости", "Source: https://hetq.am/…", "Reprinted from
// Asbarez", "По материалам ТАСС", "• UN News". "Source: officials said" is
// not one: what follows must be a publisher.
func (reg *Registry) source(line string) (Outlet, bool) {
	if label, value, ok := cutLabel(line); ok && sourceLabels[strings.ToLower(label)] && !isPhotoCredit(line) {
		return reg.credited(value)
	}
	if oneOf(firstWord(line), reprintWords) {
		if m := reprint.FindStringSubmatch(line); m != nil {
			return reg.credited(laterClause.ReplaceAllString(m[1], ""))
		}
	}
	for _, lead := range attributions {
		if hasPrefixFold(line, lead) {
			return reg.within(line[len(lead):])
		}
	}
	if r, size := utf8.DecodeRuneInString(line); strings.ContainsRune("•·▪‣◦●", r) {
		return reg.publisher(strings.TrimSpace(line[size:]))
	}
	return Outlet{}, false
}

// cutLabel cuts "Label: value" (or "Label – value") at its first
// separator, within a label's length.
func cutLabel(line string) (label, value string, ok bool) {
	const longest = 32
	at, sep := -1, ""
	for _, s := range []string{":", "：", "՝", " - ", " – ", " — "} {
		if i := strings.Index(head(line, longest+len(s)), s); i > 0 && (at < 0 || i < at) {
			at, sep = i, s
		}
	}
	if at < 0 {
		return "", "", false
	}
	return strings.TrimSpace(line[:at]), strings.TrimSpace(line[at+len(sep):]), true
}

// credited resolves what follows a source label: a URL, a registered name,
// an unknown domain, or a name shaped like a publisher's.
func (reg *Registry) credited(value string) (Outlet, bool) {
	if strings.Contains(value, "://") || hasPrefixFold(value, "www.") {
		url, _, _ := strings.Cut(value, " ")
		return reg.FromURL(url)
	}
	name := cleanName(value)
	if o, ok := reg.publisher(name); ok {
		return o, true
	}
	if isDomain(name) {
		return reg.FromURL(name)
	}
	if looksLikePublisher(name) {
		return reg.Normalize(name), true
	}
	return Outlet{}, false
}

// isDomain says whether a credited name is a domain on a real public
// suffix ("sonsoz.net"), not an abbreviation with a dot ("Mr.Smith").
func isDomain(name string) bool {
	if !strings.Contains(name, ".") || strings.ContainsAny(name, " /") {
		return false
	}
	host, ok := canonicalHost(name)
	if !ok {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix(host)
	return icann || strings.Contains(suffix, ".")
}

// dateline reads a news agency's dateline at the start of a paragraph:
// "YEREVAN, Armenia (AP) —", "STEPANAKERT (Human Rights Watch) –",
// "МОСКВА, 27 сентября — РИА Новости.", "YEREVAN, OCTOBER 5, ARMENPRESS.",
// "ЕРЕВАН, 12 октября. /ТАСС/.". The place must start with a capital.
func (reg *Registry) dateline(line string) (Outlet, bool) {
	if first, _ := utf8.DecodeRuneInString(line); !unicode.IsUpper(first) {
		return Outlet{}, false
	}
	if o, ok := reg.parenDateline(line); ok {
		return o, true
	}
	if !datedLead(line) {
		return Outlet{}, false
	}
	if o, ok := reg.dashDateline(line); ok {
		return o, true
	}
	return reg.slashDateline(line)
}

// parenDateline reads "CITY[, place or date] (NAME) –". After a place in
// capitals the name may be one the registry does not hold, shaped like an
// organisation's; after a place in other letters ("Bakü (AA) -") it must be
// a registered agency, so that "The European Union (EU) –" is no dateline.
func (reg *Registry) parenDateline(line string) (Outlet, bool) {
	open := strings.IndexByte(line, '(')
	if open < 2 {
		return Outlet{}, false
	}
	name, rest, ok := strings.Cut(line[open+1:], ")")
	place := strings.TrimSpace(line[:open])
	if dash, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); !ok || !strings.ContainsRune("-–—:", dash) || !isPlace(place) {
		return Outlet{}, false
	}
	caps := shouting(firstWord(place))
	if o, ok := reg.publisher(name); ok && (caps || o.Kind == "agency") {
		return o, true
	}
	if caps && looksLikePublisher(name) && hasMarker(name) {
		return reg.Normalize(name), true
	}
	return Outlet{}, false
}

// dashSeparators come between a dateline's place and date and the agency.
var dashSeparators = []string{" — ", " – ", " - ", ", "}

// dashDateline reads "CITY, date — AGENCY." and "CITY, DATE, AGENCY.": the
// agency, registered, ends at a full stop or colon, after the last
// separator before it or as the last words before it; the lead is a place
// in capitals or holds a date.
func (reg *Registry) dashDateline(line string) (Outlet, bool) {
	for from := 0; from < len(line); {
		end := strings.IndexAny(line[from:], ".:")
		if end < 0 {
			break
		}
		end += from
		from = end + 1
		if !strings.HasPrefix(line[end+1:], " ") {
			continue
		}
		before, at, sep := line[:end], -1, ""
		if words(before) > 6+maxNameWords {
			break
		}
		for _, s := range dashSeparators {
			if i := strings.LastIndex(before, s); i > at {
				at, sep = i, s
			}
		}
		if at >= 0 && isPlaceAndDate(before[:at]) {
			if o, ok := reg.newsPublisher(before[at+len(sep):]); ok {
				return o, true
			}
		}
		// "YEREVAN, Jan 8, 2021 ARMENPRESS:": the agency's last words
		for n, i := 1, len(before); n <= 3; n++ {
			if i = strings.LastIndexByte(before[:i], ' '); i < 0 {
				break
			}
			if !isPlaceAndDate(before[:i]) {
				continue
			}
			if o, ok := reg.newsPublisher(before[i+1:]); ok {
				return o, true
			}
		}
	}
	return Outlet{}, false
}

// newsPublisher resolves a name to a registered agency or news outlet.
func (reg *Registry) newsPublisher(name string) (Outlet, bool) {
	if o, ok := reg.publisher(name); ok && (o.Kind == "agency" || o.Kind == "news") {
		return o, true
	}
	return Outlet{}, false
}

// slashDateline reads TASS's "CITY, date. /TASS/.".
func (reg *Registry) slashDateline(line string) (Outlet, bool) {
	open := strings.IndexByte(line, '/')
	if open < 2 || !isPlaceAndDate(strings.TrimRight(line[:open], " .")) {
		return Outlet{}, false
	}
	name, _, ok := strings.Cut(line[open+1:], "/")
	if !ok {
		return Outlet{}, false
	}
	return reg.newsPublisher(name)
}

// isPlace says whether a dateline's lead is a place (and date): a few words,
// the first capitalised, no parentheses.
func isPlace(s string) bool {
	s = strings.TrimSpace(s)
	first, _ := utf8.DecodeRuneInString(s)
	return s != "" && words(s) <= 6 && unicode.IsUpper(first) && !strings.ContainsAny(s, "()")
}

// isPlaceAndDate says whether a dateline's lead is a place in capitals or a
// place and date ("Baku, October 5"), not the start of a sentence.
func isPlaceAndDate(s string) bool {
	return isPlace(s) && datedLead(strings.TrimSpace(s))
}

// datedLead says whether a line may open with a place in capitals
// ("МОСКВА,") or a place and date (a digit among its first words).
func datedLead(s string) bool {
	return shouting(firstWord(s)) || strings.ContainsAny(head(s, 60), "0123456789")
}

// shouting says whether a word is all capitals ("STEPANAKERT").
func shouting(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// byWords start a byline; deskWords end a desk's ("Al Jazeera Staff").
var (
	byWords   = []string{"by", "von", "par", "por", "di", "автор", "müəllif", "yazar"}
	deskWords = regexp.MustCompile(`(?i)\s+(?:staff(?: writers?| reporters?)?|news desk|desk|reporters|editorial)$`)
)

// agencyLine reads a line that is only an agency's name, as under a byline
// ("Associated Press", "AA"), or a byline naming an outlet ("By Reuters",
// "By Al Jazeera Staff").
func (reg *Registry) agencyLine(line string) (Outlet, bool) {
	if words(line) > maxNameWords {
		return Outlet{}, false
	}
	if by, rest, ok := strings.Cut(line, " "); ok && oneOf(firstWord(by), byWords) {
		return reg.publisher(deskWords.ReplaceAllString(rest, ""))
	}
	if o, ok := reg.Lookup(line); ok && o.Kind == "agency" {
		return o, true
	}
	return Outlet{}, false
}

// agencyEnd reads a registered agency credited at the end of a text:
// "… said. (AP)", "… — AFP"; a quote's "— Ilham Aliyev" is not one.
func (reg *Registry) agencyEnd(end string) (Outlet, bool) {
	end = strings.TrimSuffix(end, ".")
	name := ""
	if strings.HasSuffix(end, ")") {
		if open := strings.LastIndexByte(end, '('); open >= 0 {
			name = end[open+1 : len(end)-1]
		}
	} else if i := lastDash(end); i >= 0 {
		name = strings.TrimLeft(end[i:], "-–— ")
	}
	if o, ok := reg.Lookup(name); ok && o.Kind == "agency" {
		return o, true
	}
	return Outlet{}, false
}

// lastDash is the index of the dash that starts a text's last words, if it
// stands at the start or after a space (or another dash): "… — AFP", "—AFP".
func lastDash(s string) int {
	if strings.IndexByte(s, '-') < 0 && !strings.Contains(s, "–") && !strings.Contains(s, "—") {
		return -1
	}
	i := len(s)
	for i > 0 && !isDash(s[:i]) {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if i == 0 {
		return -1
	}
	for i > 0 && isDash(s[:i]) {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if i > 0 && s[i-1] != ' ' {
		return -1
	}
	return i
}

// isDash says whether s ends with a hyphen, en dash or em dash.
func isDash(s string) bool {
	return strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–") || strings.HasSuffix(s, "—")
}
