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

	jsonl     *countingFile
	jsonlBuf  *bufio.Writer
	line      []byte // the JSON of the record being written
	parquet   *countingFile
	parquetW  *parquet.GenericWriter[schema.Record]
	batch     []schema.Record
	records   int
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

// Create starts release m.Version under outDir. m's dataset, schema and
// builder fields go into the Parquet footer and the manifest.
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
	return m, nil
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
		if err := syncFile(f.f); err != nil {
			return err
		}
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

func (c *countingFile) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	return c.f.Close()
}

func (c *countingFile) sum() string { return hex.EncodeToString(c.hash.Sum(nil)) }
