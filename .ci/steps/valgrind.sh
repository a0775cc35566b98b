#!/usr/bin/env bash
# CI: the seeds pipeline, one program at a time, under valgrind: no memory
# errors, no definite leaks.  One TAP line per program.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
if ! command -v valgrind >/dev/null; then
	echo "not ok 1 valgrind: not installed (scripts/need-packages test)"
	exit 1
fi
make -s all >&2 || { echo "not ok 1 valgrind: build failed"; exit 1; }

status=0
# vg NAME OUT ARGS...: run bin/NAME ARGS under valgrind, stdout to OUT.
vg() {
	local name=$1 out=$2
	shift 2
	n=$((n + 1))
	if valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	    --log-file="$tmp/$name.vg" "bin/$name" "$@" >"$out" 2>"$tmp/$name.err"; then
		echo "ok $n valgrind $name"
	else
		echo "not ok $n valgrind $name"
		sed 's/^/# /' "$tmp/$name.vg" "$tmp/$name.err" | head -n 60
		status=1
	fi
}

vg split-header "$tmp/a.json" seeds/
vg normalize-date "$tmp/b.json" "$tmp/a.json"
vg tag-entities "$tmp/c.json" "$tmp/b.json"
vg dedupe "$tmp/d.json" "$tmp/c.json"
vg to-csv "$tmp/e.csv" "$tmp/d.json"
vg to-xlsx "$tmp/f.xlsx" --sheets --explode entities --explode dates "$tmp/d.json"
exit "$status"
