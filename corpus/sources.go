package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nkcorpus/builder/release"
)

// SourcesFile is the optional table beside the captures giving what their
// text cannot: columns file, url, outlet, retrieved (YYYY-MM-DD); any may be
// empty, and the columns may come in any order.
const SourcesFile = "sources.tsv"

// source is one row of sources.tsv.
type source struct {
	URL, Outlet string
	Retrieved   time.Time
}

// readSources reads input/sources.tsv. A missing file is no error. A malformed
// row is left out with a warning naming its line; the rest are used.
func readSources(input string) (map[string]source, *release.Sources, error) {
	path := filepath.Join(input, SourcesFile)
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(raw)
	info := &release.Sources{Path: SourcesFile, SHA256: hex.EncodeToString(sum[:])}
	rows := map[string]source{}
	note := func(list *[]string, line int, format string, args ...any) {
		*list = append(*list, fmt.Sprintf("%s:%d: ", SourcesFile, line)+fmt.Sprintf(format, args...))
	}

	scanner := bufio.NewScanner(strings.NewReader(string(raw)))
	scanner.Buffer(nil, 1<<20)
	var columns map[string]int
	line := 0
	for scanner.Scan() {
		line++
		text := strings.TrimSuffix(scanner.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if columns == nil {
			columns = map[string]int{}
			for i, f := range fields {
				columns[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(f, "\uFEFF")))] = i
			}
			if _, ok := columns["file"]; !ok {
				return nil, nil, fmt.Errorf("%s:%d: header has no \"file\" column; the first line must name the columns file, url, outlet, retrieved, separated by tabs", path, line)
			}
			continue
		}
		if len(fields) > len(columns) {
			note(&info.Ignored, line, "%d fields but the header names %d; row ignored (are there tabs inside a value?)", len(fields), len(columns))
			continue
		}
		get := func(name string) string {
			if i, ok := columns[name]; ok && i < len(fields) {
				return strings.TrimSpace(fields[i])
			}
			return ""
		}
		file := filepath.ToSlash(get("file"))
		if file == "" {
			note(&info.Ignored, line, "no file name; row ignored")
			continue
		}
		if _, dup := rows[file]; dup {
			note(&info.Warnings, line, "%s listed again; the later row is used", file)
		}
		s := source{URL: get("url"), Outlet: get("outlet")}
		if r := get("retrieved"); r != "" {
			t, err := time.Parse("2006-01-02", r)
			if err != nil {
				note(&info.Warnings, line, "retrieved %q is not a YYYY-MM-DD date; it is ignored", r)
			}
			s.Retrieved = t
		}
		rows[file] = s
	}
	if err := scanner.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	info.Rows = len(rows)
	return rows, info, nil
}
