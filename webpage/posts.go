package webpage

import (
	"golang.org/x/net/html"

	"github.com/nkcorpus/builder/extract"
)

func readPosts(doc *html.Node, text string, hint Hint) (extract.Result, bool) {
	return extract.Result{}, false
}
