package main

import (
	"bytes"
	"go/token"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMutate(t *testing.T) {
	src := []byte("package p\n\nfunc f(a, b int) bool {\n\tswitch {\n\tcase a-b <= 0, -a == b:\n\t\treturn true\n\t}\n\treturn a != b\n}\n")
	for _, c := range []struct {
		line, col int
		mutator   string
		want      string
	}{
		{5, 11, "CONDITIONALS_BOUNDARY", "\tcase a-b < 0, -a == b:\n"},
		{5, 11, "CONDITIONALS_NEGATION", "\tcase a-b > 0, -a == b:\n"},
		{5, 8, "ARITHMETIC_BASE", "\tcase a+b <= 0, -a == b:\n"},
		{5, 17, "INVERT_NEGATIVES", "\tcase a-b <= 0, +a == b:\n"},
		{5, 20, "CONDITIONALS_NEGATION", "\tcase a-b <= 0, -a != b:\n"},
	} {
		got, err := mutate(src, c.line, c.col, c.mutator)
		if err != nil {
			t.Fatalf("%d:%d %s: %v", c.line, c.col, c.mutator, err)
		}
		if want := strings.Replace(string(src), "\tcase a-b <= 0, -a == b:\n", c.want, 1); string(got) != want {
			t.Errorf("%d:%d %s:\n%s\nwant\n%s", c.line, c.col, c.mutator, got, want)
		}
	}
	if _, err := mutate(src, 5, 20, "CONDITIONALS_BOUNDARY"); err == nil {
		t.Error("CONDITIONALS_BOUNDARY changed ==")
	}
	if _, err := mutate(src, 5, 9, "ARITHMETIC_BASE"); err == nil {
		t.Error("a mutant at no operator's column was made")
	}
}

// TestReachedCases: only the conditions of a switch that ran are reached.
func TestReachedCases(t *testing.T) {
	src := []byte("package p\n\nfunc f(a int) int {\n\tswitch {\n\tcase a < 0,\n\t\ta > 9:\n\t\treturn 0\n\t}\n\treturn 1\n}\n\nfunc g(a int) int {\n\tswitch a {\n\tcase 1:\n\t\treturn 2\n\t}\n\treturn 3\n}\n")
	blocks := []block{
		{file: "example.com/p/p.go", startLine: 3, startCol: 20, endLine: 4, endCol: 9, count: 1},
		{file: "example.com/p/p.go", startLine: 12, startCol: 20, endLine: 13, endCol: 11, count: 0},
	}
	cases, err := reachedCases("p/p.go", src, blocks)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		line, col int
		want      bool
	}{{5, 9, true}, {6, 5, true}, {7, 3, false}, {14, 7, false}} {
		sw, got := cases.at(c.line, c.col)
		if got != c.want || got && (sw.Line != 4 || sw.Column != 2) {
			t.Errorf("at(%d, %d) = %d:%d, %v; want %v, in the switch at 4:2", c.line, c.col, sw.Line, sw.Column, got, c.want)
		}
	}
}

// TestCoverageByTest: each test's coverage is its own, so a line is run
// by the tests that reach it and no other.
func TestCoverageByTest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	const dir = "../../internal/tsv"
	src, err := os.ReadFile(dir + "/tsv.go")
	if err != nil {
		t.Fatal(err)
	}
	lineOf := func(code string) token.Position {
		before, _, ok := strings.Cut(string(src), code)
		if !ok {
			t.Fatalf("tsv.go holds no %q", code)
		}
		return token.Position{Line: strings.Count(before, "\n") + 1, Column: len(before) - strings.LastIndex(before, "\n")}
	}
	byTest, err := coverageByTest(dir, dir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code string
		want []string
	}{
		{"for scanner.Scan()", []string{"TestRead", "TestReadErrors", "TestRowErrorNamesTheLine"}},
		{`return fmt.Errorf("%s:%d: header must be`, []string{"TestReadErrors"}},
		{`return fmt.Errorf("%s:%d: %w", name, line, err)`, []string{"TestRowErrorNamesTheLine"}},
	} {
		if diff := cmp.Diff(c.want, byTest.running("internal/tsv/tsv.go", lineOf(c.code))); diff != "" {
			t.Errorf("tests running %q (-want +got):\n%s", c.code, diff)
		}
	}
	if got := byTest.running("internal/tsv/other.go", lineOf("for scanner.Scan()")); got != nil {
		t.Errorf("tests running a line of another file: %v", got)
	}
}

