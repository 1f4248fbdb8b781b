package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Articles of sites no layout was written for. A page of one article has
// page chrome before the headline (menus, banners, a breadcrumb, a date
// widget), the headline, perhaps a standfirst, meta lines (date, byline,
// photo and its caption), the body, and chrome after it (share buttons,
// related articles, a comment form, the footer). The line classifier
// (boilerplate.go) says what each line is; the body is the run of text that
// starts at the first block of running text, and the readers of title.go,
// byline.go and dateline.go read the fields around it.

// isArticle accepts a text with running text in it.
func isArticle(c *capture) bool { return mainStart(c.page()) >= 0 }

func segmentArticle(c *capture) []Item {
	// readArticle marks name lines as bylines: it reads a copy.
	p := *c.page()
	p.lines = slices.Clone(p.lines)
	if it, ok := readArticle(&p); ok {
		return []Item{it}
	}
	return nil
}

// mainStart is the first line of the article's running text: the first
// prose line that another follows within three lines, or the only one. A
// lone prose line above (a site's blurb, a long caption) is not the body.
func mainStart(p *page) int {
	first := -1
	for i, l := range p.lines {
		if l.class != classProse {
			continue
		}
		if first < 0 {
			first = i
		}
		for j := i + 1; j < len(p.lines) && j <= i+3; j++ {
			if p.lines[j].class == classProse {
				return i
			}
		}
	}
	return first
}

// readArticle reads the page as one article.
func readArticle(p *page) (Item, bool) {
	m := mainStart(p)
	if m < 0 {
		return Item{}, false
	}
	var it Item
	title, at := pickTitle(p, m)
	it.Title = title
	start := m
	// A standfirst between the headline and the body: short text of some
	// length that is not a name nor "source | section | date".
	for i := m - 1; i > at && at >= 0; i-- {
		l := p.lines[i]
		if l.class == classText && l.words >= 6 && l.name == "" && !strings.Contains(l.text, " | ") {
			start = i
		}
	}
	// Name lines between the headline and the body are its byline.
	for i := max(at, 0); i < m; i++ {
		if l := &p.lines[i]; l.class == classText && i != at && l.name != "" {
			l.class, l.names = classByline, []string{l.name}
		}
	}
	first := 0
	if at >= 0 {
		first = at
	}
	it.LineStart = p.lines[first].index + 1
	body, stop := articleBody(p, start)
	if len(body) == 0 {
		return Item{}, false
	}
	it.LineEnd = p.lines[body[len(body)-1]].last + 1
	for _, i := range body {
		it.Paragraphs = append(it.Paragraphs, stripDecoration(p.lines[i].text))
	}
	it.Paragraphs[len(it.Paragraphs)-1] = cutAgencyTag(it.Paragraphs[len(it.Paragraphs)-1])
	tail := p.lines[body[len(body)-1]+1 : stop]
	cutLastWord(p, &it, body)
	it.Byline = articleByline(p, at, m, body, tail)
	if it.Title == "" {
		it.Title = titleAfter(tail)
	}
	it.DateText = articleDate(p, at, start, body, tail)
	return it, true
}

// articleBody walks the page from the first line of the body and returns
// the indexes of its paragraphs, and where the walk stopped: at the end of
// the article (comment form, footer, a list of other articles) or of the
// page. Furniture inside the body (share buttons, captions, prompts) is
// skipped; a box of related headlines inside the body is skipped when the
// text goes on after it. Short text after the last running text is not
// body, but for a paragraph the capture cuts at its end.
func articleBody(p *page, start int) (body []int, stop int) {
	stop = len(p.lines)
walk:
	for i := start; i < len(p.lines); i++ {
		switch l := p.lines[i]; l.class {
		case classProse, classText:
			body = append(body, i)
		case classRelated:
			if next := resumes(p, i); next > 0 {
				i = next - 1
				continue
			}
			stop = i
			break walk
		case classEnd, classSource:
			if len(body) > 0 {
				stop = i
				break walk
			}
		}
	}
	// Trim the short text after the last running text, but keep a last
	// line the capture cuts in the middle of its paragraph.
	last := len(body) - 1
	for last >= 0 && !endsBody(p.lines[body[last]]) {
		last--
	}
	if last < 0 {
		return nil, stop
	}
	if n := last + 1; n < len(body) && isCutParagraph(p, body[n], body[last]) {
		last = n
	}
	return body[:last+1], stop
}

