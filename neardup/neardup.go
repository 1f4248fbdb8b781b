// Package neardup finds records that nearly duplicate an earlier one — the
// same wire story run by two outlets — by MinHash over word 5-gram shingles,
// with locality-sensitive hashing (32 bands of 2 rows) to find candidates
// without comparing every pair.
//
// # Threshold
//
// Two bodies are near-duplicates when the MinHash estimate of the Jaccard
// similarity of their shingle sets is at least [Threshold]. The value comes
// from measuring the exact shingle Jaccard similarity of pairs that must
// match and pairs that must not (TestThreshold in neardup_test.go; go test
// -v prints them): the AFP story run by Barron's and by France 24 scores 1.0
// once captions are removed; the story with a new lead, its end cut and a
// line added 0.81; its first half alone 0.51. Two different AFP stories of
// the same day score 0.02, stories on the same events by other outlets under
// 0.01, and two Azerbaijani posts sharing their closing lines 0.16. 0.4 lies
// between, 0.1 clear of both sides, which covers MinHash's estimation error
// (a standard error of about 0.06 with 64 hashes at 0.4).
package neardup

import (
	"encoding/binary"
	"hash/fnv"
	"unicode"
)

const (
	// Threshold is the least estimated Jaccard similarity of two
	// near-duplicates.
	Threshold = 0.4
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 5
	numHashes    = 64
	bands        = 32
	rowsPerBand  = numHashes / bands
)

// Signature is the MinHash signature of a body.
type Signature []uint32

// hashers are the MinHash functions, h(x) = the high 32 bits of a·x + b
// with a odd (multiply-shift hashing), fixed so signatures are the same in
// every run.
var hashers = func() (h [numHashes]struct{ a, b uint64 }) {
	x := uint64(0x9E3779B97F4A7C15)
	for i := range h {
		x = splitmix(x)
		h[i].a = x | 1
		x = splitmix(x)
		h[i].b = x
	}
	return h
}()

// splitmix is the SplitMix64 finaliser: a fast, well-mixed 64-bit hash.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// wordHashes hashes a body's words, lower-cased: runs of letters, marks and
// digits. It hashes as it scans, allocating nothing per word.
func wordHashes(body string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	var out []uint64
	h, inWord := uint64(offset), false
	for _, r := range body {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			inWord = true
			continue
		}
		if inWord {
			out = append(out, h)
			h, inWord = offset, false
		}
	}
	if inWord {
		out = append(out, h)
	}
	return out
}

// Shingles returns the hashes of a body's word 5-grams.
func Shingles(body string) []uint64 {
	words := wordHashes(body)
	if len(words) < ShingleWords {
		return nil
	}
	out := make([]uint64, 0, len(words)-ShingleWords+1)
	for i := 0; i+ShingleWords <= len(words); i++ {
		var h uint64
		for _, w := range words[i : i+ShingleWords] {
			h = splitmix(h ^ w)
		}
		out = append(out, h)
	}
	return out
}

// Sign returns the signature of a body, or nil for a body too short to
// have a shingle.
func Sign(body string) Signature {
	shingles := Shingles(body)
	if len(shingles) == 0 {
		return nil
	}
	sig := make(Signature, numHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, s := range shingles {
		for i, h := range hashers {
			if v := uint32((h.a*s + h.b) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the bodies behind two
// signatures.
func Similarity(a, b Signature) float64 {
	if len(a) != numHashes || len(b) != numHashes {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// Index holds the signatures of the latest records, in order. Each band
// bucket keeps the latest record that fell in it, so the work per record
// stays constant however many copies of a story there are; each record
// remembers the original it copies, so every copy points to the earliest.
//
// The index holds at most window records, forgetting the oldest, so that
// memory stays the same however large the corpus: about 1 KB a record.
type Index struct {
	window  int
	added   int // records added so far; record n sits in slot n % window
	slots   []entry
	buckets map[uint64]int // band key → latest record number with it
}

type entry struct {
	sig Signature
	// original is the earliest record this one copies: itself, or the
	// original of the record it nearly duplicates.
	original   int
	originalID string
}

// DefaultWindow is how many earlier records a record is compared with.
const DefaultWindow = 30_000

// NewIndex returns an empty index that remembers the last window records,
// or every record when window is not positive.
func NewIndex(window int) *Index { return &Index{window: window, buckets: map[uint64]int{}} }

// Add records a signature under id and returns the id of the earliest record
// it nearly duplicates, directly or through a copy in the index, or "".
func (x *Index) Add(id string, sig Signature) string {
	if sig == nil {
		return ""
	}
	n := x.added
	x.added++
	keys := bandKeys(sig)
	e := entry{sig: sig, original: n, originalID: id}
	for _, key := range keys {
		k, ok := x.buckets[key]
		if !ok {
			continue
		}
		if c := x.slots[x.slot(k)]; c.original < e.original && Similarity(sig, c.sig) >= Threshold {
			e.original, e.originalID = c.original, c.originalID
		}
	}
	x.forget(n - x.window)
	for _, key := range keys {
		x.buckets[key] = n
	}
	if slot := x.slot(n); slot < len(x.slots) {
		x.slots[slot] = e
	} else {
		x.slots = append(x.slots, e)
	}
	if e.original == n {
		return ""
	}
	return e.originalID
}

func (x *Index) slot(n int) int {
	if x.window <= 0 {
		return n
	}
	return n % x.window
}

// forget removes record old from the buckets it is the latest of, to make
// room for a new record in its slot.
func (x *Index) forget(old int) {
	if x.window <= 0 || old < 0 {
		return
	}
	for _, key := range bandKeys(x.slots[x.slot(old)].sig) {
		if x.buckets[key] == old {
			delete(x.buckets, key)
		}
	}
}

func bandKeys(sig Signature) []uint64 {
	keys := make([]uint64, bands)
	var buf [4 * rowsPerBand]byte
	for b := range keys {
		for r := range rowsPerBand {
			binary.LittleEndian.PutUint32(buf[4*r:], sig[b*rowsPerBand+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = h.Sum64() ^ uint64(b)<<56
	}
	return keys
}
