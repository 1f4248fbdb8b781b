package release

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/gzip"

	"github.com/nkcorpus/builder/schema"
)

func titled(id, title string) schema.Record {
	r := partRecord(id, "the body of "+id)
	r.Title = &title
	return r
}

// TestDiffCounts compares two releases that share four records, each with
// a new title, and differ by one removed and one added: the counts of each
// side, the changed fields, at most three examples a field, values written
// compactly and cut past 80 characters.
func TestDiffCounts(t *testing.T) {
	title80 := strings.Repeat("e", 78) // 80 characters as JSON: not cut
	title81 := strings.Repeat("f", 79) // 81: cut to 77 and an ellipsis
	var older []schema.Record
	for k := 1; k <= 5; k++ {
		older = append(older, titled(fmt.Sprintf("n#%d", k), fmt.Sprintf("old %d", k)))
	}
	newer := []schema.Record{titled("n#2", title80), titled("n#3", title81), titled("n#4", "new 4"), titled("n#5", "new 5"), titled("n#6", "new 6")}
	newer[0].Byline = []string{"A", "B"}
	oldDir, newDir := releaseOf(t, older, nil), releaseOf(t, newer, nil)
	// The byline written with spaces: the example shows it compact.
	path := filepath.Join(newDir, JSONLFile)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(`"byline":["A","B"]`)) {
		t.Fatalf("no byline to respace in %s", raw)
	}
	if err := os.WriteFile(path, bytes.Replace(raw, []byte(`"byline":["A","B"]`), []byte(`"byline": [ "A", "B" ]`), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	var out strings.Builder
	s, err := Diff(oldDir, newDir, &out)
	if err != nil {
		t.Fatal(err)
	}
	want := DiffSummary{
		Old: 5, New: 5, OldSchema: schema.Version, NewSchema: schema.Version,
		Added: []string{"n#6"}, Removed: []string{"n#1"}, Changed: 4,
		FieldChanges: map[string]int{"byline": 1, "title": 4},
		Examples: map[string][]string{
			"byline": {"`n#2`: `[]` → `[\"A\",\"B\"]`"},
			"title": {
				"`n#2`: `\"old 2\"` → `\"" + title80 + "\"`",
				"`n#3`: `\"old 3\"` → `\"" + title81[:76] + "…`",
				"`n#4`: `\"old 4\"` → `\"new 4\"`",
			},
		},
	}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Diff summary (-want +got):\n%s", diff)
	}
	for _, line := range []string{
		"| before | 5 |\n| after | 5 |\n| added | 1 |\n| removed | 1 |\n| changed | 4 |\n| unchanged | 0 |\n",
		"\n## Changed fields\n\n| field | records |\n|---|---:|\n| `byline` | 1 |\n| `title` | 4 |\n",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("Diff wrote:\n%s\nwant it to hold:\n%s", out.String(), line)
		}
	}
}

// TestDiffSame: a release compared with itself has no changed fields, and
// the summary has no section for them.
func TestDiffSame(t *testing.T) {
	dir := smallRelease(t)
	var out strings.Builder
	s, err := Diff(dir, dir, &out)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Changes from v1.0.0 to v1.0.0\n\nRecord schema `" + schema.Version + "` in both.\n\n" +
		"| records | count |\n|---|---:|\n| before | 3 |\n| after | 3 |\n| added | 0 |\n| removed | 0 |\n| changed | 0 |\n| unchanged | 3 |\n| capture changed (`source`) | 0 |\n"
	if diff := cmp.Diff(want, out.String()); diff != "" || s.Old != 3 || s.New != 3 || s.Unchanged != 3 {
		t.Errorf("Diff = %+v; wrote (-want +got):\n%s", s, diff)
	}
}

// TestDataFilesMissing: what a manifest must list — a JSONL (plain or
// compressed), a Parquet file, and one compressed shard for each Parquet
// shard once there are several.
func TestDataFilesMissing(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    dataFiles
		want []string
	}{
		{"nothing", dataFiles{}, []string{JSONLFile, ParquetFile}},
		{"one shard", dataFiles{plain: JSONLFile, gz: []string{JSONLGzFile}, parquets: []string{ParquetFile}}, nil},
		{"plain JSONL only", dataFiles{plain: JSONLFile, parquets: []string{ParquetFile}}, nil},
		{"compressed JSONL only", dataFiles{gz: []string{JSONLGzFile}, parquets: []string{ParquetFile}}, nil},
		{"two shards", dataFiles{gz: []string{"a.jsonl.gz", "b.jsonl.gz"}, parquets: []string{"a.parquet", "b.parquet"}}, nil},
		{"a compressed shard short", dataFiles{gz: []string{"a.jsonl.gz"}, parquets: []string{"a.parquet", "b.parquet"}},
			[]string{"one .jsonl.gz shard for each of the 2 Parquet shards"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.d.missing()); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
		})
	}
}

