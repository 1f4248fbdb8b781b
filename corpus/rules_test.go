package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// warcResponse is a WARC file of one HTTP 200 response holding body.
func warcResponse(uri, contentType string, body []byte) []byte {
	return warcStatus(uri, "200 OK", contentType, body)
}

// warcStatus is a WARC file of one HTTP response of that status.
func warcStatus(uri, status, contentType string, body []byte) []byte {
	http := fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
	return fmt.Appendf(nil, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"+
		"WARC-Date: 2024-05-21T10:00:00Z\r\nWARC-Target-URI: %s\r\n"+
		"Content-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(http), http)
}

// TestWARCCaptureSource: a WARC capture's url is the URL served, over the
// page's canonical link, and its source.sha256 is of the payload.
func TestWARCCaptureSource(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Road to Kirants reopens</title>
<link rel="canonical" href="https://news.example.am/canonical/kirants"></head><body><article><h1>Road to Kirants reopens</h1>
<p>The road into the village of Kirants, in Tavush province, reopened on Monday after residents ended a protest against the demarcation of the border.</p>
<p>The police left the road in the evening, and the first buses to Ijevan ran again on Tuesday morning, officials said.</p></article></body></html>`)
	input := t.TempDir()
	write(t, filepath.Join(input, "crawl.warc"), warcResponse("https://news.example.am/served/kirants", "text/html; charset=utf-8", page))
	m, records := buildDir(t, input)
	if len(records) != 1 {
		t.Fatalf("%d records from %+v, want 1", len(records), m.Inputs)
	}
	r := records[0]
	if r.URL == nil || *r.URL != "https://news.example.am/served/kirants" {
		t.Errorf("url %v, want the WARC-Target-URI over the canonical link", r.URL)
	}
	sum := sha256.Sum256(page)
	if r.Source.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("source.sha256 %s, want the payload's %x", r.Source.SHA256, sum)
	}
}

// TestSourcesRows: columns in any order; a row without a file name is
// ignored with its line; a one-article capture takes the row's url, outlet
// and the date in its URL, a capture of many items neither url nor outlet.
func TestSourcesRows(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	copySeed(t, input, "001_5e29adcfeed8e22f.txt")
	table := "retrieved\toutlet\tfile\turl\n" +
		"2024-06-01\tKirants Daily\ta.txt\thttps://kirants.example.am/2024/05/21/shelters\n" +
		"2024-06-01\tNobody\t\thttps://example.am/nothing\n" +
		"2024-06-02\tDigest Weekly\t001_5e29adcfeed8e22f.txt\thttps://digest.example.org/weekly\n"
	write(t, filepath.Join(input, SourcesFile), []byte(table))
	m, records := buildDir(t, input)
	if got := strings.Join(m.Sources.Ignored, "\n"); got != "sources.tsv:3: no file name; row ignored" {
		t.Errorf("ignored rows %q, want line 3 without a file name", got)
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	digest := 0
	for _, r := range records {
		url, outlet := str(r.URL), str(r.Outlet)
		if r.ID == "a#1" {
			date := ""
			if r.Date != nil {
				date = r.Date.String() + " " + *r.DatePrecision
			}
			if url != "https://kirants.example.am/2024/05/21/shelters" || outlet != "Kirants Daily" || r.Retrieved == nil || r.Retrieved.String() != "2024-06-01" || date != "2024-05-21 day" {
				t.Errorf("a#1: url %s outlet %s retrieved %v date %q; want the row's, and the URL's date", url, outlet, r.Retrieved, date)
			}
			continue
		}
		digest++
		if url == "https://digest.example.org/weekly" || outlet == "Digest Weekly" || r.Retrieved == nil || r.Retrieved.String() != "2024-06-02" {
			t.Errorf("%s: url %s outlet %s retrieved %v; a digest's items keep their own url and outlet", r.ID, url, outlet, r.Retrieved)
		}
	}
	if digest != 10 {
		t.Errorf("%d digest records, want 10", digest)
	}
}

// TestSourcesTableRefused: a sources.tsv without a file column, over
// 64 MiB, or a device fails the build, saying why.
func TestSourcesTableRefused(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	tsv := filepath.Join(input, SourcesFile)
	write(t, tsv, []byte("name\turl\na.txt\thttps://example.am/a\n"))
	if _, _, err := tryBuild(t, input, Options{}); err == nil || !strings.Contains(err.Error(), `sources.tsv:1: header has no "file" column`) {
		t.Errorf("no file column: %v", err)
	}
	write(t, tsv, []byte("file\turl\n"))
	if err := os.Truncate(tsv, maxSourcesBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := tryBuild(t, input, Options{}); err == nil || !strings.Contains(err.Error(), "over the limit of 67108864") {
		t.Errorf("a sources.tsv of 64 MiB and a byte: %v", err)
	}
	if err := os.Remove(tsv); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mknod(tsv, syscall.S_IFCHR|0o644, 1<<8|3); err != nil { // /dev/null's numbers
		t.Skipf("no device made (%v): the rest needs CAP_MKNOD", err)
	}
	if _, _, err := tryBuild(t, input, Options{}); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("sources.tsv a device: %v", err)
	}
}

// TestUserFilesTooLarge: a --gazetteer or --outlets file over 64 MiB fails
// the build at once.
func TestUserFilesTooLarge(t *testing.T) {
	input := t.TempDir()
	write(t, filepath.Join(input, "a.txt"), []byte(article))
	big := filepath.Join(t.TempDir(), "big.tsv")
	write(t, big, nil)
	if err := os.Truncate(big, maxUserFileBytes+1); err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]Options{"gazetteer": {Gazetteer: big}, "outlets": {Outlets: big}} {
		out := filepath.Join(t.TempDir(), "out")
		opts.Output = out
		if _, _, err := tryBuild(t, input, opts); err == nil || !strings.Contains(err.Error(), name+": ") || !strings.Contains(err.Error(), "over the limit of 67108864") {
			t.Errorf("--%s of 64 MiB and a byte: %v", name, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("--%s too large: the output folder was created", name)
		}
	}
}

// TestLinesAfterConversion: a record's lines are counted after CRLF and CR
// become LF, one line each.
func TestLinesAfterConversion(t *testing.T) {
	input := t.TempDir()
	text := "Goris welcomes refugees\n\nThe town of Goris opened two new shelters on Monday, officials said.\nMore will open next week.\n"
	write(t, filepath.Join(input, "crlf.txt"), []byte(strings.ReplaceAll(text, "\n", "\r\n")))
	write(t, filepath.Join(input, "cr.txt"), []byte(strings.ReplaceAll(text, "\n", "\r")))
	write(t, filepath.Join(input, "lf.txt"), []byte(text))
	_, records := buildDir(t, input)
	if len(records) != 3 {
		t.Fatalf("%d records, want 3", len(records))
	}
	want := records[2].Source // lf.txt
	for _, r := range records[:2] {
		if r.Source.LineStart != want.LineStart || r.Source.LineEnd != want.LineEnd || r.Body != records[2].Body {
			t.Errorf("%s: lines %d-%d, want %d-%d as with LF", r.ID, r.Source.LineStart, r.Source.LineEnd, want.LineStart, want.LineEnd)
		}
	}
	if want.LineStart != 1 || want.LineEnd != 4 {
		t.Errorf("lf.txt: lines %d-%d, want 1-4", want.LineStart, want.LineEnd)
	}
}
