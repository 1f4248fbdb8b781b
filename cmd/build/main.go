// Command build turns a folder of raw news captures into a versioned corpus
// release: JSONL, Parquet and a manifest in out/<version>/.
//
//	go run ./cmd/build                      # seeds/ → out/dev/
//	go run ./cmd/build --release v1.0.0     # a release that may not be overwritten
//
// Exit status: 0 done, 1 a failed build or an invalid release, 2 a usage
// error (an unknown flag, a bad value, a wrong number of arguments), 130
// interrupted.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
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

// EnvPrefix starts the environment variable of every flag: NKCORPUS_INPUT
// for --input, NKCORPUS_MAX_FILE_SIZE for --max-file-size.
const EnvPrefix = "NKCORPUS_"

// Bounds of the numeric flags.
const (
	// workersPerCPU bounds --workers: more workers than this only add
	// memory (each holds files in flight) and threads.
	workersPerCPU = 4
	// maxFileSizeLimit bounds --max-file-size: a capture is read into
	// memory whole.
	maxFileSizeLimit = 4 << 30
	// maxShardSize keeps every file of a release under GitHub's 2 GiB
	// limit on a release asset.
	maxShardSize = 2<<30 - 1
)

func main() {
	limitMemory()
	// An interrupt cancels the build, which then removes its temporary
	// folder and leaves the previous release as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args, os.Stdout, os.Stderr))
}

// usageError is a mistake in how the command was called: exit status 2,
// with the usage line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// env names the environment variable of a flag.
func env(flag string) []string {
	return []string{EnvPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))}
}

var jsonFlag = &cli.BoolFlag{Name: "json", Usage: "print a machine-readable summary (JSON) on stdout", EnvVars: env("json")}

// buildFlags are the flags of a build; the usage line lists each.
func buildFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "input", Value: "seeds", Usage: "folder `DIR` of raw captures (and optional sources.tsv and dataset.json)", EnvVars: env("input")},
		&cli.StringFlag{Name: "output", Value: "out", Usage: "folder that holds releases; the build goes to `DIR`/VERSION/", EnvVars: env("output")},
		&cli.StringFlag{Name: "release", Value: release.Dev, Usage: "release `VERSION`: \"dev\" (rebuilt freely) or a semantic version such as v1.2.0 (never overwritten unless --force)", EnvVars: env("release")},
		&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: fmt.Sprintf("files read in parallel, and the CPUs the build uses; the output is the same for any `N` (1 to %d× the CPUs)", workersPerCPU), EnvVars: env("workers")},
		&cli.BoolFlag{Name: "force", Usage: "replace a release version that already exists", EnvVars: env("force")},
		&cli.Int64Flag{Name: "max-file-size", Value: corpus.DefaultMaxFileSize, Usage: "skip captures larger than `BYTES` (at most 4 GiB)", EnvVars: env("max-file-size")},
		&cli.StringFlag{Name: "gazetteer", Usage: "add the entities of `FILE` (the TSV format of mention/gazetteer.tsv) to the built-in gazetteer; an id already there is replaced", EnvVars: env("gazetteer")},
		&cli.StringFlag{Name: "outlets", Usage: "add the outlets of `FILE` (the TSV format of outlet/outlets.tsv) to the built-in registry; a name already there is replaced", EnvVars: env("outlets")},
		&cli.BoolFlag{Name: "strict", Usage: "fail, writing no release, if any input is skipped, item dropped, WARC record damaged, or sources.tsv row ignored or warned about", EnvVars: env("strict")},
		&cli.IntFlag{Name: "duplicate-window", Value: neardup.DefaultWindow, Usage: "compare each record with the `N` records before it (in id order) for near-duplicates; 0 compares with all, memory growing with the corpus", EnvVars: env("duplicate-window")},
		&cli.Int64Flag{Name: "shard-size", Value: release.DefaultShardSize, Usage: "cut the data into shards of at most `BYTES` of JSONL each (at most 2 GiB, GitHub's limit on a release file)", EnvVars: env("shard-size")},
		&cli.StringFlag{Name: "creator", Usage: "the dataset's creator `NAME`, for the card and croissant.json (default: dataset.json's, else nkcorpus)", EnvVars: env("creator")},
		&cli.StringFlag{Name: "license", Usage: "`URL` of the texts' licence (default: dataset.json's, else the release's LICENSE: the publishers' copyright)", EnvVars: env("license")},
		&cli.StringFlag{Name: "url", Usage: "the dataset's home page `URL` (default: dataset.json's, else the builder's repository)", EnvVars: env("url")},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors: no progress, no summary", EnvVars: env("quiet")},
		jsonFlag,
	}
}

