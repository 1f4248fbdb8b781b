package release

import (
	"fmt"

	"github.com/nkcorpus/builder/capture"
	"github.com/nkcorpus/builder/schema"
)

// Manifest describes a release: what it holds, what it was built from and by.
// No wall-clock time goes into it, so the same inputs and builder give the
// same bytes.
type Manifest struct {
	Dataset       string    `json:"dataset"`
	Version       string    `json:"version"`
	SchemaVersion string    `json:"schema_version"`
	Builder       Builder   `json:"builder"`
	About         About     `json:"about"`
	Options       Options   `json:"options"`
	Records       int       `json:"records"`
	Inputs        []Input   `json:"inputs"`
	Sources       *Sources  `json:"sources"`
	Gazetteer     Gazetteer `json:"gazetteer"`
	Outlets       Outlets   `json:"outlets"`
	Outputs       []Output  `json:"outputs"`
	Counts        Counts    `json:"counts"`
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

// Options are the build options that change a release's bytes, so that
// the release can be built again to the byte. The files that change them
// are recorded with their checksums: the gazetteer in Gazetteer, sources.tsv
// in Sources.
type Options struct {
	// DuplicateWindow is how many earlier records, in id order, each record
	// is compared with for near-duplicates; 0 compares with all of them.
	DuplicateWindow int `json:"duplicate_window"`
	// MaxFileSize is the size in bytes past which a capture is skipped.
	MaxFileSize int64 `json:"max_file_size"`
	// ShardSize is the JSONL bytes past which the data files are cut into
	// shards (0: DefaultShardSize).
	ShardSize int64 `json:"shard_size"`
}

// Input is one file of the input folder: the records it produced, or why it
// was skipped.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256,omitempty"`
	Bytes  int64  `json:"bytes"`
	// Compression is the compression the file was read through: gzip,
	// zstd or bzip2.
	Compression string `json:"compression,omitempty"`
	// MediaType is text/plain or text/html for a file that is one capture.
	MediaType string    `json:"media_type,omitempty"`
	Encoding  string    `json:"encoding,omitempty"`
	Layout    string    `json:"layout,omitempty"`
	Records   int       `json:"records"`
	WARC      *WARC     `json:"warc,omitempty"`
	Skipped   string    `json:"skipped,omitempty"`
	Dropped   []Dropped `json:"dropped,omitempty"`
	Warnings  []string  `json:"warnings,omitempty"`
}

// LayoutWARC is the layout of an input that is a WARC file; its records'
// layouts are their captures'.
const LayoutWARC = "warc"

// WARC is what a WARC file held, as capture.Read counts it: its records,
// the captures among them, why the others are not captures, and what could
// not be read. The manifest writes it as it is.
type WARC = capture.WARC

// Dropped is an item found in an input that yields no record, or a capture
// of a WARC that gave nothing to read (then Position, Record and Offset
// name its WARC record).
type Dropped struct {
	Position  int    `json:"position,omitempty"`
	Record    string `json:"record,omitempty"`
	Offset    *int64 `json:"offset,omitempty"`
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

// Outlets describes the outlet registry outlets were named from.
type Outlets struct {
	Entries int    `json:"entries"`
	Files   []File `json:"files"`
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
// dropped items, ignored sources.tsv rows and values, each naming its file
// and, where there is one, its line.
func (m *Manifest) Problems() []string {
	var out []string
	for _, in := range m.Inputs {
		if in.Skipped != "" {
			out = append(out, fmt.Sprintf("%s: skipped: %s", in.Path, in.Skipped))
		}
		for _, d := range in.Dropped {
			switch {
			case d.Offset != nil && d.LineStart == 0:
				out = append(out, fmt.Sprintf("%s: WARC record %d at byte %d: capture dropped: %s", in.Path, d.Position, *d.Offset, d.Reason))
			case d.Offset != nil:
				out = append(out, fmt.Sprintf("%s: WARC record %d at byte %d: lines %d-%d: item dropped: %s", in.Path, d.Position, *d.Offset, d.LineStart, d.LineEnd, d.Reason))
			default:
				out = append(out, fmt.Sprintf("%s:%d-%d: item dropped: %s", in.Path, d.LineStart, d.LineEnd, d.Reason))
			}
		}
		if in.WARC != nil {
			for _, d := range in.WARC.Damage {
				out = append(out, fmt.Sprintf("%s: byte %d: WARC damage: %s", in.Path, d.Offset, d.Problem))
			}
		}
	}
	if m.Sources != nil {
		out = append(out, m.Sources.Ignored...)
		out = append(out, m.Sources.Warnings...)
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
