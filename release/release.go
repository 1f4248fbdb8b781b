// Package release writes a versioned release of the corpus: corpus.jsonl,
// corpus.parquet and manifest.json in out/<version>/.
//
// Records stream through a [Writer] in id order. Everything is written into a
// temporary folder beside the release and renamed into place only when
// complete, so a release folder is either whole or absent. A release version
// that exists is refused unless forced; "dev" is rebuilt freely.
package release

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/klauspost/compress/gzip"
	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// File names inside a release folder. A release past the shard threshold
// holds its data as shards instead, named by [shardName].
const (
	JSONLFile    = "corpus.jsonl"
	JSONLGzFile  = "corpus.jsonl.gz"
	ParquetFile  = "corpus.parquet"
	ManifestFile = "manifest.json"
)

// Dev is the version of a working build, which may be rebuilt.
const Dev = "dev"

const (
	// rowsPerGroup and bytesPerGroup bound a Parquet row group, and so the
	// writer's memory: a row group is held in memory until it is complete.
	// Bytes are counted as the records' JSON, a close proxy of their size.
	rowsPerGroup  = 4096
	bytesPerGroup = 32 << 20
	// rowsPerBatch and bytesPerBatch bound how many rows go to the Parquet
	// writer at once; the file is byte-identical only when the batches are,
	// so they depend on the records alone.
	rowsPerBatch  = 256
	bytesPerBatch = 8 << 20
	// maxLineBuffer is the largest JSON buffer kept from one record to the
	// next.
	maxLineBuffer = 1 << 20
	// pageSize is the size of a Parquet data page before compression: large
	// pages of body text compress far better than the default 256 KiB.
	pageSize = 2 << 20
	// DefaultShardSize is the JSONL bytes past which a release is cut into
	// shards. Each shard's files are smaller than its JSONL, so every file
	// stays far below GitHub's 2 GiB limit on a release asset.
	DefaultShardSize = 1 << 30
	// gzipLevel trades the compressed JSONL's size for the writer's time:
	// on the 100 MB benchmark corpus's JSONL, level 1 writes 24.8% of the
	// bytes at twice the speed of level 5 (21.4%) and of the default (21.1%).
	gzipLevel = gzip.BestSpeed
	// gzipChunk is what the writer hands the compressor at a time.
	gzipChunk = 1 << 20
)

// Errors a caller may want to tell apart.
var (
	ErrExists     = errors.New("release already exists")
	ErrBadVersion = errors.New(`release version must be "dev" or a semantic version such as v1.2.0`)
	ErrLocked     = errors.New("another build is writing to this output folder")
	ErrNoOutput   = errors.New("no output folder given: name one, such as out")
)

// LockFile is the file in the output folder a build holds locked.
const LockFile = ".lock"

// semver is the grammar of SemVer 2.0.0 (semver.org), after a leading v:
// identifiers are not empty, and numeric ones have no leading zero.
var semver = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
	`(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?` +
	`(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$`)

// checkVersion accepts "dev" and semantic versions with a leading v.
func checkVersion(v string) error {
	if v == Dev || semver.MatchString(v) {
		return nil
	}
	return fmt.Errorf("%q: %w", v, ErrBadVersion)
}

// Writer streams records into a release being built.
type Writer struct {
	dir, tmp string
	lock     *os.File
	manifest Manifest

	shardSize int64
	shard     *shard     // the shard being written
	files     []dataFile // the files of the shards already complete
	line      []byte     // the JSON of the record being written
	records   int
	facts     cardFacts
	published bool
}

// CheckOutput tells, creating nothing, whether release version may be built
// under outDir: the version is valid, an output folder is named, and no
// release of that version exists unless forced. A caller checks it before
// reading any input, so that a build refused for its output, or for its
// input, leaves nothing behind; Create checks again under the folder's lock.
func CheckOutput(outDir, version string, force bool) error {
	if err := checkVersion(version); err != nil {
		return err
	}
	if outDir == "" {
		return ErrNoOutput
	}
	if info, err := os.Stat(outDir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s: the output folder is a file", outDir)
	}
	return refuseExisting(filepath.Join(outDir, version), version, force)
}

// refuseExisting refuses to replace the release in dir unless forced or dev.
func refuseExisting(dir, version string, force bool) error {
	if _, err := os.Stat(dir); err == nil && version != Dev && !force {
		return fmt.Errorf("%s: %w; choose a new version, or pass --force to replace it", dir, ErrExists)
	}
	return nil
}

