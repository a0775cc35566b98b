#!/usr/bin/env bash
# to-xlsx beside to-csv on the same input, in the same run: rows/s and
# peak RSS, and their ratios.  Inputs: the pipeline's last stage (the
# deduplicated records of the corpus) and a million small generated
# records, to show that libxlsxwriter's constant-memory mode keeps memory
# flat (a tenth of the rows for comparison).  Best of BENCH_RUNS runs.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

BIN=${BIN:-$PWD/bin}
RUNS=${BENCH_RUNS:-3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-xlsx.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# records N FILE: N small records with the default columns' kinds of value.
records() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "{\"id\":\"r%07d\",\"date\":\"2025-%02d-%02dT%02d:%02d+09:00\",\"title\":\"Title number %d of the run\",\"outlet\":\"Outlet %d\",\"persons\":[\"Person %d\",\"Person %d\"],\"word_count\":%d,\"duplicate_of\":null}\n",
			    i, i % 12 + 1, i % 28 + 1, i % 24, i % 60, i, i % 50, i % 97, i % 89, i % 900 + 100
	}' >"$2"
}

# best PROG ARGS...: "seconds peak-KiB" of the fastest of RUNS runs.
best() {
	local i t0 t1 rss bt= brss=0
	for ((i = 0; i < RUNS; i++)); do
		t0=$(date +%s%N)
		/usr/bin/time -f %M -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err" || { echo "($* failed: $(head -c 300 "$tmp/err"))" >&2; return 1; }
		t1=$(date +%s%N)
		rss=$(tail -n 1 "$tmp/rss")
		if [ -z "$bt" ] || [ $((t1 - t0)) -lt "$bt" ]; then
			bt=$((t1 - t0)) brss=$rss
		fi
	done
	echo "$bt $brss"
}

echo "| input | rows | program | best s | rows/s | peak RSS MB | time × to-csv | RSS × to-csv |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
# row NAME FILE: to-csv, then to-xlsx, on FILE.
row() {
	local name=$1 f=$2 n csv xlsx
	n=$(wc -l <"$f")
	csv=$(best "$BIN/to-csv" "$f") || return 1
	xlsx=$(best "$BIN/to-xlsx" -o "$tmp/out.xlsx" "$f") || return 1
	awk -v name="$name" -v n="$n" -v c="$csv" -v x="$xlsx" 'BEGIN {
		split(c, a, " "); split(x, b, " ")
		ct = a[1] / 1e9; xt = b[1] / 1e9
		printf "| %s | %d | to-csv | %.2f | %.0f | %.1f | | |\n", name, n, ct, n / ct, a[2] / 1024
		printf "| %s | %d | to-xlsx | %.2f | %.0f | %.1f | %.2f | %.2f |\n", name, n, xt, n / xt, b[2] / 1024, xt / ct, b[2] / a[2]
	}'
}

[ -s "${BENCH_STAGES:-}/4-dedupe.json" ] && row "corpus, deduplicated" "$BENCH_STAGES/4-dedupe.json"
records 100000 "$tmp/small.ndjson"
row "small records" "$tmp/small.ndjson"
records 1000000 "$tmp/million.ndjson"
row "small records" "$tmp/million.ndjson"
