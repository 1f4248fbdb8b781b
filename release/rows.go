package release

import (
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"

	"github.com/nkcorpus/builder/schema"
)

// parquetRows reads the rows of a Parquet file one at a time, for Validate.
//
// parquet-go panics on some corrupted files ("unsafe.Slice: ptr is nil and
// len is not zero" from one changed byte): every call into it recovers, and
// the panic becomes an error naming the row. After an error the file is not
// read further, as the library's state is then unknown.
type parquetRows struct {
	closer io.Closer // the file read
	file   *parquet.File
	reader *parquet.GenericReader[schema.Record]
	row    []schema.Record
	read   int64 // rows read so far
	err    error
}

// errPanicked marks an error recovered from a panic of parquet-go.
var errPanicked = errors.New("the Parquet reader failed")

// guard turns a panic of the Parquet reader into *err.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", errPanicked, r)
	}
}

// openParquet opens the Parquet file held by r.
func openParquet(r io.ReaderAt, size int64) (p *parquetRows, err error) {
	defer guard(&err)
	file, err := parquet.OpenFile(r, size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
	if err != nil {
		return nil, err
	}
	if !parquet.EqualNodes(file.Schema(), recordSchema) {
		return nil, fmt.Errorf("its columns are not those of record schema %s", schema.Version)
	}
	return &parquetRows{file: file, row: make([]schema.Record, 1),
		reader: parquet.NewGenericReader[schema.Record](file)}, nil
}

var recordSchema = parquet.SchemaOf(schema.Record{})

// metadata returns the footer's key-value metadata.
func (p *parquetRows) metadata() (meta map[string]string, err error) {
	defer guard(&err)
	meta = map[string]string{}
	for _, kv := range p.file.Metadata().KeyValueMetadata {
		meta[kv.Key] = kv.Value
	}
	return meta, nil
}

// numRows is the row count the footer gives.
func (p *parquetRows) numRows() (n int64, err error) {
	defer guard(&err)
	return p.file.NumRows(), nil
}

// next reads the next row; ok is false at the end, or after an error, kept
// in p.err.
func (p *parquetRows) next() (r schema.Record, ok bool) {
	if p.err != nil {
		return r, false
	}
	n, err := p.readRow()
	if n == 1 {
		p.read++
		return p.row[0], true
	}
	if err != nil && !errors.Is(err, io.EOF) {
		p.err = fmt.Errorf("row %d: %w", p.read+1, err)
	}
	return r, false
}

func (p *parquetRows) readRow() (n int, err error) {
	defer guard(&err)
	p.row[0] = schema.Record{}
	return p.reader.Read(p.row)
}

func (p *parquetRows) close() {
	defer p.closer.Close()
	defer guard(new(error))
	p.reader.Close()
}
