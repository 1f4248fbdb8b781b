package release

import (
	"bytes"
	"crypto/sha256"
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
	LicenseFile   = "LICENSE"
	SumsFile      = "SHA256SUMS"
)

// What the dataset is, for the card and the Croissant file.
const (
	prettyName  = "Karabakh News Corpus"
	description = "News articles, digest items, analyses and social posts about the Armenia–Azerbaijan conflict over Nagorno-Karabakh, " +
		"extracted from raw text captures: one record per article or post with outlet, title, date, byline, body, language, " +
		"gazetteer entity mentions and near-duplicate links."
)

// maxSourceRows is how many source files the card lists one a row; past it
// the card gives their counts and the checksum of their list, and the
// manifest lists each.
const maxSourceRows = 300

// cardFacts are what the writer saw of the records, for the card.
type cardFacts struct {
	example    *schema.Record // a record to show, the first with a title, date and outlet
	complete   bool           // example has all three
	jsonlBytes int64
	bylines    int // records with a byline
}

// datasetCard writes the Hugging Face dataset card of a release.
func datasetCard(m Manifest, facts cardFacts) []byte {
	var b bytes.Buffer
	cardHeader(&b, m, facts)
	fmt.Fprintf(&b, "# %s (%s)\n\n%s\n\n", prettyName, m.Version, description)
	fmt.Fprintf(&b, "%d records from %d source files. Dataset `%s`, version `%s`, record schema %s, built by `%s` %s revision `%s`. "+
		"`manifest.json` lists every input and output with its checksum; `SHA256SUMS` checks the files (`sha256sum -c SHA256SUMS`).\n\n",
		m.Records, len(m.Inputs), m.Dataset, m.Version, m.SchemaVersion, m.Builder.Module, m.Builder.Version, m.Builder.Revision)
	cardCounts(&b, m)
	cardSchema(&b)
	cardExample(&b, facts.example)
	cardLoading(&b, m)
	cardMaking(&b)
	cardConsiderations(&b, m, facts)
	cardFiles(&b, m)
	cardCitation(&b, m)
	fmt.Fprintf(&b, "## License\n\n`%s`: %s\n", m.About.License.Name, licenseTerms(m.About))
	return b.Bytes()
}

func cardHeader(b *bytes.Buffer, m Manifest, facts cardFacts) {
	b.WriteString("---\n")
	fmt.Fprintf(b, "pretty_name: %s\n", prettyName)
	languages := 0
	b.WriteString("language:\n")
	for _, lang := range sortedKeys(m.Counts.Language) {
		if lang != "und" {
			fmt.Fprintf(b, "- %s\n", lang)
			languages++
		}
	}
	multilinguality := "monolingual"
	if languages > 1 {
		multilinguality = "multilingual"
	}
	fmt.Fprintf(b, "multilinguality:\n- %s\n", multilinguality)
	b.WriteString("license: other\n")
	fmt.Fprintf(b, "license_name: %s\n", yamlString(m.About.License.Name))
	fmt.Fprintf(b, "license_link: %s\n", yamlString(cmpOr(m.About.License.URL, LicenseFile)))
	b.WriteString("annotations_creators:\n- machine-generated\nlanguage_creators:\n- found\nsource_datasets:\n- original\n")
	fmt.Fprintf(b, "size_categories:\n- %s\n", sizeCategory(m.Records))
	b.WriteString("task_categories:\n- text-classification\n- token-classification\n- feature-extraction\n")
	b.WriteString("task_ids:\n- language-identification\n- named-entity-recognition\n- entity-linking-classification\n")
	b.WriteString("tags:\n- news\n- armenia\n- azerbaijan\n- nagorno-karabakh\n- entity-linking\n")
	b.WriteString("configs:\n- config_name: default\n  data_files:\n  - split: train\n")
	fmt.Fprintf(b, "    path: %s\n", yamlString(parquetGlob(m)))
	b.WriteString("dataset_info:\n  features:\n")
	features(b, "  ", schema.Fields())
	download := int64(0)
	for _, o := range m.Outputs {
		if strings.HasSuffix(o.Path, ".parquet") {
			download += o.Bytes
		}
	}
	fmt.Fprintf(b, "  splits:\n  - name: train\n    num_bytes: %d\n    num_examples: %d\n", facts.jsonlBytes, m.Records)
	fmt.Fprintf(b, "  download_size: %d\n  dataset_size: %d\n", download, facts.jsonlBytes)
	b.WriteString("---\n\n")
}

