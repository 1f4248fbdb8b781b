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

// slowInput makes an input folder the builder cannot finish: a WARC whose
// one record claims a terabyte, held as a sparse file, so that it costs no
// disk and reading it lasts until the build is stopped.
func slowInput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	const size = 1 << 40
	header := fmt.Sprintf("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.am/\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n", size)
	f, err := os.Create(filepath.Join(dir, "endless.warc"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(header); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(int64(len(header)) + size); err != nil {
		t.Skipf("no sparse files here: %v", err)
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

// TestKilledShard kills a shard's build with SIGKILL halfway: the merge
// names the half-written part and publishes nothing.
func TestKilledShard(t *testing.T) {
	bin, err := exec.LookPath("build")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	input := slowInput(t)
	shard := exec.Command(bin, "--input", input, "--output", out, "--shard", "1/1", "--workers", "1")
	if err := shard.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(out, "dev.parts", ".1-of-1.tmp-*")); len(m) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	shard.Process.Kill()
	shard.Wait()
	b, err := exec.Command(bin, "merge", "--input", input, "--output", out).CombinedOutput()
	if code := exitCode(err); code == 0 || !strings.Contains(string(b), "no finished part (half-written, their builds stopped: 1-of-1)") {
		t.Errorf("merge after a killed shard: exit %d\n%s", code, b)
	}
	if _, err := os.Stat(filepath.Join(out, "dev")); !os.IsNotExist(err) {
		t.Errorf("a release was published (%v)", err)
	}
}
