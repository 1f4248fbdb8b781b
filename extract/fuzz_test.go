package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

// fuzzSeedSize is how much of each seed capture starts the fuzzer: whole
// captures (up to 67 KB) slow Go's fuzzing engine to a few runs a second.
const fuzzSeedSize = 4096

// addCorpus seeds a fuzz target with the start of each seed capture, its
// items cut at line boundaries, and the layout cases.
func addCorpus(f *testing.F) {
	seeds, _ := filepath.Glob("../seeds/*.txt")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		text := string(b)
		if len(text) > fuzzSeedSize {
			text = text[:strings.LastIndex(text[:fuzzSeedSize], "\n")+1]
		}
		f.Add(text)
	}
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, c := range cases {
		if a, err := txtar.ParseFile(c); err == nil {
			if in := section(a, "input"); in != nil {
				f.Add(string(in.Data))
			}
		}
	}
}

// checkResult asserts what every extraction promises: items with a valid,
// non-empty body and line spans inside the text.
func checkResult(t *testing.T, text string, r Result) {
	lines := len(strings.Split(text, "\n"))
	for i, it := range r.Items {
		body := it.Body()
		if strings.TrimSpace(body) == "" || !utf8.ValidString(body) {
			t.Fatalf("item %d: body %q", i, body)
		}
		if it.LineStart < 1 || it.LineEnd < it.LineStart || it.LineEnd > lines {
			t.Fatalf("item %d: lines %d-%d outside 1-%d", i, it.LineStart, it.LineEnd, lines)
		}
		for _, p := range it.Paragraphs {
			if strings.Contains(p, "\n") {
				t.Fatalf("item %d: paragraph with a line break %q", i, p)
			}
		}
	}
	for _, d := range r.Dropped {
		if d.LineStart < 1 || d.LineEnd < d.LineStart || d.LineEnd > lines {
			t.Fatalf("dropped lines %d-%d outside 1-%d", d.LineStart, d.LineEnd, lines)
		}
	}
}

// FuzzExtract: any decoded text yields at least one item or nothing at all
// for blank text, never a panic.
func FuzzExtract(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		r := Extract(text)
		checkResult(t, text, r)
		if strings.TrimSpace(text) != "" && len(r.Items) == 0 && len(r.Dropped) == 0 {
			t.Fatalf("text %q yields nothing", text)
		}
	})
}

// fuzzLayout fuzzes one layout's segmenter on the texts its recogniser accepts.
func fuzzLayout(f *testing.F, name string) {
	addCorpus(f)
	var l layout
	for _, candidate := range layouts {
		if candidate.name == name {
			l = candidate
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		c := newCapture(strings.Split(text, "\n"))
		if !l.recognize(c) {
			return
		}
		checkResult(t, text, finish(name, l.segment(c)))
	})
}

func FuzzTumblr(f *testing.F)      { fuzzLayout(f, "tumblr") }
func FuzzNewsPage(f *testing.F)    { fuzzLayout(f, "news_page") }
func FuzzAnalysis(f *testing.F)    { fuzzLayout(f, "analysis") }
func FuzzDigest(f *testing.F)      { fuzzLayout(f, "digest") }
func FuzzBareArticle(f *testing.F) { fuzzLayout(f, "bare_article") }
func FuzzListing(f *testing.F)     { fuzzLayout(f, "listing") }
func FuzzArticle(f *testing.F)     { fuzzLayout(f, "article") }

func FuzzPlain(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		checkResult(t, text, finish(LayoutPlain, segmentPlain(strings.Split(text, "\n"))))
	})
}