// features writes the Hugging Face features of fields.
func features(b *bytes.Buffer, indent string, fields []schema.Field) {
	for _, f := range fields {
		fmt.Fprintf(b, "%s- name: %s\n", indent, f.Name)
		switch {
		case f.Kind == "object":
			fmt.Fprintf(b, "%s  struct:\n", indent)
			features(b, indent+"  ", f.Fields)
		case f.Kind == "list" && f.Fields != nil:
			fmt.Fprintf(b, "%s  list:\n", indent)
			features(b, indent+"  ", f.Fields)
		case f.Kind == "list":
			fmt.Fprintf(b, "%s  list: %s\n", indent, dtype(f.Item, f.Bits))
		default:
			fmt.Fprintf(b, "%s  dtype: %s\n", indent, dtype(f.Kind, f.Bits))
		}
	}
}

func dtype(kind string, bits int) string {
	switch kind {
	case "date":
		return "date32"
	case "integer":
		return fmt.Sprintf("int%d", bits)
	case "number":
		return "float64"
	}
	return kind
}

// parquetGlob names the Parquet data: the one file, or its shards.
func parquetGlob(m Manifest) string {
	var files []string
	for _, o := range m.Outputs {
		if strings.HasSuffix(o.Path, ".parquet") {
			files = append(files, o.Path)
		}
	}
	if len(files) == 1 {
		return files[0]
	}
	return fmt.Sprintf("corpus-*-of-%05d.parquet", len(files))
}

func cardCounts(b *bytes.Buffer, m Manifest) {
	b.WriteString("## Counts\n\n")
	for _, c := range []struct {
		title  string
		counts map[string]int
		byKey  bool
	}{{"Outlet", m.Counts.Outlet, false}, {"Language", m.Counts.Language, false}, {"Layout", m.Counts.Layout, false}, {"Month", m.Counts.Month, true}} {
		fmt.Fprintf(b, "| %s | records |\n|---|---:|\n", strings.ToLower(c.title))
		keys := sortedKeys(c.counts)
		if !c.byKey {
			sort.SliceStable(keys, func(i, j int) bool { return c.counts[keys[i]] > c.counts[keys[j]] })
		}
		for _, k := range keys {
			fmt.Fprintf(b, "| %s | %d |\n", textCell(k), c.counts[k])
		}
		b.WriteString("\n")
	}
}

func cardSchema(b *bytes.Buffer) {
	b.WriteString("## Schema\n\nEvery field is present in every record (null or empty when unknown). " +
		"`corpus.schema.json` is the JSON Schema of a line of the JSONL, with every rule below; the Parquet files have the same columns.\n\n")
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
			fmt.Fprintf(b, "| `%s%s` | %s | %s |\n", prefix, f.Name, typ, textCell(f.Description))
			table(prefix+f.Name+".", f.Fields)
		}
	}
	table("", schema.Fields())
	b.WriteString("\nMention offsets count Unicode code points, as Python indexes a `str`: `body[start:end] == surface`. " +
		"JavaScript and Java index UTF-16 code units, so there `[...body].slice(start, end).join('')` (JavaScript) or " +
		"`body.substring(body.offsetByCodePoints(0, start), body.offsetByCodePoints(0, end))` (Java) gives the surface.\n\n")
}

// exampleRunes bounds the body of the card's example record.
const exampleRunes = 400

// note remembers what the card says of the records, as they are written.
func (f *cardFacts) note(r schema.Record, jsonBytes int) {
	f.jsonlBytes += int64(jsonBytes)
	if len(r.Byline) > 0 {
		f.bylines++
	}
	if f.example == nil || !f.complete && r.Title != nil && r.Date != nil && r.Outlet != nil {
		f.example = exampleOf(r)
		f.complete = r.Title != nil && r.Date != nil && r.Outlet != nil
	}
}

