package outlet

import (
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// SiteName finds, in the lines of a capture, the name a site the registry
// does not know writes itself by: a run of one to four words whose letters
// and digits are those of its host ("junge Welt" on jungewelt.de, "Jungle
// World" on jungle.world, "TG La7" on tg.la7.it, "The Velvet Rocket" on
// thevelvetrocket.com), as in a masthead, a title suffix or a copyright
// line. It is the name as readers know it, where otherwise the outlet would
// be the bare domain. Names of fewer than four letters are not looked for:
// too many words match them.
func SiteName(rawURL string, lines []string) (Outlet, bool) {
	keys := siteKeys(rawURL)
	if len(keys) == 0 {
		return Outlet{}, false
	}
	for _, line := range lines {
		if name, ok := nameIn(line, keys); ok {
			return Outlet{Name: name}, true
		}
	}
	return Outlet{}, false
}

// siteKeys are the folded spellings a site's name may have from its host:
// the registrable domain's label, with its suffix, and with the label below.
func siteKeys(rawURL string) map[string]bool {
	u, ok := parseURL(rawURL)
	if !ok {
		return nil
	}
	host, ok := canonicalHost(u.Hostname())
	if !ok {
		return nil
	}
	domain, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return nil
	}
	label, suffix, _ := strings.Cut(display(domain), ".")
	keys := map[string]bool{}
	add := func(s string) {
		if k := fold(s); len([]rune(k)) >= 4 {
			keys[k] = true
		}
	}
	add(label)
	add(label + suffix)
	if below := strings.TrimSuffix(host, "."+domain); below != host {
		add(below[strings.LastIndex(below, ".")+1:] + label)
	}
	return keys
}

// maxSiteLine is the longest line a site's name is looked for in: names
// stand in mastheads, title suffixes and footers, not in prose.
const maxSiteLine = 16

// nameIn returns the run of words of line whose folded spelling is a key.
func nameIn(line string, keys map[string]bool) (string, bool) {
	words := strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|–—·•,;:()[]«»\"“”", r)
	})
	if len(words) == 0 || len(words) > maxSiteLine {
		return "", false
	}
	for i := range words {
		for n := min(4, len(words)-i); n >= 1; n-- { // the longest run first: "Jungle World", not "Jungle"
			run := strings.Join(words[i:i+n], " ")
			if keys[fold(run)] {
				return strings.Trim(run, ".!?'’"), true
			}
		}
	}
	return "", false
}
