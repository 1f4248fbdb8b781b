package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/nkcorpus/builder/corpus"
)

// TestProgressLines: off a terminal, progress is a plain line at most every
// interval, never a bar's carriage returns or escape codes.
func TestProgressLines(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressWriter(&buf)
	if p.terminal {
		t.Fatal("a buffer taken for a terminal")
	}
	step := corpus.Progress{TotalFiles: 4, TotalBytes: 4e6, Elapsed: time.Second}
	step.Files, step.Bytes = 1, 1e6
	p.update(step)
	if buf.Len() > 0 {
		t.Fatalf("a line before the first interval passed: %q", buf.String())
	}
	p.last = time.Now().Add(-p.every) // an interval passes
	for i := 1; i <= 4; i++ {
		step.Files, step.Bytes, step.Records = i, int64(i)*1e6, i*10
		p.update(step)
	}
	p.update(step) // publishing reports the end again
	want := "progress: 1/4 files  1.0/4.0 MB  10 records  1.0 MB/s  3s left\n" +
		"progress: 4/4 files  4.0/4.0 MB  40 records  4.0 MB/s  0s left\n"
	if buf.String() != want {
		t.Errorf("within one interval, the first and the last lines only:\n%s\nwant:\n%s", buf.String(), want)
	}
}

// TestProgressBar: on a terminal, the bar is redrawn in place, filled in
// proportion to the bytes read (full when the total is unknown), and the
// last drawing ends its line; a build that ends at once still draws it.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	p := &progressWriter{w: &buf, terminal: true, every: time.Hour, last: time.Now()}
	step := corpus.Progress{Files: 1, TotalFiles: 3, Bytes: 1e6, TotalBytes: 3e6, Records: 5, Elapsed: time.Second}
	p.update(step)
	if buf.Len() > 0 {
		t.Fatalf("a bar before the first interval passed: %q", buf.String())
	}
	p.every = 0
	p.update(step)
	want := "\r[==========                    ] 1/3 files  1.0/3.0 MB  5 records  1.0 MB/s  2s left\x1b[K"
	if buf.String() != want {
		t.Errorf("a third of the bytes read:\n%q\nwant:\n%q", buf.String(), want)
	}

	buf.Reset()
	p = &progressWriter{w: &buf, terminal: true, every: time.Hour, last: time.Now()}
	p.update(corpus.Progress{Files: 2, TotalFiles: 2, Elapsed: time.Second})
	want = "\r[==============================] 2/2 files  0.0/0.0 MB  0 records  0.0 MB/s  ? left\x1b[K\n"
	if buf.String() != want {
		t.Errorf("a build that ends at once, with no bytes to count:\n%q\nwant:\n%q", buf.String(), want)
	}
}

// TestProgressRate: the rate is the bytes read over the time taken, and the
// time left the rest at that rate.
func TestProgressRate(t *testing.T) {
	var buf bytes.Buffer
	p := &progressWriter{w: &buf, every: 0, last: time.Now()}
	p.update(corpus.Progress{Files: 1, TotalFiles: 3, Bytes: 1e6, TotalBytes: 3e6, Records: 5, Elapsed: 4 * time.Second})
	if want := "progress: 1/3 files  1.0/3.0 MB  5 records  0.2 MB/s  8s left\n"; buf.String() != want {
		t.Errorf("a third of the bytes in 4 s:\n%q\nwant:\n%q", buf.String(), want)
	}
}
