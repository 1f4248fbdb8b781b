package webpage

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// itemMeta fills an item's fields from the page's metadata. go-trafilatura
// reads Open Graph and <meta> tags, then JSON-LD (whose author, section and
// longer publisher name win), then guesses from the markup only for what
// they leave empty; the section and date are read here, metadata first too.
func itemMeta(doc *html.Node, md trafilatura.Metadata, hint Hint) extract.Item {
	it := extract.Item{
		Outlet: siteName(tidy(md.Sitename), md.URL),
		URL:    tidy(md.URL),
		Byline: byline(md.Author),
	}
	it.Title = trimSiteName(tidy(md.Title), it.Outlet)
	it.Section = tidy(section(doc, md))
	if isDomain(it.Section) {
		it.Section = "" // a category that is the site's address
	}
	it.DateText = readDate(doc, md.URL, hint.Retrieved)
	return it
}

// siteName is the site's name as the page gives it: not a link
// (article:publisher is often the site's Facebook page), not the host of
// its URL (go-trafilatura's last resort, a guess the outlet registry makes
// better), each of the "; "-joined JSON-LD publisher names once.
func siteName(s, pageURL string) string {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" && u.Host != "" {
		return ""
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		if host := strings.ToLower(u.Host); s == host || s == strings.TrimPrefix(host, "www.") {
			return ""
		}
	}
	var names []string
	for _, n := range strings.Split(s, "; ") {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// isDomain reports a name that is a web address ("example.com").
func isDomain(s string) bool {
	return strings.Contains(s, ".") && !strings.ContainsAny(s, " \t") && !strings.HasSuffix(s, ".")
}

// trimSiteName drops the site name a title ends or starts with, as
// "Headline | Site" or "Site - Headline" (og:title and <title> often carry it).
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if rest, ok := strings.CutSuffix(title, sep+site); ok && rest != "" {
			return rest
		}
		if rest, ok := strings.CutPrefix(title, site+sep); ok && rest != "" {
			return rest
		}
	}
	return title
}

// byline splits go-trafilatura's "A; B" authors.
func byline(authors string) []string {
	names := []string{}
	for _, a := range strings.Split(authors, ";") {
		if a = tidy(a); a != "" {
			names = append(names, a)
		}
	}
	return names
}

// section is the page's article:section, or else the first category
// go-trafilatura found (JSON-LD articleSection first, then category links).
func section(doc *html.Node, md trafilatura.Metadata) string {
	if n := dom.QuerySelector(doc, `meta[property="article:section"][content]`); n != nil {
		if s := strings.TrimSpace(dom.GetAttribute(n, "content")); s != "" {
			return s
		}
	}
	if len(md.Categories) > 0 {
		return md.Categories[0]
	}
	return ""
}

// latestDate bounds publication dates when the capture date is not known:
// htmldate's own bound is a year from the day it runs.
var latestDate = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)

// readDate is the publication date as the page writes it: htmldate looks in
// the metadata (article:published_time, JSON-LD datePublished…) first, then
// the URL, then the markup. A date it read from a longer text or the URL is
// given as YYYY-MM-DD.
func readDate(doc *html.Node, pageURL string, retrieved time.Time) string {
	opts := htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		DeferUrlExtractor:   true,
		URL:                 pageURL,
	}
	opts.MaxDate = latestDate
	if !retrieved.IsZero() {
		opts.MaxDate = retrieved.AddDate(0, 0, 1)
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.IsZero() {
		return ""
	}
	day := res.DateTime.Format("2006-01-02")
	if src := tidy(res.SrcString); strings.HasPrefix(src, day) && len(src) <= 40 {
		return src
	}
	return day
}
