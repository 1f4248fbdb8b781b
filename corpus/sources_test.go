package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

func copySeed(t *testing.T, dir, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildDir(t *testing.T, input string) (release.Manifest, []schema.Record) {
	t.Helper()
	out := t.TempDir()
	m, err := Build(context.Background(), Options{Input: input, Output: out, Version: "dev", Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m, readJSONL(t, filepath.Join(out, "dev", release.JSONLFile))
}

// relativeDates are the seed 004 records whose relative dates the capture
// date 2025-06-20 resolves, with the date and precision they resolve to.
var relativeDates = map[string]string{
	"004_bd06fe2ebdc20f88#1": "2025-03-01 month", // 3 months ago
	"004_bd06fe2ebdc20f88#2": "2023-01-01 year",  // 2 years ago
	"004_bd06fe2ebdc20f88#4": "2025-01-01 month", // 5 months ago
	"004_bd06fe2ebdc20f88#5": "2024-01-01 year",  // 1 year ago
}

// TestSourcesTable checks that sources.tsv wins over the text and resolves
// relative dates, and that its bad rows are reported by line.
func TestSourcesTable(t *testing.T) {
	input := t.TempDir()
	copySeed(t, input, "000_01f3686a22a4f32d.txt")
	copySeed(t, input, "004_bd06fe2ebdc20f88.txt")
	table := "file\turl\toutlet\tretrieved\n" +
		"000_01f3686a22a4f32d.txt\thttps://aze.media/what-happened-in-khankendi/\tAzeMedia\t\n" +
		"004_bd06fe2ebdc20f88.txt\t\t\t2025-06-20\n" +
		"missing.txt\t\t\t2025-01-01\n" +
		"broken\trow\twith\ttoo\tmany\n" +
		"000_01f3686a22a4f32d.txt\thttps://aze.media/what-happened-in-khankendi/\tAzeMedia\tlast week\n"
	if err := os.WriteFile(filepath.Join(input, SourcesFile), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	m, records := buildDir(t, input)

	news := records[0]
	if news.URL == nil || *news.URL != "https://aze.media/what-happened-in-khankendi/" || *news.Outlet != "Aze.Media" {
		t.Errorf("news page url %v outlet %v: sources.tsv should win", news.URL, news.Outlet)
	}
	found := map[string]bool{}
	for _, r := range records {
		want, ok := relativeDates[r.ID]
		if !ok {
			continue
		}
		found[r.ID] = true
		if r.Date == nil || r.Date.String()+" "+*r.DatePrecision != want {
			t.Errorf("%s (%s): date %v, want %s", r.ID, *r.DateText, r.Date, want)
		}
	}
	for id := range relativeDates {
		if !found[id] {
			t.Errorf("no record %s", id)
		}
	}
	warnings := strings.Join(append(m.Sources.Ignored, m.Sources.Warnings...), "\n")
	for _, want := range []string{
		"sources.tsv:5: 5 fields but the header names 4",
		`sources.tsv:6: 000_01f3686a22a4f32d.txt listed again`,
		`sources.tsv:6: retrieved "last week" is not a YYYY-MM-DD date`,
		"names missing.txt, which is not in the input folder",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("sources warnings lack %q:\n%s", want, warnings)
		}
	}
}

// TestNoSourcesTable: without a capture date relative dates stay unresolved.
func TestNoSourcesTable(t *testing.T) {
	input := t.TempDir()
	copySeed(t, input, "004_bd06fe2ebdc20f88.txt")
	_, records := buildDir(t, input)
	found := 0
	for _, r := range records {
		if _, ok := relativeDates[r.ID]; ok {
			found++
		}
		if r.Date != nil || r.DatePrecision != nil || r.DateText == nil || !strings.HasSuffix(*r.DateText, " ago") {
			t.Errorf("%s: date %v precision %v text %v; want null, null and the words", r.ID, r.Date, r.DatePrecision, r.DateText)
		}
	}
	if found != len(relativeDates) {
		t.Errorf("%d records, among them %d of the %d with relative dates", len(records), found, len(relativeDates))
	}
}
