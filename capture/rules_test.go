package capture

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
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
