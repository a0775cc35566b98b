#!/usr/bin/env bash
# CI: replay every committed fuzz input (fuzz/corpus/*) under ASan and
# UBSan, without fuzzing.  One TAP line per target.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

scripts/need-packages fuzz >&2 || { echo "not ok 1 fuzz-regress: packages missing"; exit 1; }
make -s fuzz-regress 2>&1 | awk '
	/^fuzz-regress: .* ok/ { print "ok " ++n " fuzz-regress " $2; next }
	/^fuzz-regress: .* FAILED/ { print "not ok " ++n " fuzz-regress " $2; next }
	{ print "# " $0 }'
exit "${PIPESTATUS[0]}"
