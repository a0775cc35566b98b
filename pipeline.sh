#!/usr/bin/env bash
# pipeline.sh: raw news articles to a clean, de-duplicated, tagged CSV.
#
#   split-header PATH... | normalize-date | tag-entities | dedupe | to-csv
#
# Each stage is one process; tag-entities, by far the slowest, tags in
# --jobs threads and writes in input order, merging entity names across
# the stream as it goes, so the output does not depend on --jobs.
set -uo pipefail

prog=${0##*/}
here=$(cd "$(dirname "$0")" && pwd)
# The checkout's VERSION file; make install writes the number here.
version=$(cat "$here/VERSION" 2>/dev/null || echo unknown)

usage() {
	cat <<EOF
usage: $prog [options] PATH...
Turn raw news articles (files, or directories walked recursively) into a
clean, de-duplicated, entity-tagged, date-normalised CSV on stdout.

  -o, --output FILE        write the CSV to FILE (replaced only on success)
  -j, --jobs N             tag entities in N threads (default: one per
                           core)
      --ndjson             stop before to-csv: write the NDJSON records
      --xlsx               an .xlsx workbook instead of CSV (to-xlsx; needs
                           -o FILE or stdout that is not a terminal)
      --mark-duplicates    keep duplicates, marked (dedupe --mark)
      --threshold T        near-duplicate threshold, 0 < T <= 1 (default 0.8)
      --stories            group reports of one event (dedupe --stories):
                           story and story_size fields, a story column
      --fields LIST        CSV columns (to-csv --fields)
      --excel              CSV for Excel: byte order mark and CRLF
      --explode WHAT       one row per entity or per date (entities|dates);
                           with --xlsx in a sheet beside the articles
      --dmy                read 9/2/2025 as 9 February
      --strict             fail the run on the first rejected article
  -q, --quiet              no warnings and no progress line
  -h, --help               show this help
  -V, --version            show the version

Example:
  $prog seeds/ > articles.csv
  $prog --jobs 4 --excel -o articles.csv ~/news/
  $prog --xlsx --explode entities -o articles.xlsx ~/news/
EOF
	exit 0
}

bad_usage() {
	[ $# -gt 0 ] && echo "$prog: $*" >&2
	echo "usage: $prog [options] PATH..." >&2
	echo "Try '$prog --help' for more information." >&2
	exit 2
}

out= jobs= ndjson= xlsx= mark= stories= threshold= fields= excel= explode= dmy= strict= quiet=
while [ $# -gt 0 ]; do
	case $1 in
	-o|--output) [ $# -ge 2 ] || bad_usage "$1 needs a file"; out=$2; shift ;;
	--output=*) out=${1#*=} ;;
	-j|--jobs) [ $# -ge 2 ] || bad_usage "$1 needs a number"; jobs=$2; shift ;;
	--jobs=*) jobs=${1#*=} ;;
	--ndjson) ndjson=1 ;;
	--xlsx) xlsx=1 ;;
	--mark-duplicates) mark=1 ;;
	--stories) stories=1 ;;
	--threshold) [ $# -ge 2 ] || bad_usage "$1 needs a value"; threshold=$2; shift ;;
	--threshold=*) threshold=${1#*=} ;;
	--fields) [ $# -ge 2 ] || bad_usage "$1 needs a list"; fields=$2; shift ;;
	--fields=*) fields=${1#*=} ;;
	--excel) excel=1 ;;
	--explode) [ $# -ge 2 ] || bad_usage "$1 needs entities or dates"; explode=$2; shift ;;
	--explode=*) explode=${1#*=} ;;
	--dmy) dmy=1 ;;
	--strict) strict=1 ;;
	-q|--quiet) quiet=1 ;;
	-h|--help) usage ;;
	-V|--version) echo "$prog (newspipe) $version"; exit 0 ;;
	--) shift; break ;;
	-?*) bad_usage "unknown option: $1" ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || bad_usage "no PATH given"
case $jobs in
'')	# One tagging thread per core: the other stages together use less
	# than one core (bench/results.md, bench/jobs-scaling.md).
	jobs=$(nproc 2>/dev/null || echo 1) ;;
*[!0-9]*|0) bad_usage "--jobs needs a positive whole number, not '$jobs'" ;;
esac
[ "$jobs" -le 256 ] || bad_usage "--jobs is at most 256 (tag-entities --threads)"
if [ -n "$xlsx" ]; then
	[ -z "$ndjson" ] || bad_usage "--xlsx and --ndjson contradict each other"
	[ -z "$excel" ] || bad_usage "--excel is for CSV; --xlsx needs no import settings"
	[ -n "$out" ] || [ ! -t 1 ] || bad_usage "--xlsx writes a binary file: give -o FILE or redirect stdout"
fi
case $explode in
''|entities|dates) ;;
*) bad_usage "--explode takes entities or dates, not '$explode'" ;;
esac

# Where the programs are: NEWSPIPE_BIN, else bin/ of this source checkout
# (built now if needed), else PATH (installed).
if [ -n "${NEWSPIPE_BIN:-}" ]; then
	PATH="$NEWSPIPE_BIN:$PATH"
