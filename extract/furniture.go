package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// furniture.tsv lists the phrases page furniture is made of, by kind; its
// format is described in the file itself.
//
//go:embed furniture.tsv
var furnitureData string

// furnitureKind says what a line of page furniture is.
type furnitureKind uint8

const (
	notFurniture furnitureKind = iota
	furnitureChrome
	furnitureEnd
	furnitureRelated
	furnitureSource
	furnitureCredit
	furnitureMore
	furnitureForum
)

var furnitureKinds = map[string]furnitureKind{
	"chrome": furnitureChrome, "end": furnitureEnd, "related": furnitureRelated,
	"source": furnitureSource, "credit": furnitureCredit, "more": furnitureMore,
	"forum": furnitureForum,
}

type phrase struct {
	text string
	kind furnitureKind
}

// lexicon is furniture.tsv, indexed: whole lines by their key, and the
// phrases a line may start or end with.
type lexicon struct {
	whole    map[string]furnitureKind
	prefix   []phrase
	byFirst  map[string][]phrase // the prefixes by their first word
	suffixes []phrase
}

var furnitureLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{whole: map[string]furnitureKind{}, byFirst: map[string][]phrase{}}
	for _, row := range strings.Split(furnitureData, "\n") {
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		cols := strings.Split(row, "\t")
		kind, ok := furnitureKinds[cols[0]]
		if len(cols) != 3 || !ok {
			panic("extract: furniture.tsv: bad row " + row) // the embedded file is tested
		}
		p := phrase{furnitureKey(cols[2]), kind}
		switch cols[1] {
		case "=":
			if _, dup := lx.whole[p.text]; !dup {
				lx.whole[p.text] = kind
			}
		case "^":
			lx.prefix = append(lx.prefix, p)
			first, _, _ := strings.Cut(p.text, " ")
			first = strings.TrimRightFunc(first, func(r rune) bool { return !isWordRune(r) })
			lx.byFirst[first] = append(lx.byFirst[first], p)
		case "$":
			lx.suffixes = append(lx.suffixes, p)
		default:
			panic("extract: furniture.tsv: bad match " + row)
		}
	}
	return lx
})

// maxFurniture is the longest line looked up: furniture lines are short, and
// the bound keeps a 10 MB line from being lower-cased.
const maxFurniture = 320

// furnitureOf says which kind of furniture a line is, if any. A line that
// starts with a source or credit phrase is furniture only when a colon (or
// comma) follows the phrase: "Photo: AP", not "Photographs show …".
func furnitureOf(line string) furnitureKind {
	if len(line) > maxFurniture {
		return readMoreTail(line)
	}
	key := furnitureKey(line)
	if key == "" {
		return notFurniture
	}
	lx := furnitureLexicon()
	if k, ok := lx.whole[key]; ok {
		return k
	}
	first := key
	if i := strings.IndexFunc(key, func(r rune) bool { return !isWordRune(r) }); i >= 0 {
		first = key[:i]
	}
	for _, p := range lx.byFirst[first] {
		rest, ok := strings.CutPrefix(key, p.text)
		if !ok || !wordBoundary(rest) {
			continue
		}
		if p.kind == furnitureSource || p.kind == furnitureCredit {
			if !labelFollows(rest) {
				continue
			}
		}
		return p.kind
	}
	for _, p := range lx.suffixes {
		if rest, ok := strings.CutSuffix(key, p.text); ok && (rest == "" || !isWordRune(lastRune(rest))) {
			return p.kind
		}
	}
	return notFurniture
}

// labelFollows reports a line that goes on "Label: …" after its phrase:
// rest, what follows the phrase, starts with a colon, comma or dash.
func labelFollows(rest string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return strings.ContainsRune(":,،-–", r)
}

func wordBoundary(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// furniturePunct is what furnitureKey trims from both ends of a line.
const furniturePunct = " \t:….|•›»«\"'-–—*·>/\u00a0"

// furnitureKey is a line as furniture.tsv writes phrases: lower case, spaces
// collapsed, the punctuation at both ends removed.
func furnitureKey(s string) string {
	s = strings.Trim(strings.TrimSpace(s), furniturePunct)
	return strings.ToLower(tidy(s))
}

// readMoreTail reports a long teaser closed by a read-more link: only its
// tail is looked up.
func readMoreTail(line string) furnitureKind {
	tail := line[len(line)-maxFurniture/4:]
	for !utf8.RuneStart(tail[0]) {
		tail = tail[1:]
	}
	key := furnitureKey(tail)
	for _, p := range furnitureLexicon().suffixes {
		if p.kind != furnitureMore {
			continue
		}
		if rest, ok := strings.CutSuffix(key, p.text); ok && (rest == "" || !isWordRune(lastRune(rest))) {
			return furnitureMore
		}
	}
	return notFurniture
}
