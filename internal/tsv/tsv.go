// Package tsv reads the project's tab-separated data files: the outlet
// registry and the gazetteer.
//
// # Format
//
// UTF-8 text, one row a line, fields separated by tabs. A line that is
// blank or starts with # is a comment. The first other line is the header,
// which must name the columns exactly; every row has as many fields as the
// header. A trailing CR is ignored, so a file saved with Windows line ends
// reads the same. A line may hold up to 1 MiB.
package tsv

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Read reads r, named name in errors, and hands each row's fields and line
// number to row. An error names the file and the line: a wrong header, a
// row with the wrong number of fields, a line too long, or what row
// returned.
func Read(r io.Reader, name string, header []string, row func(line int, fields []string) error) error {
	scanner := bufio.NewScanner(r)
	scanner.Buffer(nil, 1<<20)
	line, sawHeader := 0, false
	for scanner.Scan() {
		line++
		text := strings.TrimSuffix(scanner.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		switch {
		case !sawHeader && strings.Join(fields, "\t") != strings.Join(header, "\t"):
			return fmt.Errorf("%s:%d: header must be %q", name, line, strings.Join(header, "\\t"))
		case !sawHeader:
			sawHeader = true
		case len(fields) != len(header):
			return fmt.Errorf("%s:%d: %d fields, want %d separated by tabs", name, line, len(fields), len(header))
		default:
			if err := row(line, fields); err != nil {
				return fmt.Errorf("%s:%d: %w", name, line, err)
			}
		}
	}
	if err := scanner.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if !sawHeader {
		return fmt.Errorf("%s: no header line", name)
	}
	return nil
}
