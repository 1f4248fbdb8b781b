package webpage

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

// visibleResult is the fallback for a page whose main text cannot be told:
// one item of all its visible text, or, when it has none, a dropped entry
// saying why.
func visibleResult(text string, last int, why string) extract.Result {
	r := extract.Result{Layout: LayoutArticle}
	paragraphs := visibleText(text)
	if len(paragraphs) == 0 {
		r.Dropped = []extract.Dropped{{LineStart: 1, LineEnd: last, Reason: why + "; no visible text either"}}
		return r
	}
	r.Items = []extract.Item{{LineStart: 1, LineEnd: last, Ordinal: 1, Byline: []string{}, Paragraphs: paragraphs}}
	return r
}

// visibleText is the text a browser would show, one paragraph a block. It
// reads tokens, not a tree, so no markup defeats it.
func visibleText(text string) []string {
	z := html.NewTokenizer(strings.NewReader(text))
	w := blockWriter{}
	hidden := "" // the hidden element being skipped
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.flush()
			return texts(w.blocks)
		case html.TextToken:
			if hidden == "" {
				w.words(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch {
			case hidden != "":
				if tt == html.EndTagToken && string(name) == hidden {
					hidden = ""
				}
			case hiddenTags[string(name)] && string(name) != "head" && tt == html.StartTagToken:
				// <head> is not skipped: its end tag is often left out
				hidden = string(name)
			case blockTags[string(name)] || string(name) == "td" || string(name) == "th":
				w.flush()
			}
		}
	}
}

func texts(blocks []block) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, b.text)
	}
	return out
}
