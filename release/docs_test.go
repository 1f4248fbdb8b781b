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
	for _, c := range schemaRejections {
		var r map[string]any
		if err := json.Unmarshal(first, &r); err != nil {
			t.Fatal(err)
		}
		c.breakIt(r)
		b, err := json.Marshal(r)
		must(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		must(t, err)
		if err := sch.Validate(inst); err == nil {
			t.Errorf("%s: the schema accepted the record", c.name)
		}
	}
	// Without format assertions, as many validators run, the patterns
	// alone must refuse a bad date.
	loose := jsonschema.NewCompiler()
	doc, err = jsonschema.UnmarshalJSON(mustOpen(t, filepath.Join(dir, release.SchemaFile)))
	must(t, err)
	must(t, loose.AddResource("corpus.schema.json", doc))
	looseSch, err := loose.Compile("corpus.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, date := range []string{"2023-13-45", "2023-02-30", "2023-04-31", "2023-00-10", "23-10-01"} {
		var r map[string]any
		must(t, json.Unmarshal(first, &r))
		r["date"], r["date_precision"] = date, "day"
		b, err := json.Marshal(r)
		must(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		must(t, err)
		if err := looseSch.Validate(inst); err == nil {
			t.Errorf("date %s: accepted without format assertions", date)
		}
	}
}

// schemaRejections break a valid record, each as DESIGN.md's rules forbid;
// the JSON Schema must refuse every one (and so must ajv: clients/ajv).
var schemaRejections = []struct {
	name    string
	breakIt func(map[string]any)
}{
	{"no body", func(r map[string]any) { delete(r, "body") }},
	{"empty body", func(r map[string]any) { r["body"] = "" }},
	{"unknown field", func(r map[string]any) { r["extra"] = 1 }},
	{"byline not a list", func(r map[string]any) { r["byline"] = "AzeMedia" }},
	{"empty byline", func(r map[string]any) { r["byline"] = []any{""} }},
	{"bad date", func(r map[string]any) { r["date"] = "22 August 2023" }},
	{"date out of range", func(r map[string]any) { r["date"] = "2023-13-45" }},
	{"bad precision", func(r map[string]any) { r["date_precision"] = "week" }},
	{"precision without date", func(r map[string]any) { r["date"] = nil }},
	{"date without precision", func(r map[string]any) { r["date_precision"] = nil }},
	{"mention no offset", func(r map[string]any) { delete(r["mentions"].([]any)[0].(map[string]any), "start") }},
	{"mention kind", func(r map[string]any) { r["mentions"].([]any)[0].(map[string]any)["kind"] = "city" }},
	{"mention start", func(r map[string]any) { r["mentions"].([]any)[0].(map[string]any)["start"] = -5 }},
	{"mention entity", func(r map[string]any) { r["mentions"].([]any)[0].(map[string]any)["entity"] = "khankendi" }},
	{"unknown layout", func(r map[string]any) { r["layout"] = "newsletter" }},
	{"language name", func(r map[string]any) { r["language"] = "English" }},
	{"language confidence", func(r map[string]any) { r["language_confidence"] = 1.5 }},
	{"country name", func(r map[string]any) { r["outlet_country"] = "Azerbaijan" }},
	{"sha256", func(r map[string]any) { r["source"].(map[string]any)["sha256"] = "xyz" }},
	{"line_start 0", func(r map[string]any) { r["source"].(map[string]any)["line_start"] = 0 }},
	{"media type", func(r map[string]any) { r["source"].(map[string]any)["media_type"] = "image/png" }},
	{"record without offset", func(r map[string]any) { r["source"].(map[string]any)["record"] = "<urn:uuid:1>" }},
	{"offset without record", func(r map[string]any) { r["source"].(map[string]any)["offset"] = 12 }},
	{"negative word count", func(r map[string]any) { r["word_count"] = -1 }},
	{"url scheme", func(r map[string]any) { r["url"] = "javascript:alert(1)" }},
	{"bad id", func(r map[string]any) { r["id"] = "000_01f3686a22a4f32d" }},
	{"retrieved out of range", func(r map[string]any) { r["retrieved"] = "2024-02-30" }},
}

// TestJSONSchemaAccepts checks that the rules admit what the builder may
// write beyond the seeds: a WARC capture's source, an HTML layout, a null
// date with a null precision.
func TestJSONSchemaAccepts(t *testing.T) {
	raw, err := schema.JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	must(t, err)
	must(t, c.AddResource("s.json", doc))
	sch, err := c.Compile("s.json")
	if err != nil {
		t.Fatal(err)
	}
	record := `{"id":"crawl.warc@12#1","source":{"path":"crawl.warc.gz","sha256":"` + strings.Repeat("0", 64) + `","encoding":"utf-8","line_start":1,"line_end":9,` +
		`"media_type":"text/html","record":"<urn:uuid:4f7c>","offset":1234},"layout":"html_article","url":"https://example.org/a","outlet":"Example",` +
		`"outlet_country":"AM","title":null,"section":null,"date":"2024-02-29","retrieved":null,"date_precision":"day","date_text":null,"byline":["A. Writer"],` +
		`"body":"Text.","language":"und","language_confidence":0,"mentions":[],"word_count":1,"duplicate_of":null}`
	for _, layout := range []string{"html_article", "html", "plain", "bare_article"} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(record, "html_article", layout, 1)))
		must(t, err)
		if err := sch.Validate(inst); err != nil {
			t.Errorf("layout %s: %v", layout, err)
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
		"pretty_name: Karabakh News Corpus", "language:\n- az\n- en\n- fr\n", "multilinguality:\n- multilingual\n",
		"license: other\nlicense_name: \"publishers-copyright\"\nlicense_link: \"LICENSE\"\n",
		"annotations_creators:\n- machine-generated\n", "language_creators:\n- found\n", "source_datasets:\n- original\n",
		"task_ids:\n- language-identification\n",
		"size_categories:\n- n<1K", "task_categories:", "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: \"corpus.parquet\"",
		"dataset_info:\n  features:\n  - name: id\n    dtype: string\n  - name: source\n    struct:\n    - name: path\n      dtype: string\n",
		"  - name: date\n    dtype: date32\n", "  - name: byline\n    list: string\n", "  - name: mentions\n    list:\n    - name: entity\n      dtype: string\n",
		"    - name: start\n      dtype: int32\n", "    - name: offset\n      dtype: int64\n", "  - name: language_confidence\n    dtype: float64\n",
		"  splits:\n  - name: train\n    num_bytes: ", "    num_examples: 28\n", "  download_size: ", "  dataset_size: ",
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
		"## Example record\n", "```json\n{\n  \"id\": \"000_01f3686a22a4f32d#1\"",
		"## How the records were made\n", "## Personal information\n", "## Biases and naming\n", "## Known limitations\n", "## Citation\n",
		"Unicode code points", "JavaScript and Java index UTF-16", "`datetime.date` objects", "`convert_dates=False`",
		"- 16 of 28 records (57.1%) have no `date`", "(0 records)", "Khankendi (for Stepanakert)", "both sides' names stay in the data",
		"@misc{karabakh_news_corpus_v1_0_0,", "## License\n\n`publishers-copyright`: The texts remain the property",
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
	license, err := os.ReadFile(filepath.Join(dir, release.LicenseFile))
	if err != nil || !strings.Contains(string(license), "publishers-copyright") {
		t.Errorf("LICENSE: %v\n%s", err, license)
	}
}

