package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines: who wrote an article, as the capture names them. The seed
// layouts read their own shapes ("By NAME Published DATE", "ByNAME" with the
// space lost, "Author – NAME, City", a bio line); every layout and the
// general readers share these helpers. Read as bylines: a label and names
// in any language the builder reads ("By", "Автор:", "Müəllif:", "Yazar:",
// "Von", "Par", "Por", "Di", "Հեղինակ"), and, where the page puts it beside
// the headline, the date or the end of the text, a name line alone
// ("Diana Ghazaryan", "Сергей Болиев (редактор отдела …)", "NAME, Editor",
// "NAME Profile picture", a forum post's "#61 NAME"). Not bylines: photo,
// agency, desk and editor credits, and people quoted in the text.

// notNameWords are capitalised words that page furniture is made of, so a
// line of them ("Useful Links", "Tumblr Media") is not a person's name.
var notNameWords = map[string]bool{
	"The": true, "A": true, "An": true, "And": true, "Of": true, "In": true, "On": true,
	"For": true, "To": true, "With": true, "News": true, "Media": true, "Read": true,
	"More": true, "Share": true, "Follow": true, "Sign": true, "Useful": true,
	"Links": true, "New": true, "Articles": true, "Comment": true, "Comments": true,
	"Write": true, "Send": true, "Warning": true, "Search": true, "Home": true,
	"Accept": true, "Photo": true, "Video": true, "Text": true, "Tumblr": true,
	"Menu": true, "Tags": true, "Related": true, "Posts": true, "Also": true,
	"Like": true, "You": true, "Might": true, "Welcome": true, "Back": true,
	"Lost": true, "Your": true, "Password": true, "Privacy": true, "Policy": true,
	"Terms": true, "Cookies": true, "Contact": true, "About": true, "Us": true,
	"All": true, "Rights": true, "Reserved": true, "Latest": true, "Top": true,
	"Popular": true, "Opinion": true, "Analytics": true, "Interview": true,
	"Breaking": true, "Live": true, "Update": true, "Feed": true,
}

var personName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|van|von|der|ter|al|el|bin|ibn|da|di|du|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$`)

// isPersonName reports a line that is only a person's name: two to four
// capitalised words, no digits, no sentence punctuation.
func isPersonName(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 80 || !personName.MatchString(s) || strings.HasSuffix(s, ".") || strings.ToUpper(s) == s {
		return false
	}
	for _, w := range strings.Fields(s) {
		if notNameWords[w] {
			return false
		}
	}
	return true
}

var (
	authorLine = regexp.MustCompile(`^Author\s*[–—-]\s*([^,]+)`)
	bylineLine = regexp.MustCompile(`^[Bb]y(?:\s+|(\p{Lu}))(.+)$`)
	bioLine    = regexp.MustCompile(`^(?:[•—–-]\s*)(?:(?:Former|Retired)\s+)?(?:(?:Sen|Rep|Dr|Prof|Gen|Amb|Mr|Ms|Mrs|Gov|Col|Lt)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),?\s.*\b(?:is|was)\s+(?:a|an|the)\s`)
)

// bylineNames reads a "By NAME[, NAME and NAME]" line.
func bylineNames(s string) ([]string, bool) {
	m := bylineLine.FindStringSubmatch(s)
	if m == nil || wordCount(s) > 12 {
		return nil, false
	}
	names := splitAuthors(m[1] + m[2])
	for _, n := range names {
		if !isPersonName(n) && (wordCount(n) != 1 || !startsUpper(n)) {
			return nil, false
		}
	}
	return names, len(names) > 0
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r)
	}
	return false
}

var authorSeparator = regexp.MustCompile(`\s*(?:,|\band\b|&)\s*`)

// splitAuthors reads "A, B and C" as three names.
func splitAuthors(s string) []string {
	var names []string
	for _, n := range authorSeparator.Split(strings.TrimSpace(s), -1) {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// orgWords are words of organisations' names: a line of capitalised words
// holding one ("Associated Press", "Human Rights Watch") is an agency or
// outlet credit, not a person.
var orgWords = map[string]bool{
	"Press": true, "Associated": true, "Agency": true, "Reuters": true, "Service": true,
	"Staff": true, "Desk": true, "Newsroom": true, "Editorial": true, "Bureau": true,
	"Ministry": true, "Office": true, "Group": true, "International": true, "Watch": true,
	"Post": true, "Times": true, "Channel": true, "Radio": true, "Television": true,
	"TV": true, "Online": true, "Daily": true, "Journal": true, "Herald": true,
	"Tribune": true, "Gazette": true, "Report": true, "Network": true, "Foundation": true,
	"Institute": true, "Center": true, "Centre": true, "University": true,
	"Committee": true, "Council": true, "Commission": true, "Republic": true,
	"Government": true, "Army": true, "Forces": true, "Agence": true, "Ajansı": true,
	"Agentliyi": true, "Агентство": true, "Редакция": true, "Пресс-служба": true,
	"Service-Presse": true, "Redaktion": true, "Redacción": true, "Redazione": true,
	"Getty": true, "Images": true, "Picture": true, "Pictures": true, "Archive": true,
	"Tag": true, "Archives": true, "Mission": true, "Nations": true,
}

// bylineLabel matches a label that introduces the authors, in the languages
// the builder reads, and what follows it.
var bylineLabel = regexp.MustCompile(`^(?i:by|written by|posted by|von|par|por|di|texte|text|texto|testo di|автор материала|автор текста|автор і фото|автор(?:ы)?|müəllif|yazar|yazan|haberi yazan|հեղինակ|ավտոր|ავტორი|نویسنده|بقلم|كتب)\s*[:：]?\s+(\S.*)$`)

// nameSeparator splits the names of a byline: commas, "and" in the
// languages read, "&".
var nameSeparator = regexp.MustCompile(`\s*(?:,|;|&|\s(?:and|и|і|та|və|ve|und|et|y|e|և|და|و)\s)\s*`)

// bylineOf reads a labelled byline line in any language: "By A and B",
// "Автор: Иван Петров", "Müəllif: Aysel Məmmədova". Every name must read as
// a person's (organisations and roles are not bylines).
func bylineOf(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 160 || !startsWithLetter(s) {
		return nil, false // labels open short lines; skip the pattern's scan
	}
	m := bylineLabel.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	rest := stripRole(m[1])
	var names []string
	for _, n := range nameSeparator.Split(rest, -1) {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		if !isNameWords(n, true) {
			return nil, false
		}
		names = append(names, n)
	}
	return names, len(names) > 0
}

func startsWithLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

var (
	roleInParens = regexp.MustCompile(`\s*[(（][^)）]*[)）]\s*$`)
	forumHandle  = regexp.MustCompile(`^#\d+\s+(\S{2,40})$`)
)

