package mention

// # Name shapes
//
// People the gazetteer does not list are recognised by the shape of their
// names, in the capitalised words the gazetteer leaves over (names.tsv holds
// the words; its format is in parseShapes):
//
//   - a title right before them: "Judge Zeynal Agayev", "сейсмолог Сос
//     Маргарян", "քարտուղար Սերգեյ Շահվերդյանը";
//   - a given name the list knows: "Thomas Tartarin", "Иван Ковган";
//   - a surname with one of the region's endings after a capitalised word:
//     "Emil Babishov", "Karen Matevosyan", "Ağcabədinin ... Hamlet Ağayevin".
//
// Two to four words make a name; a stop word (sentence openers, months,
// demonyms), a word the body also writes in lower case, a place's first word
// before a given name ("San Antonio Spurs") or a word after the name that
// makes it a street or a building ("Aliyev Center") rules one out. A title
// counts on the name's line only.
// In scripts without capitals (Georgian) and in languages that capitalise
// every noun (German) only a title or a known given name counts.
//
// The person's name is the name as first written, in its base form: the case
// ending of the surname taken off (Ağayevin → Ağayev, Յոլյանը → Յոլյան); in
// Russian and Ukrainian a known given name in another case gives the case
// to take off the surname too (Ивану Айвазовскому → Иван Айвазовский). Names
// in Cyrillic, Armenian or Georgian script are transliterated (translit.go).
// The id is "person/" and the name's slug, lowercase ASCII words joined by
// hyphens (person/zeynal-agayev); an id the gazetteer has is that entity. A
// bare surname later in the body links to the person, as for the gazetteer's.

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

//go:embed names.tsv
var namesFile []byte

// shapes are the words of names.tsv, folded both ways (with and without
// Turkic I).
type shapes struct {
	titles   map[string][][]string // a title's last word → the title's words
	given    map[string]string     // a given name → as listed
	endings  map[byte][]string     // by last byte, longest first
	stops    map[string]bool
	prefixes map[string]bool
}

var nameShapes = mustParseShapes(namesFile)

func mustParseShapes(file []byte) *shapes {
	s, err := parseShapes(file)
	if err != nil {
		panic(err)
	}
	return s
}

// parseShapes reads names.tsv: after comments (#) and a "kind text" header,
// one entry a line, kind and text separated by a tab. Kinds: title (a word
// or phrase before a name), given (a given name, nominative), ending (a
// surname ending), stop (a capitalised word never in a name), prefix (a word
// starting a place's or body's name, which is no person's after it either).
func parseShapes(file []byte) (*shapes, error) {
	s := &shapes{titles: map[string][][]string{}, given: map[string]string{}, endings: map[byte][]string{}, stops: map[string]bool{}, prefixes: map[string]bool{}}
	endings := map[string]bool{}
	scanner := bufio.NewScanner(bytes.NewReader(file))
	line, sawHeader := 0, false
	for scanner.Scan() {
		line++
		text := scanner.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, entry, ok := strings.Cut(text, "\t")
		if !sawHeader {
			if text != "kind\ttext" {
				return nil, fmt.Errorf("mention/names.tsv:%d: header must be \"kind\\ttext\"", line)
			}
			sawHeader = true
			continue
		}
		if !ok || entry == "" {
			return nil, fmt.Errorf("mention/names.tsv:%d: want kind<TAB>text", line)
		}
		for _, turkic := range []bool{false, true} {
			words := foldedWords(entry, turkic)
			switch kind {
			case "title":
				last := words[len(words)-1]
				s.titles[last] = append(s.titles[last], words)
			case "given":
				s.given[strings.Join(words, " ")] = entry
			case "ending":
				endings[words[0]] = true
			case "stop":
				s.stops[strings.Join(words, " ")] = true
			case "prefix":
				s.stops[words[0]], s.prefixes[words[0]] = true, true
			default:
				return nil, fmt.Errorf("mention/names.tsv:%d: unknown kind %q (title, given, ending, stop or prefix)", line, kind)
			}
		}
	}
	for e := range endings {
		s.endings[e[len(e)-1]] = append(s.endings[e[len(e)-1]], e)
	}
	for _, list := range s.endings {
		sort.Slice(list, func(i, j int) bool {
			return len(list[i]) > len(list[j]) || len(list[i]) == len(list[j]) && list[i] < list[j]
		})
	}
	return s, scanner.Err()
}

