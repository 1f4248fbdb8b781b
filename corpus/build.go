// Package corpus builds a release from a folder of captures: it lists the
// inputs, reads each (decode, extract, enrich) on a bounded pool of workers,
// and streams the records in id order — by source path, then ordinal — into
// a release writer.
package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/nkcorpus/builder/language"
	"github.com/nkcorpus/builder/mention"
	"github.com/nkcorpus/builder/neardup"
	"github.com/nkcorpus/builder/outlet"
	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// Dataset is the name of the dataset the builder makes.
const Dataset = "karabakh-news-corpus"

// DefaultMaxFileSize is the largest capture read unless told otherwise.
const DefaultMaxFileSize = 64 << 20

// Work in flight, read and not yet written: files a worker, and input bytes
// in all (though always one file, however large).
const (
	filesInFlight = 16
	bytesInFlight = 32 << 20
)

// Options configure a build.
type Options struct {
	Input, Output string
	Version       string
	Workers       int
	Force         bool
	MaxFileSize   int64
	// Gazetteer is a file of entities added to the built-in gazetteer.
	Gazetteer string
	// Outlets is a file of outlets added to the built-in registry.
	Outlets string
	// Strict refuses to publish a release when anything was left out.
	Strict bool
	// DuplicateWindow is how many earlier records, in id order, a record is
	// compared with for near-duplicates; not positive means all of them.
	DuplicateWindow int
	// Progress, if set, is called after each input file, and once more
	// when the release is published.
	Progress func(Progress)
	Builder  release.Builder
	// About says who made the dataset, its licence and home page, for the
	// card and the Croissant file; what it leaves empty takes the defaults.
	About release.About
	// ShardSize is the JSONL bytes past which the data is cut into shards;
	// 0 means release.DefaultShardSize.
	ShardSize int64
}

type builder struct {
	ctx      context.Context // reading an input stops when it is done
	opts     Options
	sources  sourcesTable
	detector *language.Detector
	matcher  *mention.Matcher
	outlets  *outlet.Registry
}

// Build reads every capture under opts.Input and publishes the release
// opts.Output/opts.Version. It returns the release's manifest.
func Build(ctx context.Context, opts Options) (release.Manifest, error) {
	p, err := prepare(ctx, opts)
	if err != nil {
		return p.m, err
	}
	return p.writeRelease(func(out *releaseSink) error { return p.run(ctx, p.files, out) })
}

// writeRelease creates the release, has fill write its records, and
// publishes it; on an error nothing is published.
func (p *prepared) writeRelease(fill func(*releaseSink) error) (release.Manifest, error) {
	w, err := release.Create(p.opts.Output, p.m, p.opts.Force)
	if err != nil {
		return p.m, err
	}
	defer w.Abort()
	if err := fill(newReleaseSink(w, &p.m, p.opts.DuplicateWindow)); err != nil {
		return p.m, err
	}
	return p.publish(w)
}

// prepared is a build with its inputs listed and its readers loaded, and
// the manifest filled with everything but what the captures give.
type prepared struct {
	opts     Options
	m        release.Manifest
	files    []inputFile
	b        *builder
	progress Progress
	start    time.Time
}

// prepare checks the options, lists and checks every input, and loads
// sources.tsv, the gazetteer and the outlet registry: all before anything
// is written, so that a bad input or option leaves nothing behind.
func prepare(ctx context.Context, opts Options) (*prepared, error) {
	if opts.Workers < 1 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.ShardSize <= 0 {
		opts.ShardSize = release.DefaultShardSize
	}
	p := &prepared{opts: opts, start: time.Now()}
	p.m = release.Manifest{
		Dataset:       Dataset,
		Version:       opts.Version,
		SchemaVersion: schema.Version,
		Builder:       opts.Builder,
		About:         opts.About,
		Options:       release.Options{DuplicateWindow: opts.DuplicateWindow, MaxFileSize: opts.MaxFileSize, ShardSize: opts.ShardSize},
		Counts:        release.NewCounts(),
	}
	if err := checkOverlap(opts.Input, opts.Output); err != nil {
		return p, err
	}
	files, err := listInputs(ctx, opts.Input)
	if err != nil {
		return p, err
	}
	p.files = files
	sources, sourcesInfo, err := readSources(opts.Input, buildDay(os.Getenv("SOURCE_DATE_EPOCH")))
	if err != nil {
		return p, err
	}
	p.m.Sources = sourcesInfo
	warnUnlisted(sourcesInfo, sources, files)
	matcher, gazetteer, err := loadMatcher(opts.Gazetteer)
	if err != nil {
		return p, err
	}
	p.m.Gazetteer = gazetteer
	outlets, outletsInfo, err := loadOutlets(opts.Outlets)
	if err != nil {
		return p, err
	}
	p.m.Outlets = outletsInfo
	p.b = &builder{ctx: ctx, opts: opts, sources: sources, detector: language.NewDetector(), matcher: matcher, outlets: outlets}
	return p, nil
}