// gzipFiles writes each text gzipped as NAME.gz in a fresh folder, opened
// as a root.
func gzipFiles(t *testing.T, texts ...string) (*os.Root, []string) {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i, text := range texts {
		var b bytes.Buffer
		z := gzip.NewWriter(&b)
		z.Write([]byte(text))
		must(t, z.Close())
		name := fmt.Sprintf("%d.jsonl.gz", i)
		must(t, os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644))
		names = append(names, name)
	}
	root, err := os.OpenRoot(dir)
	must(t, err)
	t.Cleanup(func() { root.Close() })
	return root, names
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestGzipChainReads reads compressed shards, one of them empty, as one
// stream through buffers of several sizes: the bytes of each shard in turn,
// and never a read of nothing without an error (which io.Reader
// discourages; some readers give up on it). The gzip reader gives the last
// bytes of a shard with io.EOF, but an empty shard gives nothing but io.EOF,
// and the chain must read on into the next.
func TestGzipChainReads(t *testing.T) {
	root, names := gzipFiles(t, "one\n", "", "two\nthree\n", "four\n")
	for _, size := range []int{1, 4, 10, 64} {
		r, name, err := openJSONL(root, dataFiles{gz: names})
		must(t, err)
		if name != "0.jsonl.gz+1.jsonl.gz+2.jsonl.gz+3.jsonl.gz" {
			t.Errorf("name = %q", name)
		}
		var got []byte
		buf := make([]byte, size)
		for reads := 0; ; reads++ {
			if reads > 100 {
				t.Fatalf("buffer of %d: no end after %d reads", size, reads)
			}
			n, err := r.Read(buf)
			got = append(got, buf[:n]...)
			if err == io.EOF {
				break
			}
			must(t, err)
			if n == 0 {
				t.Fatalf("buffer of %d: read %d gave 0 bytes and no error, after %q", size, reads, got)
			}
		}
		r.Close()
		if string(got) != "one\ntwo\nthree\nfour\n" {
			t.Errorf("buffer of %d: read %q", size, got)
		}
	}
}

// TestGzipChainMissingShard: a compressed shard that is not there is an
// error naming it, after the shards before it.
func TestGzipChainMissingShard(t *testing.T) {
	root, names := gzipFiles(t, "one\n")
	r, _, err := openJSONL(root, dataFiles{gz: append(names, "gone.jsonl.gz")})
	must(t, err)
	defer r.Close()
	got, err := io.ReadAll(r)
	if string(got) != "one\n" || err == nil || err.Error() != "gone.jsonl.gz: file does not exist in the release" {
		t.Errorf("ReadAll = %q, %v; want the first shard, then an error naming the missing one", got, err)
	}
}

// TestGzipChainCloses: each shard's file is closed once read, and the one
// being read when the stream is closed: a release of many shards must not
// run out of file descriptors.
func TestGzipChainCloses(t *testing.T) {
	root, names := gzipFiles(t, "one\n", "two\n")
	r, _, err := openJSONL(root, dataFiles{gz: names})
	must(t, err)
	c := r.(*gzipChain)
	buf := make([]byte, 2)
	if n, err := io.ReadFull(c, buf); n != 2 || err != nil {
		t.Fatalf("first read: %d, %v", n, err)
	}
	first := c.f
	buf = make([]byte, 4)
	if n, err := io.ReadFull(c, buf); n != 4 || err != nil || string(buf) != "e\ntw" {
		t.Fatalf("second read: %d %q, %v", n, buf, err)
	}
	second := c.f
	if first == nil || second == nil || first == second {
		t.Fatalf("files %p, %p: want one for each shard", first, second)
	}
	if _, err := first.Stat(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("the first shard, read to its end: %v, want it closed", err)
	}
	must(t, c.Close())
	if _, err := second.Stat(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("the shard being read at Close: %v, want it closed", err)
	}
}

