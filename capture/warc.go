package capture

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// # WARC records
//
// A record is a version line ("WARC/1.0", "WARC/1.1"), header fields up to
// an empty line, a block of exactly Content-Length bytes, and CRLF CRLF
// (WARC 1.1, section 4). The framing is read here, streaming: a record's
// block is read once, as it passes, and never held beyond one payload's
// limit. Both Go WARC libraries were tried on the files researchers have:
// github.com/nlnwa/gowarc v3.1.0 empties wget's WARC/1.0 target URIs (written
// in angle brackets) when it validates them and must cache each block to
// read it; github.com/internetarchive/gowarc v0.8.96 gives no offsets in an
// uncompressed WARC and stops at the first damaged record. Their writers
// make the test files.

const (
	maxHeaderLine  = 64 << 10 // a header line longer than this is damage
	maxHeaderBytes = 1 << 20  // and so are header fields past this in all
)

func newWARC() *WARC { return &WARC{NotCaptures: map[string]int{}} }

// warcReader reads the records of a WARC file, counting them into w.
type warcReader struct {
	w        *WARC
	limit    int64
	position int             // of the last record read, in the whole file
	kept     int             // damage entries when the last record was read whole
	file     *countingReader // the input file, for progress
	yield    func(Capture) error
}

// readWARC reads a WARC from an uncompressed stream (a plain WARC, or one
// compressed as a whole and decompressed by the caller): offsets are in the
// stream.
func readWARC(content io.Reader, file *countingReader, limit int64, w *WARC, yield func(Capture) error) error {
	r := &warcReader{w: w, limit: limit, file: file, yield: yield}
	_, err := r.stream(content, func(offset int64) int64 { return offset })
	var damaged streamDamage
	if errors.As(err, &damaged) {
		w.Damage = append(w.Damage, Damage{damaged.offset, damaged.problem()})
		return nil
	}
	return err
}

// readGzipWARC reads a WARC compressed record by record: a gzip member a
// record. A record's offset is its member's, where a reader seeks to inflate
// it again; a damaged member is listed and the reading goes on at the next.
func readGzipWARC(in *bufio.Reader, file *countingReader, limit int64, w *WARC, yield func(Capture) error) error {
	r := &warcReader{w: w, limit: limit, file: file, yield: yield}
	var gz *gzip.Reader
	var inflated int64 // bytes inflated from the members before this one
	for {
		member := file.n - int64(in.Buffered())
		if _, err := in.Peek(1); err != nil {
			return nil // the end of the file
		}
		var err error
		switch {
		case !atMember(in):
			// Told before a reader takes the ten bytes of a header, which
			// may hold the start of the next member.
			err = gzip.ErrHeader
		case gz == nil:
			gz, err = gzip.NewReader(in)
		default:
			err = gz.Reset(in)
		}
		if err != nil {
			w.Damage = append(w.Damage, Damage{member, "not a gzip member (" + err.Error() + "); skipped to the next one"})
			if !skipToMember(in) {
				return nil
			}
			continue
		}
		gz.Multistream(false)
		start, before := inflated, len(w.Damage)
		n, err := r.stream(gz, func(offset int64) int64 {
			if offset == 0 {
				return member
			}
			// A member holding several records: a WARC compressed as a
			// whole, whose offsets are in its content.
			return start + offset
		})
		inflated += n
		var damaged streamDamage
		switch {
		case errors.As(err, &damaged):
			// What the member's corrupt data inflated to is not reported
			// beside the member itself.
			w.Damage = append(w.Damage[:max(before, r.kept)], Damage{member, damaged.problem()})
			if !skipToMember(in) {
				return nil
			}
		case err != nil:
			return err // from yield
		}
	}
}

// skipToMember moves in to the next gzip member header, reporting whether
// there is one.
func skipToMember(in *bufio.Reader) bool {
	for !atMember(in) {
		if _, err := in.ReadByte(); err != nil {
			return false
		}
	}
	return true
}

// atMember reports whether in is at the magic bytes of a gzip member.
func atMember(in *bufio.Reader) bool {
	head, _ := in.Peek(3)
	return len(head) == 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8
}

// streamDamage is a stream that failed under the records: a file or gzip
// member that ends inside a record, or corrupt compressed data.
type streamDamage struct {
	offset int64 // of the record it failed in
	err    error
}

func (d streamDamage) Error() string { return d.err.Error() }

func (d streamDamage) problem() string {
	if errors.Is(d.err, io.ErrUnexpectedEOF) {
		return "cut short: the file ends inside this record, which is lost"
	}
	return "unreadable (" + d.err.Error() + "): this record and the rest of its gzip member are lost"
}

