package mention

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

// Matcher finds gazetteer mentions in bodies. It is safe for concurrent use.
//
// Matching is by whole words, case-folded (Azerbaijani and Turkish I and İ
// apart), longest name first, so "Nagorno-Karabakh" is one mention and not
// also "Karabakh". A name written in capitals in the gazetteer must start
// with a capital in the text, so "ganja" and "kit" are not names. In
// Azerbaijani, Turkish, Russian, Ukrainian and Armenian text the last word of
// a name may carry a case ending (Ağdamın, İlham Əliyevin, Карабаха); the
// mention's surface keeps the whole word. A hashtag's words are matched
// inside it (#ShushaisAzerbaijan, #FreeKhankendi). A bare surname links to
// the first person of that surname named in full before it in the body, or
// else to the gazetteer's default for that surname.
type Matcher struct {
	entities []Entity
	byID     map[string]int
	root     *node
	compact  map[string][]aliasRef // hashtag form: folded, separators removed
	// casedTags holds the hashtag forms of the aliases matched only as
	// written, letters as written: #NATO, @UN.
	casedTags map[string][]aliasRef
	surnames  map[string][]surnameRef
	// contextWords holds every folded word a context rule names.
	contextWords map[string]bool
	// keys holds the keys of root's maps and surnames, which are few: it
	// rules out most of a body's words before a map lookup.
	// lowerKeys holds the root's keys some alias writes in lower case,
	// contextKeys the words of context rules.
	keys, lowerKeys, contextKeys wordFilter
}

// wordFilter is a Bloom filter of words with one hash function.
type wordFilter [1 << 16 / 64]uint64

// filterBit hashes a word's length and three of its bytes, which tell most
// words apart at a fraction of the cost of hashing it all.
func filterBit(word string) uint64 {
	x := uint64(len(word)) | uint64(word[0])<<8 | uint64(word[len(word)/2])<<16 | uint64(word[len(word)-1])<<24
	return x * 0x9E3779B97F4A7C15 >> 48 // Fibonacci hashing: the top 16 bits
}

func (f *wordFilter) add(word string) { b := filterBit(word); f[b/64] |= 1 << (b % 64) }

// mayHave reports false for most words not added, true for all added.
func (f *wordFilter) mayHave(word string) bool {
	b := filterBit(word)
	return f[b/64]&(1<<(b%64)) != 0
}

type node struct {
	children map[string]*node
	// stems leads to the same nodes as children, from the stems of words
	// that change before an ending (Шуша → Шуш-и, Нагорный → Нагорн-ого).
	stems map[string]*node
	ends  []aliasRef
	// lower marks a name's first word that some alias writes in lower case
	// ("corridor de Latchine"); the others are skipped uncapitalised ("the").
	lower bool
}

type aliasRef struct {
	entity    int
	alias     string
	cased     bool
	noInflect bool
	context   *contextRule // nil without a rule
	capital   bool         // the alias starts with a capital
}

// contextRule holds a context rule's words or phrases tokenized, folded
// without and with Turkic I, so a match need not tokenize them again.
type contextRule struct{ plain, turkic [][]string }

func newContextRule(words []string) *contextRule {
	c := &contextRule{}
	for _, w := range words {
		c.plain = append(c.plain, foldedWords(w, false))
		c.turkic = append(c.turkic, foldedWords(w, true))
	}
	return c
}

func foldedWords(text string, turkic bool) []string {
	var t tokenized
	t.split(text, turkic)
	words := make([]string, len(t.tokens))
	for k := range words {
		words[k] = t.word(k)
	}
	return words
}

type surnameRef struct {
	entity    int
	isDefault bool
	noInflect bool
}

// child returns n's child under key, made if it is not there. Maps are made
// when first needed: most nodes end a name and have no children.
func (n *node) child(key string) *node {
	if n.children == nil {
		n.children = map[string]*node{}
	}
	if n.children[key] == nil {
		n.children[key] = &node{}
	}
	return n.children[key]
}

// addStem leads stem to child, unless another word has the stem.
func (n *node) addStem(stem string, child *node) {
	if n.stems == nil {
		n.stems = map[string]*node{}
	}
	if n.stems[stem] == nil {
		n.stems[stem] = child
	}
}

