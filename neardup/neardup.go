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
	"math"
	"sync"
	"unicode"
	"unicode/utf8"
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

// FNV-1a, which hashes words and band keys.
const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// fold returns the rune a word hashes for r — r lower-cased — or 0 when r is
// not a letter, mark or digit and so separates words.
func fold(r rune) rune {
	if r < rune(len(foldTable)) {
		return foldTable[r]
	}
	return foldUnicode(r)
}

// foldUnicode is fold, looked up in the Unicode tables.
func foldUnicode(r rune) rune {
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return unicode.ToLower(r)
	}
	return 0
}

// foldTable holds fold for the runes of one or two UTF-8 bytes (Latin,
// Cyrillic, Armenian, Greek, Arabic…), sparing them the searches of the
// Unicode tables.
var foldTable = func() (t [0x800]rune) {
	for r := range t {
		t[r] = foldUnicode(rune(r))
	}
	return t
}()

// wordHashes appends to dst the hashes of a body's words, lower-cased: runs
// of letters, marks and digits. It hashes as it scans, allocating nothing
// per word. Invalid UTF-8 reads as U+FFFD, a byte at a time, as in a range
// loop. ASCII, most of the text, is looked up in the loop itself: a call per
// byte would cost more than the rest of the loop.
func wordHashes(dst []uint64, body string) []uint64 {
	h, inWord := uint64(fnvOffset), false
	for i := 0; i < len(body); {
		var f rune
		if c := body[i]; c < utf8.RuneSelf {
			f = foldTable[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(body[i:])
			f = fold(r)
			i += size
		}
		if f != 0 {
			h = (h ^ uint64(f)) * fnvPrime
			inWord = true
			continue
		}
		if inWord {
			dst = append(dst, h)
			h, inWord = fnvOffset, false
		}
	}
	if inWord {
		dst = append(dst, h)
	}
	return dst
}

// appendShingles appends to dst the hashes of a body's word 5-grams.
func appendShingles(dst []uint64, body string) []uint64 {
	start := len(dst)
	dst = wordHashes(dst, body)
	words := dst[start:]
	if len(words) < ShingleWords {
		return dst[:start]
	}
	// Each shingle takes the place of its first word, which no later
	// shingle reads.
	for i := range len(words) - ShingleWords + 1 {
		var h uint64
		for _, w := range words[i : i+ShingleWords] {
			h = splitmix(h ^ w)
		}
		words[i] = h
	}
	return dst[:len(dst)-(ShingleWords-1)]
}

// Shingles returns the hashes of a body's word 5-grams.
func Shingles(body string) []uint64 {
	if s := appendShingles(nil, body); len(s) > 0 {
		return s
	}
	return nil
}

// scratch holds buffers for the shingles of a body, reused so that signing
// allocates only the signature.
var scratch = sync.Pool{New: func() any { return new([]uint64) }}

// Sign returns the signature of a body, or nil for a body too short to
// have a shingle.
func Sign(body string) Signature {
	buf := scratch.Get().(*[]uint64)
	defer scratch.Put(buf)
	*buf = appendShingles((*buf)[:0], body)
	if len(*buf) == 0 {
		return nil
	}
	var mins [numHashes]uint64
	for i := range mins {
		mins[i] = math.MaxUint64
	}
	for _, s := range *buf {
		lowerMins(&mins, s)
	}
	sig := make(Signature, numHashes)
	for i, m := range mins {
		sig[i] = uint32(m >> 32)
	}
	return sig
}

// lowerMins lowers each mins[i] to a·s + b of hashers[i] for shingle s when
// that is less. It keeps whole values, not the high halves that make the
// signature: the least high half is the high half of the least, and this
// saves a shift per hash. Eight hashes a step, written out, take about
// three-quarters of the time of a plain loop, which the compiler does not
// unroll.
func lowerMins(mins *[numHashes]uint64, s uint64) {
	for i := 0; i < numHashes; i += 8 {
		h, m := hashers[i:i+8:i+8], mins[i:i+8:i+8]
		v0, v1, v2, v3 := h[0].a*s+h[0].b, h[1].a*s+h[1].b, h[2].a*s+h[2].b, h[3].a*s+h[3].b
		v4, v5, v6, v7 := h[4].a*s+h[4].b, h[5].a*s+h[5].b, h[6].a*s+h[6].b, h[7].a*s+h[7].b
		if v0 < m[0] {
			m[0] = v0
		}
		if v1 < m[1] {
			m[1] = v1
		}
		if v2 < m[2] {
			m[2] = v2
		}
		if v3 < m[3] {
			m[3] = v3
		}
		if v4 < m[4] {
			m[4] = v4
		}
		if v5 < m[5] {
			m[5] = v5
		}
		if v6 < m[6] {
			m[6] = v6
		}
		if v7 < m[7] {
			m[7] = v7
		}
	}
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

// bandKeys returns the bucket key of each band: the FNV-1a hash of its
// rows' little-endian bytes, its top byte xored with the band number.
func bandKeys(sig Signature) (keys [bands]uint64) {
	for b := range keys {
		h := uint64(fnvOffset)
		for _, v := range sig[b*rowsPerBand : (b+1)*rowsPerBand] {
			h = (h ^ uint64(v&0xff)) * fnvPrime
			h = (h ^ uint64(v>>8&0xff)) * fnvPrime
			h = (h ^ uint64(v>>16&0xff)) * fnvPrime
			h = (h ^ uint64(v>>24)) * fnvPrime
		}
		keys[b] = h ^ uint64(b)<<56
	}
	return keys
}