// endsBody reports a line the body may end with: running text, or a short
// sentence.
func endsBody(l pageLine) bool {
	return l.class == classProse || l.class == classText && l.words >= 4 && closesSentence(l.text) && l.name == ""
}

// resumes returns where the article goes on after a box of related
// headlines opening at line i (at most three headlines, then running
// text), or 0 when it does not.
func resumes(p *page, i int) int {
	for j := i + 1; j < len(p.lines) && j <= i+4; j++ {
		switch p.lines[j].class {
		case classProse:
			if j > i+1 {
				return j
			}
			return 0
		case classText, classCredit:
		default:
			return 0
		}
	}
	return 0
}

// isCutParagraph reports text that starts a paragraph the capture cuts:
// the capture's last line, right after running text, not furniture.
func isCutParagraph(p *page, at, prose int) bool {
	l := p.lines[at]
	return at == prose+1 && l.last == p.end && l.class == classText && !endsSentence(l.text) && l.name == ""
}

// cutLastWord drops the last word of a body the capture cuts in the middle
// of a word: the capture ends inside the paragraph without closing its
// sentence, and the last word is no word the text uses elsewhere (a cut
// word is rarely one), nor a name with a Turkish or Azerbaijani suffix
// after its apostrophe (a whole word). A paragraph left empty is dropped.
func cutLastWord(p *page, it *Item, body []int) {
	n := len(it.Paragraphs) - 1
	last := it.Paragraphs[n]
	if p.lines[body[len(body)-1]].last != p.end || endsSentence(last) || strings.ContainsAny(lastRuneString(last), ",;") {
		return
	}
	i := strings.LastIndexAny(last, " \u00a0")
	word := last[i+1:]
	if hasApostropheSuffix(word) || usedElsewhere(p, word) {
		return
	}
	if rest := strings.TrimSpace(last[:max(i, 0)]); rest != "" && i > 0 {
		it.Paragraphs[n] = rest
	} else {
		it.Paragraphs = it.Paragraphs[:n]
	}
}

func lastRuneString(s string) string {
	r := lastRune(strings.TrimSpace(s))
	return string(r)
}

var apostropheSuffix = regexp.MustCompile(`['’](?:[ıiuü]n|n[ıiuü]n|[ıiuü]|y[ıiuü]|[dt][ae]|[dt][ae]n|n[ae]|y[ae]|l[ae]r|[ıiuüə]nd[ae]|[dt]ır|[dt]ir)$`)

// hasApostropheSuffix reports a name with a Turkish or Azerbaijani case
// ending after its apostrophe ("Karabağ'dan", "Chakhramanian'ın").
func hasApostropheSuffix(w string) bool { return apostropheSuffix.MatchString(w) }

// usedElsewhere reports a word the page writes at least twice.
func usedElsewhere(p *page, w string) bool {
	if w = normalWord(w); w == "" {
		return false
	}
	n := 0
	for _, l := range p.lines {
		for x := range words(l.text, isSpace) {
			if normalWord(x) == w {
				n++
			}
		}
	}
	return n >= 2
}

// articleByline reads the byline: a labelled one anywhere before or in the
// body's first lines, else a name line beside the headline or just after
// the body.
func articleByline(p *page, title, start int, body []int, tail []pageLine) []string {
	var names []string
	add := func(ns ...string) {
		for _, n := range ns {
			if !hasName(names, n) {
				names = append(names, n)
			}
		}
	}
	from := max(title-3, 0)
	for i := from; i < start && i < len(p.lines); i++ {
		l := p.lines[i]
		switch {
		case l.class == classByline:
			add(l.names...)
		case i != title && l.class == classText && (i >= title-2 || title < 0):
			if l.name != "" {
				add(l.name)
			}
		}
	}
	for _, i := range body {
		if i > start+3 {
			break
		}
		if p.lines[i].class == classByline {
			add(p.lines[i].names...)
		}
	}
	if len(names) == 0 && len(tail) > 0 {
		if tail[0].name != "" {
			add(tail[0].name)
		}
	}
	return names
}