// NewMatcher indexes a gazetteer.
func NewMatcher(g *Gazetteer) *Matcher {
	m := &Matcher{entities: g.Entities, byID: map[string]int{}, root: &node{}, compact: map[string][]aliasRef{}, casedTags: map[string][]aliasRef{},
		surnames: map[string][]surnameRef{}, contextWords: map[string]bool{}}
	for i, e := range g.Entities {
		m.byID[e.ID] = i
		for _, words := range e.Context {
			for _, w := range words {
				for _, turkic := range []bool{false, true} {
					for _, w := range foldedWords(w, turkic) {
						m.contextWords[w] = true
					}
				}
			}
		}
		for _, alias := range e.Aliases {
			first := []rune(alias)[0]
			ref := aliasRef{entity: i, alias: alias, cased: e.Cased[alias] || isAcronym(alias),
				noInflect: e.NoInflect[alias], capital: startsUpper(first) && first != '#'}
			if words := e.Context[alias]; words != nil {
				ref.context = newContextRule(words)
			}
			for _, turkic := range []bool{false, true} {
				m.index(alias, turkic, ref)
			}
		}
		for _, s := range e.Surnames {
			ref := surnameRef{entity: i, noInflect: e.NoInflect[s]}
			for _, d := range e.DefaultFor {
				ref.isDefault = ref.isDefault || d == s
			}
			for _, turkic := range []bool{false, true} {
				key := string(appendFold(nil, []rune(s), turkic))
				keys := []string{key}
				if stem, ok := strings.CutSuffix(key, "ი"); ok {
					keys = append(keys, stem) // ალიევი, ალიევ-მა
				}
				for _, key := range keys {
					if !containsSurname(m.surnames[key], ref) {
						m.surnames[key] = append(m.surnames[key], ref)
					}
				}
			}
		}
	}
	for w, n := range m.root.children {
		m.keys.add(w)
		if n.lower {
			m.lowerKeys.add(w)
		}
	}
	for w := range m.root.stems {
		m.keys.add(w)
	}
	for w := range m.surnames {
		m.keys.add(w)
	}
	for w := range m.contextWords {
		m.contextKeys.add(w)
	}
	return m
}

func containsSurname(refs []surnameRef, ref surnameRef) bool {
	for _, r := range refs {
		if r.entity == ref.entity {
			return true
		}
	}
	return false
}

// index adds one folding of an alias to the trie and the hashtag table.
func (m *Matcher) index(alias string, turkic bool, ref aliasRef) {
	var words tokenized
	words.split(alias, turkic)
	if len(words.tokens) == 0 {
		return
	}
	n := m.root
	var compact strings.Builder
	for k := range words.tokens {
		word := words.word(k)
		key := word
		if k > 0 {
			sep, ok := separator(words.gap(k))
			if !ok {
				return // not a name this matcher can find
			}
			key = sep + key
		}
		compact.WriteString(word)
		child := n.child(key)
		if k == 0 && !ref.capital {
			child.lower = true
		}
		for _, stem := range nameStems(word) {
			n.addStem(key[:len(key)-len(word)]+stem, child)
		}
		n = child
	}
	addRef(n, ref)
	tags, key := m.compact, compact.String()
	if ref.cased {
		tags, key = m.casedTags, strings.Map(func(r rune) rune {
			if isWordRune(r) {
				return r
			}
			return -1
		}, ref.alias)
	}
	if !hasRef(tags[key], ref) {
		tags[key] = append(tags[key], ref)
	}
}

func addRef(n *node, ref aliasRef) {
	if !hasRef(n.ends, ref) {
		n.ends = append(n.ends, ref)
	}
}

func hasRef(refs []aliasRef, ref aliasRef) bool {
	for _, r := range refs {
		if r.entity == ref.entity && r.alias == ref.alias {
			return true
		}
	}
	return false
}

// record is the state of matching one body.
type record struct {
	m *Matcher
	*tokenized
	lang      string
	suffixes  []string
	prefixes  []string
	everyWord bool // every word of a name takes the case ending
	locals    []person
	words     map[string]bool // folded words of the body, for context rules
	lower     map[string]bool // folded words the body writes in lower case, made at first use
	turkic    bool
	found     []schema.Mention
	// introduced maps each person named in full to where it first was.
	introduced map[int]int32
	key        []byte // scratch for lookup keys, so lookups do not allocate
}

