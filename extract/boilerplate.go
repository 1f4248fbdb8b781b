package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Line classifiers shared by the layouts: what in a capture is page furniture
// rather than article text.

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// endsSentence reports a line that ends as prose does.
func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return last != utf8.RuneError && strings.ContainsRune(".!?…\"”»“’':;)]", last)
}

// wordCount is len(strings.Fields(s)), without building the slice.
func wordCount(s string) int {
	n := 0
	for range words(s, unicode.IsSpace) {
		n++
	}
	return n
}

var (
	urlLine     = regexp.MustCompile(`^https?://\S+$`)
	trailingURL = regexp.MustCompile(`(?:^|\s+)(https?://\S+)$`)
)

func isURL(s string) bool { return urlLine.MatchString(strings.TrimSpace(s)) }

// cutTrailingURL splits a URL written as the last word of a line from the text before it.
func cutTrailingURL(s string) (text, url string) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "http") {
		return s, "" // as the pattern would find, without its scan of a long line
	}
	m := trailingURL.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	return strings.TrimSpace(s[:m[0]]), s[m[2]:m[3]]
}

var (
	imageHint  = regexp.MustCompile(`(?i)\.(jpe?g|png|webp|gif)\b|maxresdefault|gettyimages|screenshot|^images\.|^img[_ ]`)
	longNumber = regexp.MustCompile(`\d{5,}|\d+x\d+`)
)

// isImageName reports a line that is an image's file name turned into words
// ("1586977526 2951782 8153229maxresdefault", "Photo 2025 06 18 11 50 28").
func isImageName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 300 || endsSentence(s) || wordCount(s) > 25 {
		return false
	}
	if imageHint.MatchString(s) || longNumber.MatchString(s) {
		return true
	}
	words := strings.Fields(s)
	withDigits := 0
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			withDigits++
		}
	}
	return len(words) >= 3 && withDigits*2 >= len(words)
}

var (
	wireHeader    = regexp.MustCompile(`^(?:FROM [A-Z][A-Z ]+|(?:RECASTS|ADDS|UPDATES|CORRECTS|REPEATS|REFILES|WRAPUP|REWRITES|CHANGES|INSERTS|UPDATE \d+)\b.*)$`)
	agencyTag     = regexp.MustCompile(`^\((?:AFP|AP|Reuters|dpa|Xinhua|TASS|Anadolu|EFE|ANSA)(?:[,/ ]+(?:AFP|AP|Reuters|dpa|Xinhua|TASS|Anadolu|EFE|ANSA))*\)$`)
	editorSignOff = regexp.MustCompile(`^[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([^)]*\))?$`)
)

// isWireNote reports the notes news agencies and editors put around a story:
// "FROM AFP NEWS", "RECASTS with …", "(AFP)", "lo/msh (AP, AFP, Reuters)".
func isWireNote(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 200 {
		return false // notes are short; skip the regexps
	}
	return wireHeader.MatchString(s) || agencyTag.MatchString(s) || editorSignOff.MatchString(s)
}

var (
	creditLine    = regexp.MustCompile(`^(?:©|\(c\)\s|(?i:photos?|image|picture|credit|photo credit)\s*:\s)`)
	captionCredit = regexp.MustCompile(`[.!?)]\s+(?i:photo|photos|image|credit)\s*:\s*[^.]+$`)
)

// isPhotoCredit reports a credit line ("© WHO/Nazik Armenakyan") or a caption
// that ends with its credit ("Fresh graves … . Photo: Marut Vanyan").
func isPhotoCredit(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, ":") && !strings.HasPrefix(s, "©") && !strings.HasPrefix(s, "(c)") {
		return false // every credit has one of these; skip the regexps
	}
	// captionCredit allows no '.' after the character its match starts at,
	// so only the tail from the last '.' can match: a short scan, not the
	// whole caption.
	tail := s[max(strings.LastIndexByte(s, '.'), 0):]
	return creditLine.MatchString(s) || captionCredit.MatchString(tail)
}

// placeholders are lines that stand for an embedded player, widget or button.
var placeholders = map[string]bool{
	"soundcloud": true, "youtube": true, "twitter": true, "instagram": true,
	"facebook": true, "video": true, "audio": true, "embed": true,
	"tumblr media": true, "advertisement": true, "share": true, "tweet": true,
	"print": true, "email": true, "telegram": true, "whatsapp": true,
}

func isPlaceholder(s string) bool {
	return len(s) <= 40 && placeholders[strings.ToLower(strings.TrimSpace(s))]
}

