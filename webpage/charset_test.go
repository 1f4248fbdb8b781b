package webpage

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodePage(t *testing.T) {
	const russian = "Переговоры продолжатся в среду, сообщили в министерстве иностранных дел."
	cp1251 := func(s string) string {
		b, err := charmap.Windows1251.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) string {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	longHead := "<html><head><title>t</title>" + strings.Repeat("<link rel=preload href=/a.css>\n", 60)
	for _, c := range []struct {
		name, raw, httpCharset, want string
	}{
		{"BOM wins over meta", "\xef\xbb\xbf<meta charset=windows-1251><p>" + russian, "", "utf-8"},
		{"UTF-16 BOM", utf16("<html><p>" + russian), "", "utf-16le"},
		{"HTTP header wins over meta", "<meta charset=utf-8><p>" + cp1251(russian), "windows-1251", "windows-1251"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>` + cp1251(russian), "", "windows-1251"},
		{"meta charset label", "<meta charset='cp1251'><p>" + cp1251(russian), "", "windows-1251"},
		{"meta after 1024 bytes", longHead + "<meta charset=koi8-r></head><p>" + mustKOI8(t, russian), "", "koi8-r"},
		{"declared latin-1, bytes UTF-8", "<meta charset=iso-8859-1><p>" + russian, "", "utf-8"},
		{"declared UTF-8, bytes cp1251", "<meta charset=utf-8><p>" + cp1251(russian), "", "windows-1251"},
		{"undeclared cp1251", "<p>" + cp1251(russian), "", "windows-1251"},
		{"unknown label", "<meta charset=x-nonsense><p>" + russian, "", "utf-8"},
		{"ASCII declared windows-1252", "<meta charset=windows-1252><p>plain", "", "windows-1252"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := decodePage([]byte(c.raw), c.httpCharset)
			if err != nil {
				t.Fatal(err)
			}
			if got.Encoding != c.want {
				t.Errorf("encoding %s, want %s", got.Encoding, c.want)
			}
			if strings.Contains(c.raw, "<p>") && c.want != "windows-1252" && !strings.Contains(got.Text, russian) {
				t.Errorf("text %q does not hold the Russian sentence", got.Text)
			}
		})
	}
}

func mustKOI8(t *testing.T, s string) string {
	b, err := charmap.KOI8R.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIsHTML(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\xef\xbb\xbf\n  <!doctype HTML>", true},
		{"<!-- saved from url=(0042)https://example.org/ -->\n<html lang=en>", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"\r\n\t<HEAD><TITLE>x</TITLE></HEAD>", true},
		{"<body>", true},
		{"<meta charset=utf-8><title>x</title>", true},
		{"<p>A fragment of a page.</p>", true},
		{"<div class=a><p>x</p></div>", true},
		{"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", true},
		{"Armenia and Azerbaijan resumed talks <b>today</b>.", false},
		{"<a note from the editor> the talks resumed.", false},
		{"<p>is how a paragraph starts, the manual says", false},
		{"", false},
		{"   ", false},
		{`{"html": "<p>x</p>"}`, false},
		{"<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>", false},
		{"<!-- a comment, then text -->\nHello", false},
		{"<!----><html>", true},
		{"<?xml?><html>", true},
		{"<!--", false},
		{"<html", false},
	} {
		if got := IsHTML([]byte(c.raw)); got != c.want {
			t.Errorf("IsHTML(%q) = %v, want %v", c.raw, got, c.want)
		}
	}
}
