#!/usr/bin/env bash
# CI: fuzz each target for FUZZ_SECONDS (default 60; 0 skips this step).
# One TAP line per target; a crash leaves its input in fuzz/out/TARGET/.
# A fixed seed and a cap of FUZZ_RUNS inputs (default 300000) make the run
# repeatable: these exact inputs passed before the commit, so CI cannot
# turn red on a new random path; longer campaigns: make fuzz (fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

secs=${FUZZ_SECONDS:-60}
[ "$secs" -gt 0 ] || exit 0
scripts/need-packages fuzz >&2 || { echo "not ok 1 fuzz: packages missing"; exit 1; }
make -s fuzz FUZZ_SECONDS="$secs" FUZZ_OPTS="-max_len=65536 -timeout=10 -rss_limit_mb=2048 -seed=1 -runs=${FUZZ_RUNS:-300000}" 2>&1 | awk '
	/^fuzz: .* ok,/ { print "ok " ++n " fuzz " $2 " # " $0; next }
	/^fuzz: .* FAILED/ { print "not ok " ++n " fuzz " $2; next }
	{ print "# " $0 }'
exit "${PIPESTATUS[0]}"
