package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOutletFromURL checks that a record whose text and sources.tsv row
// give no outlet takes the one of its url: a registered outlet with its
// country, or else the registrable domain.
func TestOutletFromURL(t *testing.T) {
	input := t.TempDir()
	copySeed(t, input, "002_81f596a311052818.txt")
	copySeed(t, input, "003_44e02db5fe0c55f4.txt")
	table := "file\turl\toutlet\tretrieved\n" +
		"002_81f596a311052818.txt\thttps://analytics.example.org/2023/1\t\t\n" +
		"003_44e02db5fe0c55f4.txt\thttps://www.hetq.am/en/article/1\t\t\n"
	if err := os.WriteFile(filepath.Join(input, SourcesFile), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	_, records := buildDir(t, input)
	want := map[string]string{
		"002_81f596a311052818#1": "example.org ",
		"003_44e02db5fe0c55f4#1": "Hetq AM",
	}
	for _, r := range records {
		if r.Outlet == nil {
			t.Errorf("%s: no outlet", r.ID)
			continue
		}
		country := ""
		if r.OutletCountry != nil {
			country = *r.OutletCountry
		}
		if got := *r.Outlet + " " + country; got != want[r.ID] {
			t.Errorf("%s: outlet %q, want %q", r.ID, got, want[r.ID])
		}
	}
}
