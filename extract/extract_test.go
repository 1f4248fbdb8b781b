package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestLayouts runs every testdata/*.txtar case: its "input" file is a
// capture, its "want" file what Extract finds in it, one field a line.
func TestLayouts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			archive, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			input, want := section(archive, "input"), section(archive, "want")
			if input == nil || want == nil {
				t.Fatalf("%s needs an input and a want section", file)
			}
			got := render(Extract(string(input.Data)))
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(strings.Split(string(want.Data), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("%s (-want +got):\n%s", file, diff)
			}
		})
	}
}

func section(a *txtar.Archive, name string) *txtar.File {
	for i := range a.Files {
		if a.Files[i].Name == name {
			return &a.Files[i]
		}
	}
	return nil
}

func render(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "layout: %s\n", r.Layout)
	for i, it := range r.Items {
		fmt.Fprintf(&b, "--- item %d, lines %d-%d\n", i+1, it.LineStart, it.LineEnd)
		for _, f := range []struct{ name, value string }{
			{"title", it.Title}, {"outlet", it.Outlet}, {"section", it.Section},
			{"date", it.DateText}, {"url", it.URL},
		} {
			if f.value != "" {
				fmt.Fprintf(&b, "%s: %s\n", f.name, f.value)
			}
		}
		if len(it.Byline) > 0 {
			fmt.Fprintf(&b, "byline: %q\n", it.Byline)
		}
		for _, p := range it.Paragraphs {
			fmt.Fprintf(&b, "| %s\n", p)
		}
	}
	for _, d := range r.Dropped {
		fmt.Fprintf(&b, "--- dropped lines %d-%d: %s\n", d.LineStart, d.LineEnd, d.Reason)
	}
	return b.String()
}

// BenchmarkExtract runs every seed capture through layout recognition and
// segmentation.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../seeds/*.txt")
	var texts []string
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			Extract(t)
		}
	}
}