// usageLine lists every flag with what it takes.
func usageLine(name string, flags []cli.Flag, args string) string {
	parts := []string{name}
	for _, f := range flags {
		names := f.Names()
		part := "--" + names[0]
		if df, ok := f.(cli.DocGenerationFlag); ok && df.TakesValue() {
			part += " " + placeholder(df.GetUsage())
		}
		parts = append(parts, "["+part+"]")
	}
	if args != "" {
		parts = append(parts, args)
	}
	return strings.Join(parts, " ")
}

// placeholder is what a flag takes: the word its usage quotes in
// backticks, as the help shows it.
func placeholder(usage string) string {
	_, rest, ok := strings.Cut(usage, "`")
	word, _, closed := strings.Cut(rest, "`")
	if !ok || !closed {
		return "value"
	}
	return word
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// run is the whole program; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	builder := builderInfo()
	flags := append(buildFlags(), shardFlags()...)
	app := &cli.App{
		Name:                 "build",
		Usage:                "build a versioned corpus of news captures (JSONL, Parquet, manifest)",
		UsageText:            usageLine("build", flags, "[command]"),
		Version:              fmt.Sprintf("%s (module %s, revision %s)", builder.Version, builder.Module, cmpOr(builder.Revision, "unknown")),
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		OnUsageError:         onUsageError,
		Flags:                flags,
		Commands: []*cli.Command{
			mergeCommand(stdout, stderr, builder),
			validateCommand(stdout),
			diffCommand(stdout),
			completionCommand(stdout),
			manCommand(stdout),
		},
		Action: func(c *cli.Context) error { return build(c, builder, stdout, stderr) },
	}
	err := app.RunContext(ctx, args)
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "build: interrupted; no release written, the previous one is untouched")
		return 130
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "build: %v\nusage: %s\nRun 'build --help' for more.\n", err, usageFor(app, args))
		return 2
	case errors.Is(err, errInvalid):
		return 1 // the problems are printed
	}
	fmt.Fprintln(stderr, "build:", err)
	if errors.Is(err, release.ErrExists) || errors.Is(err, release.ErrBadVersion) || errors.Is(err, release.ErrLocked) || errors.Is(err, corpus.ErrOverlap) {
		return 2
	}
	return 1
}

// usageFor is the usage line of the command args name.
func usageFor(app *cli.App, args []string) string {
	for _, a := range args[1:] {
		if cmd := app.Command(a); cmd != nil {
			return cmd.UsageText
		}
	}
	return app.UsageText
}

// onUsageError turns a flag the parser refused into a usage error, naming
// the flag as it is written (--workers, where the parser says -workers).
func onUsageError(_ *cli.Context, err error, _ bool) error {
	msg := strings.NewReplacer("defined: -", "defined: --", "for flag -", "for flag --").Replace(err.Error())
	return usageError{errors.New(msg)}
}

// build is the default command: a release from the input folder.
func build(c *cli.Context, builder release.Builder, stdout, stderr io.Writer) error {
	if c.NArg() > 0 {
		return usagef("unexpected argument %q (flags start with --)", c.Args().First())
	}
	opts, err := buildOptions(c, builder)
	if err != nil {
		return err
	}
	shard, sharded, err := shardOf(c, os.Getenv)
	if err != nil {
		return err
	}
	var final corpus.Progress
	var progress *progressWriter
	if !c.Bool("quiet") {
		progress = newProgressWriter(stderr)
	}
	// The writer and the collector run beside the workers; with the CPUs
	// bounded too, --workers 1 leaves the rest of the machine free, and N
	// workers scale as N CPUs.
	runtime.GOMAXPROCS(opts.Workers)
	opts.Progress = func(p corpus.Progress) {
		final = p
		if progress != nil {
			progress.update(p)
		}
	}
	if sharded {
		return buildShard(c, opts, shard, stderr)
	}
	m, err := corpus.Build(c.Context, opts)
	if err != nil {
		return err
	}
	return report(c, stdout, stderr, opts.Output, m, final)
}

