package release

import (
	"fmt"

	"github.com/nkcorpus/builder/schema"
)

// Manifest describes a release: what it holds, what it was built from and by.
// No wall-clock time goes into it, so the same inputs and builder give the
// same bytes.
type Manifest struct {
	Dataset       string  `json:"dataset"`
	Version       string  `json:"version"`
	SchemaVersion string  `json:"schema_version"`
	Builder       Builder `json:"builder"`
	About         About   `json:"about"`
	// ShardSize is the JSONL bytes past which the data is cut into shards
	// (0: DefaultShardSize).
	ShardSize int64     `json:"shard_size,omitempty"`
	Records   int       `json:"records"`
	Inputs    []Input   `json:"inputs"`
	Sources   *Sources  `json:"sources"`
	Gazetteer Gazetteer `json:"gazetteer"`
	Outputs   []Output  `json:"outputs"`
	Counts    Counts    `json:"counts"`
}

// Builder identifies the program that built a release.
type Builder struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Revision string `json:"revision"`
	// Time is the commit time of the revision (RFC 3339), when the binary
	// records it.
	Time string `json:"time,omitempty"`
}

// Input is one file of the input folder: the records it produced, or why it
// was skipped.
type Input struct {
	Path     string    `json:"path"`
	SHA256   string    `json:"sha256,omitempty"`
	Bytes    int64     `json:"bytes"`
	Encoding string    `json:"encoding,omitempty"`
	Layout   string    `json:"layout,omitempty"`
	Records  int       `json:"records"`
	Skipped  string    `json:"skipped,omitempty"`
	Dropped  []Dropped `json:"dropped,omitempty"`
	Warnings []string  `json:"warnings,omitempty"`
}

// Dropped is an item found in an input that yields no record.
type Dropped struct {
	LineStart int    `json:"line_start"`
	LineEnd   int    `json:"line_end"`
	Reason    string `json:"reason"`
}

// Sources describes the sources.tsv that was read.
type Sources struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
	// Ignored are the rows left out, each "sources.tsv:LINE: why".
	Ignored  []string `json:"ignored,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Gazetteer describes the gazetteer mentions were matched against.
type Gazetteer struct {
	Entities int    `json:"entities"`
	Files    []File `json:"files"`
}

// File is a file identified by its checksum.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Output is one data file of the release.
type Output struct {
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	Bytes   int64  `json:"bytes"`
	Records int    `json:"records"`
}

// Counts tallies records by layout, outlet, language and month of
// publication ("2023-10"; "2023" for a date known to the year).
type Counts struct {
	Layout   map[string]int `json:"layout"`
	Outlet   map[string]int `json:"outlet"`
	Language map[string]int `json:"language"`
	Month    map[string]int `json:"month"`
}

// Problems lists, one a line, what the build left out: skipped inputs,
// dropped items and ignored sources.tsv rows, each naming its file and, where
// there is one, its line.
func (m *Manifest) Problems() []string {
	var out []string
	for _, in := range m.Inputs {
		if in.Skipped != "" {
			out = append(out, fmt.Sprintf("%s: skipped: %s", in.Path, in.Skipped))
		}
		for _, d := range in.Dropped {
			out = append(out, fmt.Sprintf("%s:%d-%d: item dropped: %s", in.Path, d.LineStart, d.LineEnd, d.Reason))
		}
	}
	if m.Sources != nil {
		out = append(out, m.Sources.Ignored...)
	}
	return out
}

// Unknown is the key counting records whose outlet or date is unknown.
const Unknown = "(none)"

// Add counts one record.
func (c *Counts) Add(r schema.Record) {
	c.Layout[r.Layout]++
	c.Language[r.Language]++
	outlet, month := Unknown, Unknown
	if r.Outlet != nil {
		outlet = *r.Outlet
	}
	if r.Date != nil {
		month = r.Date.String()[:7]
		if *r.DatePrecision == schema.PrecisionYear {
			month = month[:4]
		}
	}
	c.Outlet[outlet]++
	c.Month[month]++
}

// NewCounts returns empty counts.
func NewCounts() Counts {
	return Counts{Layout: map[string]int{}, Outlet: map[string]int{}, Language: map[string]int{}, Month: map[string]int{}}
}

// Skipped lists the inputs that produced no records.
func (m *Manifest) Skipped() []Input {
	var out []Input
	for _, in := range m.Inputs {
		if in.Skipped != "" {
			out = append(out, in)
		}
	}
	return out
}
