package webpage

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestBadInput reads pages that are malformed, nested too deep or huge:
// each gives items or a dropped entry, with valid text, and no panic.
func TestBadInput(t *testing.T) {
	article := strings.Repeat("<p>The talks resumed on Monday after a pause of several weeks, officials said, and both sides called them useful.</p>\n", 6)
	for _, c := range []struct {
		name string
		page string
		want string // a paragraph the body must hold, or "" for a dropped entry
		not  string // a paragraph the body must not hold
	}{
		{"deep divs", "<html><body>" + strings.Repeat("<div>", 100_000) + "<p>Deep inside the page a sentence survives the nesting.</p>" + strings.Repeat("</div>", 100_000) + "</body></html>",
			"Deep inside the page a sentence survives the nesting.", ""},
		{"deep unclosed", "<html><body>" + strings.Repeat("<span><b>", 50_000) + "Text at the bottom of unclosed tags." + "</body></html>",
			"Text at the bottom of unclosed tags.", ""},
		{"unclosed everything", "<html><head><title>x</title><body><div><p>Opened and never closed, the paragraph still reads well enough for a record.<div><table><tr><td>cell",
			"Opened and never closed, the paragraph still reads well enough for a record.", ""},
		{"stray end tags", "<html><body></div></p></span></table>" + article + "</body></body></html></html>",
			"The talks resumed on Monday after a pause of several weeks, officials said, and both sides called them useful.", ""},
		{"broken attributes", `<html><body><div class=story id= =x <p/ lang>` + article + `<a href=http://x.example/a b>link</a></body>`,
			"The talks resumed on Monday after a pause of several weeks, officials said, and both sides called them useful.", ""},
		{"nul and control bytes", "<html><body><p>Before\x00the NUL\x01and\x7f the controls, a sentence long enough to be kept as the article text of the page.</p></body></html>",
			"Before�the NULand the controls, a sentence long enough to be kept as the article text of the page.", ""},
		{"invalid utf-8", "<html><body><p>Caf\xe9 and \xff\xfe bytes that are not UTF-8 in a paragraph long enough to be read as the text of the article.</p></body></html>",
			"", ""},
		{"only markup", "<html><body><div><span></span></div><br><hr></body></html>", "", ""},
		{"long text", "<html><body><div><a href=/>Home</a></div><article>" + strings.Repeat("<p>"+hugeSentence+"</p>\n", 3000) + "</article></body></html>",
			hugeSentence, "Home"},
		{"long lines", "<html><body>" + strings.Repeat(hugeSentence+"<br>\n", 3000) + "</body></html>",
			hugeSentence, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			page, err := Read([]byte(c.page), Hint{})
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, page)
			if c.want == "" {
				return
			}
			if !holds(page, c.want) {
				t.Errorf("no paragraph %q in %+v", c.want, page.Result)
			}
			if c.not != "" && holds(page, c.not) {
				t.Errorf("paragraph %q in the body", c.not)
			}
		})
	}
}

// TestHugePage reads a 50 MB page: an article behind 45 MB of inline
// script and data, as single-page applications save.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB page")
	}
	page := hugePage(50 << 20)
	got, err := Read(page, Hint{})
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, got)
	if !holds(got, hugeSentence) {
		t.Errorf("the article is lost: %+v", got.Result.Dropped)
	}
}

const hugeSentence = "The delegations agreed to meet again in the spring, the statement said, and to exchange maps before then."

// hugePage is an article of a few paragraphs after size bytes of scripts
// and inline images.
func hugePage(size int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>A long page</title>")
	chunk := "<script>var data = [" + strings.Repeat(`{"id":1,"name":"item"},`, 400) + "];</script>\n" +
		`<img src="data:image/png;base64,` + strings.Repeat("iVBORw0KGgo", 800) + `">` + "\n"
	for b.Len() < size {
		b.WriteString(chunk)
	}
	b.WriteString("</head><body><article><h1>A long page</h1>")
	for i := 0; i < 5; i++ {
		b.WriteString("<p>" + hugeSentence + "</p>\n")
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// checkPage asserts what every page read must be: valid UTF-8 everywhere,
// items or a dropped entry, lines in range.
func checkPage(t *testing.T, p Page) {
	t.Helper()
	if !utf8.ValidString(p.Text) {
		t.Error("Text is not valid UTF-8")
	}
	if len(p.Result.Items) == 0 && len(p.Result.Dropped) == 0 {
		t.Error("neither items nor a dropped entry")
	}
	last := lineCount(p.Text)
	for _, it := range p.Result.Items {
		if it.LineStart < 1 || it.LineEnd < it.LineStart || it.LineEnd > last {
			t.Errorf("lines %d-%d out of 1-%d", it.LineStart, it.LineEnd, last)
		}
		if len(it.Paragraphs) == 0 {
			t.Error("an item without paragraphs")
		}

		for _, f := range append([]string{it.Title, it.Outlet, it.Section, it.URL, it.DateText}, append(it.Byline, it.Paragraphs...)...) {
			checkField(t, f)
		}
	}
}

// checkField asserts a field is valid UTF-8 in NFC with no control
// characters but tab and newline.
func checkField(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%q is not valid UTF-8", s)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Errorf("%q is not NFC", s)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Errorf("%q holds control character %U", s, r)
		}
	}
}

func holds(p Page, paragraph string) bool {
	for _, it := range p.Result.Items {
		for _, para := range it.Paragraphs {
			if para == paragraph {
				return true
			}
		}
	}
	return false
}

// TestOneParagraph: a page of one paragraph gives it once (go-trafilatura
// returns a short page's text twice).
func TestOneParagraph(t *testing.T) {
	page, err := Read([]byte("<html><body><p>The border commission met in Ijevan on Tuesday and agreed on the next stretch of the line.</p></body></html>"), Hint{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Result.Items) != 1 || len(page.Result.Items[0].Paragraphs) != 1 {
		t.Errorf("items %+v, want one item of one paragraph", page.Result.Items)
	}
}