// scratch is the memory of a Find that does not outlive it, recycled through
// scratchPool: growing slices for a body's thousands of tokens and hundreds of
// mentions costs more than matching them.
type scratch struct {
	tokenized
	found []schema.Mention
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Find returns the mentions in body, whose language is lang (ISO 639-1),
// sorted by start.
func (m *Matcher) Find(body, lang string) []schema.Mention {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	if lang == "und" || lang == "" {
		lang = scriptLanguage(body)
	}
	r := &record{m: m, tokenized: &s.tokenized, found: s.found[:0], lang: lang, suffixes: suffixes[lang], prefixes: prefixes[lang],
		everyWord: everyWord[lang], turkic: isTurkic(lang), introduced: map[int]int32{}}
	r.split(body, r.turkic)
	for i := 0; i < len(r.tokens); i++ {
		if r.tokens[i].hashtag {
			r.hashtag(i)
			continue
		}
		if end, ref := r.longest(i); ref != nil {
			t := r.tokens[i]
			cpEnd, byteEnd := r.surfaceEnd(ref, end)
			r.add(ref.entity, t.start, cpEnd, body[t.from:byteEnd], i, end)
			i = end
		}
	}
	r.people()
	r.bareSurnames()
	slices.SortStableFunc(r.found, func(a, b schema.Mention) int { return cmp.Compare(a.Start, b.Start) })
	s.found = r.found
	return append(make([]schema.Mention, 0, len(r.found)), r.found...)
}

// add records a mention from code point start to end.
func (r *record) add(entity int, start, end int32, surface string, firstToken, lastToken int) {
	e := r.m.entities[entity]
	if e.Kind == "person" && r.namesake(lastToken) {
		return // "Aliyeva Street", "Heydar Aliyev Center": not the person
	}
	r.found = append(r.found, schema.Mention{Entity: e.ID, Name: e.Name, Kind: e.Kind,
		Surface: surface, Start: start, End: end})
	if _, seen := r.introduced[entity]; e.Kind == "person" && !seen {
		r.introduced[entity] = start
	}
	for k := firstToken; k <= lastToken; k++ {
		r.tokens[k].used = true
	}
}

// edge returns the trie node under edges for a word after separator sep.
// Only a name's first word, under the root, has no separator; m.keys holds
// the root's keys.
func (r *record) edge(edges map[string]*node, sep, word string) *node {
	if sep == "" {
		if !r.m.keys.mayHave(word) {
			return nil
		}
		return edges[word]
	}
	r.key = append(append(r.key[:0], sep...), word...)
	return edges[string(r.key)]
}

// longest finds the longest name starting at token i; it returns the index
// of its last token, or nil.
func (r *record) longest(i int) (int, *aliasRef) { return r.walk(r.m.root, i, i, false) }

// walk finds the longest name that token j continues from node n, trying
// the word as written first, then without a clitic before it (a first
// word), then with an ending ("Արցախի" is a name's first word as written,
// and Արցախ with an ending); bent reports an ending before j.
func (r *record) walk(n *node, i, j int, bent bool) (int, *aliasRef) {
	if j >= len(r.tokens) || r.tokens[j].hashtag {
		return -1, nil
	}
	sep := ""
	if j > i {
		s, ok := separator(r.gap(j))
		if !ok {
			return -1, nil
		}
		sep = s
	}
	if j == i && !r.capital(i) {
		return r.walkLower(i) // a name's first word as written only
	}
	best, bestRef := -1, (*aliasRef)(nil)
	if child := r.edge(n.children, sep, r.word(j)); child != nil {
		if best, bestRef = r.follow(child, i, j, bent, false); bestRef != nil && (best > j || len(r.suffixes) == 0) {
			return best, bestRef // more words as written: no ending can do better
		}
	}
	if j == i && bestRef == nil {
		for bare := range r.unprefixed(r.word(j)) {
			if child := r.edge(n.children, sep, bare); child != nil {
				return r.follow(child, i, j, bent, false)
			}
		}
	}
	// The longest name with an ending wins: Минской группы is the Minsk
	// Group (Минская группа), not Minsk (Минск) and a word.
	for child := range r.inflected(n, sep, i, j) {
		if end, ref := r.follow(child, i, j, true, true); ref != nil && end > best {
			best, bestRef = end, ref
		}
	}
	return best, bestRef
}

// walkLower finds the longest name from token i, which starts with a small
// letter: only names some alias writes so, and with no clitic or ending on
// the first word (both need a capital there).
func (r *record) walkLower(i int) (int, *aliasRef) {
	if word := r.word(i); !r.m.lowerKeys.mayHave(word) {
		return -1, nil
	}
	if child := r.edge(r.m.root.children, "", r.word(i)); child != nil && child.lower {
		return r.follow(child, i, i, false, false)
	}
	return -1, nil
}

// follow returns the longest name through child, the node of token j, or
// nil.
func (r *record) follow(child *node, i, j int, bent, inflected bool) (int, *aliasRef) {
	if !inflected || r.everyWord {
		if end, ref := r.walk(child, i, j+1, bent); ref != nil {
			return end, ref
		}
	}
	if ref := r.accept(child.ends, i, j, bent); ref != nil {
		return j, ref
	}
	return -1, nil
}

// inflected yields the nodes token j leads to from n with a case ending
// after it.
func (r *record) inflected(n *node, sep string, i, j int) iter.Seq[*node] {
	return func(yield func(*node) bool) {
		word := r.word(j)
		if len(r.suffixes) == 0 || !r.capital(i) {
			return
		}
		if r.everyWord {
			if child := r.edge(n.stems, sep, word); child != nil && !yield(child) {
				return // მთიან (ყარაბაღში): a stem alone
			}
		}
		for stem := range r.stems(word) {
			for _, edges := range []map[string]*node{n.children, n.stems} {
				if child := r.edge(edges, sep, stem); child != nil && !yield(child) {
					return
				}
			}
		}
	}
}

// unprefixed yields word without each clitic of the body's language that
// leaves three letters or more.
func (r *record) unprefixed(word string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, p := range r.prefixes {
			if bare, ok := strings.CutPrefix(word, p); ok && utf8.RuneCountInString(bare) >= 3 && !yield(bare) {
				return
			}
		}
	}
}

