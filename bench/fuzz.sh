#!/usr/bin/env bash
# Fuzzes every fuzz target of the project and reports what each ran.
#
#   bench/fuzz.sh [BUDGET] [--keep] [[PACKAGE/]FuzzX...]   BUDGET per target, default 10m
#
# Naming targets (FuzzRead, or capture/FuzzRead where two packages have one
# of that name) fuzzes only those, so that a long run can be split over
# sittings or machines and its tables put together.
# BUDGET is a duration (10m) or an execution count (10000x), as go test's
# -fuzztime takes it. CI gives a count: a duration races Go's fuzzing
# coordinator at its deadline, which on a loaded machine fails a target with
# "context deadline exceeded" having found nothing; a count has no deadline.
# Targets are found in the *_test.go files (func FuzzX), so a new one is
# fuzzed without editing this script. Minimisation of new inputs is off
# (-fuzzminimizetime 0): with Go's default of a minute, a short run spends
# its time minimising, not fuzzing. It prints, per target, the executions,
# their rate and the new interesting inputs; with --keep it copies the
# inputs the fuzzer found interesting from Go's cache into the package's
# testdata/fuzz/FuzzX/, so that `go test` replays them from then on.
# A failing input stops the script with the fuzzer's report.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=10m
keep=false
only=()
for arg in "$@"; do
	case $arg in
	--keep) keep=true ;;
	Fuzz* | */Fuzz*) only+=("$arg") ;;
	*) budget=$arg ;;
	esac
done
cache=$(go env GOCACHE)/fuzz/$(go list -m)

printf '%-12s %-22s %14s %10s %12s\n' package target execs "execs/s" interesting
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
	pkg=$(dirname "$file")
	for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
		if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF -e "$target" -e "${pkg#./}/$target"; then
			continue
		fi
		log=$(mktemp)
		if ! go test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$budget" -fuzzminimizetime 0 >"$log" 2>&1; then
			cat "$log" >&2
			exit 1
		fi
		last=$(grep -E '^fuzz: elapsed' "$log" | tail -1)
		execs=$(sed -E 's/.*execs: ([0-9]+).*/\1/' <<<"$last")
		elapsed=$(sed -E 's/^fuzz: elapsed: ([0-9hms.]+),.*/\1/' <<<"$last")
		seconds=$(awk -v d="$elapsed" 'BEGIN { s = 0; while (match(d, /[0-9.]+[hms]/)) { v = substr(d, RSTART, RLENGTH - 1); u = substr(d, RSTART + RLENGTH - 1, 1); s += v * (u == "h" ? 3600 : u == "m" ? 60 : 1); d = substr(d, RSTART + RLENGTH) } print s }')
		interesting=$(sed -E 's/.*new interesting: ([0-9]+).*/\1/' <<<"$last")
		printf '%-12s %-22s %14s %10s %12s\n' "${pkg#./}" "$target" "$execs" "$(awk -v e="$execs" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", e / s; else print "<1s" }')" "$interesting"
		if $keep && [ -d "$cache/${pkg#./}/$target" ]; then
			mkdir -p "$pkg/testdata/fuzz/$target"
			cp -n "$cache/${pkg#./}/$target"/* "$pkg/testdata/fuzz/$target/" 2>/dev/null || true
		fi
		rm -f "$log"
	done
done