// report tells what a build or a merge wrote: a summary on stderr unless
// --quiet, and with --json the same as JSON on stdout.
func report(c *cli.Context, stdout, stderr io.Writer, output string, m release.Manifest, final corpus.Progress) error {
	if !c.Bool("quiet") {
		summarize(stderr, output, m, final)
	}
	if c.Bool("json") {
		return writeJSON(stdout, buildSummary(output, m))
	}
	return nil
}

// buildOptions reads and checks the flags of a build.
func buildOptions(c *cli.Context, builder release.Builder) (corpus.Options, error) {
	opts := corpus.Options{
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
		ShardSize:       c.Int64("shard-size"),
		Builder:         builder,
	}
	cpus := runtime.NumCPU()
	switch {
	case opts.Workers < 1 || opts.Workers > workersPerCPU*cpus:
		return opts, usagef("--workers %d: must be 1 to %d (%d× the %d CPUs)", opts.Workers, workersPerCPU*cpus, workersPerCPU, cpus)
	case opts.MaxFileSize < 1 || opts.MaxFileSize > maxFileSizeLimit:
		return opts, usagef("--max-file-size %d: must be 1 to %d bytes (4 GiB; a capture is read into memory whole)", opts.MaxFileSize, int64(maxFileSizeLimit))
	case opts.DuplicateWindow < 0:
		return opts, usagef("--duplicate-window %d: must be 0 (compare with all records) or more", opts.DuplicateWindow)
	case opts.ShardSize < 1 || opts.ShardSize > maxShardSize:
		return opts, usagef("--shard-size %d: must be 1 to %d bytes (2 GiB, GitHub's limit on a release file)", opts.ShardSize, int64(maxShardSize))
	case opts.Output == "":
		return opts, usagef("--output: give a folder, such as out")
	}
	about, err := datasetAbout(c, opts.Input, builder)
	opts.About = about
	return opts, err
}

// datasetAbout merges what the dataset says of itself: the defaults, then
// the input folder's dataset.json, then the flags; the release date from
// SOURCE_DATE_EPOCH or the builder's commit time.
func datasetAbout(c *cli.Context, input string, builder release.Builder) (release.About, error) {
	fromFile, err := release.ReadAbout(input)
	if err != nil {
		return fromFile, err
	}
	fromFlags := release.About{Creator: release.Party{Name: c.String("creator")}, License: release.License{URL: c.String("license")}, URL: c.String("url")}
	if err := fromFlags.Check(); err != nil {
		return fromFlags, usageError{err}
	}
	about := release.DefaultAbout().Merge(fromFile).Merge(fromFlags)
	if about.Published == "" {
		if about.Published, err = release.PublishedDate(os.Getenv("SOURCE_DATE_EPOCH"), builder); err != nil {
			return about, err
		}
	}
	return about, nil
}

// errInvalid is returned when validate found problems, already printed.
var errInvalid = errors.New("invalid release")

func validateCommand(stdout io.Writer) *cli.Command {
	flags := []cli.Flag{jsonFlag}
	return &cli.Command{
		Name:         "validate",
		Usage:        "check a release: checksums, records against the schema rules, JSONL and Parquet alike, ids unique",
		UsageText:    usageLine("build validate", flags, "DIR"),
		ArgsUsage:    "DIR",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("validate takes one argument: the release folder, such as out/dev")
			}
			return validate(c, stdout, c.Args().First())
		},
	}
}

