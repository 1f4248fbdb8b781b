package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestCheckAcceptsBounds: the least and greatest values the rules allow are
// valid — a one-line record, the WARC record at offset 0, each date
// precision, confidence 0 and 1, two mentions starting at the same place.
func TestCheckAcceptsBounds(t *testing.T) {
	date := Date(19831)
	for _, tc := range []struct {
		name  string
		edit_ func(*Record)
	}{
		{"one line", func(r *Record) { r.Source.LineStart, r.Source.LineEnd = 4, 4 }},
		{"offset 0", func(r *Record) { id, off := "<urn:uuid:1>", int64(0); r.Source.Record, r.Source.Offset = &id, &off }},
		{"day", func(r *Record) { p := PrecisionDay; r.Date, r.DatePrecision = &date, &p }},
		{"month", func(r *Record) { p := PrecisionMonth; r.Date, r.DatePrecision = &date, &p }},
		{"year", func(r *Record) { p := PrecisionYear; r.Date, r.DatePrecision = &date, &p }},
		{"confidence 0", func(r *Record) { r.Language, r.LanguageConfidence = "und", 0 }},
		{"confidence 1", func(r *Record) { r.LanguageConfidence = 1 }},
		{"mentions with one start", func(r *Record) {
			r.Body, r.WordCount = "Nagorno-Karabakh talks.", 2
			r.Mentions = []Mention{{Entity: "place/a", Surface: "Nagorno", Start: 0, End: 7}, {Entity: "place/b", Surface: "Nagorno-Karabakh", Start: 0, End: 16}}
		}},
	} {
		r := valid()
		tc.edit_(&r)
		if errs := Check(r); errs != nil {
			t.Errorf("%s: Check = %v, want valid", tc.name, errs)
		}
	}
}

// TestCheckRejectsPastBounds: just past the bounds of TestCheckAcceptsBounds.
func TestCheckRejectsPastBounds(t *testing.T) {
	date := Date(19831)
	for _, tc := range []struct {
		name   string
		break_ func(*Record)
		want   string
	}{
		{"end before start", func(r *Record) { r.Source.LineStart, r.Source.LineEnd = 4, 3 }, "not a 1-based range"},
		{"precision week", func(r *Record) { p := "week"; r.Date, r.DatePrecision = &date, &p }, `date_precision "week"`},
		{"confidence below 0", func(r *Record) { r.LanguageConfidence = -0.01 }, "outside 0-1"},
		{"empty mention", func(r *Record) { r.Mentions[1].Start, r.Mentions[1].End, r.Mentions[1].Surface = 15, 15, "" }, "out of range"},
		{"negative start", func(r *Record) { r.Mentions[0].Start = -1 }, "out of range"},
		// 0x80, a byte at or above utf8.RuneSelf alone, is broken UTF-8, not
		// the control character U+0080.
		{"lone continuation byte", func(r *Record) { s := "a\x80b"; r.Section = &s }, "section is not valid UTF-8"},
	} {
		r := valid()
		tc.break_(&r)
		errs := Check(r)
		found := false
		for _, err := range errs {
			found = found || strings.Contains(err.Error(), tc.want)
		}
		if !found {
			t.Errorf("%s: Check = %v, want an error containing %q", tc.name, errs, tc.want)
		}
	}
}

// schemaValid is a record the JSON Schema must accept: valid() with the
// values its patterns and enums ask for.
func schemaValid() Record {
	r := valid()
	r.Source.SHA256 = strings.Repeat("0", 64)
	for i := range r.Mentions {
		r.Mentions[i].Name, r.Mentions[i].Kind = "Khankendi", "place"
	}
	r.Byline = []string{"A. Writer"}
	return r
}

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	raw, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("record.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("record.json")
	if err != nil {
		t.Fatalf("JSON Schema does not compile: %v\n%s", err, raw)
	}
	return s
}

