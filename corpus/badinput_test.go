package corpus

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustEncode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	ruText = "Жители Карабаха возвращаются\n\nПрезидент Азербайджана Ильхам Алиев посетил Шушу и Ханкенди в понедельник.\n"
	frText = "Les réfugiés rentrent à Goris\n\nLes fermes d'abeilles à miel sont florissantes dans le district libéré de Kalbajar.\n"
	trText = "Cumhurbaşkanı Şuşa'yı ziyaret etti\n\nAzerbaycan Cumhurbaşkanı İlham Aliyev bugün Şuşa'yı ziyaret etti ve açılışa katıldı.\n"
)

// badInputs writes one file for every kind of bad input; it returns the
// folder and the unreadable file's name.
func badInputs(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	outside := t.TempDir()
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...)
	files := map[string][]byte{
		"empty.txt":           nil,
		"image.png":           png,
		"nul.txt":             []byte("Khankendi\x00news\x00"),
		"broken-utf8.txt":     []byte("Ağdam və Kəlbəcər azad olundu.\n\nŞuşa \xff\xfe və Xankəndi yenidən qurulur, Laçın da.\n"),
		"bom.txt":             append([]byte{0xEF, 0xBB, 0xBF}, "Shusha today\n\nThe city of Shusha reopened its museums on Monday.\n"...),
		"utf16le.txt":         mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), ruText),
		"utf16be.txt":         mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(), frText),
		"cp1251.txt":          mustEncode(t, charmap.Windows1251.NewEncoder(), ruText),
		"cp1252.txt":          mustEncode(t, charmap.Windows1252.NewEncoder(), frText),
		"cp1254.txt":          mustEncode(t, charmap.Windows1254.NewEncoder(), trText),
		"crlf.txt":            []byte("Lachin road\r\n\r\nThe Lachin road reopened on Tuesday, officials said.\r\n"),
		"cr.txt":              []byte("Lachin road\r\rThe Lachin road reopened on Tuesday, officials said.\r"),
		"long-line.txt":       bytes.Repeat([]byte("Karabakh news "), 10<<20/14),
		"too-large.txt":       bytes.Repeat([]byte("x"), 11<<20),
		"locked.txt":          []byte("Locked\n\nNobody may read this file.\n"),
		".hidden.txt":         []byte("Hidden\n\nA hidden capture.\n"),
		".git/config":         []byte("[core]\n"),
		"sub/article.txt":     []byte("Goris welcomes refugees\n\nThe town of Goris opened two new shelters on Monday.\n"),
		"sources.tsv":         []byte("file\turl\toutlet\tretrieved\nbom.txt\thttps://example.com/shusha\t\t\nbad\trow\twith\ttoo\tmany\n"),
		outside + "/real.txt": []byte("Outside\n\nA file outside the input folder.\n"),
	}
	for name, data := range files {
		path := name
		if !filepath.IsAbs(name) {
			path = filepath.Join(dir, name)
		}
		write(t, path, data)
	}
	for link, target := range map[string]string{
		"inside-link.txt":  "sub/article.txt",
		"outside-link.txt": outside + "/real.txt",
		"folder-link":      "sub",
		"broken-link.txt":  "nowhere.txt",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(dir, "locked.txt")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	return dir, locked
}

