package release

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/nkcorpus/builder/schema"
)

// Files of a release beside the data and the manifest.
const (
	CardFile      = "README.md"
	SchemaFile    = "corpus.schema.json"
	CroissantFile = "croissant.json"
	SumsFile      = "SHA256SUMS"
)

// What the dataset is, for the card and the Croissant file.
const (
	prettyName  = "Karabakh News Corpus"
	description = "News articles, digest items, analyses and social posts about the Armenia–Azerbaijan conflict over Nagorno-Karabakh, " +
		"extracted from raw text captures: one record per article or post with outlet, title, date, byline, body, language, " +
		"gazetteer entity mentions and near-duplicate links."
	homepage    = "https://github.com/nkcorpus/builder"
	license     = "other"
	licenseNote = "The texts remain the property of their publishers and authors; the corpus is distributed for research on how the conflict is reported. " +
		"The builder's code and the gazetteer are the project's own."
)

// datasetCard writes the Hugging Face dataset card of a release.
func datasetCard(m Manifest) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "pretty_name: %s\n", prettyName)
	b.WriteString("language:\n")
	for _, lang := range sortedKeys(m.Counts.Language) {
		if lang != "und" {
			fmt.Fprintf(&b, "- %s\n", lang)
		}
	}
	fmt.Fprintf(&b, "license: %s\n", license)
	b.WriteString("license_name: publishers-copyright\n")
	fmt.Fprintf(&b, "size_categories:\n- %s\n", sizeCategory(m.Records))
	b.WriteString("task_categories:\n- text-classification\n- token-classification\n- feature-extraction\n")
	b.WriteString("tags:\n- news\n- armenia\n- azerbaijan\n- nagorno-karabakh\n- entity-linking\n")
	b.WriteString("configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: corpus.parquet\n")
	b.WriteString("---\n\n")

	fmt.Fprintf(&b, "# %s (%s)\n\n%s\n\n", prettyName, m.Version, description)
	fmt.Fprintf(&b, "%d records from %d source files. Dataset `%s`, version `%s`, record schema %s, built by `%s` %s revision `%s`. "+
		"`manifest.json` lists every input and output with its checksum; `SHA256SUMS` checks the files (`sha256sum -c SHA256SUMS`).\n\n",
		m.Records, len(m.Inputs), m.Dataset, m.Version, m.SchemaVersion, m.Builder.Module, m.Builder.Version, m.Builder.Revision)

	b.WriteString("## Counts\n\n")
	for _, c := range []struct {
		title  string
		counts map[string]int
		byKey  bool
	}{{"Outlet", m.Counts.Outlet, false}, {"Language", m.Counts.Language, false}, {"Layout", m.Counts.Layout, false}, {"Month", m.Counts.Month, true}} {
		fmt.Fprintf(&b, "| %s | records |\n|---|---:|\n", strings.ToLower(c.title))
		keys := sortedKeys(c.counts)
		if !c.byKey {
			sort.SliceStable(keys, func(i, j int) bool { return c.counts[keys[i]] > c.counts[keys[j]] })
		}
		for _, k := range keys {
			fmt.Fprintf(&b, "| %s | %d |\n", cell(k), c.counts[k])
		}
		b.WriteString("\n")
	}

	b.WriteString("## Schema\n\nEvery field is present in every record (null or empty when unknown). " +
		"`corpus.schema.json` is the JSON Schema of a line of `corpus.jsonl`; `corpus.parquet` has the same columns.\n\n")
	b.WriteString("| field | type | meaning |\n|---|---|---|\n")
	var table func(prefix string, fields []schema.Field)
	table = func(prefix string, fields []schema.Field) {
		for _, f := range fields {
			typ := f.Kind
			if f.Kind == "list" {
				typ = "list of " + f.Item
			}
			if f.Nullable {
				typ += " or null"
			}
			fmt.Fprintf(&b, "| `%s%s` | %s | %s |\n", prefix, f.Name, typ, cell(f.Description))
			table(prefix+f.Name+".", f.Fields)
		}
	}
	table("", schema.Fields())

	b.WriteString("\n## Loading\n\n")
	b.WriteString("```python\nimport pandas as pd\ndf = pd.read_parquet(\"corpus.parquet\")\n```\n\n")
	b.WriteString("```python\nimport polars as pl\ndf = pl.read_parquet(\"corpus.parquet\")\n```\n\n")
	b.WriteString("```sql\n-- DuckDB\nSELECT outlet, language, count(*) FROM 'corpus.parquet' GROUP BY ALL;\n" +
		"SELECT m.entity, m.surface, count(*) FROM (SELECT unnest(mentions) AS m FROM 'corpus.parquet') GROUP BY ALL;\n```\n\n")
	b.WriteString("```python\nfrom datasets import load_dataset\nds = load_dataset(\"parquet\", data_files=\"corpus.parquet\", split=\"train\")\n```\n\n")
	b.WriteString("NLP pipelines can stream `corpus.jsonl`, one record a line, in id order.\n\n")

	b.WriteString("## Files\n\n| file | bytes | sha256 |\n|---|---:|---|\n")
	for _, o := range m.Outputs {
		fmt.Fprintf(&b, "| `%s` | %d | `%s` |\n", o.Path, o.Bytes, o.SHA256)
	}
	b.WriteString("\n## Source files\n\n| file | bytes | sha256 | encoding | layout | records |\n|---|---:|---|---|---|---|\n")
	for _, in := range m.Inputs {
		records := fmt.Sprint(in.Records)
		if in.Skipped != "" {
			records = "skipped: " + in.Skipped
		}
		fmt.Fprintf(&b, "| `%s` | %d | `%s` | %s | %s | %s |\n", in.Path, in.Bytes, in.SHA256, in.Encoding, in.Layout, cell(records))
	}
	fmt.Fprintf(&b, "\n## License\n\n%s\n", licenseNote)
	return b.Bytes()
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func sizeCategory(n int) string {
	switch {
	case n < 1_000:
		return "n<1K"
	case n < 10_000:
		return "1K<n<10K"
	case n < 100_000:
		return "10K<n<100K"
	case n < 1_000_000:
		return "100K<n<1M"
	}
	return "1M<n<10M"
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// croissantContext is the JSON-LD context of Croissant 1.0.
var croissantContext = map[string]any{
	"@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
	"cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
	"dct": "http://purl.org/dc/terms/", "citeAs": "cr:citeAs", "column": "cr:column",
	"conformsTo": "dct:conformsTo", "data": map[string]string{"@id": "cr:data", "@type": "@json"},
	"dataType": map[string]string{"@id": "cr:dataType", "@type": "@vocab"},
	"examples": map[string]string{"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract",
	"field": "cr:field", "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject",
	"fileSet": "cr:fileSet", "format": "cr:format", "includes": "cr:includes",
	"isLiveDataset": "cr:isLiveDataset", "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5",
	"parentField": "cr:parentField", "path": "cr:path", "recordSet": "cr:recordSet",
	"references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated",
	"replace": "cr:replace", "separator": "cr:separator", "source": "cr:source",
	"subField": "cr:subField", "transform": "cr:transform",
}

// croissant writes the MLCommons Croissant metadata of a release: the data
// files with their checksums and the record set read from the Parquet file.
func croissant(m Manifest) ([]byte, error) {
	var distribution []map[string]any
	for _, o := range m.Outputs {
		format := map[string]string{JSONLFile: "application/jsonlines", ParquetFile: "application/x-parquet"}[o.Path]
		if format == "" {
			continue
		}
		distribution = append(distribution, map[string]any{
			"@type": "cr:FileObject", "@id": o.Path, "name": o.Path, "contentUrl": o.Path,
			"contentSize": fmt.Sprintf("%d B", o.Bytes), "encodingFormat": format, "sha256": o.SHA256,
		})
	}
	doc := map[string]any{
		"@context":      croissantContext,
		"@type":         "sc:Dataset",
		"conformsTo":    "http://mlcommons.org/croissant/1.0",
		"name":          m.Dataset,
		"description":   description,
		"license":       licenseNote,
		"url":           homepage,
		"version":       strings.TrimPrefix(m.Version, "v"),
		"distribution":  distribution,
		"isLiveDataset": false,
		"recordSet": []map[string]any{{
			"@type": "cr:RecordSet", "@id": "records", "name": "records",
			"description": "One article or post a record.",
			"key":         map[string]string{"@id": "records/id"},
			"field":       croissantFields("records", "", schema.Fields()),
		}},
	}
	return json.MarshalIndent(doc, "", "  ")
}

func croissantFields(parent, column string, fields []schema.Field) []map[string]any {
	var out []map[string]any
	for _, f := range fields {
		id := parent + "/" + f.Name
		field := map[string]any{"@type": "cr:Field", "@id": id, "name": f.Name, "description": f.Description}
		kind := f.Kind
		if kind == "list" {
			field["repeated"] = true
			kind = f.Item
		}
		if f.Fields != nil {
			field["subField"] = croissantFields(id, f.Name, f.Fields)
		} else {
			field["dataType"] = map[string]string{"string": "sc:Text", "date": "sc:Date", "integer": "sc:Integer", "number": "sc:Float"}[kind]
		}
		source := map[string]any{"fileObject": map[string]string{"@id": ParquetFile}, "extract": map[string]string{"column": f.Name}}
		if column != "" {
			// A nested field is read from its parent's column.
			source["extract"] = map[string]string{"column": column}
			source["transform"] = map[string]string{"jsonPath": f.Name}
		}
		field["source"] = source
		out = append(out, field)
	}
	return out
}
