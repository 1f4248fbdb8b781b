package release

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DatasetFile is the optional file in the input folder that says who made
// the dataset, under which licence, and where it lives:
//
//	{
//	  "creator": {"name": "Caucasus Media Lab", "url": "https://example.org", "type": "organization"},
//	  "license": {"name": "cc-by-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
//	  "url": "https://example.org/karabakh-corpus",
//	  "citation": "@misc{...}"
//	}
//
// Every key is optional; an unknown key is an error. The build flags
// --creator, --license and --url override it, and DefaultAbout fills what
// neither gives.
const DatasetFile = "dataset.json"

// maxDatasetFile bounds what is read of DatasetFile.
const maxDatasetFile = 1 << 20

// About is what a release says of its dataset beyond the data: the card's
// and the Croissant file's creator, licence, home page, citation and date.
type About struct {
	Creator  Party   `json:"creator"`
	License  License `json:"license"`
	URL      string  `json:"url"`
	Citation string  `json:"citation,omitempty"`
	// Published is the release date, YYYY-MM-DD: from SOURCE_DATE_EPOCH,
	// or else the commit time the builder was built from; never the clock.
	// Empty when neither is known.
	Published string `json:"published,omitempty"`
}

// Party is a person or an organisation.
type Party struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
	Type string `json:"type,omitempty"` // "person" or "organization" (the default)
}

// License names the licence of the texts; URL links its terms. Without a
// URL the terms are the release's LICENSE file.
type License struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// What the defaults say.
const (
	homepage       = "https://github.com/nkcorpus/builder"
	defaultCreator = "nkcorpus"
	defaultLicense = "publishers-copyright"
	licenseNote    = "The texts remain the property of their publishers and authors; the corpus is distributed for research on how the conflict is reported, " +
		"and a use beyond quotation for research may need their permission. The builder's code and the gazetteer are the project's own."
)

// DefaultAbout is what a release says without a dataset file or flags.
func DefaultAbout() About {
	return About{
		Creator: Party{Name: defaultCreator, URL: "https://github.com/nkcorpus", Type: "organization"},
		License: License{Name: defaultLicense},
		URL:     homepage,
	}
}

// ReadAbout reads the dataset file of an input folder; a folder without one
// gives an empty About.
func ReadAbout(inputDir string) (About, error) {
	var a About
	path := filepath.Join(inputDir, DatasetFile)
	info, err := os.Lstat(path)
	if os.IsNotExist(err) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	if !info.Mode().IsRegular() {
		return a, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return a, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxDatasetFile+1))
	if err != nil {
		return a, err
	}
	if len(raw) > maxDatasetFile {
		return a, fmt.Errorf("%s: larger than %d bytes", path, maxDatasetFile)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	return a, a.check(path)
}

// check refuses what the documents could not carry.
func (a About) check(where string) error {
	for name, u := range map[string]string{"url": a.URL, "creator url": a.Creator.URL, "license url": a.License.URL} {
		if u == "" {
			continue
		}
		parsed, err := url.Parse(u)
		if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			return fmt.Errorf("%s: %s %q is not an http or https URL", where, name, u)
		}
	}
	if t := a.Creator.Type; t != "" && t != "person" && t != "organization" {
		return fmt.Errorf("%s: creator type %q is not person or organization", where, t)
	}
	return nil
}

// Merge returns a with the fields that b sets replaced by b's.
func (a About) Merge(b About) About {
	set := func(dst *string, src string) {
		if src != "" {
			*dst = src
		}
	}
	if b.Creator.Name != "" {
		// A new creator does not keep the old one's URL.
		a.Creator = Party{Name: b.Creator.Name, Type: "organization"}
	}
	set(&a.Creator.URL, b.Creator.URL)
	set(&a.Creator.Type, b.Creator.Type)
	switch {
	case b.License.Name != "":
		a.License = b.License
	case b.License.URL != "" && a.License.URL == "":
		// A URL alone replaces terms that had none: the licence is no
		// longer the one named.
		a.License = License{Name: "other", URL: b.License.URL}
	case b.License.URL != "":
		a.License.URL = b.License.URL
	}
	set(&a.URL, b.URL)
	set(&a.Citation, b.Citation)
	set(&a.Published, b.Published)
	return a
}

// Check refuses what the flags gave that the documents could not carry.
func (a About) Check() error { return a.check("dataset") }

// PublishedDate is the release date: SOURCE_DATE_EPOCH (seconds since
// 1970) if set, else the builder's commit time (RFC 3339), else "".
func PublishedDate(sourceDateEpoch string, b Builder) (string, error) {
	if sourceDateEpoch != "" {
		secs, err := strconv.ParseInt(strings.TrimSpace(sourceDateEpoch), 10, 64)
		if err != nil || secs < 0 {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970", sourceDateEpoch)
		}
		return time.Unix(secs, 0).UTC().Format(time.DateOnly), nil
	}
	if b.Time == "" {
		return "", nil
	}
	t, err := time.Parse(time.RFC3339, b.Time)
	if err != nil {
		return "", fmt.Errorf("builder commit time %q: %w", b.Time, err)
	}
	return t.UTC().Format(time.DateOnly), nil
}
