#!/usr/bin/env bash
# Measures sharded builds against the one-machine build.
#
#   bench/shards.sh [SIZE]        SIZE of the generated corpus, default 1GB
#
# On the benchmark corpus (cmd/gencorpus, as bench/run.sh), it builds the
# release on one machine with 2 workers, then as 1, 2 and 4 shards run one
# after another (2 workers each) and merged, and prints for each: the
# shards' wall time and CPU time summed, the merge's wall time and peak
# resident memory, and whether every release file is byte-identical to the
# one-machine build's.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1GB}
data=bench/data/$size
work=bench/data/shards-$size
if [ ! -x /usr/bin/time ]; then
	apt-get install -y -qq time >/dev/null
fi
if [ ! -d "$data" ]; then
	go run ./cmd/gencorpus --size "$size" --out "$data"
fi
go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o bench/data/build ./cmd/build
rm -rf "$work"
mkdir -p "$work"
echo "corpus: $data, $(ls "$data" | wc -l) files, $(($(du -sb "$data" | cut -f1) / 1000000)) MB"

# seconds LOG: wall and CPU (user + system) seconds of a /usr/bin/time -v log.
seconds() {
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
		/User time/ { c += $2 } /System time/ { c += $2 } END { printf "%.1f %.1f\n", w, c }' "$1"
}
rss() { awk '/Maximum resident set size/ { printf "%d", $NF / 1024 }' "$1"; }

/usr/bin/time -v bench/data/build --input "$data" --output "$work/single" --release v1.0.0 --workers 2 --quiet 2>"$work/single.log"
read -r wall cpu < <(seconds "$work/single.log")
echo "one machine: ${wall} s wall, ${cpu} s CPU, peak $(rss "$work/single.log") MB"
for n in 1 2 4; do
	out=$work/$n
	shards_wall=0
	shards_cpu=0
	peak=0
	for k in $(seq "$n"); do
		/usr/bin/time -v bench/data/build --input "$data" --output "$out" --release v1.0.0 --workers 2 --shard "$k/$n" --quiet 2>"$work/shard-$n-$k.log"
		read -r w c < <(seconds "$work/shard-$n-$k.log")
		shards_wall=$(awk -v a="$shards_wall" -v b="$w" 'BEGIN { print a + b }')
		shards_cpu=$(awk -v a="$shards_cpu" -v b="$c" 'BEGIN { print a + b }')
		peak=$(($(rss "$work/shard-$n-$k.log") > peak ? $(rss "$work/shard-$n-$k.log") : peak))
	done
	/usr/bin/time -v bench/data/build merge --input "$data" --output "$out" --release v1.0.0 --quiet 2>"$work/merge-$n.log"
	read -r mw mc < <(seconds "$work/merge-$n.log")
	same=byte-identical
	for f in "$work/single/v1.0.0"/*; do
		cmp -s "$f" "$out/v1.0.0/$(basename "$f")" || same="DIFFERS: $(basename "$f")"
	done
	echo "$n shards: shards ${shards_wall} s wall in all, ${shards_cpu} s CPU, peak ${peak} MB; merge ${mw} s wall, ${mc} s CPU, peak $(rss "$work/merge-$n.log") MB; release $same"
	rm -rf "$out"
done
