package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/dates"
)

// Pages of many items, from sites no layout was written for: digests and
// press reviews, listing, tag and author pages, live blogs, forum threads,
// mirrors of Telegram, Reddit and other platforms. They are told by an
// item header that repeats; each shape below finds the headers of one kind,
// and the first shape that finds two or more cuts the page:
//
//	time stamps       "01:45 PM BST", "22-08-2023, 12:13" above (or below) a headline
//	inline stamps     "18:50 GMT – Headline Text …", many in one paragraph
//	dated paragraphs  "(29 mag 21) HEADLINE – text"
//	repeated heads    a headline, then "Read full article: Headline" and the teaser
//	teasers           headline and one-line teaser, or a teaser closed by "Continue reading"
//	quoted sources    "„Paper“ (City):" above each quotation (press reviews)
//	authors           an author's name, a heading, the post (roundups of posts)
//	accounts          "u/name Oct 01 '20" (platform mirrors)
//	forum posts       the text between posts' footers ("Link to comment")
//	datelines         a headline, then "CITY, Month D, YYYY (AGENCY): …"
//	blank runs        blocks set apart by runs of blank lines (galleries)
//	live pages        a headline saying the page is live; each paragraph an entry
//	byline stubs      teasers each closed by a bare "By"/"Von" line
//	headlines         long headlines, each above paragraphs (archives of posts)
//
// Each item keeps its own headline, date, byline and body, read with the
// article's readers. Text before the first item that is running text (a
// live blog's summary, a press review's lead) is dropped with its reason.
// A page of one article with headlines of other articles around it has no
// repeated header with text under each, and is read as an article.

// itemHead is where an item starts and what its header says.
type itemHead struct {
	at     int    // first line of the item (page.lines index)
	body   int    // first line of its body
	title  string // its headline, if the header gives one
	date   string
	byline []string
	inline string // body text on the header's own line
	until  int    // last line of the item when the header closes it (-1: up to the next)
}

// A shape finds the item headers of one kind of many-item page.
type shape func(p *page) []itemHead

// shapes are tried in order; the first that finds two items or more wins.
var shapes = []shape{
	timeHeads, datedParagraphHeads, repeatedHeads, teaserHeads, quotedSourceHeads,
	authorHeads, accountHeads, forumHeads, datelineHeads, blankRunHeads, liveHeads,
	bylineStubHeads, headlineHeads,
}

// listingHeads returns the item headers of the first shape that finds two,
// with the items under a digest's header (headline, outlet, date) that the
// shape's items leave out: pages that stack reposts mix the two.
func listingHeads(p *page) []itemHead {
	for _, s := range shapes {
		if h := s(p); len(h) >= 2 {
			return addDigestHeads(p, h)
		}
	}
	return nil
}

// addDigestHeads adds the heads of items under a headline, perhaps an
// outlet line, and a date line, found after the last head.
func addDigestHeads(p *page, heads []itemHead) []itemHead {
	last := heads[len(heads)-1]
	from := last.body + 1
	if last.until >= 0 {
		from = last.until + 1
	}
	for i := from; i+1 < len(p.lines); i++ {
		date := i + 1
		if c := p.lines[date].class; (c == classText || c == classChrome) && p.lines[date].words <= 4 && date+1 < len(p.lines) {
			date++
		}
		if isHeadlineLike(p.lines[i]) && p.lines[date].class == classDate {
			heads = append(heads, itemHead{at: i, body: date + 1, title: cleanTitle(p.lines[i].text), date: p.lines[date].date, until: -1})
			i = date
		}
	}
	return heads
}

func isListing(c *capture) bool {
	return len(listingHeads(listingPage(c))) >= 2
}

// listingPage is the page with live-blog entries run together in one
// paragraph ("… 18:50 GMT – Headline …") cut at their stamps.
func listingPage(c *capture) *page {
	if c.listing == nil {
		whole := c.page()
		p := *whole
		p.lines = nil
		for _, l := range whole.lines {
			p.lines = append(p.lines, splitStamps(l, p.lang)...)
		}
		c.listing = &p
	}
	return c.listing
}

var inlineStamp = regexp.MustCompile(`\b\d{1,2}:\d{2}(?:\s?[AP]M)?\s(?:GMT|UTC|BST|CET|CEST|EST|EDT|MSK|AZT|AMT|GET)\s[–—-]\s`)

