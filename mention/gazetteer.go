// Package mention links names in a body to a gazetteer of the region's
// places, people and organisations.
//
// # Gazetteer format
//
// A UTF-8, tab-separated file; lines starting with # are comments. The first
// other line is the header "id kind name aliases surnames rules"; then one
// entity a line:
//
//	id        stable id "kind/slug": place/khankendi, person/ilham-aliyev
//	kind      place, person or org
//	name      canonical English name
//	aliases   other spellings, "|"-separated: transliterations, Azerbaijani,
//	          Turkish, Russian and Armenian forms, both sides' names, and
//	          misspellings met in real text; base forms only
//	surnames  persons only: the bare surnames later text uses, "|"-separated;
//	          a leading * marks this person as the one a surname means when no
//	          full name came before it
//	rules     ";"-separated rules for ambiguous aliases:
//	            cased:ALIAS           match only in exactly this letter case
//	            context:ALIAS=w1,w2   count only if one of the words is in the body
//	            noinflect:ALIAS       never with an inflection suffix
package mention

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/nkcorpus/builder/internal/tsv"
)

// Entity is one gazetteer entry.
type Entity struct {
	ID, Kind, Name string
	Aliases        []string // the name first
	Surnames       []string
	DefaultFor     []string        // surnames this person is the default for
	Cased          map[string]bool // nil without rules, as the two below
	Context        map[string][]string
	NoInflect      map[string]bool
}

// Gazetteer is a list of entities with unique ids.
type Gazetteer struct {
	Entities []Entity
}

//go:embed gazetteer.tsv
var builtin []byte

// Builtin returns the gazetteer shipped with the builder.
func Builtin() (*Gazetteer, error) {
	return ParseGazetteer(bytes.NewReader(builtin), "mention/gazetteer.tsv")
}

// BuiltinSHA256 is the checksum of the built-in gazetteer file.
func BuiltinSHA256() string {
	sum := sha256.Sum256(builtin)
	return hex.EncodeToString(sum[:])
}

var (
	header = []string{"id", "kind", "name", "aliases", "surnames", "rules"}
	idForm = regexp.MustCompile(`^(place|person|org)/[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

// ParseGazetteer reads the format in the package comment; errors name the
// file and line.
func ParseGazetteer(r io.Reader, name string) (*Gazetteer, error) {
	g := &Gazetteer{}
	seen := map[string]int{}
	err := tsv.Read(r, name, header, func(line int, fields []string) error {
		e, err := parseEntity(fields)
		if err != nil {
			return err
		}
		if first, dup := seen[e.ID]; dup {
			return fmt.Errorf("%s already defined on line %d", e.ID, first)
		}
		seen[e.ID] = line
		g.Entities = append(g.Entities, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

func parseEntity(fields []string) (Entity, error) {
	e := Entity{ID: fields[0], Kind: fields[1], Name: strings.TrimSpace(fields[2])}
	if !idForm.MatchString(e.ID) || !strings.HasPrefix(e.ID, e.Kind+"/") {
		return e, fmt.Errorf("id %q must be %s/lowercase-slug", e.ID, e.Kind)
	}
	if e.Name == "" {
		return e, fmt.Errorf("%s has no name", e.ID)
	}
	e.Aliases = append([]string{e.Name}, split(fields[3], "|")...)
	for _, s := range split(fields[4], "|") {
		if plain, ok := strings.CutPrefix(s, "*"); ok {
			e.DefaultFor = append(e.DefaultFor, plain)
			s = plain
		}
		e.Surnames = append(e.Surnames, s)
	}
	if len(e.Surnames) > 0 && e.Kind != "person" {
		return e, fmt.Errorf("%s: only persons have surnames", e.ID)
	}
	known := map[string]bool{}
	for _, a := range append(append([]string{}, e.Aliases...), e.Surnames...) {
		known[a] = true
	}
	for _, rule := range split(fields[5], ";") {
		kind, arg, _ := strings.Cut(rule, ":")
		alias, words, _ := strings.Cut(arg, "=")
		if !known[alias] {
			return e, fmt.Errorf("%s: rule %q names %q, which is not one of its aliases or surnames", e.ID, rule, alias)
		}
		switch kind {
		case "cased":
			e.Cased = setTrue(e.Cased, alias)
		case "noinflect":
			e.NoInflect = setTrue(e.NoInflect, alias)
		case "context":
			if words == "" {
				return e, fmt.Errorf("%s: rule %q lists no context words", e.ID, rule)
			}
			if e.Context == nil {
				e.Context = map[string][]string{}
			}
			e.Context[alias] = strings.Split(words, ",")
		default:
			return e, fmt.Errorf("%s: unknown rule %q (cased, context or noinflect)", e.ID, rule)
		}
	}
	return e, nil
}

// setTrue sets m[key], making m if it is nil: most entities have no rules.
func setTrue(m map[string]bool, key string) map[string]bool {
	if m == nil {
		m = map[string]bool{}
	}
	m[key] = true
	return m
}

// split cuts a list at sep, trimming the items and dropping empty ones.
func split(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Add appends other's entities; an entity whose id g already has replaces it,
// so a user's file can correct the built-in one.
func (g *Gazetteer) Add(other *Gazetteer) {
	index := map[string]int{}
	for i, e := range g.Entities {
		index[e.ID] = i
	}
	for _, e := range other.Entities {
		if i, ok := index[e.ID]; ok {
			g.Entities[i] = e
			continue
		}
		index[e.ID] = len(g.Entities)
		g.Entities = append(g.Entities, e)
	}
}
