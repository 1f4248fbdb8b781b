package release_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
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
	b, err := json.MarshalIndent(m, "", "  ")
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, release.ManifestFile), b, 0o644))
}

// must fails the test on an error of a step that breaks a release: a step
// that failed unseen would leave the release as it was, and its test
// would check nothing.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// replaceOnce replaces the first old in data by new; data without old
// fails the test.
func replaceOnce(t testing.TB, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("no %q to replace", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// readFile reads a file of the release dir.
func readFile(t testing.TB, dir, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, name))
	must(t, err)
	return raw
}

func jsonlLines(t *testing.T, dir string) [][]byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, release.JSONLFile))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(raw, []byte("\n"))
}

// copyRelease copies the files of a release into a fresh folder.
func copyRelease(t testing.TB, dir string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := os.CopyFS(to, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return to
}

// editManifest rewrites the manifest of dir through edit, and the manifest
// line of SHA256SUMS, so that only the deeper checks can catch the change.
func editManifest(t testing.TB, dir string, edit func(m *release.Manifest)) {
	t.Helper()
	m := readManifest(t, dir)
	edit(&m)
	b, err := json.MarshalIndent(m, "", "  ")
	must(t, err)
	b = append(b, '\n')
	must(t, os.WriteFile(filepath.Join(dir, release.ManifestFile), b, 0o644))
	sums := readFile(t, dir, release.SumsFile)
	var lines []string
	for _, line := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		if strings.HasSuffix(line, "  "+release.ManifestFile) {
			line = fmt.Sprintf("%x  %s", sha256.Sum256(b), release.ManifestFile)
		}
		lines = append(lines, line)
	}
	must(t, os.WriteFile(filepath.Join(dir, release.SumsFile), []byte(strings.Join(lines, "\n")+"\n"), 0o644))
}

// editLine rewrites line i of the JSONL, decoded as a map, sums fixed.
func editLine(t *testing.T, dir string, i int, edit func(r map[string]any)) {
	t.Helper()
	lines := jsonlLines(t, dir)
	var r map[string]any
	if err := json.Unmarshal(lines[i], &r); err != nil {
		t.Fatal(err)
	}
	edit(r)
	b, err := json.Marshal(r)
	must(t, err)
	lines[i] = append(b, '\n')
	rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
}

