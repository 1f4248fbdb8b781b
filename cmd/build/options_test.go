package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// TestWorkersBound: --workers takes 1 to workersPerCPU× the CPUs, both ends
// included, and refuses one past either end as a usage error (status 2).
func TestWorkersBound(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "capture.txt"), []byte("Shusha, 5 April 2024\n\nA line of news from Stepanakert about the road.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	most := workersPerCPU * runtime.NumCPU()
	for _, tt := range []struct {
		workers int
		status  int
	}{{1, 0}, {most, 0}, {0, 2}, {most + 1, 2}} {
		var stdout, stderr bytes.Buffer
		out := filepath.Join(t.TempDir(), "out")
		status := run(context.Background(), []string{"build", "--input", in, "--output", out, "--quiet", "--workers", fmt.Sprint(tt.workers)}, &stdout, &stderr)
		if status != tt.status {
			t.Errorf("--workers %d: status %d, want %d; stderr:\n%s", tt.workers, status, tt.status, stderr.String())
		}
		if tt.status == 2 && !strings.Contains(stderr.String(), fmt.Sprintf("--workers %d: must be 1 to %d", tt.workers, most)) {
			t.Errorf("--workers %d: stderr %q names not the bound", tt.workers, stderr.String())
		}
	}
}

// TestMemoryLimit: the build holds its heap to memoryLimit unless the user
// set GOMEMLIMIT.
func TestMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, memoryLimit)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(1 << 30)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("with GOMEMLIMIT=1GiB the limit is %d", got)
	}
}
