package release

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nkcorpus/builder/capture"
	"github.com/nkcorpus/builder/schema"
)

// TestCardFilesRecords: the card's file table gives a record count for the
// data files, zero included, and none for the other files.
func TestCardFilesRecords(t *testing.T) {
	m := Manifest{Outputs: []Output{
		{Path: JSONLFile, Bytes: 1, Records: 0, SHA256: "a"},
		{Path: shardName(0, 2, ".jsonl.gz"), Bytes: 2, Records: 3, SHA256: "b"},
		{Path: shardName(1, 2, ".parquet"), Bytes: 3, Records: 0, SHA256: "c"},
		{Path: ManifestFile, Bytes: 4, SHA256: "d"},
		{Path: "LICENSE", Bytes: 5, SHA256: "e"},
	}}
	var b bytes.Buffer
	cardFiles(&b, m)
	for _, want := range []string{
		"| `corpus.jsonl` | 1 | 0 | `a` |\n",
		"| `corpus-00000-of-00002.jsonl.gz` | 2 | 3 | `b` |\n",
		"| `corpus-00001-of-00002.parquet` | 3 | 0 | `c` |\n",
		"| `manifest.json` | 4 |  | `d` |\n",
		"| `LICENSE` | 5 |  | `e` |\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the file table has no row %q:\n%s", want, b.String())
		}
	}
}

// TestCardLoadingJSONL: the card streams corpus.jsonl where the release has
// it, and the shards where it has only those.
func TestCardLoadingJSONL(t *testing.T) {
	for _, tt := range []struct {
		outputs []string
		want    string
	}{
		{[]string{JSONLFile, JSONLGzFile, ParquetFile}, "stream `corpus.jsonl`"},
		{[]string{JSONLFile}, "stream `corpus.jsonl`"},
		{[]string{shardName(0, 2, ".jsonl.gz"), shardName(1, 2, ".jsonl.gz"), ManifestFile}, "stream `corpus-*.jsonl.gz`"},
	} {
		var m Manifest
		for _, p := range tt.outputs {
			m.Outputs = append(m.Outputs, Output{Path: p})
		}
		var b bytes.Buffer
		cardLoading(&b, m)
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("outputs %v: the card does not say %q", tt.outputs, tt.want)
		}
	}
}

// TestCodeCellSpace: a space is part of a file name, written as it is; only
// control characters become %XX.
func TestCodeCellSpace(t *testing.T) {
	if got, want := codeCell("a b\x1fc"), "`a b%1Fc`"; got != want {
		t.Errorf("codeCell = %q, want %q", got, want)
	}
}

// TestCitationYear: the citation's year is the release date's first four
// characters, a date given as the year alone included.
func TestCitationYear(t *testing.T) {
	for published, want := range map[string]string{"2025-06-01": "year      = {2025},", "2024": "year      = {2024},"} {
		m := Manifest{Dataset: "d", Version: "1.0.0", About: About{Published: published}}
		if got := citation(m); !strings.Contains(got, want) {
			t.Errorf("published %q: citation %q has no %q", published, got, want)
		}
	}
	if got := citation(Manifest{Dataset: "d", Version: "1.0.0"}); strings.Contains(got, "year") {
		t.Errorf("no release date: citation %q has a year", got)
	}
}

