package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"
	"golang.org/x/text/encoding/charmap"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// The cases of issue 12 on the input side: each test failed before its fix.

const article = "Goris welcomes refugees\n\nThe town of Goris opened two new shelters on Monday, officials said.\n"

// tryBuild builds input into a fresh output folder; it returns the release
// folder.
func tryBuild(t *testing.T, input string, opts Options) (release.Manifest, string, error) {
	t.Helper()
	if opts.Output == "" {
		opts.Output = t.TempDir()
	}
	opts.Input, opts.Version = input, "dev"
	m, err := Build(context.Background(), opts)
	return m, filepath.Join(opts.Output, "dev"), err
}

func ids(records []schema.Record) []string {
	var out []string
	for _, r := range records {
		out = append(out, r.ID)
	}
	return out
}

// readParquet reads a release's Parquet file whole.
func readParquet(t *testing.T, dir string) []schema.Record {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, release.ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reader := parquet.NewGenericReader[schema.Record](f)
	defer reader.Close()
	got := make([]schema.Record, reader.NumRows())
	if n, err := reader.Read(got); n != len(got) {
		t.Fatalf("read %d of %d rows: %v", n, len(got), err)
	}
	return got
}

// TestSymlinkedInputFolder: an input folder given as a symlink is read
// through it.
func TestSymlinkedInputFolder(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(input, link); err != nil {
		t.Fatal(err)
	}
	m, dir, err := tryBuild(t, link, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.Records != 1 || len(m.Inputs) != 1 || m.Inputs[0].Path != "a.txt" {
		t.Errorf("through a symlink: %d records from %+v", m.Records, m.Inputs)
	}
	if got := ids(readJSONL(t, filepath.Join(dir, release.JSONLFile))); fmt.Sprint(got) != "[a#1]" {
		t.Errorf("ids %v", got)
	}
}

// TestNoInputs: a folder with nothing to read fails the build, and creates
// no output folder.
func TestNoInputs(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"empty":             {},
		"only sources.tsv":  {SourcesFile: "file\turl\n"},
		"only hidden files": {".a.txt": article, ".git/config": "[core]\n"},
	} {
		input := t.TempDir()
		for f, text := range files {
			write(t, filepath.Join(input, f), []byte(text))
		}
		out := filepath.Join(t.TempDir(), "out")
		_, _, err := tryBuild(t, input, Options{Output: out})
		if !errors.Is(err, ErrNoInputs) {
			t.Errorf("%s: error %v, want %v", name, err, ErrNoInputs)
		}
		if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: the output folder was created", name)
		}
	}
}

// TestBadInputCreatesNothing: a bad --input creates neither the output
// folder nor its lock.
func TestBadInputCreatesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	file := filepath.Join(t.TempDir(), "file.txt")
	write(t, file, []byte(article))
	for _, input := range []string{filepath.Join(t.TempDir(), "missing"), file} {
		if _, _, err := tryBuild(t, input, Options{Output: out}); err == nil {
			t.Errorf("%s: no error", input)
		}
		if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: the output folder was created", input)
		}
	}
	// An existing version is still refused before any capture is read.
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	opts := Options{Input: input, Output: out, Version: "v1.0.0"}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), opts); !errors.Is(err, release.ErrExists) {
		t.Errorf("second build of v1.0.0: %v, want %v", err, release.ErrExists)
	}
}

