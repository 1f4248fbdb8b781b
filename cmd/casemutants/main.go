// Command casemutants runs the mutants of one package that gremlins v0.6.0
// found: bench/mutation.sh has gremlins find them (--dry-run: the mutants
// and which the tests cover) and this command run them, for three reasons.
//
// Speed: gremlins runs a package's whole suite against every mutant. This
// command first runs only the tests that run the mutant's code (each
// test's coverage is measured alone, once): a test that never runs the
// code cannot fail on it. A mutant those tests kill is killed; one they let
// live is run again against the whole suite, which decides.
//
// Case conditions: Go's coverage blocks begin after a case's colon, so no
// block holds its condition and gremlins marks every mutant there NOT
// COVERED. This command runs those whose switch the tests reach, tested by
// the tests that reach the switch, and marks each "case": true.
//
// Commands: gremlins names a mutant's package by looking for a directory
// named as the Go package, so for a command (package main, in cmd/build)
// it tests the module's root, which holds no package: "setup failed", and
// every mutant "killed". This command tests the package given.
//
// Each mutant gets the same token change gremlins would make, through go
// test's -overlay (the source tree is never touched), and its status as
// gremlins decides them: KILLED, LIVED, TIMED OUT or NOT VIABLE, written
// back into the report. With --lived it runs only the case mutants and the
// mutants the report says lived: after tests were added, those are the
// only ones whose status can change (the killed stay killed while the code
// is the same); with --all, every mutant the report holds but the not
// covered outside a case.
//
//	go run ./cmd/casemutants --package ./mention --report mention.json [--lived | --all]
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	pkg := flag.String("package", "", "the package gremlins mutated, as ./DIR")
	report := flag.String("report", "", "gremlins' JSON report of it, rewritten in place")
	coefficient := flag.Int("timeout-coefficient", 3, "a mutant's tests may take this many times the unmutated tests' time")
	lived := flag.Bool("lived", false, "also run again the mutants that lived, and those not covered that a test now runs")
	all := flag.Bool("all", false, "run every mutant gremlins found (its --dry-run report) or ran")
	flag.Parse()
	if *pkg == "" || *report == "" {
		fmt.Fprintln(os.Stderr, "usage: casemutants --package ./DIR --report FILE.json [--lived | --all]")
		os.Exit(2)
	}
	rerun := map[any]bool{}
	if *lived || *all {
		// gremlins' coverage misses what only a command the tests run
		// executes (testscript's exec): a mutant it calls not covered is
		// run when this command's coverage sees a test run its code.
		rerun["LIVED"], rerun["NOT COVERED"] = true, true
	}
	if *all {
		for _, status := range []string{"RUNNABLE", "KILLED", "TIMED OUT", "NOT VIABLE"} {
			rerun[status] = true
		}
	}
	if err := run(*pkg, *report, *coefficient, rerun); err != nil {
		fmt.Fprintln(os.Stderr, "casemutants:", err)
		os.Exit(1)
	}
}

// report is the part of gremlins' JSON this command reads and rewrites; the
// other fields are kept as they are.
type report struct {
	Files []struct {
		FileName  string           `json:"file_name"`
		Mutations []map[string]any `json:"mutations"`
	} `json:"files"`
	rest map[string]json.RawMessage
}

// run runs the reached case mutants, and those whose status is in rerun, of
// the report's package.
func run(pkg, reportPath string, coefficient int, rerun map[any]bool) error {
	raw, err := os.ReadFile(reportPath)
	if err != nil {
		return err
	}
	var r report
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("%s: %w", reportPath, err)
	}
	if err := json.Unmarshal(raw, &r.rest); err != nil {
		return fmt.Errorf("%s: %w", reportPath, err)
	}
	tmp, err := os.MkdirTemp("", "casemutants")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	profile := filepath.Join(tmp, "cover.out")
	start := time.Now()
	if out, err := exec.Command("go", "test", "-count=1", "-coverprofile", profile, pkg).CombinedOutput(); err != nil {
		return fmt.Errorf("the tests of %s fail unmutated: %w\n%s", pkg, err, out)
	}
	timeout := time.Duration(coefficient) * time.Since(start)
	blocks, err := readProfile(profile)
	if err != nil {
		return err
	}
	dir := strings.TrimPrefix(pkg, "./")
	byTest, err := coverageByTest(pkg, dir, tmp)
	if err != nil {
		return err
	}
	for _, f := range r.Files {
		path := filepath.Join(dir, f.FileName)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		cases, err := reachedCases(path, src, blocks)
		if err != nil {
			return err
		}
		for _, m := range f.Mutations {
			lineValue, ok1 := m["line"].(float64)
			colValue, ok2 := m["column"].(float64)
			mutator, ok3 := m["type"].(string)
			if !ok1 || !ok2 || !ok3 {
				return fmt.Errorf("%s: a mutation of %s without a numeric line and column and a type: %v", reportPath, f.FileName, m)
			}
			line, col := int(lineValue), int(colValue)
			code := token.Position{Line: line, Column: col}
			sw, inCase := cases.at(line, col)
			inCase = inCase && m["status"] == "NOT COVERED"
			if inCase {
				code = sw // no coverage block holds the condition: its switch's does
			} else if !rerun[m["status"]] {
				continue
			}
			mutant, err := mutate(src, line, col, mutator)
			if err != nil {
				return fmt.Errorf("%s:%d:%d: %w", path, line, col, err)
			}
			tests := byTest.running(path, code)
			if m["status"] == "NOT COVERED" && !inCase && tests == nil {
				continue // no test runs it
			}
			status, err := test(pkg, path, mutant, tmp, timeout, tests)
			if err == nil && status == "LIVED" && tests != nil {
				status, err = test(pkg, path, mutant, tmp, timeout, nil)
			}
			if err != nil {
				return err
			}
			m["status"] = status
			if inCase {
				m["case"] = true
			}
			fmt.Fprintf(os.Stderr, "%12s %s at %s:%d:%d\n", status, mutator, f.FileName, line, col)
		}
	}
	files, err := json.Marshal(r.Files)
	if err != nil {
		return err
	}
	r.rest["files"] = files
	out, err := json.MarshalIndent(r.rest, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(reportPath, out, 0o644)
}

