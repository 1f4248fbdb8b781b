package release

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nkcorpus/builder/schema"
)

// croissantContext is the JSON-LD context of Croissant 1.0 (its
// specification's Appendix 1, with the terms of its examples).
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

// Media types of the data files.
var encodingFormats = map[string]string{".jsonl": "application/jsonlines", ".jsonl.gz": "application/gzip", ".parquet": "application/x-parquet"}

// croissant writes the MLCommons Croissant 1.0 metadata of a release: the
// dataset's required properties, the data files with their checksums, and
// the record set read from the Parquet data — one file, or its shards as a
// file set.
func croissant(m Manifest) ([]byte, error) {
	var distribution []map[string]any
	var parquetFiles []string
	for _, o := range m.Outputs {
		format := encodingFormats[dataExt(o.Path)]
		if format == "" {
			continue
		}
		if format == encodingFormats[".parquet"] {
			parquetFiles = append(parquetFiles, o.Path)
		}
		distribution = append(distribution, map[string]any{
			"@type": "cr:FileObject", "@id": o.Path, "name": o.Path, "contentUrl": o.Path,
			"contentSize": fmt.Sprintf("%d B", o.Bytes), "encodingFormat": format, "sha256": o.SHA256,
		})
	}
	source := map[string]any{"fileObject": map[string]string{"@id": ParquetFile}}
	if len(parquetFiles) != 1 {
		glob := parquetGlob(m)
		distribution = append(distribution, map[string]any{
			"@type": "cr:FileSet", "@id": "parquet-shards", "name": "parquet-shards",
			"description":    fmt.Sprintf("The %d Parquet shards, in id order.", len(parquetFiles)),
			"encodingFormat": encodingFormats[".parquet"], "includes": glob,
		})
		source = map[string]any{"fileSet": map[string]string{"@id": "parquet-shards"}}
	}
	doc := map[string]any{
		"@context":      croissantContext,
		"@type":         "sc:Dataset",
		"conformsTo":    "http://mlcommons.org/croissant/1.0",
		"name":          m.Dataset,
		"description":   description,
		"creator":       croissantParty(m.About.Creator),
		"license":       croissantLicense(m.About.License),
		"url":           m.About.URL,
		"version":       strings.TrimPrefix(m.Version, "v"),
		"citeAs":        citation(m),
		"keywords":      []string{"news", "Armenia", "Azerbaijan", "Nagorno-Karabakh", "entity linking"},
		"inLanguage":    languages(m),
		"distribution":  distribution,
		"isLiveDataset": false,
		"recordSet": []map[string]any{{
			"@type": "cr:RecordSet", "@id": "records", "name": "records",
			"description": "One article or post a record.",
			"key":         map[string]string{"@id": "records/id"},
			"field":       croissantFields("records", "", source, schema.Fields()),
		}},
	}
	if m.About.Published != "" {
		doc["datePublished"] = m.About.Published
	}
	return json.MarshalIndent(doc, "", "  ")
}

// dataExt is a data file's extension, ".jsonl.gz" counted as one.
func dataExt(name string) string {
	for _, ext := range []string{".jsonl.gz", ".jsonl", ".parquet"} {
		if strings.HasSuffix(name, ext) {
			return ext
		}
	}
	return ""
}

func croissantParty(p Party) map[string]any {
	typ := "sc:Organization"
	if p.Type == "person" {
		typ = "sc:Person"
	}
	party := map[string]any{"@type": typ, "name": p.Name}
	if p.URL != "" {
		party["url"] = p.URL
	}
	return party
}

// croissantLicense is the licence's URL where there is one; otherwise a
// CreativeWork naming it and its terms, which are the release's LICENSE.
func croissantLicense(l License) any {
	if l.URL != "" {
		return l.URL
	}
	return map[string]any{"@type": "sc:CreativeWork", "name": l.Name, "description": licenseNote}
}

func languages(m Manifest) []string {
	var out []string
	for _, lang := range sortedKeys(m.Counts.Language) {
		if lang != "und" {
			out = append(out, lang)
		}
	}
	return out
}

// croissantType is the Croissant data type of a field's values.
func croissantType(f schema.Field, kind string) string {
	if f.Name == "url" {
		return "sc:URL"
	}
	return map[string]string{"string": "sc:Text", "date": "sc:Date", "integer": "sc:Integer", "number": "sc:Float"}[kind]
}

func croissantFields(parent, column string, from map[string]any, fields []schema.Field) []map[string]any {
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
			field["subField"] = croissantFields(id, f.Name, from, f.Fields)
		} else {
			field["dataType"] = croissantType(f, kind)
		}
		source := map[string]any{"extract": map[string]string{"column": f.Name}}
		if column != "" {
			// A nested field is read from its parent's column.
			source["extract"] = map[string]string{"column": column}
			source["transform"] = map[string]string{"jsonPath": f.Name}
		}
		for k, v := range from {
			source[k] = v
		}
		field["source"] = source
		out = append(out, field)
	}
	return out
}
