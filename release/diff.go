package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

// examplesPerField bounds the examples Diff shows for each changed field.
const examplesPerField = 3

// DiffSummary is what changed between two releases, by record id.
type DiffSummary struct {
	Old, New int
	// OldSchema and NewSchema are the record schema versions of the two
	// releases, from their manifests.
	OldSchema, NewSchema string
	Added, Removed       []string
	Changed, Unchanged   int
	// SourceChanged counts records whose capture changed (source: its
	// sha256 or lines), apart from the changes of their content fields.
	SourceChanged int
	FieldChanges  map[string]int
	Examples      map[string][]string
}

// Diff compares the records of two releases by id — added, removed and
// changed records, how many changed in each field, a few examples — and
// writes it as Markdown. Values are compared as JSON values, so spacing and
// key order are no change; a change of source alone (the capture file's
// checksum or line span) is counted apart: the content did not change. It
// reads both JSONL files in step, in id order, which it checks, so memory
// does not grow with the releases; like Validate, it reads only regular
// files inside the two folders.
func Diff(oldDir, newDir string, w io.Writer) (DiffSummary, error) {
	s := DiffSummary{FieldChanges: map[string]int{}, Examples: map[string][]string{}}
	older, err := openRecords(oldDir)
	if err != nil {
		return s, err
	}
	defer older.close()
	newer, err := openRecords(newDir)
	if err != nil {
		return s, err
	}
	defer newer.close()
	s.OldSchema, s.NewSchema = older.schema, newer.schema
	a, b := older.next(), newer.next()
	for a != nil || b != nil {
		switch {
		case b == nil || (a != nil && schema.IDBefore(a.id, b.id)):
			s.Old++
			s.Removed = append(s.Removed, a.id)
			a = older.next()
		case a == nil || schema.IDBefore(b.id, a.id):
			s.New++
			s.Added = append(s.Added, b.id)
			b = newer.next()
		default:
			s.Old++
			s.New++
			s.compare(a, b)
			a, b = older.next(), newer.next()
		}
	}
	for _, r := range []*recordReader{older, newer} {
		if r.err != nil {
			return s, r.err
		}
	}
	s.write(w, oldDir, newDir)
	return s, nil
}

func (s *DiffSummary) compare(a, b *rawRecord) {
	var changed []string
	for _, k := range unionKeys(a.fields, b.fields) {
		switch {
		case sameJSON(a.fields[k], b.fields[k]):
		case k == "source":
			s.SourceChanged++
		default:
			changed = append(changed, k)
		}
	}
	if len(changed) == 0 {
		s.Unchanged++
		return
	}
	s.Changed++
	for _, k := range changed {
		s.FieldChanges[k]++
		if len(s.Examples[k]) < examplesPerField {
			s.Examples[k] = append(s.Examples[k], fmt.Sprintf("%s: %s → %s", markdownCode(a.id), brief(a.fields[k]), brief(b.fields[k])))
		}
	}
}

// sameJSON tells whether two JSON values are equal as values: spacing, key
// order and escaping aside.
func sameJSON(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	var va, vb any
	return json.Unmarshal(a, &va) == nil && json.Unmarshal(b, &vb) == nil && reflect.DeepEqual(va, vb)
}

func unionKeys(a, b map[string]json.RawMessage) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// brief shortens a JSON value, written compactly, for an example.
func brief(v json.RawMessage) string {
	if v == nil {
		return "(absent)"
	}
	var compact bytes.Buffer
	s := string(v)
	if json.Compact(&compact, v) == nil {
		s = compact.String()
	}
	if utf8.RuneCountInString(s) > 80 {
		s = string([]rune(s)[:77]) + "…"
	}
	return markdownCode(s)
}

