// Package outlet names the publication a record comes from, from one registry
// of the press of the region and of the international press that covers it:
// it normalises outlet names as captures write them ("BARRON'S",
// "DW – Deutsche Welle, Germany"), names the outlet of a URL (by its domain,
// or else its registrable domain), and reads the copyright lines and source
// credits of a text.
//
// # Registry format
//
// A UTF-8, tab-separated file (outlets.tsv); lines starting with # are
// comments. The first other line is the header "name country kind domains
// aliases"; then one outlet a line:
//
//	name     the name readers know it by: "RFE/RL", "Hetq", "Anadolu Agency"
//	country  ISO 3166-1 alpha-2 code of the country it publishes from;
//	         empty for intergovernmental bodies and platforms
//	kind     news, agency (a wire service), platform (a social network, its
//	         mirrors and viewers, an aggregator or archive), government,
//	         international (the UN and its agencies, OSCE, EU…), ngo,
//	         think-tank, or shortener (a link shortener: its links name
//	         no outlet)
//	domains  "|"-separated; each is one of
//	           example.com     this host and every host under it
//	                           (www.example.com, en.example.com)
//	           *.example.com   a hosting service: example.com is this row,
//	                           and each x.example.com is a publication of
//	                           its own, named by that host
//	           name.*          any host whose first label is name: the
//	                           mirrors run under that name (nitter.*, redlib.*)
//	           example.com/tr  the pages under the first path segment /tr of
//	                           this host and of every host under it: an
//	                           edition with a name of its own (aa.com.tr/tr
//	                           is Anadolu Ajansı, aa.com.tr Anadolu Agency)
//	         Unicode domains may be written as such.
//	aliases  other names met in text, "|"-separated: abbreviations
//	         ("AA"), other languages and scripts ("الأناضول",
//	         "РИА Новости"), legal names ("ТРК ВС РФ «Звезда»")
//
// Names and aliases are compared folded: letter case and accents aside,
// letters and digits only, so "BARRON'S", "Barron’s" and "Barrons" meet, and
// "Libération" and "Liberation". A name, alias or domain belongs to one row
// of a file. The built-in file is outlet/outlets.tsv; a user's file in the
// same format is added to it, a row whose name is already there replacing
// that row.
//
// Sources: the rows are compiled by hand from the outlets' mastheads and
// domains; country codes are ISO 3166-1's (the ISO 3166 Maintenance
// Agency's list); the registrable domain of a host the registry does not
// hold is the Public Suffix List's (golang.org/x/net/publicsuffix).
package outlet

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/internal/tsv"
	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
)

// Outlet is a normalised publication.
type Outlet struct {
	Name    string
	Country string // ISO 3166-1 alpha-2, "" when unknown or international
	Kind    string // the registry row's kind; "" for an outlet it does not hold
}

// Entry is one row of the registry.
type Entry struct {
	Name, Country, Kind string
	Domains             []string // lower-case ASCII (punycode), as in the format
	Aliases             []string
}

// Registry is a list of outlets with unique names, indexed by name, alias
// and domain. Once built it is only read, by any number of goroutines.
type Registry struct {
	Entries  []Entry
	names    map[string]int // folded name or alias → entry
	hosts    map[string]int // domain → entry
	hosting  map[string]bool
	mirrors  map[string]int // first label of a "name.*" pattern → entry
	editions map[string]int // "domain/segment" → entry
}

//go:embed outlets.tsv
var builtin []byte

// Builtin returns the registry shipped with the builder.
func Builtin() (*Registry, error) {
	return ParseRegistry(bytes.NewReader(builtin), "outlet/outlets.tsv")
}

// BuiltinSHA256 is the checksum of the built-in registry file.
func BuiltinSHA256() string {
	sum := sha256.Sum256(builtin)
	return hex.EncodeToString(sum[:])
}

var (
	header = []string{"name", "country", "kind", "domains", "aliases"}
	kinds  = map[string]bool{"news": true, "agency": true, "platform": true, "government": true,
		"international": true, "ngo": true, "think-tank": true, "shortener": true}
)