// hasName reports a name already read, or one it starts (a name glued to
// its role, "Сергей Пархоменкожурналист", repeats the name above).
func hasName(names []string, n string) bool {
	for _, m := range names {
		if m == n || strings.HasPrefix(n, m) || strings.HasPrefix(m, n) {
			return true
		}
	}
	return false
}

// titleAfter reads a headline printed after the text, as cards of some
// mirrors do: text, headline, date. It is the first short text after the
// body when only a date or nothing follows it.
func titleAfter(tail []pageLine) string {
	for i, l := range tail {
		if l.class != classText {
			continue
		}
		if n := l.words; n < 3 || n > 25 || endsSentence(l.text) || l.name != "" {
			return ""
		}
		rest := tail[i+1:]
		if len(rest) == 0 || len(rest) == 1 && (rest[0].class == classDate || rest[0].class == classText && rest[0].words <= 2) {
			return l.text
		}
		return ""
	}
	return ""
}

// articleDate chooses the publication date among the dates of the page:
// dateline.go says in which order.
func articleDate(p *page, title, start int, body []int, tail []pageLine) string {
	var cands []dateCandidate
	if p.metadata != "" {
		cands = append(cands, dateCandidate{text: p.metadata, rank: rankMetadata, valid: true})
	}
	anchor := max(title, 0)
	dist := func(i int) int { return max(i-anchor, anchor-i) }
	for i := 0; i < start && i < len(p.lines); i++ {
		l := p.lines[i]
		switch {
		case l.date == "" || l.class == classCredit:
		case l.class == classDate:
			cands = append(cands, dateCandidate{text: l.date, line: i, rank: rankDateLine, dist: dist(i), valid: true})
		default:
			cands = append(cands, dateCandidate{text: l.date, line: i, rank: rankInLine, dist: dist(i), valid: true})
		}
	}
	if len(body) > 0 {
		if d, ok := datelineStart(p.lines[body[0]].text); ok {
			cands = append(cands, dateCandidate{text: d, rank: rankDateline, valid: true})
		}
	}
	for i := start; i < len(p.lines); i++ {
		if l := p.lines[i]; l.class == classDate && (i <= start+2 || isTail(l, tail)) {
			cands = append(cands, dateCandidate{text: l.date, line: i, rank: rankDateLine, dist: dist(i), valid: true})
		}
	}
	return pickDate(cands)
}

func isTail(l pageLine, tail []pageLine) bool {
	for _, t := range tail {
		if t.index == l.index {
			return true
		}
	}
	return false
}

var agencyTail = regexp.MustCompile(`\s*\([A-Za-z]{1,10}(?:\s?[/,]\s?[A-Za-z]{1,10})*\)$`)

// cutAgencyTag removes the agency's tag a closing paragraph ends with,
// after its last sentence: "… herbeizuführen. (AFP/jW)".
func cutAgencyTag(s string) string {
	if !strings.HasSuffix(s, ")") {
		return s
	}
	if m := agencyTail.FindStringIndex(s); m != nil && m[0] > 0 && closesSentence(s[:m[0]]) && isAgencyTag(s[m[0]:]) {
		return s[:m[0]]
	}
	return s
}

// isAgencyTag reports a tag of agencies' names or initials: one in
// capitals ("(AFP)"), two or more ("(dpa/nd)"), or a lower-case agency.
func isAgencyTag(tag string) bool {
	tag = strings.Trim(strings.TrimSpace(tag), "()")
	return strings.IndexFunc(tag, unicode.IsUpper) >= 0 || strings.ContainsAny(tag, "/,") || lowerAgencies[tag]
}

var lowerAgencies = map[string]bool{"dpa": true, "epd": true, "kna": true, "apa": true, "sda": true, "ots": true}

// stripDecoration removes the pictographs a post may open a paragraph with
// (a flag, a red circle): decoration, not text. A flag is regional
// indicators, or a black flag and tag characters (Scotland's, Wales').
func stripDecoration(s string) string {
	t := strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r >= 0x1F1E6 && r <= 0x1F1FF || r >= 0xE0020 && r <= 0xE007F ||
			r == 0xFE0F || r == 0x200D || unicode.IsSpace(r)
	})
	if t == "" || len(t) == len(s) {
		return s
	}
	return t
}