// exampleOf is r cut for the card: its body to exampleRunes characters,
// its mentions to the first three within them.
func exampleOf(r schema.Record) *schema.Record {
	if cut := runeOffset(r.Body, exampleRunes); cut < len(r.Body) {
		r.Body = r.Body[:cut] + "…"
	}
	var mentions []schema.Mention
	for _, mt := range r.Mentions {
		if int(mt.End) <= exampleRunes && len(mentions) < 3 {
			mentions = append(mentions, mt)
		}
	}
	r.Mentions = append([]schema.Mention{}, mentions...)
	r.Byline = append([]string{}, r.Byline...)
	return &r
}

// runeOffset is the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func cardExample(b *bytes.Buffer, r *schema.Record) {
	if r == nil {
		return
	}
	var pretty bytes.Buffer
	json.Indent(&pretty, r.AppendJSON(nil), "", "  ")
	b.WriteString("## Example record\n\nThe first record with a title, a date and an outlet; its body is cut here to " +
		fmt.Sprint(exampleRunes) + " characters and its mentions to the first three within them.\n\n")
	fmt.Fprintf(b, "```json\n%s\n```\n\n", strings.ReplaceAll(pretty.String(), "```", "`\u200b``"))
}

func cardLoading(b *bytes.Buffer, m Manifest) {
	parquet, jsonl := parquetGlob(m), JSONLFile
	if !m.hasOutput(JSONLFile) {
		jsonl = "corpus-*.jsonl.gz"
	}
	b.WriteString("## Loading\n\n")
	fmt.Fprintf(b, "```python\nimport pandas as pd\ndf = pd.read_parquet(%q)\n```\n\n", parquetDir(parquet))
	fmt.Fprintf(b, "```python\nimport polars as pl\ndf = pl.read_parquet(%q)\n```\n\n", parquet)
	fmt.Fprintf(b, "```sql\n-- DuckDB\nSELECT outlet, language, count(*) FROM '%s' GROUP BY ALL;\n"+
		"SELECT m.entity, m.surface, count(*) FROM (SELECT unnest(mentions) AS m FROM '%s') GROUP BY ALL;\n```\n\n", parquet, parquet)
	fmt.Fprintf(b, "```python\nfrom datasets import load_dataset\nds = load_dataset(\"parquet\", data_files=%q, split=\"train\")\n```\n\n", parquet)
	fmt.Fprintf(b, "NLP pipelines can stream `%s`, one record a line, in id order; the same lines are in the gzip-compressed "+
		"`.jsonl.gz`, which pandas, polars, DuckDB, `datasets` and `zcat` read as they are.\n\n", jsonl)
	b.WriteString("How `date` (and `retrieved`) arrive in pandas: from Parquet (a DATE column) as `datetime.date` objects, dtype `object` " +
		"(`pd.to_datetime(df[\"date\"])` makes them `datetime64`; `dtype_backend=\"pyarrow\"` keeps `date32[day][pyarrow]`); " +
		"from the JSONL, `pd.read_json(path, lines=True)` turns `date` into `datetime64[ns]` by its name but leaves `retrieved` a string, " +
		"and `convert_dates=False` keeps both as `YYYY-MM-DD` strings. Missing dates are `None`, `NaT` or `NaN` accordingly.\n\n")
}

// parquetDir is what pandas reads for a glob: the folder, which pyarrow
// reads as one dataset, or the one file.
func parquetDir(glob string) string {
	if strings.Contains(glob, "*") {
		return "."
	}
	return glob
}

func cardMaking(b *bytes.Buffer) {
	b.WriteString("## How the records were made\n\n" +
		"Each capture was decoded (byte-order marks, UTF-8, UTF-16, legacy code pages guessed; CRLF to LF; Unicode NFC), " +
		"its layout recognised from the text itself (never the file name: a news page with its site chrome, a mailing-list digest, " +
		"an analysis page, a bare article, a social tag page, or plain text), and cut into one record per article or post. " +
		"Fields were read by rules: outlets normalised through a registry, dates from a table of formats in nine languages, " +
		"bylines with their \"By\" removed; menus, cookie notices, related-article lists, share counts and comment forms were left out of `body`. " +
		"`language` was told by lingua's n-gram models; `mentions` link names in the body to a gazetteer of the region's places, people and organisations; " +
		"`duplicate_of` links a body that nearly repeats an earlier one (MinHash of word 5-grams, Jaccard 0.4 or more). " +
		"No record was written or corrected by hand, and no model generated text: every field is the source's text or a rule's reading of it.\n\n")
}

