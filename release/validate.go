package release

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// maxProblems bounds the list Validate returns; a badly broken release would
// otherwise report every record.
const maxProblems = 50

// Validate checks the release in dir: every file against the manifest's
// checksum and size, every JSONL record against the rules of DESIGN.md, ids
// unique and in order, the Parquet file holding the same records as the
// JSONL, and the manifest's counts. It returns what is wrong, nothing when
// the release is sound. It streams both files, so memory does not grow with
// the release.
func Validate(dir string) []error {
	v := &validation{}
	raw, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return []error{fmt.Errorf("%s: %w", ManifestFile, err)}
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return []error{fmt.Errorf("%s: %w", ManifestFile, err)}
	}
	for _, out := range m.Outputs {
		v.checkFile(dir, out)
	}
	v.checkSums(dir)
	d := dataFilesOf(m)
	if missing := d.missing(); missing != nil {
		for _, name := range missing {
			v.fail("%s: %s is not listed among its outputs", ManifestFile, name)
		}
		return v.problems
	}
	v.checkCompressed(dir, m, d)
	v.checkRecords(dir, m, d)
	return v.problems
}

type validation struct {
	problems []error
}

func (v *validation) fail(format string, args ...any) {
	if len(v.problems) < maxProblems {
		v.problems = append(v.problems, fmt.Errorf(format, args...))
	} else if len(v.problems) == maxProblems {
		v.problems = append(v.problems, errors.New("(and more problems)"))
	}
}

// checkFile compares a file with its manifest entry.
func (v *validation) checkFile(dir string, out Output) {
	path := filepath.Join(dir, filepath.FromSlash(out.Path))
	sum, err := fileSum(path)
	if err != nil {
		v.fail("%s: %v", out.Path, err)
		return
	}
	if info, err := os.Stat(path); err == nil && info.Size() != out.Bytes {
		v.fail("%s: %d bytes, the manifest says %d", out.Path, info.Size(), out.Bytes)
	}
	if sum != out.SHA256 {
		v.fail("%s: sha256 %s, the manifest says %s", out.Path, sum, out.SHA256)
	}
}

// fileSum hashes a file as it reads it.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checkSums verifies every line of SHA256SUMS, as sha256sum -c would.
func (v *validation) checkSums(dir string) {
	raw, err := os.ReadFile(filepath.Join(dir, SumsFile))
	if err != nil {
		v.fail("%s: %v", SumsFile, err)
		return
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		want, name, ok := strings.Cut(line, "  ")
		if !ok {
			v.fail("%s:%d: not \"SHA256  FILE\"", SumsFile, i+1)
			continue
		}
		got, err := fileSum(filepath.Join(dir, filepath.Base(name)))
		if err != nil {
			v.fail("%s:%d: %v", SumsFile, i+1, err)
			continue
		}
		if got != want {
			v.fail("%s:%d: %s has sha256 %s, not %s", SumsFile, i+1, name, got, want)
		}
	}
}

// checkRecords reads the JSONL and the Parquet files in step.
func (v *validation) checkRecords(dir string, m Manifest, d dataFiles) {
	jf, jsonl, err := openJSONL(dir, d)
	if err != nil {
		v.fail("%s: %v", jsonl, err)
		return
	}
	defer jf.Close()
	reader := &parquetChain{dir: dir, names: d.parquets, onFile: func(name string, file *parquet.File) { v.checkFooter(name, file, m) }}
	defer reader.Close()
	if err := reader.start(); err != nil {
		v.fail("%v", err)
		return
	}
	parquetName := strings.Join(d.parquets, "+")

	scanner := bufio.NewScanner(jf)
	scanner.Buffer(nil, 1<<30)
	counts := NewCounts()
	seen := map[string]bool{}
	var previous schema.Record
	row := make([]schema.Record, 1)
	line := 0
	for scanner.Scan() {
		line++
		var r schema.Record
		dec := json.NewDecoder(bytes.NewReader(scanner.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			v.fail("%s:%d: %v", jsonl, line, err)
			continue
		}
		for _, err := range schema.Check(r) {
			v.fail("%s:%d: %v", jsonl, line, err)
		}
		if seen[r.ID] {
			v.fail("%s:%d: id %s appears twice", jsonl, line, r.ID)
		}
		seen[r.ID] = true
		if line > 1 && !schema.IDBefore(previous.ID, r.ID) {
			v.fail("%s:%d: id %s comes after %s: records are not in id order", jsonl, line, r.ID, previous.ID)
		}
		previous = r
		counts.Add(r)

		row[0] = schema.Record{}
		if n, err := reader.Read(row); n != 1 {
			v.fail("%s: row %d missing (%v): it has fewer records than the JSONL", parquetName, line, err)
			continue
		}
		if !sameRecord(r, row[0]) {
			v.fail("%s: row %d (%s) differs from %s line %d", parquetName, line, row[0].ID, jsonl, line)
		}
	}
	if err := scanner.Err(); err != nil {
		v.fail("%s:%d: %v", jsonl, line+1, err)
	}
	if rows, err := reader.numRows(); err != nil {
		v.fail("%v", err)
	} else if rows != int64(line) {
		v.fail("%s has %d rows, %s %d lines", parquetName, rows, jsonl, line)
	}
	if m.Records != line {
		v.fail("%s: %d records, the manifest says %d", jsonl, line, m.Records)
	}
	if !reflect.DeepEqual(counts, m.Counts) {
		v.fail("%s: counts by layout, outlet and language do not match the records", ManifestFile)
	}
}

func (v *validation) checkFooter(name string, file *parquet.File, m Manifest) {
	meta := map[string]string{}
	for _, kv := range file.Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	for key, want := range map[string]string{"dataset": m.Dataset, "dataset_version": m.Version, "schema_version": m.SchemaVersion} {
		if meta[key] != want {
			v.fail("%s: footer %s is %q, the manifest says %q", name, key, meta[key], want)
		}
	}
}

// sameRecord compares a JSONL record with a Parquet row; Parquet does not
// tell an empty list from a missing one.
func sameRecord(j, p schema.Record) bool {
	if p.Byline == nil {
		p.Byline = []string{}
	}
	if p.Mentions == nil {
		p.Mentions = []schema.Mention{}
	}
	return reflect.DeepEqual(j, p)
}
