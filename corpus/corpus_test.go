package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const seeds = "../seeds"

// buildSeeds builds the seeds into a temporary output folder once per test.
func buildSeeds(t *testing.T, workers int) (string, release.Manifest) {
	t.Helper()
	out := t.TempDir()
	m, err := Build(context.Background(), Options{Input: seeds, Output: out, Version: "dev", Workers: workers, Builder: release.Builder{Module: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, "dev"), m
}

func readJSONL(t *testing.T, path string) []schema.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var records []schema.Record
	scanner := bufio.NewScanner(f)
	scanner.Buffer(nil, 256<<20)
	for scanner.Scan() {
		var r schema.Record
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			t.Fatalf("%s:%d: %v", path, len(records)+1, err)
		}
		records = append(records, r)
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return records
}

// TestSeedsGolden compares the records of every seed with its golden file in
// testdata/golden, written one field a line and one body paragraph a line so
// that it reads against the seed. Run with -update to rewrite them, then read
// the diff line by line against the seed before committing.
func TestSeedsGolden(t *testing.T) {
	dir, _ := buildSeeds(t, 2)
	bySource := map[string][]schema.Record{}
	for _, r := range readJSONL(t, filepath.Join(dir, release.JSONLFile)) {
		for _, err := range schema.Check(r) {
			t.Error(err)
		}
		bySource[r.Source.Path] = append(bySource[r.Source.Path], r)
	}
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			golden := filepath.Join("..", "testdata", "golden", strings.TrimSuffix(name, ".txt")+".golden")
			var got strings.Builder
			for _, r := range bySource[name] {
				renderRecord(&got, r)
			}
			if *update {
				if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./corpus -update to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")); diff != "" {
				t.Errorf("records of %s differ from %s (-want +got):\n%s", name, golden, diff)
			}
		})
	}
}

// renderRecord writes every field of r, one a line; body paragraphs and
// mentions one a line too.
func renderRecord(w *strings.Builder, r schema.Record) {
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return strconv.Quote(*p)
	}
	date := "null"
	if r.Date != nil {
		date = r.Date.String()
	}
	fmt.Fprintf(w, "=== %s\n", r.ID)
	fmt.Fprintf(w, "source: %s lines %d-%d %s sha256:%s\n", r.Source.Path, r.Source.LineStart, r.Source.LineEnd, r.Source.Encoding, r.Source.SHA256)
	fmt.Fprintf(w, "layout: %s\n", r.Layout)
	fmt.Fprintf(w, "url: %s\n", str(r.URL))
	fmt.Fprintf(w, "outlet: %s country: %s\n", str(r.Outlet), str(r.OutletCountry))
	fmt.Fprintf(w, "title: %s\n", str(r.Title))
	fmt.Fprintf(w, "section: %s\n", str(r.Section))
	fmt.Fprintf(w, "date: %s precision: %s text: %s\n", date, str(r.DatePrecision), str(r.DateText))
	fmt.Fprintf(w, "byline: %q\n", r.Byline)
	fmt.Fprintf(w, "language: %s %.4f\n", r.Language, r.LanguageConfidence)
	fmt.Fprintf(w, "word_count: %d\n", r.WordCount)
	fmt.Fprintf(w, "duplicate_of: %s\n", str(r.DuplicateOf))
	fmt.Fprintf(w, "body:\n")
	for _, p := range strings.Split(r.Body, "\n\n") {
		fmt.Fprintf(w, "  | %s\n", p)
	}
	fmt.Fprintf(w, "mentions: %d\n", len(r.Mentions))
	for _, m := range r.Mentions {
		fmt.Fprintf(w, "  %d-%d %q %s (%s, %s)\n", m.Start, m.End, m.Surface, m.Entity, m.Kind, m.Name)
	}
}

// TestSeedItemCounts pins how many items each seed holds (DESIGN.md).
func TestSeedItemCounts(t *testing.T) {
	_, m := buildSeeds(t, 1)
	want := map[string]int{
		"000_01f3686a22a4f32d.txt": 1, "001_5e29adcfeed8e22f.txt": 10,
		"002_81f596a311052818.txt": 1, "003_44e02db5fe0c55f4.txt": 1,
		"004_bd06fe2ebdc20f88.txt": 15, // post 6 is an image alone (dropped)
	}
	got := map[string]int{}
	for _, in := range m.Inputs {
		got[in.Path] = in.Records
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records per seed (-want +got):\n%s", diff)
	}
	if m.Records != 28 {
		t.Errorf("manifest records = %d, want 28", m.Records)
	}
}

// TestParquetMatchesJSONL reads the Parquet file back and compares it with
// the JSONL, record by record.
func TestParquetMatchesJSONL(t *testing.T) {
	dir, _ := buildSeeds(t, 2)
	want := readJSONL(t, filepath.Join(dir, release.JSONLFile))
	f, err := os.Open(filepath.Join(dir, release.ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reader := parquet.NewGenericReader[schema.Record](f)
	defer reader.Close()
	got := make([]schema.Record, reader.NumRows())
	if n, err := reader.Read(got); n != len(got) {
		t.Fatalf("read %d of %d rows: %v", n, len(got), err)
	}
	// Parquet has no empty-versus-null distinction for lists.
	for i := range got {
		if got[i].Byline == nil {
			got[i].Byline = []string{}
		}
		if got[i].Mentions == nil {
			got[i].Mentions = []schema.Mention{}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parquet differs from JSONL (-jsonl +parquet):\n%s", diff)
	}
	meta := map[string]string{}
	for _, kv := range reader.File().Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	if meta["schema_version"] != schema.Version || meta["dataset"] != Dataset || meta["dataset_version"] != "dev" {
		t.Errorf("footer metadata = %v", meta)
	}
}