func cardConsiderations(b *bytes.Buffer, m Manifest, facts cardFacts) {
	b.WriteString("## Personal information\n\n")
	fmt.Fprintf(b, "`byline` names people: the journalists and authors credited by the sources, as published, and for social posts the account name "+
		"that posted them. %d of %d records carry a byline. Bodies quote and name public figures and, in social posts, private people; "+
		"no name was removed or pseudonymised. Use the data for research on reporting, and ask the builder's maintainers to remove a record "+
		"that names someone who asks it.\n\n", facts.bylines, m.Records)
	b.WriteString("## Biases and naming\n\n" +
		"The sources are what researchers captured, not a sample of the press: outlets, languages and months are as uneven as the counts above show. " +
		"Places of the conflict have names by side and by language. The gazetteer's canonical `name` is one English name per entity — " +
		"Khankendi (for Stepanakert), Shusha (Shushi), Lachin (Berdzor), Kalbajar (Karvachar), Khojaly (Ivanyan), Nagorno-Karabakh (Artsakh) — " +
		"chosen as a stable key, not as a position on the conflict: it follows the names in international use after 2023. " +
		"Every mention keeps its `surface` as the source wrote it, so both sides' names stay in the data: count `surface` by `outlet` " +
		"to see who writes Stepanakert and who writes Khankendi.\n\n")
	undated := m.Counts.Month[Unknown]
	und := m.Counts.Language["und"]
	b.WriteString("## Known limitations\n\n")
	fmt.Fprintf(b, "- %d of %d records (%s) have no `date`: the text gave none that the rules could read, or gave a relative one "+
		"(\"3 months ago\") without a capture date to read it against. `date_precision` says whether a date is known to the day, month or year.\n",
		undated, m.Records, percent(undated, m.Records))
	fmt.Fprintf(b, "- `language` was told from a sample of the body's words (up to 24, from its start, middle and end) by lingua's n-gram models "+
		"among the 75 languages lingua knows, the region's 14 first, after links and hashtags were left out; a text is `und` below 0.5 confidence, "+
		"when the best language is not twice as likely as the next, or when it lacks the text's letters (%d records). Short texts and texts that mix languages "+
		"are told least well; Azerbaijani and Turkish are close.\n", und)
	b.WriteString("- Mentions are found by the gazetteer's names and rules, not by a trained model: a name it lacks is not found, and an ambiguous " +
		"short name may be missed or, rarely, wrong.\n" +
		"- Near-duplicates are marked within a window of earlier records in id order; copies further apart are not linked.\n\n")
}