// recordSink is where a build's records go, in id order, each with its
// near-duplicate signature.
type recordSink interface {
	write(rec schema.Record, sig neardup.Signature) error
}

// releaseSink marks each record's near-duplicate and writes it into the
// release, counting it into the manifest.
type releaseSink struct {
	w          *release.Writer
	m          *release.Manifest
	duplicates *neardup.Index
	order      idOrder
}

func newReleaseSink(w *release.Writer, m *release.Manifest, window int) *releaseSink {
	return &releaseSink{w: w, m: m, duplicates: neardup.NewIndex(window)}
}

func (s *releaseSink) write(rec schema.Record, sig neardup.Signature) error {
	rec.DuplicateOf = optional(s.duplicates.Add(rec.ID, sig))
	if err := s.order.check(rec.ID); err != nil {
		return err
	}
	if err := s.w.Write(rec); err != nil {
		return err
	}
	s.m.Counts.Add(rec)
	return nil
}

// report hands the build's progress to the caller.
func (p *prepared) report() {
	if p.opts.Progress != nil {
		p.progress.Elapsed = time.Since(p.start)
		p.opts.Progress(p.progress)
	}
}

// run reads the inputs files, which are p.files or a contiguous run of
// them, on the workers and hands their records to out in id order, noting
// each input in the manifest.
func (p *prepared) run(ctx context.Context, files []inputFile, out recordSink) error {
	p.progress.TotalFiles = len(files)
	for _, f := range files {
		p.progress.TotalBytes += f.size
	}
	var current *release.Input // the input whose captures are being written
	var read int64             // bytes of it read so far, for progress
	return inOrder(ctx, p.opts.Workers, filesInFlight*p.opts.Workers, bytesInFlight,
		func(submit func(int64, func() captureResult) error) error {
			for i, f := range files {
				if err := p.b.readFile(i, f, submit); err != nil {
					return err
				}
			}
			return nil
		},
		func(r captureResult) error {
			if current == nil {
				current, read = &release.Input{Path: files[r.file].name}, 0
			}
			if r.end != nil {
				finishInput(current, r.end)
				p.m.Inputs = append(p.m.Inputs, *current)
				p.progress.Files++
				p.progress.Bytes += current.Bytes - read
				current = nil
				p.report()
				return nil
			}
			clock := startLap()
			addCapture(current, r)
			for i, rec := range r.records {
				if err := out.write(rec, r.signatures[i]); err != nil {
					return err
				}
				r.stages.Write += clock.next()
			}
			p.progress.Bytes += r.read - read
			read = r.read
			p.progress.Records += len(r.records)
			p.progress.Stages.add(r.stages)
			return nil
		})
}

// publish completes the release, unless strict mode finds something left
// out.
func (p *prepared) publish(w *release.Writer) (release.Manifest, error) {
	if problems := p.m.Problems(); p.opts.Strict && len(problems) > 0 {
		return p.m, strictError(problems)
	}
	clock := startLap()
	m, err := w.Publish(p.m)
	p.progress.Stages.Write += clock.next()
	p.report()
	return m, err
}

// addCapture notes in its input what a capture gave.
func addCapture(in *release.Input, r captureResult) {
	in.Records += len(r.records)
	in.Dropped = append(in.Dropped, r.dropped...)
	in.Warnings = append(in.Warnings, r.warnings...)
	if r.position > 0 {
		if r.skip != "" {
			offset := r.offset
			in.Dropped = append(in.Dropped, release.Dropped{Position: r.position, Record: r.record, Offset: &offset, Reason: r.skip})
		}
		return
	}
	in.Skipped = r.skip
	in.Encoding, in.MediaType, in.Layout = r.encoding, r.mediaType, r.layout
}

