#!/usr/bin/env bash
# Measures the peak resident memory of validate and diff on releases of a
# few very large records and of many large ones, written by cmd/genrelease.
#
#   bench/validate-memory.sh
#
# The cases are those of issue 12: 8 records of 60 MB, and 500 of 1 MB.
# validate streams both data files, so what it holds is one JSONL record and
# what the Parquet reader holds for one page per column.
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/data/validate-memory
if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time for peak memory" >&2
	apt-get install -y -qq time >/dev/null
fi
mkdir -p "$work"
go build -o "$work/build" ./cmd/build
for spec in 8:60MB 500:1MB; do
	records=${spec%%:*} size=${spec##*:}
	release=$work/$records-$size
	if [ ! -d "$release/dev" ]; then
		go run ./cmd/genrelease --records "$records" --size "$size" --out "$release"
	fi
	jsonl=$(stat -c %s "$release/dev/corpus.jsonl")
	parquet=$(stat -c %s "$release/dev/corpus.parquet")
	echo "$records records of $size: JSONL $((jsonl / 1000000)) MB, Parquet $((parquet / 1000000)) MB"
	for command in "validate $release/dev" "diff $release/dev $release/dev"; do
		/usr/bin/time -f '%M %e %U' -o "$work/time" "$work/build" $command >/dev/null
		read -r rss wall user <"$work/time"
		echo "  ${command%% *}: peak resident memory $((rss / 1024)) MB, $wall s wall, $user s user"
	done
done