// splitStamps cuts a line holding two stamped entries or more at each stamp.
func splitStamps(l pageLine, lang func() int) []pageLine {
	if len(l.text) < 100 || !strings.Contains(l.text, ":") {
		return []pageLine{l}
	}
	at := inlineStamp.FindAllStringIndex(l.text, -1)
	if len(at) < 2 {
		return []pageLine{l}
	}
	var out []pageLine
	cut := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			c, d, n := classifyLine(s, lang)
			out = append(out, pageLine{index: l.index, last: l.last, text: s, class: c, date: d, names: n, words: wordCount(s)})
		}
	}
	cut(l.text[:at[0][0]])
	for k, m := range at {
		end := len(l.text)
		if k+1 < len(at) {
			end = at[k+1][0]
		}
		cut(l.text[m[0]:end])
	}
	return out
}

func segmentListing(c *capture) []Item {
	p := listingPage(c)
	heads := listingHeads(p)
	if len(heads) < 2 {
		return nil
	}
	items := make([]Item, 0, len(heads))
	for k, h := range heads {
		end := len(p.lines)
		if k+1 < len(heads) {
			end = heads[k+1].at
		}
		if h.until >= 0 {
			end = min(end, h.until+1)
		}
		items = append(items, listingItem(p, h, end))
	}
	return items
}

// listingIntro is the reason the running text above the first item is dropped.
const listingIntro = "page introduction above the first item"

// introDropped reports the text above the first item of a listing: its
// running text and long lines (a press review's lead).
func introDropped(c *capture, r *Result) {
	p := listingPage(c)
	heads := listingHeads(p)
	if len(heads) == 0 || heads[0].at == 0 {
		return
	}
	first, last := -1, -1
	for _, l := range p.lines[:heads[0].at] {
		if l.class == classProse || l.class == classText && l.words >= 8 {
			if first < 0 {
				first = l.index
			}
			last = l.last
		}
	}
	if first >= 0 {
		r.Dropped = append(r.Dropped, Dropped{first + 1, last + 1, listingIntro})
	}
}

// listingItem reads one item: its header's fields, then its body as an
// article's body is read, within lines[h.body:end].
func listingItem(p *page, h itemHead, end int) Item {
	it := Item{Title: h.title, DateText: h.date, Byline: h.byline}
	it.LineStart = p.lines[h.at].index + 1
	it.LineEnd = p.lines[min(max(end-1, h.at), len(p.lines)-1)].last + 1
	if h.inline != "" {
		it.Paragraphs = append(it.Paragraphs, h.inline)
	}
	var last int = -1
	for i := h.body; i < end; i++ {
		l := p.lines[i]
		switch l.class {
		case classProse, classText:
			it.Paragraphs = append(it.Paragraphs, stripDecoration(l.text))
			if endsBody(l) || i == end-1 && l.last == p.end && l.words >= 2 {
				last = len(it.Paragraphs)
			}
		case classMore:
			it.Paragraphs = append(it.Paragraphs, cutReadMore(l.text))
			last = len(it.Paragraphs)
		case classDate:
			if it.DateText == "" {
				it.DateText = l.date
			}
		case classByline:
			it.Byline = append(it.Byline, l.names...)
		case classEnd, classRelated, classSource, classForum:
			i = end
		}
	}
	if h.inline != "" && last < 1 {
		last = 1
	}
	if last >= 0 {
		it.Paragraphs = it.Paragraphs[:last]
	} else {
		it.Paragraphs = nil
	}
	if len(it.Paragraphs) == 0 && it.Title != "" {
		// A post or entry that is its headline alone (a link post, a
		// video): the headline is its text.
		it.Paragraphs = []string{it.Title}
	}
	if it.DateText == "" {
		it.DateText = p.metadata // the capture service's date of the page
	}
	if it.Byline == nil {
		it.Byline = []string{}
	}
	return it
}

// cutReadMore removes the read-more link closing a teaser.
func cutReadMore(s string) string {
	key := strings.ToLower(s)
	for _, p := range furnitureLexicon().suffixes {
		if p.kind == furnitureMore && strings.HasSuffix(key, p.text) {
			return strings.TrimRight(strings.TrimSpace(s[:len(s)-len(p.text)]), " …")
		}
	}
	return s
}

var (
	timeStamp     = regexp.MustCompile(`^\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?,?$`)
	stampedHeader = regexp.MustCompile(`^\d{1,2}:\d{2}(?:\s?[AP]M)?\s(?:[A-Z]{2,4}\s)?[–—-]\s(.+)$`)
)

// isStamp reports a line that is a time, or a date with its time.
func isStamp(l pageLine) bool {
	return timeStamp.MatchString(l.text) || l.class == classDate && strings.Contains(l.text, ":") && l.words <= 4
}

