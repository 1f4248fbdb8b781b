package language

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRgmSampleWords: words are split at ASCII spaces, tab to carriage
// return, and left out when they are noise (a hashtag or handle mark, a
// www. address), however short.
func TestRgmSampleWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Goris\tLachin", []string{"Goris", "Lachin"}},
		{"Goris\rLachin", []string{"Goris", "Lachin"}},
		{"Goris\n\v\fLachin Shusha", []string{"Goris", "Lachin", "Shusha"}},
		{"Goris\x01Lachin", []string{"Goris\x01Lachin"}},
		{"Goris # Lachin", []string{"Goris", "Lachin"}},
		{"# Lachin", []string{"Lachin"}},
		{"@ Lachin", []string{"Lachin"}},
		{"read www.goris.am today", []string{"read", "today"}},
		{"Ijevan: watch", []string{"Ijevan:", "watch"}},
	}
	for _, tt := range tests {
		got, total := sample(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" || total != len(tt.want) {
			t.Errorf("sample(%q): total %d, words (-want +got):\n%s", tt.text, total, diff)
		}
	}
}

// TestRgmShortTextPlainWords: under shortText words the lower-case words
// decide when they tell another language; at shortText words the whole text
// does.
func TestRgmShortTextPlainWords(t *testing.T) {
	plain := strings.Fields("selon les sources locales")
	titled := strings.Fields("Azerbaijani Troops Enter Lachin As Armenian Residents Leave Their Homes For Goris Ahead Of The Handover Deadline Set By The Ceasefire Agreement Signed In Moscow Last Month By Leaders")
	d := NewDetector()
	for _, tt := range []struct {
		words int
		want  string
	}{{shortText - 1, "fr"}, {shortText, "en"}} {
		text := strings.Join(append(append([]string{}, plain...), titled[:tt.words-len(plain)]...), " ")
		if got, _ := d.Detect(text); got != tt.want {
			t.Errorf("Detect(%d words %q) = %s, want %s", tt.words, text, got, tt.want)
		}
	}
}

// TestRgmPlainWordsTellAfrikaans: the plain words' answer overrules the
// whole text's whichever language it is, the first of lingua's included.
func TestRgmPlainWordsTellAfrikaans(t *testing.T) {
	text := "Zware Regenval Treft Dorpen Bij De Grens, die reddingspanne het die hele nag gewerk"
	if got, _ := NewDetector().Detect(text); got != "af" {
		t.Errorf("Detect(%q) = %s, want af", text, got)
	}
}

// TestRgmKnowsLetters: a letter of an alphabet some languages share must be
// in the language's letter model at least rareLetter often; a letter of an
// alphabet of one language is not checked.
func TestRgmKnowsLetters(t *testing.T) {
	tests := []struct {
		code  string
		words []string
		want  bool
	}{
		{"fa", []string{"پ"}, true},
		{"ar", []string{"پ"}, false},
		{"mr", []string{"ळ"}, true},
		{"hi", []string{"ळ"}, false},
		{"hy", []string{"Ֆրանսիա"}, true},
		{"en", []string{"goris"}, true},
	}
	for _, tt := range tests {
		if got := knowsLetters(languageIndex(tt.code), tt.words); got != tt.want {
			t.Errorf("knowsLetters(%s, %q) = %v, want %v", tt.code, tt.words, got, tt.want)
		}
	}
}

// TestRgmSure: a side gives a label of at least its least confidence and
// at least minOdds times the runner-up's.
func TestRgmSure(t *testing.T) {
	tests := []struct {
		s    side
		v    verdict
		want bool
	}{
		{regionSide, verdict{lang: 17, confidence: minConfidence, runnerUp: 0.125}, true},
		{regionSide, verdict{lang: 17, confidence: 0.4999, runnerUp: 0.125}, false},
		{otherSide, verdict{lang: 16, confidence: otherMinConfidence, runnerUp: 0.05}, true},
		{regionSide, verdict{lang: 17, confidence: 0.75, runnerUp: 0.375}, true},
		{regionSide, verdict{lang: 17, confidence: 0.75, runnerUp: 0.38}, false},
		{regionSide, verdict{lang: -1, confidence: 1}, false},
	}
	for _, tt := range tests {
		if got := tt.s.sure(tt.v); got != tt.want {
			t.Errorf("side %v: sure(%+v) = %v, want %v", tt.s.least, tt.v, got, tt.want)
		}
	}
}