// stream reads the records of one uncompressed WARC stream. offsetOf maps
// an offset in the stream to the one to report. It returns how many bytes
// of the stream it read.
func (r *warcReader) stream(s io.Reader, offsetOf func(int64) int64) (int64, error) {
	counted := &countingReader{r: s}
	br := bufio.NewReaderSize(counted, maxHeaderLine)
	pos := func() int64 { return counted.n - int64(br.Buffered()) }
	skippedRecord := false // the bytes after a skipped record are its own
	for {
		garbage, err := toRecord(br, pos)
		if garbage >= 0 && !skippedRecord {
			r.damage(offsetOf(garbage), fmt.Sprintf("%d bytes that are not a WARC record, skipped", pos()-garbage))
		}
		skippedRecord = false
		if err == io.EOF {
			return counted.n, nil
		}
		offset := pos()
		if err != nil {
			return counted.n, streamDamage{offsetOf(offset), err}
		}
		r.position++
		r.w.Records++
		header, err := readHeader(br)
		switch {
		case err != nil && streamFailed(err):
			return counted.n, streamDamage{offsetOf(offset), err}
		case err != nil:
			// A malformed header: the record is skipped, and the reading
			// goes on at the next record found.
			r.damage(offsetOf(offset), "record skipped: "+err.Error())
			skippedRecord = true
			continue
		}
		block := &io.LimitedReader{R: br, N: header.length}
		if err := r.record(header, block, offsetOf(offset)); err != nil {
			return counted.n, err
		}
		if _, err := io.Copy(io.Discard, block); err != nil {
			return counted.n, streamDamage{offsetOf(offset), err}
		}
		if block.N > 0 {
			return counted.n, streamDamage{offsetOf(offset), io.ErrUnexpectedEOF}
		}
		r.kept = len(r.w.Damage)
	}
}

// streamFailed reports an error of the stream under the records (a cut or
// corrupt file or gzip member) rather than of one record's syntax.
func streamFailed(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
		errors.As(err, &corrupt)
}

// toRecord moves br to the start of the next record's version line, past
// the blank lines that end a record. garbage is where other bytes it passed
// begin, -1 if there were none. io.EOF means there is no next record.
func toRecord(br *bufio.Reader, pos func() int64) (garbage int64, err error) {
	garbage = -1
	lineStart := true
	for {
		head, err := br.Peek(len(warcMagic))
		if lineStart && bytes.Equal(head, warcMagic) {
			return garbage, nil
		}
		if len(head) == 0 {
			return garbage, err
		}
		at := pos()
		c, _ := br.ReadByte()
		if garbage < 0 && c != '\r' && c != '\n' {
			garbage = at
		}
		lineStart = c == '\n'
	}
}

// recordHeader is what a record's header says.
type recordHeader struct {
	version string
	fields  textproto.MIMEHeader
	length  int64
}

// readHeader reads a record's version line and header fields, up to the
// empty line before the block.
func readHeader(br *bufio.Reader) (recordHeader, error) {
	h := recordHeader{fields: textproto.MIMEHeader{}}
	total := 0
	line, err := readLine(br, &total)
	if err != nil {
		return h, err
	}
	h.version = line
	if h.version != "WARC/1.0" && h.version != "WARC/1.1" && h.version != "WARC/0.18" && h.version != "WARC/0.17" {
		return h, fmt.Errorf("version %q is not WARC/1.0 or WARC/1.1", h.version)
	}
	var last string
	for {
		line, err := readLine(br, &total)
		if err != nil {
			return h, err
		}
		if line == "" {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			// a continuation of the field before, which may have begun
			// empty
			values := h.fields[last]
			values[len(values)-1] = strings.TrimSpace(values[len(values)-1] + " " + strings.TrimSpace(line))
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t") {
			return h, fmt.Errorf("malformed header line %q", clip(line))
		}
		last = textproto.CanonicalMIMEHeaderKey(name)
		h.fields[last] = append(h.fields[last], strings.TrimSpace(value))
	}
	length := h.fields.Get("Content-Length")
	if length == "" {
		return h, errors.New("no Content-Length")
	}
	h.length, err = strconv.ParseInt(length, 10, 64)
	if err != nil || h.length < 0 {
		return h, fmt.Errorf("Content-Length %q is not a length", clip(length))
	}
	return h, nil
}

