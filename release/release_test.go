package release

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/schema"
)

func TestCheckVersion(t *testing.T) {
	for _, v := range []string{"dev", "v0.0.0", "v1.2.3", "v10.20.30", "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-0.3.7",
		"v1.0.0-x.7.z.92", "v1.0.0-x-y-z.--", "v1.0.0-alpha+001", "v1.0.0+20130313144700", "v1.0.0-beta+exp.sha.5114f85",
		"v1.0.0+21AF26D3----117B344092BD", "v0.0.0-ci", "v1.0.0-0a.1"} {
		if err := checkVersion(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	for _, v := range []string{"", "1.2.3", "v1", "v1.2", "v01.2.3", "v1.02.3", "v1.2.03", "v1.0.0-", "v1.0.0+", "v1.0.0-..",
		"v1.0.0+..", "v1.0.0-alpha..1", "v1.0.0-01", "v1.0.0-alpha.01", "v1.0.0+a..b", "v1.0.0-a_b", "v1.0.0 ", "../x", "V1.0.0"} {
		if err := checkVersion(v); !errors.Is(err, ErrBadVersion) {
			t.Errorf("%q accepted", v)
		}
	}
}

// TestCheckOutput: a refused output creates nothing, and says why.
func TestCheckOutput(t *testing.T) {
	if err := CheckOutput("", "dev", false); !errors.Is(err, ErrNoOutput) {
		t.Errorf(`CheckOutput("") = %v`, err)
	}
	if _, err := Create("", Manifest{Version: "dev"}, false); !errors.Is(err, ErrNoOutput) {
		t.Errorf(`Create("") = %v`, err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := CheckOutput(out, "v1.0.0", false); err != nil {
		t.Errorf("a new output folder: %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CheckOutput created %s", out)
	}
	if err := os.MkdirAll(filepath.Join(out, "v1.0.0"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := CheckOutput(out, "v1.0.0", false); !errors.Is(err, ErrExists) {
		t.Errorf("an existing release: %v", err)
	}
	if err := CheckOutput(out, "v1.0.0", true); err != nil {
		t.Errorf("an existing release, forced: %v", err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckOutput(file, "dev", false); err == nil || !strings.Contains(err.Error(), "the output folder is a file") {
		t.Errorf("a file as output: %v", err)
	}
}

// TestSync: every file of a release, its folder, and the output folder
// after the rename are synced, so a power loss cannot publish empty files.
func TestSync(t *testing.T) {
	var synced []string
	syncFile = func(f *os.File) error {
		synced = append(synced, f.Name())
		return f.Sync()
	}
	defer func() { syncFile = (*os.File).Sync }()
	dir := smallRelease(t)
	entries, _ := os.ReadDir(dir)
	if len(synced) != len(entries)+2 {
		t.Errorf("synced %d paths, want the %d files, the folder and its parent:\n%s", len(synced), len(entries), strings.Join(synced, "\n"))
	}
	tmp := synced[len(synced)-2]
	for _, e := range entries {
		// Data files are synced under the provisional names they are written
		// with (part-00000.parquet), before the number of shards is known.
		provisional := filepath.Join(tmp, "part-00000"+strings.TrimPrefix(e.Name(), "corpus"))
		if !slices.Contains(synced, filepath.Join(tmp, e.Name())) && !slices.Contains(synced, provisional) {
			t.Errorf("%s was not synced", e.Name())
		}
	}
	if parent := synced[len(synced)-1]; parent != filepath.Dir(dir) || filepath.Dir(tmp) != parent {
		t.Errorf("synced last %s and %s, want the temporary folder and then %s", tmp, parent, filepath.Dir(dir))
	}
}

// TestStale: what builds killed with kill -9 left is removed by the next
// build, which holds the lock; a release moved aside and never replaced is
// put back; anything else stays.
func TestStale(t *testing.T) {
	out := t.TempDir()
	for _, d := range []string{".v1.0.0.tmp-123/sub", ".dev.tmp-9", ".v2.0.0.tmp-7.old", ".dev.tmp-5.old", "dev", ".keep.tmp-x", "other"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, ".v2.0.0.tmp-7.old", "manifest.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(out, ".v3.0.0.tmp-1")); err != nil {
		t.Fatal(err)
	}
	w, err := Create(out, Manifest{Version: "v1.0.0", SchemaVersion: schema.Version}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != filepath.Base(w.tmp) {
			names = append(names, e.Name())
		}
	}
	want := []string{".keep.tmp-x", ".lock", ".v3.0.0.tmp-1", "dev", "other", "v2.0.0"}
	if !slices.Equal(names, want) {
		t.Errorf("output folder holds %q, want %q", names, want)
	}
	if _, err := os.Stat(filepath.Join(out, "v2.0.0", "manifest.json")); err != nil {
		t.Errorf("the release moved aside was not put back: %v", err)
	}
	// A second build waits for the lock and removes nothing meanwhile.
	if _, err := Create(out, Manifest{Version: "dev"}, false); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second build: %v", err)
	}
	if _, err := os.Stat(w.tmp); err != nil {
		t.Errorf("the running build's folder is gone: %v", err)
	}
}

// TestLockSymlink: a symbolic link in place of the lock is refused, and no
// file appears where it points.
func TestLockSymlink(t *testing.T) {
	out, elsewhere := t.TempDir(), filepath.Join(t.TempDir(), "created")
	if err := os.Symlink(elsewhere, filepath.Join(out, LockFile)); err != nil {
		t.Fatal(err)
	}
	_, err := Create(out, Manifest{Version: "dev"}, false)
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link, not a lock file") {
		t.Errorf("Create = %v", err)
	}
	if _, err := os.Lstat(elsewhere); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock's link made %s", elsewhere)
	}
}

// TestOptions: the options that change the bytes are in the manifest.
func TestOptions(t *testing.T) {
	out := t.TempDir()
	m := Manifest{Version: "dev", SchemaVersion: schema.Version, Counts: NewCounts(), Options: Options{DuplicateWindow: 500, MaxFileSize: 1 << 20}}
	w, err := Create(out, m, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Publish(m); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(out, "dev", ManifestFile))
	if want := "\"options\": {\n    \"duplicate_window\": 500,\n    \"max_file_size\": 1048576,\n    \"shard_size\": 1073741824\n  },"; !strings.Contains(string(raw), want) {
		t.Errorf("manifest.json:\n%s\nwant it to hold %s", raw, want)
	}
}
