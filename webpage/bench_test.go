package webpage

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	benchDir = flag.String("htmlbench", "", "folder of the HTML benchmark (pages/*.html.gz), for TestHTMLBench and the benchmarks")
	benchOut = flag.String("htmlbench.out", "", "JSONL file TestHTMLBench writes, for the benchmark's score.py")
)

// benchPages reads the benchmark's pages, decompressed, in name order.
func benchPages(tb testing.TB) (names []string, pages [][]byte) {
	if *benchDir == "" {
		tb.Skip("no -htmlbench DIR")
	}
	files, err := filepath.Glob(filepath.Join(*benchDir, "pages", "*.html.gz"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no pages in %s/pages (%v)", *benchDir, err)
	}
	for _, f := range files {
		gz, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			tb.Fatal(f, err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(f, err)
		}
		names, pages = append(names, filepath.Base(f)), append(pages, raw)
	}
	return names, pages
}

// TestHTMLBench writes the records of the benchmark's pages as score.py
// reads them: source.path and body, one line a record.
func TestHTMLBench(t *testing.T) {
	if *benchOut == "" {
		t.Skip("no -htmlbench.out FILE")
	}
	names, pages := benchPages(t)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	for i, raw := range pages {
		if !IsHTML(raw) {
			t.Errorf("%s: not recognised as HTML", names[i])
		}
		page, err := Read(raw, Hint{})
		if err != nil {
			t.Errorf("%s: %v", names[i], err)
			continue
		}
		for _, it := range page.Result.Items {
			rec := map[string]any{
				"source": map[string]any{"path": names[i]},
				"layout": page.Result.Layout,
				"title":  it.Title, "outlet": it.Outlet, "section": it.Section, "url": it.URL,
				"date_text": it.DateText, "byline": it.Byline,
				"body": strings.Join(it.Paragraphs, "\n\n"),
			}
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(*benchOut, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