// accept returns the first alias ending here whose rules the text meets, or
// nil.
func (r *record) accept(refs []aliasRef, i, j int, inflected bool) *aliasRef {
	for k := range refs {
		switch ref := &refs[k]; {
		case inflected && ref.noInflect:
		case ref.cased && r.casedSurface(ref, i, j) != ref.alias:
		case ref.capital && !r.capital(i):
		case ref.context != nil && !r.hasAnyWord(ref.context):
		default:
			return ref
		}
	}
	return nil
}

// casedSurface is the text of tokens i to j as a mention of ref.
func (r *record) casedSurface(ref *aliasRef, i, j int) string {
	_, end := r.surfaceEnd(ref, j)
	return r.text[r.tokens[i].from:end]
}

// namesakeNouns follow a person's name when it names a street, building or
// body instead of the person.
var namesakeNouns = map[string]bool{
	"street": true, "st": true, "avenue": true, "ave": true, "road": true,
	"square": true, "boulevard": true, "prospect": true, "prospekt": true,
	"park": true, "airport": true, "stadium": true, "school": true,
	"university": true, "foundation": true, "center": true, "centre": true,
	"museum": true, "küçəsi": true, "prospekti": true, "parkı": true,
	"fondu": true, "mərkəzi": true, "hava": true, "улица": true, "улицы": true,
	"проспект": true, "фонд": true, "центр": true,
}

// namesake reports a name whose next word makes it a place or body.
func (r *record) namesake(lastToken int) bool {
	next := lastToken + 1
	if next >= len(r.tokens) {
		return false
	}
	sep, ok := separator(r.gap(next))
	return ok && sep == " " && namesakeNouns[r.word(next)]
}

// surfaceEnd is where a name whose last word is token j ends, in code points
// and in bytes: after that word, or after the dot that closes an
// abbreviation (U.S.).
func (r *record) surfaceEnd(ref *aliasRef, j int) (int32, int32) {
	t := r.tokens[j]
	if strings.HasSuffix(ref.alias, ".") && int(t.to) < len(r.text) && r.text[t.to] == '.' {
		return t.end + 1, t.to + 1
	}
	return t.end, t.to
}

// hasAnyWord reports whether the body holds one of the rule's words (or
// phrases).
func (r *record) hasAnyWord(rule *contextRule) bool {
	if r.words == nil {
		r.words = map[string]bool{}
		for k := range r.tokens {
			if w := r.word(k); r.m.isContextWord(w) {
				r.words[w] = true
			}
		}
	}
	phrases := rule.plain
	if r.turkic {
		phrases = rule.turkic
	}
	for _, words := range phrases {
		all := true
		for _, w := range words {
			all = all && r.words[w]
		}
		if all {
			return true
		}
	}
	return false
}

