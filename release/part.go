package release

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/nkcorpus/builder/schema"
)

// # Parts
//
// A build cut into N shards writes each as a part, OUT/VERSION.parts/K-of-N/:
//
//	records.jsonl    the shard's records in id order, as corpus.jsonl holds
//	                 them but with duplicate_of left null
//	signatures.bin   each record's near-duplicate signature: a count of
//	                 32-bit little-endian values, as one byte, then the values
//	part.json        the plan the part belongs to, its place in it, the
//	                 inputs it read (manifest entries) and the checksums of
//	                 the two files above
//
// A part is written into .K-of-N.tmp-* beside it and renamed into place
// when complete, under the lock K-of-N.lock, so a part folder is whole or
// absent. The merge streams the parts in order, marks near-duplicates across
// them, and writes the release a single build would have written.

// PartsFolder is where the parts of release version are built under outDir.
func PartsFolder(outDir, version string) string { return filepath.Join(outDir, version+".parts") }

// Part files.
const (
	PartRecords    = "records.jsonl"
	PartSignatures = "signatures.bin"
	PartManifest   = "part.json"
)

// PartInfo is part.json.
type PartInfo struct {
	// Plan identifies the plan: the inputs listed with their sizes, the
	// options that change the output, the builder and the shard count.
	Plan    string  `json:"plan"`
	Shard   int     `json:"shard"` // 1 to Shards
	Shards  int     `json:"shards"`
	Builder Builder `json:"builder"`
	Records int     `json:"records"`
	Inputs  []Input `json:"inputs"`
	// RecordsSHA256 and SignaturesSHA256 are of the part's two data files.
	RecordsSHA256    string `json:"records_sha256"`
	SignaturesSHA256 string `json:"signatures_sha256"`
}

func partFolderName(shard, shards int) string { return fmt.Sprintf("%d-of-%d", shard, shards) }

var partFolder = regexp.MustCompile(`^([1-9][0-9]*)-of-([1-9][0-9]*)$`)

// Errors of parts.
var (
	ErrPartDone    = errors.New("part already built")
	ErrPartForeign = errors.New("part of another plan")
)

// PartWriter writes one part.
type PartWriter struct {
	dir, tmp   string
	lock       *os.File
	info       PartInfo
	records    *bufio.Writer
	recordsF   *os.File
	recordsH   hash.Hash
	sigs       *bufio.Writer
	sigsF      *os.File
	sigsH      hash.Hash
	line       []byte
	finished   bool
	sigScratch []byte
}

// CreatePart starts part shard of shards of release version under outDir,
// for the plan identified by plan. A part already built for the same plan
// is ErrPartDone (nothing to do) unless force; one of another plan is
// refused unless force. Two builds of the same part at once: the second is
// refused (ErrLocked).
func CreatePart(outDir, version string, shard, shards int, plan string, builder Builder, force bool) (*PartWriter, error) {
	if err := checkVersion(version); err != nil {
		return nil, err
	}
	if outDir == "" {
		return nil, ErrNoOutput
	}
	if shard < 1 || shard > shards {
		return nil, fmt.Errorf("shard %d of %d: the shard must be from 1 to %d", shard, shards, shards)
	}
	parts := PartsFolder(outDir, version)
	if err := os.MkdirAll(parts, 0o755); err != nil {
		return nil, err
	}
	name := partFolderName(shard, shards)
	lock, err := lockFile(filepath.Join(parts, name+".lock"), parts)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(parts, name)
	if old, err := ReadPartInfo(dir); err == nil && !force {
		lock.Close()
		if old.Plan == plan {
			return nil, fmt.Errorf("%s: %w (pass --force to build it again)", dir, ErrPartDone)
		}
		return nil, fmt.Errorf("%s: %w: built from other inputs, options or builder; remove %s or pass --force", dir, ErrPartForeign, parts)
	}
	if err := removeStaleParts(parts, name); err != nil {
		lock.Close()
		return nil, err
	}
	tmp, err := os.MkdirTemp(parts, "."+name+tempMark)
	if err != nil {
		lock.Close()
		return nil, err
	}
	w := &PartWriter{dir: dir, tmp: tmp, lock: lock, recordsH: sha256.New(), sigsH: sha256.New(),
		info: PartInfo{Plan: plan, Shard: shard, Shards: shards, Builder: builder}}
	if w.recordsF, err = os.Create(filepath.Join(tmp, PartRecords)); err == nil {
		w.sigsF, err = os.Create(filepath.Join(tmp, PartSignatures))
	}
	if err != nil {
		w.Abort()
		return nil, err
	}
	w.records = bufio.NewWriterSize(io.MultiWriter(w.recordsF, w.recordsH), 1<<20)
	w.sigs = bufio.NewWriterSize(io.MultiWriter(w.sigsF, w.sigsH), 64<<10)
	return w, nil
}

