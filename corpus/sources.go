package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/nkcorpus/builder/decode"
	"github.com/nkcorpus/builder/release"
)

// SourcesFile is the optional table beside the captures giving what their
// text cannot.
//
// # Format
//
// Text (UTF-8, or any encoding package decode reads), tab-separated, a
// header line first naming the columns, in any order: file (required; the
// path in the input folder, "/"-separated, spelt as on disk or as the
// manifest spells it), url (http or https), outlet, retrieved (the capture
// date, YYYY-MM-DD, from 1990 to the day of the build). Any value may be
// empty; blank lines and lines starting with "#" are skipped. A row that
// cannot be used is ignored, and a value that cannot be used left out, each
// reported with its line; a header naming a column twice, or no file column,
// fails the build. The file must be a regular file, not a symlink, of at
// most maxSourcesBytes, and a row at most maxSourcesRow.
const SourcesFile = "sources.tsv"

const (
	maxSourcesBytes = 64 << 20
	maxSourcesRow   = 1 << 20
)

// sourceColumns are the columns of sources.tsv.
var sourceColumns = []string{"file", "url", "outlet", "retrieved"}

// earliestRetrieved is the earliest capture date believed: the web began
// about then, and an earlier date is a typo.
var earliestRetrieved = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// source is one row of sources.tsv.
type source struct {
	URL, Outlet string
	Retrieved   time.Time
	line        int
}

// sourcesTable is the rows of sources.tsv by file name (in NFC).
type sourcesTable map[string]source

// of finds the row of an input file, by its name on disk or as outputs
// spell it.
func (t sourcesTable) of(f inputFile) (source, bool) {
	for _, key := range []string{f.path, f.name} {
		if !utf8.ValidString(key) {
			continue
		}
		if s, ok := t[norm.NFC.String(key)]; ok {
			return s, true
		}
	}
	return source{}, false
}

// readSources reads root/sources.tsv, as documented at [SourcesFile]. A
// missing file is no error. today bounds the capture dates.
func readSources(root string, today time.Time) (sourcesTable, *release.Sources, error) {
	path := filepath.Join(root, SourcesFile)
	raw, err := readRegular(path, syscall.O_NOFOLLOW, maxSourcesBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil
	case errors.Is(err, syscall.ELOOP):
		return nil, nil, fmt.Errorf("%s is a symlink, which is not followed (copy the table in)", path)
	case err != nil:
		return nil, nil, fmt.Errorf("%s: %w", SourcesFile, err)
	}
	sum := sha256.Sum256(raw)
	info := &release.Sources{Path: SourcesFile, SHA256: hex.EncodeToString(sum[:])}
	text, err := decode.Decode(raw)
	if errors.Is(err, decode.ErrEmpty) {
		return sourcesTable{}, info, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	r := &sourcesReader{path: path, info: info, rows: sourcesTable{}, today: today}
	for i, line := range strings.Split(text.Text, "\n") {
		if err := r.line(i+1, line); err != nil {
			return nil, nil, err
		}
	}
	info.Rows = len(r.rows)
	return r.rows, info, nil
}

// sourcesReader reads sources.tsv line by line.
type sourcesReader struct {
	path    string
	info    *release.Sources
	rows    sourcesTable
	today   time.Time
	columns map[string]int // by name, its index; nil before the header
	width   int            // how many columns the header names
}

func note(list *[]string, line int, format string, args ...any) {
	*list = append(*list, fmt.Sprintf("%s:%d: ", SourcesFile, line)+fmt.Sprintf(format, args...))
}

func (r *sourcesReader) line(n int, text string) error {
	if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
		return nil
	}
	if len(text) > maxSourcesRow {
		note(&r.info.Ignored, n, "a row of %d bytes, over the limit of %d; row ignored", len(text), maxSourcesRow)
		return nil
	}
	fields := strings.Split(text, "\t")
	if r.columns == nil {
		return r.header(n, fields)
	}
	if len(fields) > r.width {
		note(&r.info.Ignored, n, "%d fields but the header names %d; row ignored (are there tabs inside a value?)", len(fields), r.width)
		return nil
	}
	get := func(name string) string {
		if i, ok := r.columns[name]; ok && i < len(fields) {
			return strings.TrimSpace(fields[i])
		}
		return ""
	}
	file := filepath.ToSlash(get("file"))
	if file == "" {
		note(&r.info.Ignored, n, "no file name; row ignored")
		return nil
	}
	if earlier, dup := r.rows[file]; dup {
		note(&r.info.Warnings, n, "%s listed again (first on line %d); the later row is used", file, earlier.line)
	}
	s := source{URL: get("url"), Outlet: get("outlet"), line: n}
	if s.URL != "" && !webURL(s.URL) {
		note(&r.info.Warnings, n, "url %q is not an http or https URL; it is left out", s.URL)
		s.URL = ""
	}
	if v := get("retrieved"); v != "" {
		s.Retrieved = r.retrieved(n, v)
	}
	r.rows[file] = s
	return nil
}