// ParseRegistry reads the format in the package comment; errors name the
// file and line.
func ParseRegistry(r io.Reader, name string) (*Registry, error) {
	reg := &Registry{}
	owner := map[string]int{} // folded name, alias or domain → line
	err := tsv.Read(r, name, header, func(line int, fields []string) error {
		e, err := parseEntry(fields)
		if err != nil {
			return err
		}
		for _, key := range keys(e) {
			if first, dup := owner[key]; dup {
				return fmt.Errorf("%s: %q is already on line %d", e.Name, strings.TrimPrefix(key, "\x00"), first)
			}
			owner[key] = line
		}
		reg.Entries = append(reg.Entries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	reg.index()
	return reg, nil
}

func parseEntry(fields []string) (Entry, error) {
	e := Entry{Name: strings.TrimSpace(fields[0]), Country: strings.TrimSpace(fields[1]),
		Kind: strings.TrimSpace(fields[2]), Aliases: split(fields[4])}
	switch {
	case fold(e.Name) == "":
		return e, fmt.Errorf("no name")
	case e.Country != "" && !isCountry(e.Country):
		return e, fmt.Errorf("%s: country %q is not an ISO 3166-1 alpha-2 code", e.Name, e.Country)
	case !kinds[e.Kind]:
		return e, fmt.Errorf("%s: unknown kind %q (news, agency, platform, government, international, ngo, think-tank or shortener)", e.Name, e.Kind)
	}
	for _, a := range e.Aliases {
		if fold(a) == "" {
			return e, fmt.Errorf("%s: alias %q has no letters or digits", e.Name, a)
		}
	}
	for _, d := range split(fields[3]) {
		domain, err := parseDomain(d)
		if err != nil {
			return e, fmt.Errorf("%s: %v", e.Name, err)
		}
		e.Domains = append(e.Domains, domain)
	}
	return e, nil
}

// parseDomain checks one pattern of the domains column and returns it in
// lower-case ASCII.
func parseDomain(d string) (string, error) {
	bad := func() error { // built only on failure: the registry has thousands of domains
		return fmt.Errorf("domain %q is not a host name (example.com, *.example.com, name.* or example.com/segment)", d)
	}
	if host, segment, ok := strings.Cut(d, "/"); ok {
		ascii, hostOK := canonicalHost(host)
		if !hostOK || !pathSegment.MatchString(segment) {
			return "", bad()
		}
		return ascii + "/" + strings.ToLower(segment), nil
	}
	if strings.ContainsAny(d, ":@ ") {
		return "", bad()
	}
	if label, ok := strings.CutSuffix(d, ".*"); ok {
		ascii, err := idna.Lookup.ToASCII(label)
		if err != nil || ascii == "" || strings.Contains(ascii, ".") {
			return "", bad()
		}
		return ascii + ".*", nil
	}
	rest, service := strings.CutPrefix(d, "*.")
	ascii, ok := canonicalHost(rest)
	if !ok {
		return "", bad()
	}
	if service {
		return "*." + ascii, nil
	}
	return ascii, nil
}

// pathSegment is an edition's first path segment: "tr", "russian", "pt-br".
var pathSegment = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// keys are what a row claims in its file: its folded names, and its
// domains (marked apart, so a domain and a name never clash).
func keys(e Entry) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if k := fold(n); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, d := range e.Domains {
		out = append(out, "\x00"+strings.TrimPrefix(d, "*."))
	}
	return out
}

// split cuts a "|"-separated list, trimming the items and dropping empty ones.
func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Add appends other's rows; a row whose name reg already has replaces it, so
// a user's file can correct the built-in one. Where two rows claim the same
// alias or domain, the one added last wins.
func (reg *Registry) Add(other *Registry) {
	index := map[string]int{}
	for i, e := range reg.Entries {
		index[fold(e.Name)] = i
	}
	for _, e := range other.Entries {
		if i, ok := index[fold(e.Name)]; ok {
			reg.Entries[i] = e
			continue
		}
		index[fold(e.Name)] = len(reg.Entries)
		reg.Entries = append(reg.Entries, e)
	}
	reg.index()
}

// index builds the lookup maps; a later row wins over an earlier one.
func (reg *Registry) index() {
	reg.names, reg.hosts = map[string]int{}, map[string]int{}
	reg.hosting, reg.mirrors, reg.editions = map[string]bool{}, map[string]int{}, map[string]int{}
	for i, e := range reg.Entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			reg.names[fold(n)] = i
		}
		for _, d := range e.Domains {
			switch {
			case strings.HasPrefix(d, "*."):
				d = d[2:]
				reg.hosts[d], reg.hosting[d] = i, true
			case strings.HasSuffix(d, ".*"):
				reg.mirrors[strings.TrimSuffix(d, ".*")] = i
			case strings.Contains(d, "/"):
				reg.editions[d] = i
			default:
				reg.hosts[d] = i
				delete(reg.hosting, d)
			}
		}
	}
}