// fold returns word folded in scratch memory, for comparisons and lookups.
func (r *record) fold(word []rune) []byte {
	r.key = appendFold(r.key[:0], word, r.turkic)
	return r.key
}

// glue are the small words hashtags run names into: #ShushaisAzerbaijan.
var glue = []string{"is", "of", "and", "the", "in"}

// hashtag finds the names inside the hashtag at token i.
func (r *record) hashtag(i int) {
	t := r.tokens[i]
	tag := []rune(r.text[t.from:t.to])
	starts := camelBoundaries(tag)
	ends := append(append([]int{}, starts[1:]...), len(tag))
	for _, e := range append([]int{}, ends...) {
		for _, g := range glue {
			if s := e - len(g); s > 0 && string(r.fold(tag[s:e])) == g {
				ends = append(ends, s)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ends)))
	next := 0
	for _, s := range starts {
		if s < next {
			continue
		}
		for _, e := range ends {
			if e <= s {
				break
			}
			refs := r.m.compact[string(r.fold(tag[s:e]))]
			if len(refs) == 0 {
				refs = r.m.casedTags[string(tag[s:e])]
			}
			if len(refs) == 0 || (refs[0].context != nil && !r.hasAnyWord(refs[0].context)) {
				continue
			}
			r.add(refs[0].entity, t.start+int32(s), t.start+int32(e), string(tag[s:e]), i, i)
			next = e
			break
		}
	}
}

// bareSurnames links the capitalised surnames left over to a person.
func (r *record) bareSurnames() {
	// Surnames link to full names only, not to each other.
	introduced := maps.Clone(r.introduced)
	for k, t := range r.tokens {
		if t.used || t.hashtag || !r.capital(k) {
			continue
		}
		word := r.word(k)
		refs, inflected := r.m.surnamesOf(word), false
		if refs == nil {
			refs, inflected = r.surnameStem(word)
		}
		entity, since, ok := r.resolveSurname(refs, inflected, introduced, t.start)
		if p := r.localSurname(word, t.start); p != nil && (!ok || since < 0 || p.start < since) {
			r.found = append(r.found, personMention(p.id, p.name, r.text[t.from:t.to], t.start, t.end))
		} else if ok {
			r.add(entity, t.start, t.end, r.text[t.from:t.to], k, k)
		}
	}
}

func (r *record) surnameStem(word string) ([]surnameRef, bool) {
	for stem := range r.stems(word) {
		if refs := r.m.surnamesOf(stem); refs != nil {
			return refs, true
		}
	}
	return nil, false
}

// stems yields word without each case ending of the body's language that
// leaves two letters or more, longest ending first.
func (r *record) stems(word string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, s := range r.suffixes {
			// Comparing the last bytes first rules out most endings cheaply.
			if word[len(word)-1] != s[len(s)-1] {
				continue
			}
			if stem, ok := strings.CutSuffix(word, s); ok && utf8.RuneCountInString(stem) >= 2 && !yield(stem) {
				return
			}
		}
	}
}

// surnamesOf returns the persons whose surname word is.
func (m *Matcher) surnamesOf(word string) []surnameRef {
	if !m.keys.mayHave(word) {
		return nil
	}
	return m.surnames[word]
}

func (m *Matcher) isContextWord(word string) bool {
	return m.contextKeys.mayHave(word) && m.contextWords[word]
}

// resolveSurname picks the person a bare surname at position at means: the
// first of that surname named in full before it (and where), else the
// default (at -1).
func (r *record) resolveSurname(refs []surnameRef, inflected bool, introduced map[int]int32, at int32) (int, int32, bool) {
	best, bestStart := -1, at
	fallback := -1
	for _, ref := range refs {
		if inflected && ref.noInflect {
			continue
		}
		if start, ok := introduced[ref.entity]; ok && start < bestStart {
			best, bestStart = ref.entity, start
		}
		if ref.isDefault && fallback < 0 {
			fallback = ref.entity
		}
	}
	if best >= 0 {
		return best, bestStart, true
	}
	return fallback, -1, fallback >= 0
}
