#!/usr/bin/env bash
# How the pipeline's time grows with its input: the same generator at a
# tenth of the size, then the full corpus, both with --jobs 1.  Linear
# growth gives a ratio of about 10.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

small_mb=$(( ${BENCH_MB:-100} / 10 ))
[ "$small_mb" -ge 1 ] || small_mb=1
small=bench/out/scale-${small_mb}mb
rm -rf "$small"
build/gen-corpus --seed 2 --size "$small_mb" --out "$small" >/dev/null || exit 1

run() {
	local t0 t1
	t0=$(date +%s%N)
	NEWSPIPE_BIN=$BIN ./pipeline.sh --jobs 1 "$1" >/dev/null || return 1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}
bytes() { find "$1" -name '*.txt' -print0 | xargs -0 cat | wc -c; }

ts=$(run "$small/articles") || exit 1
tb=$(run "$BENCH_CORPUS") || exit 1
bs=$(bytes "$small/articles") bb=$(bytes "$BENCH_CORPUS")
awk -v ts="$ts" -v tb="$tb" -v bs="$bs" -v bb="$bb" 'BEGIN {
	printf "pipeline.sh --jobs 1: %.1f MB in %.2f s, %.1f MB in %.2f s: %.1fx the input took %.1fx the time\n",
	    bs / 1e6, ts / 1e3, bb / 1e6, tb / 1e3, bb / bs, tb / ts
}'
rm -rf "$small"
