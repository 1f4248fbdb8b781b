package webpage

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestContentCharset reads the charset parameter as the HTML standard's
// algorithm does: unquoted up to a ';' or a space, or quoted, and nothing
// from an unclosed quote.
func TestContentCharset(t *testing.T) {
	for content, want := range map[string]string{
		"text/html; charset=windows-1251":   "windows-1251",
		"text/html; charset=utf-8; x=y":     "utf-8",
		"text/html; charset = koi8-r":       "koi8-r",
		`text/html; charset="koi8-r"`:       "koi8-r",
		"text/html; CHARSET='cp1251' ; x=y": "cp1251",
		`text/html; charset="koi8-r`:        "",
		"text/html":                         "",
		"text/html; charset utf-8":          "",
		`text/html; charset=""`:             "",
		"charset=koi8-r":                    "koi8-r",
		"text/html; charset=; x=y":          "",
	} {
		if got := contentCharset(content); got != want {
			t.Errorf("contentCharset(%q) = %q, want %q", content, got, want)
		}
	}
}

// TestNamesAuthor: a line is a byline when it holds an author's name of
// two words or more after "by", or as most of its words.
func TestNamesAuthor(t *testing.T) {
	for _, c := range []struct {
		line   string
		byline []string
		want   bool
	}{
		{"5:45 AM 11/19/2019 by Jane Doe", []string{"Jane Doe"}, true},
		{"Jane Doe, Staff Writer", []string{"Jane Doe"}, true},
		{"Mary Ann Doe, Senior Staff Writer", []string{"Mary Ann Doe"}, true},
		{"Jane Doe, Senior Staff Writer, Moscow", []string{"Jane Doe"}, false},
		{"Agence France Presse said the talks would resume in Geneva on Monday", []string{"Agence France Presse"}, false},
		{"Doe, Staff", []string{"Doe"}, false}, // one word is no name
		{"John Smith, Staff Writer", []string{"Jane Doe"}, false},
	} {
		if got := namesAuthor(c.line, c.byline); got != c.want {
			t.Errorf("namesAuthor(%q, %q) = %v, want %v", c.line, c.byline, got, c.want)
		}
	}
}

// TestHeadlineBelowText: the title repeated below a long paragraph is
// dropped alone; what is above it stays.
func TestHeadlineBelowText(t *testing.T) {
	long := strings.Repeat("The talks resumed on Monday after a pause of several weeks. ", 3)
	blocks := []block{{text: long}, {text: "Talks Resume in Geneva"}, {text: "Both sides called them useful."}}
	got := texts(dropHeadline(blocks, []string{"Talks resume in Geneva"}))
	want := []string{long, "Both sides called them useful."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRewriteImpliedEnds: elements whose end tag is left out are closed by
// the next of their name, so a long list of them is no deep nesting.
func TestRewriteImpliedEnds(t *testing.T) {
	page := "<html><body><ul>" + strings.Repeat("<li>item", maxDepth+50) + "</ul></body></html>"
	if got := strings.Count(rewrite(page, false), "<li>"); got != maxDepth+50 {
		t.Errorf("%d of %d <li> kept", got, maxDepth+50)
	}
}

// TestSlimLongTag: slimming drops the attribute values longer than a
// quarter of longTag from a long tag and keeps the others.
func TestSlimLongTag(t *testing.T) {
	kept := strings.Repeat("k", longTag/4)
	page := `<html><body><div data-x="` + strings.Repeat("x", 3*longTag) + `" data-k="` + kept + `" id="story"><p>Text</p></div></body></html>`
	got := rewrite(page, true)
	if strings.Contains(got, "xxx") || !strings.Contains(got, `data-k="`+kept+`"`) || !strings.Contains(got, `id="story"`) {
		t.Errorf("slimmed tag: %.200q", got)
	}
}

// TestVisibleText: the token reader's text is the visible text, one
// paragraph a block or table cell, hidden elements left out.
func TestVisibleText(t *testing.T) {
	page := "<html><head><title>Window title</title><style>p { color: red }</style></head>" +
		"<body><p>First  paragraph</p><table><tr><td>one<td>two</table><script>var p = 1;</script>Last words"
	want := []string{"First paragraph", "one", "two", "Last words"}
	if diff := cmp.Diff(want, visibleText(page)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