// nounsCapitalised are the languages that write every noun with a capital.
var nounsCapitalised = map[string]bool{"de": true, "lb": true}

// person is one found by the shape of a name, for the body only.
type person struct {
	id, name string
	keys     []string // folded surname forms that name the person later
	start    int32
}

// people finds the names in runs of capitalised words left over.
func (r *record) people() {
	for k := 0; k < len(r.tokens); {
		if t := &r.tokens[k]; t.used || !t.capital || k+1 == len(r.tokens) || !r.tokens[k+1].capital && !r.particle(k+1) {
			k++ // a name has two words at least: most words are not a name's first
			continue
		}
		end := r.run(k)
		if end-k < 2 {
			k++ // a name has two words at least
			continue
		}
		r.namesIn(k, end)
		k = end
	}
}

// maxRun bounds a run of capitalised words.
const maxRun = 8

// run returns the end of the run of capitalised words starting at token k,
// or k: words a name may hold, joined by spaces or hyphens.
func (r *record) run(k int) int {
	if !r.nameWord(k) {
		return k
	}
	end := k + 1
	for end < len(r.tokens) && end-k < maxRun {
		sep, ok := separator(r.gap(end))
		if !ok || sep != " " || !r.nameWord(end) && !r.particle(end) {
			break
		}
		end++
	}
	for end > k+1 && r.particle(end-1) {
		end--
	}
	return end
}