// stripRole removes a role written after a name: "(editor of …)", ", Editor-in-Chief".
func stripRole(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）") {
		s = roleInParens.ReplaceAllString(s, "")
	}
	if name, role, ok := strings.Cut(s, ", "); ok && wordCount(role) <= 6 && (wordCount(role) == 1 || !isNameWords(strings.TrimSpace(role), false)) {
		s = name
	}
	return strings.TrimSpace(strings.TrimSuffix(s, ","))
}

// nameLineOf reads a line that is a person's name alone, perhaps with a role
// or an author box's button: "Diana Ghazaryan", "Сергей Болиев (редактор
// отдела …)", "NAME, Editor-in-Chief", "NAME Profile picture", and a forum
// post's header "#61 NAME". Only the page's context (beside the headline,
// the date or the end of the text) makes such a line a byline.
func nameLineOf(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 120 || wordCount(s) > 12 {
		return "", false // a name with its role is short; skip the patterns
	}
	if strings.HasPrefix(s, "#") {
		if m := forumHandle.FindStringSubmatch(s); m != nil {
			return m[1], true
		}
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "Profile picture"))
	name := stripRole(s)
	if isNameWords(name, false) && wordCount(name) >= 2 {
		return name, true
	}
	return "", false
}

// isNameWords reports words that read as a person's name: one to four
// words, each capitalised (in a script with capitals), no digits, no word
// of furniture or of an organisation's name. An explicit byline label
// allows a name in capitals ("By AVET DEMOURIAN").
func isNameWords(s string, labelled bool) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 || len(s) > 60 || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	if !labelled && strings.ToUpper(s) == s && strings.ToLower(s) != s {
		return false // a name in capitals alone on its line is a rubric
	}
	for i, w := range ws {
		if notNameWords[w] || orgWords[w] {
			return false
		}
		r := firstRune(w)
		if !unicode.IsLetter(r) {
			return false
		}
		if isLowerLetter(r) && !(i > 0 && nameParticles[w]) {
			return false
		}
		if strings.ContainsAny(w, ".:;!?\"«»“”") && !isInitial(w) || hasApostropheSuffix(w) {
			return false // punctuation, or a case ending a name takes in a sentence
		}
	}
	return true
}

// nameParticles are the lower-case words names carry ("Ursula von der Leyen").
var nameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "ter": true, "al": true, "el": true,
	"bin": true, "ibn": true, "da": true, "di": true, "du": true, "la": true, "le": true, "dos": true,
}

// isInitial reports an initial such as "J.", "A.B." or "А.Б." (counted in
// characters: a Cyrillic or Armenian letter is two bytes).
func isInitial(w string) bool {
	return utf8.RuneCountInString(w) <= 5 && strings.HasSuffix(w, ".") && strings.Count(w, ".") <= 2
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// isLowerLetter reports a lower-case letter of a script written with
// capitals. Georgian's Mkhedruli letters are lower-case to Unicode, but
// Georgian is written without capitals.
func isLowerLetter(r rune) bool {
	return unicode.IsLower(r) && !unicode.Is(unicode.Georgian, r)
}
