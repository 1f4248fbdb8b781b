package outlet

import "strings"

// countries maps the English country names captures write after an outlet
// ("new.am, Armenia") to ISO 3166-1 alpha-2 codes.
var countries = map[string]string{
	"armenia": "AM", "azerbaijan": "AZ", "georgia": "GE", "russia": "RU",
	"russian federation": "RU", "turkey": "TR", "türkiye": "TR", "iran": "IR",
	"germany": "DE", "france": "FR", "united kingdom": "GB", "uk": "GB",
	"britain": "GB", "great britain": "GB", "united states": "US", "usa": "US",
	"us": "US", "u.s.": "US", "israel": "IL", "ukraine": "UA", "italy": "IT",
	"spain": "ES", "portugal": "PT", "qatar": "QA", "switzerland": "CH",
	"belgium": "BE", "netherlands": "NL", "poland": "PL", "kazakhstan": "KZ",
	"canada": "CA", "lebanon": "LB", "austria": "AT", "sweden": "SE",
	"greece": "GR", "cyprus": "CY", "latvia": "LV", "lithuania": "LT",
	"estonia": "EE", "belarus": "BY", "moldova": "MD", "uzbekistan": "UZ",
	"turkmenistan": "TM", "czech republic": "CZ", "czechia": "CZ",
	"hungary": "HU", "romania": "RO", "bulgaria": "BG", "serbia": "RS",
	"japan": "JP", "china": "CN", "india": "IN", "pakistan": "PK",
	"syria": "SY", "egypt": "EG", "saudi arabia": "SA",
	"united arab emirates": "AE", "uae": "AE", "australia": "AU",
	"norway": "NO", "denmark": "DK", "finland": "FI", "ireland": "IE",
}

// CountryCode returns the ISO code of an English country name.
func CountryCode(name string) (string, bool) {
	code, ok := countries[strings.ToLower(strings.TrimSpace(name))]
	return code, ok
}