// shard is one part of the data files: the JSONL (plain while the release
// has one shard, and gzip-compressed) and the Parquet file of a run of
// records.
type shard struct {
	index              int
	records            int
	jsonlBytes         int64 // plain JSONL bytes, for the shard threshold
	plain, gz, parquet *countingFile
	plainBuf           *bufio.Writer
	gzW                *compressor
	parquetW           *parquet.GenericWriter[schema.Record]
	batch              []schema.Record
	batchBytes         int64
	groupBytes         int64
}

// Create starts release m.Version under outDir. m's dataset, schema and
// builder fields go into the Parquet footer and the manifest; m.Options.ShardSize,
// if positive, is the JSONL bytes past which the data is cut into shards
// (DefaultShardSize otherwise).
func Create(outDir string, m Manifest, force bool) (*Writer, error) {
	if err := CheckOutput(outDir, m.Version, force); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockFolder(outDir)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(outDir, m.Version)
	if err := removeStale(outDir); err != nil {
		lock.Close()
		return nil, err
	}
	if err := refuseExisting(dir, m.Version, force); err != nil {
		lock.Close()
		return nil, err
	}
	tmp, err := os.MkdirTemp(outDir, "."+m.Version+tempMark)
	if err != nil {
		lock.Close()
		return nil, err
	}
	w := &Writer{dir: dir, tmp: tmp, lock: lock, manifest: m, shardSize: m.Options.ShardSize}
	if w.shardSize <= 0 {
		w.shardSize = DefaultShardSize
	}
	if w.shard, err = w.openShard(0); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// openShard creates the files of shard i under their provisional names;
// only the first shard has a plain JSONL, for a release of one shard.
func (w *Writer) openShard(i int) (*shard, error) {
	s := &shard{index: i}
	var err error
	if i == 0 {
		if s.plain, err = createCounting(filepath.Join(w.tmp, JSONLFile)); err != nil {
			return s, err
		}
		s.plainBuf = bufio.NewWriterSize(s.plain, 1<<20)
	}
	if s.gz, err = createCounting(filepath.Join(w.tmp, partName(i, ".jsonl.gz"))); err != nil {
		return s, err
	}
	s.gzW = newCompressor(s.gz)
	if s.parquet, err = createCounting(filepath.Join(w.tmp, partName(i, ".parquet"))); err != nil {
		return s, err
	}
	s.parquetW = parquet.NewGenericWriter[schema.Record](s.parquet, parquetOptions(w.manifest)...)
	return s, nil
}

// dataFile is a data file of a complete shard, under its provisional name.
type dataFile struct {
	shard int
	ext   string // ".jsonl.gz" or ".parquet"; "" for the plain JSONL
	Output
}

// partName is the provisional name of a shard's file, before the number of
// shards is known.
func partName(i int, ext string) string { return fmt.Sprintf("part-%05d%s", i, ext) }

// shardName names shard i of n as the Hugging Face Hub and Spark expect.
func shardName(i, n int, ext string) string { return fmt.Sprintf("corpus-%05d-of-%05d%s", i, n, ext) }

// parquetOptions configure the Parquet writer for the readers users have.
// Data pages are version 1, which every reader parses (page v2 is not read
// by older pyarrow, Spark and Hive), and strings are PLAIN or dictionary
// encoded, not DELTA_LENGTH_BYTE_ARRAY, which readers before Spark 3.3 and
// others cannot decode. Free-text columns carry no min/max
// statistics: parquet-go would write whole values, and a page header with a
// 10 MB body passes the 16 MB limit Arrow (and so pyarrow and pandas) puts
// on headers; the page index keeps truncated bounds of every column.
func parquetOptions(m Manifest) []parquet.WriterOption {
	options := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
		parquet.PageBufferSize(pageSize),
		parquet.DataPageVersion(1),
		parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.Plain),
		&parquet.WriterConfig{CreatedBy: createdBy(m.Builder)},
		parquet.KeyValueMetadata("dataset", m.Dataset),
		parquet.KeyValueMetadata("dataset_version", m.Version),
		parquet.KeyValueMetadata("schema_version", m.SchemaVersion),
	}
	for _, path := range schema.FreeTextColumns() {
		options = append(options, parquet.SkipPageBounds(path...), parquet.SkipPageStatistics(path...))
	}
	return options
}

