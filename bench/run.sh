#!/usr/bin/env bash
# Benchmarks the builder on a generated corpus of realistic captures.
#
#   bench/run.sh [SIZE]        SIZE such as 100MB (default) or 1GB
#
# It generates the corpus once (bench/data/SIZE, the same files every time),
# builds it with 1 and with 2 workers, and prints input MB/s, records/s,
# peak resident memory (/usr/bin/time -v) and the time by stage; checks that
# both builds are byte-identical; converts the JSONL to Parquet with DuckDB
# as a reference for the writer; and runs each stage's go test -bench.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100MB}
data=bench/data/$size
work=bench/data/out-$size

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time for peak memory" >&2
	apt-get install -y -qq time >/dev/null
fi
if [ ! -d "$data" ]; then
	go run ./cmd/gencorpus --size "$size" --out "$data"
fi
# The revision is fixed in the binary, so both builds name the same builder.
go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o bench/data/build ./cmd/build
rm -rf "$work"

input_bytes=$(du -sb "$data" | cut -f1)
echo "corpus: $data, $(ls "$data" | wc -l) files, $((input_bytes / 1000000)) MB"
for workers in 1 2; do
	log=$work/build-$workers.log
	mkdir -p "$work"
	/usr/bin/time -v bench/data/build --input "$data" --output "$work/$workers" --workers "$workers" 2>"$log" >/dev/null
	summary=$(grep -E '^  time:' "$log" | sed 's/^  time: //')
	rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
	echo "workers $workers: $summary"
	echo "workers $workers: peak resident memory $((rss / 1024)) MB"
done
grep -E '^built|by layout|by language' "$work/build-2.log"
# Every file of the release: a large one is split into several corpus files.
diff -r -q -x .lock "$work/1/dev" "$work/2/dev" >&2 || { echo "the releases of 1 and 2 workers differ" >&2; exit 1; }
echo "outputs of 1 and 2 workers: byte-identical"

npm ci --silent --prefix clients/duckdb --no-audit --no-fund >/dev/null
node clients/duckdb/convert.mjs "$work/2/dev" "$work/duckdb.parquet"
echo "builder's Parquet: $(cat "$work"/2/dev/corpus*.parquet | wc -c) bytes; DuckDB's: $(stat -c %s "$work/duckdb.parquet") bytes"

echo "stages alone (go test -bench):"
go test -run '^$' -bench . -benchtime 2s ./decode ./extract ./language ./mention ./neardup ./release | grep -E '^Benchmark'