func TestValidate(t *testing.T) {
	fresh := buildRelease(t)
	if problems := release.Validate(fresh); problems != nil {
		t.Fatalf("a fresh release: %v", problems)
	}
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   string
	}{
		{"a changed byte", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0] = replaceOnce(t, lines[0], "Khankendi", "Khankandi")
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), false)
		}, "corpus.jsonl: sha256"},
		{"a changed title, sums fixed", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[0] = replaceOnce(t, lines[0], `"title":"What happened in Khankendi?"`, `"title":"What happened?"`)
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
			lines[0] = replaceOnce(t, lines[0], `"surface":"Khankendi"`, `"surface":"Stepanakert"`)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, `mention 21 surface "Stepanakert" but body holds "Khankendi"`},
		{"an empty body", func(t *testing.T, dir string) {
			editLine(t, dir, 27, func(r map[string]any) { r["body"], r["mentions"], r["word_count"] = "", []any{}, 0 })
		}, "corpus.jsonl:28: 004_bd06fe2ebdc20f88#16: body is empty"},
		{"a missing record", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines[:27], nil), true)
		}, "corpus.parquet has 28 rows, corpus.jsonl 27 lines"},
		{"an unknown field", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[3] = replaceOnce(t, lines[3], `{"id"`, `{"extra":1,"id"`)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, `corpus.jsonl:4: json: unknown field "extra"`},
		{"a truncated Parquet file", func(t *testing.T, dir string) {
			raw := readFile(t, dir, release.ParquetFile)
			rewrite(t, dir, release.ParquetFile, raw[:len(raw)/2], true)
		}, "corpus.parquet: not a readable Parquet file"},
		{"a deleted Parquet file", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, release.ParquetFile)))
		}, "corpus.parquet: missing"},
		{"a wrong record count", func(t *testing.T, dir string) {
			raw := readFile(t, dir, release.ManifestFile)
			raw = replaceOnce(t, raw, `"records": 28,`, `"records": 29,`)
			must(t, os.WriteFile(filepath.Join(dir, release.ManifestFile), raw, 0o644))
		}, "corpus.jsonl: 28 records, the manifest says 29"},
		{"no manifest", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, release.ManifestFile)))
		}, "manifest.json: file does not exist in the release"},
		{"an output outside the release", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) {
				m.Outputs = append(m.Outputs, release.Output{Path: "../../../../etc/passwd"})
			})
		}, `manifest.json: output "../../../../etc/passwd" is not a path inside the release folder`},
		{"a symbolic link to a copy outside", func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "schema.json")
			must(t, os.Rename(filepath.Join(dir, release.SchemaFile), outside))
			must(t, os.Symlink(outside, filepath.Join(dir, release.SchemaFile)))
		}, "corpus.schema.json: a symbolic link: a release holds only regular files"},
		{"a symbolic link to /dev/zero", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, release.JSONLFile)))
			must(t, os.Symlink("/dev/zero", filepath.Join(dir, release.JSONLFile)))
		}, "corpus.jsonl: a symbolic link: a release holds only regular files"},
		{"a named pipe", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, release.CroissantFile)))
			if err := syscall.Mkfifo(filepath.Join(dir, release.CroissantFile), 0o644); err != nil {
				t.Skip(err)
			}
		}, "croissant.json: a named pipe: a release holds only regular files"},
		{"a file the manifest does not list", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hello\n"), 0o644))
		}, "notes.txt: not listed among the manifest's outputs"},
		{"SHA256SUMS listing only the manifest", func(t *testing.T, dir string) {
			raw := readFile(t, dir, release.ManifestFile)
			must(t, os.WriteFile(filepath.Join(dir, release.SumsFile), fmt.Appendf(nil, "%x  %s\n", sha256.Sum256(raw), release.ManifestFile), 0o644))
		}, "SHA256SUMS: does not list corpus.jsonl"},
		{"SHA256SUMS naming a file outside", func(t *testing.T, dir string) {
			sums := readFile(t, dir, release.SumsFile)
			must(t, os.WriteFile(filepath.Join(dir, release.SumsFile), fmt.Appendf(sums, "%064d  ../../etc/passwd\n", 0), 0o644))
		}, `SHA256SUMS:9: "../../etc/passwd" is not another file of the release`},
		{"a record whose source is not an input", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Inputs = m.Inputs[1:] })
		}, "corpus.jsonl:1: 000_01f3686a22a4f32d#1: source 000_01f3686a22a4f32d.txt is not among the manifest's inputs"},
		{"an input with the wrong record count", func(t *testing.T, dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.Inputs[1].Records = 9 })
		}, "manifest.json: input 001_5e29adcfeed8e22f.txt gave 10 records, the manifest says 9"},
		{"a wrong checksum in croissant.json", func(t *testing.T, dir string) {
			sum := readManifest(t, dir).Outputs[0].SHA256
			rewrite(t, dir, release.CroissantFile, replaceOnce(t, readFile(t, dir, release.CroissantFile), sum, strings.Repeat("0", 64)), true)
		}, `croissant.json: distribution corpus.jsonl: sha256 "0000000000000000000000000000000000000000000000000000000000000000", the file has`},
		{"a wrong checksum in the card", func(t *testing.T, dir string) {
			sum := outputSum(t, dir, release.ParquetFile)
			rewrite(t, dir, release.CardFile, replaceOnce(t, readFile(t, dir, release.CardFile), sum, strings.Repeat("0", 64)), true)
		}, "corpus.parquet: sha256 0000000000000000000000000000000000000000000000000000000000000000, not"},
		{"a wrong checksum of a source in the card", func(t *testing.T, dir string) {
			sum := readManifest(t, dir).Inputs[2].SHA256
			rewrite(t, dir, release.CardFile, replaceOnce(t, readFile(t, dir, release.CardFile), sum, strings.Repeat("1", 64)), true)
		}, "002_81f596a311052818.txt: sha256 1111111111111111111111111111111111111111111111111111111111111111, not"},
		{"a line with other spacing", func(t *testing.T, dir string) {
			lines := jsonlLines(t, dir)
			lines[2] = replaceOnce(t, lines[2], `,"layout":`, `, "layout":`)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), true)
		}, "corpus.jsonl:3: not the builder's JSON of its record"},
		{"a missing field", func(t *testing.T, dir string) {
			editLine(t, dir, 4, func(r map[string]any) { delete(r, "duplicate_of") })
		}, "corpus.jsonl:5: field duplicate_of is missing"},
		{"a control character", func(t *testing.T, dir string) {
			editLine(t, dir, 0, func(r map[string]any) { r["title"] = "What\x00 happened" })
		}, "corpus.jsonl:1: 000_01f3686a22a4f32d#1: title holds control character U+0000"},
		{"a last line without its newline", func(t *testing.T, dir string) {
			raw := readFile(t, dir, release.JSONLFile)
			rewrite(t, dir, release.JSONLFile, bytes.TrimSuffix(raw, []byte("\n")), true)
		}, "corpus.jsonl:28: the last line does not end with a newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyRelease(t, fresh)
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

// TestValidateOrder checks that the same release gives the same problems,
// in the same order, every time.
func TestValidateOrder(t *testing.T) {
	dir := buildRelease(t)
	editManifest(t, dir, func(m *release.Manifest) { m.Dataset, m.Version = "other", "v9.9.9" })
	rewrite(t, dir, "extra-b.txt", []byte("b"), false)
	rewrite(t, dir, "extra-a.txt", []byte("a"), false)
	first := fmt.Sprint(release.Validate(dir))
	for range 20 {
		if again := fmt.Sprint(release.Validate(dir)); again != first {
			t.Fatalf("problems differ between runs:\n%s\n%s", first, again)
		}
	}
}

// TestValidateCorruptedParquet changes one byte of the seeds' Parquet file
// at a spread of offsets: Validate reports a problem of the file each time
// and never panics, as parquet-go does when read past an error.
func TestValidateCorruptedParquet(t *testing.T) {
	fresh := buildRelease(t)
	original, err := os.ReadFile(filepath.Join(fresh, release.ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	dir := copyRelease(t, fresh)
	for offset := 4; offset < len(original)-8; offset += len(original) / 97 {
		data := bytes.Clone(original)
		data[offset] ^= 0x5a
		rewrite(t, dir, release.ParquetFile, data, true)
		problems := fmt.Sprint(release.Validate(dir))
		if !strings.Contains(problems, "corpus.parquet") {
			t.Errorf("byte %d changed: %s", offset, problems)
		}
	}
}

// outputSum is the sha256 the manifest gives the release's file name.
func outputSum(t *testing.T, dir, name string) string {
	t.Helper()
	for _, o := range readManifest(t, dir).Outputs {
		if o.Path == name {
			return o.SHA256
		}
	}
	t.Fatalf("the manifest lists no %s", name)
	return ""
}