// nameWord reports a token that may be a word of a name: capitalised,
// letters only, not all capitals (UN, NATO) and not in a mention.
func (r *record) nameWord(k int) bool {
	t := r.tokens[k]
	if t.used || t.hashtag || !r.capital(k) || t.end-t.start < 2 {
		return false
	}
	upper := 0
	for _, c := range r.text[t.from:t.to] {
		if !unicode.IsLetter(c) && !unicode.IsMark(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return upper < 2 || upper*2 < int(t.end-t.start)
}

// particles join the words of a name: Tamim bin Hamad, Jean-Yves Le Drian.
var particles = map[string]bool{"bin": true, "ibn": true, "al": true, "el": true, "de": true, "da": true,
	"di": true, "van": true, "von": true, "der": true, "ter": true, "du": true, "la": true, "le": true}

func (r *record) particle(k int) bool {
	t := &r.tokens[k]
	return t.foldTo-t.foldFrom <= 3 && !t.used && !t.hashtag && !t.capital && particles[r.word(k)]
}

// namesIn finds the names in the run of tokens from to end.
func (r *record) namesIn(from, end int) {
	for p := from; p < end; p++ {
		if r.titleEndsAt(p) || r.isStop(p) || r.particle(p) {
			continue
		}
		if last := r.nameFrom(from, p, end); last > p {
			r.addPerson(p, last)
			p = last
		}
	}
}

// nameFrom returns the last token of a name starting at token p in a run
// from from to end, or p when there is none.
func (r *record) nameFrom(from, p, end int) int {
	limit := min(end, p+4)
	last := p
	// A particle is taken only with the valid word after it, so last is
	// never one.
	for last+1 < limit && (r.valid(last+1) || r.particle(last+1) && last+2 < limit && r.valid(last+2)) {
		last++
	}
	if last == p || r.namesake(last) {
		return p
	}
	if _, known := r.givenName(p); known {
		if p > from && !r.caseless(p) && !r.titleEndsAt(p-1) && !r.titleBefore(from) &&
			(nameShapes.prefixes[r.word(p-1)] || !r.sentenceStart(p-1) && !r.isStop(p-1)) {
			return p // a given name inside another name: San Antonio Spurs, Karma Automotive Andreas
		}
		return r.givenNameFrom(p, last)
	}
	for k := p + 1; k < last; k++ {
		if _, known := r.givenName(k); known {
			return p // the name starts at the given name: корреспондент Лайфа Артур Матвеев
		}
	}
	titled := r.titleBefore(p)
	if !titled && r.sentenceStart(p) && r.knownSurname(p+1) {
		return p // a known person's surname after a sentence's first word: Истерике Пашиняна
	}
	switch {
	case titled && r.hasEnding(last):
		return last
	case titled && !r.caseless(p) && !nounsCapitalised[r.lang] && r.nowhereLower(p, p+1):
		return r.uncommonFrom(p, last) // words that are no common ones
	case r.hasEnding(p+1) && !r.caseless(p) && !nounsCapitalised[r.lang] && r.nowhereLower(p, p):
		if p+2 < end && r.valid(p+2) && r.hasEnding(p+2) && r.isPatronymic(p+1) {
			return p + 2 // Владимир Владимирович Путин
		}
		return p + 1
	}
	return p
}

// uncommonFrom returns the last of the words from p+1 up to last that make
// a name of at most three words (hyphenated parts are one) after p, none of
// which the body writes in lower case: Alexandria Ocasio-Cortez, Sue Mi
// Terry.
func (r *record) uncommonFrom(p, last int) int {
	end, words := p+1, 2
	for end < last {
		hyphen := strings.Contains(r.gap(end+1), "-")
		if !hyphen && words == 3 || !r.nowhereLower(end+1, end+1) {
			break
		}
		if !hyphen {
			words++
		}
		end++
	}
	return end
}

// givenNameFrom returns the last token of a name starting with a known
// given name at p, in a run of valid words up to last: the given name and
// the next word, or a third after a second given name, a particle or before
// a surname with the region's ending (Alice Wairimu Nderitu is not found,
// "Rachel Corrie Pancakes" is Rachel Corrie).
func (r *record) givenNameFrom(p, last int) int {
	if r.caseless(p) {
		last = p + 1 // every word looks capitalised: the given name and one more
	}
	end := p + 1
	for end < last {
		_, given := r.givenName(end)
		if !given && !r.particle(end) && !r.hasEnding(end+1) {
			break
		}
		end++
	}
	if utf8.RuneCountInString(r.word(end)) < 3 {
		return p // cut off: "Ara Ai"
	}
	return end
}

// sentenceStart reports a token that starts the body, a line or a sentence.
func (r *record) sentenceStart(k int) bool {
	return k == 0 || strings.ContainsAny(r.gap(k), ".!?\n")
}

// knownSurname reports a token that is the gazetteer's surname of someone.
func (r *record) knownSurname(k int) bool {
	if k >= len(r.tokens) {
		return false
	}
	refs, _ := r.surnameStem(r.word(k))
	return r.m.surnamesOf(r.word(k)) != nil || refs != nil
}

// valid reports a word that may follow the first word of a name.
func (r *record) valid(k int) bool {
	return r.nameWord(k) && !r.isStop(k) && !r.titleEndsAt(k)
}

func (r *record) isStop(k int) bool { return nameShapes.stops[r.word(k)] }

// titleBefore reports a title right before token p: "President X", "Mr. X",
// "said the spokesman, X".
func (r *record) titleBefore(p int) bool {
	if p == 0 || strings.Contains(r.gap(p), "\n") {
		return false // a title is on the name's line
	}
	switch strings.TrimSpace(r.gap(p)) {
	case "", ".", ",":
		return r.titleEndsAt(p - 1)
	}
	return false
}

// titleEndsAt reports a title whose last word is token k, as written or
// with its case ending off.
func (r *record) titleEndsAt(k int) bool {
	word := r.word(k)
	if r.anyEndsAt(nameShapes.titles[word], k) {
		return true
	}
	for stem := range r.stems(word) {
		if r.anyEndsAt(nameShapes.titles[stem], k) {
			return true
		}
	}
	return false
}

// anyEndsAt reports whether one of the titles ends at token k.
func (r *record) anyEndsAt(titles [][]string, k int) bool {
	for _, words := range titles {
		if r.wordsEndAt(words, k) {
			return true
		}
	}
	return false
}

// wordsEndAt reports whether the title's words end at token k; words before
// the last are compared as written.
func (r *record) wordsEndAt(words []string, k int) bool {
	first := k - len(words) + 1
	if first < 0 {
		return false
	}
	for i, w := range words[:len(words)-1] {
		if j := first + i; r.word(j) != w || j > first && !spaceOrHyphen(r.gap(j)) {
			return false
		}
	}
	return first == k || spaceOrHyphen(r.gap(k))
}

func spaceOrHyphen(gap string) bool { sep, ok := separator(gap); return ok && sep == " " }

// givenName returns a given name token k is, as listed (its nominative), and
// whether it is one.
func (r *record) givenName(k int) (string, bool) {
	word := r.word(k)
	if g, ok := nameShapes.given[word]; ok {
		return g, true
	}
	for stem := range r.stems(word) {
		for _, back := range stemBacks[r.lang] {
			if g, ok := nameShapes.given[stem+back]; ok {
				return g, true
			}
		}
	}
	return "", false
}

// stemBacks are the letters a name's ending replaces, by language: Сергей →
// Серге-я, Татьяна → Татьян-ы, გიორგი → გიორგ-ის.
var stemBacks = map[string][]string{"ru": {"", "й", "а", "я"}, "uk": {"", "й", "а", "я"}, "ka": {"", "ი"}}

// hasEnding reports a surname with one of the region's endings, after a
// stem of three letters or more, as written or with a case ending off.
func (r *record) hasEnding(k int) bool {
	if k >= len(r.tokens) {
		return false
	}
	_, ok := r.surnameBase(r.word(k))
	return ok
}

// surnameBase returns a folded surname without its case ending, and
// whether it ends in one of the region's surname endings.
func (r *record) surnameBase(word string) (string, bool) {
	if regionalEnding(word) {
		return word, true
	}
	for stem := range r.stems(word) {
		if regionalEnding(stem) {
			return stem, true
		}
		if r.lang == "ka" && regionalEnding(stem+"ი") {
			return stem + "ი", true // ივანიშვილ-მა
		}
	}
	return "", false
}

func regionalEnding(word string) bool {
	for _, e := range nameShapes.endings[word[len(word)-1]] {
		if strings.HasSuffix(word, e) && utf8.RuneCountInString(word)-utf8.RuneCountInString(e) >= 3 {
			return !nameShapes.stops[word]
		}
	}
	return false
}

// isPatronymic reports a Russian middle name (Владимирович, Ивановна).
func (r *record) isPatronymic(k int) bool {
	w := r.word(k)
	for _, e := range []string{"ович", "евич", "овна", "евна", "ична", "ovich", "evich", "ovna", "evna"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// caseless reports a word in a script without capitals (Georgian, Arabic).
func (r *record) caseless(k int) bool {
	first, _ := utf8.DecodeRuneInString(r.text[r.tokens[k].from:])
	return !unicode.IsUpper(first) || unicode.Is(unicode.Georgian, first)
}

// nowhereLower reports that no word from token p to last is also written in
// lower case in the body, as common words are ("Ethnic", "Says").
func (r *record) nowhereLower(p, last int) bool {
	for k := p; k <= last; k++ {
		if r.writtenLower(r.word(k)) {
			return false
		}
	}
	return true
}

// writtenLower reports a folded word the body writes in lower case. The
// set is made once a body: asked of every capitalised word, a scan of the
// body each time would make a long body quadratic.
func (r *record) writtenLower(word string) bool {
	if r.lower == nil {
		r.lower = map[string]bool{}
		for j := range r.tokens {
			if !r.capital(j) {
				r.lower[r.word(j)] = true
			}
		}
	}
	return r.lower[word]
}

// addPerson records the name from token p to last.
func (r *record) addPerson(p, last int) {
	first, end := r.tokens[p], r.tokens[last]
	name := latinName(r.baseName(p, last), r.lang)
	id := "person/" + slug(name)
	surface := r.text[first.from:end.to]
	if i, ok := r.m.byID[id]; ok {
		r.add(i, first.start, end.end, surface, p, last)
		return
	}
	base := string(r.fold([]rune(r.surnameAsWritten(p, last))))
	r.locals = append(r.locals, person{id: id, name: name, keys: []string{r.word(last), base}, start: first.start})
	r.found = append(r.found, personMention(id, name, surface, first.start, end.end))
	for k := p; k <= last; k++ {
		r.tokens[k].used = true
	}
}

// baseName is the name from token p to last in its base form: the given
// name as listed, the surname without its case ending.
func (r *record) baseName(p, last int) string {
	var b strings.Builder
	for k := p; k <= last; k++ {
		if k > p {
			if strings.Contains(r.gap(k), "-") {
				b.WriteByte('-')
			} else {
				b.WriteByte(' ')
			}
		}
		word := r.text[r.tokens[k].from:r.tokens[k].to]
		switch {
		case k == p:
			if g, ok := r.givenName(p); ok && r.everyWord {
				word = g
			}
		case k == last:
			word = r.surnameAsWritten(p, last)
		}
		b.WriteString(word)
	}
	return b.String()
}

// surnameAsWritten is the surname at token last without its case ending,
// in the letters of the text.
func (r *record) surnameAsWritten(p, last int) string {
	word := r.text[r.tokens[last].from:r.tokens[last].to]
	if r.everyWord && (r.lang == "ru" || r.lang == "uk") {
		return r.russianSurname(p, word)
	}
	folded := r.word(last)
	base, ok := r.surnameBase(folded)
	switch {
	case !ok || base == folded:
		return word
	case !strings.ContainsFunc(word, unicode.IsUpper):
		return base // no capitals to keep (Georgian): ივანიშვილმა → ივანიშვილი
	}
	runes := []rune(word)
	cut := len(runes) - (utf8.RuneCountInString(folded) - utf8.RuneCountInString(base))
	if cut <= 0 || cut > len(runes) {
		return word
	}
	return string(runes[:cut])
}

// russianSurname puts a Russian or Ukrainian surname in the nominative when
// the given name at token p, a known one, is in another case: the two agree.
func (r *record) russianSurname(p int, surname string) string {
	given, ok := r.givenName(p)
	written := r.text[r.tokens[p].from:r.tokens[p].to]
	if !ok || strings.EqualFold(given, written) {
		return surname
	}
	feminine := strings.HasSuffix(given, "а") || strings.HasSuffix(given, "я")
	lower := strings.ToLower(surname)
	cut := func(ending, add string) (string, bool) {
		if !strings.HasSuffix(lower, ending) {
			return "", false
		}
		runes := []rune(surname)
		return string(runes[:len(runes)-utf8.RuneCountInString(ending)]) + add, true
	}
	for _, c := range russianCases(feminine) {
		if out, ok := cut(c.ending, c.nominative); ok && strings.HasSuffix(strings.ToLower(out), c.stem) {
			return out
		}
	}
	return surname
}

// russianCase turns an inflected surname's ending back to the nominative
// when what is left ends in stem.
type russianCase struct{ ending, nominative, stem string }

func russianCases(feminine bool) []russianCase {
	if feminine {
		return []russianCase{{"ской", "ская", ""}, {"скую", "ская", ""}, {"ой", "а", "ов"}, {"ой", "а", "ев"},
			{"ой", "а", "ин"}, {"у", "а", "ов"}, {"у", "а", "ев"}, {"у", "а", "ин"}}
	}
	return []russianCase{{"ского", "ский", ""}, {"скому", "ский", ""}, {"ским", "ский", ""}, {"ском", "ский", ""},
		{"ым", "", ""}, {"ом", "", ""}, {"ем", "", ""}, {"а", "", ""}, {"у", "", ""}, {"е", "", ""}}
}

func personMention(id, name, surface string, start, end int32) schema.Mention {
	return schema.Mention{Entity: id, Name: name, Kind: "person", Surface: surface, Start: start, End: end}
}

// localSurname returns the person found by a name's shape before at whose
// surname word is, or nil. A surname the body also writes in lower case is
// a common word at a sentence's start ("Early voting" after Chris Early).
func (r *record) localSurname(word string, at int32) *person {
	if len(r.locals) == 0 {
		return nil
	}
	for i := range r.locals {
		p := &r.locals[i]
		if p.start >= at {
			continue
		}
		for _, key := range p.keys {
			if key == word || r.isStemOf(key, word) {
				if r.writtenLower(word) {
					return nil
				}
				return p
			}
		}
	}
	return nil
}

func (r *record) isStemOf(stem, word string) bool {
	for s := range r.stems(word) {
		if s == stem {
			return true
		}
	}
	return false
}
