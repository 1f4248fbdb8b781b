package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/nkcorpus/builder/capture"
	"github.com/nkcorpus/builder/dates"
	"github.com/nkcorpus/builder/decode"
	"github.com/nkcorpus/builder/extract"
	"github.com/nkcorpus/builder/neardup"
	"github.com/nkcorpus/builder/outlet"
	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
	"github.com/nkcorpus/builder/webpage"
)

// captureResult is what one capture of an input file produced, or, as the
// file's last result, what reading the file found.
type captureResult struct {
	file       int // the input's index
	position   int // the capture's WARC position; 0 for a whole file
	offset     int64
	record     string
	layout     string
	encoding   string
	mediaType  string
	records    []schema.Record
	signatures []neardup.Signature // one per record, for near-duplicates
	dropped    []release.Dropped
	warnings   []string
	skip       string // why the capture gave nothing to read
	read       int64  // bytes of the input file read so far
	stages     Stages
	end        *fileEnd
}

// fileEnd is what reading a whole input file found.
type fileEnd struct {
	sha256      string
	bytes       int64
	compression string
	warc        *capture.WARC
	skip        string
}

// readFile reads input file i and submits a job for each of its captures,
// then one for its end. Reading runs on one goroutine, file after file; the
// jobs run on the workers.
func (b *builder) readFile(i int, f inputFile, submit func(int64, func() captureResult) error) error {
	end := &fileEnd{bytes: f.size}
	finish := func() error {
		return submit(0, func() captureResult { return captureResult{file: i, end: end} })
	}
	if f.skip != "" {
		end.skip = f.skip
		return finish()
	}
	clock := startLap()
	fh, err := openListed(f)
	if err != nil {
		end.skip = unreadable(err)
		return finish()
	}
	defer fh.Close()
	raw := &hashingReader{r: contextReader{b.ctx, fh}, hash: sha256.New()}
	var submitErr error
	file, err := capture.Read(raw, b.opts.MaxFileSize, func(c capture.Capture) error {
		sum := ""
		if c.Position == 0 {
			// A capture that is the whole file: its checksum is the file's.
			if _, err := io.Copy(io.Discard, raw); err != nil {
				return err
			}
			sum = raw.sum()
		}
		read := clock.next()
		submitErr = submit(int64(len(c.Body)), func() captureResult {
			r := b.capture(i, f, &c, sum)
			r.stages.Read = read
			return r
		})
		clock.next() // the wait for room in flight is not reading
		return submitErr
	})
	switch {
	case submitErr != nil:
		return submitErr
	case b.ctx.Err() != nil:
		return b.ctx.Err()
	case errors.Is(err, capture.ErrTooLarge) && file.Compression == "":
		end.skip = fmt.Sprintf("too large: %d bytes, over the limit of %d (raise it with --max-file-size)", f.size, b.opts.MaxFileSize)
		return finish()
	case errors.Is(err, capture.ErrTooLarge):
		end.skip = err.Error()
		return finish()
	case err != nil:
		end.skip = unreadable(err)
		return finish()
	}
	if _, err := io.Copy(io.Discard, raw); err != nil { // what the reading left, for the checksum
		if b.ctx.Err() != nil {
			return b.ctx.Err()
		}
		end.skip = unreadable(err)
		return finish()
	}
	end.sha256, end.bytes, end.compression, end.warc = raw.sum(), raw.n, file.Compression, file.WARC
	return finish()
}

// contextReader stops reading once its context is done, so that an
// interrupt stops a build inside a large input.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// hashingReader hashes and counts what is read through it.
type hashingReader struct {
	r    io.Reader
	hash hash.Hash
	n    int64
}

func (h *hashingReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.hash.Write(p[:n])
	h.n += int64(n)
	return n, err
}

func (h *hashingReader) sum() string { return hex.EncodeToString(h.hash.Sum(nil)) }

