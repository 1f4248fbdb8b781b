package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"

	"github.com/nkcorpus/builder/neardup"
	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// # Shards
//
// A build cut into N shards gives the release a single build gives, byte
// for byte. Every shard computes the same plan: the sorted input list cut
// into N contiguous runs balanced by bytes, so that the parts, concatenated
// in order, hold the records in the one-machine order. Shard K builds its
// run into a part (release/part.go): its records without duplicate_of, each
// with its near-duplicate signature, and the manifest entries of its
// inputs. The merge checks the parts make one plan, streams them in order,
// marks near-duplicates across them exactly as a single build does (the
// same window), and writes the release.

// Shard is one of the shards of a build: Index from 1 to Count.
type Shard struct{ Index, Count int }

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// planRanges cuts files into n contiguous runs of about equal bytes (a file
// weighs at least one byte, so that empty and skipped files spread too):
// run k is files[r[k][0]:r[k][1]]. A file goes to the run its middle byte
// falls in, counting the bytes of all files in order; runs may be empty
// when there are more shards than files.
func planRanges(files []inputFile, n int) [][2]int {
	var total int64
	for _, f := range files {
		total += max(f.size, 1)
	}
	ranges := make([][2]int, n)
	var before int64 // bytes of the files before this one
	run := 0
	for i, f := range files {
		w := max(f.size, 1)
		k := int((2*before + w) * int64(n) / (2 * total))
		for run < k {
			run++
			ranges[run] = [2]int{i, i}
		}
		ranges[run][1] = i + 1
		before += w
	}
	for run++; run < n; run++ {
		ranges[run] = [2]int{len(files), len(files)}
	}
	return ranges
}

// planIdentity names the plan of n shards: what makes two builds give the
// same bytes, so that a part of another plan is never merged. It hashes the
// builder, the release and schema versions, the options that change the
// output, the checksums of sources.tsv, the gazetteer, the outlet registry
// and the dataset's description, and every input listed with its size.
func (p *prepared) planIdentity(n int) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	enc.Encode(struct {
		Plan      string
		Shards    int
		Builder   release.Builder
		Version   string
		Schema    string
		Options   release.Options
		About     release.About
		Sources   *release.Sources
		Gazetteer release.Gazetteer
		Outlets   release.Outlets
	}{"nkcorpus shards 1", n, p.m.Builder, p.m.Version, p.m.SchemaVersion, p.m.Options, p.m.About, p.m.Sources, p.m.Gazetteer, p.m.Outlets})
	for _, f := range p.files {
		enc.Encode([]any{f.name, f.size, f.skip})
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// BuildShard builds shard s of the plan into its part,
// opts.Output/opts.Version.parts/K-of-N/. A part already built for the
// same plan is left as it is (release.ErrPartDone) unless opts.Force.
func BuildShard(ctx context.Context, opts Options, s Shard) (release.PartInfo, error) {
	if s.Count < 1 || s.Index < 1 || s.Index > s.Count {
		return release.PartInfo{}, fmt.Errorf("shard %s: the shard must be K/N with K from 1 to N", s)
	}
	p, err := prepare(ctx, opts)
	if err != nil {
		return release.PartInfo{}, err
	}
	w, err := release.CreatePart(opts.Output, opts.Version, s.Index, s.Count, p.planIdentity(s.Count), p.m.Builder, opts.Force)
	if err != nil {
		return release.PartInfo{}, err
	}
	defer w.Abort()
	r := planRanges(p.files, s.Count)[s.Index-1]
	if err := p.run(ctx, p.files[r[0]:r[1]], partSink{w}); err != nil {
		return release.PartInfo{}, err
	}
	info, err := w.Finish(p.m.Inputs)
	p.report()
	return info, err
}

// partSink writes records into a part, leaving near-duplicates to the merge.
type partSink struct{ w *release.PartWriter }

func (s partSink) write(rec schema.Record, sig neardup.Signature) error { return s.w.Write(rec, sig) }

// Merge writes release opts.Version from the parts of a sharded build of
// the same inputs and options, byte for byte what Build writes. It refuses,
// writing nothing, if a part is missing, half-written, changed or of
// another plan. It streams the parts: memory does not grow with them.
func Merge(ctx context.Context, opts Options) (release.Manifest, error) {
	p, err := prepare(ctx, opts)
	if err != nil {
		return p.m, err
	}
	parts, err := release.Parts(opts.Output, opts.Version, p.planIdentity)
	if err != nil {
		return p.m, err
	}
	p.progress.TotalFiles = len(p.files)
	return p.writeRelease(func(out *releaseSink) error {
		for _, info := range parts {
			if err := p.mergePart(ctx, info, out); err != nil {
				return err
			}
		}
		return nil
	})
}

// mergePart streams one part into the release.
func (p *prepared) mergePart(ctx context.Context, info release.PartInfo, out *releaseSink) error {
	r, err := release.OpenPart(p.opts.Output, p.opts.Version, info)
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, sig, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := out.write(rec, sig); err != nil {
			return err
		}
		p.progress.Records++
	}
	p.m.Inputs = append(p.m.Inputs, info.Inputs...)
	for _, in := range info.Inputs {
		p.progress.Files++
		p.progress.Bytes += in.Bytes
	}
	p.report()
	return nil
}