elif [ -f "$here/Makefile" ] && [ -d "$here/filters" ]; then
	"$here/scripts/need-packages" run || exit 1
	make -s -C "$here" all >&2 || { echo "$prog: building the programs failed" >&2; exit 1; }
	PATH="$here/bin:$PATH"
fi
for p in split-header normalize-date tag-entities dedupe "$([ -n "$xlsx" ] && echo to-xlsx || echo to-csv)"; do
	command -v "$p" >/dev/null || { echo "$prog: $p: program not found" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newspipe.XXXXXX") || exit 1
ticker=
cleanup() {
	[ -n "$ticker" ] && kill "$ticker" 2>/dev/null
	rm -rf "$tmp"
	[ -n "$out" ] && rm -f "$out.tmp.$$"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each stage's rejects go to a file, so a stage that exits 1 because it
# rejected articles can be told from one that failed.
common=()
[ -n "$strict" ] && common+=(--strict)
nd=(normalize-date "${common[@]}" --rejects "$tmp/normalize-date.rej")
[ -n "$dmy" ] && nd+=(--dmy)
te=(tag-entities "${common[@]}" --threads "$jobs" --rejects "$tmp/tag-entities.rej")
dd=(dedupe "${common[@]}" --rejects "$tmp/dedupe.rej")
[ -n "$mark" ] && dd+=(--mark)
[ -n "$stories" ] && dd+=(--stories)
[ -n "$threshold" ] && dd+=(--threshold "$threshold")
tc=(to-csv "${common[@]}" --rejects "$tmp/to-csv.rej")
[ -n "$fields" ] && tc+=(--fields "$fields")
[ -n "$excel" ] && tc+=(--excel)
[ -n "$explode" ] && tc+=(--explode "$explode")
if [ -n "$xlsx" ]; then
	tc=(to-xlsx "${common[@]}" --rejects "$tmp/to-csv.rej")
	[ -n "$fields" ] && tc+=(--fields "$fields")
	[ -n "$explode" ] && tc+=(--sheets --explode "$explode")
fi
sh=(split-header "${common[@]}" --rejects "$tmp/split-header.rej")

# The per-article part.  (Splitting normalize-date over processes does
# not pay: it takes a twentieth of tag-entities' time.)
per_article() {
	"${nd[@]}" | "${te[@]}"
}

# A live count on a terminal: read after split-header, written before
# to-csv.  Silent when stderr is not a terminal.
progress=
[ -t 2 ] && [ -z "$quiet" ] && progress=1
tap() {
	if [ -n "$progress" ]; then
		awk -v f="$tmp/$1" '{ print; if (++n % 50 == 0) { print n > f; close(f) } }
		    END { print n + 0 > f; close(f) }'
	else
		cat
	fi
}
if [ -n "$progress" ]; then
	start=$(date +%s)
	(
		while sleep 0.5; do
			r=$(cat "$tmp/read" 2>/dev/null || echo 0)
			w=$(cat "$tmp/written" 2>/dev/null || echo 0)
			s=$(( $(date +%s) - start )); [ "$s" -gt 0 ] || s=1
			printf '\r%s: %s read, %s written, %s articles/s ' "$prog" "${r:-0}" "${w:-0}" $(( ${r:-0} / s )) >&2
		done
	) &
	ticker=$!
fi

last() {
	if [ -n "$ndjson" ]; then cat; else "${tc[@]}"; fi
}

run() {
	if [ -n "$quiet" ]; then
		exec 3>&2 2>/dev/null
	fi
	"${sh[@]}" "$@" | tap read | per_article | "${dd[@]}" | tap written | last
	status=("${PIPESTATUS[@]}")
}

if [ -n "$out" ]; then
	run "$@" >"$out.tmp.$$"
else
	run "$@"
fi
[ -n "$quiet" ] && exec 2>&3
if [ -n "$ticker" ]; then
	kill "$ticker" 2>/dev/null
	wait "$ticker" 2>/dev/null
	ticker=
	printf '\n' >&2
fi

# Judge each stage: 0 is fine; 1 with rejected records only (and no
# --strict) is reported but does not fail the run; anything else fails.
names=(split-header tap normalize-date/tag-entities dedupe tap "$([ -n "$ndjson" ] && echo output || echo "${tc[0]}")")
rejects=(split-header "" "normalize-date tag-entities" dedupe "" to-csv)
failed=0
for i in "${!status[@]}"; do
	s=${status[$i]}
	[ "$s" -eq 0 ] && continue
	if [ "$s" -eq 1 ] && [ -z "$strict" ]; then
		any=
		for r in ${rejects[$i]}; do
			[ -s "$tmp/$r.rej" ] && any=1
		done
		[ -n "$any" ] && continue
	fi
	echo "$prog: stage ${names[$i]} failed (status $s)" >&2
	failed=1
done
[ "$failed" -eq 0 ] || exit 1
if [ -n "$out" ]; then
	mv -f "$out.tmp.$$" "$out" || exit 1
fi
exit 0
