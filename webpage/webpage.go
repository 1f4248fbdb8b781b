// Package webpage reads a capture whose bytes are an HTML document as a web
// page: its charset, its main text and its metadata, with go-trafilatura
// (which bundles go-htmldate, go-readability and go-domdistiller).
//
// # Charset
//
// A byte-order mark wins, then the charset of the HTTP Content-Type (given by
// the caller), then a <meta charset> or <meta http-equiv="Content-Type"> in
// the first 8 KB of the page, then the guess of package decode. Labels are
// read as the WHATWG Encoding standard says ("latin1" is windows-1252). A
// declared single-byte charset gives way to UTF-8 when the bytes are valid
// UTF-8 with non-ASCII text in them (a page in a legacy code page almost
// never is), and a declared UTF-8 to the next source when the bytes are not
// UTF-8. Stray NUL bytes become U+FFFD, as the HTML parser makes them.
//
// # Metadata
//
// go-trafilatura reads Open Graph and <meta> tags, then JSON-LD (whose
// authors, sections and longer publisher name win over them), and guesses
// from the markup (a single <h1>, byline selectors, the <title>) only what
// they leave empty. Dates are go-htmldate's: <meta> (article:published_time…)
// then JSON-LD datePublished, then the URL, then the markup; the date text
// is the metadata's string as written when it starts with the date, else the
// date as YYYY-MM-DD. The section is article:section, then JSON-LD
// articleSection, then category links. A site name that is a link or the
// URL's host, and a title's " | Site" suffix, are dropped.
//
// # Items
//
// A page is one article, layout "html", unless its structure shows several
// posts (see posts.go), layout "html_posts", one item a post. The body is
// go-trafilatura's main text cut into one paragraph a block (paragraph,
// heading, list item, table row, quotation, line of a <br>- or newline-
// separated text), spaces tidied, in NFC; then cleaned (see clean.go): the
// headline and the lines above it, byline and date lines, and links to other
// pages of the site (related stories, teasers) are left out. When
// go-trafilatura can only rescue a blob (a whole element's text as one
// string), go-readability is asked; when that fails too and the text is
// short, the item is the page's visible text. A page with no visible
// text gives a dropped entry with the reason, never nothing.
//
// # Limits
//
// Markup nested deeper than the parser allows (512 elements) is flattened to
// 256 levels and parsed again; markup the parser still refuses is read as a
// stream of tokens for its visible text. A page over 2 MB is slimmed before
// it is parsed (scripts, styles, media, comments and long attribute values
// dropped; JSON-LD kept) and parsed to its first 4 MB. A page with over
// 256 KB of visible text has its main text read here, as the element whose
// own paragraphs hold the most text, since go-trafilatura's time grows with
// the square of it.
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
	// URL is the page's address, in valid UTF-8 (the corpus percent-encodes
	// a header's stray bytes): an item without a canonical link keeps it as
	// it is.
	URL string
	// Charset is the charset of the HTTP Content-Type header, or "".
	Charset string
	// Retrieved is the capture date, or zero. A date in the page later than
	// the day after it is not a publication date; without it the limit is
	// a fixed far date, so that what is read never depends on the day a
	// build runs.
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
// the bytes cannot be decoded (decode's errors) or, with ErrMarkup, when a
// library panicked on the page; a page without text gives a dropped entry.
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