func percent(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

func cardFiles(b *bytes.Buffer, m Manifest) {
	b.WriteString("## Files\n\n| file | bytes | records | sha256 |\n|---|---:|---:|---|\n")
	for _, o := range m.Outputs {
		records := ""
		if o.Records > 0 || isData(o.Path) {
			records = fmt.Sprint(o.Records)
		}
		fmt.Fprintf(b, "| %s | %d | %s | `%s` |\n", codeCell(o.Path), o.Bytes, records, o.SHA256)
	}
	b.WriteString("\n## Source files\n\n")
	if len(m.Inputs) > maxSourceRows {
		skipped := len(m.Skipped())
		sum := sha256.New()
		for _, in := range m.Inputs {
			fmt.Fprintf(sum, "%s  %s\n", in.SHA256, in.Path)
		}
		fmt.Fprintf(b, "%d source files (%d skipped), too many to list here: `manifest.json` lists each with its checksum, bytes, "+
			"encoding, layout and records. The list has sha256 `%x`, which\n\n"+
			"    jq -r '.inputs[] | \"\\(.sha256 // \"\")  \\(.path)\"' manifest.json | sha256sum\n\nprints.\n\n", len(m.Inputs), skipped, sum.Sum(nil))
		return
	}
	b.WriteString("| file | bytes | sha256 | encoding | layout | records |\n|---|---:|---|---|---|---|\n")
	for _, in := range m.Inputs {
		records := fmt.Sprint(in.Records)
		if in.Skipped != "" {
			records = "skipped: " + in.Skipped
		}
		sum := ""
		if in.SHA256 != "" {
			sum = "`" + in.SHA256 + "`"
		}
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s |\n", codeCell(in.Path), in.Bytes, sum, textCell(in.Encoding), textCell(in.Layout), textCell(records))
	}
	b.WriteString("\n")
}

func cardCitation(b *bytes.Buffer, m Manifest) {
	b.WriteString("## Citation\n\n")
	fmt.Fprintf(b, "```bibtex\n%s\n```\n\n", citation(m))
}

// citation is the dataset file's citation, or a BibTeX entry of the release.
func citation(m Manifest) string {
	if m.About.Citation != "" {
		return m.About.Citation
	}
	year := ""
	if len(m.About.Published) >= 4 {
		year = "\n  year      = {" + m.About.Published[:4] + "},"
	}
	return fmt.Sprintf("@misc{%s,\n  title     = {{%s}},\n  author    = {{%s}},\n  version   = {%s},%s\n  url       = {%s},\n  note      = {Dataset `%s`, record schema %s}\n}",
		strings.ReplaceAll(m.Dataset, "-", "_")+"_"+strings.NewReplacer(".", "_", "-", "_", "+", "_").Replace(m.Version),
		prettyName, m.About.Creator.Name, m.Version, year, m.About.URL, m.Dataset, m.SchemaVersion)
}

// licenseTerms says what the licence is, for the card and LICENSE.
func licenseTerms(a About) string {
	if a.License.URL != "" {
		return "the terms at " + a.License.URL + "."
	}
	return licenseNote
}

// licenseText is the release's LICENSE file.
func licenseText(m Manifest) []byte {
	return []byte(fmt.Sprintf("%s, %s: license %s\n\n%s\n", prettyName, m.Version, m.About.License.Name, licenseTerms(m.About)))
}

// isData tells the data files, whose record counts the card gives.
func isData(name string) bool {
	return name == JSONLFile || strings.HasSuffix(name, ".jsonl.gz") || strings.HasSuffix(name, ".parquet")
}

func (m *Manifest) hasOutput(name string) bool {
	for _, o := range m.Outputs {
		if o.Path == name {
			return true
		}
	}
	return false
}

// textCell makes text safe inside a Markdown table cell: no line breaks,
// no HTML, no emphasis or links, no cell separator.
func textCell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*[]<>|#&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeCell writes a name as code inside a table cell: control characters
// as %XX, the cell separator escaped (GitHub reads \| even in code), and a
// fence longer than any run of backticks in the name.
func codeCell(s string) string {
	var b strings.Builder
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		switch {
		case r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, "%%%02X", r)
		case r == '|':
			b.WriteString(`\|`)
		default:
			b.WriteRune(r)
		}
	}
	fence, name := strings.Repeat("`", longest+1), b.String()
	if strings.HasPrefix(name, "`") || strings.HasSuffix(name, "`") {
		name = " " + name + " " // one space each side is not part of the code
	}
	return fence + name + fence
}

// yamlString quotes a value for the card's YAML header.
func yamlString(s string) string {
	b, _ := json.Marshal(s) // JSON strings are YAML flow scalars
	return string(b)
}

// sizeCategory is the Hub's size category of n records.
func sizeCategory(n int) string {
	bounds := []struct {
		below int64
		name  string
	}{
		{1e3, "n<1K"}, {1e4, "1K<n<10K"}, {1e5, "10K<n<100K"}, {1e6, "100K<n<1M"}, {1e7, "1M<n<10M"},
		{1e8, "10M<n<100M"}, {1e9, "100M<n<1B"}, {1e10, "1B<n<10B"}, {1e11, "10B<n<100B"}, {1e12, "100B<n<1T"},
	}
	for _, c := range bounds {
		if int64(n) < c.below {
			return c.name
		}
	}
	return "n>1T"
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
