package release_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// TestAjv validates the seeds' records, and the records schemaRejections
// break, with a second validator: ajv (clients/jsonschema, which .ci/run
// installs), with formats asserted and without. Without Node.js and the
// package it is skipped, unless REQUIRE_AJV is set, as CI sets it.
func TestAjv(t *testing.T) {
	client, err := filepath.Abs("../clients/jsonschema")
	if err != nil {
		t.Fatal(err)
	}
	_, nodeErr := exec.LookPath("node")
	_, pkgErr := os.Stat(filepath.Join(client, "node_modules", "ajv"))
	if nodeErr != nil || pkgErr != nil {
		if os.Getenv("REQUIRE_AJV") != "" {
			t.Fatalf("ajv unavailable: node %v, package %v (npm ci --prefix clients/jsonschema)", nodeErr, pkgErr)
		}
		t.Skip("ajv not installed: npm ci --prefix clients/jsonschema")
	}
	dir := buildRelease(t)
	type testCase struct {
		Name   string         `json:"name"`
		Valid  bool           `json:"valid"`
		Record map[string]any `json:"record"`
	}
	var cases []testCase
	scanner := bufio.NewScanner(mustOpen(t, filepath.Join(dir, release.JSONLFile)))
	scanner.Buffer(nil, 16<<20)
	var first []byte
	for line := 1; scanner.Scan(); line++ {
		var r map[string]any
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, testCase{Name: fmt.Sprintf("corpus.jsonl line %d", line), Valid: true, Record: r})
		if first == nil {
			first = append([]byte(nil), scanner.Bytes()...)
		}
	}
	for _, c := range schemaRejections {
		var r map[string]any
		must(t, json.Unmarshal(first, &r))
		c.breakIt(r)
		cases = append(cases, testCase{Name: c.name, Valid: false, Record: r})
	}
	var lines []string
	for _, c := range cases {
		b, err := json.Marshal(c)
		must(t, err)
		lines = append(lines, string(b))
	}
	casesFile := filepath.Join(t.TempDir(), "cases.jsonl")
	must(t, os.WriteFile(casesFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	for _, mode := range [][]string{nil, {"--no-formats"}} {
		args := append(append([]string{filepath.Join(client, "validate.mjs")}, mode...), filepath.Join(dir, release.SchemaFile), casesFile)
		out, err := exec.Command("node", args...).CombinedOutput()
		if err != nil || !strings.Contains(string(out), " 0 failed") {
			t.Errorf("ajv %v: %v\n%s", mode, err, out)
		}
	}
}
