package neardup

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/decode"
	"github.com/nkcorpus/builder/extract"
)

// seed is a seed capture, raw and decoded.
type seed struct {
	name string // the file's number, "001"
	raw  []byte
	text string
}

func seeds(t testing.TB) []seed {
	t.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var out []seed
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, err := decode.Decode(raw)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, seed{filepath.Base(f)[:3], raw, text.Text})
	}
	return out
}

// seedItems returns the bodies of the seeds' items by name ("001#1").
func seedItems(t testing.TB) (map[string]string, []string) {
	t.Helper()
	bodies := map[string]string{}
	var order []string
	for _, s := range seeds(t) {
		for i, it := range extract.Extract(s.text).Items {
			name := fmt.Sprintf("%s#%d", s.name, i+1)
			bodies[name] = it.Body()
			order = append(order, name)
		}
	}
	return bodies, order
}

func jaccard(a, b string) float64 {
	set := func(s string) map[uint64]bool {
		m := map[uint64]bool{}
		for _, h := range Shingles(s) {
			m[h] = true
		}
		return m
	}
	x, y := set(a), set(b)
	inter := 0
	for h := range x {
		if y[h] {
			inter++
		}
	}
	union := len(x) + len(y) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func paragraphs(body string) []string { return strings.Split(body, "\n\n") }

// TestThreshold measures the exact shingle Jaccard similarity of pairs that
// must match and of pairs that must not, and checks Threshold sits between
// them with room for MinHash's error. go test -v shows the figures.
func TestThreshold(t *testing.T) {
	bodies, order := seedItems(t)
	barrons := bodies["001#1"]
	p := paragraphs(barrons)
	half := strings.Join(p[:len(p)/2], "\n\n")
	edited := strings.Join(append(append([]string{"BAKU, Azerbaijan (AFP) - Updated with a new first paragraph about the convoy and the officials who met it."}, p[1:len(p)-3]...), "The ministry gave no further details on Tuesday."), "\n\n")

	mustMatch := []struct {
		name string
		a, b string
	}{
		{"Barron's / France 24 (seeds, one AFP story)", barrons, bodies["001#6"]},
		{"AFP story / its first half", barrons, half},
		{"AFP story / new lead, ending cut, line added", barrons, edited},
	}
	mustNot := []struct {
		name string
		a, b string
	}{
		{"Barron's / Times of Israel (two AFP stories, same day)", barrons, bodies["001#9"]},
		{"Barron's / ABC News (same events)", barrons, bodies["001#2"]},
		{"DW / UN News (same UN mission)", bodies["001#7"], bodies["001#4"]},
		{"Azerbaijani posts sharing their closing lines", bodies["004#3"], bodies["004#12"]},
	}
	lowestMatch, highestOther := 1.0, 0.0
	for _, c := range mustMatch {
		j := jaccard(c.a, c.b)
		t.Logf("must match   %.3f  %s", j, c.name)
		lowestMatch = min(lowestMatch, j)
	}
	for _, c := range mustNot {
		j := jaccard(c.a, c.b)
		t.Logf("must not     %.3f  %s", j, c.name)
		highestOther = max(highestOther, j)
	}
	// Every other pair of seed records.
	for i, a := range order {
		for _, b := range order[i+1:] {
			if a == "001#1" && b == "001#6" {
				continue
			}
			if j := jaccard(bodies[a], bodies[b]); j > highestOther {
				t.Logf("must not     %.3f  %s / %s", j, a, b)
				highestOther = j
			}
		}
	}
	const margin = 0.1 // MinHash with 64 hashes errs by about 0.06 at 0.4
	if lowestMatch < Threshold+margin || highestOther > Threshold-margin {
		t.Errorf("threshold %.2f not clear of the measurements: lowest must-match %.3f, highest must-not %.3f", Threshold, lowestMatch, highestOther)
	}
}

// TestIndex: the later of two near-duplicates points at the earlier; other
// records are left alone.
func TestIndex(t *testing.T) {
	bodies, order := seedItems(t)
	x := NewIndex(DefaultWindow)
	got := map[string]string{}
	for _, name := range order {
		if dup := x.Add(name, Sign(bodies[name])); dup != "" {
			got[name] = dup
		}
	}
	if len(got) != 1 || got["001#6"] != "001#1" {
		t.Errorf("duplicates = %v, want only 001#6 → 001#1", got)
	}
}

// TestIndexWindow: a record is compared with the last window records only,
// and the index holds no more than that.
func TestIndexWindow(t *testing.T) {
	bodies, _ := seedItems(t)
	story := Sign(bodies["001#1"])
	x := NewIndex(3)
	x.Add("story", story)
	x.Add("a", Sign(bodies["000#1"]))
	x.Add("b", Sign(bodies["002#1"]))
	if got := x.Add("copy 1", story); got != "story" {
		t.Errorf("within the window: duplicate of %q, want story", got)
	}
	x.Add("c", Sign(bodies["003#1"]))
	x.Add("d", Sign(bodies["004#13"]))
	x.Add("e", Sign(bodies["004#5"]))
	if got := x.Add("copy 2", story); got != "" {
		t.Errorf("beyond the window: duplicate of %q, want none", got)
	}
	if len(x.slots) != 3 || len(x.buckets) > 3*bands {
		t.Errorf("index holds %d signatures and %d buckets, want at most 3 and %d", len(x.slots), len(x.buckets), 3*bands)
	}
}

// TestIndexForgetsTheFirst: the first record leaves the index like any
// other once window records have come after it, however many records are
// added, so memory stays bounded.
func TestIndexForgetsTheFirst(t *testing.T) {
	const window = 2
	x := NewIndex(window)
	for i := range 6 {
		x.Add(fmt.Sprint("text ", i), Sign(strings.Join(runOfWords(fmt.Sprintf("t%d_", i), 40), " ")))
		if len(x.buckets) > window*bands {
			t.Fatalf("after %d distinct texts the index holds %d buckets, want at most %d", i+1, len(x.buckets), window*bands)
		}
	}
}

// TestCopiesPointToTheOriginal: every copy of a story is marked a duplicate
// of the first, even once the first has left the window.
func TestCopiesPointToTheOriginal(t *testing.T) {
	bodies, _ := seedItems(t)
	story := Sign(bodies["001#1"])
	x := NewIndex(2)
	x.Add("original", story)
	for i, other := range []string{"000#1", "002#1", "003#1", "004#5"} {
		if got := x.Add(fmt.Sprint("copy ", i), story); got != "original" {
			t.Errorf("copy %d: duplicate of %q, want original", i, got)
		}
		x.Add(other, Sign(bodies[other]))
	}
}

func TestSignIsStable(t *testing.T) {
	sig := Sign("one two three four five six seven")
	if len(sig) != numHashes || !slices.Equal(sig, Sign("One TWO three four five six seven")) {
		t.Fatal("signature changes with case")
	}
	if slices.Equal(sig, Sign("one two three four five six eight")) {
		t.Fatal("signature does not change with a word")
	}
	if Sign("too short to sign") != nil {
		t.Error("a body under five words got a signature")
	}
}

func BenchmarkSign(b *testing.B) {
	bodies, _ := seedItems(b)
	body := bodies["001#10"]
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Sign(body)
	}
}

// BenchmarkIndexAdd adds the seed items' signatures over and over, so that
// each is a copy of one still in the window.
func BenchmarkIndexAdd(b *testing.B) {
	bodies, order := seedItems(b)
	var sigs []Signature
	for _, name := range order {
		sigs = append(sigs, Sign(bodies[name]))
	}
	x := NewIndex(100)
	i := 0
	for b.Loop() {
		x.Add("id", sigs[i%len(sigs)])
		i++
	}
}
