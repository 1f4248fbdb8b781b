package outlet

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// FromURL names the outlet of a URL: the registry row of its host or of the
// nearest domain above it (pretoria.mfa.gov.az is the Azerbaijani foreign
// ministry, en.apa.az is APA, www.staging.libe.io Libération), or of the
// edition its path's first segment names (aa.com.tr/tr/… is Anadolu
// Ajansı), a publication of a hosting service named by its host, the
// platform of a mirror, or else the host's registrable domain
// ("sonsoz.net"). An archived copy (the Wayback Machine, the AMP cache) is
// the outlet of the URL it holds. A URL with no host, an IP address, a host
// that is not a domain, or a link shortener gives no outlet.
func (reg *Registry) FromURL(rawURL string) (Outlet, bool) {
	u, ok := parseURL(rawURL)
	if !ok {
		return Outlet{}, false
	}
	if inner, ok := archived(u); ok {
		if o, ok := reg.FromURL(inner); ok {
			return o, true
		}
	}
	host, ok := canonicalHost(u.Hostname())
	if !ok {
		return Outlet{}, false
	}
	o, ok := reg.registered(host, firstSegment(u.Path))
	if !ok {
		o, ok = reg.mirror(host)
	}
	if !ok {
		o, ok = registrable(host)
	}
	if !ok || o.Kind == "shortener" {
		return Outlet{}, false
	}
	return o, true
}

// scheme is a URL scheme with no "//" after it (mailto:, javascript:); a
// digit after the colon is a port ("example.com:8080").
var scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:[^0-9/]`)

// parseURL reads an absolute URL, or a host and path without a scheme
// ("hetq.am/en/article/1").
func parseURL(raw string) (*url.URL, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \t\r\n") {
		return nil, false
	}
	if !strings.Contains(raw, "://") {
		if scheme.MatchString(raw) {
			return nil, false
		}
		raw = "http://" + strings.TrimPrefix(raw, "//")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, false
	}
	return u, true
}

// collapsed is a scheme whose slashes an archive's path lost ("https:/x").
var collapsed = regexp.MustCompile(`^([A-Za-z]+:)/+`)

// archived returns the URL an archived copy holds: the Wayback Machine's
// web.archive.org/web/STAMP/URL, and the AMP cache's
// HOST.cdn.ampproject.org/c/s/HOST/PATH.
func archived(u *url.URL) (string, bool) {
	host := strings.ToLower(u.Hostname())
	path := strings.TrimPrefix(u.Path, "/")
	switch {
	case host == "web.archive.org":
		rest, ok := strings.CutPrefix(path, "web/")
		_, inner, found := strings.Cut(rest, "/")
		if !ok || !found {
			return "", false
		}
		return collapsed.ReplaceAllString(inner, "$1//"), inner != ""
	case strings.HasSuffix(host, ".cdn.ampproject.org"):
		kind, inner, found := strings.Cut(path, "/")
		if !found || (kind != "c" && kind != "v" && kind != "i") {
			return "", false
		}
		inner = strings.TrimPrefix(inner, "s/")
		return inner, inner != ""
	}
	return "", false
}

// firstSegment is the first segment of a URL's path, in lower case, where
// an edition of a site may be registered ("/tr/dunya/…" gives "tr").
func firstSegment(path string) string {
	segment, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return strings.ToLower(segment)
}

// registered finds the row of a host or of the nearest domain above it, an
// edition under the path's first segment before the domain's own row; a
// host under a hosting service is a publication of its own.
func (reg *Registry) registered(host, segment string) (Outlet, bool) {
	for d := host; strings.Contains(d, "."); d = d[strings.Index(d, ".")+1:] {
		if segment != "" {
			if i, ok := reg.editions[d+"/"+segment]; ok {
				return reg.outlet(i), true
			}
		}
		i, ok := reg.hosts[d]
		if !ok {
			continue
		}
		if d != host && reg.hosting[d] {
			below := strings.TrimSuffix(host, "."+d)
			below = below[strings.LastIndex(below, ".")+1:]
			return Outlet{Name: display(below + "." + d)}, true
		}
		return reg.outlet(i), true
	}
	return Outlet{}, false
}

// mirror finds the platform of a host whose first label names a mirror
// (reddit.example.org, nitter.example.net).
func (reg *Registry) mirror(host string) (Outlet, bool) {
	first, _, _ := strings.Cut(host, ".")
	i, ok := reg.mirrors[first]
	if !ok {
		return Outlet{}, false
	}
	return reg.outlet(i), true
}

// registrable names an unknown host by its registrable domain (the public
// suffix and one label more), as readers write it.
func registrable(host string) (Outlet, bool) {
	domain, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return Outlet{}, false
	}
	return Outlet{Name: display(domain)}, true
}

// display writes an ASCII (punycode) domain in Unicode: xn--80aswg.xn--p1ai
// is сайт.рф.
func display(domain string) string {
	if u, err := idna.Display.ToUnicode(domain); err == nil {
		return u
	}
	return domain
}
