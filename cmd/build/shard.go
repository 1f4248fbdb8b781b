package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/nkcorpus/builder/corpus"
	"github.com/nkcorpus/builder/release"
)

// shardFlags choose the shard a build is: --shard K/N, or on a scheduler
// the task's index with the count (see shardOf).
func shardFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "shard", Usage: "build only shard `K/N` (K from 1 to N) into OUTPUT/VERSION.parts/K-of-N/, for `build merge`; in a Slurm job array, the task's index and count are used without it", EnvVars: env("shard")},
		&cli.IntFlag{Name: "shards", Usage: "the shard count `N` where the scheduler gives only the task's index (Kubernetes' JOB_COMPLETION_INDEX, from 0)", EnvVars: env("shards")},
	}
}

// shardOf reads which shard a build is: --shard K/N; else, in a Slurm job
// array, the task's place in it (SLURM_ARRAY_TASK_ID from
// SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT); else, in a Kubernetes
// Indexed Job, JOB_COMPLETION_INDEX (from 0) of --shards N. ok is false for
// a build of the whole.
func shardOf(c *cli.Context, getenv func(string) string) (s corpus.Shard, ok bool, err error) {
	if spec := c.String("shard"); spec != "" {
		k, n, found := strings.Cut(spec, "/")
		s.Index, err = strconv.Atoi(k)
		if err == nil {
			s.Count, err = strconv.Atoi(n)
		}
		if !found || err != nil || s.Count < 1 || s.Index < 1 || s.Index > s.Count {
			return s, false, usagef("--shard %q: give K/N, with K from 1 to N, such as 2/8", spec)
		}
		return s, true, nil
	}
	if id := getenv("SLURM_ARRAY_TASK_ID"); id != "" {
		task, err1 := strconv.Atoi(id)
		first, err2 := strconv.Atoi(cmpOr(getenv("SLURM_ARRAY_TASK_MIN"), "0"))
		count, err3 := strconv.Atoi(getenv("SLURM_ARRAY_TASK_COUNT"))
		if err := errors.Join(err1, err2, err3); err != nil || task < first || task-first >= count {
			return s, false, usagef("SLURM_ARRAY_TASK_ID %q, _MIN %q, _COUNT %q: not a task of an array of shards (submit it with --array=1-N)",
				id, getenv("SLURM_ARRAY_TASK_MIN"), getenv("SLURM_ARRAY_TASK_COUNT"))
		}
		return corpus.Shard{Index: task - first + 1, Count: count}, true, nil
	}
	if index := getenv("JOB_COMPLETION_INDEX"); index != "" {
		i, err := strconv.Atoi(index)
		n := c.Int("shards")
		if err != nil || n < 1 || i < 0 || i >= n {
			return s, false, usagef("JOB_COMPLETION_INDEX %q needs the shard count, more than the index: give --shards N (or %sSHARDS)", index, EnvPrefix)
		}
		return corpus.Shard{Index: i + 1, Count: n}, true, nil
	}
	if c.Int("shards") != 0 {
		return s, false, usagef("--shards is for a scheduler's task index (JOB_COMPLETION_INDEX); give --shard K/N")
	}
	return s, false, nil
}

// buildShard builds one shard's part.
func buildShard(c *cli.Context, opts corpus.Options, s corpus.Shard, stderr io.Writer) error {
	info, err := corpus.BuildShard(c.Context, opts, s)
	part := filepath.Join(release.PartsFolder(opts.Output, opts.Version), fmt.Sprintf("%d-of-%d", s.Index, s.Count))
	if errors.Is(err, release.ErrPartDone) {
		if !c.Bool("quiet") {
			fmt.Fprintf(stderr, "part %s is already built for these inputs and options: nothing to do (--force builds it again)\n", part)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(stderr, "built part %s of %s: %d records from %d files; merge the parts with: build merge --release %s\n",
			s, part, info.Records, len(info.Inputs), opts.Version)
	}
	if c.Bool("json") {
		return writeJSON(c.App.Writer, map[string]any{"part": part, "shard": s.Index, "shards": s.Count, "records": info.Records, "inputs": len(info.Inputs), "plan": info.Plan})
	}
	return nil
}

func mergeCommand(stdout, stderr io.Writer, builder release.Builder) *cli.Command {
	flags := buildFlags()
	return &cli.Command{
		Name:         "merge",
		Usage:        "write the release from the parts of a sharded build (build --shard K/N), byte for byte what one build writes; refused if a part is missing, half-written, changed or of other inputs or options",
		UsageText:    usageLine("build merge", flags, ""),
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("unexpected argument %q (flags start with --)", c.Args().First())
			}
			opts, err := buildOptions(c, builder)
			if err != nil {
				return err
			}
			runtime.GOMAXPROCS(opts.Workers)
			var final corpus.Progress
			opts.Progress = func(p corpus.Progress) { final = p }
			m, err := corpus.Merge(c.Context, opts)
			if err != nil {
				return err
			}
			return report(c, stdout, stderr, opts.Output, m, final)
		},
	}
}
