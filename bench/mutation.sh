#!/usr/bin/env bash
# Mutation testing of the project's packages with gremlins v0.6.0.
#
#   bench/mutation.sh [PACKAGE...]     default: every package but the benchmark
#                                      tools and internal/arrowcheck (see below)
#
# gremlins changes the code one operator at a time (a < for a <=, a + for a
# -, a condition negated…) and runs the package's tests against each change:
# a mutant the tests fail on is killed, one they pass is lived. Per package
# this prints
#   test efficacy     killed / (killed + lived)
#   mutator coverage  (killed + lived) / (killed + lived + not covered)
# Mutants that are truly equivalent (no test could tell them from the code:
# a boundary on a value that never occurs, a capacity hint) are listed, each
# with its one-line reason, in bench/mutation-equivalent.txt and counted
# apart; they are never silenced wholesale. The targets are efficacy >= 90%
# and coverage >= 85% in every package.
# gremlins finds the mutants and which of them the tests cover (its
# --dry-run); cmd/casemutants runs them, with the same token changes:
# each first against the tests that run its code (a test's coverage is
# measured alone, once), then, if it lives, against the whole suite, which
# decides. Run by gremlins itself, every mutant costs the whole suite: it
# ran the release package's 529 at about one a minute. casemutants also
# runs what gremlins v0.6.0 cannot: the mutants in a switch's case
# conditions, which it marks not covered (Go's coverage blocks begin after
# the case's colon, so no block holds the condition); the column "in case"
# counts those whose switch the tests reach among the killed and lived.
# And it tests a command's mutants in the command's package, where
# gremlins looks for a directory named as the Go package (for package
# main, the module's root) and every mutant fails to set up.
#
# MUTATION_RESULTS=DIR keeps each package's report in DIR and reuses the
# reports already there, so a long run can be resumed; with MUTATION_LIVED=1
# the mutants a reused report says lived are run again, and those it says
# are not covered that a test now runs (after tests were added: the killed
# stay killed while the code is the same). gremlins' own coverage misses
# the code that only a command run by testscript executes; casemutants'
# per-test coverage sees it, so with --all such a mutant runs too.
set -euo pipefail
cd "$(dirname "$0")/.."
gremlins=$(go env GOPATH)/bin/gremlins
if [ ! -x "$gremlins" ]; then
	go install github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0
fi
# A cached test run would give the mutants a timeout of a few milliseconds,
# and every one would time out; vet's complaints are not failing tests.
export GOFLAGS="-count=1 -vet=off"
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
	# Not the benchmark tools (cmd/gen*, cmd/casemutants), nor
	# internal/arrowcheck, a checker the tests of release call: a mutant that
	# weakens it passes every test by design.
	mapfile -t packages < <(go list -f '{{.Dir}}' ./... | sed "s|^$PWD/||" | grep -Ev '^(cmd/gencorpus|cmd/genrelease|cmd/casemutants|internal/arrowcheck)$' | grep -v "^$PWD$")
fi
results=${MUTATION_RESULTS:-$(mktemp -d)}
mkdir -p "$results"
go build -o "$results/casemutants" ./cmd/casemutants
for pkg in "${packages[@]}"; do
	pkg=${pkg#./}
	report=$results/$(tr / _ <<<"$pkg").json
	if [ -s "$report" ]; then
		if [ -n "${MUTATION_LIVED:-}" ]; then
			echo "running again the mutants of $pkg that lived …" >&2
			"$results/casemutants" --lived --package "./$pkg" --report "$report" 2>>"$report.log"
		fi
		continue
	fi
	echo "mutating $pkg …" >&2
	"$gremlins" unleash "./$pkg" --dry-run -o "$report.part" >"$report.log" 2>&1 ||
		{ cat "$report.log" >&2; exit 1; }
	"$results/casemutants" --all --package "./$pkg" --report "$report.part" 2>>"$report.log"
	mv "$report.part" "$report"
done
python3 - "$results" bench/mutation-equivalent.txt "${packages[@]}" <<'EOF'
import json, os, sys
results, equivalent_file, packages = sys.argv[1], sys.argv[2], sys.argv[3:]
equivalent = {}
for n, line in enumerate(open(equivalent_file, encoding="utf-8") if os.path.exists(equivalent_file) else [], 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    where, _, reason = line.partition(" ")
    if not reason.strip():
        sys.exit("%s:%d: an equivalent mutant needs its reason" % (equivalent_file, n))
    equivalent[where] = reason.strip()
used = set()
print("%-12s %7s %6s %5s %7s %11s %9s %9s %9s" % ("package", "killed", "lived", "equiv", "in case", "not covered", "timed out", "efficacy", "coverage"))
failed = False
for pkg in packages:
    pkg = pkg.lstrip("./")
    data = json.load(open(os.path.join(results, pkg.replace("/", "_") + ".json")))
    count = {"KILLED": 0, "LIVED": 0, "NOT COVERED": 0, "TIMED OUT": 0, "NOT VIABLE": 0}
    equiv = in_case = 0
    for f in data.get("files", []):
        for m in f.get("mutations", []):
            key = "%s/%s:%d:%d:%s" % (pkg, f["file_name"], m["line"], m["column"], m["type"])
            if m["status"] == "LIVED" and key in equivalent:
                equiv += 1
                used.add(key)
                continue
            count[m["status"]] = count.get(m["status"], 0) + 1
            if m.get("case") and m["status"] in ("KILLED", "LIVED"):
                in_case += 1
    k, l, nc = count["KILLED"], count["LIVED"], count["NOT COVERED"]
    eff = 100.0 * k / (k + l) if k + l else 100.0
    cov = 100.0 * (k + l) / (k + l + nc) if k + l + nc else 100.0
    failed |= eff < 90 or cov < 85
    print("%-12s %7d %6d %5d %7d %11d %9d %8.1f%% %8.1f%%" % (pkg, k, l, equiv, in_case, nc, count["TIMED OUT"], eff, cov))
for key in sorted(set(equivalent) - used):
    if key.split("/")[0] in [p.lstrip("./").split("/")[0] for p in packages]:
        print("note: %s is listed as equivalent but did not live (remove it)" % key)
sys.exit(1 if failed else 0)
EOF
