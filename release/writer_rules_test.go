package release

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// jsonlBytes is the size of r's line in the JSONL.
func jsonlBytes(r schema.Record) int64 { return int64(len(r.AppendJSON(nil))) + 1 }

// parquetRecords lists the records of each Parquet file of m, in order.
func parquetRecords(m Manifest) []int {
	var counts []int
	for _, o := range m.Outputs {
		if strings.HasSuffix(o.Path, ".parquet") {
			counts = append(counts, o.Records)
		}
	}
	return counts
}

// TestCompressorStream: the compressor's gzip stream holds exactly what was
// written, whatever the sizes of the writes against its chunks: none, a
// byte, one short of a chunk, a chunk exactly, several at once.
func TestCompressorStream(t *testing.T) {
	sizes := []int{0, 1, gzipChunk - 1, gzipChunk, 1, 3*gzipChunk + 5, 0}
	var data []byte
	for i := 0; len(data) < 6*gzipChunk; i++ {
		data = fmt.Appendf(data, "%d Karabakh %x\n", i, i*i)
	}
	var stream bytes.Buffer
	c := newCompressor(&stream)
	done := make(chan error, 1)
	go func() {
		off := 0
		for _, n := range sizes {
			if k, err := c.Write(data[off : off+n]); k != n || err != nil {
				done <- fmt.Errorf("Write of %d bytes = %d, %v", n, k, err)
				return
			}
			off += n
		}
		data = data[:off]
		done <- c.Close()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		// Every test after would hang in a Write that never returns: stop
		// here, with the goroutines' stacks.
		panic("the compressor's Write or Close has not returned in 10 s")
	}
	z, err := gzip.NewReader(&stream)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("the stream holds %d bytes, not the %d written", len(got), len(data))
	}
}

// TestShardSizeBoundaries: a shard holds as many records as fit in the
// shard size, a shard exactly full included, and a record larger than the
// size alone is a shard of its own, with no empty shard before it.
func TestShardSizeBoundaries(t *testing.T) {
	records := smallRecords()
	n0, n1, n2 := jsonlBytes(records[0]), jsonlBytes(records[1]), jsonlBytes(records[2])
	if n2 >= n0 {
		t.Fatalf("record 3 (%d bytes) is not smaller than record 1 (%d): the cases need other records", n2, n0)
	}
	for _, tc := range []struct {
		name      string
		shardSize int64
		want      []int
	}{
		{"every record larger than the size", 1, []int{1, 1, 1}},
		{"the first two exactly fill a shard", n0 + n1, []int{2, 1}},
		{"the first two one byte too many", n0 + n1 - 1, []int{1, 2}},
		{"all fit", 1 << 20, []int{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := writeRecords(t, t.TempDir(), "v1.0.0", Options{ShardSize: tc.shardSize}, records, nil)
			if diff := cmp.Diff(tc.want, parquetRecords(m)); diff != "" {
				t.Errorf("records by shard (-want +got):\n%s", diff)
			}
		})
	}
}

// paddedRecord is a record whose JSONL line is exactly size bytes.
func paddedRecord(id string, size int64) schema.Record {
	r := smallRecords()[1]
	r.ID, r.DuplicateOf = id, nil
	r.Body = strings.Repeat("Karabakh ", int(size)/9+1)
	r.WordCount = 0
	r.Body = r.Body[:int64(len(r.Body))-(jsonlBytes(r)-size)]
	return r
}

// rowGroups lists the rows of each row group of the release's Parquet file.
func rowGroups(t *testing.T, path string) []int64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	var rows []int64
	for _, rg := range pf.Metadata().RowGroups {
		rows = append(rows, rg.NumRows)
	}
	return rows
}

