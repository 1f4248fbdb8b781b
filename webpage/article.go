package webpage

import (
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
	if r, ok := readPosts(doc, text, hint); ok {
		return r
	}
	it, ok := readArticle(doc, hint)
	if !ok {
		return visibleResult(text, last, "no text in the page")
	}
	it.LineStart, it.LineEnd = 1, last
	it.Ordinal = 1
	return extract.Result{Layout: LayoutArticle, Items: []extract.Item{it}}
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

// readArticle reads a page as one article; ok is false when it has no text.
func readArticle(doc *html.Node, hint Hint) (extract.Item, bool) {
	res, err := trafilatura.ExtractDocument(doc, options(hint))
	if err != nil || res == nil || res.ContentNode == nil {
		return extract.Item{}, false
	}
	it := itemMeta(doc, res.Metadata, hint)
	for _, b := range blocksOf(res.ContentNode) {
		it.Paragraphs = append(it.Paragraphs, b.text)
	}
	return it, len(it.Paragraphs) > 0
}
