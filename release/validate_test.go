package release_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/corpus"
	"github.com/nkcorpus/builder/internal/arrowcheck"
	"github.com/nkcorpus/builder/release"
)

// buildRelease builds the seeds into a fresh folder and returns the
// release, which Apache Arrow's reader must read as the JSONL says.
func buildRelease(t testing.TB) string {
	t.Helper()
	out := t.TempDir()
	if _, err := corpus.Build(context.Background(), corpus.Options{Input: "../seeds", Output: out, Version: "v1.0.0", Workers: 2}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, "v1.0.0")
	if err := arrowcheck.Release(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// rewrite replaces a release file and, when fixSums, its manifest entry, so
// that only the deeper checks can catch the change.
func rewrite(t testing.TB, dir, name string, data []byte, fixSums bool) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if !fixSums {
		return
	}
	m := readManifest(t, dir)
	sum := sha256.Sum256(data)
	for i := range m.Outputs {
		if m.Outputs[i].Path == name {
			m.Outputs[i].SHA256, m.Outputs[i].Bytes = hex.EncodeToString(sum[:]), int64(len(data))
		}
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, release.ManifestFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func jsonlLines(t *testing.T, dir string) [][]byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, release.JSONLFile))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(raw, []byte("\n"))
}

func TestValidate(t *testing.T) {
	if problems := release.Validate(buildRelease(t)); problems != nil {
		t.Fatalf("a fresh release: %v", problems)
	}
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   string
	}{
		{"a changed byte", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0] = bytes.Replace(lines[0], []byte("Khankendi"), []byte("Khankandi"), 1)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), false)
		}, "corpus.jsonl: sha256"},
		{"a changed title, sums fixed", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0] = bytes.Replace(lines[0], []byte(`"title":"What happened in Khankendi?"`), []byte(`"title":"What happened?"`), 1)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, "corpus.parquet: row 1 (000_01f3686a22a4f32d#1) differs from corpus.jsonl line 1"},
		{"a duplicated record", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines = append(lines[:2], lines[1:]...)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, "corpus.jsonl:3: id 001_5e29adcfeed8e22f#1 appears twice"},
		{"records out of order", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0], lines[1] = lines[1], lines[0]
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, "records are not in id order"},
		{"a mention off its surface", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0] = bytes.Replace(lines[0], []byte(`"surface":"Khankendi"`), []byte(`"surface":"Stepanakert"`), 1)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, `mention 19 surface "Stepanakert" but body holds "Khankendi"`},
		{"an empty body", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			var r map[string]any
			json.Unmarshal(lines[28], &r)
			r["body"], r["mentions"], r["word_count"] = "", []any{}, 0
			b, _ := json.Marshal(r)
			lines[28] = append(b, '\n')
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, "corpus.jsonl:29: 004_bd06fe2ebdc20f88#16: body is empty"},
		{"a missing record", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines[:28], nil), true)
		}, "corpus.parquet has 29 rows, corpus.jsonl 28 lines"},
		{"an unknown field", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[3] = bytes.Replace(lines[3], []byte(`{"id"`), []byte(`{"extra":1,"id"`), 1)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, `corpus.jsonl:4: json: unknown field "extra"`},
		{"a truncated Parquet file", func(t *testing.T, dir string) {
			raw, _ := os.ReadFile(filepath.Join(dir, release.ParquetFile))
			rewrite(t, dir, release.ParquetFile, raw[:len(raw)/2], true)
		}, "corpus.parquet: not a readable Parquet file"},
		{"a deleted Parquet file", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, release.ParquetFile))
		}, "corpus.parquet: open"},
		{"a wrong record count", func(t *testing.T, dir string) {
			raw, _ := os.ReadFile(filepath.Join(dir, release.ManifestFile))
			raw = bytes.Replace(raw, []byte(`"records": 29,`), []byte(`"records": 30,`), 1)
			os.WriteFile(filepath.Join(dir, release.ManifestFile), raw, 0o644)
		}, "corpus.jsonl: 29 records, the manifest says 30"},
		{"no manifest", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, release.ManifestFile))
		}, "manifest.json: open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := buildRelease(t)
			tt.tamper(t, dir)
			problems := release.Validate(dir)
			var all []string
			for _, p := range problems {
				all = append(all, p.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("Validate found:\n%s\nwant a problem containing %s", strings.Join(all, "\n"), strconv.Quote(tt.want))
			}
		})
	}
}
