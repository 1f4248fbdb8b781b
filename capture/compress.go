package capture

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// zstdMaxWindow bounds the memory a zstd stream may ask for: its window,
// which the format lets reach gigabytes.
const zstdMaxWindow = 64 << 20

// compressionOf names the compression whose magic bytes start the input,
// or "" for none.
func compressionOf(in *bufio.Reader) string {
	head, _ := in.Peek(10)
	switch {
	case len(head) >= 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8:
		return "gzip"
	case len(head) >= 4 && bytes.Equal(head[:4], []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return "zstd"
	case len(head) >= 10 && bytes.HasPrefix(head, []byte("BZh")) && head[3] >= '1' && head[3] <= '9' &&
		(bytes.Equal(head[4:10], []byte{0x31, 0x41, 0x59, 0x26, 0x53, 0x59}) || // a block
			bytes.Equal(head[4:10], []byte{0x17, 0x72, 0x45, 0x38, 0x50, 0x90})): // the end, of an empty stream
		return "bzip2"
	}
	return ""
}

// decompress returns the content of the input, decompressed as its magic
// bytes say, and the compression's name ("" for none). close releases
// what the decompressor holds.
func decompress(in *bufio.Reader) (content *bufio.Reader, compression string, close func(), err error) {
	compression = compressionOf(in)
	var r io.Reader
	close = func() {}
	switch compression {
	case "":
		return in, "", close, nil
	case "gzip":
		gz, err := gzip.NewReader(in) // reads every member, as gunzip does
		if err != nil {
			return nil, compression, close, fmt.Errorf("gzip: %w", err)
		}
		r = gz
	case "zstd":
		zr, err := zstd.NewReader(in, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxWindow(zstdMaxWindow))
		if err != nil {
			return nil, compression, close, fmt.Errorf("zstd: %w", err)
		}
		r, close = zr, zr.Close
	case "bzip2":
		r = bzip2.NewReader(in)
	}
	return bufio.NewReaderSize(r, 64<<10), compression, close, nil
}

// gzipHoldsWARC reports a gzip input whose content starts as a WARC does,
// inflating a copy of its first bytes so that nothing is consumed.
func gzipHoldsWARC(in *bufio.Reader) bool {
	head, _ := in.Peek(64 << 10)
	gz, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	start := make([]byte, len(warcMagic))
	n, _ := io.ReadFull(gz, start)
	return bytes.Equal(start[:n], warcMagic)
}

var warcMagic = []byte("WARC/")

// isWARC reports content that starts as a WARC record does.
func isWARC(content *bufio.Reader) bool {
	head, _ := content.Peek(len(warcMagic))
	return bytes.Equal(head, warcMagic)
}