// TestRgmRegional: a text is the region's unless another language of its
// alphabet fits it better than the region's best by more than regionMargin
// a trigram; a language that has none of its n-grams takes no part.
func TestRgmRegional(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Жители Шуши вернулись в свои дома после долгой зимы", true},
		// No trigram: no language fits it better.
		{"a", true},
		{"Officials from Armenia and Azerbaijan held talks in Ijevan about the border", true},
		{"die reddingspanne het verskeie dorpe naby die grens besoek", false},
		{"die dorpe naby die grens", false},
		// Afrikaans fits it best of the others, German better still.
		{"und die", true},
		// None of the region's languages has ŉ; Afrikaans has it.
		{"ŉŉŉ", false},
		{"Qeveria dërgoi ndihmë për fshatrat e përmbytura", false},
	}
	for _, tt := range tests {
		if got := regional(read(tt.text)); got != tt.want {
			t.Errorf("regional(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestRgmSideOf: a text that is not the region's by its fit is told on the
// region's side when lingua over all its languages says one of them.
func TestRgmSideOf(t *testing.T) {
	for _, tt := range []struct {
		text  string
		least float64
	}{
		{"près", minConfidence},
		{"Qeveria dërgoi ndihmë për fshatrat e përmbytura", otherMinConfidence},
	} {
		r := read(tt.text)
		if got := sideOf(r).least; got != tt.least {
			t.Errorf("sideOf(%q) is the side of %v, want %v", tt.text, got, tt.least)
		}
	}
}

// TestRgmScript: the region's script most of the letters are in, the first
// of regionScripts on a tie, or -1 when none is.
func TestRgmScript(t *testing.T) {
	tests := []struct {
		words []string
		want  alphabet
	}{
		{[]string{"ελληνικά"}, -1},
		{[]string{"abc", "абв"}, latin},
		{[]string{"ab", "абвгд"}, cyrillic},
		{[]string{"Շուշիում", "Shusha"}, armenian},
		{[]string{"شوشا"}, arabic},
	}
	for _, tt := range tests {
		if got := script(tt.words); got != tt.want {
			t.Errorf("script(%q) = %d, want %d", tt.words, got, tt.want)
		}
	}
}

// rgmNgram is one n-gram of a model file written by a test.
type rgmNgram struct {
	text   string
	langs  []uint8
	values []uint64
}

// rgmFile encodes sections in the file format of model.go, gzipped; a nil
// section is left out, as in a file cut short.
func rgmFile(sections ...[]rgmNgram) []byte {
	out := binary.AppendUvarint(nil, uint64(languageCount))
	for _, code := range allCodes() {
		out = append(out, code...)
	}
	for _, section := range sections {
		out = binary.AppendUvarint(out, uint64(len(section)))
		for _, n := range section {
			out = binary.AppendUvarint(out, 0)
			out = binary.AppendUvarint(out, uint64(len(n.text)))
			out = append(out, n.text...)
		}
		for _, n := range section {
			out = binary.AppendUvarint(out, uint64(len(n.langs)))
		}
		for _, n := range section {
			out = append(out, n.langs...)
		}
		for _, n := range section {
			for _, v := range n.values {
				out = binary.AppendUvarint(out, v)
			}
		}
	}
	var file bytes.Buffer
	gz := gzip.NewWriter(&file)
	gz.Write(out)
	gz.Close()
	return file.Bytes()
}

// TestRgmReadModels: a file is read whole, languages ascending and known
// within each n-gram, and its values become differences from the fallback.
func TestRgmReadModels(t *testing.T) {
	en := uint8(languageIndex("en"))
	unigrams := []rgmNgram{{"a", []uint8{0, en}, []uint64{100, 200}}}
	bigrams := []rgmNgram{{"ab", []uint8{en}, []uint64{50}}}
	trigrams := []rgmNgram{{"abc", []uint8{0}, []uint64{10}}}
	bad := map[string][]byte{
		"no sections":              rgmFile(),
		"no trigrams":              rgmFile(unigrams, bigrams),
		"a language past the last": rgmFile([]rgmNgram{{"a", []uint8{uint8(languageCount)}, []uint64{1}}}, nil, nil),
		"a language twice":         rgmFile([]rgmNgram{{"a", []uint8{en, en}, []uint64{1, 2}}}, nil, nil),
		"languages descending":     rgmFile([]rgmNgram{{"a", []uint8{en, 0}, []uint64{1, 2}}}, nil, nil),
	}
	for name, file := range bad {
		if _, err := readModels(file); err == nil {
			t.Errorf("%s: readModels read a bad file", name)
		}
	}
	type found struct {
		Langs  []uint8
		Values []int32
	}
	empty, err := readModels(rgmFile([]rgmNgram{}, []rgmNgram{}, []rgmNgram{}))
	if err != nil {
		t.Fatalf("a file of no n-grams: %v", err)
	}
	if langs, values := empty.lookUp(ngramKey('a', 0, 0)); langs != nil || values != nil {
		t.Errorf("models of no n-grams have a: %v %v", langs, values)
	}
	m, err := readModels(rgmFile(unigrams, bigrams, trigrams))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[uint64]found{
		ngramKey('a', 0, 0):     {[]uint8{0, en}, []int32{-100, -200}},
		ngramKey('a', 'b', 0):   {[]uint8{en}, []int32{150}},
		ngramKey('a', 'b', 'c'): {[]uint8{0}, []int32{90}},
	} {
		langs, values := m.lookUp(key)
		if diff := cmp.Diff(want, found{langs, values}); diff != "" {
			t.Errorf("lookUp(%x) (-want +got):\n%s", key, diff)
		}
	}
}

// TestRgmPlace: n-grams are laid out two to a bucket, in the fewest
// power-of-two buckets that hold them so, and each is found by its key and
// no key that is not one of them is, in every bucket.
func TestRgmPlace(t *testing.T) {
	for _, tt := range []struct{ ngrams, buckets int }{{8, 4}, {16, 8}, {17, 8}, {18, 16}, {3, 2}} {
		var orders [3][]ngramEntries
		placed := map[uint64]bool{}
		for i := range tt.ngrams {
			key := ngramKey('a'+rune(i), 0, 0)
			orders[0] = append(orders[0], ngramEntries{key, []uint8{uint8(i)}, []int32{-int32(i + 1)}})
			placed[key] = true
		}
		m := place(orders)
		if got := len(m.buckets) - 1; got != tt.buckets {
			t.Errorf("%d n-grams: %d buckets, want %d", tt.ngrams, got, tt.buckets)
		}
		for i := range tt.ngrams {
			langs, values := m.lookUp(ngramKey('a'+rune(i), 0, 0))
			if diff := cmp.Diff([]uint8{uint8(i)}, langs); diff != "" || len(values) != 1 || values[0] != -int32(i+1) {
				t.Errorf("%d n-grams: lookUp(%c) = %v %v", tt.ngrams, 'a'+rune(i), langs, values)
			}
		}
		for a := rune('A'); a <= 'Z'; a++ {
			for b := rune('A'); b <= 'Z'; b++ {
				if langs, _ := m.lookUp(ngramKey(a, b, 0)); langs != nil {
					t.Errorf("%d n-grams: lookUp(%c%c) = %v, want none", tt.ngrams, a, b, langs)
				}
			}
		}
	}
}

// TestRgmRegionalAtMargin: another language that fits a text better by
// exactly regionMargin a trigram does not take it out of the region's
// languages; only by more does. The five words (found by a search of
// three-letter words) are five trigrams Latin fits better than Italian, the
// region's best, by 0.75 nats: 0.15 a trigram.
func TestRgmRegionalAtMargin(t *testing.T) {
	const text = "ows cau aec jly woj"
	r := read(text)
	s := r.scores()
	la, it := languageIndex("la"), languageIndex("it")
	if got, want := float64(s.sums[la]-s.sums[it])/scale, regionMargin*float64(s.trigrams); got != want {
		t.Fatalf("%q: Latin fits it better than Italian by %v, not %v: the fixture no longer sits at the margin", text, got, want)
	}
	if !regional(r) {
		t.Errorf("regional(%q) = false, want true", text)
	}
}
