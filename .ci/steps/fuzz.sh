#!/usr/bin/env bash
# CI: fuzz each target for FUZZ_SECONDS (default 60; 0 skips this step).
# One TAP line per target; a crash leaves its input in fuzz/out/TARGET/.
# A fixed seed and a cap on the inputs keep the run the same size on every
# machine: FUZZ_RUNS (default 300000) for each target, and lower caps for
# the three slow ones (split-header's parser, the HTML reader, the whole
# split-header), under what a 2-core machine runs in 60 s, so a faster
# machine does not go further than the campaigns run before the commit.
# The paths still differ a little between runs (libxml2 seeds its hashes
# at random).  Longer campaigns: make fuzz (fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

secs=${FUZZ_SECONDS:-60}
[ "$secs" -gt 0 ] || exit 0
scripts/need-packages fuzz >&2 || { echo "not ok 1 fuzz: packages missing"; exit 1; }
make -s fuzz FUZZ_SECONDS="$secs" FUZZ_OPTS="-max_len=65536 -timeout=10 -rss_limit_mb=2048 -seed=1" \
	FUZZ_RUNS="${FUZZ_RUNS:-300000}" FUZZ_RUNS_article=40000 \
	FUZZ_RUNS_html=15000 FUZZ_RUNS_filter-split-header=35000 2>&1 | awk '
	/^fuzz: .* ok,/ { print "ok " ++n " fuzz " $2 " # " $0; next }
	/^fuzz: .* FAILED/ { print "not ok " ++n " fuzz " $2; next }
	{ print "# " $0 }'
exit "${PIPESTATUS[0]}"
