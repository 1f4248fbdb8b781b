package release_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDuckDB loads a release with a real client, DuckDB from npm
// (clients/duckdb, which .ci/run installs): the Parquet and JSONL hold the
// same rows, the column types are what users expect, the mentions agree.
// Without Node.js and the package it is skipped, unless REQUIRE_DUCKDB is
// set, as CI sets it.
func TestDuckDB(t *testing.T) {
	client, err := filepath.Abs("../clients/duckdb")
	if err != nil {
		t.Fatal(err)
	}
	_, nodeErr := exec.LookPath("node")
	_, pkgErr := os.Stat(filepath.Join(client, "node_modules", "@duckdb", "node-api"))
	if nodeErr != nil || pkgErr != nil {
		if os.Getenv("REQUIRE_DUCKDB") != "" {
			t.Fatalf("DuckDB client unavailable: node %v, package %v (npm install --prefix clients/duckdb)", nodeErr, pkgErr)
		}
		t.Skip("DuckDB client not installed: npm install --prefix clients/duckdb")
	}
	dir := buildRelease(t)
	out, err := exec.Command("node", filepath.Join(client, "check-release.mjs"), dir).CombinedOutput()
	if err != nil || strings.Contains(string(out), "FAIL") {
		t.Fatalf("DuckDB check: %v\n%s", err, out)
	}
	for _, want := range []string{"ok   date is: DATE", "ok   byline is: VARCHAR[]", "ok   unnested mentions of the JSONL equal the Parquet: 1462", "28 rows, 1462 mentions"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("DuckDB check lacks %q:\n%s", want, out)
		}
	}
}
