package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Field describes one field of the record schema. Fields are read from the
// Go types by reflection, and their rules from the table below, so the
// documents made from them — the JSON Schema, the dataset card's table, the
// Croissant record set, the Parquet writer's options — cannot drift from the
// data.
type Field struct {
	Name        string // JSON and Parquet name
	Kind        string // string, date, integer, number, object, or list
	Item        string // for a list: the kind of its items
	Bits        int    // an integer's width: 32 or 64
	Nullable    bool
	Description string
	Fields      []Field // an object's fields, or a list of objects' fields
	Rule                // what a value (a list's item) must be, beyond its kind
}

// Rule constrains a field's value (for a list, each item's).
type Rule struct {
	Enum     []string // the values allowed, if set
	Patterns []string // regular expressions (RE2 and ECMA-262 alike), one of which the value matches
	Min      *int64   // least value of a number, or least length of a string
	Max      *int64
	// NullWith names a field of the same object that is null exactly when
	// this one is.
	NullWith string
	// Text marks free text of any length, which Parquet writes without
	// min/max statistics.
	Text bool
}

// Layouts are the names of the extractors (extract's layouts, tried in this
// order, then the generic "plain"). A layout added to the extractor is
// added here; layouts of HTML pages are "html" or "html_<shape>" and match
// HTMLLayoutPattern instead.
var Layouts = []string{"tumblr", "news_page", "analysis", "digest", "bare_article", "plain"}

// HTMLLayoutPattern matches the layouts of the HTML extractor.
const HTMLLayoutPattern = `^html(_[a-z]+)?$`

// Patterns of the rules.
const (
	// datePattern accepts YYYY-MM-DD with a month 01-12 and a day that the
	// month can have (February to 29; the format "date" checks leap years).
	datePattern     = `^[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-9]))$`
	sha256Pattern   = `^[0-9a-f]{64}$`
	languagePattern = `^(?:[a-z]{2}|und)$` // ISO 639-1, or und
	countryPattern  = `^[A-Z]{2}$`         // ISO 3166-1 alpha-2
	urlPattern      = `^https?://[^\s]+$`
	entityPattern   = `^(?:place|person|org)/[^\s/]+$`
)

// DatePattern matches the dates of the schema: YYYY-MM-DD with a month and
// a day in range.
const DatePattern = datePattern

func bound(n int64) *int64 { return &n }

var nonEmpty = Rule{Min: bound(1)}

// fieldInfo says what each field means and what its values must be, by
// path ("source.path"): the rules of DESIGN.md.
var fieldInfo = map[string]struct {
	description string
	Rule
}{
	"id":                  {"`<stem>[@<position>]#<ordinal>`: the input's escaped path without its extension, the WARC record's position, the item's ordinal from 1; stable across rebuilds", Rule{Patterns: []string{idPattern.String()}}},
	"source":              {"where the record came from", Rule{}},
	"source.path":         {"input file, relative to the input folder, /-separated, with #, @, % and control characters escaped as %XX", nonEmpty},
	"source.sha256":       {"SHA-256 of the input file's raw bytes; for a WARC capture, of the record's payload", Rule{Patterns: []string{sha256Pattern}}},
	"source.encoding":     {"encoding the input was decoded from (utf-8, windows-1251, …)", nonEmpty},
	"source.line_start":   {"first line of the record in the decoded input, 1-based", Rule{Min: bound(1)}},
	"source.line_end":     {"last line of the record in the decoded input, inclusive", Rule{Min: bound(1)}},
	"source.media_type":   {"media type of the capture: text/plain or text/html", Rule{Enum: []string{MediaText, MediaHTML}}},
	"source.record":       {"WARC-Record-ID of the capture, for a record read from a WARC file (with offset, or both null)", nonEmpty},
	"source.offset":       {"byte offset of the capture's record in its WARC file (with record, or both null)", Rule{Min: bound(0), NullWith: "record"}},
	"layout":              {"extractor that produced the record (" + strings.Join(Layouts, ", ") + ", or html and html_<shape> for HTML pages)", Rule{Enum: Layouts, Patterns: []string{HTMLLayoutPattern}}},
	"url":                 {"canonical URL (http or https), when the text or sources.tsv gives one", Rule{Patterns: []string{urlPattern}, Text: true}},
	"outlet":              {"the publication, normalised; the platform for social posts", Rule{Min: bound(1), Text: true}},
	"outlet_country":      {"ISO 3166-1 alpha-2 country of the outlet, when known", Rule{Patterns: []string{countryPattern}}},
	"title":               {"the headline as written", Rule{Text: true}},
	"section":             {"the site's section or rubric, when shown", Rule{Text: true}},
	"date":                {"publication date (first day of the month or year when only that is known)", Rule{}},
	"retrieved":           {"capture date (WARC-Date, or retrieved in sources.tsv), against which relative dates are read", Rule{}},
	"date_precision":      {"how much of date is known: day, month or year; null exactly when date is", Rule{Enum: []string{PrecisionDay, PrecisionMonth, PrecisionYear}, NullWith: "date"}},
	"date_text":           {"the date exactly as written in the source", Rule{Text: true}},
	"byline":              {"authors as named; the account name for social posts", Rule{Min: bound(1), Text: true}},
	"body":                {"the article text only, paragraphs separated by one blank line, Unicode NFC", Rule{Min: bound(1), Text: true}},
	"language":            {"ISO 639-1 code of the body, und when it cannot be told", Rule{Patterns: []string{languagePattern}}},
	"language_confidence": {"the language detector's confidence, 0-1", Rule{Min: bound(0), Max: bound(1)}},
	"mentions":            {"gazetteer entities named in the body, sorted by start", Rule{}},
	"mentions.entity":     {"stable entity id, such as place/khankendi", Rule{Patterns: []string{entityPattern}}},
	"mentions.name":       {"canonical name of the entity", Rule{Min: bound(1), Text: true}},
	"mentions.kind":       {"place, person or org", Rule{Enum: []string{"place", "person", "org"}}},
	"mentions.surface":    {"the text as written in the body", Rule{Min: bound(1), Text: true}},
	"mentions.start":      {"offset of the surface in body, in Unicode code points (not UTF-16 units, as JavaScript and Java count)", Rule{Min: bound(0)}},
	"mentions.end":        {"end offset, exclusive, in code points: body[start:end] == surface in Python", Rule{Min: bound(1)}},
	"word_count":          {"words in body", Rule{Min: bound(0)}},
	"duplicate_of":        {"id of the earlier record this one nearly duplicates", Rule{Patterns: []string{idPattern.String()}}},
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
		info, ok := fieldInfo[path]
		if !ok {
			panic("schema: no description of " + path)
		}
		f := Field{Name: name, Description: info.description, Rule: info.Rule}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			f.Nullable, ft = true, ft.Elem()
		}
		f.Kind = kindOf(ft)
		if f.Kind == "integer" {
			f.Bits = ft.Bits()
		}
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

