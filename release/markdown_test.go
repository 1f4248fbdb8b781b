package release

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkdownCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"corpus.jsonl", "`corpus.jsonl`"},
		{"001_5e29adcfeed8e22f#1", "`001_5e29adcfeed8e22f#1`"},
		{"<script> - 2023. * | x", `\<script\> - 2023. \* \| x`},
		{"- item", "`- item`"},
		{"a\nb.txt", `a\nb.txt`},
		{"`x`", "\\`x\\`"},
		{" padded ", "&#32;padded&#32;"},
		{"caf\xe9", `caf\xe9`},
		{"\u2002x\xe9\u2002", `&#8194;x\xe9&#8194;`},
		{"\x01name", `\x01name`},
		{"", ""},
	} {
		if got := markdownCode(tt.in); got != tt.want {
			t.Errorf("markdownCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"- item", `\- item`},
		{"# title", `\# title`},
		{"2023. Review", `2023\. Review`},
		{"12) x", `12\) x`},
		{"1999. x", `1999\. x`},
		{"new.am, 1. x", "new.am, 1. x"},
		{"<b>AT&T</b>", `\<b\>AT\&T\</b\>`},
		{"$x$ ~y~ _z_ [a](b)", `\$x\$ \~y\~ \_z\_ \[a\](b)`},
		{"Barron's", "Barron's"},
		{"a\u2002b", "a\u2002b"},
	} {
		if got := markdownText(tt.in); got != tt.want {
			t.Errorf("markdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Bad character references are errors, and so is a backslash ending the
	// cell, which escapes nothing.
	for _, cell := range []string{"&#;", "&#32", "&#xff;", "&#55296;", `name\`} {
		if got, err := unmarkdown(cell); err == nil {
			t.Errorf("unmarkdown(%q) = %q, want an error", cell, got)
		}
	}
}

// FuzzMarkdownCode: whatever the name, it stays on one line, in one table
// cell, and reads back as itself.
func FuzzMarkdownCode(f *testing.F) {
	for _, s := range []string{"corpus.jsonl", "a\nb", "a|b\\", "`x` | `y`", "\\|", "&#32;", " a", "1) b", "caf\xe9", "\u0085\x7f\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		md := markdownCode(s)
		if strings.ContainsAny(md, "\n\r") || !utf8.ValidString(md) {
			t.Fatalf("markdownCode(%q) = %q: not one line of UTF-8", s, md)
		}
		cells := tableCells("| " + md + " | 12 |")
		if len(cells) != 2 || cells[1] != "12" {
			t.Fatalf("markdownCode(%q) = %q splits the row into %q", s, md, cells)
		}
		if back, err := unmarkdown(cells[0]); err != nil || back != s {
			t.Fatalf("unmarkdown(%q) = %q, %v; want %q", cells[0], back, err, s)
		}
	})
}