// validate checks the release in dir and reports each problem.
func validate(c *cli.Context, stdout io.Writer, dir string) error {
	problems := release.Validate(dir)
	if c.Bool("json") {
		list := make([]string, len(problems))
		for i, p := range problems {
			list[i] = p.Error()
		}
		if err := writeJSON(stdout, map[string]any{"release": dir, "valid": len(problems) == 0, "problems": list}); err != nil {
			return err
		}
		if len(problems) > 0 {
			return errInvalid
		}
		return nil
	}
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

func diffCommand(stdout io.Writer) *cli.Command {
	flags := []cli.Flag{jsonFlag}
	return &cli.Command{
		Name:         "diff",
		Usage:        "compare two releases by record id: added, removed and changed records, changes per field, examples; Markdown (or --json) on stdout",
		UsageText:    usageLine("build diff", flags, "OLD NEW"),
		ArgsUsage:    "OLD NEW",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("diff takes two arguments: the old and the new release folders, such as out/v1.0.0 out/v1.1.0")
			}
			if !c.Bool("json") {
				_, err := release.Diff(c.Args().Get(0), c.Args().Get(1), stdout)
				return err
			}
			s, err := release.Diff(c.Args().Get(0), c.Args().Get(1), io.Discard)
			if err != nil {
				return err
			}
			return writeJSON(stdout, map[string]any{
				"old": c.Args().Get(0), "new": c.Args().Get(1), "old_records": s.Old, "new_records": s.New,
				"added": nonNil(s.Added), "removed": nonNil(s.Removed), "changed": s.Changed, "unchanged": s.Unchanged,
				"source_changed": s.SourceChanged, "field_changes": s.FieldChanges, "examples": s.Examples,
			})
		},
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// bashCompletion and zshCompletion ask the program itself for the words
// that may follow (urfave/cli's --generate-bash-completion).
const (
	bashCompletion = `# bash completion for build: source <(build completion bash)
_nkcorpus_build() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  [[ "$cur" == -* ]] && words+=("$cur")
  COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _nkcorpus_build build
`
	zshCompletion = `#compdef build
# zsh completion for build: source <(build completion zsh)
_nkcorpus_build() {
  local -a opts
  local cur=${words[-1]}
  if [[ "$cur" == -* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} $cur --generate-bash-completion)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then _describe 'values' opts; else _files; fi
}
compdef _nkcorpus_build build
`
)

func completionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:         "completion",
		Usage:        "print a shell completion script: bash, zsh or fish (source <(build completion bash))",
		UsageText:    "build completion bash|zsh|fish",
		ArgsUsage:    "SHELL",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				_, err := io.WriteString(stdout, bashCompletion)
				return err
			case "zsh":
				_, err := io.WriteString(stdout, zshCompletion)
				return err
			case "fish":
				script, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				_, err = io.WriteString(stdout, script)
				return err
			}
			return usagef("completion takes one argument: bash, zsh or fish")
		},
	}
}

func manCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:         "man",
		Usage:        "print the manual page (roff): build man > build.1; man ./build.1",
		UsageText:    "build man",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("man takes no argument")
			}
			page, err := c.App.ToMan()
			if err != nil {
				return err
			}
			_, err = io.WriteString(stdout, page)
			return err
		},
	}
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// buildSummary is what build --json prints: where the release is, its
// files and counts, and what was left out.
func buildSummary(out string, m release.Manifest) map[string]any {
	return map[string]any{
		"release": out + "/" + m.Version, "version": m.Version, "records": m.Records,
		"inputs": len(m.Inputs), "skipped": len(m.Skipped()), "outputs": m.Outputs, "counts": m.Counts,
		"problems": nonNil(m.Problems()),
	}
}

// revision and commitTime may be set at link time (-ldflags "-X
// main.revision=… -X main.commitTime=…") where the build carries no VCS
// stamp, as with go run or -buildvcs=false.
var revision, commitTime string

// builderInfo is what the binary knows of itself: its module, version, and
// the revision and commit time it was built from. It never asks the
// working folder, whose state is not the binary's.
func builderInfo() release.Builder {
	return builderFrom(debug.ReadBuildInfo())
}

// builderFrom reads the Go toolchain's stamp; a binary built without one
// (ok false) keeps the defaults and what was set at link time.
func builderFrom(info *debug.BuildInfo, ok bool) release.Builder {
	b := release.Builder{Module: "github.com/nkcorpus/builder", Version: "(devel)", Revision: revision, Time: commitTime}
	if !ok {
		return b
	}
	if info.Main.Path != "" {
		b.Module, b.Version = info.Main.Path, cmpOr(info.Main.Version, b.Version)
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = cmpOr(b.Revision, s.Value)
		case "vcs.time":
			b.Time = cmpOr(b.Time, s.Value)
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified {
		b.Revision += "+dirty"
	}
	return b
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

// limitMemory holds the heap to memoryLimit, unless GOMEMLIMIT, which the
// runtime has read already, says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
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