// readLine reads a header line without its line end, counting its bytes
// into total and refusing one that is too long.
func readLine(br *bufio.Reader, total *int) (string, error) {
	line, err := br.ReadSlice('\n')
	*total += len(line)
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return "", fmt.Errorf("a header line over %d bytes", maxHeaderLine)
	case err == io.EOF:
		return "", io.ErrUnexpectedEOF // a header the file ends in
	case err != nil:
		return "", err
	case *total > maxHeaderBytes:
		return "", fmt.Errorf("header over %d bytes", maxHeaderBytes)
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// record turns one WARC record into a capture, or counts why it is not one.
// It reads what it needs of the block; the caller skips the rest.
func (r *warcReader) record(h recordHeader, block io.Reader, offset int64) error {
	kind := strings.ToLower(h.fields.Get("Warc-Type"))
	target := strings.Trim(h.fields.Get("Warc-Target-Uri"), "<>")
	contentType := h.fields.Get("Content-Type")
	var status int
	var httpHeader http.Header
	switch kind {
	case "response":
		if !strings.HasPrefix(strings.ToLower(contentType), "application/http") {
			r.skip("response " + mediaTypeOf(contentType))
			return nil
		}
		resp, err := http.ReadResponse(bufio.NewReader(block), nil)
		if err != nil {
			r.damage(offset, "HTTP response not read: "+err.Error())
			return nil
		}
		defer resp.Body.Close()
		status, httpHeader = resp.StatusCode, resp.Header
		if status != http.StatusOK {
			r.skip(fmt.Sprintf("response %d", status))
			return nil
		}
		contentType, block = httpHeader.Get("Content-Type"), resp.Body // chunks joined by net/http
	case "resource":
		if !webURL(target) {
			r.skip("resource " + schemeOf(target))
			return nil
		}
	case "":
		r.skip("(no WARC-Type)")
		return nil
	default:
		r.skip(kind)
		return nil
	}
	label := kind
	if status != 0 {
		label = fmt.Sprintf("%s %d", kind, status)
	}
	mediaType, params, _ := mime.ParseMediaType(contentType)
	mediaType = strings.ToLower(mediaType)
	if mediaType != "" && !readable[mediaType] {
		r.skip(label + " " + mediaType)
		return nil
	}
	body, problem := r.payload(block, httpHeader.Get("Content-Encoding"))
	if problem != "" {
		r.damage(offset, problem)
		return nil
	}
	if mediaType == "" {
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(body))
		if !readable[mediaType] {
			r.skip(label + " " + mediaType)
			return nil
		}
	}
	if mediaType == "application/xhtml+xml" {
		mediaType = "text/html"
	}
	retrieved, _ := time.Parse(time.RFC3339Nano, h.fields.Get("Warc-Date"))
	r.w.Captures++
	return r.yield(Capture{
		Position:  r.position,
		Record:    h.fields.Get("Warc-Record-Id"),
		Offset:    offset,
		URL:       target,
		Retrieved: retrieved.UTC(),
		MediaType: mediaType,
		Charset:   strings.ToLower(params["charset"]),
		Body:      body,
		Read:      r.file.n,
	})
}

// readable are the media types read as pages.
var readable = map[string]bool{"text/html": true, "application/xhtml+xml": true, "text/plain": true}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

func schemeOf(s string) string {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		return u.Scheme + ": (not a web page)"
	}
	return "(no web URL)"
}

func mediaTypeOf(contentType string) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "" {
		return "(no content type)"
	}
	return strings.ToLower(mt)
}

func (r *warcReader) skip(why string) { r.w.NotCaptures[why]++ }

func (r *warcReader) damage(offset int64, problem string) {
	r.w.Damage = append(r.w.Damage, Damage{offset, problem})
}

// payload reads a payload as the server meant it, its content encoding
// undone, bounded by the limit. problem says why it could not be read.
func (r *warcReader) payload(raw io.Reader, encoding string) (body []byte, problem string) {
	decoded, closeDecoder, err := contentDecoder(raw, encoding)
	if err != nil {
		return nil, "payload not read: " + err.Error()
	}
	defer closeDecoder()
	body, err = io.ReadAll(io.LimitReader(decoded, r.limit+1))
	switch {
	case int64(len(body)) > r.limit:
		return nil, fmt.Sprintf("payload over the limit of %d bytes, not read (raise it with --max-file-size)", r.limit)
	case errors.Is(err, io.ErrUnexpectedEOF) && len(body) > 0:
		// A payload shorter than its HTTP Content-Length: a crawler's
		// truncation (WARC-Truncated); what there is is read.
	case err != nil:
		return nil, "payload not read: " + err.Error()
	}
	return body, ""
}

// contentDecoder undoes an HTTP Content-Encoding.
func contentDecoder(r io.Reader, encoding string) (io.Reader, func(), error) {
	none := func() {}
	switch enc := strings.ToLower(strings.TrimSpace(encoding)); enc {
	case "", "identity":
		return r, none, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			return nil, none, fmt.Errorf("content encoding gzip: %w", err)
		}
		return gz, none, nil
	case "deflate":
		// Servers send zlib-wrapped deflate or, wrongly, raw deflate.
		br := bufio.NewReader(r)
		if head, _ := br.Peek(2); len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			br.Discard(2)
		}
		fr := flate.NewReader(br)
		return fr, func() { fr.Close() }, nil
	case "br":
		return brotli.NewReader(r), none, nil
	case "zstd":
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxWindow(zstdMaxWindow))
		if err != nil {
			return nil, none, fmt.Errorf("content encoding zstd: %w", err)
		}
		return zr, zr.Close, nil
	default:
		return nil, none, fmt.Errorf("content encoding %q is not supported", enc)
	}
}
