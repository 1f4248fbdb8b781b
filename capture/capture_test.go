package capture

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"
)

// read runs Read over raw and collects its captures.
func read(t *testing.T, raw []byte, limit int64) ([]Capture, File, error) {
	t.Helper()
	var got []Capture
	f, err := Read(bytes.NewReader(raw), limit, func(c Capture) error {
		got = append(got, c)
		return nil
	})
	return got, f, err
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zstded(t *testing.T, data []byte) []byte {
	t.Helper()
	w, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return w.EncodeAll(data, nil)
}

// bzip2Text is "Shusha is Shushi.\n" compressed by bzip2 -9 (the standard
// library reads bzip2 but does not write it).
var bzip2Text = []byte{
	0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x91, 0x6a,
	0x38, 0x4e, 0x00, 0x00, 0x02, 0x53, 0x80, 0x00, 0x10, 0x40, 0x01, 0x08,
	0x00, 0x20, 0x60, 0x0a, 0x00, 0x20, 0x00, 0x21, 0xa3, 0x26, 0x9a, 0x08,
	0x32, 0x62, 0x0c, 0x73, 0x1c, 0x62, 0x02, 0x9f, 0x04, 0x3c, 0x5d, 0xc9,
	0x14, 0xe1, 0x42, 0x42, 0x45, 0xa8, 0xe1, 0x38,
}

// TestWholeFiles reads files that are one capture each, compressed or not,
// recognised by their bytes whatever they are called.
func TestWholeFiles(t *testing.T) {
	text := []byte("Shusha is Shushi.\n")
	twoMembers := append(gzipped(t, text[:7]), gzipped(t, text[7:])...)
	for _, tc := range []struct {
		name, compression string
		raw               []byte
	}{
		{"plain", "", text},
		{"gzip", "gzip", gzipped(t, text)},
		{"gzip of two members", "gzip", twoMembers},
		{"zstd", "zstd", zstded(t, text)},
		{"bzip2", "bzip2", bzip2Text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, f, err := read(t, tc.raw, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if f.Compression != tc.compression || f.WARC != nil {
				t.Errorf("file = %+v, want compression %q and no WARC", f, tc.compression)
			}
			if len(got) != 1 || string(got[0].Body) != string(text) || got[0].Offset != -1 || got[0].Position != 0 {
				t.Fatalf("captures = %+v, want one of the whole text", got)
			}
			if got[0].Read != int64(len(tc.raw)) {
				t.Errorf("Read = %d, want the file's %d bytes", got[0].Read, len(tc.raw))
			}
		})
	}
}

// TestBombs checks that decompression stops at the limit: a small file that
// inflates far past it is refused, not inflated to its end.
func TestBombs(t *testing.T) {
	zeros := make([]byte, 20<<20)
	for _, tc := range []struct {
		name string
		raw  []byte
	}{
		{"plain", zeros[:2<<20]},
		{"gzip", gzipped(t, zeros)},
		{"zstd", zstded(t, zeros)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counted := &countingReader{r: bytes.NewReader(tc.raw)}
			_, err := Read(counted, 1<<20, func(Capture) error {
				t.Fatal("a capture over the limit was yielded")
				return nil
			})
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			if !strings.Contains(err.Error(), "--max-file-size") {
				t.Errorf("err = %q does not say how to raise the limit", err)
			}
		})
	}
}

