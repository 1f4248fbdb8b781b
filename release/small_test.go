package release

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/schema"
)

// smallRelease writes a release of three records through the writer, with
// every kind of column filled (nulls, lists, a date, a WARC capture), and
// returns its folder. It needs no build, so fuzzing starts at once.
func smallRelease(t testing.TB) string { return releaseOf(t, smallRecords(), nil) }

// releaseOf writes records, in id order, as release v1.0.0 of a fresh
// folder, and returns its folder; inputSum as in writeRecords.
func releaseOf(t testing.TB, records []schema.Record, inputSum func(path string) string) string {
	t.Helper()
	out := t.TempDir()
	writeRecords(t, out, "v1.0.0", Options{}, records, inputSum)
	return filepath.Join(out, "v1.0.0")
}

// writeRecords writes records as release version under out with options,
// and returns the manifest Publish gave. The manifest lists each record's
// source file as an input, with the sha256 inputSum gives it (nil: the
// record's own).
func writeRecords(t testing.TB, out, version string, options Options, records []schema.Record, inputSum func(path string) string) Manifest {
	t.Helper()
	m := Manifest{Dataset: "small", Version: version, SchemaVersion: schema.Version, Counts: NewCounts(), Options: options}
	w, err := Create(out, m, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if len(m.Inputs) == 0 || m.Inputs[len(m.Inputs)-1].Path != r.Source.Path {
			sum := r.Source.SHA256
			if inputSum != nil {
				sum = inputSum(r.Source.Path)
			}
			m.Inputs = append(m.Inputs, Input{Path: r.Source.Path, SHA256: sum, Bytes: 100, Encoding: r.Source.Encoding, Layout: r.Layout})
		}
		m.Inputs[len(m.Inputs)-1].Records++
		m.Counts.Add(r)
		if err := w.Write(r); err != nil {
			w.Abort()
			t.Fatal(err)
		}
	}
	published, err := w.Publish(m)
	if err != nil {
		t.Fatal(err)
	}
	return published
}

func smallRecords() []schema.Record {
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	text := func(s string) *string { return &s }
	date := schema.Date(19631) // 2023-10-01
	offset := int64(0)
	body := "Talks on Khankendi resumed in Brussels.\n\nBoth sides said little."
	return []schema.Record{
		{
			ID:     "digest#1",
			Source: schema.Source{Path: "digest.txt", SHA256: sum("digest"), Encoding: "utf-8", LineStart: 1, LineEnd: 4, MediaType: schema.MediaText},
			Layout: "digest", URL: text("https://example.org/a"), Outlet: text("Example News"), OutletCountry: text("GB"),
			Title: text("Talks resume"), Date: &date, DatePrecision: text(schema.PrecisionDay), DateText: text("Oct 1 2023"),
			Byline: []string{"A. Writer", "B. Writer"}, Body: body, Language: "en", LanguageConfidence: 0.97,
			Mentions:  []schema.Mention{{Entity: "place/khankendi", Name: "Khankendi", Kind: "place", Surface: "Khankendi", Start: 9, End: 18}},
			WordCount: schema.WordCount(body),
		},
		{
			ID:     "digest#2",
			Source: schema.Source{Path: "digest.txt", SHA256: sum("digest"), Encoding: "utf-8", LineStart: 6, LineEnd: 6, MediaType: schema.MediaText},
			Layout: "digest", Byline: []string{}, Body: "A short note.", Language: "en", LanguageConfidence: 0.5,
			Mentions: []schema.Mention{}, WordCount: 3, DuplicateOf: text("digest#1"),
		},
		{
			ID:     "pages@3#1",
			Source: schema.Source{Path: "pages.warc", SHA256: sum("payload"), Encoding: "windows-1251", LineStart: 1, LineEnd: 1, MediaType: schema.MediaHTML, Record: text("<urn:uuid:1>"), Offset: &offset},
			Layout: "plain", Retrieved: &date, Byline: []string{}, Body: "Текст статьи.", Language: "ru", LanguageConfidence: 0.9,
			Mentions: []schema.Mention{}, WordCount: 2,
		},
	}
}

// TestSmallRelease checks that the fuzz seed is a valid release.
func TestSmallRelease(t *testing.T) {
	if problems := Validate(smallRelease(t)); problems != nil {
		t.Fatal(problems)
	}
}

// FuzzValidateParquet validates a release whose Parquet file is replaced by
// the fuzzed bytes, seeded with the release's own: Validate never panics,
// and finds a problem in any bytes but those.
func FuzzValidateParquet(f *testing.F) {
	dir := smallRelease(f)
	path := filepath.Join(dir, ParquetFile)
	original, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(original)
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		problems := Validate(dir)
		if same := string(data) == string(original); same != (len(problems) == 0) {
			t.Errorf("the release's own Parquet file: %v; problems: %v", same, problems)
		}
	})
}

// panicky is a file whose reads from bytes from to to panic, as parquet-go
// does on some corrupted files.
type panicky struct {
	data     []byte
	from, to int64
}

func (p panicky) ReadAt(b []byte, off int64) (int, error) {
	if off >= p.from && off < p.to {
		var nilSlice []byte
		_ = nilSlice[off] // a runtime error, as inside the library
	}
	return copy(b, p.data[off:]), nil
}

// TestParquetPanics: a panic inside the Parquet reader becomes an error at
// the boundary, whether opening the file or reading a row, and reading
// stops there.
func TestParquetPanics(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(smallRelease(t), ParquetFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := openParquet(panicky{data, 0, int64(len(data))}, int64(len(data))); !errors.Is(err, errPanicked) {
		t.Errorf("opening: %v, want a recovered panic", err)
	}
	footer := int64(len(data)) - 8 - int64(binary.LittleEndian.Uint32(data[len(data)-8:]))
	rows, err := openParquet(panicky{data, 4, footer}, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rows.closer = io.NopCloser(nil)
	defer rows.close()
	if _, ok := rows.next(); ok || !errors.Is(rows.err, errPanicked) || !strings.HasPrefix(rows.err.Error(), "row 1: ") {
		t.Errorf("reading: %v, want a recovered panic at row 1", rows.err)
	}
	if _, ok := rows.next(); ok {
		t.Error("read on past a panic")
	}
}

// TestLineReader: a line too long is skipped and reported, and the lines
// after it are read; so is a last line without its newline.
func TestLineReader(t *testing.T) {
	l := newLineReader(strings.NewReader("short\n" + strings.Repeat("x", 3<<20) + "\nok\ntail"))
	l.max = 1 << 20
	var got []string
	for {
		line, err := l.next()
		if errors.Is(err, io.EOF) {
			break
		}
		got = append(got, fmt.Sprintf("%q %v", line, err))
	}
	want := []string{`"short" <nil>`, `"" a line longer than 1048576 bytes`, `"ok" <nil>`, `"tail" the last line does not end with a newline`}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
