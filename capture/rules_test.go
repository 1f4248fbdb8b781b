package capture

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestContentEncodings: each HTTP content encoding README lists is undone,
// deflate with or without its zlib wrapper as servers send it.
func TestContentEncodings(t *testing.T) {
	compress := func(newWriter func(*bytes.Buffer) io.WriteCloser) string {
		var b bytes.Buffer
		w := newWriter(&b)
		if _, err := w.Write([]byte(page)); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, tc := range []struct{ encoding, body string }{
		{"deflate", compress(func(b *bytes.Buffer) io.WriteCloser { return zlib.NewWriter(b) })},
		{"deflate", compress(func(b *bytes.Buffer) io.WriteCloser {
			w, err := flate.NewWriter(b, flate.DefaultCompression)
			if err != nil {
				t.Fatal(err)
			}
			return w
		})},
		{"br", compress(func(b *bytes.Buffer) io.WriteCloser { return brotli.NewWriter(b) })},
		{"zstd", string(zstded(t, []byte(page)))},
	} {
		raw := warcRecord("response", "https://example.am/page", []string{"Content-Type: application/http; msgtype=response"},
			httpResponse("200 OK", "text/html", "Content-Encoding: "+tc.encoding+"\r\n", tc.body))
		got, f, err := read(t, []byte(raw), 1<<20)
		if err != nil || len(got) != 1 || string(got[0].Body) != page || len(f.WARC.Damage) != 0 {
			t.Errorf("Content-Encoding %s: %d captures %+v, %+v, %v; want the page", tc.encoding, len(got), got, f.WARC, err)
		}
	}
}

// TestOneLevel: a compressed file inside a compressed file is read as what
// the outer one holds, the inner file's bytes, not opened in turn.
func TestOneLevel(t *testing.T) {
	inner := gzipped(t, []byte("Shusha is Shushi.\n"))
	got, f, err := read(t, gzipped(t, inner), 1<<20)
	if err != nil || f.Compression != "gzip" || len(got) != 1 || !bytes.Equal(got[0].Body, inner) {
		t.Errorf("gzip in gzip: %+v, %v; want one capture of the inner gzip's bytes", got, err)
	}
}

// TestMagicAtItsLength: a file that is just a compression's magic bytes is
// known by them; bzip2's block size digit is 1 to 9.
func TestMagicAtItsLength(t *testing.T) {
	end := "\x17\x72\x45\x38\x50\x90"
	for head, want := range map[string]string{
		"\x1f\x8b\x08":     "gzip",
		"\x1f\x8b":         "",
		"\x28\xb5\x2f\xfd": "zstd",
		"\x28\xb5\x2f":     "",
		"BZh1" + end:       "bzip2",
		"BZh9" + end:       "bzip2",
		"BZh0" + end:       "",
		"BZh:" + end:       "",
		"BZh9" + end[:5]:   "",
	} {
		if got := compressionOf(bufio.NewReader(strings.NewReader(head))); got != want {
			t.Errorf("compressionOf(%q) = %q, want %q", head, got, want)
		}
	}
}

// TestHeaderAtItsLimit: a record header of maxHeaderBytes is read, one
// byte more is damage.
func TestHeaderAtItsLimit(t *testing.T) {
	header := func(size int) string {
		head, tail := "WARC/1.1\r\nContent-Length: 0\r\n", "\r\n"
		var b strings.Builder
		b.WriteString(head)
		for left := size - len(head) - len(tail); left > 0; {
			line := min(left, 1000)
			if left-line > 0 && left-line < len("X: \r\n") {
				line -= len("X: \r\n") // leave room for a last line
			}
			b.WriteString("X: " + strings.Repeat("a", line-len("X: \r\n")) + "\r\n")
			left -= line
		}
		b.WriteString(tail)
		if b.Len() != size {
			t.Fatalf("header of %d bytes, want %d", b.Len(), size)
		}
		return b.String()
	}
	for size, ok := range map[int]bool{maxHeaderBytes: true, maxHeaderBytes + 1: false} {
		_, err := readHeader(bufio.NewReaderSize(strings.NewReader(header(size)), maxHeaderLine))
		if (err == nil) != ok {
			t.Errorf("a header of %d bytes: %v", size, err)
		}
	}
}

// cutShort reads its bytes, then fails as a body cut before its
// Content-Length does.
type cutShort struct{ r io.Reader }

func (c cutShort) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// TestPayloadBounds: a payload of the limit is read, one byte more is not;
// one cut short is read as far as it goes, unless nothing of it is there.
func TestPayloadBounds(t *testing.T) {
	r := &warcReader{w: &WARC{}, limit: 5}
	for _, c := range []struct {
		raw     io.Reader
		body    string
		problem bool
	}{
		{strings.NewReader("12345"), "12345", false},
		{strings.NewReader("123456"), "", true},
		{cutShort{strings.NewReader("123")}, "123", false},
		{cutShort{strings.NewReader("")}, "", true},
	} {
		body, problem := r.payload(c.raw, "")
		if string(body) != c.body || (problem != "") != c.problem {
			t.Errorf("payload = %q, %q; want %q, a problem %v", body, problem, c.body, c.problem)
		}
	}
}
