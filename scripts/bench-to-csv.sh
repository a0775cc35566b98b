#!/usr/bin/env bash
# bench-to-csv.sh [MB]: to-csv's throughput on about MB megabytes (default
# 100) of NDJSON article records, beside Miller and jq doing the same job
# in the same run.  The records are the fixture tests/fixtures/to-csv/
# articles.ndjson's first record with each seed file as its body, repeated
# with distinct ids (all records have the same fields, so Miller writes one
# header).  Prints MB/s for each tool and to-csv's speed-up over each.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
bin=${NEWSPIPE_BIN:-bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$mb" "$tmp/in.ndjson" <<'PY'
import glob, json, sys
mb, out = int(sys.argv[1]), sys.argv[2]
base = json.loads(open("tests/fixtures/to-csv/articles.ndjson", encoding="utf-8").readline())
base.pop("unknown", None)
bodies = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("seeds/*.txt"))]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1000000:
        base["id"] = "r%d" % i
        base["body"] = bodies[i % len(bodies)]
        line = json.dumps(base, ensure_ascii=False, separators=(",", ":")) + "\n"
        f.write(line)
        size += len(line.encode("utf-8"))
        i += 1
PY
bytes=$(wc -c <"$tmp/in.ndjson")
cols=id,date,title,outlet,agency,byline,url,dateline_place,persons,organizations,locations,misc,word_count,duplicate_of,source,body
jqprog='[.id,.date,.title,.outlet,.agency,.byline,.url,.dateline_place,
 (.persons|join("; ")),(.organizations|join("; ")),(.locations|join("; ")),
 (.misc|join("; ")),.word_count,.duplicate_of,.source,.body]|@csv'

# run NAME CMD...: best of three wall-clock times, in seconds.
run() {
	local name=$1 best= t i
	shift
	for i in 1 2 3; do
		t=$( { /usr/bin/time -f %e "$@" <"$tmp/in.ndjson" >"$tmp/out.$name"; } 2>&1 | tail -1)
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
	done
	printf '%s %s\n' "$name" "$best" >>"$tmp/times"
	awk -v n="$name" -v t="$best" -v b="$bytes" 'BEGIN { printf "%-8s %7.2f s %8.1f MB/s\n", n, t, b / 1e6 / t }'
}

echo "input: $bytes bytes, $(wc -l <"$tmp/in.ndjson") records"
run to-csv "$bin/to-csv" --body
run mlr mlr --ijson --ocsv cat
run jq jq -r "$jqprog"
awk '{ t[$1] = $2 } END {
	printf "to-csv is %.1fx Miller and %.1fx jq\n", t["mlr"] / t["to-csv"], t["jq"] / t["to-csv"] }' "$tmp/times"