// JSONSchema returns a JSON Schema (draft 2020-12) for one JSONL record:
// every field's kind and rules, and the fields that are null together.
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
	var together []any
	for _, f := range fields {
		props[f.Name] = fieldSchema(f)
		required = append(required, f.Name)
		if f.NullWith != "" {
			together = append(together, nullTogether(f.NullWith, f.Name))
		}
	}
	s := map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	if together != nil {
		s["allOf"] = together
	}
	return s
}

// nullTogether says that b is null exactly when a is.
func nullTogether(a, b string) map[string]any {
	is := func(name, typ string) map[string]any {
		return map[string]any{"properties": map[string]any{name: map[string]any{"type": typ}}}
	}
	return map[string]any{"if": is(a, "null"), "then": is(b, "null"), "else": map[string]any{"not": is(b, "null")}}
}

func fieldSchema(f Field) map[string]any {
	var s map[string]any
	switch f.Kind {
	case "object":
		s = objectSchema(f.Fields)
	case "list":
		item := valueSchema(f.Item, f.Rule)
		if f.Item == "object" {
			item = objectSchema(f.Fields)
		}
		s = map[string]any{"type": "array", "items": item}
	default:
		s = valueSchema(f.Kind, f.Rule)
	}
	if f.Nullable {
		s["type"] = []string{s["type"].(string), "null"}
		if enum, ok := s["enum"].([]any); ok {
			s["enum"] = append(enum, nil)
		}
	}
	if f.Description != "" {
		s["description"] = f.Description
	}
	return s
}

// valueSchema is the schema of one value of a kind under a rule. A string
// may match one of the enum or one of the patterns.
func valueSchema(kind string, r Rule) map[string]any {
	if kind == "date" {
		return map[string]any{"type": "string", "format": "date", "pattern": datePattern}
	}
	s := map[string]any{"type": kind}
	min, max := "minimum", "maximum"
	if kind == "string" {
		min, max = "minLength", "maxLength"
	}
	if r.Min != nil {
		s[min] = *r.Min
	}
	if r.Max != nil {
		s[max] = *r.Max
	}
	var choices []any
	if r.Enum != nil {
		enum := make([]any, len(r.Enum))
		for i, v := range r.Enum {
			enum[i] = v
		}
		choices = append(choices, map[string]any{"enum": enum})
	}
	for _, p := range r.Patterns {
		choices = append(choices, map[string]any{"pattern": p})
	}
	switch {
	case len(choices) == 1:
		for k, v := range choices[0].(map[string]any) {
			s[k] = v
		}
	case len(choices) > 1:
		s["anyOf"] = choices
	}
	return s
}

// FreeTextColumns returns the Parquet paths of the free-text columns (a list's
// items are path/list/element).
func FreeTextColumns() [][]string { return textColumns(nil, Fields()) }

func textColumns(parent []string, fields []Field) [][]string {
	var out [][]string
	for _, f := range fields {
		path := append(append([]string(nil), parent...), f.Name)
		if f.Kind == "list" {
			path = append(path, "list", "element")
		}
		if f.Text {
			out = append(out, path)
		}
		out = append(out, textColumns(path, f.Fields)...)
	}
	return out
}
