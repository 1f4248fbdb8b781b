package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/klauspost/compress/zstd"
	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCommands make the inputs researchers hold, for the scripts:
//
//	compress gzip|zstd FILE OUT   FILE compressed into OUT
//	warc OUT URL=FILE...          a WARC, gzip-compressed record by record as
//	                              crawlers write it, with github.com/nlnwa/gowarc's
//	                              writer: a warcinfo record, then for each page a
//	                              request and an HTTP 200 response (HTML for .html
//	                              files, else text), then a 404, an image, a revisit
//	                              and a metadata record
//	cut FILE N                    FILE without its last N bytes
//	replace FILE OLD NEW          FILE with OLD replaced by NEW, once (as sed
//	                              would, without depending on a sed)
//	arrowcheck DIR...             each release read with Apache Arrow's Parquet
//	                              reader and compared with its JSONL
var scriptCommands = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"arrowcheck": arrowCheck,
	"compress": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 {
			ts.Fatalf("usage: compress gzip|zstd FILE OUT")
		}
		data := []byte(ts.ReadFile(args[1]))
		var out []byte
		switch args[0] {
		case "gzip":
			var b bytes.Buffer
			w := gzip.NewWriter(&b)
			w.Write(data)
			ts.Check(w.Close())
			out = b.Bytes()
		case "zstd":
			w, err := zstd.NewWriter(nil)
			ts.Check(err)
			out = w.EncodeAll(data, nil)
		default:
			ts.Fatalf("compress: unknown compression %q", args[0])
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
	},
	"warc": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) < 2 {
			ts.Fatalf("usage: warc OUT URL=FILE...")
		}
		var out bytes.Buffer
		n := 0
		add := func(kind gowarc.RecordType, uri, contentType, block string) {
			n++
			b := gowarc.NewRecordBuilder(kind)
			_, err := b.WriteString(block)
			ts.Check(err)
			b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", n))
			b.AddWarcHeader(gowarc.WarcDate, "2024-05-21T10:00:00Z")
			b.AddWarcHeader(gowarc.ContentType, contentType)
			if uri != "" {
				b.AddWarcHeader(gowarc.WarcTargetURI, uri)
			}
			rec, _, err := b.Build()
			ts.Check(err)
			var plain bytes.Buffer
			_, _, err = gowarc.NewMarshaler().Marshal(&plain, rec, 0)
			ts.Check(err)
			z := gzip.NewWriter(&out)
			z.Write(plain.Bytes())
			ts.Check(z.Close())
		}
		add(gowarc.Warcinfo, "", "application/warc-fields", "software: testscript\r\n")
		for _, page := range args[1:] {
			uri, file, ok := strings.Cut(page, "=")
			if !ok {
				ts.Fatalf("warc: %q is not URL=FILE", page)
			}
			body := ts.ReadFile(file)
			mediaType := "text/plain; charset=utf-8"
			if strings.HasSuffix(file, ".html") {
				mediaType = "text/html; charset=utf-8"
			}
			add(gowarc.Request, uri, "application/http;msgtype=request", "GET / HTTP/1.1\r\nHost: example\r\n\r\n")
			add(gowarc.Response, uri, "application/http;msgtype=response",
				"HTTP/1.1 200 OK\r\nContent-Type: "+mediaType+"\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body)
		}
		add(gowarc.Response, "https://example.am/gone", "application/http;msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
		add(gowarc.Response, "https://example.am/logo.png", "application/http;msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG")
		add(gowarc.Revisit, "https://example.am/", "application/http;msgtype=response", "HTTP/1.1 200 OK\r\n\r\n")
		add(gowarc.Metadata, "https://example.am/", "application/warc-fields", "outlink: https://example.am/b\r\n")
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), out.Bytes(), 0o644))
	},
	"replace": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 {
			ts.Fatalf("usage: replace FILE OLD NEW")
		}
		data := ts.ReadFile(args[0])
		if !strings.Contains(data, args[1]) {
			ts.Fatalf("replace: %s does not hold %q", args[0], args[1])
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Replace(data, args[1], args[2], 1)), 0o644))
	},
	"cut": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: cut FILE N")
		}
		data := ts.ReadFile(args[0])
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data[:len(data)-n]), 0o644))
	},
}