// TestCroissant checks the Croissant file against Croissant 1.0: its
// required dataset properties and their types, the distribution against
// the manifest, the fields against the schema, every source naming a file
// of the distribution.
func TestCroissant(t *testing.T) {
	records, _ := seedRecords(t)
	about := release.About{Creator: release.Party{Name: "Caucasus Media Lab", URL: "https://example.org/lab", Type: "organization"},
		License: release.License{Name: "cc-by-4.0", URL: "https://creativecommons.org/licenses/by/4.0/"}, Published: "2025-06-01"}
	for name, m := range map[string]release.Manifest{"defaults": {}, "given": {About: about}, "sharded": {Options: release.Options{ShardSize: 20000}}} {
		t.Run(name, func(t *testing.T) {
			dir := writeRelease(t, m, records)
			checkCroissant(t, dir, m.About)
		})
	}
}

func checkCroissant(t *testing.T, dir string, about release.About) {
	m := readManifest(t, dir)
	raw, err := os.ReadFile(filepath.Join(dir, release.CroissantFile))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context       map[string]any  `json:"@context"`
		Type          string          `json:"@type"`
		ConformsTo    string          `json:"conformsTo"`
		Name          string          `json:"name"`
		Description   string          `json:"description"`
		License       json.RawMessage `json:"license"`
		URL           string          `json:"url"`
		Version       string          `json:"version"`
		DatePublished *string         `json:"datePublished"`
		CiteAs        string          `json:"citeAs"`
		Distribution  []struct {
			Type           string `json:"@type"`
			ID             string `json:"@id"`
			ContentURL     string `json:"contentUrl"`
			EncodingFormat string `json:"encodingFormat"`
			SHA256         string `json:"sha256"`
			Includes       string `json:"includes"`
		}
		RecordSet []struct {
			Field []croissantField
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	creator, _ := mustMap(t, raw)["creator"].(map[string]any)
	if doc.Type != "sc:Dataset" || doc.ConformsTo != "http://mlcommons.org/croissant/1.0" || doc.Context["cr"] != "http://mlcommons.org/croissant/" ||
		doc.Name != "test-corpus" || doc.Version != "1.0.0" || doc.Description == "" || !strings.HasPrefix(doc.CiteAs, "@misc{") {
		t.Errorf("dataset metadata: %+v", doc)
	}
	if !strings.HasPrefix(doc.URL, "https://") {
		t.Errorf("url %q is not a URL", doc.URL)
	}
	if (creator["@type"] != "sc:Organization" && creator["@type"] != "sc:Person") || creator["name"] == "" {
		t.Errorf("creator %v is not an Organization or Person with a name", creator)
	}
	var license any
	must(t, json.Unmarshal(doc.License, &license))
	switch l := license.(type) {
	case string:
		if !strings.HasPrefix(l, "https://") || l != about.License.URL {
			t.Errorf("license %q, want the URL %q", l, about.License.URL)
		}
	case map[string]any:
		if l["@type"] != "sc:CreativeWork" || l["name"] == "" || about.License.URL != "" {
			t.Errorf("license %v is not a CreativeWork with a name", l)
		}
	default:
		t.Errorf("license %s is neither a URL nor a CreativeWork", doc.License)
	}
	if about.Published != "" && (doc.DatePublished == nil || *doc.DatePublished != about.Published) {
		t.Errorf("datePublished = %v, want %s", doc.DatePublished, about.Published)
	}
	if about.Creator.Name != "" && creator["name"] != about.Creator.Name {
		t.Errorf("creator %v, want %s", creator, about.Creator.Name)
	}
	sums := map[string]string{}
	for _, o := range m.Outputs {
		sums[o.Path] = o.SHA256
	}
	ids := map[string]bool{}
	data := 0
	for _, d := range doc.Distribution {
		ids[d.ID] = true
		switch d.Type {
		case "cr:FileObject":
			data++
			if d.SHA256 != sums[d.ContentURL] || d.EncodingFormat == "" || d.ContentURL != d.ID {
				t.Errorf("%s: sha256 %s, manifest %s", d.ContentURL, d.SHA256, sums[d.ContentURL])
			}
		case "cr:FileSet":
			if d.Includes == "" || d.EncodingFormat != "application/x-parquet" {
				t.Errorf("file set %+v", d)
			}
		default:
			t.Errorf("distribution %s has type %s", d.ID, d.Type)
		}
	}
	wantData := 0
	for _, o := range m.Outputs {
		if strings.Contains(o.Path, ".jsonl") || strings.HasSuffix(o.Path, ".parquet") {
			wantData++
		}
	}
	if data != wantData {
		t.Errorf("distribution has %d files, want every data file: %d", data, wantData)
	}
	fields := schema.Fields()
	if len(doc.RecordSet) != 1 || len(doc.RecordSet[0].Field) != len(fields) {
		t.Fatalf("record set: %+v", doc.RecordSet)
	}
	for i, f := range doc.RecordSet[0].Field {
		checkField(t, f, fields[i], ids)
	}
}

type croissantField struct {
	Name     string
	DataType string
	Repeated bool
	SubField []croissantField
	Source   struct {
		FileObject, FileSet *struct {
			ID string `json:"@id"`
		}
		Extract struct{ Column string }
	}
}

var croissantTypes = map[string]bool{"sc:Text": true, "sc:URL": true, "sc:Date": true, "sc:Integer": true, "sc:Float": true}

func checkField(t *testing.T, f croissantField, want schema.Field, ids map[string]bool) {
	t.Helper()
	if f.Name != want.Name || (want.Kind == "list") != f.Repeated || len(f.SubField) != len(want.Fields) {
		t.Errorf("field %+v, want %s", f, want.Name)
	}
	if want.Fields == nil && !croissantTypes[f.DataType] {
		t.Errorf("field %s has dataType %q", f.Name, f.DataType)
	}
	if want.Name == "url" && f.DataType != "sc:URL" {
		t.Errorf("url has dataType %s, want sc:URL", f.DataType)
	}
	from := f.Source.FileObject
	if from == nil {
		from = f.Source.FileSet
	}
	if from == nil || !ids[from.ID] || f.Source.Extract.Column == "" {
		t.Errorf("field %s is read from %+v, not a file of the distribution", f.Name, f.Source)
	}
	for i, sub := range f.SubField {
		checkField(t, sub, want.Fields[i], ids)
	}
}

func mustMap(t *testing.T, raw []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
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
	if out, err := check(); err != nil || strings.Count(out, ": OK") != 8 {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
	must(t, os.WriteFile(filepath.Join(dir, release.CardFile), []byte("tampered"), 0o644))
	if out, err := check(); err == nil || !strings.Contains(out, "README.md: FAILED") {
		t.Errorf("sha256sum -c passed a tampered card: %s", out)
	}
}
