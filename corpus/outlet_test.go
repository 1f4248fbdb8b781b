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

// TestOutletCascade checks the order outletOf reads an outlet in: a
// reprint credit names a one-article capture's outlet over its host's, but
// not the outlet of a page of many items; sources.tsv wins over both; an
// unknown site is named as its masthead writes it.
func TestOutletCascade(t *testing.T) {
	input := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(input, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := "Refugees reach Goris\n\nGORIS, Armenia (AP) — The first refugees from Nagorno-Karabakh reached the town of Goris on Sunday, officials said.\n\nThey were housed in a hotel in the centre of the town while the government prepared more places.\n"
	write("reprint.txt", article)
	write("given.txt", article)
	write("masthead.txt", "Daily Kirants Herald\n\nVillagers block the road\n\nResidents of the village gathered on the road on Saturday to protest against the border deal, which they said would cut them off.\n\nThe police asked them to leave, but the protest went on into the night.\n")
	table := "file\turl\toutlet\tretrieved\n" +
		"reprint.txt\thttps://www.kirants-tv.example.com/news/1\t\t\n" +
		"given.txt\thttps://www.kirants-tv.example.com/news/1\tKirants TV\t\n" +
		"masthead.txt\thttps://dailykirantsherald.com/2024/05/road\t\t\n"
	write(SourcesFile, table)
	_, records := buildDir(t, input)
	want := map[string]string{
		"reprint#1":  "Associated Press",
		"given#1":    "Kirants TV",
		"masthead#1": "Daily Kirants Herald",
	}
	for _, r := range records {
		got := ""
		if r.Outlet != nil {
			got = *r.Outlet
		}
		if got != want[r.ID] {
			t.Errorf("%s: outlet %q, want %q", r.ID, got, want[r.ID])
		}
	}
}