// capture decodes and extracts one capture and builds its records. sum is
// the input file's checksum for a capture that is the whole file. The
// capture's bytes are let go once decoded: only the text is held after.
func (b *builder) capture(i int, f inputFile, c *capture.Capture, sum string) captureResult {
	c.URL, c.Record = headerText(c.URL), headerText(c.Record)
	res := captureResult{file: i, position: c.Position, offset: c.Offset, record: c.Record, read: c.Read}
	if sum == "" {
		s := sha256.Sum256(c.Body)
		sum = hex.EncodeToString(s[:])
	}
	clock := startLap()
	ctx := b.contextOf(f, *c)
	found, lines, err := b.read(c, ctx, &res)
	res.stages.Decode = clock.next()
	if err != nil {
		res.skip = decodeAdvice(err)
		return res
	}
	res.layout = found.Layout
	for _, d := range found.Dropped {
		res.dropped = append(res.dropped, b.dropped(*c, d.LineStart, d.LineEnd, d.Reason))
	}
	res.records = make([]schema.Record, 0, len(found.Items))
	res.signatures = make([]neardup.Signature, 0, len(found.Items))
	for _, it := range found.Items {
		if b.ctx.Err() != nil {
			break // interrupted: the build ends without this capture
		}
		if size := bodySize(it); size > maxBodyBytes {
			res.dropped = append(res.dropped, b.dropped(*c, it.LineStart, it.LineEnd,
				fmt.Sprintf("body of %d bytes, over the limit of %d a record (no article is this long: split the capture to keep it)", size, maxBodyBytes)))
			continue
		}
		r := b.record(it, ctx, len(found.Items) == 1, lines, &res.stages)
		if r.WordCount == 0 {
			res.dropped = append(res.dropped, b.dropped(*c, it.LineStart, it.LineEnd, "no words: the body holds only symbols, emoji or invisible marks"))
			continue
		}
		if len(r.Mentions) > maxMentions {
			res.warnings = append(res.warnings, fmt.Sprintf("lines %d-%d: %d mentions, over the limit of %d a record; the first %d are kept",
				it.LineStart, it.LineEnd, len(r.Mentions), maxMentions, maxMentions))
			r.Mentions = slices.Clone(r.Mentions[:maxMentions]) // the others are let go
		}
		r.ID = schema.ID{Stem: f.stem, Position: c.Position, Ordinal: it.Ordinal}.String()
		r.Source = schema.Source{Path: f.name, SHA256: sum, Encoding: res.encoding, MediaType: res.mediaType,
			LineStart: int32(it.LineStart), LineEnd: int32(it.LineEnd)}
		if c.Position > 0 {
			r.Source.Record, r.Source.Offset = optional(c.Record), &c.Offset
		}
		r.Layout = found.Layout
		res.records = append(res.records, r)
		clock = startLap()
		res.signatures = append(res.signatures, neardup.Sign(r.Body))
		res.stages.Duplicates += clock.next()
	}
	return res
}

// What one record may hold, so that every record stays a size every reader
// of a release takes (a 55 MB capture of one word repeated once made a
// 1.17 GB line of JSON, mostly its mentions): an item whose body is larger
// is dropped with the reason; mentions past the limit are left out with a
// warning. Ordinals count every item a capture was cut into, so a dropped
// one does not move the ids of the others.
const (
	maxBodyBytes = 4 << 20
	maxMentions  = 10000
)

// bodySize is the length in bytes of an item's body, before it is built.
func bodySize(it extract.Item) int {
	n := 2 * max(len(it.Paragraphs)-1, 0) // the blank lines between paragraphs
	for _, p := range it.Paragraphs {
		n += len(p)
	}
	return n
}

