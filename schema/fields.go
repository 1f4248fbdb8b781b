package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Field describes one field of the record schema. Fields are read from the
// Go types by reflection, so the documents made from them — the JSON Schema,
// the dataset card's table, the Croissant record set — cannot drift from the
// data.
type Field struct {
	Name        string // JSON and Parquet name
	Kind        string // string, date, integer, number, object, or list
	Item        string // for a list: the kind of its items
	Nullable    bool
	Description string
	Fields      []Field // an object's fields, or a list of objects' fields
}

// descriptions says what each field means, by path ("source.path").
var descriptions = map[string]string{
	"id":                  "`<source path without extension>#<ordinal from 1>`; stable across rebuilds",
	"source":              "where the record came from",
	"source.path":         "input file, relative to the input folder, /-separated",
	"source.sha256":       "SHA-256 of the input file's raw bytes; for a WARC capture, of the record's payload",
	"source.encoding":     "encoding the input was decoded from (utf-8, windows-1251, …)",
	"source.line_start":   "first line of the record in the decoded input, 1-based",
	"source.line_end":     "last line of the record in the decoded input, inclusive",
	"source.media_type":   "media type of the capture: text/plain or text/html",
	"source.record":       "WARC-Record-ID of the capture, for a record read from a WARC file",
	"source.offset":       "byte offset of the capture's record in its WARC file",
	"layout":              "extractor that produced the record (news_page, digest, analysis, bare_article, tumblr, plain)",
	"url":                 "canonical URL, when the text or sources.tsv gives one",
	"outlet":              "the publication, normalised; the platform for social posts",
	"outlet_country":      "ISO 3166-1 alpha-2 country of the outlet, when known",
	"title":               "the headline as written",
	"section":             "the site's section or rubric, when shown",
	"date":                "publication date (first day of the month or year when only that is known)",
	"retrieved":           "capture date (WARC-Date, or retrieved in sources.tsv), against which relative dates are read",
	"date_precision":      "how much of date is known: day, month or year",
	"date_text":           "the date exactly as written in the source",
	"byline":              "authors as named; the account name for social posts",
	"body":                "the article text only, paragraphs separated by one blank line, Unicode NFC",
	"language":            "ISO 639-1 code of the body, und when it cannot be told",
	"language_confidence": "the language detector's confidence, 0-1",
	"mentions":            "gazetteer entities named in the body, sorted by start",
	"mentions.entity":     "stable entity id, such as place/khankendi",
	"mentions.name":       "canonical name of the entity",
	"mentions.kind":       "place, person or org",
	"mentions.surface":    "the text as written in the body",
	"mentions.start":      "Unicode code-point offset of the surface in body",
	"mentions.end":        "end offset, exclusive: body[start:end] == surface",
	"word_count":          "words in body",
	"duplicate_of":        "id of the earlier record this one nearly duplicates",
}

var dateType = reflect.TypeFor[Date]()

// Fields returns the fields of Record in order.
func Fields() []Field { return fieldsOf(reflect.TypeFor[Record](), "") }

func fieldsOf(t reflect.Type, prefix string) []Field {
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		path := prefix + name
		f := Field{Name: name, Description: descriptions[path]}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			f.Nullable, ft = true, ft.Elem()
		}
		f.Kind = kindOf(ft)
		switch ft.Kind() {
		case reflect.Struct:
			f.Fields = fieldsOf(ft, path+".")
		case reflect.Slice:
			f.Item = kindOf(ft.Elem())
			if ft.Elem().Kind() == reflect.Struct {
				f.Fields = fieldsOf(ft.Elem(), path+".")
			}
		}
		out = append(out, f)
	}
	return out
}

func kindOf(t reflect.Type) string {
	switch {
	case t == dateType:
		return "date"
	case t.Kind() == reflect.String:
		return "string"
	case t.Kind() == reflect.Int32 || t.Kind() == reflect.Int64 || t.Kind() == reflect.Int:
		return "integer"
	case t.Kind() == reflect.Float64:
		return "number"
	case t.Kind() == reflect.Struct:
		return "object"
	case t.Kind() == reflect.Slice:
		return "list"
	}
	panic(fmt.Sprintf("schema: no kind for %v", t))
}

// JSONSchema returns a JSON Schema (draft 2020-12) for one JSONL record.
func JSONSchema() ([]byte, error) {
	root := objectSchema(Fields())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/nkcorpus/builder/schema/record-" + Version + ".json"
	root["title"] = "Corpus record, schema " + Version
	root["description"] = "One article or post of the Karabakh news corpus, a line of corpus.jsonl."
	return json.MarshalIndent(root, "", "  ")
}

func objectSchema(fields []Field) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, f := range fields {
		props[f.Name] = fieldSchema(f)
		required = append(required, f.Name)
	}
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
}

func fieldSchema(f Field) map[string]any {
	var s map[string]any
	switch f.Kind {
	case "object":
		s = objectSchema(f.Fields)
	case "list":
		item := map[string]any{"type": f.Item}
		if f.Item == "object" {
			item = objectSchema(f.Fields)
		}
		s = map[string]any{"type": "array", "items": item}
	case "date":
		s = map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	default:
		s = map[string]any{"type": f.Kind}
	}
	if f.Nullable {
		s["type"] = []string{s["type"].(string), "null"}
	}
	if f.Description != "" {
		s["description"] = f.Description
	}
	switch f.Name {
	case "body":
		s["minLength"] = 1
	case "language_confidence":
		s["minimum"], s["maximum"] = 0, 1
	case "date_precision":
		s["enum"] = []any{PrecisionDay, PrecisionMonth, PrecisionYear, nil}
	case "id":
		s["pattern"] = idPattern.String()
	}
	return s
}
