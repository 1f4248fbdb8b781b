package language

// This file holds lingua's n-gram models in a compact form: one table of
// every unigram, bigram and trigram any language has, each with the short
// list of the languages that have it. A dense row of every language's value
// per n-gram, as when fourteen languages were told, would take 75 values per
// n-gram where four are used on average.
//
// # The file
//
// models/ngrams.bin.gz is made from lingua-go's own models by
// `go test ./language -run TestModelFile -update` (model_test.go), which
// also checks, without -update, that the file is what lingua's models give.
// It is gzip of unsigned varints (encoding/binary) and bytes:
//
//	L, then L two-letter ISO 639-1 codes     the languages, in lingua's order
//	three sections: unigrams, bigrams, trigrams, each:
//	  N                                      how many n-grams
//	  N times: shared, rest, rest bytes      the n-grams in byte order, each
//	                                         as the bytes it shares with the
//	                                         one before and its other bytes
//	  N counts                               how many languages have each
//	  the language indexes, one byte each,   ascending within an n-gram
//	  then the values: −round(ln p × 2^26)   p is lingua's probability
//
// 2^26 keeps ln p to within 1e-8 (ln p ≥ −18.5 in lingua's models): a
// text's sums stay within 1e-5 of lingua's and its confidences within 1e-6,
// the same to the four decimals a record keeps but at a rounding boundary.

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode/utf8"
)

//go:embed models/ngrams.bin.gz
var modelFile []byte

// scale is the fixed point of the values: a log-probability v is kept as
// round(v × scale), summed in integers without rounding.
const scale = 1 << 26

// models is every n-gram of lingua's models, looked up by its key: its
// runes, up to three, packed by ngramKey.
//
// An n-gram's values are stored as differences, so that a text's sum for a
// language is one pass over the languages each n-gram has. lingua reads, for
// each language and each trigram of the text, the trigram's log-probability,
// or else its bigram prefix's, or else its first letter's. A unigram holds
// its own value; a bigram, its value less its first letter's (or its value
// if the language lacks the letter); a trigram, its value less what the
// language would fall back to. Each trigram of the text then adds its own
// entries, its prefix's and its first letter's: what a language lacks adds
// nothing, and the sums come out as lingua's.
type models struct {
	// keys are grouped by bucket (bucketOf); bucket b holds
	// keys[buckets[b]:buckets[b+1]].
	keys    []uint64
	buckets []uint32
	shift   uint
	// n-gram i's languages and values are langs and values
	// [first[i]:first[i+1]].
	first  []uint32
	langs  []uint8
	values []int32
}

var (
	loaded    *models
	loadOnce  sync.Once
	errFormat = errors.New("language models: bad file")
)

// theModels returns the models, read at first use. They are embedded in the
// program, so a file that does not read is a broken build, not bad input:
// TestModelFile reads it.
func theModels() *models {
	loadOnce.Do(func() {
		m, err := readModels(modelFile)
		if err != nil {
			panic(err)
		}
		loaded = m
	})
	return loaded
}

// ngramKey packs up to three runes (21 bits each) into a key; a shorter
// n-gram leaves the last places 0, which no letter is.
func ngramKey(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// prefixKey returns the key of the first n runes of an n-gram's key.
func prefixKey(key uint64, n int) uint64 {
	return key &^ (1<<(21*(3-n)) - 1)
}

func (m *models) bucketOf(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> m.shift
}

// lookUp returns the languages that have the n-gram of key and its values.
func (m *models) lookUp(key uint64) ([]uint8, []int32) {
	b := m.bucketOf(key)
	for i := m.buckets[b]; i < m.buckets[b+1]; i++ {
		if m.keys[i] == key {
			from, to := m.first[i], m.first[i+1]
			return m.langs[from:to], m.values[from:to]
		}
	}
	return nil, nil
}

// ngramEntries is one n-gram as read, before it is placed in its bucket.
type ngramEntries struct {
	key    uint64
	langs  []uint8
	values []int32
}

// readModels reads the file's sections, turns values into differences and
// places the n-grams in buckets.
func readModels(file []byte) (*models, error) {
	gz, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		return nil, fmt.Errorf("language models: %w", err)
	}
	// gzip ends with the size of what it holds: one allocation, no copies.
	var data bytes.Buffer
	if len(file) >= 4 {
		data.Grow(int(binary.LittleEndian.Uint32(file[len(file)-4:])))
	}
	if _, err := data.ReadFrom(gz); err != nil {
		return nil, fmt.Errorf("language models: %w", err)
	}
	d := &decoder{data: data.Bytes()}
	// The file's languages are lingua's, in the order of languages.
	if !slices.Equal(readCodes(d), allCodes()) {
		return nil, errFormat
	}
	var orders [3][]ngramEntries
	for i := range orders {
		orders[i] = readSection(d, i+1, languageCount)
	}
	if d.bad || len(d.data) > 0 {
		return nil, errFormat
	}
	// The lower orders are found by key while the higher ones subtract
	// them, before they are turned into differences themselves.
	index := make(map[uint64]ngramEntries, len(orders[0])+len(orders[1]))
	for _, order := range orders[:2] {
		for _, n := range order {
			index[n.key] = n
		}
	}
	for _, order := range [][]ngramEntries{orders[2], orders[1]} {
		for _, n := range order {
			subtractFallback(n, index)
		}
	}
	return place(orders), nil
}