// TestEscapedNames: names that are not valid UTF-8, or hold '#', '@', '%'
// or a newline, are written escaped, alike in ids, paths, the manifest and
// the Parquet file, and the release validates.
func TestEscapedNames(t *testing.T) {
	input := t.TempDir()
	names := map[string]string{
		"caf\xe9.txt":      "caf%E9#1",
		"report#2.txt":     "report%232#1",
		"mail@home.txt":    "mail%40home#1",
		"100%.txt":         "100%25#1",
		"two\nlines.txt":   "two%0Alines#1",
		"sub/r\xe9sum.txt": "sub/r%E9sum#1",
	}
	for name := range names {
		write(t, filepath.Join(input, name), []byte(article))
	}
	m, dir, err := tryBuild(t, input, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	records := readJSONL(t, filepath.Join(dir, release.JSONLFile))
	var want, got []string
	for name, id := range names {
		want = append(want, id+" "+schema.EscapePath(name))
	}
	for _, r := range records {
		got = append(got, r.ID+" "+r.Source.Path)
		if _, err := schema.ParseID(r.ID); err != nil {
			t.Error(err)
		}
		path, err := schema.UnescapePath(r.Source.Path)
		if _, ok := names[path]; err != nil || !ok {
			t.Errorf("%s: source path %q does not unescape to an input (%v)", r.ID, r.Source.Path, err)
		}
	}
	if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
		t.Errorf("ids and paths (-want +got):\n%s", diff)
	}
	for _, in := range m.Inputs {
		if _, ok := names[mustUnescape(t, in.Path)]; !ok {
			t.Errorf("manifest input %q is not an escaped input name", in.Path)
		}
	}
	parquetRecords := readParquet(t, dir)
	for i, r := range parquetRecords {
		if r.ID != records[i].ID || r.Source.Path != records[i].Source.Path {
			t.Errorf("Parquet row %d: %q %q; JSONL %q %q", i, r.ID, r.Source.Path, records[i].ID, records[i].Source.Path)
		}
	}
	if problems := release.Validate(dir); problems != nil {
		t.Errorf("the release is not valid: %v", problems)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func mustUnescape(t *testing.T, s string) string {
	t.Helper()
	p, err := schema.UnescapePath(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestUniqueIDs: inputs whose stems would collide, with each other or with
// another's whole name, keep distinct ids, in id order.
func TestUniqueIDs(t *testing.T) {
	input := t.TempDir()
	for _, name := range []string{"a.txt", "a.md", "a.txt.md", "b.html", "b.txt.gz", "c.txt", "c", "d.txt.md.gz"} {
		write(t, filepath.Join(input, name), []byte(article))
	}
	_, dir, err := tryBuild(t, input, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(readJSONL(t, filepath.Join(dir, release.JSONLFile)))
	want := []string{"a.md#1", "a.txt#1", "a.txt.md#1", "b.html#1", "b.txt.gz#1", "c#1", "c.txt#1", "d.txt#1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if problems := release.Validate(dir); problems != nil {
		t.Errorf("the release is not valid: %v", problems)
	}
}

// TestAssignStems: stems are unique however names collide, and an input
// falls back to its whole name only when it must.
func TestAssignStems(t *testing.T) {
	for _, names := range [][]string{
		{"a.txt", "a.md", "a.txt.md"},
		{"a.txt", "a.txt.md", "a.txt.md.gz", "a.txt.md.bz2", "a"},
		{"x/a.txt", "x/a", "x/a.gz", "x.txt", "x"},
	} {
		var files []inputFile
		for _, n := range names {
			files = append(files, inputFile{path: n, name: n})
		}
		assignStems(files)
		seen := map[string]string{}
		for _, f := range files {
			if other, dup := seen[f.stem]; dup {
				t.Errorf("%v: %s and %s share the stem %s", names, other, f.name, f.stem)
			}
			seen[f.stem] = f.name
		}
	}
	files := []inputFile{{path: "a.txt", name: "a.txt"}, {path: "b.md", name: "b.md"}}
	assignStems(files)
	if files[0].stem != "a" || files[1].stem != "b" {
		t.Errorf("stems %q %q, want a b", files[0].stem, files[1].stem)
	}
}

// TestIDOrder: the writer's path refuses a repeated id, or one out of order.
func TestIDOrder(t *testing.T) {
	var o idOrder
	for _, id := range []string{"a#1", "a#2", "a#10", "a@2#1", "a.txt#1"} {
		if err := o.check(id); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	if err := o.check("a.txt#1"); !errors.Is(err, ErrIDOrder) || !strings.Contains(err.Error(), "repeats") {
		t.Errorf("repeated id: %v", err)
	}
	if err := o.check("a#3"); !errors.Is(err, ErrIDOrder) {
		t.Errorf("id out of order: %v", err)
	}
}

// TestOverlap: an output folder that is the input folder, or inside it, or
// reached through a symlink into it, is refused before anything is written.
func TestOverlap(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(input, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{input, filepath.Join(input, "out"), filepath.Join(input, "out", "deeper"), filepath.Join(link, "out"), input + "/."} {
		if _, _, err := tryBuild(t, input, Options{Output: out}); !errors.Is(err, ErrOverlap) {
			t.Errorf("--output %s: %v, want %v", out, err, ErrOverlap)
		}
	}
	// And so is one given as a relative path.
	t.Chdir(filepath.Dir(input))
	if _, _, err := tryBuild(t, input, Options{Output: filepath.Join(filepath.Base(input), "out")}); !errors.Is(err, ErrOverlap) {
		t.Errorf("--output relative to the working folder: %v, want %v", err, ErrOverlap)
	}
	if _, _, err := tryBuild(t, filepath.Base(input), Options{Output: input}); !errors.Is(err, ErrOverlap) {
		t.Errorf("--input relative to the working folder: %v, want %v", err, ErrOverlap)
	}
	if entries, _ := os.ReadDir(input); len(entries) != 1 {
		t.Errorf("the input folder holds %d entries, want only a.txt", len(entries))
	}
	// A sibling whose name starts with the input's is no overlap.
	if _, _, err := tryBuild(t, input, Options{Output: input + "-out"}); err != nil {
		t.Errorf("--output beside the input: %v", err)
	}
}

// TestSpecialSideFiles: a sources.tsv or gazetteer that is a pipe, a
// device, too large or (sources.tsv) a symlink fails the build at once.
func TestSpecialSideFiles(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, gazetteer := range []string{fifo, "/dev/zero"} {
		done := make(chan error, 1)
		go func() { _, _, err := tryBuild(t, input, Options{Gazetteer: gazetteer}); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("gazetteer %s: %v", gazetteer, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("gazetteer %s: the build hangs", gazetteer)
		}
	}

	outside := filepath.Join(t.TempDir(), "sources.tsv")
	write(t, outside, []byte("file\turl\na.txt\thttps://example.am/a\n"))
	tsv := filepath.Join(input, SourcesFile)
	for name, create := range map[string]func() error{
		"a pipe":    func() error { return syscall.Mkfifo(tsv, 0o644) },
		"a symlink": func() error { return os.Symlink(outside, tsv) },
	} {
		os.Remove(tsv)
		if err := create(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { _, _, err := tryBuild(t, input, Options{}); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), SourcesFile) {
				t.Errorf("sources.tsv as %s: %v", name, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("sources.tsv as %s: the build hangs", name)
		}
	}
}

// TestInputsOpenedSafely: an input swapped after the listing, for a symlink,
// another file or a pipe, is not read; a symlink to a hidden file is not
// followed.
func TestInputsOpenedSafely(t *testing.T) {
	input := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, secret, []byte("Secret\n\nA file outside the input folder.\n"))
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt", ".hidden.txt"} {
		write(t, filepath.Join(input, name), []byte(article))
	}
	if err := os.Symlink(".hidden.txt", filepath.Join(input, "to-hidden.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("d.txt", filepath.Join(input, "to-d.txt")); err != nil {
		t.Fatal(err)
	}
	files, err := listInputs(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]inputFile{}
	for _, f := range files {
		byName[f.name] = f
	}
	if skip := byName["to-hidden.txt"].skip; !strings.Contains(skip, "symlink to a hidden file") {
		t.Errorf("symlink to a hidden file: skip %q", skip)
	}
	// The swaps, after the listing.
	a := filepath.Join(input, "a.txt")
	os.Remove(a)
	if err := os.Symlink(secret, a); err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(input, "b.txt")
	write(t, b+".new", []byte("Another\n\nA file put in its place.\n"))
	if err := os.Rename(b+".new", b); err != nil {
		t.Fatal(err)
	}
	c := filepath.Join(input, "c.txt")
	os.Remove(c)
	if err := syscall.Mkfifo(c, 0o644); err != nil {
		t.Fatal(err)
	}
	d := filepath.Join(input, "d.txt")
	os.Remove(d)
	if err := os.Symlink(secret, d); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "to-d.txt"} {
		fh, err := openListed(byName[name])
		if err == nil {
			fh.Close()
		}
		if !errors.Is(err, errChanged) {
			t.Errorf("%s swapped after the listing: opened with %v, want %v", name, err, errChanged)
		}
	}
}

// TestUnreadableReasons: each reason says what happened, and asks for the
// permissions only when they are the cause.
func TestUnreadableReasons(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "unreadable: permission denied (check the file's permissions)"},
		{&fs.PathError{Op: "stat", Path: "x", Err: syscall.ENAMETOOLONG}, "unreadable: file name too long (its path is over the system's limit; shorten the names of the folders above it)"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EIO}, "unreadable: input/output error"},
	} {
		if got := unreadable(tt.err); got != tt.want {
			t.Errorf("unreadable(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestTooLongPath: a file whose path is over the system's limit is skipped
// as such, not for its permissions.
func TestTooLongPath(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	root, err := os.OpenRoot(input)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	part := strings.Repeat("d", 200)
	deep := part
	for range 22 { // 22 × 201 bytes: over Linux's 4096
		deep += "/" + part
	}
	if err := root.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := root.WriteFile(deep+"/deep.txt", []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _, err := tryBuild(t, input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range m.Inputs {
		if in.Skipped != "" {
			found = true
			if !strings.Contains(in.Skipped, "over the system's limit") || strings.Contains(in.Skipped, "permissions") {
				t.Errorf("%s: skipped %q", in.Path, in.Skipped)
			}
		}
	}
	if !found {
		t.Errorf("no input skipped: %+v", m.Inputs)
	}
}

// TestSourcesChecks: every row or value of sources.tsv left out is reported
// with its line, and fails a strict build.
func TestSourcesChecks(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	write(t, filepath.Join(input, "b.txt"), []byte(article))
	table := "file\turl\toutlet\tretrieved\tretreived\n" + // 1
		"a.txt\tjavascript:alert(1)\tAzatutyun\t2099-01-01\t\n" + // 2
		"b.txt\thttps://example.am/b\t\t1985-05-01\t\n" + // 3
		"missing.txt\t\t\t\t\n" + // 4
		"b.txt\t" + strings.Repeat("x", 2<<20) + "\n" + // 5: over a MB
		"b.txt\tftp://example.am/b\n" // 6
	write(t, filepath.Join(input, SourcesFile), []byte(table))
	m, dir, err := tryBuild(t, input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(append(append([]string{}, m.Sources.Ignored...), m.Sources.Warnings...), "\n")
	for _, want := range []string{
		`sources.tsv:1: unknown column "retreived" (the columns are file, url, outlet, retrieved); it is ignored`,
		`sources.tsv:2: url "javascript:alert(1)" is not an http or https URL; it is left out`,
		`sources.tsv:2: retrieved 2099-01-01 is after the day of the build`,
		`sources.tsv:3: retrieved 1985-05-01 is before 1990; it is ignored`,
		`sources.tsv:4: names missing.txt, which is not in the input folder`,
		`sources.tsv:5: a row of 2097158 bytes, over the limit of 1048576; row ignored`,
		`sources.tsv:6: b.txt listed again (first on line 3); the later row is used`,
		`sources.tsv:6: url "ftp://example.am/b" is not an http or https URL`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("sources.tsv notes lack %q:\n%s", want, all)
		}
	}
	for _, r := range readJSONL(t, filepath.Join(dir, release.JSONLFile)) {
		if r.URL != nil || r.Retrieved != nil {
			t.Errorf("%s: url %v retrieved %v, want both null", r.ID, r.URL, r.Retrieved)
		}
	}
	problems := strings.Join(m.Problems(), "\n")
	if !strings.Contains(problems, `sources.tsv:1: unknown column "retreived"`) {
		t.Errorf("sources.tsv warnings are not problems:\n%s", problems)
	}
	if _, _, err := tryBuild(t, input, Options{Strict: true}); !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "retreived") {
		t.Errorf("strict build: %v", err)
	}
}

// TestSourcesHeader: a header naming a column twice fails with what is
// wrong; a table in Windows-1251 is read as such; a file name is found as
// on disk or as the manifest spells it.
func TestSourcesHeader(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	write(t, filepath.Join(input, SourcesFile), []byte("file\turl\tfile\na.txt\thttps://example.am/a\ta.txt\n"))
	_, _, err := tryBuild(t, input, Options{})
	if err == nil || !strings.Contains(err.Error(), `sources.tsv:1: the header names column "file" twice (columns 1 and 3)`) {
		t.Errorf("duplicate column: %v", err)
	}

	write(t, filepath.Join(input, "report#2.txt"), []byte(article))
	table := "file\toutlet\n# Издания, о которых говорят записи: радио, газеты и сайты новостей Армении.\n" +
		"a.txt\tАзатутюн Радио\nreport%232.txt\tЖаманак\n"
	raw, err := charmap.Windows1251.NewEncoder().Bytes([]byte(table))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(input, SourcesFile), raw)
	m, dir, err := tryBuild(t, input, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]string{}
	for _, r := range readJSONL(t, filepath.Join(dir, release.JSONLFile)) {
		if r.Outlet != nil {
			outlets[r.ID] = *r.Outlet
		}
	}
	if outlets["a#1"] == "" || !strings.HasPrefix(outlets["a#1"], "Азатутюн") || outlets["report%232#1"] == "" {
		t.Errorf("outlets %v (sources %+v)", outlets, m.Sources)
	}
}

// TestRecordBounds: a record holds a bounded body and bounded mentions, and
// an item of no words is dropped.
func TestRecordBounds(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "word.txt"), []byte(strings.Repeat("Karabakh ", (maxBodyBytes+10)/9)))
	paragraph := "The road from Goris to Lachin reopened on Tuesday after two days of repairs, officials said.\n\n"
	write(t, filepath.Join(input, "paragraphs.txt"), []byte(strings.Repeat(paragraph, maxBodyBytes/len(paragraph)+10)))
	write(t, filepath.Join(input, "mentions.txt"), []byte("Shusha again\n\n"+strings.Repeat("Shusha ", maxMentions+500)+"\n"))
	write(t, filepath.Join(input, "emoji.txt"), []byte("😀🇦🇲 \u200d\u200f\u200b 🙂\n"))
	m, dir, err := tryBuild(t, input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]release.Input{}
	for _, in := range m.Inputs {
		got[in.Path] = in
	}
	if in := got["word.txt"]; in.Records != 0 || len(in.Dropped) != 1 || !strings.Contains(in.Dropped[0].Reason, "over the limit of 4194304 a record's body may hold") {
		t.Errorf("word.txt: %d records, dropped %+v", in.Records, in.Dropped)
	}
	if in := got["paragraphs.txt"]; in.Records != 0 || len(in.Dropped) != 1 || !strings.Contains(in.Dropped[0].Reason, "over the limit of 4194304 a record (no article is this long") {
		t.Errorf("paragraphs.txt: %d records, dropped %+v", in.Records, in.Dropped)
	}
	if in := got["emoji.txt"]; in.Records != 0 || len(in.Dropped) != 1 || !strings.HasPrefix(in.Dropped[0].Reason, "no words") {
		t.Errorf("emoji.txt: %d records, dropped %+v", in.Records, in.Dropped)
	}
	in := got["mentions.txt"]
	if in.Records != 1 || len(in.Warnings) != 1 || !strings.Contains(in.Warnings[0], "10500 mentions, over the limit of 10000 a record; the first 10000 are kept") {
		t.Errorf("mentions.txt: %d records, warnings %q", in.Records, in.Warnings)
	}
	for _, r := range readJSONL(t, filepath.Join(dir, release.JSONLFile)) {
		if len(r.Mentions) > maxMentions {
			t.Errorf("%s: %d mentions", r.ID, len(r.Mentions))
		}
		for _, err := range schema.Check(r) {
			t.Error(err)
		}
	}
	if problems := release.Validate(dir); problems != nil {
		t.Errorf("the release is not valid: %v", problems)
	}
}

// TestNoControlCharacters: no field of any record holds a control character
// other than newline and tab, whether it came from text, from an HTML
// page's character references or from sources.tsv.
func TestNoControlCharacters(t *testing.T) {
	input := t.TempDir()
	utf32 := []byte{0xFF, 0xFE, 0x00, 0x00}
	for _, r := range article {
		utf32 = append(utf32, byte(r), byte(r>>8), byte(r>>16), 0)
	}
	write(t, filepath.Join(input, "utf32.txt"), utf32)
	write(t, filepath.Join(input, "late-nul.txt"), []byte(strings.Repeat(article, 200)+"tail\x00junk\n"))
	write(t, filepath.Join(input, "page.html"), []byte(`<!DOCTYPE html><html><head><title>Road &#1;to Kirants&#27;</title>
<meta name="author" content="Anna&#7; Petrosyan"></head><body><article><h1>Road &#1;to Kirants</h1>
<p>Armenian police over the weekend blocked the road&#x7f; into the village of Kirants, in Tavush province, where residents had gathered to protest &#2; against the demarcation of the border.</p>
<p>The protest began after the government agreed to hand over four abandoned villages, a decision residents said would cut them off from the main road.</p></article></body></html>`))
	write(t, filepath.Join(input, "text.txt"), []byte(strings.Repeat("Lachin road reopened. ", 20)+"\x1b[1mBold\x1b[0m and \x07bell\n"))
	write(t, filepath.Join(input, SourcesFile), []byte("# "+strings.Repeat("A table of the captures' outlets. ", 10)+"\nfile\toutlet\ntext.txt\tNews\x01 Agency\n"))
	m, dir, err := tryBuild(t, input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	records := readJSONL(t, filepath.Join(dir, release.JSONLFile))
	if len(records) != 3 {
		t.Errorf("%d records, want 3 (utf32, page, text)", len(records))
	}
	for _, r := range records {
		for _, field := range recordText(r) {
			if strings.IndexFunc(field, isControl) >= 0 {
				t.Errorf("%s: a control character in %q", r.ID, field)
			}
		}
	}
	for _, in := range m.Inputs {
		switch in.Path {
		case "utf32.txt":
			if in.Encoding != "utf-32le" || in.Records != 1 {
				t.Errorf("utf32.txt: %s, %d records", in.Encoding, in.Records)
			}
		case "late-nul.txt":
			if !strings.Contains(in.Skipped, "binary content, not text: a NUL byte at byte") {
				t.Errorf("late-nul.txt: skipped %q", in.Skipped)
			}
		}
	}
}

// recordText is every text a record holds.
func recordText(r schema.Record) []string {
	out := []string{r.ID, r.Source.Path, r.Source.Encoding, r.Layout, r.Body, r.Language}
	for _, p := range []*string{r.URL, r.Outlet, r.OutletCountry, r.Title, r.Section, r.DatePrecision, r.DateText, r.DuplicateOf, r.Source.Record} {
		if p != nil {
			out = append(out, *p)
		}
	}
	out = append(out, r.Byline...)
	for _, m := range r.Mentions {
		out = append(out, m.Entity, m.Name, m.Kind, m.Surface)
	}
	return out
}

func isControl(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F }

// TestWideTextWithoutBOM: UTF-16 without a byte-order mark is named as such.
func TestWideTextWithoutBOM(t *testing.T) {
	input := t.TempDir()
	var raw []byte
	for _, r := range article {
		raw = append(raw, byte(r), byte(r>>8))
	}
	write(t, filepath.Join(input, "utf16.txt"), raw)
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	m, _, err := tryBuild(t, input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range m.Inputs {
		if in.Path == "utf16.txt" && in.Skipped != "UTF-16LE text without a byte-order mark (convert the file to UTF-8, or add the byte-order mark)" {
			t.Errorf("utf16.txt: skipped %q", in.Skipped)
		}
	}
}

// TestMixedEncodings: a capture of UTF-8 and Windows-1251 lines is read
// line by line, with a warning.
func TestMixedEncodings(t *testing.T) {
	input := t.TempDir()
	first := "Жители Карабаха возвращаются\n\nПрезидент Азербайджана посетил Шушу и Ханкенди в понедельник.\n"
	second := "В городе открылись школы, больница и новый музей ковра.\n"
	legacy, err := charmap.Windows1251.NewEncoder().Bytes([]byte(second))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(input, "mixed.txt"), append([]byte(first), legacy...))
	m, records := buildDir(t, input)
	if len(records) != 1 || !strings.Contains(records[0].Body, "В городе открылись школы") || records[0].Language != "ru" {
		t.Fatalf("records %+v", records)
	}
	in := m.Inputs[0]
	if in.Encoding != "utf-8+windows-1251" || len(in.Warnings) != 1 || !strings.HasPrefix(in.Warnings[0], "mixed encodings: 1 of 4 lines are in windows-1251 (the first is line 4)") {
		t.Errorf("encoding %s, warnings %q", in.Encoding, in.Warnings)
	}
}

// TestCancelledBuild: a build whose context is done stops, whatever phase
// it is in, and writes no release.
func TestCancelledBuild(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	if _, err := Build(ctx, Options{Input: input, Output: out, Version: "dev"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled build: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "dev")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a cancelled build wrote a release")
	}
}

// TestHeaderText: a WARC header's value becomes valid UTF-8 without control
// characters, its other bytes written as a URL writes them.
func TestHeaderText(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.am/Ханкенди": "https://example.am/Ханкенди",
		"https://example.am/caf\xe9":  "https://example.am/caf%E9",
		"<urn:uuid:1\x01>":            "<urn:uuid:1%01>",
	} {
		if got := headerText(in); got != want {
			t.Errorf("headerText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDeclaredCharset: a text capture of a WARC is read in the charset its
// HTTP Content-Type declares: this one is too short to guess.
func TestDeclaredCharset(t *testing.T) {
	body, err := charmap.Windows1251.NewEncoder().Bytes([]byte("Шуша\n\nЛачин, 2024.\n"))
	if err != nil {
		t.Fatal(err)
	}
	input := t.TempDir()
	write(t, filepath.Join(input, "crawl.warc"), warcResponse("https://example.am/shusha", "text/plain; charset=windows-1251", body))
	m, records := buildDir(t, input)
	if len(records) != 1 || !strings.Contains(records[0].Body, "Лачин, 2024.") || records[0].Source.Encoding != "windows-1251" {
		t.Fatalf("records %+v, inputs %+v", records, m.Inputs)
	}
}