// block is one line of a coverage profile: a span of a file and how often
// its statements ran.
type block struct {
	file                string
	startLine, startCol int
	endLine, endCol     int
	count               int
}

// in tells whether the block is of the file at path, relative to the
// module's root or to the working directory ("../../internal/tsv/tsv.go"):
// a profile names files by import path.
func (b block) in(path string) bool {
	path = filepath.ToSlash(filepath.Clean(path))
	for strings.HasPrefix(path, "../") {
		path = path[len("../"):]
	}
	return strings.HasSuffix(b.file, "/"+path)
}

func (b block) holds(line, col int) bool {
	return (line > b.startLine || line == b.startLine && col >= b.startCol) &&
		(line < b.endLine || line == b.endLine && col <= b.endCol)
}

// readProfile reads a profile of go test -coverprofile:
// "mode: set", then "import/path/file.go:12.3,14.5 2 1" a line.
func readProfile(path string) ([]block, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var blocks []block
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue
		}
		var b block
		file, span, ok := strings.Cut(sc.Text(), ":")
		if _, err := fmt.Sscanf(span, "%d.%d,%d.%d %d %d", &b.startLine, &b.startCol, &b.endLine, &b.endCol, new(int), &b.count); !ok || err != nil {
			return nil, fmt.Errorf("%s:%d: not a coverage block", path, n)
		}
		b.file = file
		blocks = append(blocks, b)
	}
	return blocks, sc.Err()
}

// spans are the case conditions of a file whose switch statement ran, each
// with the position of its switch.
type spans []struct{ from, to, stmt token.Position }

// at tells whether line:col is in a case condition, and where its switch is.
func (s spans) at(line, col int) (token.Position, bool) {
	for _, sp := range s {
		after := line > sp.from.Line || line == sp.from.Line && col >= sp.from.Column
		before := line < sp.to.Line || line == sp.to.Line && col <= sp.to.Column
		if after && before {
			return sp.stmt, true
		}
	}
	return token.Position{}, false
}

// testCoverage holds, for each test of a package (its tests, fuzz targets
// and examples), the coverage blocks it ran when run alone.
type testCoverage map[string][]block

// coverageByTest runs each test of pkg alone, with coverage.
func coverageByTest(pkg, dir, tmp string) (testCoverage, error) {
	bin := filepath.Join(tmp, "cover.test")
	if out, err := exec.Command("go", "test", "-c", "-cover", "-o", bin, pkg).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the tests of %s with coverage: %w\n%s", pkg, err, out)
	}
	list := exec.Command(bin, "-test.list", ".")
	list.Dir = dir // tests read their testdata from the package's folder
	names, err := list.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the tests of %s: %w", pkg, err)
	}
	byTest := testCoverage{}
	profile := filepath.Join(tmp, "test.cover")
	subDir, subProfile := filepath.Join(tmp, "covdata"), filepath.Join(tmp, "commands.cover")
	for _, name := range strings.Fields(string(names)) {
		if strings.HasPrefix(name, "Benchmark") {
			continue // go test runs no benchmark
		}
		// The test binary run again as the command (testscript's exec
		// build) writes its coverage to GOCOVERDIR, which covdata turns
		// into a profile like the test's own.
		if err := os.RemoveAll(subDir); err != nil {
			return nil, err
		}
		if err := os.Mkdir(subDir, 0o755); err != nil {
			return nil, err
		}
		cmd := exec.Command(bin, "-test.run", "^"+name+"$", "-test.count=1", "-test.coverprofile", profile)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCOVERDIR="+subDir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s of %s fails run alone: %w\n%s", name, pkg, err, out)
		}
		profiles := []string{profile}
		if data, err := os.ReadDir(subDir); err == nil && len(data) > 0 {
			if out, err := exec.Command("go", "tool", "covdata", "textfmt", "-i", subDir, "-o", subProfile).CombinedOutput(); err != nil {
				return nil, fmt.Errorf("the coverage of the commands %s ran: %w\n%s", name, err, out)
			}
			profiles = append(profiles, subProfile)
		}
		for _, p := range profiles {
			blocks, err := readProfile(p)
			if err != nil {
				return nil, err
			}
			for _, b := range blocks {
				if b.count > 0 {
					byTest[name] = append(byTest[name], b)
				}
			}
		}
	}
	return byTest, nil
}

