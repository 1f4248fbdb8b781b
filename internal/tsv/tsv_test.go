package tsv

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var header = []string{"a", "b"}

// rows reads text and returns each row as "line:fields".
func rows(text string) ([]string, error) {
	var got []string
	err := Read(strings.NewReader(text), "f.tsv", header, func(line int, fields []string) error {
		got = append(got, strings.Join(append([]string{string(rune('0' + line))}, fields...), "|"))
		return nil
	})
	return got, err
}

func TestRead(t *testing.T) {
	got, err := rows("# comment\n\na\tb\r\nx\ty\r\n  \n#z\tq\nu\t\n")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"4|x|y", "7|u|"}, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"b\ta\nx\ty\n", `f.tsv:1: header must be "a\\tb"`},
		{"# only\n\n", "f.tsv: no header line"},
		{"", "f.tsv: no header line"},
		{"a\tb\nx\ty\nx\n", "f.tsv:3: 1 fields, want 2 separated by tabs"},
		{"a\tb\nx\ty\tz\n", "f.tsv:2: 3 fields, want 2 separated by tabs"},
		{"a\tb\n" + strings.Repeat("x", 1<<20+1) + "\n", "f.tsv:2: bufio.Scanner: token too long"},
	} {
		if _, err := rows(c.text); err == nil || err.Error() != c.want {
			t.Errorf("%.40q: error %v, want %q", c.text, err, c.want)
		}
	}
}

func TestRowErrorNamesTheLine(t *testing.T) {
	bad := errors.New("bad row")
	err := Read(strings.NewReader("a\tb\n#\nx\ty\n"), "f.tsv", header, func(line int, fields []string) error { return bad })
	if !errors.Is(err, bad) || err.Error() != "f.tsv:3: bad row" {
		t.Errorf("error %v, want f.tsv:3: bad row, wrapping the row's error", err)
	}
}
