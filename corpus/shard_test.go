package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// shardInput is a folder of copies of the seeds, so that near-duplicates
// fall in different shards, with an empty file (skipped) and a sources.tsv.
func shardInput(t *testing.T, batches int) string {
	t.Helper()
	seedFiles, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	input := t.TempDir()
	for i := range batches {
		for _, s := range seedFiles {
			raw, err := os.ReadFile(s)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(input, fmt.Sprintf("batch%02d", i), filepath.Base(s)), raw)
		}
	}
	write(t, filepath.Join(input, "empty.txt"), nil)
	write(t, filepath.Join(input, SourcesFile), []byte("file\turl\toutlet\tretrieved\nbatch00/003_44e02db5fe0c55f4.txt\thttps://www.hetq.am/en/article/1\t\t2024-01-05\n"))
	return input
}

// releaseFiles reads every file of a release.
func releaseFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = raw
	}
	return files
}

// TestShardsByteIdentical builds the same inputs on one machine and as 1,
// 2, 3 and 7 shards merged: every file of the release is the same, byte for
// byte, near-duplicates across shards included (the window is small, so
// that it is crossed too).
func TestShardsByteIdentical(t *testing.T) {
	input := shardInput(t, 4)
	opts := Options{Input: input, Version: "v1.0.0", Workers: 2, DuplicateWindow: 20}
	single := opts
	single.Output = t.TempDir()
	if _, err := Build(context.Background(), single); err != nil {
		t.Fatal(err)
	}
	want := releaseFiles(t, filepath.Join(single.Output, "v1.0.0"))
	if !bytes.Contains(want[release.JSONLFile], []byte(`"duplicate_of":"batch00/`)) {
		t.Fatal("no record of a later batch is a duplicate of the first: the test does not cross shards")
	}
	for _, n := range []int{1, 2, 3, 7} {
		t.Run(fmt.Sprint(n, " shards"), func(t *testing.T) {
			sharded := opts
			sharded.Output = t.TempDir()
			records := 0
			for k := 1; k <= n; k++ {
				info, err := BuildShard(context.Background(), sharded, Shard{k, n})
				if err != nil {
					t.Fatal(err)
				}
				records += info.Records
			}
			if m, err := Merge(context.Background(), sharded); err != nil || m.Records != records {
				t.Fatalf("merge: %d records, %v; the parts hold %d", m.Records, err, records)
			}
			got := releaseFiles(t, filepath.Join(sharded.Output, "v1.0.0"))
			if len(got) != len(want) {
				t.Errorf("%d files, want %d", len(got), len(want))
			}
			for name, w := range want {
				if !bytes.Equal(got[name], w) {
					t.Errorf("%s differs from the one-machine build's (%d and %d bytes)", name, len(got[name]), len(w))
				}
			}
		})
	}
}

// TestPlanRanges: the runs are contiguous, cover every file once, and are
// balanced by bytes.
func TestPlanRanges(t *testing.T) {
	files := make([]inputFile, 10)
	for i := range files {
		files[i].size = 100
	}
	files[0].size = 500 // a large first file is a run of its own
	got := planRanges(files, 3)
	want := [][2]int{{0, 1}, {1, 5}, {5, 10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs %v, want %v", got, want)
	}
	if got := planRanges(files[1:3], 4); fmt.Sprint(got) != "[[0 0] [0 1] [1 1] [1 2]]" {
		t.Errorf("more shards than files: runs %v", got)
	}
	for n := 1; n <= 12; n++ {
		r := planRanges(files, n)
		if r[0][0] != 0 || r[n-1][1] != len(files) {
			t.Errorf("%d shards: runs %v do not cover the files", n, r)
		}
		for k := 1; k < n; k++ {
			if r[k][0] != r[k-1][1] {
				t.Errorf("%d shards: runs %v are not contiguous", n, r)
			}
		}
	}
}

// TestShardRefusals: a rerun of a finished shard is a no-op; a merge with
// a part missing, or with parts of other options, is refused and writes
// nothing.
func TestShardRefusals(t *testing.T) {
	input := shardInput(t, 1)
	opts := Options{Input: input, Output: t.TempDir(), Version: "v1.0.0", Workers: 2}
	if _, err := BuildShard(context.Background(), opts, Shard{1, 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := BuildShard(context.Background(), opts, Shard{1, 2}); !errors.Is(err, release.ErrPartDone) {
		t.Errorf("rerun of a finished shard: %v, want ErrPartDone", err)
	}
	if _, err := Merge(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "1 of 2 parts missing: 2-of-2") {
		t.Errorf("merge with a part missing: %v", err)
	}
	other := opts
	other.DuplicateWindow = 7
	if _, err := BuildShard(context.Background(), other, Shard{2, 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(context.Background(), opts); !errors.Is(err, release.ErrPartForeign) {
		t.Errorf("merge of parts built with other options: %v, want ErrPartForeign", err)
	}
	if _, err := os.Stat(filepath.Join(opts.Output, "v1.0.0")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused merge wrote the release (%v)", err)
	}
	if _, err := BuildShard(context.Background(), opts, Shard{3, 2}); err == nil {
		t.Error("shard 3 of 2 was built")
	}
}
