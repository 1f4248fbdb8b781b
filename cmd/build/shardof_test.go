package main

import (
	"flag"
	"fmt"
	"testing"

	"github.com/nkcorpus/builder/corpus"
	"github.com/urfave/cli/v2"
)

// TestShardOf: the shard a run builds, from --shard K/N, a Slurm array task
// (its ids may start anywhere: the first task is shard 1), or an Indexed
// Job's index (from 0) with --shards N; anything out of range is a usage
// error.
func TestShardOf(t *testing.T) {
	for _, tt := range []struct {
		shard  string
		shards int
		env    map[string]string
		want   string // "K/N", "" for the whole, "error"
	}{
		{"", 0, nil, ""},
		{"1/1", 0, nil, "1/1"},
		{"3/3", 0, nil, "3/3"},
		{"0/3", 0, nil, "error"},
		{"4/3", 0, nil, "error"},
		{"1/0", 0, nil, "error"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3"}, "1/3"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3"}, "3/3"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "2"}, "1/2"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3"}, "error"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_COUNT": "3"}, "error"},
		{"", 1, map[string]string{"JOB_COMPLETION_INDEX": "0"}, "1/1"},
		{"", 3, map[string]string{"JOB_COMPLETION_INDEX": "0"}, "1/3"},
		{"", 3, map[string]string{"JOB_COMPLETION_INDEX": "2"}, "3/3"},
		{"", 3, map[string]string{"JOB_COMPLETION_INDEX": "3"}, "error"},
		{"", 3, map[string]string{"JOB_COMPLETION_INDEX": "-1"}, "error"},
		{"", 0, map[string]string{"JOB_COMPLETION_INDEX": "0"}, "error"},
		{"", 2, nil, "error"},
	} {
		set := flag.NewFlagSet("build", flag.ContinueOnError)
		set.String("shard", tt.shard, "")
		set.Int("shards", tt.shards, "")
		s, ok, err := shardOf(cli.NewContext(cli.NewApp(), set, nil), func(k string) string { return tt.env[k] })
		got := ""
		switch {
		case err != nil:
			got = "error"
		case ok:
			got = fmt.Sprintf("%d/%d", s.Index, s.Count)
		case s != corpus.Shard{}:
			got = fmt.Sprintf("not a shard, yet %+v", s)
		}
		if got != tt.want {
			t.Errorf("--shard %q --shards %d %v: %s (%v), want %s", tt.shard, tt.shards, tt.env, got, err, tt.want)
		}
	}
}
