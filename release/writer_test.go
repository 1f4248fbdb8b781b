package release_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// BenchmarkWrite streams the seeds' records into a release: JSONL encoding,
// Parquet with zstd, checksums, publishing.
func BenchmarkWrite(b *testing.B) {
	f, err := os.Open(filepath.Join(buildRelease(b), release.JSONLFile))
	if err != nil {
		b.Fatal(err)
	}
	var records []schema.Record
	var size int64
	scanner := bufio.NewScanner(f)
	scanner.Buffer(nil, 16<<20)
	for scanner.Scan() {
		var r schema.Record
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		records = append(records, r)
		size += int64(len(scanner.Bytes()))
	}
	f.Close()
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