// TestBadInput builds a folder of every kind of bad input: each file ends as
// records with the right encoding, or in the manifest with its reason.
func TestBadInput(t *testing.T) {
	input, locked := badInputs(t)
	// Root reads any file whatever its mode, so refuse it as the OS would.
	defer func(open func(string, int, fs.FileMode) (*os.File, error)) { openFile = open }(openFile)
	openFile = func(name string, flag int, perm fs.FileMode) (*os.File, error) {
		if filepath.Base(name) == filepath.Base(locked) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.OpenFile(name, flag, perm)
	}
	out := t.TempDir()
	m, err := Build(context.Background(), Options{Input: input, Output: out, Version: "dev", Workers: 2, MaxFileSize: 10<<20 + 1024})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]release.Input{}
	for _, in := range m.Inputs {
		got[in.Path] = in
	}
	records := map[string]int{
		"broken-utf8.txt": 1, "bom.txt": 1, "utf16le.txt": 1, "utf16be.txt": 1, "cp1251.txt": 1,
		"cp1252.txt": 1, "cp1254.txt": 1, "crlf.txt": 1, "cr.txt": 1, "long-line.txt": 0,
		"sub/article.txt": 1, "inside-link.txt": 1,
	}
	encodings := map[string]string{
		"utf16le.txt": "utf-16le", "utf16be.txt": "utf-16be", "cp1251.txt": "windows-1251",
		"cp1252.txt": "windows-1252", "cp1254.txt": "windows-1254", "bom.txt": "utf-8", "broken-utf8.txt": "utf-8",
	}
	skipped := map[string]string{
		"empty.txt":        "empty file",
		"image.png":        "binary content, not text",
		"nul.txt":          "binary content, not text",
		"too-large.txt":    "too large: 11534336 bytes, over the limit of 10486784 (raise it with --max-file-size)",
		"locked.txt":       "unreadable: permission denied (check the file's permissions)",
		".hidden.txt":      "hidden file, not read",
		".git":             "hidden folder, not read",
		"outside-link.txt": "symlink leads outside the input folder",
		"folder-link":      "symlink to a folder, not followed",
		"broken-link.txt":  "broken symlink",
	}
	if len(got) != len(records)+len(skipped) {
		t.Errorf("manifest lists %d inputs, want %d: %v", len(got), len(records)+len(skipped), got)
	}
	for path, n := range records {
		in := got[path]
		if in.Records != n || in.Skipped != "" {
			t.Errorf("%s: %d records, skipped %q; want %d records", path, in.Records, in.Skipped, n)
		}
		if want, ok := encodings[path]; ok && in.Encoding != want {
			t.Errorf("%s: encoding %s, want %s", path, in.Encoding, want)
		}
	}
	for path, reason := range skipped {
		if in := got[path]; !strings.Contains(in.Skipped, reason) || in.Records != 0 {
			t.Errorf("%s: skipped %q with %d records, want a reason containing %q", path, in.Skipped, in.Records, reason)
		}
	}
	if w := got["broken-utf8.txt"].Warnings; len(w) != 1 || !strings.Contains(w[0], "2 invalid UTF-8 sequences replaced") {
		t.Errorf("broken-utf8.txt warnings = %v", w)
	}
	if ignored := m.Sources.Ignored; len(ignored) != 1 || !strings.HasPrefix(ignored[0], "sources.tsv:3: ") {
		t.Errorf("sources.tsv ignored rows = %v, want line 3", ignored)
	}

	byPath := map[string]schema.Record{}
	for _, r := range readJSONL(t, filepath.Join(out, "dev", release.JSONLFile)) {
		for _, err := range schema.Check(r) {
			t.Error(err)
		}
		byPath[r.Source.Path] = r
	}
	for path, want := range map[string]struct{ title, body, lang string }{
		"cp1251.txt":  {"Жители Карабаха возвращаются", "Президент Азербайджана Ильхам Алиев посетил Шушу и Ханкенди в понедельник.", "ru"},
		"utf16le.txt": {"Жители Карабаха возвращаются", "Президент Азербайджана Ильхам Алиев посетил Шушу и Ханкенди в понедельник.", "ru"},
		"cp1252.txt":  {"Les réfugiés rentrent à Goris", "Les fermes d'abeilles à miel sont florissantes dans le district libéré de Kalbajar.", "fr"},
		"cp1254.txt":  {"Cumhurbaşkanı Şuşa'yı ziyaret etti", "Azerbaycan Cumhurbaşkanı İlham Aliyev bugün Şuşa'yı ziyaret etti ve açılışa katıldı.", "tr"},
		"cr.txt":      {"Lachin road", "The Lachin road reopened on Tuesday, officials said.", "en"},
		"bom.txt":     {"Shusha today", "The city of Shusha reopened its museums on Monday.", "en"},
	} {
		r := byPath[path]
		if r.Title == nil || *r.Title != want.title || r.Body != want.body || r.Language != want.lang {
			t.Errorf("%s: title %v body %q language %s; want %q %q %s", path, r.Title, r.Body, r.Language, want.title, want.body, want.lang)
		}
	}
	if r := byPath["bom.txt"]; r.URL == nil || *r.URL != "https://example.com/shusha" {
		t.Errorf("bom.txt url = %v: the sources.tsv row after a BOM was lost", r.URL)
	}
	// A record may not hold a body that large: the item is dropped, with
	// the reason.
	if d := got["long-line.txt"].Dropped; len(d) != 1 || d[0].LineStart != 1 || d[0].LineEnd != 1 ||
		d[0].Reason != "a line of 10485748 bytes, over the limit of 4194304 a record's body may hold" {
		t.Errorf("long line: dropped %+v", d)
	}
}

// TestStrict: with Strict any skip fails the build and no release is written.
func TestStrict(t *testing.T) {
	input := t.TempDir()
	copySeed(t, input, "003_44e02db5fe0c55f4.txt")
	write(t, filepath.Join(input, "empty.txt"), nil)
	out := t.TempDir()
	_, err := Build(context.Background(), Options{Input: input, Output: out, Version: "dev", Strict: true})
	if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "empty.txt: skipped: empty file") {
		t.Fatalf("strict build: %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 || entries[0].Name() != release.LockFile {
		t.Errorf("strict build left %v in the output folder, want only its lock file", entries)
	}
	os.Remove(filepath.Join(input, "empty.txt"))
	if _, err := Build(context.Background(), Options{Input: input, Output: out, Version: "dev", Strict: true}); err != nil {
		t.Errorf("strict build of good input: %v", err)
	}
}