// read decodes a capture and finds its items: an HTML page from its markup,
// anything else as text.
// For a text capture it also returns its lines, where the outlet readers
// look for credits and the site's name; for a page, its items' paragraphs
// serve.
func (b *builder) read(c *capture.Capture, ctx captureContext, res *captureResult) (extract.Result, []string, error) {
	if c.MediaType == schema.MediaHTML || c.MediaType == "" && webpage.IsHTML(c.Body) {
		page, err := webpage.Read(c.Body, webpage.Hint{URL: ctx.url, Charset: c.Charset, Retrieved: ctx.retrieved})
		c.Body = nil
		if err != nil {
			return extract.Result{}, nil, err
		}
		res.encoding, res.mediaType = page.Encoding, schema.MediaHTML
		res.warnings = append(res.warnings, replacedWarning(page.Replaced)...)
		var lines []string
		for i := range page.Result.Items {
			cleanItem(&page.Result.Items[i])
			lines = append(lines, page.Result.Items[i].Paragraphs...)
		}
		return page.Result, lines, nil
	}
	text, err := decode.Declared(c.Body, c.Charset)
	c.Body = nil
	if err != nil {
		return extract.Result{}, nil, err
	}
	res.encoding, res.mediaType = text.Encoding, schema.MediaText
	res.warnings = append(res.warnings, replacedWarning(text.Replaced)...)
	res.warnings = append(res.warnings, text.Warnings...)
	lines, dropped := dropLongLines(strings.Split(text.Text, "\n"))
	if dropped != nil {
		text.Text = strings.Join(lines, "\n")
	}
	clock := startLap()
	found := extract.Extract(text.Text)
	res.stages.Extract += clock.next()
	found.Dropped = append(dropped, found.Dropped...)
	return found, lines, nil
}

// dropLongLines empties the lines no record could hold, each longer than a
// record's body may be, and says where they were: reading them as text
// would be slow for nothing (a 60 MB line took the extractors 12 s).
func dropLongLines(lines []string) ([]string, []extract.Dropped) {
	var dropped []extract.Dropped
	for i, line := range lines {
		if len(line) > maxBodyBytes {
			dropped = append(dropped, extract.Dropped{LineStart: i + 1, LineEnd: i + 1,
				Reason: fmt.Sprintf("a line of %d bytes, over the limit of %d a record's body may hold", len(line), maxBodyBytes)})
			lines[i] = ""
		}
	}
	return lines, dropped
}

// headerText holds a value of a WARC header, which no decoder has read, to
// the rules of every field: valid UTF-8 without control characters. Each
// byte that breaks them is written %XX, as a URL writes it, so the value
// can be read back.
func headerText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// cleanItem holds an item of an HTML page to the rule decoded text follows,
// no control characters (decode.Clean): its character references (&#1;)
// are read after decoding.
func cleanItem(it *extract.Item) {
	for _, field := range []*string{&it.Title, &it.Outlet, &it.Section, &it.URL, &it.DateText} {
		*field = decode.Clean(*field)
	}
	for _, list := range [][]string{it.Byline, it.Paragraphs} {
		for i := range list {
			list[i] = decode.Clean(list[i])
		}
	}
}

func replacedWarning(replaced int) []string {
	if replaced == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d invalid UTF-8 sequences replaced by U+FFFD", replaced)}
}

// dropped is a manifest entry for an item, or a whole capture, that gave no
// record; inside a WARC it names the record.
func (b *builder) dropped(c capture.Capture, lineStart, lineEnd int, reason string) release.Dropped {
	d := release.Dropped{LineStart: lineStart, LineEnd: lineEnd, Reason: reason}
	if c.Position > 0 {
		d.Position, d.Record, d.Offset = c.Position, c.Record, &c.Offset
	}
	return d
}

// decodeAdvice turns a decoding error into a skip reason that says what
// happened and what to do.
func decodeAdvice(err error) string {
	switch {
	case errors.Is(err, decode.ErrEmpty):
		return "empty file: no text to read"
	case errors.Is(err, decode.ErrBinary):
		return err.Error() + " (an image or other non-text file; remove it or convert it to text)"
	case errors.Is(err, decode.ErrNoBOM):
		return err.Error() + " (convert the file to UTF-8, or add the byte-order mark)"
	}
	return err.Error() + " (convert the file to UTF-8)"
}