// removeStaleParts removes the temporary folders a killed build of part
// name left; the caller holds the part's lock, so none is in use.
func removeStaleParts(parts, name string) error {
	stale, err := filepath.Glob(filepath.Join(parts, "."+name+tempMark+"*"))
	if err != nil {
		return err
	}
	for _, s := range stale {
		if err := os.RemoveAll(s); err != nil {
			return fmt.Errorf("removing what a stopped build left: %w", err)
		}
	}
	return nil
}

// Write appends a record and its signature; records come in id order.
func (w *PartWriter) Write(r schema.Record, signature []uint32) error {
	if len(signature) > 255 {
		return fmt.Errorf("a signature of %d values", len(signature))
	}
	w.line = append(r.AppendJSON(w.line[:0]), '\n')
	if _, err := w.records.Write(w.line); err != nil {
		return fmt.Errorf("%s: %w", PartRecords, err)
	}
	w.sigScratch = append(w.sigScratch[:0], byte(len(signature)))
	for _, v := range signature {
		w.sigScratch = binary.LittleEndian.AppendUint32(w.sigScratch, v)
	}
	if _, err := w.sigs.Write(w.sigScratch); err != nil {
		return fmt.Errorf("%s: %w", PartSignatures, err)
	}
	w.info.Records++
	return nil
}

// Finish writes part.json with the part's inputs and renames the part into
// place.
func (w *PartWriter) Finish(inputs []Input) (PartInfo, error) {
	defer w.Abort()
	for _, f := range []struct {
		buf  *bufio.Writer
		file *os.File
	}{{w.records, w.recordsF}, {w.sigs, w.sigsF}} {
		if err := f.buf.Flush(); err != nil {
			return w.info, err
		}
		if err := syncFile(f.file); err != nil {
			return w.info, err
		}
		if err := f.file.Close(); err != nil {
			return w.info, err
		}
	}
	w.info.Inputs = inputs
	w.info.RecordsSHA256 = fmt.Sprintf("%x", w.recordsH.Sum(nil))
	w.info.SignaturesSHA256 = fmt.Sprintf("%x", w.sigsH.Sum(nil))
	info, err := json.MarshalIndent(w.info, "", "  ")
	if err != nil {
		return w.info, err
	}
	if err := writeSynced(filepath.Join(w.tmp, PartManifest), append(info, '\n')); err != nil {
		return w.info, err
	}
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		return w.info, err
	}
	if err := syncPath(w.tmp); err != nil {
		return w.info, err
	}
	if err := replaceDir(w.tmp, w.dir); err != nil {
		return w.info, err
	}
	w.finished = true
	return w.info, nil
}

// Abort removes the temporary folder unless the part was finished, and
// releases the part's lock. It is safe to call more than once.
func (w *PartWriter) Abort() {
	for _, f := range []*os.File{w.recordsF, w.sigsF} {
		if f != nil {
			f.Close()
		}
	}
	if !w.finished {
		os.RemoveAll(w.tmp)
	}
	w.lock.Close()
}

// ReadPartInfo reads a part's part.json.
func ReadPartInfo(dir string) (PartInfo, error) {
	var info PartInfo
	raw, err := os.ReadFile(filepath.Join(dir, PartManifest))
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(raw, &info); err != nil {
		return info, fmt.Errorf("%s: %w", filepath.Join(dir, PartManifest), err)
	}
	return info, nil
}

// Parts finds the parts of release version under outDir and checks that
// they make one whole: the same shard count, every shard from 1 to it, and
// each of the plan that plan names for that count (planFor). It names what
// is missing, half-written or foreign.
func Parts(outDir, version string, planFor func(shards int) string) ([]PartInfo, error) {
	parts := PartsFolder(outDir, version)
	entries, err := os.ReadDir(parts)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no parts: build the shards first (build --shard K/N)", parts)
	}
	if err != nil {
		return nil, err
	}
	found := map[int][]int{} // shard count → shards
	halfWritten := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && strings.Contains(name, tempMark) {
			halfWritten[strings.TrimPrefix(name[:strings.Index(name, tempMark)], ".")] = true
			continue
		}
		m := partFolder.FindStringSubmatch(name)
		if m == nil || !e.IsDir() {
			continue
		}
		shard, _ := strconv.Atoi(m[1])
		shards, _ := strconv.Atoi(m[2])
		found[shards] = append(found[shards], shard)
	}
	if len(found) == 0 {
		stopped := ""
		if len(halfWritten) > 0 {
			var names []string
			for name := range halfWritten {
				names = append(names, name)
			}
			sort.Strings(names)
			stopped = " (half-written, their builds stopped: " + strings.Join(names, ", ") + ")"
		}
		return nil, fmt.Errorf("%s: no finished part%s: build the shards first (build --shard K/N)", parts, stopped)
	}
	if len(found) > 1 {
		var counts []string
		for n := range found {
			counts = append(counts, strconv.Itoa(n))
		}
		sort.Strings(counts)
		return nil, fmt.Errorf("%s: parts of different shard counts (%s): every shard must be built with the same N; remove the stale ones", parts, strings.Join(counts, ", "))
	}
	var shards int
	for n := range found {
		shards = n
	}
	have := map[int]bool{}
	for _, k := range found[shards] {
		have[k] = true
	}
	var missing []string
	for k := 1; k <= shards; k++ {
		if !have[k] {
			why := ""
			if halfWritten[partFolderName(k, shards)] {
				why = " (half-written: its build was stopped)"
			}
			missing = append(missing, partFolderName(k, shards)+why)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: %d of %d parts missing: %s; build them (build --shard K/%d) and merge again", parts, len(missing), shards, strings.Join(missing, ", "), shards)
	}
	plan := planFor(shards)
	infos := make([]PartInfo, shards)
	for k := 1; k <= shards; k++ {
		dir := filepath.Join(parts, partFolderName(k, shards))
		info, err := ReadPartInfo(dir)
		if err != nil {
			return nil, fmt.Errorf("%s: unreadable part (%w); build it again with --force", dir, err)
		}
		if info.Plan != plan || info.Shard != k || info.Shards != shards {
			return nil, fmt.Errorf("%s: %w: built from other inputs, options or builder than this merge's; build it again with --force", dir, ErrPartForeign)
		}
		infos[k-1] = info
	}
	return infos, nil
}

