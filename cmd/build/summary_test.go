package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nkcorpus/builder/corpus"
	"github.com/nkcorpus/builder/release"
)

// TestSummarize: the summary counts the files that gave records apart from
// the skipped, gives the rates over the whole build, and lists what was
// left out.
func TestSummarize(t *testing.T) {
	m := release.Manifest{
		Version: "dev",
		Records: 10,
		Inputs: []release.Input{
			{Path: "a.txt", Records: 6, Layout: "digest"},
			{Path: "b.txt", Records: 4, Layout: "bare"},
			{Path: "c.bin", Skipped: "binary"},
		},
		Counts: release.Counts{Layout: map[string]int{"digest": 6, "bare": 4}, Language: map[string]int{"en": 10}},
	}
	p := corpus.Progress{Bytes: 3_000_000, Records: 10, Elapsed: 2 * time.Second,
		Stages: corpus.Stages{Read: 250 * time.Millisecond, Write: time.Second}}
	var b bytes.Buffer
	summarize(&b, "out", m, p)
	want := "built out/dev: 10 records from 2 files (1 skipped)\n" +
		"  by layout:   digest 6, bare 4\n" +
		"  by language: en 10\n" +
		"  time: 2.00s, 1.5 MB/s, 5 records/s; by stage, summed over workers: read 0.25s, decode 0.00s, extract 0.00s, language 0.00s, mentions 0.00s, duplicates 0.00s, write 1.00s\n" +
		"  c.bin: skipped: binary\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}
