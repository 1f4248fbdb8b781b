// Package capture reads the input files of a build as captures: the bytes
// of one page (text or HTML) with what is known of it — its media type and
// charset, its URL and capture date, and where it came from — so that a text
// file, an .html.gz and the hundredth response of a WARC go down the same road.
//
// # Inputs
//
// A file is recognised by its bytes, never its name:
//
//   - gzip (a file of several members too, as .warc.gz is), zstd and bzip2
//     are decompressed as they are read, and what they hold is read in turn
//     (one level: a compressed file inside a compressed file is not opened);
//   - a WARC file (1.0 or 1.1; plain, gzip-compressed record by record, or
//     compressed as a whole) is read record by record, never whole: each
//     response record with HTTP status 200 and an HTML or text payload, and
//     each resource record of such a type, is a capture; the other records
//     are counted by why they are not;
//   - any other file is one capture.
//
// What a capture may hold is bounded: a file's decompressed content, or a
// WARC record's payload, over the limit is not read.
package capture

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"
)

// Capture is one page to read.
type Capture struct {
	// Position is the WARC record's 1-based position in its file, counting
	// records of every type; 0 for a capture that is a whole file.
	Position int
	// Record is the WARC-Record-ID, "" outside a WARC.
	Record string
	// Offset is the byte offset of the WARC record in its file (in the
	// decompressed stream for a WARC compressed as a whole); -1 outside a WARC.
	Offset int64
	URL    string
	// Retrieved is the capture date (WARC-Date); zero when not known.
	Retrieved time.Time
	// MediaType and Charset come from the HTTP Content-Type (or a resource
	// record's); "" when not given, for the bytes to tell.
	MediaType, Charset string
	Body               []byte
	// Read is how many bytes of the input file had been read when this
	// capture was, for progress.
	Read int64
}

// File is what reading an input file found besides its captures.
type File struct {
	// Compression is "gzip", "zstd" or "bzip2" for a compressed file.
	Compression string
	// WARC is set for a WARC file.
	WARC *WARC
}

// WARC counts the records of a WARC file.
type WARC struct {
	Records  int `json:"records"`
	Captures int `json:"captures"`
	// NotCaptures counts the records that are not captures, by why:
	// "request", "revisit", "response 404", "response 200 image/png"…
	NotCaptures map[string]int `json:"not_captures"`
	// Damage lists what could not be read, where.
	Damage []Damage `json:"damage,omitempty"`
}

// Damage is a part of a WARC file that could not be read.
type Damage struct {
	Offset  int64  `json:"offset"`
	Problem string `json:"problem"`
}

// ErrTooLarge is returned for a file whose content is over the limit.
var ErrTooLarge = errors.New("too large")

// Read reads the input file r, handing each capture to yield in order. limit
// bounds the decompressed content of a file that is not a WARC, and each
// payload of a WARC. An error from yield stops the reading and is returned.
// Damage inside a WARC is listed in File.WARC, not returned: the records
// before and after it are read.
func Read(r io.Reader, limit int64, yield func(Capture) error) (File, error) {
	counted := &countingReader{r: r}
	in := bufio.NewReaderSize(counted, 64<<10)
	var f File
	if compressionOf(in) == "gzip" && gzipHoldsWARC(in) {
		// A .warc.gz is read member by member, so that a record's offset is
		// where its gzip member starts and a damaged member costs only its
		// own records.
		f.Compression, f.WARC = "gzip", newWARC()
		return f, readGzipWARC(in, counted, limit, f.WARC, yield)
	}
	content, compression, closeContent, err := decompress(in)
	if err != nil {
		return f, err
	}
	defer closeContent()
	f.Compression = compression
	if isWARC(content) {
		f.WARC = newWARC()
		return f, readWARC(content, counted, limit, f.WARC, yield)
	}
	body, err := io.ReadAll(io.LimitReader(content, limit+1))
	if err != nil {
		return f, fmt.Errorf("reading %s content: %w", orPlain(compression), err)
	}
	if int64(len(body)) > limit {
		if compression != "" {
			return f, fmt.Errorf("%w: its %s content is over the limit of %d bytes (raise it with --max-file-size)", ErrTooLarge, compression, limit)
		}
		return f, fmt.Errorf("%w: over the limit of %d bytes (raise it with --max-file-size)", ErrTooLarge, limit)
	}
	return f, yield(Capture{Offset: -1, Body: body, Read: counted.n})
}

func orPlain(compression string) string {
	if compression == "" {
		return "file"
	}
	return compression
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