func (reg *Registry) outlet(i int) Outlet {
	e := reg.Entries[i]
	return Outlet{Name: e.Name, Country: e.Country, Kind: e.Kind}
}

// fold makes the name key: lower case, without accents, letters and digits
// only; Turkish and Azerbaijani dotless ı is i ("ANADOLU AJANSI").
func fold(s string) string {
	var buf [64]byte
	return string(appendFold(buf[:0], s))
}

// appendFold appends the key of s to dst; lookups fold into a buffer on the
// stack, as they run for many lines of text.
func appendFold(dst []byte, s string) []byte {
	if !ascii(s) {
		s = norm.NFKD.String(s)
	}
	for _, r := range s {
		switch r = unicode.ToLower(r); {
		case r == 'ı':
			dst = append(dst, 'i')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Normalize reads an outlet line such as "new.am, Armenia", "BARRON'S" or
// "hetq.am": a country after the last comma gives the outlet's country; the
// name is looked up by name or alias, then as a domain; a name the registry
// does not hold is kept, in title case if it was all capitals.
func (reg *Registry) Normalize(text string) Outlet {
	name := strings.Join(strings.Fields(text), " ")
	country := ""
	if i := strings.LastIndex(name, ","); i > 0 {
		if code, ok := CountryCode(name[i+1:]); ok {
			name, country = strings.TrimSpace(name[:i]), code
		}
	}
	o, ok := reg.Lookup(name)
	if !ok {
		o, ok = reg.domain(name)
	}
	if !ok {
		o = Outlet{Name: titleIfShouting(name)}
	}
	if country != "" {
		o.Country = country
	}
	return o
}

// Lookup finds an outlet by its name or any of its aliases.
func (reg *Registry) Lookup(name string) (Outlet, bool) {
	var buf [64]byte
	i, ok := reg.names[string(appendFold(buf[:0], name))]
	if !ok {
		return Outlet{}, false
	}
	return reg.outlet(i), true
}

// domain finds the row of a bare domain written as a name ("hetq.am").
func (reg *Registry) domain(name string) (Outlet, bool) {
	if !strings.Contains(name, ".") || strings.ContainsAny(name, " /") {
		return Outlet{}, false
	}
	host, ok := canonicalHost(name)
	if !ok {
		return Outlet{}, false
	}
	return reg.registered(host, "")
}

// canonicalHost returns a host name in lower-case ASCII, without a trailing
// dot or a leading "www.", or false if it is an IP address or not a domain
// of two labels or more.
func canonicalHost(host string) (string, bool) {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	if host == "" || net.ParseIP(host) != nil {
		return "", false
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		return "", false
	}
	labels := strings.Split(ascii, ".")
	if len(labels) < 2 || strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return "", false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", false
		}
	}
	return strings.TrimPrefix(ascii, "www."), true
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
