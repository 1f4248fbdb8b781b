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
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// File names inside a release folder.
const (
	JSONLFile    = "corpus.jsonl"
	ParquetFile  = "corpus.parquet"
	ManifestFile = "manifest.json"
)

// Dev is the version of a working build, which may be rebuilt.
const Dev = "dev"

const (
	// rowsPerGroup bounds a Parquet row group, and so the writer's memory.
	rowsPerGroup = 4096
	// rowsPerBatch is how many rows go to the Parquet writer at once; the
	// file is byte-identical only when the batches are.
	rowsPerBatch = 256
	// pageSize is the size of a Parquet data page before compression: large
	// pages of body text compress far better than the default 256 KiB.
	pageSize = 2 << 20
)

// Errors a caller may want to tell apart.
var (
	ErrExists     = errors.New("release already exists")
	ErrBadVersion = errors.New(`release version must be "dev" or a semantic version such as v1.2.0`)
	ErrLocked     = errors.New("another build is writing to this output folder")
)

// LockFile is the file in the output folder a build holds locked.
const LockFile = ".lock"

var semver = regexp.MustCompile(`^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$`)

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

	jsonl     *countingFile
	jsonlBuf  *bufio.Writer
	line      []byte // the JSON of the record being written
	parquet   *countingFile
	parquetW  *parquet.GenericWriter[schema.Record]
	batch     []schema.Record
	records   int
	published bool
}

// Create starts release m.Version under outDir. m's dataset, schema and
// builder fields go into the Parquet footer and the manifest.
func Create(outDir string, m Manifest, force bool) (*Writer, error) {
	if err := checkVersion(m.Version); err != nil {
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
	if _, err := os.Stat(dir); err == nil && m.Version != Dev && !force {
		lock.Close()
		return nil, fmt.Errorf("%s: %w; choose a new version, or pass --force to replace it", dir, ErrExists)
	}
	tmp, err := os.MkdirTemp(outDir, "."+m.Version+".tmp-")
	if err != nil {
		lock.Close()
		return nil, err
	}
	w := &Writer{dir: dir, tmp: tmp, lock: lock, manifest: m}
	if err := w.open(); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *Writer) open() error {
	var err error
	if w.jsonl, err = createCounting(filepath.Join(w.tmp, JSONLFile)); err != nil {
		return err
	}
	w.jsonlBuf = bufio.NewWriterSize(w.jsonl, 1<<20)
	if w.parquet, err = createCounting(filepath.Join(w.tmp, ParquetFile)); err != nil {
		return err
	}
	m := w.manifest
	w.parquetW = parquet.NewGenericWriter[schema.Record](w.parquet,
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
		parquet.PageBufferSize(pageSize),
		parquet.CreatedBy(m.Builder.Module, m.Builder.Version, ""),
		parquet.KeyValueMetadata("dataset", m.Dataset),
		parquet.KeyValueMetadata("dataset_version", m.Version),
		parquet.KeyValueMetadata("schema_version", m.SchemaVersion),
	)
	return nil
}

// Write appends one record; records must come in id order.
func (w *Writer) Write(r schema.Record) error {
	w.line = append(r.AppendJSON(w.line[:0]), '\n')
	if _, err := w.jsonlBuf.Write(w.line); err != nil {
		return fmt.Errorf("%s: %w", JSONLFile, err)
	}
	w.batch = append(w.batch, r)
	w.records++
	if len(w.batch) == rowsPerBatch {
		return w.flushBatch()
	}
	return nil
}

func (w *Writer) flushBatch() error {
	if _, err := w.parquetW.Write(w.batch); err != nil {
		return fmt.Errorf("%s: %w", ParquetFile, err)
	}
	clear(w.batch)
	w.batch = w.batch[:0]
	return nil
}

// Publish completes the data files, writes the manifest (m, with the outputs
// filled in) and renames the release into place, replacing an existing one.
func (w *Writer) Publish(m Manifest) (Manifest, error) {
	defer w.Abort()
	if err := w.finishData(); err != nil {
		return m, err
	}
	m.Records = w.records
	m.Outputs = []Output{
		{Path: JSONLFile, SHA256: w.jsonl.sum(), Bytes: w.jsonl.n, Records: w.records},
		{Path: ParquetFile, SHA256: w.parquet.sum(), Bytes: w.parquet.n, Records: w.records},
	}
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
	}{{SchemaFile, append(jsonSchema, '\n')}, {CroissantFile, append(crate, '\n')}} {
		if err := w.writeDoc(&m, doc.name, doc.data); err != nil {
			return m, err
		}
	}
	if err := w.writeDoc(&m, CardFile, datasetCard(m)); err != nil {
		return m, err
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, err
	}
	manifest = append(manifest, '\n')
	if err := os.WriteFile(filepath.Join(w.tmp, ManifestFile), manifest, 0o644); err != nil {
		return m, err
	}
	if err := w.writeSums(m.Outputs, manifest); err != nil {
		return m, err
	}
	// MkdirTemp made the folder private; a release is for everyone to read.
	if err := os.Chmod(w.tmp, 0o755); err != nil {
		return m, err
	}
	if err := replaceDir(w.tmp, w.dir); err != nil {
		return m, err
	}
	w.published = true
	return m, nil
}

// writeDoc writes a document of the release and lists it in m.
func (w *Writer) writeDoc(m *Manifest, name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(w.tmp, name), data, 0o644); err != nil {
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
	return os.WriteFile(filepath.Join(w.tmp, SumsFile), []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

func (w *Writer) finishData() error {
	if len(w.batch) > 0 {
		if err := w.flushBatch(); err != nil {
			return err
		}
	}
	if err := w.parquetW.Close(); err != nil {
		return fmt.Errorf("%s: %w", ParquetFile, err)
	}
	if err := w.jsonlBuf.Flush(); err != nil {
		return fmt.Errorf("%s: %w", JSONLFile, err)
	}
	for _, f := range []*countingFile{w.jsonl, w.parquet} {
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Abort removes the temporary folder unless the release was published, and
// releases the output folder. It is safe to call more than once.
func (w *Writer) Abort() {
	if w.jsonl != nil {
		w.jsonl.Close()
	}
	if w.parquet != nil {
		w.parquet.Close()
	}
	if !w.published {
		os.RemoveAll(w.tmp)
	}
	w.lock.Close()
}

// lockFolder takes the output folder's lock, which the kernel releases when
// the process ends however it ends, so a crash leaves no stale lock.
func lockFolder(outDir string) (*os.File, error) {
	path := filepath.Join(outDir, LockFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w (%s is locked); wait for it to finish", outDir, ErrLocked, path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// replaceDir renames tmp to dir, moving an existing dir aside first so that
// dir is never half-written.
func replaceDir(tmp, dir string) error {
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
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

func (c *countingFile) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	return c.f.Close()
}

func (c *countingFile) sum() string { return hex.EncodeToString(c.hash.Sum(nil)) }