// createdBy formats the Parquet footer's created_by as the format's
// specification asks: "<application> version <version> (build <build>)".
// Parentheses in a version ("(devel)") would defeat the readers' parsers.
func createdBy(b Builder) string {
	module := cmpOr(b.Module, "github.com/nkcorpus/builder")
	version := cmpOr(strings.Trim(b.Version, "()"), "devel")
	return fmt.Sprintf("%s version %s (build %s)", module, version, cmpOr(b.Revision, "unknown"))
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// Write appends one record; records must come in id order. A record that
// would take the shard past the threshold starts a new shard.
func (w *Writer) Write(r schema.Record) error {
	w.line = append(r.AppendJSON(w.line[:0]), '\n')
	n := int64(len(w.line))
	if w.shard.records > 0 && w.shard.jsonlBytes+n > w.shardSize {
		if err := w.nextShard(); err != nil {
			return err
		}
	}
	s := w.shard
	if s.plainBuf != nil {
		if _, err := s.plainBuf.Write(w.line); err != nil {
			return fmt.Errorf("%s: %w", JSONLFile, err)
		}
	}
	if _, err := s.gzW.Write(w.line); err != nil {
		return fmt.Errorf("%s: %w", JSONLGzFile, err)
	}
	s.batch = append(s.batch, r)
	s.records++
	s.jsonlBytes += n
	s.batchBytes += n
	w.records++
	w.facts.note(r, len(w.line))
	if cap(w.line) > maxLineBuffer {
		w.line = nil // a large record's JSON is not kept for the next
	}
	if len(s.batch) == rowsPerBatch || s.batchBytes >= bytesPerBatch {
		return s.flushBatch()
	}
	return nil
}

// flushBatch hands the batch to the Parquet writer, and ends the row group
// once it holds bytesPerGroup.
func (s *shard) flushBatch() error {
	if _, err := s.parquetW.Write(s.batch); err != nil {
		return fmt.Errorf("%s: %w", ParquetFile, err)
	}
	clear(s.batch)
	s.batch = s.batch[:0]
	s.groupBytes += s.batchBytes
	s.batchBytes = 0
	if s.groupBytes >= bytesPerGroup {
		s.groupBytes = 0
		if err := s.parquetW.Flush(); err != nil {
			return fmt.Errorf("%s: %w", ParquetFile, err)
		}
	}
	return nil
}

// nextShard completes the current shard and starts the next. The release
// now has shards, so the plain JSONL, which would grow past an asset's
// limit, is dropped for the compressed one.
func (w *Writer) nextShard() error {
	s := w.shard
	if s.plain != nil {
		s.plain.Close()
		if err := os.Remove(filepath.Join(w.tmp, JSONLFile)); err != nil {
			return err
		}
		s.plain, s.plainBuf = nil, nil
	}
	if err := w.finishShard(); err != nil {
		return err
	}
	var err error
	w.shard, err = w.openShard(s.index + 1)
	return err
}

// finishShard completes the current shard's files and lists them.
func (w *Writer) finishShard() error {
	s := w.shard
	if len(s.batch) > 0 {
		if err := s.flushBatch(); err != nil {
			return err
		}
	}
	if err := s.parquetW.Close(); err != nil {
		return fmt.Errorf("%s: %w", ParquetFile, err)
	}
	if err := s.gzW.Close(); err != nil {
		return fmt.Errorf("%s: %w", JSONLGzFile, err)
	}
	if s.plainBuf != nil {
		if err := s.plainBuf.Flush(); err != nil {
			return fmt.Errorf("%s: %w", JSONLFile, err)
		}
	}
	files := []struct {
		f   *countingFile
		ext string
	}{{s.plain, ""}, {s.gz, ".jsonl.gz"}, {s.parquet, ".parquet"}}
	for _, file := range files {
		if file.f == nil {
			continue
		}
		if err := file.f.sync(); err != nil {
			return err
		}
		name := JSONLFile
		if file.ext != "" {
			name = partName(s.index, file.ext)
		}
		w.files = append(w.files, dataFile{s.index, file.ext, Output{Path: name, SHA256: file.f.sum(), Bytes: file.f.n, Records: s.records}})
	}
	return nil
}

// nameShards renames the provisional shard files now that their number is
// known — one shard is corpus.jsonl.gz and corpus.parquet, n shards
// corpus-0000i-of-0000n.jsonl.gz and .parquet — and returns the data files.
func (w *Writer) nameShards() ([]Output, error) {
	n := w.shard.index + 1
	var outputs []Output
	for _, f := range w.files {
		o := f.Output
		if f.ext != "" {
			name := shardName(f.shard, n, f.ext)
			if n == 1 {
				name = map[string]string{".jsonl.gz": JSONLGzFile, ".parquet": ParquetFile}[f.ext]
			}
			if err := os.Rename(filepath.Join(w.tmp, o.Path), filepath.Join(w.tmp, name)); err != nil {
				return nil, err
			}
			o.Path = name
		}
		outputs = append(outputs, o)
	}
	return outputs, nil
}

// Publish completes the data files, writes the manifest (m, with the outputs
// filled in) and renames the release into place, replacing an existing one.
func (w *Writer) Publish(m Manifest) (Manifest, error) {
	defer w.Abort()
	if err := w.finishShard(); err != nil {
		return m, err
	}
	outputs, err := w.nameShards()
	if err != nil {
		return m, err
	}
	m.Records = w.records
	m.Options.ShardSize = w.shardSize // the size in effect, the default too
	m.About = DefaultAbout().Merge(m.About)
	m.Outputs = outputs
	// The documents describe the data files, so they follow them; the card
	// lists every file before it.
	jsonSchema, err := schema.JSONSchema()
	if err != nil {
		return m, err
	}
	crate, err := croissant(m)
	if err != nil {
		return m, err
	}
	for _, doc := range []struct {
		name string
		data []byte
	}{{SchemaFile, append(jsonSchema, '\n')}, {CroissantFile, append(crate, '\n')}, {LicenseFile, licenseText(m)}} {
		if err := w.writeDoc(&m, doc.name, doc.data); err != nil {
			return m, err
		}
	}
	if err := w.writeDoc(&m, CardFile, datasetCard(m, w.facts)); err != nil {
		return m, err
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, err
	}
	manifest = append(manifest, '\n')
	if err := writeSynced(filepath.Join(w.tmp, ManifestFile), manifest); err != nil {
		return m, err
	}
	if err := w.writeSums(m.Outputs, manifest); err != nil {
		return m, err
	}
	// MkdirTemp made the folder private; a release is for everyone to read.
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		return m, err
	}
	if err := syncPath(w.tmp); err != nil {
		return m, err
	}
	if err := replaceDir(w.tmp, w.dir); err != nil {
		return m, err
	}
	w.published = true
	return m, nil // replaceDir synced the output folder
}

