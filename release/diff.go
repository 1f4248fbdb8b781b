package release

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/nkcorpus/builder/schema"
)

// examplesPerField bounds the examples Diff shows for each changed field.
const examplesPerField = 3

// DiffSummary is what changed between two releases, by record id.
type DiffSummary struct {
	Old, New           int
	Added, Removed     []string
	Changed, Unchanged int
	// SourceChanged counts records whose capture changed (source: its
	// sha256 or lines), apart from the changes of their content fields.
	SourceChanged int
	FieldChanges  map[string]int
	Examples      map[string][]string
}

// Diff compares the records of two releases by id — added, removed and
// changed records, how many changed in each field, a few examples — and
// writes it as Markdown. A change of source alone (the capture file's
// checksum or line span) is counted apart: the content did not change. It reads both JSONL files in step, in id order, so
// memory does not grow with the releases.
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
		case bytes.Equal(a.fields[k], b.fields[k]):
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
			s.Examples[k] = append(s.Examples[k], fmt.Sprintf("`%s`: %s → %s", a.id, brief(a.fields[k]), brief(b.fields[k])))
		}
	}
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

// brief shortens a JSON value for an example.
func brief(v json.RawMessage) string {
	if v == nil {
		return "(absent)"
	}
	s := string(v)
	if utf8.RuneCountInString(s) > 80 {
		s = string([]rune(s)[:77]) + "…"
	}
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

func (s *DiffSummary) write(w io.Writer, oldDir, newDir string) {
	fmt.Fprintf(w, "# Changes from %s to %s\n\n", filepath.Base(oldDir), filepath.Base(newDir))
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
			fmt.Fprintf(w, "| `%s` | %d |\n", f, s.FieldChanges[f])
		}
		for _, f := range fields {
			fmt.Fprintf(w, "\n### `%s`\n\n", f)
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
			fmt.Fprintf(w, "- `%s`\n", id)
		}
	}
}

// rawRecord is a JSONL record kept as raw field values, so that any change
// of bytes counts.
type rawRecord struct {
	id     string
	fields map[string]json.RawMessage
}

type recordReader struct {
	path    string
	f       io.ReadCloser
	scanner *bufio.Scanner
	line    int
	err     error
}

func openRecords(dir string) (*recordReader, error) {
	f, name, err := openReleaseJSONL(dir)
	path := filepath.Join(dir, name)
	if err != nil {
		return nil, err
	}
	scanner := bufio.NewScanner(f)
	scanner.Buffer(nil, 1<<30)
	return &recordReader{path: path, f: f, scanner: scanner}, nil
}

// next returns the next record, or nil at the end or on an error (kept in err).
func (r *recordReader) next() *rawRecord {
	if r.err != nil || !r.scanner.Scan() {
		if r.err == nil {
			r.err = r.scanner.Err()
		}
		return nil
	}
	r.line++
	rec := &rawRecord{}
	if err := json.Unmarshal(r.scanner.Bytes(), &rec.fields); err != nil {
		r.err = fmt.Errorf("%s:%d: %w", r.path, r.line, err)
		return nil
	}
	if err := json.Unmarshal(rec.fields["id"], &rec.id); err != nil {
		r.err = fmt.Errorf("%s:%d: no id: %w", r.path, r.line, err)
		return nil
	}
	return rec
}

func (r *recordReader) close() { r.f.Close() }