var footerStart = regexp.MustCompile(`(?i)^(?:you might also like|related(?: articles| posts| news)?|read also|more from .*|new articles|useful links|leave a (?:reply|comment)|write (?:a )?comment|add (?:a )?comment|comments?|your email address will not be published.*|sign in to your account|share this:?|read: \d+|views: \d+|news feed)$`)

// isFooterStart reports the first line of what follows an article on a page:
// related lists, comment forms, counters.
func isFooterStart(s string) bool { return footerStart.MatchString(strings.TrimSpace(s)) }

var teaserLine = regexp.MustCompile(`^(?i:see also|read also|read more|also read)\b`)

// isTeaser reports an inline link to another article ("See also  Video. …").
func isTeaser(s string) bool { return teaserLine.MatchString(strings.TrimSpace(s)) }

var bullet = regexp.MustCompile(`^\s*[•·▪●◦‣∙]\s*`)

func isBullet(s string) bool { return bullet.MatchString(s) }

func unbullet(s string) string { return strings.TrimSpace(bullet.ReplaceAllString(s, "")) }

// The line classifier of the general layouts (article.go, listing.go): what
// each line of a capture of an unknown site is. It follows jusText: a line's
// length, its share of stop words of the page's language and its closing
// punctuation tell running text from furniture; furniture.tsv names the
// menus, buttons, prompts and end-of-article markers in many languages;
// shapes name the rest (counters, dates, credits, captions, menus in
// capitals). Headlines, subheads and standfirsts are short text whose
// place on the page decides what they are.

// lineClass is what the classifier makes of a line.
type lineClass uint8

const (
	classProse   lineClass = iota // running text
	classText                     // short text: a headline, subhead, standfirst or teaser
	classChrome                   // page furniture: menus, buttons, counters, widgets
	classEnd                      // the article ends: comment form, tags, copyright
	classRelated                  // a list of other articles starts
	classSource                   // a source credit ("Source: …")
	classCredit                   // a photo credit, an image's name or a caption
	classDate                     // a date, perhaps with a label, a time or a rubric
	classByline                   // a labelled byline
	classMore                     // a teaser's read-more link
	classForum                    // a forum post's footer
)

// pageLine is one non-blank line of a capture, classified.
type pageLine struct {
	index, last int    // first and last line of the capture it spans (0-based)
	text        string // trimmed; hard-wrapped lines joined
	class       lineClass
	words       int
	date        string   // a date written in the line
	names       []string // a byline's names
	label       bool     // a credit line of its own ("Photo: …", "© …")
	name        string   // the person a text line names alone (nameLineOf)
}

// page is a capture, or part of one, as the general layouts read it.
type page struct {
	lines    []pageLine
	lang     func() int // the stop-word language, -1 if none, read when first needed
	metadata string     // the capture service's date line, if any
	end      int        // the capture's last non-blank line (0-based)
}

// newPage classifies lines[from:to].
func newPage(lines []string, from, to int) *page {
	p := &page{end: -1}
	for i := to - 1; i >= from; i-- {
		if !blank(lines[i]) {
			p.end = i
			break
		}
	}
	raw := unwrap(lines, from, to)
	if len(raw) > 0 {
		if date, rest, ok := cutMetadata(raw[0].text); ok {
			p.metadata = date
			if raw[0].text = strings.TrimSpace(rest); raw[0].text == "" {
				raw = raw[1:]
			}
		}
	}
	// The language is read only if a line needs it (see isRunningText).
	lang := sync.OnceValue(func() int {
		texts := make([]string, len(raw))
		for i, l := range raw {
			texts[i] = l.text
		}
		return stopLanguage(texts)
	})
	p.lines = make([]pageLine, 0, len(raw))
	for _, l := range raw {
		l.class, l.date, l.names = classifyLine(l.text, lang)
		l.words = wordCount(l.text)
		l.label = l.class == classCredit && furnitureOf(l.text) == furnitureCredit || strings.HasPrefix(l.text, "©")
		if l.class == classText {
			l.name, _ = nameLineOf(l.text)
		}
		p.lines = append(p.lines, l)
	}
	markCaptions(p.lines)
	p.lang = lang
	return p
}

