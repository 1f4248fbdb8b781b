// Command build turns a folder of raw news captures into a versioned corpus
// release: JSONL, Parquet and a manifest in out/<version>/.
//
//	go run ./cmd/build                      # seeds/ → out/dev/
//	go run ./cmd/build --release v1.0.0     # a release that may not be overwritten
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/nkcorpus/builder/corpus"
	"github.com/nkcorpus/builder/neardup"
	"github.com/nkcorpus/builder/release"
)

// memoryLimit is the heap the garbage collector keeps to unless GOMEMLIMIT
// says otherwise: the build's live data is a few dozen MB whatever the
// corpus, and without a limit the heap would double it and more.
const memoryLimit = 240 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// An interrupt cancels the build, which then removes its temporary
	// folder and leaves the previous release as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args, os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:      "build",
		Usage:     "build a versioned corpus of news captures (JSONL, Parquet, manifest)",
		UsageText: "build [--input DIR] [--output DIR] [--release VERSION] [--workers N] [--force]",
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "input", Value: "seeds", Usage: "folder of raw captures (and an optional sources.tsv)"},
			&cli.StringFlag{Name: "output", Value: "out", Usage: "folder that holds releases; the build goes to `DIR`/VERSION/"},
			&cli.StringFlag{Name: "release", Value: release.Dev, Usage: `release VERSION: "dev" (rebuilt freely) or a semantic version such as v1.2.0 (never overwritten unless --force)`},
			&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "files read in parallel, and the CPUs the build uses; the output is the same for any `N`"},
			&cli.BoolFlag{Name: "force", Usage: "replace a release version that already exists"},
			&cli.Int64Flag{Name: "max-file-size", Value: corpus.DefaultMaxFileSize, Usage: "skip captures larger than `BYTES`"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors: no progress, no summary"},
			&cli.IntFlag{Name: "duplicate-window", Value: neardup.DefaultWindow, Usage: "compare each record with the `N` records before it (in id order) for near-duplicates; 0 compares with all, memory growing with the corpus"},
			&cli.BoolFlag{Name: "strict", Usage: "fail, writing no release, if any input is skipped, item dropped or sources.tsv row ignored"},
			&cli.StringFlag{Name: "gazetteer", Usage: "add the entities of `FILE` (the TSV format of mention/gazetteer.tsv) to the built-in gazetteer; an id already there is replaced"},
			&cli.StringFlag{Name: "outlets", Usage: "add the outlets of `FILE` (the TSV format of outlet/outlets.tsv) to the built-in registry; a name already there is replaced"},
		},
		Commands: []*cli.Command{
			{
				Name:      "validate",
				Usage:     "check a release: checksums, records against the schema rules, JSONL and Parquet alike, ids unique",
				ArgsUsage: "DIR",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return errors.New("validate takes one argument: the release folder, such as out/dev")
					}
					return validate(stdout, c.Args().First())
				},
			},
			{
				Name:      "diff",
				Usage:     "compare two releases by record id: added, removed and changed records, changes per field, examples; Markdown on stdout",
				ArgsUsage: "OLD NEW",
				Action: func(c *cli.Context) error {
					if c.NArg() != 2 {
						return errors.New("diff takes two arguments: the old and the new release folders, such as out/v1.0.0 out/v1.1.0")
					}
					_, err := release.Diff(c.Args().Get(0), c.Args().Get(1), stdout)
					return err
				},
			},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fmt.Errorf("unexpected argument %q (flags start with --; see --help)", c.Args().First())
			}
			var final corpus.Progress
			var progress *progressWriter
			if !c.Bool("quiet") {
				progress = newProgressWriter(stderr)
			}
			if workers := c.Int("workers"); workers > 0 {
				// The writer and the collector run beside the workers; with
				// the CPUs bounded too, --workers 1 leaves the rest of the
				// machine free, and N workers scale as N CPUs.
				runtime.GOMAXPROCS(workers)
			}
			m, err := corpus.Build(c.Context, corpus.Options{
				Input:           c.String("input"),
				Output:          c.String("output"),
				Version:         c.String("release"),
				Workers:         c.Int("workers"),
				Force:           c.Bool("force"),
				MaxFileSize:     c.Int64("max-file-size"),
				Gazetteer:       c.String("gazetteer"),
				Outlets:         c.String("outlets"),
				Strict:          c.Bool("strict"),
				DuplicateWindow: c.Int("duplicate-window"),
				Progress: func(p corpus.Progress) {
					final = p
					if progress != nil {
						progress.update(p)
					}
				},
				Builder: builderInfo(),
			})
			if err != nil {
				return err
			}
			if !c.Bool("quiet") {
				summarize(stderr, c.String("output"), m, final)
			}
			return nil
		},
	}
	err := app.RunContext(ctx, args)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "build: interrupted; no release written, the previous one is untouched")
		return 130
	}
	fmt.Fprintln(stderr, "build:", err)
	if errors.Is(err, release.ErrExists) || errors.Is(err, release.ErrBadVersion) || errors.Is(err, release.ErrLocked) {
		return 2
	}
	return 1
}

