// Package webpage reads a capture whose bytes are an HTML document as a web
// page: its charset, its main text and its metadata, with go-trafilatura.
//
// # Charset
//
// A byte-order mark wins, then the charset of the HTTP Content-Type (given by
// the caller), then a <meta charset> or <meta http-equiv="Content-Type"> in
// the first bytes of the page, then the guess of package decode. A declared
// single-byte charset gives way to UTF-8 when the bytes are valid UTF-8 with
// non-ASCII text in them (a page in a legacy code page almost never is), and a
// declared UTF-8 gives way to the guess when the bytes are not UTF-8.
//
// # Items
//
// A page is one article, layout "html", unless its structure shows several
// posts (see posts.go), layout "html_posts", one item a post. The body is
// cut into one paragraph a block (paragraph, heading, list item, table row,
// quotation, line of a <br>-separated text), spaces tidied; navigation,
// related links, share counts, comments and captions are left out. A page
// with no main text to find gives an item of its visible text; one with no
// visible text either gives a dropped entry, never nothing.
package webpage

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nkcorpus/builder/extract"
)

// Layout names of the records a page gives.
const (
	LayoutArticle = "html"
	LayoutPosts   = "html_posts"
)

// ErrMarkup reports a page the HTML reader failed on; the wrapped message
// says why.
var ErrMarkup = errors.New("unreadable HTML")

// Hint is what the capture's container knows about the page.
type Hint struct {
	URL string
	// Charset is the charset of the HTTP Content-Type header, or "".
	Charset string
	// Retrieved is the capture date, or zero. A date in the page later than
	// the day after it is not a publication date; without it the limit is
	// htmldate's own (a year from now).
	Retrieved time.Time
}

// Page is a web page read.
type Page struct {
	// Encoding is the charset the bytes were read in, e.g. "windows-1251".
	Encoding string
	// Text is the decoded HTML (NFC, "\n" line ends); item lines count in it.
	Text string
	// Replaced counts the bytes replaced by U+FFFD: invalid UTF-8
	// sequences and NULs.
	Replaced int
	Result   extract.Result
}

// Read decodes an HTML capture and extracts its items. It fails only when
// the bytes cannot be decoded; a page without text gives a dropped entry.
func Read(raw []byte, hint Hint) (page Page, err error) {
	defer func() {
		// The last guard: the libraries below are large, and one bad page
		// must not end a build.
		if r := recover(); r != nil {
			page, err = Page{}, fmt.Errorf("%w: the HTML reader failed (%v)", ErrMarkup, r)
		}
	}()
	text, err := decodePage(raw, hint.Charset)
	if err != nil {
		return Page{}, err
	}
	page = Page{Encoding: text.Encoding, Text: text.Text, Replaced: text.Replaced}
	page.Result = extractItems(text.Text, hint)
	return page, nil
}

// lineCount is the number of lines of text, the last one counted even when
// it is empty.
func lineCount(text string) int { return strings.Count(text, "\n") + 1 }