// unwrap returns the non-blank lines, joining the lines of a paragraph
// hard-wrapped at a fixed width (as mail archives and forums print them).
func unwrap(lines []string, from, to int) []pageLine {
	var out []pageLine
	for i := from; i < to; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		j := i
		for j+1 < to && isWrapped(lines[j]) && !blank(lines[j+1]) && len(lines[j+1]) <= wrapWidth {
			j++
		}
		if j-i >= 2 {
			var b strings.Builder
			for k := i; k <= j; k++ {
				if k > i {
					b.WriteByte(' ')
				}
				b.WriteString(strings.TrimSpace(lines[k]))
			}
			t = b.String()
		} else {
			j = i
		}
		out = append(out, pageLine{index: i, last: j, text: t})
		i = j
	}
	return out
}

// wrapWidth is the widest line a hard-wrapped paragraph is taken to hold.
const wrapWidth = 80

// isWrapped reports a line broken at a fixed width: long, near the width,
// not closing a sentence.
func isWrapped(s string) bool {
	n := len(strings.TrimRight(s, " "))
	return n >= 55 && n <= wrapWidth && !endsSentence(s)
}

// classifyLine classifies one trimmed line; lang gives the page's
// stop-word language when a line needs it.
func classifyLine(s string, lang func() int) (lineClass, string, []string) {
	switch furnitureOf(s) {
	case furnitureChrome:
		return classChrome, "", nil
	case furnitureEnd:
		return classEnd, "", nil
	case furnitureRelated:
		return classRelated, "", nil
	case furnitureSource:
		return classSource, "", nil
	case furnitureCredit:
		return classCredit, "", nil
	case furnitureMore:
		return classMore, "", nil
	case furnitureForum:
		return classForum, "", nil
	}
	var date string
	if len(s) <= 300 && hasDigit(s) {
		date, _ = findDate(s)
	}
	if date != "" && isDateOnlyLine(s, date) {
		return classDate, date, nil
	}
	if isURL(s) || letterShare(s) < 0.4 || isCodeResidue(s) {
		return classChrome, "", nil
	}
	if names, ok := bylineOf(s); ok {
		return classByline, date, names
	}
	if isPhotoCredit(s) || isImageName(s) || hasCreditTail(s) || isNumberedImage(s) {
		return classCredit, "", nil
	}
	if isCapsMenu(s) || isTagList(s) {
		return classChrome, "", nil
	}
	if isRunningText(s, lang) {
		return classProse, date, nil
	}
	return classText, date, nil
}

// isRunningText reports a line of prose: a sentence of ten words or more,
// or a line of 25 words with a share of stop words that does not close a
// sentence (a cut paragraph, a post ending in hashtags; a list of names or
// topics has almost no stop words).
func isRunningText(s string, lang func() int) bool {
	n := wordCount(s)
	if n >= 10 && closesSentence(s) {
		return true
	}
	if n < 25 {
		return false
	}
	l := lang()
	share, _ := stopShare(s, l)
	return share >= minStopShare || l < 0
}

// anyLanguage is the language of a line read alone: stop words of any.
func anyLanguage() int { return -1 }

// closesSentence reports a line that ends a sentence: a full stop,
// question or exclamation mark in any script the builder reads, perhaps
// inside closing quotes or brackets. A headline that ends with a quotation
// ("Minister: «We control the town»") closes none.
func closesSentence(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune(".!?…։।؟۔", r):
			return true
		case r == ':' && isArmenian(s):
			return true // Armenian text typed with a colon for its full stop "։"
		case strings.ContainsRune("\"”»“’')]", r):
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// minStopShare is the share of stop words below which a long line is not
// taken for running text.
const minStopShare = 0.05

// letterShare is the share of a line's non-space runes that are letters.
func letterShare(s string) float64 {
	letters, all := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.IsLetter(r) {
			letters++
		}
		if all > 200 {
			break
		}
	}
	if all == 0 {
		return 0
	}
	return float64(letters) / float64(all)
}

// isCodeResidue reports a template's variable left in the text ("spot_img").
func isCodeResidue(s string) bool {
	return !strings.Contains(s, " ") && strings.Contains(s, "_") && len(s) < 40
}

// isCapsMenu reports a menu bar in capitals (eight words or more) or a
// rubric of one or two words in capitals ("ÖLKƏ", "AA").
func isCapsMenu(s string) bool {
	if len(s) > 600 || strings.IndexFunc(s, unicode.IsLower) >= 0 || strings.IndexFunc(s, unicode.IsUpper) < 0 {
		return false
	}
	n := wordCount(s)
	return n >= 8 || n <= 2 && !endsSentence(s)
}

// isTagList reports a label and a list of topics or keywords: "Aktual
// mövzular: Dollar, Neft, COP29, Hava", "ارمنستان،كوهستاني،منطقه".
func isTagList(s string) bool {
	if endsSentence(s) || len(s) > 300 {
		return false
	}
	commas := strings.Count(s, ",") + strings.Count(s, "،")
	return commas >= 4 && wordCount(s) <= 3*commas
}

