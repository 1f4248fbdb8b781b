package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxDepth is how deep elements may nest once a page has been
	// flattened: the HTML parser refuses more than 512 open elements, and
	// the extractors walk trees recursively.
	maxDepth = 256
	// slimSize is the decoded size above which a page is slimmed before it
	// is parsed: scripts, styles, inline images and comments, most of the
	// bytes of a huge page, are dropped (JSON-LD metadata is kept).
	slimSize = 2 << 20
	// maxParsed is the most of a rewritten page that is parsed: the tree
	// of a page is tens of times its size, and the extractor copies it. A
	// page longer than that after slimming is read to there.
	maxParsed = 4 << 20
)

// parse parses a decoded page. A page nested too deep for the parser is
// flattened and parsed again; a huge one is slimmed first.
func parse(text string) (*html.Node, error) {
	if len(text) > slimSize {
		text = rewrite(text, true)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return doc, nil
	}
	return html.Parse(strings.NewReader(rewrite(text, false)))
}

// heavy are the elements slimming drops with their content, and media
// those it drops alone (their inline data can be megabytes).
var (
	heavy = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Svg: true, atom.Noscript: true,
		atom.Template: true, atom.Iframe: true, atom.Object: true,
	}
	media = map[atom.Atom]bool{
		atom.Img: true, atom.Source: true, atom.Picture: true, atom.Video: true,
		atom.Audio: true, atom.Canvas: true, atom.Embed: true, atom.Link: true,
	}
)

// longTag is the size of a tag beyond which slimming drops its long
// attribute values (inline styles, data: URLs).
const longTag = 2 << 10

// impliedEnd are elements whose end tag may be left out: a start tag of the
// same name closes the one open.
var impliedEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Tr: true, atom.Td: true, atom.Th: true,
}

// rewrite re-emits the tokens of text, up to maxParsed bytes, with elements
// nested deeper than maxDepth unwrapped (their text kept) and, when slim is
// set, heavy elements, media and comments dropped.
func rewrite(text string, slim bool) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(min(len(text), maxParsed))
	var open []atom.Atom             // elements open, as the tokens say
	unwrapped := map[atom.Atom]int{} // start tags dropped, whose end tags go too
	skip := atom.Atom(0)             // the heavy element being dropped
	for {
		tt := z.Next()
		if tt == html.ErrorToken || b.Len() >= maxParsed {
			return b.String()
		}
		raw := z.Raw()
		var name []byte
		var a atom.Atom
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			name, _ = z.TagName()
			a = atom.Lookup(name)
		}
		if skip != 0 {
			if tt == html.EndTagToken && a == skip {
				skip = 0
			}
			continue
		}
		switch tt {
		case html.CommentToken:
			if slim {
				continue
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if slim && media[a] {
				continue
			}
			if slim && heavy[a] && tt == html.StartTagToken && !isJSONLD(z, a) {
				skip = a
				continue
			}
			if slim && len(raw) > longTag {
				raw = shortTag(z, tt, string(name))
			}
			if tt == html.SelfClosingTagToken {
				break
			}
			if impliedEnd[a] && len(open) > 0 && open[len(open)-1] == a {
				open = open[:len(open)-1]
			}
			if isVoid(a) {
				break
			}
			if len(open) >= maxDepth {
				unwrapped[a]++
				continue
			}
			open = append(open, a)
		case html.EndTagToken:
			if unwrapped[a] > 0 {
				unwrapped[a]--
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == a {
					open = open[:i]
					break
				}
			}
		}
		b.Write(raw)
	}
}

// shortTag writes the tag z is at without its long attribute values.
func shortTag(z *html.Tokenizer, tt html.TokenType, name string) []byte {
	t := html.Token{Type: tt, Data: name}
	for more := true; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		if len(key) > 0 && len(val) <= longTag/4 {
			t.Attr = append(t.Attr, html.Attribute{Key: string(key), Val: string(val)})
		}
	}
	return []byte(t.String())
}

// isJSONLD reports a <script type="application/ld+json">, the metadata
// slimming keeps. It reads the tag's attributes, so call it once a tag.
func isJSONLD(z *html.Tokenizer, a atom.Atom) bool {
	if a != atom.Script {
		return false
	}
	for {
		key, val, more := z.TagAttr()
		if string(key) == "type" && strings.EqualFold(strings.TrimSpace(string(val)), "application/ld+json") {
			return true
		}
		if !more {
			return false
		}
	}
}

// isVoid reports elements that have no end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