// TestRowGroupBytes: a row group ends once it holds bytesPerGroup of
// records — exactly that much too, so that it never grows past it by the
// next batch — and not before: small records share one row group. A
// record of bytesPerBatch is a batch of its own.
func TestRowGroupBytes(t *testing.T) {
	small := make([]schema.Record, rowsPerBatch+44) // more than one batch
	for i := range small {
		small[i] = smallRecords()[0]
		small[i].ID = fmt.Sprintf("digest#%d", i+1)
	}
	// 24 MiB, then exactly a batch's 8 MiB: the row group is exactly full
	// after the second record, so the third starts the next.
	large := []schema.Record{
		paddedRecord("a#1", bytesPerGroup-bytesPerBatch),
		paddedRecord("a#2", bytesPerBatch),
		paddedRecord("a#3", 1000),
	}
	if got := jsonlBytes(large[0]) + jsonlBytes(large[1]); got != bytesPerGroup {
		t.Fatalf("the records are %d bytes, want %d", got, bytesPerGroup)
	}
	for _, tc := range []struct {
		name    string
		records []schema.Record
		want    []int64
	}{
		{"small records", small, []int64{int64(len(small))}},
		{"a row group exactly full", large, []int64{2, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			writeRecords(t, out, "v1.0.0", Options{}, tc.records, nil)
			if diff := cmp.Diff(tc.want, rowGroups(t, filepath.Join(out, "v1.0.0", ParquetFile))); diff != "" {
				t.Errorf("rows by row group (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSumsSorted: SHA256SUMS lists the files by name, as `sha256sum *`
// would.
func TestSumsSorted(t *testing.T) {
	f, err := os.Open(filepath.Join(smallRelease(t), SumsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	for scanner := bufio.NewScanner(f); scanner.Scan(); {
		names = append(names, scanner.Text()[66:])
	}
	if len(names) < 8 || !slices.IsSorted(names) {
		t.Errorf("SHA256SUMS lists %q, want every file sorted by name", names)
	}
}

// TestRebuildDev: publishing dev again replaces it, and leaves nothing of
// the release it replaced beside it.
func TestRebuildDev(t *testing.T) {
	out := t.TempDir()
	records := smallRecords()
	writeRecords(t, out, Dev, Options{}, records[:1], nil)
	writeRecords(t, out, Dev, Options{}, records, nil)
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{LockFile, Dev}, names); diff != "" {
		t.Errorf("output folder (-want +got):\n%s", diff)
	}
	raw, err := os.ReadFile(filepath.Join(out, Dev, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if m.Records != len(records) {
		t.Errorf("the rebuilt dev holds %d records, want %d", m.Records, len(records))
	}
	if problems := Validate(filepath.Join(out, Dev)); problems != nil {
		t.Error(problems)
	}
}

// TestPublishSyncFails: a file or folder that cannot be synced fails the
// build, whichever it is — a data file, a document, the release folder, or
// the output folder after the rename — and the error says why.
func TestPublishSyncFails(t *testing.T) {
	errSync := errors.New("injected sync failure")
	for _, tc := range []struct {
		name     string
		fails    func(path, out string) bool
		released bool // whether the release is in place all the same
	}{
		{"a data file", func(path, _ string) bool { return filepath.Base(path) == "part-00000.parquet" }, false},
		{"the plain JSONL", func(path, _ string) bool { return filepath.Base(path) == JSONLFile }, false},
		{"a document", func(path, _ string) bool { return filepath.Base(path) == ManifestFile }, false},
		{"the release folder", func(path, out string) bool { return filepath.Dir(path) == out && path != out }, false},
		{"the output folder", func(path, out string) bool { return path == out }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			syncFile = func(f *os.File) error {
				if tc.fails(f.Name(), out) {
					return errSync
				}
				return f.Sync()
			}
			defer func() { syncFile = (*os.File).Sync }()
			m := Manifest{Dataset: "small", Version: "v1.0.0", SchemaVersion: schema.Version, Counts: NewCounts()}
			w, err := Create(out, m, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range smallRecords() {
				m.Counts.Add(r)
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := w.Publish(m); !errors.Is(err, errSync) {
				t.Errorf("Publish = %v, want %v", err, errSync)
			}
			if _, err := os.Stat(filepath.Join(out, "v1.0.0", ManifestFile)); (err == nil) != tc.released {
				t.Errorf("release in place: %v, want %v", err == nil, tc.released)
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.Contains(e.Name(), tempMark) {
					t.Errorf("%s left behind", e.Name())
				}
			}
		})
	}
}

// compressors counts the goroutines of gzip compressors running.
func compressors() int {
	buf := make([]byte, 1<<20)
	return strings.Count(string(buf[:runtime.Stack(buf, true)]), "release.newCompressor.func")
}

// openUnder lists the files the process holds open under dir.
func openUnder(t *testing.T, dir string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd:", err)
	}
	var open []string
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(target, dir) {
			open = append(open, target)
		}
	}
	return open
}

// TestAbortReleases: a build aborted midway, as after a failed input,
// leaves no compressor running and no file open, so a long-running caller
// does not leak one of each per build.
func TestAbortReleases(t *testing.T) {
	out := t.TempDir()
	before := compressors()
	w, err := Create(out, Manifest{Version: Dev, SchemaVersion: schema.Version}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range smallRecords() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	w.Abort()
	// The compressor's goroutine ends just after Close has its result.
	for deadline := time.Now().Add(2 * time.Second); compressors() > before && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if n := compressors(); n > before {
		t.Errorf("%d compressors still running after Abort, %d before", n, before)
	}
	if open := openUnder(t, out); open != nil {
		t.Errorf("files still open after Abort: %q", open)
	}
	if _, err := os.Stat(w.tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary folder is still there: %v", err)
	}
}

// TestParquetBatches: records reach the Parquet writer rowsPerBatch at a
// time, and the writer ends a page only between the rows it is handed at
// once (in chunks of 64 of them), so a column's pages break where the
// batches put them. The pages, and so the file's bytes, depend on the
// batches: 300 records of 10 kB bodies fill a 2 MiB page of body in some
// 210 rows, but the page runs on to the end of the first batch.
func TestParquetBatches(t *testing.T) {
	records := make([]schema.Record, rowsPerBatch+44)
	for i := range records {
		records[i] = paddedRecord(fmt.Sprintf("a#%d", i+1), 10_000)
	}
	out := t.TempDir()
	writeRecords(t, out, "v1.0.0", Options{}, records, nil)
	f, err := os.Open(filepath.Join(out, "v1.0.0", ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	body, ok := pf.Schema().Lookup("body")
	if !ok || len(pf.RowGroups()) != 1 {
		t.Fatalf("body column: %v; %d row groups, want 1", ok, len(pf.RowGroups()))
	}
	index, err := pf.RowGroups()[0].ColumnChunks()[body.ColumnIndex].OffsetIndex()
	if err != nil {
		t.Fatal(err)
	}
	var firstRows []int64
	for i := range index.NumPages() {
		firstRows = append(firstRows, index.FirstRowIndex(i))
	}
	if diff := cmp.Diff([]int64{0, rowsPerBatch}, firstRows); diff != "" {
		t.Errorf("first rows of the body's pages (-want +got):\n%s", diff)
	}
}

// TestStaleCannotRestore: a release moved aside by a stopped build that can
// be neither put back nor removed (here immutable, chattr +i) fails the
// next build, naming it, instead of being left there unsaid.
func TestStaleCannotRestore(t *testing.T) {
	out := t.TempDir()
	aside := filepath.Join(out, ".v2.0.0.tmp-7.old")
	if err := os.MkdirAll(aside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(aside, ManifestFile), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("chattr", "+i", aside).CombinedOutput(); err != nil {
		t.Skipf("cannot make a folder immutable here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", aside).Run() }) // before TempDir's removal
	if err := os.Rename(aside, aside+"-moved"); err == nil {
		t.Skip("an immutable folder can be renamed here")
	}
	w, err := Create(out, Manifest{Version: "v1.0.0", SchemaVersion: schema.Version}, false)
	if err == nil {
		w.Abort()
	}
	if err == nil || !strings.Contains(err.Error(), "removing what a stopped build left") || !strings.Contains(err.Error(), aside) {
		t.Errorf("Create = %v, want it to fail on %s", err, aside)
	}
	if _, err := os.Stat(filepath.Join(out, "v2.0.0")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("v2.0.0 appeared: %v", err)
	}
}