// writeDoc writes a document of the release and lists it in m.
func (w *Writer) writeDoc(m *Manifest, name string, data []byte) error {
	if err := writeSynced(filepath.Join(w.tmp, name), data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	m.Outputs = append(m.Outputs, Output{Path: name, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))})
	return nil
}

// writeSums writes SHA256SUMS, in the format sha256sum -c reads, for every
// other file of the release: the outputs, whose checksums are known, and
// the manifest.
func (w *Writer) writeSums(outputs []Output, manifest []byte) error {
	lines := []string{fmt.Sprintf("%x  %s", sha256.Sum256(manifest), ManifestFile)}
	for _, o := range outputs {
		lines = append(lines, o.SHA256+"  "+o.Path)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][66:] < lines[j][66:] })
	return writeSynced(filepath.Join(w.tmp, SumsFile), []byte(strings.Join(lines, "\n")+"\n"))
}

// Abort removes the temporary folder unless the release was published, and
// releases the output folder. It is safe to call more than once.
func (w *Writer) Abort() {
	if s := w.shard; s != nil {
		if s.gzW != nil {
			s.gzW.Close()
		}
		for _, f := range []*countingFile{s.plain, s.gz, s.parquet} {
			if f != nil {
				f.Close()
			}
		}
	}
	if !w.published {
		os.RemoveAll(w.tmp)
	}
	w.lock.Close()
}

// compressor gzips what is written to it in a goroutine of its own, so
// that the writer, which every record passes through, does not wait for the
// compression. It takes the stream in chunks of gzipChunk bytes; the gzip
// header holds no name and no time, so the bytes depend on the records
// alone. An error shows at Close.
type compressor struct {
	buf    []byte
	chunks chan []byte
	free   chan []byte
	done   chan error
	closed bool
	err    error
}

