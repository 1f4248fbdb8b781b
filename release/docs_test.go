package release_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

func readManifest(t testing.TB, dir string) release.Manifest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, release.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m release.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestJSONSchema validates every record of the seeds' build against the
// release's corpus.schema.json, and checks the schema rejects broken ones.
func TestJSONSchema(t *testing.T) {
	dir := buildRelease(t)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	doc, err := jsonschema.UnmarshalJSON(mustOpen(t, filepath.Join(dir, release.SchemaFile)))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("corpus.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("corpus.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	scanner := bufio.NewScanner(mustOpen(t, filepath.Join(dir, release.JSONLFile)))
	scanner.Buffer(nil, 16<<20)
	var first []byte
	for line := 1; scanner.Scan(); line++ {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(scanner.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("corpus.jsonl:%d: %v", line, err)
		}
		if first == nil {
			first = append([]byte(nil), scanner.Bytes()...)
		}
	}
	for name, breakIt := range map[string]func(map[string]any){
		"no body":           func(r map[string]any) { delete(r, "body") },
		"empty body":        func(r map[string]any) { r["body"] = "" },
		"unknown field":     func(r map[string]any) { r["extra"] = 1 },
		"byline not a list": func(r map[string]any) { r["byline"] = "AzeMedia" },
		"bad date":          func(r map[string]any) { r["date"] = "22 August 2023" },
		"bad precision":     func(r map[string]any) { r["date_precision"] = "week" },
		"mention no offset": func(r map[string]any) { delete(r["mentions"].([]any)[0].(map[string]any), "start") },
	} {
		var r map[string]any
		if err := json.Unmarshal(first, &r); err != nil {
			t.Fatal(err)
		}
		breakIt(r)
		b, _ := json.Marshal(r)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err := sch.Validate(inst); err == nil {
			t.Errorf("%s: the schema accepted the record", name)
		}
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestDatasetCard checks the card's YAML header and sections against the
// release it describes.
func TestDatasetCard(t *testing.T) {
	dir := buildRelease(t)
	m := readManifest(t, dir)
	raw, err := os.ReadFile(filepath.Join(dir, release.CardFile))
	if err != nil {
		t.Fatal(err)
	}
	card := string(raw)
	header, body, ok := strings.Cut(strings.TrimPrefix(card, "---\n"), "\n---\n")
	if !strings.HasPrefix(card, "---\n") || !ok {
		t.Fatalf("no YAML header:\n%s", card[:200])
	}
	for _, want := range []string{
		"pretty_name: Karabakh News Corpus", "language:\n- az\n- en\n- fr\n", "license: other",
		"size_categories:\n- n<1K", "task_categories:", "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: corpus.parquet",
	} {
		if !strings.Contains(header, want) {
			t.Errorf("card header lacks %q", want)
		}
	}
	if strings.Contains(header, "- und") {
		t.Error("the card lists und as a language")
	}
	for _, want := range []string{
		"# Karabakh News Corpus (v1.0.0)", "28 records from 5 source files",
		"| outlet | records |", "| Tumblr | 15 |", "| language | records |", "| en | 21 |",
		"| layout | records |", "| digest | 10 |", "| month | records |", "| 2023-10 | 10 |", "| (none) | 16 |",
		"| `mentions.surface` | string |", "| `date` | date or null |", "| `byline` | list of string |",
		"pd.read_parquet", "pl.read_parquet", "FROM 'corpus.parquet'", "load_dataset(\"parquet\"",
		"| `001_5e29adcfeed8e22f.txt` | 66757 | `7c7205611dbb1a1c1946a7d0ead83e8d0da1140d22dbc992ed7d62544b54d086` | utf-8 | digest | 10 |",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	for _, o := range m.Outputs {
		if o.Path != release.CardFile && !strings.Contains(body, o.SHA256) {
			t.Errorf("card lacks the checksum of %s", o.Path)
		}
	}
}

// TestCroissant checks the Croissant file's distribution against the
// manifest and its fields against the schema.
func TestCroissant(t *testing.T) {
	dir := buildRelease(t)
	m := readManifest(t, dir)
	raw, err := os.ReadFile(filepath.Join(dir, release.CroissantFile))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context      map[string]any `json:"@context"`
		Type         string         `json:"@type"`
		ConformsTo   string         `json:"conformsTo"`
		Name         string
		Description  string
		License      string
		URL          string
		Version      string
		Distribution []struct {
			ID             string `json:"@id"`
			ContentURL     string
			EncodingFormat string
			SHA256         string
		}
		RecordSet []struct {
			Field []struct {
				Name     string
				DataType string
				Repeated bool
				SubField []struct{ Name string }
			}
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Type != "sc:Dataset" || doc.ConformsTo != "http://mlcommons.org/croissant/1.0" || doc.Context["cr"] != "http://mlcommons.org/croissant/" ||
		doc.Name != "karabakh-news-corpus" || doc.Version != "1.0.0" || doc.License == "" || doc.URL == "" || doc.Description == "" {
		t.Errorf("dataset metadata: %+v", doc)
	}
	sums := map[string]string{}
	for _, o := range m.Outputs {
		sums[o.Path] = o.SHA256
	}
	if len(doc.Distribution) != 2 {
		t.Errorf("distribution has %d files, want the JSONL and the Parquet", len(doc.Distribution))
	}
	for _, d := range doc.Distribution {
		if d.SHA256 != sums[d.ContentURL] || d.EncodingFormat == "" {
			t.Errorf("%s: sha256 %s, manifest %s", d.ContentURL, d.SHA256, sums[d.ContentURL])
		}
	}
	fields := schema.Fields()
	if len(doc.RecordSet) != 1 || len(doc.RecordSet[0].Field) != len(fields) {
		t.Fatalf("record set: %+v", doc.RecordSet)
	}
	for i, f := range doc.RecordSet[0].Field {
		want := fields[i]
		if f.Name != want.Name || (want.Kind == "list") != f.Repeated || len(f.SubField) != len(want.Fields) {
			t.Errorf("field %d: %+v, want %s", i, f, want.Name)
		}
		if want.Fields == nil && f.DataType == "" {
			t.Errorf("field %s has no dataType", f.Name)
		}
	}
}

// TestSHA256SUMS runs sha256sum -c on a release, as a user would.
func TestSHA256SUMS(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("sha256sum is not installed")
	}
	dir := buildRelease(t)
	check := func() (string, error) {
		cmd := exec.Command("sha256sum", "--strict", "-c", release.SumsFile)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := check(); err != nil || strings.Count(out, ": OK") != 6 {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(dir, release.CardFile), []byte("tampered"), 0o644)
	if out, err := check(); err == nil || !strings.Contains(out, "README.md: FAILED") {
		t.Errorf("sha256sum -c passed a tampered card: %s", out)
	}
}
