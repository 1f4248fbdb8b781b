package release_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/internal/arrowcheck"
	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// seedRecords reads the records of the seeds' release.
func seedRecords(t testing.TB) ([]schema.Record, int64) {
	t.Helper()
	f, err := os.Open(filepath.Join(buildRelease(t), release.JSONLFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var records []schema.Record
	var size int64
	scanner := bufio.NewScanner(f)
	scanner.Buffer(nil, 16<<20)
	for scanner.Scan() {
		var r schema.Record
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		records = append(records, r)
		size += int64(len(scanner.Bytes()))
	}
	return records, size
}

// writeRelease writes records as release v1.0.0 under a fresh folder.
func writeRelease(t testing.TB, m release.Manifest, records []schema.Record) string {
	t.Helper()
	out := t.TempDir()
	m.Version, m.Dataset, m.SchemaVersion = "v1.0.0", "test-corpus", schema.Version
	w, err := release.Create(out, m, false)
	if err != nil {
		t.Fatal(err)
	}
	counts := release.NewCounts()
	var inputs []release.Input // the records' sources, as a build lists them
	for _, r := range records {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		counts.Add(r)
		if n := len(inputs); n == 0 || inputs[n-1].Path != r.Source.Path {
			inputs = append(inputs, release.Input{Path: r.Source.Path, SHA256: r.Source.SHA256})
		}
		inputs[len(inputs)-1].Records++
	}
	m.Counts = counts
	if m.Inputs == nil {
		m.Inputs = inputs
	}
	if _, err := w.Publish(m); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, m.Version)
}

// longRecord is a record whose body (and title) is one very long line, as
// a 10 MB capture of a single line gives.
func longRecord(id string, bodyBytes int) schema.Record {
	word := "Karabakh "
	body := strings.TrimSpace(strings.Repeat(word, bodyBytes/len(word)))
	title := body[:3<<20]
	return schema.Record{
		ID:     id,
		Source: schema.Source{Path: id[:strings.Index(id, "#")] + ".txt", SHA256: strings.Repeat("a", 64), Encoding: "utf-8", LineStart: 1, LineEnd: 1, MediaType: schema.MediaText},
		Layout: "plain", Title: &title, Byline: []string{}, Body: body, Language: "en", LanguageConfidence: 1,
		Mentions: []schema.Mention{}, WordCount: schema.WordCount(body),
	}
}

// TestLongLines writes records of a 10 MB body and a 3 MB title: Arrow's
// reader (and so pyarrow and pandas) must read them, which it cannot when
// the page headers or the footer carry whole values as statistics.
func TestLongLines(t *testing.T) {
	records := []schema.Record{longRecord("a#1", 10<<20), longRecord("b#1", 4<<20)}
	dir := writeRelease(t, release.Manifest{}, records)
	if err := arrowcheck.Release(dir); err != nil {
		t.Fatal(err)
	}
	if problems := release.Validate(dir); problems != nil {
		t.Fatal(problems)
	}
	info, err := os.Stat(filepath.Join(dir, release.ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	// Compressed, the bodies are small; whole statistics made the file
	// larger than the JSONL.
	if info.Size() > 1<<20 {
		t.Errorf("corpus.parquet is %d bytes for 14 MB of repeated text", info.Size())
	}
}

// TestParquetFormat checks what readers rely on in the footer and pages:
// created_by in the specification's format, data pages v1 only, and no
// statistics of free-text columns.
func TestParquetFormat(t *testing.T) {
	records, _ := seedRecords(t)
	dir := writeRelease(t, release.Manifest{Builder: release.Builder{Module: "github.com/nkcorpus/builder", Version: "(devel)", Revision: "0123abc"}}, records)
	path := filepath.Join(dir, release.ParquetFile)

	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	createdBy := rdr.MetaData().GetCreatedBy()
	if !regexp.MustCompile(`^\S+ version \S+ \(build \S+\)$`).MatchString(createdBy) || createdBy != "github.com/nkcorpus/builder version devel (build 0123abc)" {
		t.Errorf("created_by = %q, want <application> version <version> (build <build>)", createdBy)
	}
	pages := map[string]int{}
	for g := range rdr.NumRowGroups() {
		rg := rdr.RowGroup(g)
		for c := range rg.NumColumns() {
			pr, err := rg.GetColumnPageReader(c)
			if err != nil {
				t.Fatal(err)
			}
			for pr.Next() {
				pages[pr.Page().Type().String()]++
			}
			if err := pr.Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if pages["DATA_PAGE"] == 0 || pages["DATA_PAGE_V2"] != 0 {
		t.Errorf("page types %v: want data pages v1 only", pages)
	}
	for g := range rdr.NumRowGroups() {
		rg := rdr.MetaData().RowGroup(g)
		for c := range rg.NumColumns() {
			col, _ := rg.ColumnChunk(c)
			for _, enc := range col.Encodings() {
				if name := enc.String(); strings.HasPrefix(name, "DELTA") || name == "BYTE_STREAM_SPLIT" {
					t.Errorf("column %s is %s encoded, which older readers cannot decode", col.PathInSchema(), name)
				}
			}
		}
	}

	f, _ := os.Open(path)
	defer f.Close()
	stat, _ := f.Stat()
	pf, err := parquet.OpenFile(f, stat.Size())
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]bool{}
	for _, p := range schema.FreeTextColumns() {
		text[strings.Join(p, ".")] = true
	}
	for _, want := range []string{"body", "title", "byline.list.element", "mentions.list.element.surface"} {
		if !text[want] {
			t.Errorf("%s is not among the free-text columns %v", want, text)
		}
	}
	for _, rg := range pf.Metadata().RowGroups {
		for _, col := range rg.Columns {
			path := strings.Join(col.MetaData.PathInSchema, ".")
			stats := col.MetaData.Statistics
			if text[path] && (len(stats.MaxValue) > 0 || len(stats.MinValue) > 0) {
				t.Errorf("%s has statistics %d and %d bytes long", path, len(stats.MinValue), len(stats.MaxValue))
			}
			if path == "id" && len(stats.MinValue) == 0 {
				t.Errorf("id has no statistics: only free text should lose them")
			}
		}
	}
}

// TestShards cuts a release into shards with a small threshold: the names
// the Hub and Spark expect, no plain JSONL, the card's configs and the
// Croissant file listing them, and both readers reading them.
func TestShards(t *testing.T) {
	records, size := seedRecords(t)
	dir := writeRelease(t, release.Manifest{Options: release.Options{ShardSize: size / 3}}, records)
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	got := strings.Join(names, " ")
	for i := range 4 {
		for _, ext := range []string{".parquet", ".jsonl.gz"} {
			if name := fmt.Sprintf("corpus-%05d-of-00004%s", i, ext); !strings.Contains(got, name) {
				t.Errorf("no %s among %s", name, got)
			}
		}
	}
	if strings.Contains(got, "corpus.jsonl ") || strings.Contains(got, "corpus.parquet") || strings.Contains(got, "part-") {
		t.Errorf("files %s: a sharded release has no corpus.jsonl or corpus.parquet, and no provisional names", got)
	}
	if problems := release.Validate(dir); problems != nil {
		t.Fatal(problems)
	}
	if err := arrowcheck.Release(dir); err != nil {
		t.Fatal(err)
	}
	card, _ := os.ReadFile(filepath.Join(dir, release.CardFile))
	if !strings.Contains(string(card), "  - split: train\n    path: \"corpus-*-of-00004.parquet\"\n") {
		t.Errorf("card configs do not name the shards:\n%s", card[:1500])
	}
	crate, _ := os.ReadFile(filepath.Join(dir, release.CroissantFile))
	for _, want := range []string{`"@id": "corpus-00003-of-00004.parquet"`, `"@id": "corpus-00000-of-00004.jsonl.gz"`, `"includes": "corpus-*-of-00004.parquet"`, `"fileSet": {`} {
		if !strings.Contains(string(crate), want) {
			t.Errorf("croissant.json lacks %s", want)
		}
	}
	m := readManifest(t, dir)
	total := 0
	for _, o := range m.Outputs {
		if strings.HasSuffix(o.Path, ".parquet") {
			total += o.Records
		}
	}
	if total != len(records) {
		t.Errorf("the Parquet shards hold %d records, want %d", total, len(records))
	}
}

// BenchmarkWrite streams the seeds' records into a release: JSONL encoding,
// gzip, Parquet with zstd, checksums, publishing.
func BenchmarkWrite(b *testing.B) {
	records, size := seedRecords(b)
	out := b.TempDir()
	b.SetBytes(size)
	for b.Loop() {
		w, err := release.Create(out, release.Manifest{Version: "dev", Dataset: "bench", SchemaVersion: schema.Version}, false)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range records {
			if err := w.Write(r); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := w.Publish(release.Manifest{Version: "dev"}); err != nil {
			b.Fatal(err)
		}
	}
}
