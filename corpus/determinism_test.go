package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// TestByteIdentical builds the same inputs twice — written to disk in
// opposite orders, with 1 worker and with 4 — and compares every output
// byte for byte. The input is large enough for several Parquet write
// batches and for the workers to finish out of order.
func TestByteIdentical(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 150 files twice")
	}
	seedFiles, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	contents := map[string][]byte{}
	for i := range 30 {
		for _, s := range seedFiles {
			raw, err := os.ReadFile(s)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("batch%02d/%s", i, filepath.Base(s))
			names = append(names, name)
			contents[name] = raw
		}
	}
	build := func(order []string, workers int) string {
		input, out := t.TempDir(), t.TempDir()
		for _, name := range order {
			write(t, filepath.Join(input, name), contents[name])
		}
		if _, err := Build(context.Background(), Options{Input: input, Output: out, Version: "v1.0.0", Workers: workers}); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(out, "v1.0.0")
	}
	reversed := make([]string, len(names))
	for i, n := range names {
		reversed[len(names)-1-i] = n
	}
	a, b := build(names, 1), build(reversed, 4)
	for _, f := range []string{release.JSONLFile, release.ParquetFile, release.ManifestFile} {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between the two builds (%d and %d bytes)", f, len(x), len(y))
		}
	}
	if problems := release.Validate(a); problems != nil {
		t.Errorf("the release is not valid: %v", problems)
	}
}

// TestSameStem: inputs that differ only by extension keep distinct ids.
func TestSameStem(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte("Shusha news\n\nShusha reopened its museums on Monday.\n"))
	write(t, filepath.Join(input, "a.md"), []byte("Lachin news\n\nThe Lachin road reopened on Tuesday.\n"))
	write(t, filepath.Join(input, "a-1.txt"), []byte("Goris news\n\nGoris opened two shelters.\n"))
	_, records := buildDir(t, input)
	var ids []string
	for _, r := range records {
		ids = append(ids, r.ID)
	}
	if fmt.Sprint(ids) != "[a-1#1 a.md#1 a.txt#1]" {
		t.Errorf("ids = %v", ids)
	}
}
