package webpage

import (
	"errors"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/unicode/norm"
)

// FuzzRead reads arbitrary bytes as a page: no panic (the guard in Read
// would report one as ErrMarkup), and every field valid UTF-8 in NFC
// without control characters but tab and newline.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		if ar, err := txtar.ParseFile(file); err == nil {
			f.Add([]byte(archiveFile(ar, "page.html")), "")
		}
	}
	for _, s := range []string{
		"<html><body><p>x</p></body></html>",
		"<article><h2>a</h2><time>b</time><p>c</p></article><article><h2>d</h2><p>e</p></article>",
		"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>",
		"\xef\xbb\xbf<!doctype html><title>t</title>",
		"\xff\xfe<\x00p\x00>\x00x\x00",
		"<div><div><div><span><b><i>",
		"<table><tr><td><p><li><pre>a\nb</pre>",
		"<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":1}</script>",
		"<meta property=og:title content='e&#769;&#1;x'><meta property=og:site_name content='&#11;'><p>a&#769;</p>",
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<p>Ünïcödé</p>"), "windows-1252")
	f.Fuzz(func(t *testing.T, raw []byte, charset string) {
		page, err := Read(raw, Hint{Charset: charset, URL: "https://example.org/a"})
		if errors.Is(err, ErrMarkup) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(page.Text) || !norm.NFC.IsNormalString(page.Text) {
			t.Error("Text is not valid NFC UTF-8")
		}
		checkPage(t, page)
	})
}
