package outlet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Legal forms around a company's name: "ОАО «…»", "… Inc.".
var (
	legalPrefixes = []string{"ОАО", "ООО", "ЗАО", "ПАО", "АО", "ТОВ", "ПрАТ", "ФГУП", "ФГБУ", "MMC",
		"QSC", "ASC", "JSC", "OJSC", "CJSC"}
	legalSuffixes = []string{"LLC", "Ltd", "Limited", "Inc", "GmbH", "AG", "S.A", "SA", "S.p.A",
		"A.Ş", "AŞ", "JSC", "CJSC", "OJSC", "MMC", "QSC", "plc", "LLP"}
	quotes = "«“„\""
)

// publisher resolves a credited name through the registry: as written,
// without its legal form ("ОАО", "Inc."), as the innermost quoted name
// («ЗВЕЗДА»), as the first of a list ("Reuters, AP"), without or by the
// abbreviation in parentheses after it ("Anadolu Ajansı (AA)"), or as a
// domain.
func (reg *Registry) publisher(name string) (Outlet, bool) {
	name = strings.TrimSpace(name)
	if o, ok := reg.Lookup(name); ok || name == "" || words(name) > maxNameWords {
		return o, ok
	}
	short, abbreviation := cutParenthesis(name)
	for _, form := range []string{withoutLegalForm(name), innermostQuoted(name), firstOfList(name), short, abbreviation} {
		if form == "" || form == name {
			continue
		}
		if o, ok := reg.Lookup(form); ok {
			return o, true
		}
	}
	return reg.domain(name)
}

func withoutLegalForm(name string) string {
	for {
		first, rest, ok := strings.Cut(name, " ")
		if !ok || !oneOf(first, legalPrefixes) {
			break
		}
		name = rest
	}
	if i := strings.LastIndexByte(name, ' '); i > 0 && oneOf(strings.TrimSuffix(name[i+1:], "."), legalSuffixes) {
		name = name[:i]
	}
	return strings.TrimRight(name, ",")
}

// cutParenthesis splits "Name (ABBR)" into its name and abbreviation.
func cutParenthesis(s string) (name, abbreviation string) {
	open := strings.LastIndexByte(s, '(')
	if open < 1 || !strings.HasSuffix(s, ")") {
		return "", ""
	}
	return strings.TrimSpace(s[:open]), s[open+1 : len(s)-1]
}

// innermostQuoted is the last quoted name in s, its closing quote optional:
// «ТРК ВС РФ «ЗВЕЗДА» gives ЗВЕЗДА.
func innermostQuoted(s string) string {
	open := strings.LastIndexAny(s, quotes)
	if open < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[open:])
	inner := s[open+size:]
	if i := strings.IndexAny(inner, "»”\""); i >= 0 {
		inner = inner[:i]
	}
	return inner
}

// listConnectors join the names of a list, in the languages of the region
// and its press.
var listConnectors = []string{",", ";", " / ", " and ", " и ", " і ", " ve ", " və ", " et ", " und ", " y ", " e "}

// firstOfList is the first name of a list: "Reuters, AP" gives Reuters.
func firstOfList(s string) string {
	end := len(s)
	for _, c := range listConnectors {
		if i := strings.Index(s, c); i >= 0 && i < end {
			end = i
		}
	}
	return strings.TrimSpace(s[:end])
}

// within finds a registered outlet named in a short text, the longest run
// of words first: "گروه بین‌الملل خبرگزاری فارس" holds Fars.
func (reg *Registry) within(text string) (Outlet, bool) {
	text, _, _ = strings.Cut(text, "،")
	text, _, _ = strings.Cut(text, ",")
	words := strings.Fields(text)
	if len(words) > 10 {
		words = words[:10]
	}
	for n := min(len(words), 5); n > 0; n-- {
		for i := 0; i+n <= len(words); i++ {
			if o, ok := reg.publisher(strings.Join(words[i:i+n], " ")); ok {
				return o, true
			}
		}
	}
	return Outlet{}, false
}

// connectors may be lower case inside a publisher's name.
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"in": true, "de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "der": true,
	"die": true, "das": true, "und": true, "für": true, "del": true, "di": true, "da": true, "do": true,
	"dos": true, "e": true, "y": true, "et": true, "el": true, "и": true, "ve": true, "və": true}

// markers are parts of words that mark an organisation's name, in the
// languages of the region and its press: a name of two words or more
// without one is taken for a person's.
var markers = []string{"ministr", "минист", "міністер", "nazirli", "bakanl", "agenc", "agentl",
	"агентств", "ajans", "news", "новост", "новин", "xəbər", "haber", "times", "post", "press",
	"пресс", "прес", "tv", "тв", "radio", "радио", "радіо", "media", "медиа", "медіа", "service",
	"служб", "office", "embassy", "посольств", "səfirli", "büyükelçili", "council", "committee",
	"комитет", "government", "правительств", "уряд", "hökum", "hükümet", "center", "centre", "центр",
	"institut", "gazet", "газет", "daily", "weekly", "journal", "channel", "канал", "network",
	"report", "review", "monitor", "herald", "tribune", "observer", "telegraph", "courier", "mail",
	"zeitung", "revue", "diario", "giornale", "corriere", "jornal", "stampa", "foundation", "фонд",
	"assembly", "parliament", "парламент", "union", "organi", "association", "group", "university",
	"academy", "army", "forces", "police", "command", "department", "bureau", "portal", "портал",
	"online", "info", "express", "today", "world", "international", "republic", "республик",
	"respublika", "cumhurbaşkanl", "prezident", "президент", "president", "watch", "magazine",
	"журнал", "broadcast", "fund", "commission", "комисси", "komit"}

func hasMarker(name string) bool {
	lower := strings.ToLower(name)
	for _, m := range markers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	for _, w := range strings.Fields(name) {
		if acronym(w) || isDomain(w) {
			return true
		}
	}
	return false
}

// acronym says whether a word has two capitals or more (BBC, MoD).
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// looksLikePublisher says whether an unknown credited name has the shape of
// a publisher's: a few words, capitalised, and a single word or one that
// marks an organisation ("Karabakh Herald", "Ministry of Defence"), not a
// person's name ("Hikmet Hajiyev") or a clause ("officials said").
func looksLikePublisher(name string) bool {
	if name == "" || words(name) > 7 || !capitalised(name) {
		return false
	}
	return words(name) == 1 || hasMarker(name)
}

// capitalised says whether a name starts with a capital or a digit and its
// longer words do too, but for connectors; scripts without capitals pass.
func capitalised(name string) bool {
	for i, w := range strings.Fields(name) {
		r := []rune(strings.TrimLeft(w, "\"'“«„("))
		if len(r) == 0 || !cased(r[0]) || unicode.IsUpper(r[0]) {
			continue
		}
		if i == 0 || (len(r) >= 4 && !connectors[strings.ToLower(w)]) {
			return false
		}
	}
	return true
}

// cased says whether a letter belongs to a script with capitals; Georgian
// Mkhedruli, though lower case in Unicode, is written without them.
func cased(r rune) bool {
	return (unicode.IsUpper(r) || unicode.IsLower(r)) && !unicode.Is(unicode.Georgian, r)
}
