package release

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
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

// names lists the data files, JSONL first.
func (d dataFiles) names() []string {
	var out []string
	if d.plain != "" {
		out = append(out, d.plain)
	}
	out = append(out, d.gz...)
	return append(out, d.parquets...)
}

// openJSONL opens the release's records as one JSONL stream: the plain
// file, or else the compressed shards one after the other. name is how
// problems name the stream.
func openJSONL(root *os.Root, d dataFiles) (r io.ReadCloser, name string, err error) {
	if d.plain != "" {
		f, _, err := openRegular(root, d.plain)
		return f, d.plain, err
	}
	if len(d.gz) == 0 {
		return nil, JSONLFile, fmt.Errorf("%s: %w", JSONLFile, os.ErrNotExist)
	}
	return &gzipChain{root: root, names: d.gz}, strings.Join(d.gz, "+"), nil
}

// gzipChain reads gzip files one after the other as one stream.
type gzipChain struct {
	root  *os.Root
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
	f, _, err := openRegular(c.root, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
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
func (v *validation) checkCompressed(m Manifest, d dataFiles, files map[string]fileSum) {
	if d.plain == "" || len(d.gz) != 1 {
		return
	}
	if _, ok := files[d.gz[0]]; !ok {
		return // reported by checkFiles
	}
	r, _, err := openJSONL(v.root, dataFiles{gz: d.gz})
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
	if got, want := hex.EncodeToString(h.Sum(nil)), output(m, d.plain).SHA256; got != want {
		v.fail("%s: decompresses to sha256 %s, but %s has %s", d.gz[0], got, d.plain, want)
	}
}
