package release

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nkcorpus/builder/schema"
)

func partRecord(id, body string) schema.Record {
	return schema.Record{ID: id, Source: schema.Source{Path: "a.txt", SHA256: "ab", Encoding: "utf-8", LineStart: 1, LineEnd: 1, MediaType: schema.MediaText},
		Layout: "plain", Byline: []string{}, Body: body, Language: "en", LanguageConfidence: 0.5, Mentions: []schema.Mention{}, WordCount: schema.WordCount(body)}
}

func writePart(t *testing.T, out string, shard, shards int, plan string, records ...schema.Record) {
	t.Helper()
	w, err := CreatePart(out, "dev", shard, shards, plan, Builder{Module: "test"}, false)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range records {
		sig := []uint32{uint32(i), 7}
		if i%2 == 1 {
			sig = nil // a body too short to sign
		}
		if err := w.Write(r, sig); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Finish([]Input{{Path: "a.txt", Records: len(records)}}); err != nil {
		t.Fatal(err)
	}
}

// TestParts writes parts and reads them back: records and signatures as
// written, in order, and each refusal of an incomplete or foreign set.
func TestParts(t *testing.T) {
	out := t.TempDir()
	plan := func(n int) string { return "plan-" + string(rune('0'+n)) }
	one := []schema.Record{partRecord("a#1", "first body"), partRecord("a#2", "second body")}
	writePart(t, out, 1, 2, plan(2), one...)

	if _, err := Parts(out, "dev", plan); err == nil || !strings.Contains(err.Error(), "1 of 2 parts missing: 2-of-2") {
		t.Errorf("one part of two: %v", err)
	}
	if _, err := CreatePart(out, "dev", 1, 2, plan(2), Builder{}, false); !errors.Is(err, ErrPartDone) {
		t.Errorf("building a finished part again: %v, want ErrPartDone", err)
	}
	if _, err := CreatePart(out, "dev", 1, 2, "other", Builder{}, false); !errors.Is(err, ErrPartForeign) {
		t.Errorf("building a part of another plan over it: %v, want ErrPartForeign", err)
	}
	w, err := CreatePart(out, "dev", 2, 2, plan(2), Builder{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CreatePart(out, "dev", 2, 2, plan(2), Builder{}, false); !errors.Is(err, ErrLocked) {
		t.Errorf("two builds of one part at once: %v, want ErrLocked", err)
	}
	w.Abort()
	writePart(t, out, 2, 2, plan(2), partRecord("b#1", "third body"))

	infos, err := Parts(out, "dev", plan)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var sigs [][]uint32
	for _, info := range infos {
		r, err := OpenPart(out, "dev", info)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, sig, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			ids, sigs = append(ids, rec.ID), append(sigs, sig)
		}
		r.Close()
	}
	if diff := cmp.Diff([]string{"a#1", "a#2", "b#1"}, ids); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]uint32{{0, 7}, nil, {0, 7}}, sigs); diff != "" {
		t.Errorf("signatures (-want +got):\n%s", diff)
	}

	if _, err := Parts(out, "dev", func(int) string { return "another" }); !errors.Is(err, ErrPartForeign) {
		t.Errorf("parts of another plan: %v, want ErrPartForeign", err)
	}
	writePart(t, out, 1, 3, plan(3))
	if _, err := Parts(out, "dev", plan); err == nil || !strings.Contains(err.Error(), "different shard counts (2, 3)") {
		t.Errorf("parts of 2 and 3 shards: %v", err)
	}
}

// TestPartTampered changes a part after it was written: reading it fails
// at its end, whatever was changed.
func TestPartTampered(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(dir string) error
	}{
		{"a record edited", func(dir string) error {
			path := filepath.Join(dir, PartRecords)
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(path, []byte(strings.Replace(string(raw), "first", "fIrst", 1)), 0o644)
		}},
		{"a record removed", func(dir string) error {
			path := filepath.Join(dir, PartRecords)
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			lines := strings.SplitAfter(string(raw), "\n")
			return os.WriteFile(path, []byte(lines[0]), 0o644)
		}},
		{"signatures cut", func(dir string) error {
			return os.Truncate(filepath.Join(dir, PartSignatures), 5)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			plan := func(int) string { return "p" }
			writePart(t, out, 1, 1, "p", partRecord("a#1", "first body"), partRecord("a#2", "second body"))
			if err := tc.tamper(filepath.Join(PartsFolder(out, "dev"), "1-of-1")); err != nil {
				t.Fatal(err)
			}
			infos, err := Parts(out, "dev", plan)
			if err != nil {
				t.Fatal(err)
			}
			r, err := OpenPart(out, "dev", infos[0])
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			for {
				_, _, err = r.Next()
				if err != nil {
					break
				}
			}
			if !errors.Is(err, ErrPartChanged) {
				t.Errorf("err = %v, want ErrPartChanged", err)
			}
		})
	}
}

// TestPartHalfWritten: a part whose build was killed leaves only its
// temporary folder, which the merge names, and the next build of that part
// removes.
func TestPartHalfWritten(t *testing.T) {
	out := t.TempDir()
	w, err := CreatePart(out, "dev", 1, 1, "p", Builder{}, false)
	if err != nil {
		t.Fatal(err)
	}
	w.lock.Close() // as if killed: the kernel releases the lock, the folder stays
	if _, err := Parts(out, "dev", func(int) string { return "p" }); err == nil || !strings.Contains(err.Error(), "no finished part (half-written, their builds stopped: 1-of-1)") {
		t.Errorf("merge of a half-written part: %v", err)
	}
	writePart(t, out, 1, 1, "p")
	if stale, _ := filepath.Glob(filepath.Join(PartsFolder(out, "dev"), ".1-of-1.tmp-*")); len(stale) != 0 {
		t.Errorf("temporary folders left: %v", stale)
	}
}
