package schema

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encodingJSON is how records were written before AppendJSON, and the bytes
// it must keep writing.
func encodingJSON(t testing.TB, r Record) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendJSON(t *testing.T) {
	full := valid()
	url, outlet, section, precision := "https://example.com/a?b=1&c=<d>", "Azatutyun", "Politics", PrecisionDay
	date := Date(19831)
	dup := "002_y#3"
	full.URL, full.Outlet, full.OutletCountry, full.Title, full.Section = &url, &outlet, &outlet, &section, &section
	full.Date, full.DatePrecision, full.DateText, full.DuplicateOf = &date, &precision, &url, &dup
	full.Byline = []string{"Hasan \"Hasik\" Ağayev", `back\slash`}
	full.Title = new(string)
	*full.Title = "tab\there, nul\x00, bell\a, del\x7f, ls\u2028ps\u2029, bad \xff\xfe\x80 utf-8, bs\b ff\f cr\r"
	nils := valid()
	nils.Byline, nils.Mentions = nil, nil
	for _, conf := range []float64{0, 1, 0.5, 0.9876, 1e-7, 1e-6, 1e21, 123456789.125, -2.5e-9} {
		r := full
		r.LanguageConfidence = conf
		for _, r := range []Record{r, nils, {}} {
			r.LanguageConfidence = conf
			want := encodingJSON(t, r)
			if got := r.AppendJSON(nil); !bytes.Equal(got, want) {
				t.Errorf("AppendJSON =\n%s\nencoding/json:\n%s", got, want)
			}
		}
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("001_x#1", "Body\n\n\"quoted\" \u2028", "Title\x01", 0.75)
	f.Fuzz(func(t *testing.T, id, body, title string, conf float64) {
		r := valid()
		r.ID, r.Body, r.Title, r.LanguageConfidence = id, body, &title, conf
		r.Byline = []string{title, body}
		r.Mentions[0].Surface = title
		if _, err := json.Marshal(conf); err != nil {
			t.Skip("encoding/json refuses", conf)
		}
		if got, want := r.AppendJSON(nil), encodingJSON(t, r); !bytes.Equal(got, want) {
			t.Errorf("AppendJSON =\n%q\nencoding/json:\n%q", got, want)
		}
	})
}
