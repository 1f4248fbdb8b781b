package extract

import (
	"regexp"
	"strings"
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
	if s == "" || endsSentence(s) || wordCount(s) > 25 {
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
