#!/usr/bin/env bash
# pipeline.sh PATH...: raw articles to CSV through the five filters.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
prog=pipeline.sh

# Programs next to us (bin/ after make), built first in a source checkout.
if [ -f "$here/Makefile" ] && [ -d "$here/filters" ]; then
	"$here/scripts/need-packages" run
	make -s -C "$here" all >&2 || { echo "$prog: build failed" >&2; exit 1; }
	PATH="$here/bin:$PATH"
fi

if [ $# -eq 0 ]; then
	echo "usage: $prog PATH..." >&2
	exit 2
fi

split-header "$@" | normalize-date | tag-entities | dedupe | to-csv
