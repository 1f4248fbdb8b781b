#!/usr/bin/env bash
# Measures the builder's peak resident memory on large captures, the cases
# of issue 12: one 60 MB capture, eight of them, and 500 captures of 1 MB.
#
#   bench/memory.sh [CASE...]     CASE: 1x60MB, 8x60MB, 500x1MB (default: all)
#
# Each capture is plain prose (the same words every time, from a fixed
# pseudo-random sequence), so it becomes one large plain record. The build
# runs with 2 workers under /usr/bin/time -v; the release is validated too.
# Peak memory should stay below 400 MB in every case.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(1x60MB 8x60MB 500x1MB)
data=bench/data/memory

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time for peak memory" >&2
	apt-get install -y -qq time >/dev/null
fi
go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o bench/data/build ./cmd/build

# capture SEED BYTES writes BYTES of prose, 5-line paragraphs of ~70-byte
# lines, to stdout.
capture() {
	awk -v seed="$1" -v bytes="$2" 'BEGIN {
		n = split("the of and to in a that is was for on as with by at from an be this which or not are his it but had have has they were their its been one all also new more after who would there about up into than said other over time people government forces region conflict ceasefire border village town talks minister president statement army report",
			words, " ")
		x = seed; written = 0; line = ""; lines = 0
		while (written < bytes) {
			x = (x * 1103515245 + 12345) % 2147483648
			line = line (line == "" ? "" : " ") words[1 + int(x / 65536) % n]
			if (length(line) > 70) {
				print line "."; written += length(line) + 2; line = ""
				if (++lines % 5 == 0) { print ""; written++ }
			}
		}
	}'
}

for c in "${cases[@]}"; do
	count=${c%%x*}
	size=${c#*x}
	bytes=$(( ${size%MB} * 1000000 ))
	dir=$data/$c
	if [ ! -d "$dir" ]; then
		mkdir -p "$dir"
		for i in $(seq 1 "$count"); do
			capture "$i" "$bytes" >"$dir/$(printf 'capture-%04d.txt' "$i")"
		done
	fi
	out=$data/out-$c
	rm -rf "$out"
	log=$data/$c.build.log
	/usr/bin/time -v bench/data/build --input "$dir" --output "$out" --workers 2 2>"$log" >/dev/null
	rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
	seconds=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
	vlog=$data/$c.validate.log
	/usr/bin/time -v bench/data/build validate "$out/dev" 2>"$vlog" >/dev/null || { echo "$c: validate failed" >&2; cat "$vlog" >&2; }
	vrss=$(grep 'Maximum resident set size' "$vlog" | awk '{print $NF}')
	echo "$c: $(du -sb "$dir" | cut -f1) input bytes; build peak RSS $((rss / 1024)) MB in $seconds; validate peak RSS $((vrss / 1024)) MB; $(grep -E '^built' "$log")"
done
