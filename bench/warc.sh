#!/usr/bin/env bash
# Benchmarks the builder on saved HTML pages and on web archives of them.
#
#   bench/warc.sh [SIZE...]     SIZE such as 100MB (default) or 1GB
#
# It serves the 91 pages of ../shared/htmlbench from a local
# `python3 -m http.server` on 127.0.0.1 and crawls them with
# `wget --warc-file`, as a researcher would, into bench/data/warc/crawl.warc.gz
# (made once). It then
#   - scores the body of every page read from the WARC with the benchmark's
#     scorer, each record found by its URL (the served one), and from the
#     .html.gz files themselves, which must give the same figure;
#   - for each SIZE, concatenates copies of the crawl into one .warc.gz of
#     about that size (each record is its own gzip member, so the copies
#     are a valid WARC), builds it with 1 and 2 workers, and prints pages/s,
#     MB/s and peak resident memory (/usr/bin/time -v);
#   - runs the HTML extraction benchmarks of webpage/ against go-trafilatura.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=../shared/htmlbench/pages
data=bench/data/warc
mkdir -p "$data"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100MB)

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time for peak memory" >&2
	apt-get install -y -qq time >/dev/null
fi
go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o bench/data/build ./cmd/build

if [ ! -f "$data/crawl.warc.gz" ]; then
	site=$(mktemp -d)
	for f in "$pages"/*.html.gz; do gunzip -c "$f" >"$site/$(basename "$f" .gz)"; done
	port=$((20000 + RANDOM % 20000))
	(cd "$site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
	server=$!
	trap 'kill $server 2>/dev/null || true' EXIT
	for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break || sleep 0.1; done
	(cd "$site" && ls *.html) | sed "s|^|http://127.0.0.1:$port/|" >"$data/urls.txt"
	(cd "$data" && wget -q --warc-file=crawl -i urls.txt -O /dev/null) || true # wget exits 8 on the robots.txt 404
	kill $server 2>/dev/null || true
	rm -rf "$site"
fi
echo "crawl: $data/crawl.warc.gz, $(stat -c %s "$data/crawl.warc.gz") bytes"

# Quality: the same pages, from the WARC and from the saved files.
score=$(mktemp -d)
mkdir -p "$score/warc"
cp "$data/crawl.warc.gz" "$score/warc/"
bench/data/build --input "$score/warc" --output "$score/warc-out" --quiet
python3 - "$score/warc-out/dev/corpus.jsonl" >"$score/by-url.jsonl" <<'EOF'
import json, os, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    r["source"]["path"] = os.path.basename(r["url"])  # the scorer finds a page by its file name
    print(json.dumps(r, ensure_ascii=False))
EOF
echo "from the WARC:       $(python3 ../shared/htmlbench/score.py "$score/by-url.jsonl" | tail -1)"
bench/data/build --input "$pages" --output "$score/files-out" --quiet
echo "from the .html.gz:   $(python3 ../shared/htmlbench/score.py "$score/files-out/dev/corpus.jsonl" | tail -1)"
rm -rf "$score"

# Speed and memory on large archives.
for size in "${sizes[@]}"; do
	want=$(numfmt --from=iec "${size%B}")
	big=$data/crawl-$size.warc.gz
	if [ ! -f "$big" ]; then
		copies=$(((want + $(stat -c %s "$data/crawl.warc.gz") - 1) / $(stat -c %s "$data/crawl.warc.gz")))
		for _ in $(seq "$copies"); do cat "$data/crawl.warc.gz"; done >"$big"
	fi
	bytes=$(stat -c %s "$big")
	work=$(mktemp -d)
	mkdir -p "$work/in"
	ln "$big" "$work/in/crawl.warc.gz"
	for workers in 1 2; do
		log=$work/build-$workers.log
		/usr/bin/time -v bench/data/build --input "$work/in" --output "$work/$workers" --workers "$workers" 2>"$log" >/dev/null
		wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
		rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
		records=$(grep -c '' "$work/$workers/dev/corpus.jsonl")
		awk -v s="$size" -v w="$workers" -v b="$bytes" -v t="$wall" -v n="$records" -v r="$rss" \
			'BEGIN { printf "%s .warc.gz, %d workers: %d pages in %.1f s: %.0f pages/s, %.1f MB/s of WARC; peak resident memory %d MB\n", s, w, n, t, n / t, b / 1e6 / t, r / 1024 }'
	done
	cmp -s "$work/1/dev/corpus.jsonl" "$work/2/dev/corpus.jsonl" || { echo "outputs of 1 and 2 workers differ" >&2; exit 1; }
	rm -rf "$work"
done

echo "HTML extraction alone (go test -bench, one core):"
go test -run '^$' -bench . -benchtime 2s -cpu 1 ./webpage -args -htmlbench "$(cd ../shared/htmlbench && pwd)" | grep -E '^Benchmark' || true
