package release

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// problemsOf validates the release in dir and returns its problems as text,
// nil when there are none.
func problemsOf(dir string) []string {
	var all []string
	for _, p := range Validate(dir) {
		all = append(all, p.Error())
	}
	return all
}

// manifestOf reads the manifest of the release in dir.
func manifestOf(t testing.TB, dir string) Manifest {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	m, err := loadManifest(root)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// replaceFile writes data as the file name of the release in dir, and gives
// its new checksum and size to the manifest's outputs and to SHA256SUMS (the
// manifest's line too), so that only the check under test sees the change.
// The card and croissant.json are left as they were.
func replaceFile(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	m := manifestOf(t, dir)
	for i := range m.Outputs {
		if m.Outputs[i].Path == name {
			m.Outputs[i].SHA256, m.Outputs[i].Bytes = sha256Hex(data), int64(len(data))
		}
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(dir, SumsFile))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		file := line[66:]
		content, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, sha256Hex(content)+"  "+file)
	}
	if err := os.WriteFile(filepath.Join(dir, SumsFile), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readReleaseFile(t testing.TB, dir, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestReplaceFileKeepsReleaseValid: the helper itself leaves a release as
// valid as it was, so the tests below see only the change they make.
func TestReplaceFileKeepsReleaseValid(t *testing.T) {
	dir := smallRelease(t)
	replaceFile(t, dir, CardFile, append(readReleaseFile(t, dir, CardFile), "\nA line added.\n"...))
	if problems := problemsOf(dir); problems != nil {
		t.Fatal(problems)
	}
}

// TestValidateProblemLimit: Validate reports the first maxProblems problems
// and then one line saying there are more, not more than that.
func TestValidateProblemLimit(t *testing.T) {
	dir := smallRelease(t)
	const extra = maxProblems + 10
	for i := range extra {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("extra-%02d.txt", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each extra file is not listed in the manifest (reported first, in name
	// order) nor in SHA256SUMS: 2*extra problems in all.
	var want []string
	for i := range maxProblems {
		want = append(want, fmt.Sprintf("extra-%02d.txt: not listed among the manifest's outputs", i))
	}
	want = append(want, "(and more problems)")
	if diff := cmp.Diff(want, problemsOf(dir)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestValidateSumsLineNumbers: a problem of SHA256SUMS names its line, from 1.
func TestValidateSumsLineNumbers(t *testing.T) {
	fresh := smallRelease(t)
	jsonl := output(manifestOf(t, fresh), JSONLFile).SHA256
	zeros := strings.Repeat("0", 64)
	tests := []struct {
		name string
		edit func(sums string) string
		want []string
	}{
		{"a file the release does not hold", func(sums string) string {
			return sums + zeros + "  ghost.txt\n"
		}, []string{"SHA256SUMS:9: ghost.txt is not a regular file of the release"}},
		{"a wrong checksum", func(sums string) string {
			return strings.Replace(sums, jsonl, zeros, 1)
		}, []string{"SHA256SUMS:3: corpus.jsonl has sha256 " + jsonl + ", not " + zeros}},
		{"a file listed twice", func(sums string) string {
			return sums + jsonl + "  " + JSONLFile + "\n"
		}, []string{"SHA256SUMS:9: corpus.jsonl is listed twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, fresh)
			sums := tt.edit(string(readReleaseFile(t, dir, SumsFile)))
			if err := os.WriteFile(filepath.Join(dir, SumsFile), []byte(sums), 0o644); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, problemsOf(dir)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// copyDir copies the files of a release into a fresh folder.
func copyDir(t testing.TB, dir string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := os.CopyFS(to, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return to
}

// lineNumber is the number, from 1, of the line of text that begins with
// prefix.
func lineNumber(t testing.TB, text, prefix string) int {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line begins with %q", prefix)
	return 0
}

// TestValidateCardRows: a row of the card's tables that names a file gives
// its sha256 and, when its second cell is a number, its size; a problem
// names the card's line, from 1.
func TestValidateCardRows(t *testing.T) {
	fresh := smallRelease(t)
	m := manifestOf(t, fresh)
	parquetSum, jsonlSum, licenseSum := output(m, ParquetFile).SHA256, output(m, JSONLFile).SHA256, output(m, LicenseFile).SHA256
	licenseBytes := output(m, LicenseFile).Bytes
	license := fmt.Sprintf("| `LICENSE` | %d |  | `%s` |", licenseBytes, licenseSum)
	digest := "| `digest.txt` | 100 | `" + m.Inputs[0].SHA256 + "` | utf-8 | digest | 2 |"
	zeros := strings.Repeat("0", 64)
	tests := []struct {
		name     string
		old, new string // a row of the card and what replaces it; the problem is on new's last line
		want     string // with %d for that line's number; "" for no problem
	}{
		{"a file the release does not hold", license, license + "\n| `ghost.txt` | 1 |  | `" + zeros + "` |",
			`README.md:%d: "ghost.txt" is not a file of the release`},
		{"a source the manifest does not list", digest, digest + "\n| `ghost.txt` | 100 | `" + zeros + "` | utf-8 | digest | 2 |",
			`README.md:%d: "ghost.txt" is not an input of the manifest`},
		{"a wrong checksum", "| `corpus.parquet` |", "| `corpus.parquet` | 1 | 3 | `" + zeros + "` |",
			"README.md:%d: corpus.parquet: sha256 " + zeros + ", not " + parquetSum},
		{"a wrong size", license, fmt.Sprintf("| `LICENSE` | %d |  | `%s` |", licenseBytes-1, licenseSum),
			fmt.Sprintf("README.md:%%d: LICENSE: %d bytes, not %d", licenseBytes-1, licenseBytes)},
		{"a size of 0", license, "| `LICENSE` | 0 |  | `" + licenseSum + "` |",
			fmt.Sprintf("README.md:%%d: LICENSE: 0 bytes, not %d", licenseBytes)},
		{"no size", license, "| `LICENSE` |  |  | `" + licenseSum + "` |", ""},
		{"a size that is not a number", license, "| `LICENSE` | n/a |  | `" + licenseSum + "` |", ""},
		// Two cells are enough: the name, and the checksum.
		{"a row of two cells", license, license + "\n| `corpus.jsonl` | `" + zeros + "` |",
			"README.md:%d: corpus.jsonl: sha256 " + zeros + ", not " + jsonlSum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, fresh)
			card := string(readReleaseFile(t, dir, CardFile))
			at := lineNumber(t, card, tt.old) + strings.Count(tt.new, "\n")
			start := strings.Index(card, tt.old)
			end := start + strings.IndexByte(card[start:], '\n')
			card = card[:start] + tt.new + card[end:]
			replaceFile(t, dir, CardFile, []byte(card))
			var want []string
			if tt.want != "" {
				want = []string{fmt.Sprintf(tt.want, at)}
			}
			if diff := cmp.Diff(want, problemsOf(dir)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// withDeadline runs f, failing the test if it does not return within a
// second (a loop that never ends).
func withDeadline[T any](t *testing.T, what string, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(time.Second):
		t.Fatalf("%s does not return", what)
		panic("unreachable")
	}
}

// TestTableCells: a row is split at its pipes, but not at one escaped by a
// backslash, nor does an escaped backslash escape the pipe after it.
func TestTableCells(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"", nil},
		{"|", nil},
		{"not a row", nil},
		{"| a | b", nil},
		{"||", []string{""}},
		{"| |", []string{""}},
		{"| a | b |", []string{"a", "b"}},
		{`| a\|b | c |`, []string{`a\|b`, "c"}},
		{`| a\\| b |`, []string{`a\\`, "b"}},
		{`| \` + "`x`" + `\| |`, []string{`\` + "`x`" + `\|`}},
		{`| a\|`, nil},
	}
	for _, tt := range tests {
		got := withDeadline(t, fmt.Sprintf("tableCells(%q)", tt.line), func() []string { return tableCells(tt.line) })
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tableCells(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestValidateShortRecordLine: a line far shorter than any record, yet
// JSON, is reported, not a crash.
func TestValidateShortRecordLine(t *testing.T) {
	dir := smallRelease(t)
	lines := bytes.SplitAfter(readReleaseFile(t, dir, JSONLFile), []byte("\n"))
	lines[0] = []byte("{}\n")
	replaceFile(t, dir, JSONLFile, bytes.Join(lines, nil))
	problems := strings.Join(problemsOf(dir), "\n")
	if !strings.Contains(problems, "corpus.jsonl:1: field id is missing") {
		t.Errorf("problems:\n%s\nwant one saying line 1 has no id", problems)
	}
}

// TestValidateSourceChecksum: a record of a text input gives the input's
// sha256; one of a WARC capture gives its payload's, which is not the WARC
// file's.
func TestValidateSourceChecksum(t *testing.T) {
	records := smallRecords()
	digestSum, payloadSum := records[0].Source.SHA256, records[2].Source.SHA256
	warcFile := sha256Hex([]byte("the whole WARC file"))
	otherText := sha256Hex([]byte("another digest.txt"))
	tests := []struct {
		name   string
		inputs map[string]string
		want   []string
	}{
		{"the WARC file's checksum", map[string]string{"digest.txt": digestSum, "pages.warc": warcFile}, nil},
		{"the WARC payload's checksum", map[string]string{"digest.txt": digestSum, "pages.warc": payloadSum}, nil},
		{"another text file's checksum", map[string]string{"digest.txt": otherText, "pages.warc": warcFile}, []string{
			"corpus.jsonl:1: digest#1: source sha256 " + digestSum + ", the manifest's input has " + otherText,
			"corpus.jsonl:2: digest#2: source sha256 " + digestSum + ", the manifest's input has " + otherText,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := releaseOf(t, records, func(path string) string { return tt.inputs[path] })
			if diff := cmp.Diff(tt.want, problemsOf(dir)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// withFooterRows rewrites the footer of a Parquet file to give n rows,
// whatever its row groups hold.
func withFooterRows(t testing.TB, data []byte, n int64) []byte {
	t.Helper()
	size := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
	start := len(data) - 8 - size
	var meta format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), data[start:len(data)-8], &meta); err != nil {
		t.Fatal(err)
	}
	meta.NumRows = n
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	out := append(bytes.Clone(data[:start]), footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// TestValidateRowsBeyondFooter: a Parquet file whose row group holds more
// rows than its footer says, and more than the JSONL's lines, is reported
// with the rows read, not the footer's count.
func TestValidateRowsBeyondFooter(t *testing.T) {
	dir := smallRelease(t)
	replaceFile(t, dir, ParquetFile, withFooterRows(t, readReleaseFile(t, dir, ParquetFile), 1))
	lines := bytes.SplitAfter(readReleaseFile(t, dir, JSONLFile), []byte("\n"))
	replaceFile(t, dir, JSONLFile, bytes.Join(lines[:2], nil))
	problems := strings.Join(problemsOf(dir), "\n")
	for _, want := range []string{
		"corpus.parquet: the footers give 1 rows, the manifest's outputs say 3 records",
		"corpus.parquet has 3 rows, corpus.jsonl 2 lines",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems:\n%s\nwant %q", problems, want)
		}
	}
}

// TestLineReaderLimit: a line may hold max bytes with its newline, across
// the reader's buffer; one byte more and it is skipped and reported, and the
// lines after it are read. It reads a bounded number of lines, so that a
// reader that never reaches the end fails rather than hangs.
func TestLineReaderLimit(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
	}{
		{"lines", "short\n" + strings.Repeat("x", 19) + "\n" + strings.Repeat("y", 20) + "\nok\ntail", []string{
			`"short" <nil>`,
			`"xxxxxxxxxxxxxxxxxxx" <nil>`,
			`"" a line longer than 20 bytes`,
			`"ok" <nil>`,
			`"tail" the last line does not end with a newline`,
		}},
		{"a line far too long", strings.Repeat("z", 50) + "\nok\n", []string{`"" a line longer than 20 bytes`, `"ok" <nil>`}},
		{"ending with a newline", "a\n", []string{`"a" <nil>`}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// bufio's smallest buffer, 16 bytes, so a line of 20 takes two reads.
			l := &lineReader{r: bufio.NewReaderSize(strings.NewReader(tt.input), 16), max: 20}
			var got []string
			for range 10 {
				line, err := l.next()
				if errors.Is(err, io.EOF) {
					break
				}
				got = append(got, fmt.Sprintf("%q %v", line, err))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}
