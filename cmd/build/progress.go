package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/nkcorpus/builder/corpus"
)

// progressWriter shows a build's progress on stderr: a bar redrawn in place
// on a terminal, a plain line every few seconds otherwise (a log, CI), so
// that neither floods the output.
type progressWriter struct {
	w        io.Writer
	terminal bool
	every    time.Duration
	last     time.Time
	drawn    bool
	finished bool
}

func newProgressWriter(w io.Writer) *progressWriter {
	f, ok := w.(*os.File)
	terminal := ok && term.IsTerminal(int(f.Fd()))
	every := 5 * time.Second
	if terminal {
		every = 100 * time.Millisecond
	}
	// The first line waits an interval too: a short build shows none.
	return &progressWriter{w: w, terminal: terminal, every: every, last: time.Now()}
}

// update is called after each file; it draws at most once per interval.
func (p *progressWriter) update(pr corpus.Progress) {
	done := pr.Files == pr.TotalFiles
	switch {
	case done && p.finished:
		return // the last file and the publishing both report the end
	case !done && time.Since(p.last) < p.every:
		return
	case done && !p.drawn && !p.terminal:
		return // a build this short needs no progress lines
	}
	p.last, p.drawn, p.finished = time.Now(), true, done
	mb := func(n int64) float64 { return float64(n) / 1e6 }
	rate := mb(pr.Bytes) / max(pr.Elapsed.Seconds(), 1e-9)
	left := "?"
	if pr.Bytes > 0 {
		remaining := time.Duration(float64(pr.Elapsed) * float64(pr.TotalBytes-pr.Bytes) / float64(pr.Bytes))
		left = remaining.Round(time.Second).String()
	}
	status := fmt.Sprintf("%d/%d files  %.1f/%.1f MB  %d records  %.1f MB/s  %s left",
		pr.Files, pr.TotalFiles, mb(pr.Bytes), mb(pr.TotalBytes), pr.Records, rate, left)
	if !p.terminal {
		fmt.Fprintf(p.w, "progress: %s\n", status)
		return
	}
	const width = 30
	filled := width
	if pr.TotalBytes > 0 {
		filled = int(width * pr.Bytes / pr.TotalBytes)
	}
	fmt.Fprintf(p.w, "\r[%s%s] %s\x1b[K", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), status)
	if done {
		fmt.Fprintln(p.w)
	}
}
