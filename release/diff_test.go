package release_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// diffOf compares fresh with a copy of it changed by edit.
func diffOf(t *testing.T, fresh string, edit func(dir string)) (release.DiffSummary, string, error) {
	t.Helper()
	dir := copyRelease(t, fresh)
	edit(dir)
	var out strings.Builder
	s, err := release.Diff(fresh, dir, &out)
	return s, out.String(), err
}

func TestDiff(t *testing.T) {
	fresh := buildRelease(t)

	t.Run("the same records reversed", func(t *testing.T) {
		_, _, err := diffOf(t, fresh, func(dir string) {
			lines := jsonlLines(t, dir)
			slices.Reverse(lines[:len(lines)-1])
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), false)
		})
		if err == nil || !strings.Contains(err.Error(), "corpus.jsonl:2: id 004_bd06fe2ebdc20f88#15 comes after 004_bd06fe2ebdc20f88#16: the records are not in id order") {
			t.Errorf("Diff = %v, want an error naming the line out of order", err)
		}
	})

	t.Run("a record twice", func(t *testing.T) {
		_, _, err := diffOf(t, fresh, func(dir string) {
			lines := jsonlLines(t, dir)
			rewrite(t, dir, release.JSONLFile, bytes.Join(append(lines[:2], lines[1:]...), nil), false)
		})
		if err == nil || !strings.Contains(err.Error(), "corpus.jsonl:3: id 001_5e29adcfeed8e22f#1 appears twice") {
			t.Errorf("Diff = %v, want an error naming the repeated id", err)
		}
	})

	t.Run("other spacing and key order", func(t *testing.T) {
		s, _, err := diffOf(t, fresh, func(dir string) {
			var out []byte
			for _, line := range jsonlLines(t, dir) {
				if len(line) == 0 {
					continue
				}
				var r map[string]any
				must(t, json.Unmarshal(line, &r))
				b, err := json.MarshalIndent(r, "", " ") // keys sorted, spaces and newlines
				must(t, err)
				var compact bytes.Buffer
				must(t, json.Compact(&compact, b))
				out = append(out, bytes.ReplaceAll(compact.Bytes(), []byte(`":`), []byte(`": `))...)
				out = append(out, '\n')
			}
			rewrite(t, dir, release.JSONLFile, out, false)
		})
		if err != nil || s.Changed != 0 || s.Unchanged != 28 || s.SourceChanged != 0 {
			t.Errorf("Diff = %+v, %v; want 28 records unchanged", s, err)
		}
	})

	t.Run("names that are Markdown", func(t *testing.T) {
		_, out, err := diffOf(t, fresh, func(dir string) {
			lines := jsonlLines(t, dir)
			last := lines[len(lines)-2]
			var r map[string]any
			must(t, json.Unmarshal(last, &r))
			r["id"] = "zz\n| `y`#1"
			b, err := json.Marshal(r)
			must(t, err)
			lines = append(lines[:len(lines)-1], append(b, '\n'))
			lines[0] = replaceOnce(t, lines[0], `"title":"What happened in Khankendi?"`, `"title":"a | `+"`b`"+`"`)
			rewrite(t, dir, release.JSONLFile, bytes.Join(lines, nil), false)
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"\n## Added\n\n- zz\\n\\| \\`y\\`#1\n",
			"\n- `000_01f3686a22a4f32d#1`: `\"What happened in Khankendi?\"` → \\\"a \\| \\`b\\`\"\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("Diff wrote:\n%s\nwant it to hold %q", out, want)
			}
		}
	})

	t.Run("another schema version", func(t *testing.T) {
		s, out, err := diffOf(t, fresh, func(dir string) {
			editManifest(t, dir, func(m *release.Manifest) { m.SchemaVersion = "2.0.0" })
		})
		if err != nil || s.OldSchema != "1.1.0" || s.NewSchema != "2.0.0" || !strings.Contains(out, "\nRecord schema changed: `1.1.0` → `2.0.0`.\n") {
			t.Errorf("Diff = %+v, %v:\n%s", s, err, out)
		}
	})
}