// TestCroissantFileSet: one Parquet file is the records' source itself;
// shards are a FileSet of as many files, and the JSONL is never among them.
func TestCroissantFileSet(t *testing.T) {
	for _, tt := range []struct {
		name    string
		outputs []string
		source  string
		fileSet string
	}{
		{"one file", []string{JSONLFile, JSONLGzFile, ParquetFile, ManifestFile}, `{"fileObject":{"@id":"corpus.parquet"}}`, ""},
		{"shards", []string{JSONLFile, shardName(0, 2, ".jsonl.gz"), shardName(1, 2, ".jsonl.gz"), shardName(0, 2, ".parquet"), shardName(1, 2, ".parquet")},
			`{"fileSet":{"@id":"parquet-shards"}}`, "The 2 Parquet shards, in id order."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := Manifest{Dataset: "d", Version: "1.0.0", Counts: NewCounts()}
			for _, p := range tt.outputs {
				m.Outputs = append(m.Outputs, Output{Path: p})
			}
			raw, err := croissant(m)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Distribution []struct {
					Type        string `json:"@type"`
					Description string `json:"description"`
				}
				RecordSet []struct {
					Field []struct {
						Source json.RawMessage `json:"source"`
					} `json:"field"`
				} `json:"recordSet"`
			}
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			fileSet := ""
			for _, d := range doc.Distribution {
				if d.Type == "cr:FileSet" {
					fileSet = d.Description
				}
			}
			if fileSet != tt.fileSet {
				t.Errorf("file set %q, want %q", fileSet, tt.fileSet)
			}
			var source map[string]any
			if err := json.Unmarshal(doc.RecordSet[0].Field[0].Source, &source); err != nil {
				t.Fatal(err)
			}
			delete(source, "extract")
			var want map[string]any
			if err := json.Unmarshal([]byte(tt.source), &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, source); diff != "" {
				t.Errorf("the records' source (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCroissantParty: a person is a sc:Person, anyone else a
// sc:Organization; a URL is given only when there is one.
func TestCroissantParty(t *testing.T) {
	for _, tt := range []struct {
		party Party
		want  map[string]any
	}{
		{Party{Name: "A. Author", Type: "person"}, map[string]any{"@type": "sc:Person", "name": "A. Author"}},
		{Party{Name: "Lab", Type: "organization", URL: "https://example.org"}, map[string]any{"@type": "sc:Organization", "name": "Lab", "url": "https://example.org"}},
	} {
		if diff := cmp.Diff(tt.want, croissantParty(tt.party)); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tt.party, diff)
		}
	}
}

// TestCroissantLanguages: inLanguage lists the records' languages in order,
// without "und", which is no language.
func TestCroissantLanguages(t *testing.T) {
	m := Manifest{Counts: Counts{Language: map[string]int{"hy": 2, "und": 5, "en": 1}}}
	if diff := cmp.Diff([]string{"en", "hy"}, languages(m)); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
}

// TestProblems: every input left out is named with its file and where:
// a skipped file, an item's lines, a WARC capture by its record and byte, an
// item within a WARC capture, WARC damage, then sources.tsv's rows.
func TestProblems(t *testing.T) {
	offset := int64(512)
	m := Manifest{
		Inputs: []Input{
			{Path: "fine.txt", Records: 2},
			{Path: "empty.txt", Skipped: "no text"},
			{Path: "digest.txt", Records: 1, Dropped: []Dropped{{LineStart: 3, LineEnd: 9, Reason: "no body"}}},
			{Path: "pages.warc.gz", Records: 1, Dropped: []Dropped{
				{Position: 4, Offset: &offset, Reason: "not a news page"},
				{Position: 5, Offset: &offset, LineStart: 2, LineEnd: 7, Reason: "no body"},
			}, WARC: &capture.WARC{Damage: []capture.Damage{{Offset: 1024, Problem: "cut short"}}}},
		},
		Sources: &Sources{Ignored: []string{"sources.tsv:2: no file"}, Warnings: []string{"sources.tsv:3: bad url"}},
	}
	want := []string{
		"empty.txt: skipped: no text",
		"digest.txt:3-9: item dropped: no body",
		"pages.warc.gz: WARC record 4 at byte 512: capture dropped: not a news page",
		"pages.warc.gz: WARC record 5 at byte 512: lines 2-7: item dropped: no body",
		"pages.warc.gz: byte 1024: WARC damage: cut short",
		"sources.tsv:2: no file",
		"sources.tsv:3: bad url",
	}
	if diff := cmp.Diff(want, m.Problems()); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestCountsAdd: each record counts once under its layout, language,
// outlet and month (the year for a date known to the year).
func TestCountsAdd(t *testing.T) {
	outlet, day, year := "Outlet", schema.PrecisionDay, schema.PrecisionYear
	date := schema.Date(19631) // 2023-10-01
	c := NewCounts()
	for _, r := range []schema.Record{
		{Layout: "digest", Language: "en", Outlet: &outlet, Date: &date, DatePrecision: &day},
		{Layout: "digest", Language: "hy", Date: &date, DatePrecision: &year},
		{Layout: "tumblr", Language: "en"},
	} {
		c.Add(r)
	}
	want := Counts{
		Layout:   map[string]int{"digest": 2, "tumblr": 1},
		Language: map[string]int{"en": 2, "hy": 1},
		Outlet:   map[string]int{"Outlet": 1, Unknown: 2},
		Month:    map[string]int{"2023-10": 1, "2023": 1, Unknown: 1},
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
}
