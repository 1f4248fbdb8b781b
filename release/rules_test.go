package release_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// TestValidateAgainstManifest: validate's checks README lists that
// TestValidate leaves out: the gzip file holds exactly the plain JSONL's
// bytes, the Parquet footer names the manifest's dataset and version, and
// the manifest's counts are the records'.
func TestValidateAgainstManifest(t *testing.T) {
	fresh := buildRelease(t)
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   string
	}{
		{"a gzip of other records, sums fixed", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			var b bytes.Buffer
			w := gzip.NewWriter(&b)
			if _, err := w.Write(bytes.Join(lines[1:], nil)); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			rewrite(t, dir, release.JSONLFile+".gz", b.Bytes(), true)
		}, "corpus.jsonl.gz: decompresses to sha256"},
		{"another dataset in the manifest", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Dataset = "other-corpus" })
		}, `corpus.parquet: footer dataset is "karabakh-news-corpus", the manifest says "other-corpus"`},
		{"another version in the manifest", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Version = "v9.9.9" })
		}, `corpus.parquet: footer dataset_version is "v1.0.0", the manifest says "v9.9.9"`},
		{"a language count off by one", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Counts.Language["en"]++ })
		}, "manifest.json: counts by layout, outlet and language do not match the records"},
		{"a month count off by one", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Counts.Month["2023-10"]-- })
		}, "manifest.json: counts by layout, outlet and language do not match the records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyRelease(t, fresh)
			tc.tamper(t, dir)
			problems := fmt.Sprint(release.Validate(dir))
			if !strings.Contains(problems, tc.want) {
				t.Errorf("Validate found %s\nwant a problem containing %q", problems, tc.want)
			}
		})
	}
}

// TestCardSourceRows: the card lists 300 source files one a row, and past
// that gives their count and the checksum of their list instead.
func TestCardSourceRows(t *testing.T) {
	for _, n := range []int{300, 301} {
		var m release.Manifest
		for i := range n {
			m.Inputs = append(m.Inputs, release.Input{Path: fmt.Sprintf("capture-%03d.txt", i), SHA256: fmt.Sprintf("%064x", i), Records: 0})
		}
		card, err := os.ReadFile(filepath.Join(writeRelease(t, m, nil), release.CardFile))
		if err != nil {
			t.Fatal(err)
		}
		listed := strings.Contains(string(card), "| `capture-299.txt` |")
		counted := strings.Contains(string(card), fmt.Sprintf("%d source files (0 skipped), too many to list here", n))
		if listed != (n <= 300) || counted != (n > 300) {
			t.Errorf("%d sources: listed one a row %v, counted %v", n, listed, counted)
		}
	}
}

// TestNoPublishedDate: with no release date known, croissant.json has no
// datePublished and the card's citation no year.
func TestNoPublishedDate(t *testing.T) {
	records, _ := seedRecords(t)
	dir := writeRelease(t, release.Manifest{}, records)
	raw, err := os.ReadFile(filepath.Join(dir, release.CroissantFile))
	if err != nil {
		t.Fatal(err)
	}
	if date, ok := mustMap(t, raw)["datePublished"]; ok {
		t.Errorf("datePublished %v with no date known", date)
	}
	card, err := os.ReadFile(filepath.Join(dir, release.CardFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(card), "year      =") {
		t.Error("the card's citation gives a year with no date known")
	}
}