// captureContext is what is known of a capture besides its text: from its
// WARC record, or from its file's sources.tsv row. For a capture of one
// article its url and outlet win over the text; for a capture of many items
// (a digest, a tag page) they describe the page, not each item, and are not
// copied into the items.
type captureContext struct {
	url, outlet string
	retrieved   time.Time
}

func (b *builder) contextOf(f inputFile, c capture.Capture) captureContext {
	src, _ := b.sources.of(f)
	if c.Position == 0 {
		return captureContext{url: src.URL, outlet: src.Outlet, retrieved: src.Retrieved}
	}
	ctx := captureContext{url: c.URL, retrieved: c.Retrieved}
	if ctx.retrieved.IsZero() {
		ctx.retrieved = src.Retrieved
	}
	return ctx
}

// record fills a record's fields from an item and what is known of its
// capture. With no outlet from the text or the capture, the outlet is the
// one of the capture's URL (the page's host site), else of the item's.
func (b *builder) record(it extract.Item, ctx captureContext, single bool, lines []string, stages *Stages) schema.Record {
	body := norm.NFC.String(it.Body())
	r := schema.Record{
		Title:     optional(it.Title),
		Section:   optional(it.Section),
		URL:       optional(it.URL),
		DateText:  optional(it.DateText),
		Byline:    it.Byline,
		Body:      body,
		WordCount: schema.WordCount(body),
	}
	if single && ctx.url != "" {
		r.URL = &ctx.url
	}
	if o, ok := b.outletOf(it, ctx, single, lines); ok {
		r.Outlet, r.OutletCountry = optional(o.Name), optional(o.Country)
	}
	if !ctx.retrieved.IsZero() {
		d := schema.DateOf(ctx.retrieved)
		r.Retrieved = &d
	}
	if it.DateText != "" {
		if p, ok := dates.Parse(it.DateText, ctx.retrieved); ok && p.Resolved {
			r.Date, r.DatePrecision = &p.Date, &p.Precision
		}
	}
	// A date in the URL of a one-article capture, when its text gives none.
	if r.Date == nil && r.DateText == nil && single && ctx.url != "" {
		if p, text, ok := dates.FromURL(ctx.url); ok {
			r.Date, r.DatePrecision, r.DateText = &p.Date, &p.Precision, &text
		}
	}
	clock := startLap()
	r.Language, r.LanguageConfidence = b.detector.Detect(body)
	stages.Language += clock.next()
	r.Mentions = b.matcher.Find(body, r.Language)
	stages.Mentions += clock.next()
	return r
}

// outletOf reads a record's outlet, from the best source to the least:
// sources.tsv's, for a capture of one article; the original publisher a
// reprint credits ("Source: Reuters", "YEREVAN (AP) —", "• UN News"), for
// one article too, since a credit on a page of many items is an item's; the
// outlet line of the text, or the page's site name; the registry's row for
// the URL's host; the name an unknown site writes itself by; its domain.
func (b *builder) outletOf(it extract.Item, ctx captureContext, single bool, lines []string) (outlet.Outlet, bool) {
	if single && ctx.outlet != "" {
		return b.outlets.Normalize(ctx.outlet), true
	}
	if single {
		if o, ok := b.outlets.Publisher(lines); ok {
			return o, true
		}
	}
	if it.Outlet != "" {
		return b.outlets.Normalize(it.Outlet), true
	}
	for _, u := range []string{ctx.url, it.URL} {
		o, ok := b.outlets.FromURL(u)
		if !ok {
			continue
		}
		if o.Kind == "" { // not in the registry: the bare domain
			if site, ok := outlet.SiteName(u, lines); ok {
				return site, true
			}
		}
		return o, true
	}
	return outlet.Outlet{}, false
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
