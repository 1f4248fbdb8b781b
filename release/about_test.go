package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishedDate takes the release date from SOURCE_DATE_EPOCH, else
// the builder's commit time, never the clock.
func TestPublishedDate(t *testing.T) {
	commit := Builder{Time: "2025-03-04T23:30:00+02:00"}
	for _, c := range []struct {
		epoch   string
		builder Builder
		want    string
	}{
		{"1717200000", commit, "2024-06-01"},
		{" 1717200000\n", commit, "2024-06-01"},
		{"0", commit, "1970-01-01"},
		{"", commit, "2025-03-04"},
		{"", Builder{}, ""},
	} {
		got, err := PublishedDate(c.epoch, c.builder)
		if err != nil || got != c.want {
			t.Errorf("PublishedDate(%q, %+v) = %q, %v; want %q", c.epoch, c.builder, got, err, c.want)
		}
	}
	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		if _, err := PublishedDate(bad, commit); err == nil {
			t.Errorf("SOURCE_DATE_EPOCH %q was accepted", bad)
		}
	}
}

// TestAbout merges the defaults, the dataset file and the flags, and
// refuses what the documents could not carry.
func TestAbout(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DatasetFile), []byte(`{"creator": {"name": "Lab", "type": "person"}, "license": {"name": "cc-by-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	file, err := ReadAbout(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := DefaultAbout().Merge(file).Merge(About{URL: "https://example.org/nk"})
	if a.Creator != (Party{Name: "Lab", Type: "person"}) || a.License.Name != "cc-by-4.0" || a.URL != "https://example.org/nk" {
		t.Errorf("merged %+v", a)
	}
	if got := DefaultAbout().Merge(About{License: License{URL: "https://example.org/terms"}}).License; got != (License{Name: "other", URL: "https://example.org/terms"}) {
		t.Errorf("a licence URL alone over the default gives %+v, want name other", got)
	}
	if got := a.Merge(About{License: License{URL: "https://example.org/terms"}}).License; got.Name != "cc-by-4.0" {
		t.Errorf("a licence URL alone over a named licence gives %+v, want the name kept", got)
	}
	if empty, err := ReadAbout(t.TempDir()); err != nil || empty != (About{}) {
		t.Errorf("a folder without %s: %+v, %v", DatasetFile, empty, err)
	}
	for name, raw := range map[string]string{
		"unknown key": `{"licence": "x"}`, "not http": `{"url": "javascript:alert(1)"}`, "bad type": `{"creator": {"name": "x", "type": "robot"}}`,
		"not json": `creator: x`,
	} {
		if err := os.WriteFile(filepath.Join(dir, DatasetFile), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadAbout(dir); err == nil || !strings.Contains(err.Error(), DatasetFile) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := os.Remove(filepath.Join(dir, DatasetFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, DatasetFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAbout(dir); err == nil {
		t.Error("a folder named dataset.json was read")
	}
}

// TestAboutLimits: the dataset file is read up to its bound of bytes and no
// further, and its URLs may be http or https, with a host.
func TestAboutLimits(t *testing.T) {
	dir := t.TempDir()
	write := func(raw string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, DatasetFile), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body := `{"url": "http://example.org/nk", "license": {"name": "x", "url": "https://example.org/terms"}, "creator": {"name": "Lab", "type": "organization"}}`
	write(body + strings.Repeat(" ", maxDatasetFile-len(body)))
	if a, err := ReadAbout(dir); err != nil || a.URL != "http://example.org/nk" {
		t.Errorf("a dataset file of exactly %d bytes: %+v, %v", maxDatasetFile, a, err)
	}
	write(body + strings.Repeat(" ", maxDatasetFile-len(body)+1))
	if _, err := ReadAbout(dir); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a dataset file of %d bytes: %v", maxDatasetFile+1, err)
	}
	for _, bad := range []string{"https:///nk", "ftp://example.org/nk", "example.org/nk"} {
		if err := (About{URL: bad}).Check(); err == nil {
			t.Errorf("URL %q accepted", bad)
		}
	}
}
