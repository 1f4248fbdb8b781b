package webpage

import (
	"fmt"
	nurl "net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// extractItems reads the items of a decoded page.
func extractItems(text string, hint Hint) extract.Result {
	last := lineCount(text)
	doc, err := parse(text)
	if err != nil {
		return visibleResult(text, last, "markup the HTML parser refuses ("+err.Error()+")")
	}
	res, err := trafilatura.ExtractDocument(doc, options(hint))
	if err != nil || res == nil {
		return visibleResult(text, last, "no main text found")
	}
	page := itemMeta(doc, res.Metadata, hint)
	var main []block
	if res.ContentNode != nil {
		main = blocksOf(res.ContentNode, nil, nil)
	}
	if r, ok := readPosts(doc, text, res.Metadata.PageType, main); ok {
		for i := range r.Items {
			r.Items[i].Outlet = page.Outlet
			r.Items[i].URL = resolve(page.URL, r.Items[i].URL)
		}
		return r
	}
	page.Paragraphs = articleBody(doc, main, res.Metadata.Title, page)
	if len(page.Paragraphs) == 0 {
		return visibleResult(text, last, "no main text found")
	}
	page.LineStart, page.LineEnd = 1, last
	return extract.Result{Layout: LayoutArticle, Items: []extract.Item{page}}
}

// options are go-trafilatura's settings for an article page.
func options(hint Hint) trafilatura.Options {
	opts := trafilatura.Options{
		HtmlDateMode: trafilatura.Disabled, // dates are read by readDate
	}
	if u, err := nurl.ParseRequestURI(hint.URL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	return opts
}

// articleBody is the cleaned paragraphs of go-trafilatura's main text.
// title is the page's title before the site name was trimmed from it.
func articleBody(doc *html.Node, main []block, title string, it extract.Item) []string {
	index := map[string]block{}
	for _, b := range blocksOf(doc, localTo(it.URL), nil) {
		index[b.text] = b
	}
	paragraphs := cleanBody(main, index, []string{title, it.Title})
	debugInfo = debugInfo[:0]
	for _, p := range paragraphs {
		d, loc, tag := -1.0, -1.0, ""
		if o, ok := index[p]; ok {
			d, loc = o.linked, o.local
			if o.node != nil {
				tag = o.node.Data
			}
		}
		debugInfo = append(debugInfo, fmt.Sprintf("%.2f %s %.2f", d, tag, loc))
	}
	return paragraphs
}

var debugInfo []string

// resolve makes href absolute against the page's URL; "" if it cannot.
func resolve(base, href string) string {
	if href == "" {
		return ""
	}
	u, err := nurl.Parse(href)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		return u.String()
	}
	b, err := nurl.Parse(base)
	if err != nil || !b.IsAbs() {
		return ""
	}
	return b.ResolveReference(u).String()
}