// timeHeads finds entries under time stamps: a stamp line above the
// headline (live blogs), above a headline glued to its text (day
// archives), below the headline (author pages), or opening the entry's
// own line ("18:50 GMT – Headline Text").
func timeHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		if m := stampedHeader.FindStringSubmatch(l.text); m != nil {
			title, body := splitGlued(m[1])
			heads = append(heads, itemHead{at: i, body: i + 1, title: title, inline: body, until: -1})
			continue
		}
		if !isStamp(l) {
			continue
		}
		h := itemHead{at: i, body: i + 1, until: -1}
		if l.class == classDate {
			h.date = l.date
		}
		next, prev := at(p, i+1), at(p, i-1)
		switch {
		case next != nil && isHeadlineLike(*next) || next != nil && next.class == classText && next.words >= 2 && !closesSentence(next.text):
			h.title, h.body = cleanTitle(next.text), i+2
		case prev != nil && isHeadlineLike(*prev) && (next == nil || next.class == classProse):
			h.at, h.title = i-1, cleanTitle(prev.text)
		case next != nil && next.class == classProse:
			if title, body := splitGlued(next.text); title != "" {
				h.title, h.inline, h.body = title, body, i+2
			}
		}
		heads = append(heads, h)
	}
	return heads
}

func at(p *page, i int) *pageLine {
	if i < 0 || i >= len(p.lines) {
		return nil
	}
	return &p.lines[i]
}

// splitGlued cuts a headline from the text a capture glued to it: at a
// lower-case letter followed by a capital inside a word ("…çağırdıQarabağın"),
// or where the headline's first word comes back ("Turkey denies … Turkey
// denied …"). It returns no headline when it finds no cut.
func splitGlued(s string) (title, body string) {
	var prev rune
	run := 0
	for i, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) && run >= 3 && i > 10 {
			if t := strings.TrimSpace(s[:i]); wordCount(t) >= 2 && wordCount(t) <= 25 {
				return t, strings.TrimSpace(s[i:])
			}
		}
		if unicode.IsLetter(r) {
			run++
		} else {
			run = 0
		}
		prev = r
	}
	ws := strings.Fields(s)
	if len(ws) < 6 {
		return s, ""
	}
	first := ws[0]
	if utf8.RuneCountInString(first) < 3 {
		return "", s
	}
	for k := 3; k < len(ws) && k <= 25; k++ {
		if ws[k] == first || strings.TrimRight(ws[k], "’'s") == strings.TrimRight(first, "’'s") && startsWithUpper(ws[k]) {
			off := wordOffset(s, k)
			return strings.TrimSpace(s[:off]), strings.TrimSpace(s[off:])
		}
	}
	if len(ws) <= 25 {
		return s, "" // a short entry cut by the capture: its headline only
	}
	return "", s
}

func startsWithUpper(s string) bool { return unicode.IsUpper(firstRune(s)) }

// wordOffset is the byte offset of the k-th word of s.
func wordOffset(s string, k int) int {
	n := 0
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if n == k {
				return i
			}
			n++
			in = true
		}
	}
	return len(s)
}

var datedParagraph = regexp.MustCompile(`^\(([^)]{4,24})\)\s+(.+)$`)

// datedParagraphHeads finds items that are one paragraph each, opened by a
// date in brackets and a headline: "(29 mag 21) HEADLINE – text".
func datedParagraphHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		if len(l.text) < 20 || l.text[0] != '(' {
			continue
		}
		m := datedParagraph.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		f, ok := dates.Find(m[1], time.Time{})
		if !ok || strings.TrimSpace(m[1]) != f.Text {
			continue
		}
		h := itemHead{at: i, body: i + 1, date: f.Text, inline: m[2], until: -1}
		if t, rest, ok := cutDash(m[2]); ok {
			h.title, h.inline = t, rest
		}
		heads = append(heads, h)
	}
	return heads
}

// cutDash cuts "HEADLINE – text" at its first dash when the part before is
// headline-long.
func cutDash(s string) (title, rest string, ok bool) {
	for _, sep := range []string{" – ", " — ", " - "} {
		if t, r, found := strings.Cut(s, sep); found && wordCount(t) >= 1 && wordCount(t) <= 15 {
			return strings.TrimSpace(t), strings.TrimSpace(r), true
		}
	}
	return "", s, false
}

