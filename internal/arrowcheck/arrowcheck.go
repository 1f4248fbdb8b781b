// Package arrowcheck reads a release with a second, independent Parquet
// reader, Apache Arrow's (the pqarrow reader behind pyarrow's and pandas'
// ways of reading Parquet), and checks that its rows are the JSONL's
// records. Tests of the writer and of the CLI call it on every release they
// build.
package arrowcheck

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Release checks the release in dir: every Parquet file it lists opens in
// Arrow, and their rows, in order, equal the lines of its JSONL (the plain
// file, or the compressed shards one after the other) field by field.
func Release(dir string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return err
	}
	var m struct {
		Outputs []struct{ Path string }
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	var parquets, plain, gz []string
	for _, o := range m.Outputs {
		switch {
		case strings.HasSuffix(o.Path, ".parquet"):
			parquets = append(parquets, o.Path)
		case strings.HasSuffix(o.Path, ".jsonl"):
			plain = append(plain, o.Path)
		case strings.HasSuffix(o.Path, ".jsonl.gz"):
			gz = append(gz, o.Path)
		}
	}
	lines, err := jsonlLines(dir, plain, gz)
	if err != nil {
		return err
	}
	defer lines.close()
	row := 0
	for _, name := range parquets {
		rows, err := readParquet(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("%s: Arrow cannot read it: %w", name, err)
		}
		for _, got := range rows {
			row++
			want, ok := lines.next()
			if !ok {
				return fmt.Errorf("%s: row %d has no JSONL line", name, row)
			}
			if !reflect.DeepEqual(normal(got), normal(want)) {
				return fmt.Errorf("%s: row %d differs from JSONL line %d:\narrow %s\njsonl %s", name, row, row, short(got), short(want))
			}
		}
	}
	if _, more := lines.next(); more {
		return fmt.Errorf("the JSONL has more lines than the Parquet files' %d rows", row)
	}
	return lines.err
}

// readParquet reads every row of a Parquet file with Arrow, each as the
// JSON Arrow makes of it.
func readParquet(path string) ([]map[string]any, error) {
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		return nil, err
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 64}, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return nil, err
	}
	defer rr.Release()
	var rows []map[string]any
	for rr.Next() {
		batch := rr.RecordBatch()
		rows = append(rows, batchRows(batch)...)
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return nil, err
	}
	return rows, nil
}

func batchRows(batch arrow.RecordBatch) []map[string]any {
	fields := batch.Schema().Fields()
	rows := make([]map[string]any, batch.NumRows())
	for i := range rows {
		row := map[string]any{}
		for j, col := range batch.Columns() {
			row[fields[j].Name] = col.GetOneForMarshal(i)
		}
		rows[i] = row
	}
	return rows
}

// normal is a value as JSON decodes it, so that Arrow's Go values and the
// JSONL's compare: numbers as float64, dates as their strings, empty lists
// as empty.
func normal(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	var out any
	json.Unmarshal(b, &out)
	return emptyLists(out)
}

// emptyLists makes null lists empty: Parquet does not tell them apart.
func emptyLists(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if x == nil && (k == "byline" || k == "mentions") {
				v[k] = []any{}
			} else {
				v[k] = emptyLists(x)
			}
		}
	case []any:
		for i := range v {
			v[i] = emptyLists(v[i])
		}
	}
	return v
}

func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// lineReader reads the JSONL records one after the other, across files.
type lineReader struct {
	dir     string
	files   []string
	gzipped bool
	f       *os.File
	scanner *bufio.Scanner
	err     error
}

func jsonlLines(dir string, plain, gz []string) (*lineReader, error) {
	if len(plain) > 0 {
		return &lineReader{dir: dir, files: plain}, nil
	}
	if len(gz) == 0 {
		return nil, fmt.Errorf("the manifest lists no JSONL")
	}
	return &lineReader{dir: dir, files: gz, gzipped: true}, nil
}

func (l *lineReader) next() (map[string]any, bool) {
	for l.err == nil {
		if l.scanner == nil {
			if len(l.files) == 0 {
				return nil, false
			}
			l.err = l.open(l.files[0])
			l.files = l.files[1:]
			continue
		}
		if l.scanner.Scan() {
			var rec map[string]any
			if l.err = json.Unmarshal(l.scanner.Bytes(), &rec); l.err != nil {
				return nil, false
			}
			return rec, true
		}
		l.err = l.scanner.Err()
		l.close()
	}
	return nil, false
}

func (l *lineReader) open(name string) error {
	f, err := os.Open(filepath.Join(l.dir, name))
	if err != nil {
		return err
	}
	var r io.Reader = f
	if l.gzipped {
		if r, err = gzip.NewReader(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	l.f = f
	l.scanner = bufio.NewScanner(r)
	l.scanner.Buffer(nil, 1<<30)
	return nil
}

func (l *lineReader) close() {
	if l.f != nil {
		l.f.Close()
	}
	l.f, l.scanner = nil, nil
}
