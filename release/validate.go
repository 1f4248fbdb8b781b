package release

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nkcorpus/builder/schema"
)

const (
	// maxProblems bounds the list Validate returns; a badly broken release
	// would otherwise report every record.
	maxProblems = 50
	// maxLine bounds a JSONL line, so a release from anywhere cannot make
	// Validate hold more.
	maxLine = 256 << 20
	// keptBuffer is the largest buffer kept from one record to the next; a
	// larger one is given back, so a few huge records do not keep memory
	// held.
	keptBuffer = 4 << 20
)

// Validate checks the release in dir: its folder holds regular files only,
// each listed in the manifest and in SHA256SUMS with its checksum and size,
// and the checksums the card and the Croissant file give match too; every
// JSONL record follows the rules of DESIGN.md and is written as the builder
// writes it, ids are valid, unique and in order, each record's source is an
// input of the manifest that produced that many records; the Parquet file
// holds the same records as the JSONL, and the manifest's counts are the
// records'. It returns what is wrong, in the same order every time, nothing
// when the release is sound. Nothing outside dir is read, and it streams the
// data files, holding one record (and one Parquet page per column) at a time.
func Validate(dir string) []error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return []error{err}
	}
	defer root.Close()
	v := &validation{root: root}
	m, ok := v.readManifest()
	if !ok {
		return v.problems
	}
	d := dataFilesOf(m)
	files := v.checkFiles(m, d)
	v.checkSums(files)
	v.checkCroissant(files, d)
	v.checkCard(m, files, d)
	if len(d.missing()) == 0 {
		v.checkCompressed(m, d, files)
		v.checkRecords(m, files, d)
	}
	return v.problems
}

type validation struct {
	root     *os.Root
	jsonl    string // the JSONL stream's name in problems: corpus.jsonl, or its shards
	problems []error
}

func (v *validation) fail(format string, args ...any) {
	if len(v.problems) < maxProblems {
		v.problems = append(v.problems, fmt.Errorf(format, args...))
	} else if len(v.problems) == maxProblems {
		v.problems = append(v.problems, errors.New("(and more problems)"))
	}
}

// loadManifest reads the manifest of the release in root.
func loadManifest(root *os.Root) (Manifest, error) {
	var m Manifest
	raw, err := readDocument(root, ManifestFile)
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	return m, err
}

func (v *validation) readManifest() (Manifest, bool) {
	m, err := loadManifest(v.root)
	if err != nil {
		v.fail("%s: %v", ManifestFile, err)
		return m, false
	}
	if m.SchemaVersion != schema.Version {
		v.fail("%s: schema_version %q; this builder checks records of schema %s", ManifestFile, m.SchemaVersion, schema.Version)
	}
	seen := map[string]bool{}
	for _, in := range m.Inputs {
		if seen[in.Path] {
			v.fail("%s: input %s is listed twice", ManifestFile, in.Path)
		}
		seen[in.Path] = true
		if !schema.EscapedPath(in.Path) {
			v.fail("%s: input path %q is not spelled as the builder spells paths (schema.EscapePath)", ManifestFile, in.Path)
		}
	}
	return m, true
}

// fileSum is what a file of the release holds, as read.
type fileSum struct {
	sha256 string
	bytes  int64
}

