package corpus

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// twoCaptureWARC is a WARC file of an HTML page, a blank text capture and
// a 404 response.
func twoCaptureWARC() []byte {
	page := []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Buses to Ijevan run again</title></head><body><article><h1>Buses to Ijevan run again</h1>
<p>The first buses from Yerevan to Ijevan ran again on Tuesday morning, after the road through Kirants reopened, the transport ministry said.</p>
<p>Drivers said the trip took four hours, an hour more than before the protest, because of checks at the new border posts.</p></article></body></html>`)
	return bytes.Join([][]byte{
		warcResponse("https://news.example.am/buses", "text/html; charset=utf-8", page),
		warcResponse("https://news.example.am/blank", "text/plain; charset=utf-8", []byte(" \n \n")),
		warcStatus("https://news.example.am/gone", "404 Not Found", "text/html", []byte("gone")),
	}, nil)
}

// TestProgress: a report after each input file and one when the release is
// published, each counting the files, bytes and records done so far.
func TestProgress(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.warc"), twoCaptureWARC())
	copySeed(t, input, "003_44e02db5fe0c55f4.txt")
	write(t, filepath.Join(input, "z.txt"), nil)
	var reports []Progress
	m, err := Build(context.Background(), Options{Input: input, Output: t.TempDir(), Version: "dev", Workers: 2,
		Progress: func(p Progress) { reports = append(reports, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != len(m.Inputs)+1 {
		t.Fatalf("%d reports for %d inputs, want one per input and one at the end", len(reports), len(m.Inputs))
	}
	var total int64
	for _, in := range m.Inputs {
		total += in.Bytes
	}
	var bytes int64
	records := 0
	for i, p := range reports {
		if i < len(m.Inputs) {
			bytes += m.Inputs[i].Bytes
			records += m.Inputs[i].Records
		}
		want := Progress{Files: min(i+1, len(m.Inputs)), TotalFiles: len(m.Inputs), Bytes: bytes, TotalBytes: total, Records: records}
		got := p
		got.Elapsed, got.Stages = 0, Stages{}
		if got != want {
			t.Errorf("report %d: %+v, want %+v", i+1, got, want)
		}
		if i > 0 && p.Elapsed < reports[i-1].Elapsed {
			t.Errorf("report %d: elapsed %v went back from %v", i+1, p.Elapsed, reports[i-1].Elapsed)
		}
	}
	if records != m.Records || records == 0 {
		t.Errorf("the reports count %d records, the manifest %d", records, m.Records)
	}
}

// TestWARCInput: a WARC input's manifest entry says its layout, its
// records and captures, what was not a capture, and which capture gave
// nothing, by its position.
func TestWARCInput(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.warc"), twoCaptureWARC())
	m, records := buildDir(t, input)
	if len(records) != 1 || len(m.Inputs) != 1 {
		t.Fatalf("%d records, %d inputs, want 1 and 1", len(records), len(m.Inputs))
	}
	in := m.Inputs[0]
	if in.Layout != release.LayoutWARC || in.WARC == nil || in.WARC.Records != 3 || in.WARC.Captures != 2 || in.WARC.NotCaptures["response 404"] != 1 {
		t.Fatalf("input %+v, warc %+v: want layout warc, 3 records, 2 captures, a 404", in, in.WARC)
	}
	if in.Records != 1 || len(in.Dropped) != 1 || in.Dropped[0].Position != 2 || in.Dropped[0].Offset == nil || in.Dropped[0].Reason == "" {
		t.Errorf("records %d, dropped %+v: want the blank capture, record 2, dropped with its offset and reason", in.Records, in.Dropped)
	}
}

// TestStrictErrorLists: a strict build's error lists ten problems, then
// how many more there are.
func TestStrictErrorLists(t *testing.T) {
	problems := func(n int) []string {
		var list []string
		for i := range n {
			list = append(list, fmt.Sprintf("p%d.txt: skipped", i))
		}
		return list
	}
	if msg := strictError(problems(10)).Error(); !strings.Contains(msg, "p9.txt") || strings.Contains(msg, "more") {
		t.Errorf("ten problems: %q, want all ten and no more", msg)
	}
	if msg := strictError(problems(11)).Error(); strings.Contains(msg, "p10.txt") || !strings.HasSuffix(msg, "\n(and 1 more)") {
		t.Errorf("eleven problems: %q, want ten and (and 1 more)", msg)
	}
}

// TestShardSize: the release is cut into shards of at most the size asked.
func TestShardSize(t *testing.T) {
	out := t.TempDir()
	m, err := Build(context.Background(), Options{Input: seeds, Output: out, Version: "dev", ShardSize: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if m.Options.ShardSize != 20000 || len(m.Outputs) < 6 {
		t.Errorf("shard size %d, outputs %+v: want 20000 and several shards", m.Options.ShardSize, m.Outputs)
	}
}