// finishInput notes in its input what reading the whole file found.
func finishInput(in *release.Input, end *fileEnd) {
	in.SHA256, in.Bytes, in.Compression = end.sha256, end.bytes, end.compression
	if end.skip != "" {
		in.Skipped = end.skip
	}
	if w := end.warc; w != nil {
		in.Layout = release.LayoutWARC
		in.WARC = w
	}
}

// ErrStrict is returned when strict mode refuses a build that left
// something out.
var ErrStrict = errors.New("strict mode: no release written")

func strictError(problems []string) error {
	const shown = 10
	list := problems[:min(len(problems), shown)]
	more := ""
	if len(problems) > shown {
		more = fmt.Sprintf("\n(and %d more)", len(problems)-shown)
	}
	return fmt.Errorf("%w; %d inputs, items or sources.tsv rows were left out:\n%s%s", ErrStrict, len(problems), strings.Join(list, "\n"), more)
}

// loadMatcher builds the mention matcher from the built-in gazetteer and
// the user's file, if any.
func loadMatcher(userFile string) (*mention.Matcher, release.Gazetteer, error) {
	g, err := mention.Builtin()
	if err != nil {
		return nil, release.Gazetteer{}, err
	}
	info := release.Gazetteer{Files: []release.File{{Path: "(built in)", SHA256: mention.BuiltinSHA256()}}}
	if userFile != "" {
		raw, file, err := readUserFile(userFile, "gazetteer")
		if err != nil {
			return nil, info, err
		}
		user, err := mention.ParseGazetteer(bytes.NewReader(raw), userFile)
		if err != nil {
			return nil, info, err
		}
		g.Add(user)
		info.Files = append(info.Files, file)
	}
	info.Entities = len(g.Entities)
	return mention.NewMatcher(g), info, nil
}

// loadOutlets reads the built-in outlet registry and the user's file, if
// any.
func loadOutlets(userFile string) (*outlet.Registry, release.Outlets, error) {
	reg, err := outlet.Builtin()
	if err != nil {
		return nil, release.Outlets{}, err
	}
	info := release.Outlets{Files: []release.File{{Path: "(built in)", SHA256: outlet.BuiltinSHA256()}}}
	if userFile != "" {
		raw, file, err := readUserFile(userFile, "outlets")
		if err != nil {
			return nil, info, err
		}
		user, err := outlet.ParseRegistry(bytes.NewReader(raw), userFile)
		if err != nil {
			return nil, info, err
		}
		reg.Add(user)
		info.Files = append(info.Files, file)
	}
	info.Entries = len(reg.Entries)
	return reg, info, nil
}

// maxUserFileBytes bounds a data file the user adds to a built-in one, read
// whole: the built-in gazetteer is 40 KB.
const maxUserFileBytes = 64 << 20

// readUserFile reads a data file the user adds to a built-in one, which
// must be a regular file (a pipe or /dev/zero would block the build or
// never end), and names it with its checksum for the manifest.
func readUserFile(path, what string) ([]byte, release.File, error) {
	raw, err := readRegular(path, 0, maxUserFileBytes)
	if err != nil {
		return nil, release.File{}, fmt.Errorf("%s: %w", what, err)
	}
	sum := sha256.Sum256(raw)
	return raw, release.File{Path: filepath.Base(path), SHA256: hex.EncodeToString(sum[:])}, nil
}

// ErrIDOrder is returned for a record whose id does not follow the one
// before it: ids are unique and in order by construction, and a build that
// would break that writes no release.
var ErrIDOrder = errors.New("record ids out of order")

// idOrder checks, record after record as they are written, that ids are
// unique and in the order of [schema.IDBefore].
type idOrder struct{ last string }

func (o *idOrder) check(id string) error {
	if o.last != "" && !schema.IDBefore(o.last, id) {
		what := "comes after"
		if id == o.last {
			what = "repeats"
		}
		return fmt.Errorf("%w: record %s %s %s; no release written", ErrIDOrder, id, what, o.last)
	}
	o.last = id
	return nil
}