// checkFiles reads every file of the release folder, reporting any that is
// not a regular file or that the manifest does not list, and compares each
// output of the manifest with its file. It returns the regular files read.
func (v *validation) checkFiles(m Manifest, d dataFiles) map[string]fileSum {
	files := map[string]fileSum{}
	err := fs.WalkDir(v.root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			v.fail("%s: %v", name, err)
		case d.IsDir():
		case !d.Type().IsRegular():
			v.fail("%s: %s: a release holds only regular files", name, fileKind(d.Type()))
		default:
			if sum, err := v.sum(name); err != nil {
				v.fail("%s: %v", name, err)
			} else {
				files[name] = sum
			}
		}
		return nil
	})
	if err != nil {
		v.fail("%v", err)
	}
	listed := map[string]bool{ManifestFile: true, SumsFile: true}
	for _, name := range d.missing() {
		v.fail("%s: %s is not listed among its outputs", ManifestFile, name)
	}
	for _, out := range m.Outputs {
		if listed[out.Path] {
			v.fail("%s: output %s is listed twice, or is the manifest or SHA256SUMS", ManifestFile, out.Path)
		}
		listed[out.Path] = true
		got, ok := files[out.Path]
		switch {
		case !fs.ValidPath(out.Path):
			v.fail("%s: output %q is not a path inside the release folder", ManifestFile, out.Path)
		case !ok:
			v.fail("%s: missing: the manifest lists it, the release holds no such regular file", out.Path)
		case got.bytes != out.Bytes:
			v.fail("%s: %d bytes, the manifest says %d", out.Path, got.bytes, out.Bytes)
		case got.sha256 != out.SHA256:
			v.fail("%s: sha256 %s, the manifest says %s", out.Path, got.sha256, out.SHA256)
		}
	}
	for _, name := range sortedNames(files) {
		if !listed[name] {
			v.fail("%s: not listed among the manifest's outputs", name)
		}
	}
	return files
}

