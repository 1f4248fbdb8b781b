package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDateJSON(t *testing.T) {
	d, err := ParseDate("2024-04-18")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil || string(b) != `"2024-04-18"` || int32(d) != 19831 {
		t.Errorf("2024-04-18 = %s (day %d, %v); want \"2024-04-18\", day 19831", b, int32(d), err)
	}
	var back Date
	if err := json.Unmarshal(b, &back); err != nil || back != d {
		t.Errorf("round trip = %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`"2024-13-01"`), &back); err == nil {
		t.Error("2024-13-01 was accepted")
	}
}

func valid() Record {
	body := "Stepanakert is Khankendi."
	return Record{
		ID:       "001_x#1",
		Source:   Source{Path: "001_x.txt", SHA256: "ab", Encoding: "utf-8", LineStart: 1, LineEnd: 3, MediaType: MediaText},
		Layout:   "plain",
		Byline:   []string{},
		Body:     body,
		Language: "en", LanguageConfidence: 0.9,
		Mentions:  []Mention{{Entity: "place/khankendi", Surface: "Stepanakert", Start: 0, End: 11}, {Entity: "place/khankendi", Surface: "Khankendi", Start: 15, End: 24}},
		WordCount: WordCount(body),
	}
}

func TestCheck(t *testing.T) {
	if errs := Check(valid()); errs != nil {
		t.Fatalf("valid record: %v", errs)
	}
	day := PrecisionDay
	tests := []struct {
		name   string
		break_ func(*Record)
		want   string
	}{
		{"id", func(r *Record) { r.ID = "001_x" }, "is not <path>#<ordinal>"},
		{"empty body", func(r *Record) { r.Body, r.WordCount, r.Mentions = " ", 0, []Mention{} }, "body is empty"},
		{"invalid utf-8", func(r *Record) { r.Body = "a\xffb"; r.WordCount = WordCount(r.Body); r.Mentions = []Mention{} }, "not valid UTF-8"},
		{"not NFC", func(r *Record) { r.Body = "Xanke\u0301ndi"; r.WordCount = 1; r.Mentions = []Mention{} }, "not NFC"},
		{"null byline", func(r *Record) { r.Byline = nil }, "must be arrays"},
		{"precision without date", func(r *Record) { r.DatePrecision = &day }, "both set or both null"},
		{"media type", func(r *Record) { r.Source.MediaType = "image/png" }, "media_type"},
		{"record without offset", func(r *Record) { id := "<urn:uuid:1>"; r.Source.Record = &id }, "both set (a WARC capture)"},
		{"negative offset", func(r *Record) { id, off := "<urn:uuid:1>", int64(-1); r.Source.Record, r.Source.Offset = &id, &off }, "offset -1 is negative"},
		{"word count", func(r *Record) { r.WordCount = 99 }, "word_count 99"},
		{"mention out of range", func(r *Record) { r.Mentions[1].End = 99 }, "out of range"},
		{"mention surface", func(r *Record) { r.Mentions[1].Surface = "Shusha" }, `surface "Shusha"`},
		{"mention order", func(r *Record) { r.Mentions[0], r.Mentions[1] = r.Mentions[1], r.Mentions[0] }, "not sorted"},
		{"lines", func(r *Record) { r.Source.LineStart = 0 }, "not a 1-based range"},
		{"confidence", func(r *Record) { r.LanguageConfidence = 1.5 }, "outside 0-1"},
		{"NUL in the body", func(r *Record) { r.Body += "\x00" }, "body holds control character U+0000"},
		{"control in the title", func(r *Record) { t := "a\x1bb"; r.Title = &t }, "title holds control character U+001B"},
		{"C1 control in a byline", func(r *Record) { r.Byline = []string{"ok", "A\u0085B"} }, "byline[1] holds control character U+0085"},
		{"DEL in a nested field", func(r *Record) { r.Source.Encoding = "utf\x7f8" }, "source.encoding holds control character U+007F"},
		{"invalid UTF-8 in a mention", func(r *Record) { r.Mentions[0].Kind = "pl\xffce" }, "mentions[0].kind is not valid UTF-8"},
		{"carriage return", func(r *Record) { t := "a\r\nb"; r.DateText = &t }, "date_text holds control character U+000D"},
		{"path not escaped", func(r *Record) { r.Source.Path = "001#x.txt" }, `source path "001#x.txt" is not spelled as EscapePath spells a path`},
		{"path badly escaped", func(r *Record) { r.Source.Path = "001%zz.txt" }, "is not spelled as EscapePath"},
		{"mention surface in Cyrillic", func(r *Record) {
			r.Body, r.WordCount = "В Ханкенди тихо.", 3
			r.Mentions = []Mention{{Entity: "place/khankendi", Surface: "Ханкенди", Start: 2, End: 9}}
		}, `surface "Ханкенди" but body holds "Ханкенд"`},
	}
	for _, tt := range tests {
		r := valid()
		tt.break_(&r)
		errs := Check(r)
		found := false
		for _, err := range errs {
			found = found || strings.Contains(err.Error(), tt.want)
		}
		if !found {
			t.Errorf("%s: Check = %v, want an error containing %q", tt.name, errs, tt.want)
		}
	}
}

// TestCheckText: newline and tab are the control characters a field may
// hold; escaped path characters and code-point offsets past ASCII are valid.
func TestCheckText(t *testing.T) {
	r := valid()
	title := "Line one\nline two\tand a tab"
	r.Title, r.Source.Path = &title, "001%23x%40y.txt"
	r.Body, r.WordCount = "В Ханкенди тихо.\n\nКонец.", 4
	r.Mentions = []Mention{{Entity: "place/khankendi", Surface: "Ханкенди", Start: 2, End: 10}, {Entity: "x/end", Surface: "Конец.", Start: 18, End: 24}}
	if errs := Check(r); errs != nil {
		t.Errorf("Check = %v", errs)
	}
}

func TestWordCount(t *testing.T) {
	if got := WordCount("Bu gün — Ağdamın 2 il ötür. • #Kalbajar"); got != 7 {
		t.Errorf("WordCount = %d, want 7 (dash and bullet are not words)", got)
	}
}

// TestEveryFieldDescribed: a field added to Record without a description
// fails here, before it reaches the documents made from Fields.
func TestEveryFieldDescribed(t *testing.T) {
	var walk func(prefix string, fields []Field)
	walk = func(prefix string, fields []Field) {
		for _, f := range fields {
			if f.Description == "" {
				t.Errorf("field %s%s has no description", prefix, f.Name)
			}
			walk(prefix+f.Name+".", f.Fields)
		}
	}
	walk("", Fields())
}