// warcRecord writes one WARC record as crawlers do.
func warcRecord(kind, uri string, fields []string, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-%d>\r\nWARC-Date: 2024-05-21T10:00:00Z\r\n", kind, kind, len(block))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	for _, f := range fields {
		b.WriteString(f + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func httpResponse(status, contentType, extraHeaders, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n%s", status, contentType, extraHeaders, len(body), body)
}

const page = "<html><head><title>Shusha</title></head><body><p>Shusha is Shushi.</p></body></html>"

// warcRecords are the records of a crawl: the crawler's own, pages in
// every encoding a server sends, and records that are not pages.
func warcRecords(t *testing.T) []string {
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n" +
		fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 20, page[:20], len(page)-20, page[20:])
	gzPage := string(gzipped(t, []byte(page)))
	return []string{
		warcRecord("warcinfo", "", []string{"Content-Type: application/warc-fields"}, "software: test\r\n"),
		warcRecord("request", "<http://example.am/a>", []string{"Content-Type: application/http;msgtype=request"}, "GET /a HTTP/1.1\r\nHost: example.am\r\n\r\n"),
		warcRecord("response", "<http://example.am/a>", []string{"Content-Type: application/http;msgtype=response"}, httpResponse("200 OK", "text/html; charset=windows-1251", "", page)),
		warcRecord("response", "http://example.am/chunked", []string{"Content-Type: application/http; msgtype=response"}, chunked),
		warcRecord("response", "http://example.am/gz", []string{"Content-Type: application/http; msgtype=response"}, httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", gzPage)),
		warcRecord("response", "http://example.am/missing", []string{"Content-Type: application/http; msgtype=response"}, httpResponse("404 Not Found", "text/html", "", "gone")),
		warcRecord("response", "http://example.am/logo.png", []string{"Content-Type: application/http; msgtype=response"}, httpResponse("200 OK", "image/png", "", "\x89PNG\r\n\x1a\n")),
		warcRecord("revisit", "http://example.am/a", []string{"Content-Type: application/http; msgtype=response", "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}, "HTTP/1.1 200 OK\r\n\r\n"),
		warcRecord("metadata", "http://example.am/a", []string{"Content-Type: application/warc-fields"}, "outlinks: http://example.am/b\r\n"),
		warcRecord("resource", "https://example.am/saved.txt", []string{"Content-Type: text/plain"}, "Shusha is Shushi."),
		warcRecord("resource", "metadata://crawler/log.txt", []string{"Content-Type: text/plain"}, "fetched 3 pages"),
	}
}

type seen struct {
	Position            int
	URL, MediaType      string
	Charset, Body       string
	HasRecord, OffsetOK bool
}

func seenOf(caps []Capture, offsets []int64) []seen {
	var out []seen
	for _, c := range caps {
		ok := false
		for _, o := range offsets {
			ok = ok || o == c.Offset
		}
		out = append(out, seen{c.Position, c.URL, c.MediaType, c.Charset, string(c.Body), strings.HasPrefix(c.Record, "<urn:uuid:"), ok})
	}
	return out
}

var wantSeen = []seen{
	{3, "http://example.am/a", "text/html", "windows-1251", page, true, true},
	{4, "http://example.am/chunked", "text/html", "utf-8", page, true, true},
	{5, "http://example.am/gz", "text/html", "", page, true, true},
	{10, "https://example.am/saved.txt", "text/plain", "", "Shusha is Shushi.", true, true},
}

var wantNotCaptures = map[string]int{
	"warcinfo": 1, "request": 1, "response 404": 1, "response 200 image/png": 1, "revisit": 1, "metadata": 1,
	"resource metadata: (not a web page)": 1,
}

// TestWARC reads a WARC plain, gzip-compressed record by record, and
// compressed as a whole, and finds the same captures, each at its record's
// offset.
func TestWARC(t *testing.T) {
	records := warcRecords(t)
	var plain, perRecord bytes.Buffer
	var plainOffsets, memberOffsets []int64
	for _, r := range records {
		plainOffsets = append(plainOffsets, int64(plain.Len()))
		plain.WriteString(r)
		memberOffsets = append(memberOffsets, int64(perRecord.Len()))
		perRecord.Write(gzipped(t, []byte(r)))
	}
	for _, tc := range []struct {
		name, compression string
		raw               []byte
		offsets           []int64
	}{
		{"plain", "", plain.Bytes(), plainOffsets},
		{"gzip per record", "gzip", perRecord.Bytes(), memberOffsets},
		{"gzip as a whole", "gzip", gzipped(t, plain.Bytes()), plainOffsets},
		{"zstd as a whole", "zstd", zstded(t, plain.Bytes()), plainOffsets},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, f, err := read(t, tc.raw, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if f.Compression != tc.compression || f.WARC == nil {
				t.Fatalf("file = %+v, want a WARC, compression %q", f, tc.compression)
			}
			if diff := cmp.Diff(wantSeen, seenOf(got, tc.offsets)); diff != "" {
				t.Errorf("captures (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantNotCaptures, f.WARC.NotCaptures); diff != "" {
				t.Errorf("records not captured (-want +got):\n%s", diff)
			}
			if f.WARC.Records != len(records) || f.WARC.Captures != len(wantSeen) || len(f.WARC.Damage) != 0 {
				t.Errorf("WARC = %+v, want %d records, %d captures, no damage", f.WARC, len(records), len(wantSeen))
			}
			for _, c := range got {
				if c.Retrieved.Format("2006-01-02T15:04:05Z") != "2024-05-21T10:00:00Z" {
					t.Errorf("record %d retrieved %v, want the WARC-Date", c.Position, c.Retrieved)
				}
			}
		})
	}
}

// TestWARCDamage cuts, breaks and pads WARCs: the records before and after
// the damage are read, and the damage is listed with its offset.
func TestWARCDamage(t *testing.T) {
	good := warcRecord("resource", "https://example.am/1", []string{"Content-Type: text/plain"}, "first")
	after := warcRecord("resource", "https://example.am/3", []string{"Content-Type: text/plain"}, "third")
	badHeader := "WARC/1.1\r\nWARC-Type: resource\r\nthis line has no colon\r\nContent-Length: 5\r\n\r\nbroke\r\n\r\n"
	noLength := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.am/2\r\n\r\nbroke\r\n\r\n"
	big := warcRecord("resource", "https://example.am/big", []string{"Content-Type: text/plain"}, strings.Repeat("x", 2000))
	cut := gzipped(t, []byte(after))
	for _, tc := range []struct {
		name    string
		raw     []byte
		bodies  []string
		damage  []int64
		problem string
	}{
		{"malformed header", []byte(good + badHeader + after), []string{"first", "third"}, []int64{int64(len(good))}, "malformed header line"},
		{"no Content-Length", []byte(good + noLength + after), []string{"first", "third"}, []int64{int64(len(good))}, "no Content-Length"},
		{"garbage between records", []byte(good + "junk junk\r\n" + after), []string{"first", "third"}, []int64{int64(len(good))}, "11 bytes that are not a WARC record, skipped"},
		{"cut inside a record", []byte(good + after[:len(after)-12]), []string{"first"}, []int64{int64(len(good))}, "cut short"},
		{"payload over the limit", []byte(good + big + after), []string{"first", "third"}, []int64{int64(len(good))}, "over the limit of 1000 bytes"},
		{"gzip member cut", append(gzipped(t, []byte(good)), cut[:len(cut)/2]...), []string{"first"}, []int64{int64(len(gzipped(t, []byte(good))))}, "cut short"},
		{"gzip member corrupt", bytes.Join([][]byte{gzipped(t, []byte(good)), corrupt(gzipped(t, []byte(big))), gzipped(t, []byte(after))}, nil),
			[]string{"first", "third"}, []int64{int64(len(gzipped(t, []byte(good))))}, "unreadable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, f, err := read(t, tc.raw, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var bodies []string
			for _, c := range got {
				bodies = append(bodies, string(c.Body))
			}
			if diff := cmp.Diff(tc.bodies, bodies); diff != "" {
				t.Errorf("captures read (-want +got):\n%s", diff)
			}
			if f.WARC == nil || len(f.WARC.Damage) != len(tc.damage) {
				t.Fatalf("WARC = %+v, want damage at %v", f.WARC, tc.damage)
			}
			for i, d := range f.WARC.Damage {
				if d.Offset != tc.damage[i] || !strings.Contains(d.Problem, tc.problem) {
					t.Errorf("damage %d = %+v, want offset %d and %q", i, d, tc.damage[i], tc.problem)
				}
			}
		})
	}
}

// corrupt flips bytes in the middle of a gzip member's compressed data.
func corrupt(member []byte) []byte {
	out := append([]byte(nil), member...)
	for i := len(out) / 3; i < len(out)/3+8; i++ {
		out[i] ^= 0xff
	}
	return out
}

// TestYieldError stops reading when the consumer does.
func TestYieldError(t *testing.T) {
	stop := errors.New("stop")
	raw := strings.Repeat(warcRecord("resource", "https://example.am/x", []string{"Content-Type: text/plain"}, "x"), 5)
	calls := 0
	_, err := Read(strings.NewReader(raw), 1<<20, func(Capture) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("err = %v after %d captures, want stop after 1", err, calls)
	}
}

// FuzzRead feeds arbitrary bytes, WARC-like and compressed: Read must end,
// never panic, and never yield a capture over the limit.
func FuzzRead(f *testing.F) {
	for _, r := range warcRecords(&testing.T{}) {
		f.Add([]byte(r))
	}
	f.Add(gzipped(&testing.T{}, []byte(warcRecord("resource", "https://a/", []string{"Content-Type: text/html"}, page))))
	f.Add(bzip2Text)
	f.Fuzz(func(t *testing.T, raw []byte) {
		_, err := Read(bytes.NewReader(raw), 4096, func(c Capture) error {
			if len(c.Body) > 4096 {
				t.Fatalf("capture of %d bytes, over the limit", len(c.Body))
			}
			return nil
		})
		if err != nil && !errors.Is(err, ErrTooLarge) && errors.Is(err, io.EOF) {
			t.Fatalf("Read returned a bare EOF: %v", err)
		}
	})
}