// TestOpenRegularRefusesSpecialFiles: a socket, a device, a named pipe, a
// symbolic link and a folder are each refused, named for what they are.
func TestOpenRegularRefusesSpecialFiles(t *testing.T) {
	dir, err := os.MkdirTemp("", "o") // short: a socket's path has a small limit
	must(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	l, err := net.Listen("unix", filepath.Join(dir, "socket"))
	must(t, err)
	defer l.Close()
	must(t, syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "file"), []byte("x"), 0o644))
	must(t, os.Symlink("file", filepath.Join(dir, "link")))
	must(t, os.Mkdir(filepath.Join(dir, "folder"), 0o755))
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	for name, want := range map[string]string{
		"socket": "a socket, not a regular file",
		"pipe":   "a named pipe, not a regular file",
		"link":   "a symbolic link, not a regular file",
		"folder": "a folder, not a regular file",
	} {
		if f, _, err := openRegular(root, name); err == nil || err.Error() != want {
			t.Errorf("openRegular(%s) = %v, %v; want %q", name, f, err, want)
		}
	}
	if f, _, err := openRegular(root, "file"); err != nil {
		t.Errorf("openRegular(file): %v", err)
	} else {
		f.Close()
	}

	dev, err := os.OpenRoot("/dev")
	must(t, err)
	defer dev.Close()
	if info, err := dev.Lstat("null"); err != nil || info.Mode()&fs.ModeDevice == 0 {
		t.Skipf("no /dev/null device: %v", err)
	}
	if _, _, err := openRegular(dev, "null"); err == nil || err.Error() != "a device, not a regular file" {
		t.Errorf("openRegular(/dev/null) = %v, want it refused as a device", err)
	}
}

func TestFileKind(t *testing.T) {
	for mode, want := range map[fs.FileMode]string{
		fs.ModeSymlink:                    "a symbolic link",
		fs.ModeDir:                        "a folder",
		fs.ModeNamedPipe:                  "a named pipe",
		fs.ModeSocket:                     "a socket",
		fs.ModeDevice:                     "a device",
		fs.ModeDevice | fs.ModeCharDevice: "a device",
		fs.ModeIrregular:                  "a special file",
	} {
		if got := fileKind(mode); got != want {
			t.Errorf("fileKind(%v) = %q, want %q", mode, got, want)
		}
	}
}

// TestOpenRegularReplaced swaps a file for another over and over while
// opening it: the file opened is checked, not only the path, so a swap
// between the check and the open is refused. The swap lands between the
// two within a few thousand tries; the deadline is for a slow machine.
func TestOpenRegularReplaced(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b", "x"} {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644))
	}
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tmp, x := filepath.Join(dir, "tmp"), filepath.Join(dir, "x")
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			from := filepath.Join(dir, []string{"a", "b"}[i%2])
			if os.Link(from, tmp) != nil || os.Rename(tmp, x) != nil {
				return
			}
		}
	}()
	defer func() { close(stop); <-done }()
	deadline := time.Now().Add(5 * time.Second)
	for tries := 1; time.Now().Before(deadline); tries++ {
		f, _, err := openRegular(root, "x")
		if err == nil {
			f.Close()
			continue
		}
		if err.Error() != "replaced while being opened" {
			t.Fatalf("try %d: %v", tries, err)
		}
		t.Logf("refused at try %d", tries)
		return
	}
	t.Error("a file swapped while being opened was never refused")
}

// TestReadDocumentLimit reads documents of maxDocument bytes and one more
// (sparse files, so nothing is written): the first whole, the second
// refused rather than cut.
func TestReadDocumentLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 512 MB")
	}
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	path := filepath.Join(dir, "big")
	must(t, os.WriteFile(path, nil, 0o644))
	must(t, os.Truncate(path, maxDocument))
	data, err := readDocument(root, "big")
	if len(data) != maxDocument || err != nil {
		t.Errorf("a document of %d bytes: read %d, %v", maxDocument, len(data), err)
	}
	data = nil
	must(t, os.Truncate(path, maxDocument+1))
	if _, err := readDocument(root, "big"); err == nil || err.Error() != fmt.Sprintf("larger than %d bytes", maxDocument) {
		t.Errorf("a document of %d bytes: %v, want it refused", maxDocument+1, err)
	}
}

