#!/usr/bin/env bash
# Measures the peak resident memory of builds of large captures, and of
# validating what they built.
#
#   bench/memory.sh [CASE...]
#
# CASE is 1x60MB 8x60MB 500x1MB 1x60MBline 16x4MBline word55MB (default:
# all). NxSIZE is N text captures of about SIZE each, every one the
# concatenation of generated captures (cmd/gencorpus, the same files every
# time; the 8 and the 500 captures hold different texts): many records
# each. NxSIZEline is the same text on one line a file (no layout: one
# record a file, of SIZE; 4MB is just under the limit of a record's body).
# word55MB is one 55 MB capture of one word repeated, on one line. The cases are made once, in
# bench/data/memory/. For each case the build (2 workers) and `build
# validate` of its release run under /usr/bin/time -v; the script prints
# their peak resident memory, wall time and the release's size. The target
# is a peak below 400 MB for each.
set -euo pipefail
cd "$(dirname "$0")/.."
data=bench/data/memory
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(1x60MB 8x60MB 500x1MB 1x60MBline 16x4MBline word55MB)

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time for peak memory" >&2
	apt-get install -y -qq time >/dev/null
fi
mkdir -p "$data"
go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o "$data/build" ./cmd/build

# pool holds 520 MB of generated captures, cut into the cases' files.
if [ ! -d "$data/pool" ]; then
	go run ./cmd/gencorpus --size 520MB --out "$data/pool"
fi

# make_case DIR COUNT BYTES [line]: COUNT files of about BYTES each, from
# consecutive captures of the pool; with line, their line ends are spaces.
make_case() {
	python3 - "$data/pool" "$1" "$2" "$3" "${4:-}" <<'EOF'
import os, sys
pool, out, count, size, oneline = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "line"
names = sorted(os.listdir(pool))
os.makedirs(out + ".tmp")
n = 0
for i in range(count):
    with open(os.path.join(out + ".tmp", "capture-%03d.txt" % i), "wb") as f:
        written = 0
        while written < size:
            if n == len(names):
                sys.exit("the pool is too small for " + out)
            data = open(os.path.join(pool, names[n]), "rb").read() + b"\n\n"
            if oneline:
                data = b" ".join(data.split()) + b" "
            n += 1
            f.write(data)
            written += len(data)
os.rename(out + ".tmp", out)
EOF
}

for c in "${cases[@]}"; do
	dir=$data/$c
	if [ ! -d "$dir" ]; then
		case $c in
		word55MB)
			mkdir -p "$dir.tmp"
			python3 -c 'import sys; sys.stdout.write("Karabakh " * (55 * 1000 * 1000 // 9))' >"$dir.tmp/word.txt"
			mv "$dir.tmp" "$dir"
			;;
		*x*MB | *x*MBline)
			count=${c%%x*}
			mb=${c#*x}
			mb=${mb%%MB*}
			make_case "$dir" "$count" $((mb * 1000 * 1000)) "${c##*MB}"
			;;
		*)
			echo "unknown case $c" >&2
			exit 2
			;;
		esac
	fi
	out=$data/out-$c
	rm -rf "$out"
	mkdir -p "$out"
	status=0
	/usr/bin/time -v "$data/build" --input "$dir" --output "$out" --workers 2 2>"$out/build.log" >/dev/null || status=$?
	rss=$(grep 'Maximum resident set size' "$out/build.log" | awk '{print $NF}')
	wall=$(grep 'Elapsed (wall clock)' "$out/build.log" | awk '{print $NF}')
	echo "$c: input $(du -sb "$dir" | cut -f1) bytes in $(ls "$dir" | wc -l) files"
	echo "$c: build exit $status, peak resident memory $((rss / 1024)) MB, wall $wall"
	grep -E '^built' "$out/build.log" | sed "s/^/$c:   /" || true
	if [ -d "$out/dev" ]; then
		echo "$c:   release: corpus.jsonl $(stat -c %s "$out/dev/corpus.jsonl") bytes, corpus.parquet $(stat -c %s "$out/dev/corpus.parquet") bytes"
		status=0
		/usr/bin/time -v "$data/build" validate "$out/dev" >"$out/validate.out" 2>"$out/validate.log" || status=$?
		rss=$(grep 'Maximum resident set size' "$out/validate.log" | awk '{print $NF}')
		wall=$(grep 'Elapsed (wall clock)' "$out/validate.log" | awk '{print $NF}')
		echo "$c: validate exit $status, peak resident memory $((rss / 1024)) MB, wall $wall"
	fi
done
