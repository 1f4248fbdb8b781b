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
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

var (
	benchDir = flag.String("htmlbench", "", "folder of the HTML benchmark (pages/*.html.gz), for TestHTMLBench and the benchmarks")
	benchOut = flag.String("htmlbench.out", "", "JSONL file TestHTMLBench writes, for the benchmark's score.py")
	benchURL = flag.String("htmlbench.url", "", "URL prefix TestHTMLBench gives each page as its hint (as a crawl of a local server would), e.g. http://127.0.0.1:8000/")
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
		var hint Hint
		if *benchURL != "" {
			hint.URL = *benchURL + strings.TrimSuffix(names[i], ".gz")
		}
		page, err := Read(raw, hint)
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
				"body":  strings.Join(it.Paragraphs, "\n\n"),
				"paras": it.Paragraphs,
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

// BenchmarkTrafilatura is the reference: go-trafilatura's own Extract, with
// its default options, over the benchmark's pages (-htmlbench DIR).
func BenchmarkTrafilatura(b *testing.B) {
	_, pages := benchPages(b)
	benchPagesLoop(b, pages, func(raw []byte) {
		if _, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{}); err != nil {
			b.Log(err)
		}
	})
}

// BenchmarkTrafilaturaParsed is go-trafilatura without its charset
// detection: the page parsed by golang.org/x/net/html (they are UTF-8),
// then ExtractDocument with default options. Its dom.Parse runs chardet
// over the whole page, which is most of the difference with Extract.
func BenchmarkTrafilaturaParsed(b *testing.B) {
	_, pages := benchPages(b)
	benchPagesLoop(b, pages, func(raw []byte) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := trafilatura.ExtractDocument(doc, trafilatura.Options{}); err != nil {
			b.Log(err)
		}
	})
}

// BenchmarkRead is Read over the same pages.
func BenchmarkRead(b *testing.B) {
	_, pages := benchPages(b)
	benchPagesLoop(b, pages, func(raw []byte) {
		if _, err := Read(raw, Hint{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkReadParallel is Read on GOMAXPROCS goroutines (-cpu 1,2).
func BenchmarkReadParallel(b *testing.B) {
	_, pages := benchPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			raw := pages[int(next.Add(1))%len(pages)]
			if _, err := Read(raw, Hint{}); err != nil {
				b.Error(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// benchPagesLoop runs read over the pages in turn, one page an iteration,
// reporting pages/s and bytes.
func benchPagesLoop(b *testing.B, pages [][]byte, read func([]byte)) {
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		read(pages[i%len(pages)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	// CPU time is steadier than wall time on a machine shared with others.
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/page")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHugePage reads a 50 MB page of scripts and inline images
// around a short article, and reports the process's peak resident memory.
func BenchmarkHugePage(b *testing.B) {
	benchHuge(b, hugePage(50<<20))
}

// BenchmarkHugeText reads a 50 MB page that is all paragraphs.
func BenchmarkHugeText(b *testing.B) {
	var page strings.Builder
	page.WriteString("<html><body><article><h1>A very long text</h1>")
	for page.Len() < 50<<20 {
		page.WriteString("<p>" + hugeSentence + "</p>\n")
	}
	benchHuge(b, []byte(page.String()))
}

func benchHuge(b *testing.B, page []byte) {
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Read(page, Hint{}); err != nil {
			b.Fatal(err)
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}