// repeatedHeads finds a headline followed by a line that repeats it after a
// label and goes on with the teaser ("Read full article: Headline" + text).
func repeatedHeads(p *page) []itemHead {
	var heads []itemHead
	for i := 0; i+1 < len(p.lines); i++ {
		t := p.lines[i].text
		next := p.lines[i+1].text
		if p.lines[i].words < 3 || len(next) <= len(t) {
			continue
		}
		k := strings.Index(next, t)
		if k < 0 || k > 60 {
			continue
		}
		heads = append(heads, itemHead{at: i, body: i + 2, title: t, inline: strings.TrimSpace(next[k+len(t):]), until: -1})
		i++
	}
	return heads
}

// teaserHeads finds listing items of a headline and a teaser: a teaser
// closed by a read-more link ends its item (the headline above it, if any,
// starts it); else headline and one-line teaser alternate, three times or
// more.
func teaserHeads(p *page) []itemHead {
	var heads []itemHead
	start := 0
	for i, l := range p.lines {
		if l.class != classMore {
			continue
		}
		h := itemHead{at: i, body: i, until: i}
		if prev := at(p, i-1); prev != nil && i-1 >= start && prev.class == classText && prev.words <= 20 {
			h.at, h.title = i-1, cleanTitle(prev.text)
		}
		heads = append(heads, h)
		start = i + 1
	}
	if len(heads) >= 2 {
		// The capture may cut the last teaser before its link.
		for i := start; i+1 < len(p.lines); i++ {
			if l := p.lines[i]; l.class == classText && l.words <= 20 && !closesSentence(l.text) && p.lines[i+1].class == classProse {
				heads = append(heads, itemHead{at: i, body: i + 1, title: cleanTitle(p.lines[i].text), until: -1})
				break
			}
		}
		return heads
	}
	heads = nil
	for i := 0; i+1 < len(p.lines); i++ {
		head, teaser := p.lines[i], p.lines[i+1]
		if isHeadlineLike(head) && teaser.index == head.last+1 && (closesSentence(teaser.text) || teaser.last == p.end) {
			heads = append(heads, itemHead{at: i, body: i + 1, title: cleanTitle(head.text), until: i + 1})
			i++
		}
	}
	if len(heads) < 3 {
		return nil
	}
	return heads
}

// quotedSourceHeads finds the quotations of a press review, each under the
// paper it is from: a short line ending with a colon, then running text.
func quotedSourceHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		if !strings.HasSuffix(l.text, ":") || l.words > 8 || l.class != classText {
			continue
		}
		if next := at(p, i+1); next != nil && next.class == classProse {
			heads = append(heads, itemHead{at: i, body: i + 1, title: strings.TrimSpace(strings.TrimSuffix(l.text, ":")), until: -1})
		}
	}
	return heads
}

// authorHeads finds posts in a roundup: an author's name alone, a heading,
// then the post.
func authorHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		name := l.name
		if name == "" || l.class != classText {
			continue
		}
		next := at(p, i+1)
		if next == nil || next.class != classText || next.name != "" {
			continue
		}
		heads = append(heads, itemHead{at: i, body: i + 2, title: next.text, byline: []string{name}, until: -1})
	}
	return heads
}

var accountLine = regexp.MustCompile(`^(?:[ur]/|@)(\S{2,40})\s+(\S.{3,30})$`)

// accountHeads finds posts under "account date" headers of platform
// mirrors ("r/europe Sep 29 '20", "u/name Oct 01 '20").
func accountHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		m := accountLine.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		f, ok := dates.Find(m[2], time.Time{})
		if !ok {
			continue
		}
		h := itemHead{at: i, body: i + 1, until: -1}
		if f.Resolved {
			h.date = f.Text
		}
		if !strings.HasPrefix(l.text, "r/") && !strings.Contains(m[1], "[deleted]") {
			h.byline = []string{m[1]}
		}
		if next := at(p, i+1); next != nil && next.class == classText && next.words >= 3 {
			h.title, h.body = next.text, i+2
		}
		heads = append(heads, h)
	}
	return heads
}