// running names the tests that run the code at pos of path (a file of the
// module, as the profile names it after the module's path), sorted; nil
// when none does, so that every test runs.
func (c testCoverage) running(path string, pos token.Position) []string {
	var names []string
	for name, blocks := range c {
		for _, b := range blocks {
			if b.in(path) && b.holds(pos.Line, pos.Column) {
				names = append(names, name)
				break
			}
		}
	}
	sort.Strings(names)
	return names
}

// reachedCases finds the case conditions of path whose switch statement
// sits in a coverage block that ran.
func reachedCases(path string, src []byte, blocks []block) (spans, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		return nil, err
	}
	ran := func(pos token.Pos) bool {
		p := fset.Position(pos)
		for _, b := range blocks {
			if b.count > 0 && b.in(path) && b.holds(p.Line, p.Column) {
				return true
			}
		}
		return false
	}
	var found spans
	ast.Inspect(file, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch s := n.(type) {
		case *ast.SwitchStmt:
			body = s.Body
		case *ast.TypeSwitchStmt:
			body = s.Body
		default:
			return true
		}
		if !ran(n.Pos()) {
			return true
		}
		for _, clause := range body.List {
			c := clause.(*ast.CaseClause)
			if len(c.List) > 0 {
				found = append(found, struct{ from, to, stmt token.Position }{fset.Position(c.List[0].Pos()), fset.Position(c.List[len(c.List)-1].End()), fset.Position(n.Pos())})
			}
		}
		return true
	})
	return found, nil
}

// mutations are gremlins' token changes (internal/engine/mappings.go of
// v0.6.0) for the mutators it runs by default.
var mutations = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE":       {token.ADD: token.SUB, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL, token.SUB: token.ADD},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS, token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR, token.LSS: token.GEQ, token.NEQ: token.EQL},
	"INCREMENT_DECREMENT":   {token.DEC: token.INC, token.INC: token.DEC},
	"INVERT_NEGATIVES":      {token.SUB: token.ADD},
}

// mutate returns src with the operator at line:col changed as the mutator
// changes it.
func mutate(src []byte, line, col int, mutator string) ([]byte, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			return nil, errors.New("no operator here")
		}
		p := file.Position(pos)
		if p.Line != line || p.Column != col {
			continue
		}
		to, ok := mutations[mutator][tok]
		if !ok {
			return nil, fmt.Errorf("%s does not change %s", mutator, tok)
		}
		offset := file.Offset(pos)
		return bytes.Join([][]byte{src[:offset], []byte(to.String()), src[offset+len(tok.String()):]}, nil), nil
	}
}

// test runs pkg's tests (those named, or all) with path replaced by mutant
// and tells the mutant's status as gremlins does: failing tests kill it,
// passing ones let it live, a build that fails makes it not viable.
func test(pkg, path string, mutant []byte, tmp string, timeout time.Duration, tests []string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	mutated := filepath.Join(tmp, "mutant.go")
	if err := os.WriteFile(mutated, mutant, 0o644); err != nil {
		return "", err
	}
	overlay, err := json.Marshal(map[string]map[string]string{"Replace": {abs: mutated}})
	if err != nil {
		return "", err
	}
	overlayPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlayPath, overlay, 0o644); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := []string{"test", "-count=1", "-failfast", "-overlay", overlayPath, "-timeout", strconv.Itoa(int((timeout+2*time.Second)/time.Second)) + "s"}
	if tests != nil {
		args = append(args, "-run", "^("+strings.Join(tests, "|")+")$")
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return "TIMED OUT", nil
	case err == nil:
		return "LIVED", nil
	case !errors.As(err, &exit):
		return "", err
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return "NOT VIABLE", nil
	default:
		return "KILLED", nil
	}
}