var creditTail = regexp.MustCompile(`(?:\s[-–—]\s|\s)\p{Lu}[\p{L} .'-]*/(?:AFP|AP|Reuters|EPA|Getty Images|Anadolu|TASS|Sputnik)(?: via Getty Images)?$|via Getty Images$|\s©\s?(?:\d{4}\s)?[\p{L} .'/-]+$`)

// hasCreditTail reports a caption that ends with its photo's credit:
// "A demonstrator holds a flag - KAREN MINASYAN/AFP via Getty Images".
func hasCreditTail(s string) bool {
	return len(s) < 400 && (strings.Contains(s, "/") || strings.Contains(s, "©")) && creditTail.MatchString(s)
}

// markCaptions reclassifies the captions around photos: text beside a
// credit line, and a line printed twice around its photo.
func markCaptions(ls []pageLine) {
	for i := range ls {
		if ls[i].class != classText && ls[i].class != classProse || ls[i].words > 40 {
			continue
		}
		for _, j := range []int{i - 2, i - 1, i + 1, i + 2} {
			if j < 0 || j >= len(ls) {
				continue
			}
			near := j == i-1 || j == i+1
			// Printed twice: beside itself, or on both sides of its credit.
			twice := ls[j].text == ls[i].text && (near || ls[(i+j)/2].label)
			if twice || near && ls[j].label && ls[i].class == classText && ls[i].name == "" {
				ls[i].class = classCredit
				break
			}
		}
	}
}

func isNameLine(s string) bool {
	_, ok := nameLineOf(s)
	return ok
}

// isCreditLabel reports a credit line of its own ("Photo: …", "© …"), which
// has the photo's caption beside it.
func isCreditLabel(s string) bool {
	return furnitureOf(s) == furnitureCredit || strings.HasPrefix(s, "©")
}

var numberedImage = regexp.MustCompile(`\s[-–]\s\d{1,2}$`)

// isNumberedImage reports an image's text in a gallery: "Title - 1".
func isNumberedImage(s string) bool {
	return len(s) < 200 && !closesSentence(s) && numberedImage.MatchString(s)
}

// isArmenian reports a line whose first letter is Armenian.
func isArmenian(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Armenian, r)
		}
	}
	return false
}

var (
	photoCreditTail = regexp.MustCompile(`^\s*\((?:[A-Z][A-Za-z]*\s)?(?:Photo|Photos|Foto|Фото)(?:\s?/|:|\sby)\s?[^()]{2,60}\)$`)
	contribution    = regexp.MustCompile(`(?:\s+(?:Camera|Video|Editing|Edited by|Produced by|Photos?):\s*\p{Lu}[^.:]{1,60})+$|\s+\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,3} contributed(?: to this report)?\.$`)
)

// cutPhotoCredit removes a photo credit a caption ends with: "… (AP
// Photo/Sergei Grits)", "… (Photo: NAME)".
func cutPhotoCredit(s string) string { return cutTail(s, photoCreditTail) }

// cutTail removes what re matches at the end of s, a bracketed note: only
// the text from the last "(" is matched, so a long line costs no scan.
func cutTail(s string, re *regexp.Regexp) string {
	if !strings.HasSuffix(s, ")") {
		return s
	}
	i := strings.LastIndexByte(s, '(')
	if i < 0 {
		return s
	}
	head := strings.TrimRight(s[:i], " ")
	if t := re.ReplaceAllString(s[len(head):], ""); t == "" {
		return head
	}
	return s
}

// hasCreditLabel reports a label of the credits contribution matches.
func hasCreditLabel(s string) bool {
	for _, l := range []string{"Camera:", "Video:", "Editing:", "Edited by:", "Produced by:", "Photo:", "Photos:"} {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// cutContributions removes the credits a story ends with: "NAME
// contributed.", "Camera: NAME".
func cutContributions(s string) string {
	// Credits are short: only the tail is searched.
	head, tail := s[:max(0, len(s)-240)], s[max(0, len(s)-240):]
	for !utf8.RuneStart(tail[0]) {
		head, tail = head+tail[:1], tail[1:]
	}
	if !strings.Contains(tail, "contributed") && !hasCreditLabel(tail) {
		return s
	}
	for {
		t := contribution.ReplaceAllString(tail, "")
		if t == tail {
			return head + tail
		}
		tail = t
	}
}