func newCompressor(w io.Writer) *compressor {
	const inFlight = 4
	c := &compressor{buf: make([]byte, 0, gzipChunk), chunks: make(chan []byte, inFlight), free: make(chan []byte, inFlight+1), done: make(chan error, 1)}
	go func() {
		z, _ := gzip.NewWriterLevel(w, gzipLevel)
		var err error
		for chunk := range c.chunks {
			if err == nil {
				_, err = z.Write(chunk)
			}
			select {
			case c.free <- chunk[:0]:
			default: // enough are free; the rest are for the collector
			}
		}
		if err == nil {
			err = z.Close()
		}
		c.done <- err
	}()
	return c
}

func (c *compressor) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := copy(c.buf[len(c.buf):cap(c.buf)], p)
		c.buf, p = c.buf[:len(c.buf)+k], p[k:]
		if len(c.buf) == cap(c.buf) {
			c.chunks <- c.buf
			select {
			case c.buf = <-c.free:
			default:
				c.buf = make([]byte, 0, gzipChunk)
			}
		}
	}
	return n, nil
}

// Close compresses what is left and ends the stream; it is safe to call
// more than once.
func (c *compressor) Close() error {
	if !c.closed {
		c.closed = true
		if len(c.buf) > 0 {
			c.chunks <- c.buf
		}
		close(c.chunks)
		c.err = <-c.done
	}
	return c.err
}

// lockFolder takes the output folder's lock, which the kernel releases when
// the process ends however it ends, so a crash leaves no stale lock. The
// lock is a regular file of the folder: a symbolic link in its place is
// refused, never followed to create a file elsewhere.
func lockFolder(outDir string) (*os.File, error) {
	return lockFile(filepath.Join(outDir, LockFile), outDir)
}

// lockFile takes the lock at path for what it guards (an output folder, a
// part), on the same terms as lockFolder.
func lockFile(path, guarded string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("%s is a symbolic link, not a lock file; remove it", path)
	}
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file, and so not a lock file; remove it", path)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w (%s is locked); wait for it to finish", guarded, ErrLocked, path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// replaceDir renames tmp to dir, moving an existing dir aside first so that
// dir is never half-written, and syncs the parent folder so that the new
// name survives a power loss.
func replaceDir(tmp, dir string) error {
	old := tmp + oldMark
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	if err := syncPath(filepath.Dir(dir)); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// Names of what a build writes beside the releases of its output folder:
// .VERSION.tmp-N while it writes, and .VERSION.tmp-N.old for the release
// it replaces while it renames.
const (
	tempMark = ".tmp-"
	oldMark  = ".old"
)

var staleName = regexp.MustCompile(`^\.(.+)\.tmp-[0-9]+(\.old)?$`)

// removeStale removes the temporary folders that builds killed before the
// end (kill -9, a power loss) left in outDir. It runs with the folder's lock
// held, so no other build is writing there and every such folder is stale.
// A release moved aside whose replacement never took its place is put back.
func removeStale(outDir string) error {
	entries, err := os.ReadDir(outDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := staleName.FindStringSubmatch(e.Name())
		if name == nil || !e.IsDir() {
			continue
		}
		path := filepath.Join(outDir, e.Name())
		if release := filepath.Join(outDir, name[1]); name[2] != "" {
			if _, err := os.Lstat(release); errors.Is(err, os.ErrNotExist) && os.Rename(path, release) == nil {
				continue
			}
		}
		if err := os.RemoveAll(path); err != nil {
			return fmt.Errorf("removing what a stopped build left: %w", err)
		}
	}
	return nil
}

// syncFile makes a file's data durable; a variable so tests can watch it.
var syncFile = (*os.File).Sync

// writeSynced writes a file and syncs it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = syncFile(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncPath syncs a folder, making the names in it durable.
func syncPath(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return syncFile(f)
}

// countingFile is a file that hashes and counts what is written to it.
type countingFile struct {
	f      *os.File
	hash   hash.Hash
	n      int64
	closed bool
}

func createCounting(path string) (*countingFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &countingFile{f: f, hash: sha256.New()}, nil
}

func (c *countingFile) Write(p []byte) (int, error) {
	n, err := c.f.Write(p)
	c.hash.Write(p[:n])
	c.n += int64(n)
	return n, err
}

// sync flushes the file to disk and closes it.
func (c *countingFile) sync() error {
	if err := syncFile(c.f); err != nil {
		return err
	}
	return c.Close()
}

func (c *countingFile) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	return c.f.Close()
}

func (c *countingFile) sum() string { return hex.EncodeToString(c.hash.Sum(nil)) }