// header reads the header line: the columns' names.
func (r *sourcesReader) header(n int, fields []string) error {
	r.columns, r.width = map[string]int{}, len(fields)
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(f))
		if first, dup := r.columns[name]; dup {
			return fmt.Errorf("%s:%d: the header names column %q twice (columns %d and %d); name each column once", r.path, n, name, first+1, i+1)
		}
		r.columns[name] = i
		if !known(name) {
			note(&r.info.Warnings, n, "unknown column %q (the columns are %s); it is ignored", name, strings.Join(sourceColumns, ", "))
		}
	}
	if _, ok := r.columns["file"]; !ok {
		return fmt.Errorf("%s:%d: header has no \"file\" column; the first line must name the columns %s, separated by tabs", r.path, n, strings.Join(sourceColumns, ", "))
	}
	return nil
}

func known(column string) bool {
	for _, c := range sourceColumns {
		if c == column {
			return true
		}
	}
	return false
}

// retrieved reads a capture date; a date that cannot be one is left out
// with a warning.
func (r *sourcesReader) retrieved(n int, v string) time.Time {
	t, err := time.Parse("2006-01-02", v)
	switch {
	case err != nil:
		note(&r.info.Warnings, n, "retrieved %q is not a YYYY-MM-DD date; it is ignored", v)
	case t.Before(earliestRetrieved):
		note(&r.info.Warnings, n, "retrieved %s is before %d; it is ignored", v, earliestRetrieved.Year())
	case t.After(r.today.AddDate(0, 0, 1)): // a day for the time zones
		note(&r.info.Warnings, n, "retrieved %s is after the day of the build (%s); it is ignored", v, r.today.Format("2006-01-02"))
	default:
		return t
	}
	return time.Time{}
}

// webURL reports an absolute http or https URL with a host.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// warnUnlisted notes sources.tsv rows that name no input file.
func warnUnlisted(info *release.Sources, sources sourcesTable, files []inputFile) {
	if info == nil {
		return
	}
	used := map[string]bool{}
	for _, f := range files {
		for _, key := range []string{f.path, f.name} {
			used[norm.NFC.String(key)] = true
		}
	}
	var missing []string
	for name := range sources {
		if !used[name] {
			missing = append(missing, name)
		}
	}
	sort.Slice(missing, func(i, j int) bool { return sources[missing[i]].line < sources[missing[j]].line })
	for _, name := range missing {
		note(&info.Warnings, sources[name].line, "names %s, which is not in the input folder", name)
	}
}

// buildDay is the day of the build, which bounds the capture dates
// sources.tsv may give: SOURCE_DATE_EPOCH's, when it is set, so that a
// rebuild later gives the same bytes.
func buildDay(epoch string) time.Time {
	now := time.Now().UTC()
	if epoch != "" {
		var seconds int64
		if _, err := fmt.Sscan(epoch, &seconds); err == nil {
			now = time.Unix(seconds, 0).UTC()
		}
	}
	return now
}
