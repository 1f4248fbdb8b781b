package webpage

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/encoding/htmlindex"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestGolden reads each testdata/*.txtar page (page.html, an optional hint
// and an optional encode charset to write the page in) and compares the
// page read with its want section.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no testdata/*.txtar", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			raw, hint := fixture(t, ar)
			if !IsHTML(raw) {
				t.Errorf("IsHTML = false")
			}
			page, err := Read(raw, hint)
			if err != nil {
				t.Fatal(err)
			}
			got := render(page)
			want := archiveFile(ar, "want")
			if *update {
				setArchiveFile(ar, "want", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", file, diff)
			}
		})
	}
}

// fixture is the page's bytes, encoded as the encode section says, and
// the hint section.
func fixture(t *testing.T, ar *txtar.Archive) ([]byte, Hint) {
	t.Helper()
	raw := []byte(archiveFile(ar, "page.html"))
	if name := strings.TrimSpace(archiveFile(ar, "encode")); name != "" {
		enc, err := htmlindex.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if raw, err = enc.NewEncoder().Bytes(raw); err != nil {
			t.Fatal(err)
		}
	}
	var hint Hint
	for _, line := range strings.Split(archiveFile(ar, "hint"), "\n") {
		key, value, _ := strings.Cut(line, ": ")
		switch key {
		case "url":
			hint.URL = value
		case "charset":
			hint.Charset = value
		case "retrieved":
			d, err := time.Parse(time.DateOnly, value)
			if err != nil {
				t.Fatal(err)
			}
			hint.Retrieved = d
		}
	}
	return raw, hint
}

func archiveFile(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setArchiveFile(ar *txtar.Archive, name, data string) {
	for i, f := range ar.Files {
		if f.Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// render writes a page read as the golden files hold it, one field a line.
func render(p Page) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "encoding: %s\nlayout: %s\n", p.Encoding, p.Result.Layout)
	for i, it := range p.Result.Items {
		fmt.Fprintf(&b, "=== item %d lines %d-%d\n", i+1, it.LineStart, it.LineEnd)
		for _, f := range []struct{ name, value string }{
			{"title", it.Title}, {"outlet", it.Outlet}, {"section", it.Section},
			{"url", it.URL}, {"date_text", it.DateText},
		} {
			fmt.Fprintf(&b, "%s: %s\n", f.name, strconv.Quote(f.value))
		}
		fmt.Fprintf(&b, "byline: %q\nbody:\n", it.Byline)
		for _, para := range it.Paragraphs {
			fmt.Fprintf(&b, "  | %s\n", para)
		}
	}
	for _, d := range p.Result.Dropped {
		fmt.Fprintf(&b, "dropped: lines %d-%d: %s\n", d.LineStart, d.LineEnd, d.Reason)
	}
	return b.String()
}

// TestRetrievedBoundsDate checks that a date after the capture is not taken
// for the publication date, and is when the capture date is not known.
func TestRetrievedBoundsDate(t *testing.T) {
	page := []byte(`<html><head><meta property="article:published_time" content="2031-05-01T10:00:00Z"></head><body><article>` +
		strings.Repeat("<p>The committee will publish its findings at the end of the decade, its chair said on Monday.</p>", 4) +
		`</article></body></html>`)
	for _, c := range []struct {
		retrieved time.Time
		want      string
	}{
		{time.Time{}, "2031-05-01T10:00:00Z"},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ""},
	} {
		p, err := Read(page, Hint{Retrieved: c.retrieved})
		if err != nil || len(p.Result.Items) != 1 {
			t.Fatal(err, p.Result)
		}
		if got := p.Result.Items[0].DateText; got != c.want {
			t.Errorf("retrieved %v: date %q, want %q", c.retrieved, got, c.want)
		}
	}
}
