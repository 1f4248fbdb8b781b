// Package schema defines the corpus record (record schema 1.1.0 of DESIGN.md)
// and the rules every record follows. The same Go types drive the JSONL and
// the Parquet encodings, so the two cannot drift apart.
package schema

import (
	"encoding/json"
	"fmt"
	"time"
)

// Version is the record schema version. Removing or retyping a field is a new
// major version; adding a nullable field is a minor one.
const Version = "1.1.0"

// Record is one article or post. Columns of few distinct values are
// dictionary-encoded in Parquet.
type Record struct {
	ID                 string    `json:"id" parquet:"id"`
	Source             Source    `json:"source" parquet:"source"`
	Layout             string    `json:"layout" parquet:"layout,dict"`
	URL                *string   `json:"url" parquet:"url,optional"`
	Outlet             *string   `json:"outlet" parquet:"outlet,optional,dict"`
	OutletCountry      *string   `json:"outlet_country" parquet:"outlet_country,optional,dict"`
	Title              *string   `json:"title" parquet:"title,optional"`
	Section            *string   `json:"section" parquet:"section,optional,dict"`
	Date               *Date     `json:"date" parquet:"date,optional,date"`
	Retrieved          *Date     `json:"retrieved" parquet:"retrieved,optional,date"`
	DatePrecision      *string   `json:"date_precision" parquet:"date_precision,optional,dict"`
	DateText           *string   `json:"date_text" parquet:"date_text,optional"`
	Byline             []string  `json:"byline" parquet:"byline,list"`
	Body               string    `json:"body" parquet:"body"`
	Language           string    `json:"language" parquet:"language,dict"`
	LanguageConfidence float64   `json:"language_confidence" parquet:"language_confidence"`
	Mentions           []Mention `json:"mentions" parquet:"mentions,list"`
	WordCount          int32     `json:"word_count" parquet:"word_count"`
	DuplicateOf        *string   `json:"duplicate_of" parquet:"duplicate_of,optional"`
}

// Source says where a record came from.
type Source struct {
	Path      string `json:"path" parquet:"path,dict"`
	SHA256    string `json:"sha256" parquet:"sha256,dict"`
	Encoding  string `json:"encoding" parquet:"encoding,dict"`
	LineStart int32  `json:"line_start" parquet:"line_start"`
	LineEnd   int32  `json:"line_end" parquet:"line_end"`
	// MediaType is the capture's media type: text/plain or text/html.
	MediaType string `json:"media_type" parquet:"media_type,dict"`
	// Record and Offset locate a capture inside a WARC file: its
	// WARC-Record-ID and the byte offset where the record starts, so the
	// exact capture can be fetched again. Both are null for other files.
	Record *string `json:"record" parquet:"record,optional"`
	Offset *int64  `json:"offset" parquet:"offset,optional"`
}

// Mention links a span of the body to a gazetteer entity. Start and End are
// Unicode code-point offsets into Body, End exclusive.
type Mention struct {
	Entity  string `json:"entity" parquet:"entity,dict"`
	Name    string `json:"name" parquet:"name,dict"`
	Kind    string `json:"kind" parquet:"kind,dict"`
	Surface string `json:"surface" parquet:"surface,dict"`
	Start   int32  `json:"start" parquet:"start"`
	End     int32  `json:"end" parquet:"end"`
}

// Media types of captures.
const (
	MediaText = "text/plain"
	MediaHTML = "text/html"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Date is a calendar date stored as days since 1970-01-01, which is what the
// Parquet DATE type holds; in JSON it is "YYYY-MM-DD".
type Date int32

const dateLayout = "2006-01-02"

// DateOf returns the calendar date of t, ignoring its clock time.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	return Date(days)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func (d Date) String() string { return d.Time().Format(dateLayout) }

// ParseDate reads a "YYYY-MM-DD" date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return 0, err
	}
	return DateOf(t), nil
}

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	*d = parsed
	return nil
}
