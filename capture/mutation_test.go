package capture

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
)

// TestLimitIsInclusive: a file of exactly the limit is read; one byte more
// is too large, and the error names the compression whose content is over.
func TestLimitIsInclusive(t *testing.T) {
	text := []byte("Shusha is Shushi.\n")
	if got, _, err := read(t, text, int64(len(text))); err != nil || len(got) != 1 {
		t.Errorf("a file of the limit: %d captures, %v; want it read", len(got), err)
	}
	_, _, err := read(t, gzipped(t, text), int64(len(text))-1)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "its gzip content is over the limit") {
		t.Errorf("gzip over the limit: %v, want its gzip content named", err)
	}
	_, _, err = read(t, text, int64(len(text))-1)
	if !errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "content") {
		t.Errorf("plain file over the limit: %v, want too large, without a compression", err)
	}
}

// failingReader gives some bytes, then an error: a disk that fails.
type failingReader struct{ data []byte }

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, errors.New("input/output error")
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestReadError: a file that cannot be read to its end is an error naming
// what was being read.
func TestReadError(t *testing.T) {
	_, err := Read(&failingReader{[]byte("Shusha is Shushi.\n")}, 1<<20, func(Capture) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "reading file content: input/output error") {
		t.Errorf("err = %v, want reading file content: input/output error", err)
	}
}

// readOne reads a WARC and returns its captures' bodies and the WARC's
// counts.
func readOne(t *testing.T, raw []byte, limit int64) ([]Capture, *WARC) {
	t.Helper()
	got, f, err := read(t, raw, limit)
	if err != nil {
		t.Fatal(err)
	}
	if f.WARC == nil {
		t.Fatalf("not read as a WARC: %+v", f)
	}
	return got, f.WARC
}

// TestWARCVersions: the versions crawlers write are read (wget writes
// WARC/1.0, old Heritrix WARC/0.17 and 0.18); another is a record skipped.
func TestWARCVersions(t *testing.T) {
	record := warcRecord("resource", "https://example.am/v", []string{"Content-Type: text/plain"}, "text")
	for _, version := range []string{"WARC/1.0", "WARC/1.1", "WARC/0.18", "WARC/0.17"} {
		got, w := readOne(t, []byte(strings.Replace(record, "WARC/1.1", version, 1)), 1<<20)
		if len(got) != 1 || len(w.Damage) != 0 {
			t.Errorf("%s: %d captures, damage %v; want the record read", version, len(got), w.Damage)
		}
	}
	got, w := readOne(t, []byte(record+strings.Replace(record, "WARC/1.1", "WARC/2.0", 1)), 1<<20)
	if len(got) != 1 || len(w.Damage) != 1 || !strings.Contains(w.Damage[0].Problem, `record skipped: version "WARC/2.0"`) {
		t.Errorf("WARC/2.0: %d captures, damage %v; want it skipped", len(got), w.Damage)
	}
}

// TestWARCHeaderFolding: a header field may go on over lines that start with
// a space or tab; a first line that does is malformed.
func TestWARCHeaderFolding(t *testing.T) {
	folded := warcRecord("resource", "https://example.am/f", []string{"Content-Type: text/plain;\r\n\tcharset=windows-1251"}, "text")
	got, w := readOne(t, []byte(folded), 1<<20)
	if len(got) != 1 || got[0].Charset != "windows-1251" || got[0].MediaType != "text/plain" {
		t.Errorf("folded Content-Type: captures %+v, damage %v; want text/plain in windows-1251", got, w.Damage)
	}
	emptyFirst := warcRecord("resource", "", []string{"WARC-Target-URI:\r\n <https://example.am/g>", "Content-Type: text/plain"}, "text")
	if got, w := readOne(t, []byte(emptyFirst), 1<<20); len(got) != 1 || got[0].URL != "https://example.am/g" {
		t.Errorf("URI folded onto its second line: captures %+v, damage %v; want https://example.am/g", got, w.Damage)
	}
	leading := strings.Replace(folded, "WARC-Type", " WARC-Type", 1)
	if got, w := readOne(t, []byte(leading), 1<<20); len(got) != 0 || len(w.Damage) != 1 || !strings.Contains(w.Damage[0].Problem, "malformed header line") {
		t.Errorf("first field starting with a space: %d captures, damage %v; want it malformed", len(got), w.Damage)
	}
}

// TestWARCEdges: an empty block is a record, not damage; a malformed line
// is quoted up to 80 bytes.
func TestWARCEdges(t *testing.T) {
	empty := warcRecord("resource", "https://example.am/empty", []string{"Content-Type: text/plain"}, "")
	good := warcRecord("resource", "https://example.am/1", []string{"Content-Type: text/plain"}, "first")
	if got, w := readOne(t, []byte(good+empty+good), 1<<20); w.Records != 3 || len(w.Damage) != 0 || len(got) != 3 {
		t.Errorf("a record of Content-Length 0: %d records, %d captures, damage %v; want 3, 3, none", w.Records, len(got), w.Damage)
	}
	for _, tc := range []struct{ line, quoted string }{
		{strings.Repeat("x", 80), `"` + strings.Repeat("x", 80) + `"`},
		{strings.Repeat("y", 81), `"` + strings.Repeat("y", 80) + `…"`},
	} {
		bad := "WARC/1.1\r\nWARC-Type: resource\r\n" + tc.line + "\r\nContent-Length: 1\r\n\r\nx\r\n\r\n"
		_, w := readOne(t, []byte(good+bad), 1<<20)
		if len(w.Damage) != 1 || !strings.Contains(w.Damage[0].Problem, "malformed header line "+tc.quoted) {
			t.Errorf("a malformed line of %d bytes: damage %v, want it quoted as %s", len(tc.line), w.Damage, tc.quoted)
		}
	}
}