// decoder reads the file's varints and bytes; past the end or on a bad
// value it notes the file is bad and gives zeros.
type decoder struct {
	data []byte
	bad  bool
}

// uvarint reads a varint of at most limit.
func (d *decoder) uvarint(limit uint64) uint64 {
	v, n := binary.Uvarint(d.data)
	if n <= 0 || v > limit {
		d.bad, d.data = true, nil
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.data) {
		d.bad, d.data = true, nil
		return make([]byte, n)
	}
	b := d.data[:n:n]
	d.data = d.data[n:]
	return b
}

func readCodes(d *decoder) []string {
	codes := make([]string, d.uvarint(math.MaxUint8))
	for i := range codes {
		codes[i] = string(d.bytes(2))
	}
	return codes
}

// readSection reads the n-grams of one order.
func readSection(d *decoder, order, languages int) []ngramEntries {
	ngrams := make([]ngramEntries, d.uvarint(1<<24))
	var previous []byte
	for i := range ngrams {
		shared := d.uvarint(uint64(len(previous)))
		rest := d.bytes(int(d.uvarint(16)))
		text := append(previous[:shared:shared], rest...)
		key, ok := keyOf(text, order)
		d.bad = d.bad || !ok
		ngrams[i].key, previous = key, text
	}
	counts := make([]int, len(ngrams))
	total := 0
	for i := range counts {
		counts[i] = int(d.uvarint(uint64(languages)))
		total += counts[i]
	}
	langs := d.bytes(total)
	values := make([]int32, total)
	for i := range values {
		values[i] = -int32(d.uvarint(math.MaxInt32))
	}
	for i, k := range counts {
		ngrams[i].langs, langs = langs[:k:k], langs[k:]
		ngrams[i].values, values = values[:k:k], values[k:]
		for j, lang := range ngrams[i].langs {
			d.bad = d.bad || int(lang) >= languages || j > 0 && lang <= ngrams[i].langs[j-1]
		}
		d.bad = d.bad || k == 0
	}
	return ngrams
}

// keyOf returns the key of an n-gram of order runes.
func keyOf(text []byte, order int) (uint64, bool) {
	var r [3]rune
	n := 0
	for len(text) > 0 {
		c, size := utf8.DecodeRune(text)
		if n == 3 || c == utf8.RuneError {
			return 0, false
		}
		r[n], n = c, n+1
		text = text[size:]
	}
	return ngramKey(r[0], r[1], r[2]), n == order
}

// subtractFallback turns n's values into differences from what each
// language falls back to: its value of n's bigram prefix, or else of n's
// first letter, or else nothing.
func subtractFallback(n ngramEntries, lower map[uint64]ngramEntries) {
	for j, lang := range n.langs {
		for order := 2; order >= 1; order-- {
			prefix := prefixKey(n.key, order)
			if prefix == n.key {
				continue
			}
			if v, ok := lower[prefix].valueOf(lang); ok {
				n.values[j] -= v
				break
			}
		}
	}
}

// valueOf returns lang's value of the n-gram.
func (n ngramEntries) valueOf(lang uint8) (int32, bool) {
	for j, l := range n.langs {
		if l == lang {
			return n.values[j], true
		}
	}
	return 0, false
}

// place lays the n-grams out by bucket, about two to a bucket.
func place(orders [3][]ngramEntries) *models {
	var ngrams []*ngramEntries
	total := 0
	for _, order := range orders {
		for i := range order {
			ngrams = append(ngrams, &order[i])
			total += len(order[i].langs)
		}
	}
	bits := uint(1)
	for 1<<bits < len(ngrams)/2 {
		bits++
	}
	m := &models{shift: 64 - bits, buckets: make([]uint32, 1<<bits+1)}
	for _, n := range ngrams {
		m.buckets[m.bucketOf(n.key)+1]++
	}
	for b := 1; b < len(m.buckets); b++ {
		m.buckets[b] += m.buckets[b-1]
	}
	bySlot := make([]*ngramEntries, len(ngrams))
	next := slices.Clone(m.buckets)
	for _, n := range ngrams {
		b := m.bucketOf(n.key)
		bySlot[next[b]] = n
		next[b]++
	}
	m.keys = make([]uint64, len(ngrams))
	m.first = make([]uint32, 0, len(ngrams)+1)
	m.langs = make([]uint8, 0, total)
	m.values = make([]int32, 0, total)
	for slot, n := range bySlot {
		m.keys[slot] = n.key
		m.first = append(m.first, uint32(len(m.langs)))
		m.langs = append(m.langs, n.langs...)
		m.values = append(m.values, n.values...)
	}
	m.first = append(m.first, uint32(len(m.langs)))
	return m
}
