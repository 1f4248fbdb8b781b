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
	"sort"
	"strings"
	"time"

	"github.com/nkcorpus/builder/language"
	"github.com/nkcorpus/builder/mention"
	"github.com/nkcorpus/builder/neardup"
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
	opts     Options
	sources  map[string]source
	detector *language.Detector
	matcher  *mention.Matcher
}

// Build reads every capture under opts.Input and publishes the release
// opts.Output/opts.Version. It returns the release's manifest.
func Build(ctx context.Context, opts Options) (release.Manifest, error) {
	if opts.Workers < 1 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	m := release.Manifest{
		Dataset:       Dataset,
		Version:       opts.Version,
		SchemaVersion: schema.Version,
		Builder:       opts.Builder,
		About:         opts.About,
		ShardSize:     opts.ShardSize,
		Counts:        release.NewCounts(),
	}
	// Creating the release first refuses a bad or existing version, and a
	// busy output folder, before any input is read.
	w, err := release.Create(opts.Output, m, opts.Force)
	if err != nil {
		return m, err
	}
	defer w.Abort()

	files, err := listInputs(opts.Input, opts.MaxFileSize)
	if err != nil {
		return m, err
	}
	sources, sourcesInfo, err := readSources(opts.Input)
	if err != nil {
		return m, err
	}
	m.Sources = sourcesInfo
	warnUnlisted(sourcesInfo, sources, files)
	matcher, gazetteer, err := loadMatcher(opts.Gazetteer)
	if err != nil {
		return m, err
	}
	m.Gazetteer = gazetteer

	b := &builder{opts: opts, sources: sources, detector: language.NewDetector(), matcher: matcher}
	duplicates := neardup.NewIndex(opts.DuplicateWindow)
	progress := Progress{TotalFiles: len(files)}
	for _, f := range files {
		progress.TotalBytes += f.size
	}
	start := time.Now()
	report := func() {
		if opts.Progress != nil {
			progress.Elapsed = time.Since(start)
			opts.Progress(progress)
		}
	}
	err = inOrder(ctx, len(files), opts.Workers, filesInFlight*opts.Workers,
		func(i int) int64 { return files[i].size }, bytesInFlight,
		func(i int) fileResult { return b.process(files[i]) },
		func(r fileResult) error {
			clock := startLap()
			m.Inputs = append(m.Inputs, r.input)
			for i, rec := range r.records {
				rec.DuplicateOf = optional(duplicates.Add(rec.ID, r.signatures[i]))
				r.stages.Duplicates += clock.next()
				if err := w.Write(rec); err != nil {
					return err
				}
				m.Counts.Add(rec)
				r.stages.Write += clock.next()
			}
			progress.Files++
			progress.Bytes += r.input.Bytes
			progress.Records += len(r.records)
			progress.Stages.add(r.stages)
			report()
			return nil
		})
	if err != nil {
		return m, err
	}
	if problems := m.Problems(); opts.Strict && len(problems) > 0 {
		return m, strictError(problems)
	}
	clock := startLap()
	m, err = w.Publish(m)
	progress.Stages.Write += clock.next()
	report()
	return m, err
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
		raw, err := os.ReadFile(userFile)
		if err != nil {
			return nil, info, fmt.Errorf("gazetteer: %w", err)
		}
		user, err := mention.ParseGazetteer(bytes.NewReader(raw), userFile)
		if err != nil {
			return nil, info, err
		}
		g.Add(user)
		sum := sha256.Sum256(raw)
		info.Files = append(info.Files, release.File{Path: filepath.Base(userFile), SHA256: hex.EncodeToString(sum[:])})
	}
	info.Entities = len(g.Entities)
	return mention.NewMatcher(g), info, nil
}

// warnUnlisted notes sources.tsv rows that name no input file.
func warnUnlisted(info *release.Sources, sources map[string]source, files []inputFile) {
	if info == nil {
		return
	}
	present := map[string]bool{}
	for _, f := range files {
		present[f.path] = true
	}
	var missing []string
	for name := range sources {
		if !present[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		info.Warnings = append(info.Warnings, fmt.Sprintf("%s: names %s, which is not in the input folder", SourcesFile, name))
	}
}