// sum hashes a regular file of the release as it reads it.
func (v *validation) sum(name string) (fileSum, error) {
	f, _, err := openRegular(v.root, name)
	if err != nil {
		return fileSum{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return fileSum{sha256: hex.EncodeToString(h.Sum(nil)), bytes: n}, err
}

func sortedNames(files map[string]fileSum) []string {
	return slices.Sorted(maps.Keys(files))
}

var sumLine = regexp.MustCompile(`^([0-9a-f]{64})  (.+)$`)

// checkSums checks SHA256SUMS as sha256sum -c would, and that it lists every
// other file of the release, once.
func (v *validation) checkSums(files map[string]fileSum) {
	raw, err := readDocument(v.root, SumsFile)
	if err != nil {
		v.fail("%s: %v", SumsFile, err)
		return
	}
	listed := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		match := sumLine.FindStringSubmatch(line)
		if match == nil {
			v.fail("%s:%d: not \"SHA256  FILE\"", SumsFile, i+1)
			continue
		}
		want, name := match[1], match[2]
		got, ok := files[name]
		switch {
		case listed[name]:
			v.fail("%s:%d: %s is listed twice", SumsFile, i+1, name)
		case !fs.ValidPath(name) || name == SumsFile:
			v.fail("%s:%d: %q is not another file of the release", SumsFile, i+1, name)
		case !ok:
			v.fail("%s:%d: %s is not a regular file of the release", SumsFile, i+1, name)
		case got.sha256 != want:
			v.fail("%s:%d: %s has sha256 %s, not %s", SumsFile, i+1, name, got.sha256, want)
		}
		listed[name] = true
	}
	for _, name := range sortedNames(files) {
		if !listed[name] && name != SumsFile {
			v.fail("%s: does not list %s", SumsFile, name)
		}
	}
}

// checkCroissant compares the file objects of croissant.json with the files,
// and requires one for each data file.
func (v *validation) checkCroissant(files map[string]fileSum, d dataFiles) {
	raw, err := readDocument(v.root, CroissantFile)
	if err != nil {
		v.fail("%s: %v", CroissantFile, err)
		return
	}
	var doc struct {
		Distribution []struct {
			ContentURL  string `json:"contentUrl"`
			ContentSize string `json:"contentSize"`
			SHA256      string `json:"sha256"`
		} `json:"distribution"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		v.fail("%s: %v", CroissantFile, err)
		return
	}
	described := map[string]bool{}
	for _, d := range doc.Distribution {
		if d.ContentURL == "" {
			continue // a file set, named by a pattern and without a checksum
		}
		got, ok := files[d.ContentURL]
		described[d.ContentURL] = true
		switch {
		case !ok:
			v.fail("%s: distribution %q is not a regular file of the release", CroissantFile, d.ContentURL)
		case d.SHA256 != got.sha256:
			v.fail("%s: distribution %s: sha256 %q, the file has %s", CroissantFile, d.ContentURL, d.SHA256, got.sha256)
		case d.ContentSize != fmt.Sprintf("%d B", got.bytes):
			v.fail("%s: distribution %s: contentSize %q, the file has %d B", CroissantFile, d.ContentURL, d.ContentSize, got.bytes)
		}
	}
	for _, name := range d.names() {
		if !described[name] {
			v.fail("%s: no distribution describes %s", CroissantFile, name)
		}
	}
}

var (
	cardSum   = regexp.MustCompile("^`([0-9a-f]{64})`$")
	cardBytes = regexp.MustCompile(`^[0-9]+$`)
)

// checkCard compares the checksums the card's tables give, each row naming
// a file, its size and its sha256, with the files and, under a heading that
// names source files, with the manifest's inputs.
func (v *validation) checkCard(m Manifest, files map[string]fileSum, d dataFiles) {
	raw, err := readDocument(v.root, CardFile)
	if err != nil {
		v.fail("%s: %v", CardFile, err)
		return
	}
	inputs := map[string]fileSum{}
	for _, in := range m.Inputs {
		inputs[in.Path] = fileSum{sha256: in.SHA256, bytes: in.Bytes}
	}
	listed := map[string]bool{}
	sources := false // the table is of source files, the manifest's inputs
	for i, line := range strings.Split(string(raw), "\n") {
		if heading, ok := strings.CutPrefix(line, "## "); ok {
			sources = strings.Contains(strings.ToLower(heading), "source")
			continue
		}
		name, row, ok := cardRow(line)
		if !ok {
			continue
		}
		against, what := files, "a file of the release"
		if sources {
			against, what = inputs, "an input of the manifest"
		}
		got, known := against[name]
		switch {
		case !known:
			v.fail("%s:%d: %q is not %s", CardFile, i+1, name, what)
		case row.sha256 != got.sha256:
			v.fail("%s:%d: %s: sha256 %s, not %s", CardFile, i+1, name, row.sha256, got.sha256)
		case row.bytes >= 0 && row.bytes != got.bytes:
			v.fail("%s:%d: %s: %d bytes, not %d", CardFile, i+1, name, row.bytes, got.bytes)
		}
		listed[name] = listed[name] || !sources
	}
	for _, name := range d.names() {
		if !listed[name] {
			v.fail("%s: does not give the checksum of %s", CardFile, name)
		}
	}
}

// cardRow reads a table row of the card that names a file (its first cell)
// and gives its sha256 (a cell holding it as code) and, when the second
// cell is a number, its size; bytes is -1 when no size is given.
func cardRow(line string) (name string, sum fileSum, ok bool) {
	cells := tableCells(line)
	sum.bytes = -1
	for _, c := range cells {
		if m := cardSum.FindStringSubmatch(c); m != nil {
			sum.sha256, ok = m[1], true
		}
	}
	if !ok || len(cells) < 2 {
		return "", sum, false
	}
	if cardBytes.MatchString(cells[1]) {
		sum.bytes, _ = strconv.ParseInt(cells[1], 10, 64)
	}
	name, err := unmarkdown(cells[0])
	return name, sum, err == nil
}

// tableCells splits a Markdown table row at its unescaped pipes, the cells
// trimmed; nil when line is not a row.
func tableCells(line string) []string {
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil
	}
	var cells []string
	start := 1
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return cells
}

// checkRecords reads the JSONL and the Parquet files in step, one record of
// each at a time: the plain JSONL, or its compressed shards one after the
// other, against the Parquet file or its shards.
func (v *validation) checkRecords(m Manifest, files map[string]fileSum, d dataFiles) {
	for _, name := range d.names() {
		if _, ok := files[name]; !ok {
			return // reported by checkFiles
		}
	}
	jf, jsonl, err := openJSONL(v.root, d)
	v.jsonl = jsonl
	if err != nil {
		v.fail("%s: %v", jsonl, err)
		return
	}
	defer jf.Close()
	rows := &parquetShards{v: v, m: m, names: d.parquets}
	c := newRecordCheck(m)
	lines := newLineReader(jf)
	for {
		raw, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		c.line++
		c.size = len(raw)
		if err != nil {
			v.fail("%s:%d: %v", v.jsonl, c.line, err)
		}
		if _, partial := err.(lineError); err != nil && !partial {
			return // reading failed; what follows is unknown
		}
		var sum []byte
		if raw != nil {
			sum = v.checkLine(c, raw)
		}
		lines.release()
		c.release()
		v.compareRow(rows, c, sum)
		c.release()
	}
	v.finish(m, d, c, rows)
}

// recordCheck is what checkRecords keeps from one record to the next.
type recordCheck struct {
	line     int
	size     int    // bytes of the line
	previous string // id of the previous record
	inputs   map[string]*Input
	produced map[string]int // records per input
	counts   Counts
	encoded  []byte // a record as the builder writes it
}

func newRecordCheck(m Manifest) *recordCheck {
	c := &recordCheck{inputs: map[string]*Input{}, produced: map[string]int{}, counts: NewCounts()}
	for i := range m.Inputs {
		c.inputs[m.Inputs[i].Path] = &m.Inputs[i]
	}
	return c
}

// encode writes r as the builder does, into a buffer of the line's size,
// returning its sha256.
func (c *recordCheck) encode(r *schema.Record) []byte {
	if cap(c.encoded) < c.size+1 {
		c.encoded = make([]byte, 0, c.size+c.size/16+64)
	}
	c.encoded = r.AppendJSON(c.encoded[:0])
	sum := sha256.Sum256(c.encoded)
	return sum[:]
}

// release gives back a large buffer once its record is checked.
func (c *recordCheck) release() {
	if cap(c.encoded) > keptBuffer {
		c.encoded = nil
	}
}

// checkLine checks one JSONL line, returning the sha256 of its record as
// the builder writes it, or nil when it is not a record.
func (v *validation) checkLine(c *recordCheck, raw []byte) []byte {
	var r schema.Record
	if err := json.Unmarshal(raw, &r); err != nil {
		v.fail("%s:%d: %v", v.jsonl, c.line, err)
		return nil
	}
	sum := c.encode(&r)
	if !bytes.Equal(c.encoded, raw) {
		v.fail("%s:%d: %s", v.jsonl, c.line, notAsWritten(raw))
	}
	for _, err := range schema.Check(r) {
		v.fail("%s:%d: %v", v.jsonl, c.line, err)
	}
	switch {
	case c.line == 1:
	case r.ID == c.previous:
		v.fail("%s:%d: id %s appears twice", v.jsonl, c.line, r.ID)
	case !schema.IDBefore(c.previous, r.ID):
		v.fail("%s:%d: id %s comes after %s: records are not in id order", v.jsonl, c.line, r.ID, c.previous)
	}
	c.previous = r.ID
	v.checkSource(c, r)
	c.counts.Add(r)
	return sum
}

// notAsWritten says how a line that decodes differs from what the builder
// writes.
func notAsWritten(raw []byte) string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(new(schema.Record)); err != nil {
		return err.Error()
	}
	var fields map[string]json.RawMessage
	json.Unmarshal(raw, &fields)
	for _, f := range schema.Fields() {
		if _, ok := fields[f.Name]; !ok {
			return fmt.Sprintf("field %s is missing", f.Name)
		}
	}
	return "not the builder's JSON of its record (a field missing, repeated, in another order or spelling, or other spacing or escaping)"
}

// checkSource checks that a record comes from an input of the manifest.
func (v *validation) checkSource(c *recordCheck, r schema.Record) {
	in, ok := c.inputs[r.Source.Path]
	switch {
	case !ok:
		v.fail("%s:%d: %s: source %s is not among the manifest's inputs", v.jsonl, c.line, r.ID, r.Source.Path)
	case in.Skipped != "":
		v.fail("%s:%d: %s: source %s was skipped (%s), yet gives a record", v.jsonl, c.line, r.ID, r.Source.Path, in.Skipped)
	case r.Source.Record == nil && r.Source.SHA256 != in.SHA256:
		v.fail("%s:%d: %s: source sha256 %s, the manifest's input has %s", v.jsonl, c.line, r.ID, r.Source.SHA256, in.SHA256)
	}
	c.produced[r.Source.Path]++
}

// openRows opens a Parquet file of the release and checks its footer; nil
// when it cannot be read, which is reported.
func (v *validation) openRows(m Manifest, name string) *parquetRows {
	f, info, err := openRegular(v.root, name)
	if err != nil {
		v.fail("%s: %v", name, err)
		return nil
	}
	rows, err := openParquet(f, info.Size())
	if err != nil {
		f.Close()
		v.fail("%s: not a readable Parquet file: %v", name, err)
		return nil
	}
	rows.closer = f
	meta, err := rows.metadata()
	if err != nil {
		v.fail("%s: not a readable Parquet footer: %v", name, err)
		return rows
	}
	for _, kv := range []struct{ key, want string }{{"dataset", m.Dataset}, {"dataset_version", m.Version}, {"schema_version", m.SchemaVersion}} {
		if meta[kv.key] != kv.want {
			v.fail("%s: footer %s is %q, the manifest says %q", name, kv.key, meta[kv.key], kv.want)
		}
	}
	return rows
}

// parquetShards reads the rows of a release's Parquet files, one file after
// the other, each opened when the one before is read to its end.
type parquetShards struct {
	v      *validation
	m      Manifest
	names  []string
	next_  int          // the index of the next file to open
	cur    *parquetRows // the file being read
	read   int64        // rows read from the files before cur
	footer int64        // rows the footers of the opened files give
	failed bool         // a file could not be read: the rows after it are unknown
}

// name is the file being read.
func (s *parquetShards) name() string { return s.names[max(s.next_-1, 0)] }

// row returns the next row; false at the end of the last file or once a
// file fails.
func (s *parquetShards) row() (schema.Record, bool) {
	for !s.failed {
		if s.cur == nil {
			if s.next_ == len(s.names) {
				return schema.Record{}, false
			}
			s.next_++
			if s.cur = s.v.openRows(s.m, s.name()); s.cur == nil {
				s.failed = true
				break
			}
			n, err := s.cur.numRows()
			if err != nil {
				s.v.fail("%s: not a readable Parquet footer: %v", s.name(), err)
			}
			s.footer += n
		}
		if r, ok := s.cur.next(); ok {
			return r, true
		}
		if s.cur.err != nil {
			s.v.fail("%s: not a readable Parquet file: %v; %d of its rows read", s.name(), s.cur.err, s.cur.read)
			s.failed = true
			break
		}
		s.read += s.cur.read
		s.cur.close()
		s.cur = nil
	}
	return schema.Record{}, false
}

// rowsRead counts the rows read so far.
func (s *parquetShards) rowsRead() int64 {
	if s.cur != nil {
		return s.read + s.cur.read
	}
	return s.read
}

func (s *parquetShards) close() {
	if s.cur != nil {
		s.cur.close()
	}
}

// compareRow reads the Parquet row of the current line and compares it
// with the line's record, whose sha256 as the builder writes it is sum (nil
// when the line is not a record).
func (v *validation) compareRow(rows *parquetShards, c *recordCheck, sum []byte) {
	p, ok := rows.row()
	if !ok {
		return
	}
	// Parquet does not tell an empty list from a missing one.
	if p.Byline == nil {
		p.Byline = []string{}
	}
	if p.Mentions == nil {
		p.Mentions = []schema.Mention{}
	}
	if sum != nil && !bytes.Equal(c.encode(&p), sum) {
		v.fail("%s: row %d (%s) differs from %s line %d", rows.name(), c.line, p.ID, v.jsonl, c.line)
	}
}

// finish compares what the records added up to with the manifest and the
// Parquet files.
func (v *validation) finish(m Manifest, d dataFiles, c *recordCheck, rows *parquetShards) {
	v.finishRows(m, d, rows, c.line)
	if m.Records != c.line {
		v.fail("%s: %d records, the manifest says %d", v.jsonl, c.line, m.Records)
	}
	jsonlFiles := d.gz
	if d.plain != "" {
		jsonlFiles = []string{d.plain}
	}
	if n := outputRecords(m, jsonlFiles); n != c.line {
		v.fail("%s: %d records, the manifest's outputs say %d", v.jsonl, c.line, n)
	}
	for _, in := range m.Inputs {
		if c.produced[in.Path] != in.Records {
			v.fail("%s: input %s gave %d records, the manifest says %d", ManifestFile, in.Path, c.produced[in.Path], in.Records)
		}
	}
	if !reflect.DeepEqual(c.counts, m.Counts) {
		v.fail("%s: counts by layout, outlet and language do not match the records", ManifestFile)
	}
}

// finishRows compares the rows read, and those the footers give, with the
// JSONL's lines.
func (v *validation) finishRows(m Manifest, d dataFiles, rows *parquetShards, lines int) {
	defer rows.close()
	_, more := rows.row()
	if rows.failed {
		return // reported
	}
	parquets := strings.Join(d.parquets, "+")
	if n := outputRecords(m, d.parquets); rows.footer != int64(n) {
		v.fail("%s: the footers give %d rows, the manifest's outputs say %d records", parquets, rows.footer, n)
	}
	switch read := rows.rowsRead(); {
	case more || read < int64(lines):
		v.fail("%s has %d rows, %s %d lines", parquets, max(rows.footer, read), v.jsonl, lines)
	case rows.footer != read:
		v.fail("%s: the footers give %d rows, %d were read", parquets, rows.footer, read)
	}
}

// outputRecords adds up the records the manifest's outputs of names hold.
func outputRecords(m Manifest, names []string) int {
	n := 0
	for _, name := range names {
		n += output(m, name).Records
	}
	return n
}

// output is the manifest's entry for the file name.
func output(m Manifest, name string) Output {
	i := slices.IndexFunc(m.Outputs, func(o Output) bool { return o.Path == name })
	if i < 0 {
		return Output{}
	}
	return m.Outputs[i]
}

// lineReader reads lines of up to max bytes, reusing one buffer.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line []byte
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 1<<20), max: maxLine}
}

// next returns the next line without its newline; a line too long is
// skipped and reported as an error, and io.EOF ends the file.
func (l *lineReader) next() ([]byte, error) {
	l.line = l.line[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(l.line)+len(chunk) > l.max {
			l.line = l.line[:0]
			return nil, l.skip(err)
		}
		l.line = append(l.line, chunk...)
		switch {
		case err == nil:
			return l.line[:len(l.line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(l.line) > 0:
			return l.line, lineError("the last line does not end with a newline")
		}
		return nil, err
	}
}

// skip reads past the rest of a line too long to hold.
func (l *lineReader) skip(err error) error {
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = l.r.ReadSlice('\n')
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return lineError(fmt.Sprintf("a line longer than %d bytes", l.max))
}

// lineError is a line that is not a whole line of JSONL; the lines after it
// can still be read.
type lineError string

func (e lineError) Error() string { return string(e) }

// release gives back a large line buffer once its line is checked.
func (l *lineReader) release() {
	if cap(l.line) > keptBuffer {
		l.line = nil
	}
}