// PartReader streams a part's records and signatures, checking at the end
// that the files are those part.json names.
type PartReader struct {
	dir                 string
	info                PartInfo
	records, sigs       *os.File
	recordsR, sigsR     *bufio.Reader
	recordsH, sigsH     hash.Hash
	read                int
	signature, sigBytes []byte
}

// OpenPart opens a part whose info Parts returned.
func OpenPart(outDir, version string, info PartInfo) (*PartReader, error) {
	dir := filepath.Join(PartsFolder(outDir, version), partFolderName(info.Shard, info.Shards))
	r := &PartReader{dir: dir, info: info, recordsH: sha256.New(), sigsH: sha256.New()}
	var err error
	if r.records, err = openPartFile(filepath.Join(dir, PartRecords)); err != nil {
		return nil, err
	}
	if r.sigs, err = openPartFile(filepath.Join(dir, PartSignatures)); err != nil {
		r.records.Close()
		return nil, err
	}
	r.recordsR = bufio.NewReaderSize(io.TeeReader(r.records, r.recordsH), 1<<20)
	r.sigsR = bufio.NewReaderSize(io.TeeReader(r.sigs, r.sigsH), 64<<10)
	return r, nil
}

// openPartFile opens a regular file of a part, never following a symbolic link.
func openPartFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return f, nil
}

// ErrPartChanged is returned for a part whose files are not those its
// part.json was written with.
var ErrPartChanged = errors.New("part changed after it was written")

// Next returns the next record and its signature; io.EOF after the last,
// once the files are checked whole.
func (r *PartReader) Next() (schema.Record, []uint32, error) {
	var rec schema.Record
	line, err := r.recordsR.ReadBytes('\n')
	if err == io.EOF && len(line) == 0 {
		return rec, nil, r.checkEnd()
	}
	if err != nil {
		return rec, nil, r.changed("%s: record %d: %v", PartRecords, r.read+1, err)
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return rec, nil, r.changed("%s: record %d: %v", PartRecords, r.read+1, err)
	}
	n, err := r.sigsR.ReadByte()
	if err != nil {
		return rec, nil, r.changed("%s: no signature for record %d", PartSignatures, r.read+1)
	}
	r.sigBytes = append(r.sigBytes[:0], make([]byte, 4*int(n))...)
	if _, err := io.ReadFull(r.sigsR, r.sigBytes); err != nil {
		return rec, nil, r.changed("%s: signature of record %d cut short", PartSignatures, r.read+1)
	}
	var sig []uint32
	if n > 0 {
		sig = make([]uint32, n)
		for i := range sig {
			sig[i] = binary.LittleEndian.Uint32(r.sigBytes[4*i:])
		}
	}
	r.read++
	return rec, sig, nil
}

func (r *PartReader) checkEnd() error {
	if _, err := r.sigsR.ReadByte(); err != io.EOF {
		return r.changed("%s: signatures beyond the last record", PartSignatures)
	}
	switch {
	case r.read != r.info.Records:
		return r.changed("%s holds %d records, part.json says %d", PartRecords, r.read, r.info.Records)
	case fmt.Sprintf("%x", r.recordsH.Sum(nil)) != r.info.RecordsSHA256:
		return r.changed("%s: sha256 is not the one part.json gives", PartRecords)
	case fmt.Sprintf("%x", r.sigsH.Sum(nil)) != r.info.SignaturesSHA256:
		return r.changed("%s: sha256 is not the one part.json gives", PartSignatures)
	}
	return io.EOF
}

func (r *PartReader) changed(format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s; build it again with --force", r.dir, ErrPartChanged, fmt.Sprintf(format, args...))
}

// Close closes the part's files.
func (r *PartReader) Close() error {
	r.records.Close()
	return r.sigs.Close()
}
