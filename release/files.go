package release

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// The data files of a release, as its manifest lists them: the plain JSONL
// (a release of one shard), the compressed JSONL and the Parquet files,
// each in shard order.
type dataFiles struct {
	plain        string
	gz, parquets []string
}

func dataFilesOf(m Manifest) dataFiles {
	var d dataFiles
	for _, o := range m.Outputs {
		switch dataExt(o.Path) {
		case ".jsonl":
			d.plain = o.Path
		case ".jsonl.gz":
			d.gz = append(d.gz, o.Path)
		case ".parquet":
			d.parquets = append(d.parquets, o.Path)
		}
	}
	return d
}

// missing says what a release's manifest should list and does not.
func (d dataFiles) missing() []string {
	var out []string
	if d.plain == "" && len(d.gz) == 0 {
		out = append(out, JSONLFile)
	}
	if len(d.parquets) == 0 {
		out = append(out, ParquetFile)
	}
	if len(d.parquets) > 1 && len(d.gz) != len(d.parquets) {
		out = append(out, fmt.Sprintf("one .jsonl.gz shard for each of the %d Parquet shards", len(d.parquets)))
	}
	return out
}

// openJSONL opens the release's records as one JSONL stream: the plain
// file, or else the compressed shards one after the other.
func openJSONL(dir string, d dataFiles) (io.ReadCloser, string, error) {
	if d.plain != "" {
		f, err := os.Open(filepath.Join(dir, d.plain))
		return f, d.plain, err
	}
	if len(d.gz) == 0 {
		return nil, JSONLFile, fmt.Errorf("%s: %w", JSONLFile, os.ErrNotExist)
	}
	return &gzipChain{dir: dir, names: d.gz}, strings.Join(d.gz, "+"), nil
}

// openReleaseJSONL opens the records of the release in dir as one JSONL
// stream, finding its data files in the manifest; without a readable
// manifest, it opens corpus.jsonl.
func openReleaseJSONL(dir string) (io.ReadCloser, string, error) {
	d := dataFiles{plain: JSONLFile}
	if raw, err := os.ReadFile(filepath.Join(dir, ManifestFile)); err == nil {
		var m Manifest
		if json.Unmarshal(raw, &m) == nil {
			d = dataFilesOf(m)
		}
	}
	return openJSONL(dir, d)
}

// gzipChain reads gzip files one after the other as one stream.
type gzipChain struct {
	dir   string
	names []string
	f     *os.File
	z     *gzip.Reader
}

func (c *gzipChain) Read(p []byte) (int, error) {
	for {
		if c.z == nil {
			if len(c.names) == 0 {
				return 0, io.EOF
			}
			if err := c.open(c.names[0]); err != nil {
				return 0, err
			}
			c.names = c.names[1:]
		}
		n, err := c.z.Read(p)
		if err == io.EOF {
			c.closeFile()
			if n > 0 {
				return n, nil
			}
			continue
		}
		return n, err
	}
}

func (c *gzipChain) open(name string) error {
	f, err := os.Open(filepath.Join(c.dir, name))
	if err != nil {
		return err
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	c.f, c.z = f, z
	return nil
}

func (c *gzipChain) closeFile() {
	if c.f != nil {
		c.f.Close()
	}
	c.f, c.z = nil, nil
}

func (c *gzipChain) Close() error {
	c.closeFile()
	c.names = nil
	return nil
}

// checkCompressed checks that the compressed JSONL of a release of one
// shard holds the plain JSONL's bytes exactly.
func (v *validation) checkCompressed(dir string, m Manifest, d dataFiles) {
	if d.plain == "" || len(d.gz) != 1 {
		return
	}
	var want string
	for _, o := range m.Outputs {
		if o.Path == d.plain {
			want = o.SHA256
		}
	}
	r, _, err := openJSONL(dir, dataFiles{gz: d.gz})
	if err != nil {
		v.fail("%s: %v", d.gz[0], err)
		return
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		v.fail("%s: %v", d.gz[0], err)
		return
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		v.fail("%s: decompresses to sha256 %s, but %s has %s", d.gz[0], got, d.plain, want)
	}
}

// parquetChain reads the rows of Parquet shards one after the other.
type parquetChain struct {
	dir    string
	names  []string
	f      *os.File
	reader *parquet.GenericReader[schema.Record]
	rows   int64 // rows of the files opened so far
	onFile func(name string, file *parquet.File)
}

func (c *parquetChain) Read(row []schema.Record) (int, error) {
	for {
		if c.reader == nil {
			if len(c.names) == 0 {
				return 0, io.EOF
			}
			if err := c.start(); err != nil {
				return 0, err
			}
		}
		n, err := c.reader.Read(row)
		if n > 0 {
			return n, nil
		}
		c.closeFile()
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
	}
}

// start opens the first file.
func (c *parquetChain) start() error {
	name := c.names[0]
	c.names = c.names[1:]
	return c.open(name)
}

// numRows counts the rows of every file, opening those not read yet.
func (c *parquetChain) numRows() (int64, error) {
	for len(c.names) > 0 {
		c.closeFile()
		if err := c.start(); err != nil {
			return c.rows, err
		}
	}
	return c.rows, nil
}

func (c *parquetChain) open(name string) error {
	f, err := os.Open(filepath.Join(c.dir, name))
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	file, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		f.Close()
		return fmt.Errorf("%s: not a readable Parquet file: %w", name, err)
	}
	if c.onFile != nil {
		c.onFile(name, file)
	}
	c.f = f
	c.reader = parquet.NewGenericReader[schema.Record](file)
	c.rows += c.reader.NumRows()
	return nil
}

func (c *parquetChain) closeFile() {
	if c.reader != nil {
		c.reader.Close()
	}
	if c.f != nil {
		c.f.Close()
	}
	c.f, c.reader = nil, nil
}

func (c *parquetChain) Close() { c.closeFile() }
