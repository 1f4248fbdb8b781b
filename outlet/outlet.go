// Package outlet normalises the names of publications as captures write them
// ("BARRON'S", "DW – Deutsche Welle, Germany") to one canonical name each, with
// the outlet's country (ISO 3166-1 alpha-2) from the text or from a registry.
package outlet

import (
	"strings"
	"unicode"
)

// Outlet is a normalised publication.
type Outlet struct {
	Name    string
	Country string // ISO 3166-1 alpha-2, "" when unknown
}

// known is the registry: canonical name, country, and the other spellings met.
// The country is the one the outlet publishes from; international bodies and
// platforms have none.
var known = []struct {
	name, country string
	aliases       []string
}{
	{"ABC News", "US", nil},
	{"Al Jazeera", "QA", nil},
	{"Anadolu Agency", "TR", []string{"AA"}},
	{"APA", "AZ", []string{"APA.az"}},
	{"Armenpress", "AM", nil},
	{"Asbarez", "US", nil},
	{"Associated Press", "US", []string{"AP"}},
	{"Aze.Media", "AZ", []string{"AzeMedia", "Aze Media"}},
	{"Azatutyun", "AM", []string{"RFE/RL Armenian Service"}},
	{"AZERTAC", "AZ", []string{"Azertac"}},
	{"Barron's", "US", []string{"Barrons"}},
	{"BBC News", "GB", []string{"BBC"}},
	{"Caliber.az", "AZ", []string{"Caliber"}},
	{"CivilNet", "AM", nil},
	{"Civil.ge", "GE", nil},
	{"Daily Sabah", "TR", nil},
	{"Deutsche Welle", "DE", []string{"DW", "DW – Deutsche Welle", "DW - Deutsche Welle"}},
	{"Eurasianet", "US", nil},
	{"Euronews", "FR", nil},
	{"EVN Report", "AM", nil},
	{"Agence France-Presse", "FR", []string{"AFP", "AFP News"}},
	{"France 24", "FR", []string{"France24"}},
	{"Hetq", "AM", nil},
	{"Interfax", "RU", nil},
	{"IRNA", "IR", nil},
	{"JAMnews", "GE", []string{"JAM News"}},
	{"Kommersant", "RU", nil},
	{"Le Monde", "FR", nil},
	{"Meduza", "LV", nil},
	{"news.am", "AM", nil},
	{"new.am", "AM", nil},
	{"OC Media", "GE", nil},
	{"Politico", "US", nil},
	{"Radio Free Europe/Radio Liberty", "CZ", []string{"RFE/RL"}},
	{"Report.az", "AZ", nil},
	{"Reuters", "GB", nil},
	{"RIA Novosti", "RU", nil},
	{"TASS", "RU", nil},
	{"The Armenian Weekly", "US", []string{"Armenian Weekly"}},
	{"The Guardian", "GB", []string{"Guardian"}},
	{"The New York Times", "US", []string{"New York Times", "NYT"}},
	{"The Times of Israel", "IL", []string{"Times of Israel"}},
	{"The Washington Post", "US", []string{"Washington Post"}},
	{"The Washington Times", "US", []string{"Washington Times"}},
	{"Trend", "AZ", []string{"Trend.az"}},
	{"Tumblr", "", nil},
	{"Turan", "AZ", nil},
	{"UN News", "", []string{"United Nations News"}},
	{"Voice of America", "US", []string{"VOA", "VOA News"}},
}

var registry = map[string]Outlet{}

func init() {
	for _, k := range known {
		o := Outlet{Name: k.name, Country: k.country}
		registry[fold(k.name)] = o
		for _, a := range k.aliases {
			registry[fold(a)] = o
		}
	}
}

// fold makes the registry key: lower case, letters and digits only, so
// "BARRON'S", "Barron’s" and "Barrons" meet.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Normalize reads an outlet line such as "new.am, Armenia" or "BARRON'S".
func Normalize(text string) Outlet {
	name := strings.TrimSpace(text)
	country := ""
	if i := strings.LastIndex(name, ","); i > 0 {
		if code, ok := CountryCode(name[i+1:]); ok {
			name, country = strings.TrimSpace(name[:i]), code
		}
	}
	if o, ok := Lookup(name); ok {
		if country != "" {
			o.Country = country
		}
		return o
	}
	return Outlet{Name: titleIfShouting(name), Country: country}
}

// Lookup finds an outlet in the registry by any of its spellings.
func Lookup(name string) (Outlet, bool) {
	o, ok := registry[fold(name)]
	return o, ok
}

// titleIfShouting turns an all-capitals name of more than four letters
// ("WASHINGTON EXAMINER") into title case; short ones are acronyms (BBC).
func titleIfShouting(name string) string {
	letters, upper := 0, 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters <= 4 || upper != letters {
		return name
	}
	words := strings.Fields(strings.ToLower(name))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
