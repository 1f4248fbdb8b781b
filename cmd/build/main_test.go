package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/nkcorpus/builder/internal/arrowcheck"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"build": main})
}

// TestScripts runs the CLI as a user does, in a fresh folder holding a copy
// of the seeds (testdata/script/*.txtar).
func TestScripts(t *testing.T) {
	seeds, err := filepath.Abs("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: scriptCommands,
		Setup: func(env *testscript.Env) error {
			return copyDir(seeds, filepath.Join(env.WorkDir, "seeds"))
		},
	})
}

// arrowCheck reads each release named with Apache Arrow's Parquet reader
// and compares its rows with the JSONL: arrowcheck DIR...
func arrowCheck(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: arrowcheck DIR...")
	}
	for _, dir := range args {
		if err := arrowcheck.Release(ts.MkAbs(dir)); err != nil {
			ts.Fatalf("%s: %v", dir, err)
		}
	}
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