func (s *DiffSummary) write(w io.Writer, oldDir, newDir string) {
	fmt.Fprintf(w, "# Changes from %s to %s\n\n", markdownText(filepath.Base(oldDir)), markdownText(filepath.Base(newDir)))
	if s.OldSchema == s.NewSchema {
		fmt.Fprintf(w, "Record schema %s in both.\n\n", markdownCode(s.NewSchema))
	} else {
		fmt.Fprintf(w, "Record schema changed: %s → %s.\n\n", markdownCode(s.OldSchema), markdownCode(s.NewSchema))
	}
	fmt.Fprintf(w, "| records | count |\n|---|---:|\n| before | %d |\n| after | %d |\n| added | %d |\n| removed | %d |\n| changed | %d |\n| unchanged | %d |\n| capture changed (`source`) | %d |\n",
		s.Old, s.New, len(s.Added), len(s.Removed), s.Changed, s.Unchanged, s.SourceChanged)
	if len(s.FieldChanges) > 0 {
		fmt.Fprintf(w, "\n## Changed fields\n\n| field | records |\n|---|---:|\n")
		fields := make([]string, 0, len(s.FieldChanges))
		for f := range s.FieldChanges {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			fmt.Fprintf(w, "| %s | %d |\n", markdownCode(f), s.FieldChanges[f])
		}
		for _, f := range fields {
			fmt.Fprintf(w, "\n### %s\n\n", markdownCode(f))
			for _, e := range s.Examples[f] {
				fmt.Fprintf(w, "- %s\n", e)
			}
		}
	}
	for _, list := range []struct {
		title string
		ids   []string
	}{{"Added", s.Added}, {"Removed", s.Removed}} {
		if len(list.ids) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## %s\n\n", list.title)
		for i, id := range list.ids {
			if i == 20 {
				fmt.Fprintf(w, "- … and %d more\n", len(list.ids)-20)
				break
			}
			fmt.Fprintf(w, "- %s\n", markdownCode(id))
		}
	}
}

// rawRecord is a JSONL record kept as raw field values.
type rawRecord struct {
	id     string
	fields map[string]json.RawMessage
}

// recordReader reads the records of a release in order, checking the order.
type recordReader struct {
	path     string
	schema   string   // the release's record schema version
	root     *os.Root // open while the JSONL shards are read, one after the other
	f        io.ReadCloser
	lines    *lineReader
	line     int
	previous string // the id of the previous record
	err      error
}

func openRecords(dir string) (*recordReader, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	m, err := loadManifest(root)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestFile), err)
	}
	f, name, err := openJSONL(root, dataFilesOf(m))
	path := filepath.Join(dir, name)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &recordReader{path: path, schema: m.SchemaVersion, root: root, f: f, lines: newLineReader(f)}, nil
}

// next returns the next record, or nil at the end or on an error (kept in err).
func (r *recordReader) next() *rawRecord {
	if r.err != nil {
		return nil
	}
	r.lines.release()
	raw, err := r.lines.next()
	if errors.Is(err, io.EOF) {
		return nil
	}
	r.line++
	rec := &rawRecord{}
	if err == nil {
		err = json.Unmarshal(raw, &rec.fields)
	}
	if err == nil {
		err = r.checkID(rec)
	}
	if err != nil {
		r.err = fmt.Errorf("%s:%d: %w", r.path, r.line, err)
		return nil
	}
	r.previous = rec.id
	return rec
}

// checkID reads the id of rec, which must come after the previous one.
func (r *recordReader) checkID(rec *rawRecord) error {
	if err := json.Unmarshal(rec.fields["id"], &rec.id); err != nil {
		return fmt.Errorf("no id: %w", err)
	}
	switch {
	case r.line == 1:
	case rec.id == r.previous:
		return fmt.Errorf("id %s appears twice, which diff cannot compare (see validate)", rec.id)
	case !schema.IDBefore(r.previous, rec.id):
		return fmt.Errorf("id %s comes after %s: the records are not in id order, which diff needs (see validate)", rec.id, r.previous)
	}
	return nil
}

func (r *recordReader) close() {
	r.f.Close()
	r.root.Close()
}
