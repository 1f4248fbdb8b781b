package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowInput makes an input folder that takes the builder a few seconds.
func slowInput(t *testing.T) string {
	t.Helper()
	digest, err := os.ReadFile("../../seeds/001_5e29adcfeed8e22f.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 400 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), digest, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// waitForTemp waits until the build has created its temporary folder.
func waitForTemp(t *testing.T, out string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(out, ".dev.tmp-*")); len(m) > 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the build never started writing")
}

// TestInterruptAndLock interrupts builds (SIGINT, SIGTERM) halfway: each
// leaves no temporary folder and the previous release as it was. While a
// build runs, a second one into the same output folder is refused.
func TestInterruptAndLock(t *testing.T) {
	bin, err := exec.LookPath("build")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	first := exec.Command(bin, "--input", "../../seeds", "--output", out)
	if b, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before, err := os.ReadFile(filepath.Join(out, "dev", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	input := slowInput(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			var stderr bytes.Buffer
			slow := exec.Command(bin, "--input", input, "--output", out, "--workers", "1")
			slow.Stderr = &stderr
			if err := slow.Start(); err != nil {
				t.Fatal(err)
			}
			waitForTemp(t, out)

			second := exec.Command(bin, "--input", "../../seeds", "--output", out)
			b, err := second.CombinedOutput()
			if code := exitCode(err); code != 2 || !strings.Contains(string(b), "another build is writing to this output folder") {
				t.Errorf("second build while one runs: exit %d\n%s", code, b)
			}

			if err := slow.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = slow.Wait()
			if code := exitCode(err); code != 130 || !strings.Contains(stderr.String(), "interrupted; no release written") {
				t.Errorf("interrupted build: exit %d\n%s", code, stderr.String())
			}
			if m, _ := filepath.Glob(filepath.Join(out, ".dev.tmp-*")); len(m) > 0 {
				t.Errorf("temporary folders left behind: %v", m)
			}
			after, err := os.ReadFile(filepath.Join(out, "dev", "manifest.json"))
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("the previous release changed (%v)", err)
			}
		})
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	return -1
}