// TestPartSignatureLength: a signature's count is one byte, so 255 values
// are written and read back, and 256 refused.
func TestPartSignatureLength(t *testing.T) {
	out := t.TempDir()
	w, err := CreatePart(out, "dev", 1, 1, "p", Builder{}, false)
	must(t, err)
	defer w.Abort()
	long := make([]uint32, 256)
	for i := range long {
		long[i] = uint32(i * 1000003)
	}
	if err := w.Write(partRecord("a#1", "a body"), long); err == nil || err.Error() != "a signature of 256 values" {
		t.Errorf("a signature of 256 values: %v", err)
	}
	must(t, w.Write(partRecord("a#1", "a body"), long[:255]))
	info, err := w.Finish(nil)
	must(t, err)
	r, err := OpenPart(out, "dev", info)
	must(t, err)
	defer r.Close()
	rec, sig, err := r.Next()
	must(t, err)
	if diff := cmp.Diff(long[:255], sig); rec.ID != "a#1" || diff != "" {
		t.Errorf("record %s, signature (-want +got):\n%s", rec.ID, diff)
	}
	if _, _, err := r.Next(); err != io.EOF {
		t.Errorf("after the one record: %v, want io.EOF", err)
	}
}

// TestPartSignaturesCut: signatures cut short are an error naming the
// record whose signature is missing or short.
func TestPartSignaturesCut(t *testing.T) {
	// Signatures of 9, 5 and 9 bytes: count, values.
	for size, want := range map[int64]string{
		9:  "signatures.bin: no signature for record 2",
		12: "signatures.bin: signature of record 2 cut short",
		16: "signatures.bin: signature of record 3 cut short",
	} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			out := t.TempDir()
			w, err := CreatePart(out, "dev", 1, 1, "p", Builder{}, false)
			must(t, err)
			for i, sig := range [][]uint32{{1, 2}, {3}, {4, 5}} {
				must(t, w.Write(partRecord(fmt.Sprintf("a#%d", i+1), "a body"), sig))
			}
			info, err := w.Finish(nil)
			must(t, err)
			dir := filepath.Join(PartsFolder(out, "dev"), "1-of-1")
			must(t, os.Truncate(filepath.Join(dir, PartSignatures), size))
			r, err := OpenPart(out, "dev", info)
			must(t, err)
			defer r.Close()
			for {
				_, _, err = r.Next()
				if err != nil {
					break
				}
			}
			if want := dir + ": " + ErrPartChanged.Error() + ": " + want + "; build it again with --force"; err == nil || err.Error() != want {
				t.Errorf("err = %v\nwant %s", err, want)
			}
		})
	}
}

// TestPartFinishReplaceFails: when the finished part cannot be renamed
// into place, Finish fails, and the part it was to replace stays.
func TestPartFinishReplaceFails(t *testing.T) {
	out := t.TempDir()
	writePart(t, out, 1, 1, "p", partRecord("a#1", "first body"))
	w, err := CreatePart(out, "dev", 1, 1, "q", Builder{}, true)
	must(t, err)
	must(t, w.Write(partRecord("b#1", "other body"), nil))
	// Where replaceDir moves the old part aside: a folder not empty there
	// makes the rename fail.
	must(t, os.MkdirAll(filepath.Join(w.tmp+oldMark, "x"), 0o755))
	if _, err := w.Finish(nil); err == nil {
		t.Error("Finish succeeded, though the part could not be put in place")
	}
	info, err := ReadPartInfo(filepath.Join(PartsFolder(out, "dev"), "1-of-1"))
	if err != nil || info.Plan != "p" {
		t.Errorf("the part in place: %+v, %v; want the one of plan p", info, err)
	}
}

// TestPartAbortCloses: aborting a part closes its files.
func TestPartAbortCloses(t *testing.T) {
	w, err := CreatePart(t.TempDir(), "dev", 1, 1, "p", Builder{}, false)
	must(t, err)
	w.Abort()
	for _, f := range []*os.File{w.recordsF, w.sigsF} {
		if _, err := f.Stat(); !errors.Is(err, os.ErrClosed) {
			t.Errorf("%s after Abort: %v, want it closed", f.Name(), err)
		}
	}
	if _, err := os.Stat(w.tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary folder after Abort: %v, want it removed", err)
	}
}

// TestPartsNoneFinished: a parts folder with no part names no half-written
// one either.
func TestPartsNoneFinished(t *testing.T) {
	out := t.TempDir()
	parts := PartsFolder(out, "dev")
	must(t, os.MkdirAll(parts, 0o755))
	_, err := Parts(out, "dev", func(int) string { return "p" })
	if want := parts + ": no finished part: build the shards first (build --shard K/N)"; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