// TestStatus runs a package's tests through an overlay: unchanged they
// pass, a mutant they catch fails them, one that does not compile is not
// viable.
func TestStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	const path = "../../internal/tsv/tsv.go"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		mutant []byte
		want   string
	}{
		{src, "LIVED"},
		{bytes.Replace(src, []byte(`strings.Join(fields, "\t") != strings.Join(header, "\t")`), []byte(`strings.Join(fields, "\t") == strings.Join(header, "\t")`), 1), "KILLED"},
		{append(src, "}"...), "NOT VIABLE"},
	} {
		got, err := test("../../internal/tsv", path, c.mutant, t.TempDir(), time.Minute, nil)
		if err != nil || got != c.want {
			t.Errorf("status = %q, %v; want %q", got, err, c.want)
		}
	}
	// Only the tests named run: TestRead reads no wrong header, so a
	// mutant of that error's message lives through it alone.
	message := bytes.Replace(src, []byte(`header must be %q`), []byte(`header must be: %q`), 1)
	for _, c := range []struct {
		tests []string
		want  string
	}{{[]string{"TestRead"}, "LIVED"}, {[]string{"TestRead", "TestReadErrors"}, "KILLED"}} {
		if got, err := test("../../internal/tsv", path, message, t.TempDir(), time.Minute, c.tests); err != nil || got != c.want {
			t.Errorf("status by %v = %q, %v; want %q", c.tests, got, err, c.want)
		}
	}
}

// TestRerun: a mutant the report gives a status in rerun is run again and
// takes the status its tests give; one whose status is not, keeps it.
func TestRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	// tsv.go:36:49 is the != of a case whose mutant the tests kill; the
	// report says it lived, as it would after a test was added.
	const lived = `{"files": [{"file_name": "tsv.go", "mutations": [{"line": 36, "column": 49, "type": "CONDITIONALS_NEGATION", "status": "LIVED"}]}], "test_efficacy": 0}`
	// tsv.go:29:7 is the line count's ++, which the tests run and kill; the
	// report says it is not covered, as gremlins says of code that only a
	// command the tests run executes.
	const notCovered = `{"files": [{"file_name": "tsv.go", "mutations": [{"line": 29, "column": 7, "type": "INCREMENT_DECREMENT", "status": "NOT COVERED"}]}], "test_efficacy": 0}`
	for _, c := range []struct {
		report string
		rerun  map[any]bool
		want   string
	}{
		{lived, map[any]bool{"KILLED": true}, `"status": "LIVED"`},
		{lived, map[any]bool{"LIVED": true}, `"status": "KILLED"`},
		{notCovered, map[any]bool{"LIVED": true}, `"status": "NOT COVERED"`},
		{notCovered, map[any]bool{"NOT COVERED": true}, `"status": "KILLED"`},
	} {
		path := t.TempDir() + "/report.json"
		if err := os.WriteFile(path, []byte(c.report), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := run("../../internal/tsv", path, 3, c.rerun); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), c.want) || !strings.Contains(string(got), `"test_efficacy": 0`) || strings.Contains(string(got), `"case"`) {
			t.Errorf("rerun %v: report\n%s\nwant %s, the other fields kept, no \"case\"", c.rerun, got, c.want)
		}
	}
}

// TestMalformedReport: a mutation without its position or type is an error
// naming the report, not a panic.
func TestMalformedReport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	path := t.TempDir() + "/report.json"
	if err := os.WriteFile(path, []byte(`{"files": [{"file_name": "tsv.go", "mutations": [{"line": "36", "status": "LIVED"}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run("../../internal/tsv", path, 3, map[any]bool{"LIVED": true})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("run = %v, want an error naming %s", err, path)
	}
}
