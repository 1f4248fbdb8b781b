package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/unicode/norm"

	"github.com/nkcorpus/builder/dates"
	"github.com/nkcorpus/builder/decode"
	"github.com/nkcorpus/builder/extract"
	"github.com/nkcorpus/builder/neardup"
	"github.com/nkcorpus/builder/outlet"
	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// fileResult is what one input file produced.
type fileResult struct {
	input      release.Input
	records    []schema.Record
	signatures []neardup.Signature // one per record, for near-duplicates
	stages     Stages
}

// process reads, decodes and extracts one input file and builds its records.
func (b *builder) process(f inputFile) (res fileResult) {
	in := &res.input
	*in = release.Input{Path: f.path, Bytes: f.size}
	if f.skip != "" {
		in.Skipped = f.skip
		return res
	}
	clock := startLap()
	raw, err := readLimited(f.abs, b.opts.MaxFileSize)
	if err != nil {
		in.Skipped = err.Error()
		return res
	}
	sum := sha256.Sum256(raw)
	in.SHA256, in.Bytes = hex.EncodeToString(sum[:]), int64(len(raw))
	res.stages.Read = clock.next()
	text, err := decode.Decode(raw)
	res.stages.Decode = clock.next()
	if err != nil {
		in.Skipped = decodeAdvice(err)
		return res
	}
	in.Encoding = text.Encoding
	if text.Replaced > 0 {
		in.Warnings = append(in.Warnings, fmt.Sprintf("%d invalid UTF-8 sequences replaced by U+FFFD", text.Replaced))
	}
	found := extract.Extract(text.Text)
	res.stages.Extract = clock.next()
	in.Layout = found.Layout
	for _, d := range found.Dropped {
		in.Dropped = append(in.Dropped, release.Dropped{LineStart: d.LineStart, LineEnd: d.LineEnd, Reason: d.Reason})
	}
	src := b.sources[f.path]
	res.records = make([]schema.Record, 0, len(found.Items))
	res.signatures = make([]neardup.Signature, 0, len(found.Items))
	for i, it := range found.Items {
		r := b.record(it, src, len(found.Items) == 1, &res.stages)
		r.ID = fmt.Sprintf("%s#%d", f.stem, i+1)
		r.Source = schema.Source{Path: f.path, SHA256: in.SHA256, Encoding: text.Encoding, LineStart: int32(it.LineStart), LineEnd: int32(it.LineEnd)}
		r.Layout = found.Layout
		res.records = append(res.records, r)
		clock = startLap()
		res.signatures = append(res.signatures, neardup.Sign(r.Body))
		res.stages.Duplicates += clock.next()
	}
	in.Records = len(res.records)
	return res
}

// decodeAdvice turns a decoding error into a skip reason that says what to do.
func decodeAdvice(err error) string {
	switch {
	case errors.Is(err, decode.ErrEmpty):
		return "empty file: no text to read"
	case errors.Is(err, decode.ErrBinary):
		return "binary content, not text (an image or other non-text file; remove it or convert it to text)"
	}
	return err.Error() + " (convert the file to UTF-8)"
}

// openInput opens an input file; tests replace it to simulate files the
// builder may not read, which root can always read.
var openInput = os.Open

// readLimited reads a file, refusing one that grew past the limit since it
// was listed.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := openInput(name)
	if err != nil {
		return nil, errors.New(unreadable(err))
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, errors.New(unreadable(err))
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("too large: over the limit of %d bytes (raise it with --max-file-size)", limit)
	}
	return raw, nil
}

// record fills a record's fields from an item and its sources.tsv row. For a
// capture of one article the row's url and outlet win over the text; for a
// capture of many items (a digest, a tag page) they describe the page, not
// each item, and are not copied into the items.
func (b *builder) record(it extract.Item, src source, single bool, stages *Stages) schema.Record {
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
	outletText := it.Outlet
	if single && src.URL != "" {
		r.URL = &src.URL
	}
	if single && src.Outlet != "" {
		outletText = src.Outlet
	}
	if outletText != "" {
		o := outlet.Normalize(outletText)
		r.Outlet, r.OutletCountry = optional(o.Name), optional(o.Country)
	}
	if it.DateText != "" {
		if p, ok := dates.Parse(it.DateText, src.Retrieved); ok && p.Resolved {
			r.Date, r.DatePrecision = &p.Date, &p.Precision
		}
	}
	// A date in the URL of a one-article capture, when its text gives none.
	if r.Date == nil && r.DateText == nil && single && src.URL != "" {
		if p, text, ok := dates.FromURL(src.URL); ok {
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

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