// asJSON is r as the JSONL holds it, decoded for the validator and for
// edits.
func asJSON(t *testing.T, r Record) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(r.AppendJSON(nil), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestJSONSchemaRules: the JSON Schema accepts valid records and rejects
// each way of breaking a rule of DESIGN.md it can express.
func TestJSONSchemaRules(t *testing.T) {
	s := compiledSchema(t)
	warc := schemaValid()
	id, offset, date, precision, layout := "<urn:uuid:1>", int64(0), Date(19831), PrecisionMonth, "html_article"
	warc.Source.Record, warc.Source.Offset, warc.Source.MediaType = &id, &offset, MediaHTML
	warc.Date, warc.DatePrecision, warc.Layout = &date, &precision, layout
	warc.LanguageConfidence = 1
	for name, r := range map[string]Record{"text record": schemaValid(), "WARC record": warc} {
		if err := s.Validate(asJSON(t, r)); err != nil {
			t.Errorf("%s rejected: %v", name, err)
		}
	}
	source := func(v map[string]any) map[string]any { return v["source"].(map[string]any) }
	mention := func(v map[string]any) map[string]any { return v["mentions"].([]any)[0].(map[string]any) }
	for _, tc := range []struct {
		name   string
		break_ func(map[string]any)
	}{
		{"empty body", func(v map[string]any) { v["body"] = "" }},
		{"empty byline entry", func(v map[string]any) { v["byline"] = []any{""} }},
		{"byline of objects", func(v map[string]any) { v["byline"] = []any{map[string]any{}} }},
		{"layout unknown", func(v map[string]any) { v["layout"] = "news" }},
		{"precision without date", func(v map[string]any) { v["date_precision"] = PrecisionDay }},
		{"date without precision", func(v map[string]any) { v["date"] = "2024-04-18" }},
		{"precision unknown", func(v map[string]any) { v["date"], v["date_precision"] = "2024-04-18", "week" }},
		{"date out of range", func(v map[string]any) { v["date"], v["date_precision"] = "2024-04-31", PrecisionDay }},
		{"record without offset", func(v map[string]any) { source(v)["record"] = "<urn:uuid:1>" }},
		{"negative offset", func(v map[string]any) { source(v)["record"], source(v)["offset"] = "<urn:uuid:1>", -1 }},
		{"line 0", func(v map[string]any) { source(v)["line_start"] = 0 }},
		{"confidence over 1", func(v map[string]any) { v["language_confidence"] = 1.01 }},
		{"language name", func(v map[string]any) { v["language"] = "English" }},
		{"mention kind", func(v map[string]any) { mention(v)["kind"] = "city" }},
		{"mention without name", func(v map[string]any) { delete(mention(v), "name") }},
		{"mention field unknown", func(v map[string]any) { mention(v)["score"] = 1 }},
		{"field missing", func(v map[string]any) { delete(v, "duplicate_of") }},
		{"field unknown", func(v map[string]any) { v["tags"] = []any{} }},
	} {
		v := asJSON(t, schemaValid())
		tc.break_(v)
		if s.Validate(v) == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

// TestJSONSchemaDescribes: every field of the schema carries its
// description, as the dataset card and users read it.
func TestJSONSchemaDescribes(t *testing.T) {
	raw, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		Properties map[string]struct {
			Description string `json:"description"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(raw, &root); err != nil {
		t.Fatal(err)
	}
	for _, f := range Fields() {
		if got := root.Properties[f.Name].Description; got != f.Description {
			t.Errorf("%s: description %q, want %q", f.Name, got, f.Description)
		}
	}
}

// TestFreeTextColumns: the free-text columns by their Parquet paths, a
// list's items under list/element.
func TestFreeTextColumns(t *testing.T) {
	var got []string
	for _, p := range FreeTextColumns() {
		got = append(got, strings.Join(p, "."))
	}
	want := []string{"url", "outlet", "title", "section", "date_text", "byline.list.element", "body",
		"mentions.list.element.name", "mentions.list.element.surface"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FreeTextColumns (-want +got):\n%s", diff)
	}
}

// TestWordCountEdges: a word holds a letter or digit, the first and last
// of each ASCII range too; the signs next to those ranges make none.
func TestWordCountEdges(t *testing.T) {
	for body, want := range map[string]int32{
		"a z A Z 0 9":     6,
		"` { @ [ / :":     0,
		"-a- (z) «A» —Z—": 4,
		"é ∑ ٣":           2,
	} {
		if got := WordCount(body); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", body, got, want)
		}
	}
}