// TestWARCGzipMembers: garbage at the start of a member's content, and bytes
// between members that are no gzip member, are listed where they are; the
// records around them are read. The bytes between are fewer than a gzip
// header's ten, which reading them as a header took from the next member.
func TestWARCGzipMembers(t *testing.T) {
	first := gzipped(t, []byte(warcRecord("resource", "https://example.am/1", []string{"Content-Type: text/plain"}, "first")))
	third := gzipped(t, []byte(warcRecord("resource", "https://example.am/3", []string{"Content-Type: text/plain"}, "third")))
	junkFirst := gzipped(t, []byte("junk junk\r\n"+warcRecord("resource", "https://example.am/2", []string{"Content-Type: text/plain"}, "second")))
	for _, tc := range []struct {
		name    string
		raw     []byte
		bodies  []string
		damage  []Damage
		problem string
	}{
		{"garbage starting a member", bytes.Join([][]byte{first, junkFirst, third}, nil), []string{"first", "second", "third"},
			[]Damage{{int64(len(first)), "11 bytes that are not a WARC record, skipped"}}, ""},
		{"bytes between members", bytes.Join([][]byte{first, []byte("not gzip"), third}, nil), []string{"first", "third"},
			nil, "not a gzip member"},
	} {
		got, w := readOne(t, tc.raw, 1<<20)
		var bodies []string
		for _, c := range got {
			bodies = append(bodies, string(c.Body))
		}
		if diff := cmp.Diff(tc.bodies, bodies); diff != "" {
			t.Errorf("%s: captures (-want +got):\n%s", tc.name, diff)
		}
		if tc.damage != nil {
			if diff := cmp.Diff(tc.damage, w.Damage); diff != "" {
				t.Errorf("%s: damage (-want +got):\n%s", tc.name, diff)
			}
			continue
		}
		if len(w.Damage) != 1 || w.Damage[0].Offset != int64(len(first)) || !strings.Contains(w.Damage[0].Problem, tc.problem) {
			t.Errorf("%s: damage %v, want %q at %d", tc.name, w.Damage, tc.problem, len(first))
		}
	}
}

func deflated(t *testing.T, data []byte, zlibWrapped bool) string {
	t.Helper()
	var b bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Close() error
	}
	if zlibWrapped {
		w = zlib.NewWriter(&b)
	} else {
		fw, err := flate.NewWriter(&b, flate.DefaultCompression)
		if err != nil {
			t.Fatal(err)
		}
		w = fw
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func brotlied(t *testing.T, data []byte) string {
	t.Helper()
	var b bytes.Buffer
	w := brotli.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestWARCResponses: the content encodings servers send are undone; a
// response without a Content-Type is what its bytes look like; what cannot
// be read is counted or listed, with why.
func TestWARCResponses(t *testing.T) {
	response := func(contentType, headers, body string) string {
		return warcRecord("response", "http://example.am/r", []string{"Content-Type: application/http; msgtype=response"},
			"HTTP/1.1 200 OK\r\n"+contentType+headers+"\r\n"+body)
	}
	html := "Content-Type: text/html\r\n"
	for _, tc := range []struct{ name, record string }{
		{"deflate in zlib", response(html, "Content-Encoding: deflate\r\n", deflated(t, []byte(page), true))},
		{"raw deflate", response(html, "Content-Encoding: deflate\r\n", deflated(t, []byte(page), false))},
		{"br", response(html, "Content-Encoding: br\r\n", brotlied(t, []byte(page)))},
		{"zstd", response(html, "Content-Encoding: zstd\r\n", string(zstded(t, []byte(page))))},
		{"no Content-Type", response("", "", page)},
	} {
		got, w := readOne(t, []byte(tc.record), 1<<20)
		if len(got) != 1 || string(got[0].Body) != page || got[0].MediaType != "text/html" {
			t.Errorf("%s: captures %+v, damage %v; want the page as text/html", tc.name, got, w.Damage)
		}
	}
	for _, tc := range []struct{ name, record, notCapture, damage string }{
		{"sniffed image", response("", "", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "response 200 image/png", ""},
		{"response not HTTP", warcRecord("response", "dns:example.am", []string{"Content-Type: text/dns"}, "example.am. 300 IN A 192.0.2.1"), "response text/dns", ""},
		{"response without a type", warcRecord("response", "http://example.am/x", nil, "x"), "response (no content type)", ""},
		{"HTTP not readable", warcRecord("response", "http://example.am/x", []string{"Content-Type: application/http"}, "not HTTP at all"), "", "HTTP response not read"},
		{"unknown encoding", response(html, "Content-Encoding: compress\r\n", "x"), "", `payload not read: content encoding "compress" is not supported`},
		{"corrupt gzip", response(html, "Content-Encoding: gzip\r\n", string(corrupt(gzipped(t, bytes.Repeat([]byte(page), 20))))), "", "payload not read: "},
	} {
		got, w := readOne(t, []byte(tc.record), 1<<20)
		if len(got) != 0 {
			t.Errorf("%s: captured %+v", tc.name, got)
		}
		if tc.notCapture != "" && w.NotCaptures[tc.notCapture] != 1 {
			t.Errorf("%s: not captured %v, want %q", tc.name, w.NotCaptures, tc.notCapture)
		}
		if tc.damage != "" && (len(w.Damage) != 1 || !strings.Contains(w.Damage[0].Problem, tc.damage)) {
			t.Errorf("%s: damage %v, want %q", tc.name, w.Damage, tc.damage)
		}
	}
}
