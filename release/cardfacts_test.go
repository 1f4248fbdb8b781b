package release

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nkcorpus/builder/schema"
)

// TestCardMultilinguality: the card calls the corpus multilingual only when
// it holds two languages or more; "und" (no language told) is none.
func TestCardMultilinguality(t *testing.T) {
	for _, tt := range []struct {
		languages []string
		want      string
	}{
		{[]string{"hy"}, "monolingual"},
		{[]string{"hy", "und"}, "monolingual"},
		{[]string{"en", "hy"}, "multilingual"},
	} {
		m := Manifest{Version: "dev", Counts: NewCounts()}
		for _, lang := range tt.languages {
			m.Counts.Language[lang] = 1
		}
		card := string(datasetCard(m, cardFacts{}))
		if !strings.Contains(card, "multilinguality:\n- "+tt.want+"\n") {
			t.Errorf("languages %v: the card is not %s", tt.languages, tt.want)
		}
		if strings.Contains(card, "- und\n") {
			t.Errorf("languages %v: the card lists und as a language", tt.languages)
		}
	}
}

// TestCardCountsOrder: the outlet table lists the most records first, ties
// in the order of their names; the month table goes by month.
func TestCardCountsOrder(t *testing.T) {
	m := Manifest{Version: "dev", Counts: NewCounts()}
	for outlet, n := range map[string]int{"Azatutyun": 1, "JAMnews": 3, "News.am": 3, "APA": 2} {
		m.Counts.Outlet[outlet] = n
	}
	for month, n := range map[string]int{"2023-10": 1, "2020-09": 5, "2023-09": 2} {
		m.Counts.Month[month] = n
	}
	card := string(datasetCard(m, cardFacts{}))
	for _, want := range []string{
		"| outlet | records |\n|---|---:|\n| JAMnews | 3 |\n| News.am | 3 |\n| APA | 2 |\n| Azatutyun | 1 |\n\n",
		"| month | records |\n|---|---:|\n| 2020-09 | 5 |\n| 2023-09 | 2 |\n| 2023-10 | 1 |\n\n",
	} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks\n%s", want)
		}
	}
}

// TestCardFacts: what the writer notes of the records as they pass — the
// records with a byline, the bytes of the JSONL, and the example: the
// first record with a title, a date and an outlet (the very first until
// one has all three).
func TestCardFacts(t *testing.T) {
	title, outlet, date := "Title", "Outlet", schema.Date(19631)
	record := func(id string, hasTitle, hasDate, hasOutlet bool, byline ...string) schema.Record {
		r := schema.Record{ID: id, Byline: byline}
		if hasTitle {
			r.Title = &title
		}
		if hasDate {
			r.Date = &date
		}
		if hasOutlet {
			r.Outlet = &outlet
		}
		return r
	}
	var facts cardFacts
	for _, r := range []schema.Record{
		record("first", false, false, false),
		record("no title", false, true, true, "A. Author"),
		record("no date", true, false, true),
		record("no outlet", true, true, false, "B. Author", "C. Author"),
		record("complete", true, true, true),
		record("complete too", true, true, true, "D. Author"),
		record("no byline", true, true, true),
	} {
		facts.note(r, 10)
	}
	if facts.example == nil || facts.example.ID != "complete" {
		t.Errorf("example %+v, want the record \"complete\"", facts.example)
	}
	if facts.bylines != 3 || facts.jsonlBytes != 70 {
		t.Errorf("bylines %d, JSONL bytes %d; want 3 and 70", facts.bylines, facts.jsonlBytes)
	}
	card := string(datasetCard(Manifest{Version: "dev", Counts: NewCounts(), Records: 7}, facts))
	if !strings.Contains(card, "3 of 7 records carry a byline") {
		t.Error("the card does not count the records with a byline")
	}

	var first cardFacts
	first.note(record("first", false, true, true), 1)
	first.note(record("no title", false, true, true), 1)
	if first.example == nil || first.example.ID != "first" {
		t.Errorf("with no complete record the example is %+v, want the first", first.example)
	}
}

// TestExampleOf: the example's body is cut to exampleRunes characters
// (characters, not bytes), with "…" only where something was cut, and its
// mentions are the first three that end within the cut body.
func TestExampleOf(t *testing.T) {
	mention := func(start, end int32) schema.Mention {
		return schema.Mention{Entity: "Q1", Start: start, End: end}
	}
	exact := strings.Repeat("ա", exampleRunes)
	for _, tt := range []struct {
		body         string
		mentions     []schema.Mention
		wantBody     string
		wantMentions []schema.Mention
	}{
		{exact, []schema.Mention{mention(390, exampleRunes)}, exact, []schema.Mention{mention(390, exampleRunes)}},
		{exact + "բ", []schema.Mention{mention(395, exampleRunes+1)}, exact + "…", []schema.Mention{}},
		{"Շուշի", []schema.Mention{mention(0, 1), mention(1, 2), mention(2, 3), mention(3, 4)}, "Շուշի",
			[]schema.Mention{mention(0, 1), mention(1, 2), mention(2, 3)}},
	} {
		r := schema.Record{Body: tt.body, Mentions: tt.mentions, Byline: []string{"A"}}
		got := exampleOf(r)
		if got.Body != tt.wantBody {
			t.Errorf("body of %d characters cut to %q…, want %q…", len([]rune(tt.body)), got.Body[len(got.Body)-8:], tt.wantBody[len(tt.wantBody)-8:])
		}
		if diff := cmp.Diff(tt.wantMentions, got.Mentions); diff != "" {
			t.Errorf("mentions (-want +got):\n%s", diff)
		}
		got.Byline[0] = "changed"
		if r.Byline[0] != "A" {
			t.Error("the example shares its byline with the record")
		}
	}
}

func TestRuneOffset(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want int
	}{
		{"", 0, 0},
		{"ab", 0, 0},
		{"ab", 1, 1},
		{"ab", 5, 2},
		{"Шуши", 1, 2},
		{"Շուշի", 3, 6},
	} {
		if got := runeOffset(tt.s, tt.n); got != tt.want {
			t.Errorf("runeOffset(%q, %d) = %d, want %d", tt.s, tt.n, got, tt.want)
		}
	}
}