// validate checks the release in dir and reports each problem.
func validate(stdout io.Writer, dir string) error {
	problems := release.Validate(dir)
	if len(problems) == 0 {
		fmt.Fprintf(stdout, "%s: valid\n", dir)
		return nil
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = "  " + p.Error()
	}
	return fmt.Errorf("%s is not a valid release:\n%s", dir, strings.Join(lines, "\n"))
}

// revision may be set at link time (-ldflags "-X main.revision=…") where the
// build carries no VCS stamp, as with go run.
var revision string

func builderInfo() release.Builder {
	b := release.Builder{Module: "github.com/nkcorpus/builder", Version: "(devel)", Revision: revision}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Module, b.Version = info.Main.Path, info.Main.Version
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Revision == "" {
				b.Revision = s.Value
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if b.Revision == "" {
		b.Revision, modified = sourceRevision()
	}
	if modified {
		b.Revision += "+dirty"
	}
	return b
}

// sourceRevision asks git for the revision of the source this program was
// compiled from, which is what go run builds without stamping it. It returns
// "" when that source is not a git checkout here.
func sourceRevision() (revision string, modified bool) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", false
	}
	dir := filepath.Dir(file)
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return "", false
	}
	status, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=no").Output()
	return strings.TrimSpace(string(out)), err == nil && len(bytes.TrimSpace(status)) > 0
}

// summarize prints what the build made, on stderr.
func summarize(w io.Writer, out string, m release.Manifest, p corpus.Progress) {
	skipped := m.Skipped()
	fmt.Fprintf(w, "built %s/%s: %d records from %d files (%d skipped)\n", out, m.Version, m.Records, len(m.Inputs)-len(skipped), len(skipped))
	fmt.Fprintf(w, "  by layout:   %s\n", tally(m.Counts.Layout))
	fmt.Fprintf(w, "  by language: %s\n", tally(m.Counts.Language))
	seconds := max(p.Elapsed.Seconds(), 1e-9)
	s := p.Stages
	fmt.Fprintf(w, "  time: %.2fs, %.1f MB/s, %.0f records/s; by stage, summed over workers: read %.2fs, decode %.2fs, extract %.2fs, language %.2fs, mentions %.2fs, duplicates %.2fs, write %.2fs\n",
		seconds, float64(p.Bytes)/1e6/seconds, float64(p.Records)/seconds,
		s.Read.Seconds(), s.Decode.Seconds(), s.Extract.Seconds(), s.Language.Seconds(), s.Mentions.Seconds(), s.Duplicates.Seconds(), s.Write.Seconds())
	for _, p := range m.Problems() {
		fmt.Fprintf(w, "  %s\n", p)
	}
}

// tally formats counts largest first, ties by name.
func tally(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}
