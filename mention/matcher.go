package mention

import (
	"maps"
	"sort"
	"strings"

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
	root     *node
	compact  map[string][]aliasRef // hashtag form: folded, separators removed
	surnames map[string][]surnameRef
	// contextWords holds every folded word a context rule names.
	contextWords map[string]bool
}

type node struct {
	children map[string]*node
	// stems holds the last word of names that drop a final vowel before a
	// Russian or Ukrainian ending.
	stems map[string]*node
	ends  []aliasRef
}

type aliasRef struct {
	entity    int
	alias     string
	cased     bool
	noInflect bool
	context   []string
	capital   bool // the alias starts with a capital
}

type surnameRef struct {
	entity    int
	isDefault bool
	noInflect bool
}

func newNode() *node { return &node{children: map[string]*node{}, stems: map[string]*node{}} }

// NewMatcher indexes a gazetteer.
func NewMatcher(g *Gazetteer) *Matcher {
	m := &Matcher{entities: g.Entities, root: newNode(), compact: map[string][]aliasRef{},
		surnames: map[string][]surnameRef{}, contextWords: map[string]bool{}}
	for i, e := range g.Entities {
		for _, words := range e.Context {
			for _, w := range words {
				for _, turkic := range []bool{false, true} {
					for _, t := range tokenize([]rune(w), turkic) {
						m.contextWords[t.folded] = true
					}
				}
			}
		}
		for _, alias := range e.Aliases {
			first := []rune(alias)[0]
			ref := aliasRef{entity: i, alias: alias, cased: e.Cased[alias] || isAcronym(alias),
				noInflect: e.NoInflect[alias], context: e.Context[alias], capital: startsUpper(first) && first != '#'}
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
				key := fold([]rune(s), turkic)
				if !containsSurname(m.surnames[key], ref) {
					m.surnames[key] = append(m.surnames[key], ref)
				}
			}
		}
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
	runes := []rune(alias)
	tokens := tokenize(runes, turkic)
	if len(tokens) == 0 {
		return
	}
	n := m.root
	var compact strings.Builder
	for k, t := range tokens {
		key := t.folded
		if k > 0 {
			sep, ok := separator(runes[tokens[k-1].end:t.start])
			if !ok {
				return // not a name this matcher can find
			}
			key = sep + key
		}
		compact.WriteString(t.folded)
		if k == len(tokens)-1 {
			if last := []rune(key); len(last) > 3 && stemVowels[last[len(last)-1]] {
				stem := string(last[:len(last)-1])
				if n.stems[stem] == nil {
					n.stems[stem] = newNode()
				}
				addRef(n.stems[stem], ref)
			}
		}
		if n.children[key] == nil {
			n.children[key] = newNode()
		}
		n = n.children[key]
	}
	addRef(n, ref)
	if !ref.cased {
		key := compact.String()
		if !hasRef(m.compact[key], ref) {
			m.compact[key] = append(m.compact[key], ref)
		}
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
	m        *Matcher
	text     []rune
	tokens   []token
	suffixes []string
	words    map[string]bool // folded words of the body, for context rules
	turkic   bool
	found    []schema.Mention
	used     []bool // tokens inside a mention
	// introduced maps each person named in full to where it first was.
	introduced map[int]int
}

// Find returns the mentions in body, whose language is lang (ISO 639-1),
// sorted by start.
func (m *Matcher) Find(body, lang string) []schema.Mention {
	r := &record{m: m, text: []rune(body), suffixes: suffixes[lang], turkic: isTurkic(lang), introduced: map[int]int{}}
	r.tokens = tokenize(r.text, r.turkic)
	r.used = make([]bool, len(r.tokens))
	for i := 0; i < len(r.tokens); i++ {
		if r.tokens[i].hashtag {
			r.hashtag(i)
			continue
		}
		if end, ref, ok := r.longest(i); ok {
			r.add(ref.entity, r.tokens[i].start, r.surfaceEnd(ref, end), i, end)
			i = end
		}
	}
	r.bareSurnames()
	sort.SliceStable(r.found, func(i, j int) bool { return r.found[i].Start < r.found[j].Start })
	if r.found == nil {
		return []schema.Mention{}
	}
	return r.found
}

func (r *record) add(entity, start, end, firstToken, lastToken int) {
	e := r.m.entities[entity]
	if e.Kind == "person" && r.namesake(lastToken) {
		return // "Aliyeva Street", "Heydar Aliyev Center": not the person
	}
	r.found = append(r.found, schema.Mention{Entity: e.ID, Name: e.Name, Kind: e.Kind,
		Surface: string(r.text[start:end]), Start: int32(start), End: int32(end)})
	if _, seen := r.introduced[entity]; e.Kind == "person" && !seen {
		r.introduced[entity] = start
	}
	for k := firstToken; k <= lastToken; k++ {
		r.used[k] = true
	}
}

// longest finds the longest name starting at token i; it returns the index
// of its last token.
func (r *record) longest(i int) (int, aliasRef, bool) {
	var best aliasRef
	bestEnd, found := -1, false
	n := r.m.root
	for j := i; j < len(r.tokens) && !r.tokens[j].hashtag; j++ {
		sep := ""
		if j > i {
			s, ok := separator(r.text[r.tokens[j-1].end:r.tokens[j].start])
			if !ok {
				break
			}
			sep = s
		}
		key := sep + r.tokens[j].folded
		if child := n.children[key]; child != nil {
			if ref, ok := r.accept(child.ends, i, j, false); ok {
				best, bestEnd, found = ref, j, true
			}
			n = child
			continue
		}
		if ref, ok := r.inflected(n, sep, i, j); ok {
			best, bestEnd, found = ref, j, true
		}
		break
	}
	return bestEnd, best, found
}

// inflected tries token j as the last word of a name with a case ending.
func (r *record) inflected(n *node, sep string, i, j int) (aliasRef, bool) {
	word := r.tokens[j].folded
	if len(r.suffixes) == 0 || !startsUpper(r.text[r.tokens[i].start]) {
		return aliasRef{}, false
	}
	for _, s := range r.suffixes {
		stem, ok := strings.CutSuffix(word, s)
		if !ok || len([]rune(stem)) < 2 {
			continue
		}
		for _, child := range []*node{n.children[sep+stem], n.stems[sep+stem]} {
			if child == nil {
				continue
			}
			if ref, ok := r.accept(child.ends, i, j, true); ok {
				return ref, true
			}
		}
	}
	return aliasRef{}, false
}

// accept returns the first alias ending here whose rules the text meets.
func (r *record) accept(refs []aliasRef, i, j int, inflected bool) (aliasRef, bool) {
	for _, ref := range refs {
		switch {
		case inflected && ref.noInflect:
		case ref.cased && string(r.text[r.tokens[i].start:r.surfaceEnd(ref, j)]) != ref.alias:
		case ref.capital && !startsUpper(r.text[r.tokens[i].start]):
		case ref.context != nil && !r.hasAnyWord(ref.context):
		default:
			return ref, true
		}
	}
	return aliasRef{}, false
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
	sep, ok := separator(r.text[r.tokens[lastToken].end:r.tokens[next].start])
	return ok && sep == " " && namesakeNouns[r.tokens[next].folded]
}

// surfaceEnd is where a name whose last word is token j ends: after that
// word, or after the dot that closes an abbreviation (U.S.).
func (r *record) surfaceEnd(ref aliasRef, j int) int {
	end := r.tokens[j].end
	if strings.HasSuffix(ref.alias, ".") && end < len(r.text) && r.text[end] == '.' {
		end++
	}
	return end
}

// hasAnyWord reports whether the body holds one of the words (or phrases).
func (r *record) hasAnyWord(words []string) bool {
	if r.words == nil {
		r.words = map[string]bool{}
		for _, t := range r.tokens {
			if r.m.contextWords[t.folded] {
				r.words[t.folded] = true
			}
		}
	}
	for _, w := range words {
		all := true
		for _, t := range tokenize([]rune(w), r.turkic) {
			all = all && r.words[t.folded]
		}
		if all {
			return true
		}
	}
	return false
}

// glue are the small words hashtags run names into: #ShushaisAzerbaijan.
var glue = []string{"is", "of", "and", "the", "in"}

// hashtag finds the names inside the hashtag at token i.
func (r *record) hashtag(i int) {
	t := r.tokens[i]
	tag := r.text[t.start:t.end]
	starts := camelBoundaries(tag)
	ends := append(append([]int{}, starts[1:]...), len(tag))
	for _, e := range append([]int{}, ends...) {
		for _, g := range glue {
			if s := e - len(g); s > 0 && fold(tag[s:e], r.turkic) == g {
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
			refs := r.m.compact[fold(tag[s:e], r.turkic)]
			if len(refs) == 0 || (refs[0].context != nil && !r.hasAnyWord(refs[0].context)) {
				continue
			}
			r.add(refs[0].entity, t.start+s, t.start+e, i, i)
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
		if r.used[k] || t.hashtag || !startsUpper(r.text[t.start]) {
			continue
		}
		refs, inflected := r.m.surnames[t.folded], false
		if refs == nil {
			refs, inflected = r.surnameStem(t.folded)
		}
		if entity, ok := r.resolveSurname(refs, inflected, introduced, t.start); ok {
			r.add(entity, t.start, t.end, k, k)
		}
	}
}

func (r *record) surnameStem(word string) ([]surnameRef, bool) {
	for _, s := range r.suffixes {
		if stem, ok := strings.CutSuffix(word, s); ok && len([]rune(stem)) >= 2 {
			if refs := r.m.surnames[stem]; refs != nil {
				return refs, true
			}
		}
	}
	return nil, false
}

// resolveSurname picks the person a bare surname at position at means: the
// first of that surname named in full before it, else the default.
func (r *record) resolveSurname(refs []surnameRef, inflected bool, introduced map[int]int, at int) (int, bool) {
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
		return best, true
	}
	return fallback, fallback >= 0
}