// forumHeads cuts a forum thread into posts at the posts' footers ("Link
// to comment", "Share on other sites"); each post takes the thread's title.
func forumHeads(p *page) []itemHead {
	var cuts []int
	for i, l := range p.lines {
		if l.class == classForum && (i == 0 || p.lines[i-1].class != classForum) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	title, _ := pickTitle(p, firstProse(p, 0))
	var heads []itemHead
	start := 0
	for _, c := range append(cuts, len(p.lines)) {
		if s := firstProse(p, start); s >= 0 && s < c {
			heads = append(heads, itemHead{at: s, body: s, title: title, until: c - 1})
		}
		start = c + 1
	}
	return heads
}

// hasBodyText reports running text or a sentence in lines[from:to].
func hasBodyText(p *page, from, to int) bool {
	for _, l := range p.lines[from:to] {
		if endsBody(l) {
			return true
		}
	}
	return false
}

func firstProse(p *page, from int) int {
	for i := from; i < len(p.lines); i++ {
		if p.lines[i].class == classProse {
			return i
		}
	}
	return -1
}

var agencyDateline = regexp.MustCompile(`^\p{Lu}{3,}(?:[ -]\p{Lu}+)*,\s`)

// datelineHeads finds agency items stacked on a page: a headline, then a
// paragraph opening "YEREVAN, February 4, 2021 (Armen Press): …".
func datelineHeads(p *page) []itemHead {
	var heads []itemHead
	for i := 0; i+1 < len(p.lines); i++ {
		head, next := p.lines[i], p.lines[i+1]
		if !isHeadlineLike(head) || next.class != classProse || !agencyDateline.MatchString(next.text) {
			continue
		}
		h := itemHead{at: i, body: i + 1, title: cleanTitle(head.text), until: -1}
		if d, ok := datelineStart(next.text); ok {
			h.date = d
		}
		heads = append(heads, h)
	}
	return heads
}

// blankRunHeads finds blocks set apart by runs of four blank lines or more
// (a gallery's slides), when three blocks or more hold running text.
func blankRunHeads(p *page) []itemHead {
	var heads []itemHead
	start := 0
	for i := 1; i <= len(p.lines); i++ {
		if i < len(p.lines) && p.lines[i].index-p.lines[i-1].last <= 4 {
			continue
		}
		if hasBodyText(p, start, i) {
			heads = append(heads, itemHead{at: start, body: start, until: i - 1})
		}
		start = i
	}
	if len(heads) < 3 {
		return nil
	}
	return heads
}

var liveWords = regexp.MustCompile(`(?i)(?:^|[\s.:–—-])(?:live|онлайн|live-ticker|liveblog|canlı|en direct|in diretta|en vivo|ao vivo|ուղիղ|пряма трансляція|прямая трансляция)\.?$`)

// liveHeads reads a page whose headline says it is live as entries, one a
// paragraph after the standfirst, each under the page's headline.
func liveHeads(p *page) []itemHead {
	m := mainStart(p)
	if m < 0 {
		return nil
	}
	title, at := pickTitle(p, m)
	if at < 0 || !liveWords.MatchString(title) {
		return nil
	}
	var dates []dateCandidate
	for i := 0; i < m; i++ {
		if l := p.lines[i]; l.class == classDate {
			dates = append(dates, dateCandidate{text: l.date, rank: rankDateLine, dist: max(at-i, i-at), valid: true})
		}
	}
	date := pickDate(dates)
	var heads []itemHead
	for i := m + 1; i < len(p.lines); i++ {
		if l := p.lines[i]; l.class == classProse || l.class == classText && l.last == p.end {
			heads = append(heads, itemHead{at: i, body: i, title: title, date: date, until: i})
		}
	}
	return heads
}

// bylineStubHeads finds teasers each closed by a byline label whose name
// the capture lost ("Von" alone), perhaps after a genre label.
func bylineStubHeads(p *page) []itemHead {
	var heads []itemHead
	start := 0
	for i, l := range p.lines {
		if !isBylineStub(l.text) {
			continue
		}
		if s := firstProse(p, start); s >= 0 && s < i {
			heads = append(heads, itemHead{at: s, body: s, until: i - 1})
		}
		start = i + 1
	}
	return heads
}

// isBylineStub reports a byline label alone on its line.
func isBylineStub(s string) bool {
	if utf8.RuneCountInString(s) > 24 {
		return false // a label alone is short ("Автор материала:"); skip the pattern
	}
	m := bylineLabel.FindStringSubmatch(s + " x")
	return m != nil && m[1] == "x"
}

// minArchiveHeadline is the length of headline, in words, that tells an
// archive page's next post from a subhead inside one article.
const minArchiveHeadline = 7

// headlineHeads finds posts stacked on an archive page: headline-like lines
// of seven words or more set apart by blank lines, each above running
// text, the first of them the page's first text.
func headlineHeads(p *page) []itemHead {
	var heads []itemHead
	for i, l := range p.lines {
		if !isHeadlineLike(l) || l.words < minArchiveHeadline || i > 0 && p.lines[i-1].last+1 == l.index {
			continue
		}
		if next := at(p, i+1); next == nil || next.class != classProse {
			continue
		}
		if len(heads) == 0 && firstProse(p, 0) < i {
			return nil // running text above the first headline: an article
		}
		heads = append(heads, itemHead{at: i, body: i + 1, title: cleanTitle(l.text), until: -1})
	}
	return heads
}
