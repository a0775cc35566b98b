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

say() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

# put TEXT: TEXT on stdout, or exit 1 when it cannot be written.
put() {
	local err
	if ! err=$(printf '%s\n' "$1" 2>&1 >&3); then
		say "write error:${err##*write error:}"
		exit 1
	fi
} 3>&1

usage() {
	put "usage: $prog [options] PATH...
Turn raw news articles (files, or directories walked recursively) into a
clean, de-duplicated, entity-tagged, date-normalised CSV on stdout.

  -o, --output FILE        write the CSV to FILE (replaced only on success;
                           through a symbolic link; a FIFO or a device is
                           written into)
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
      --rejects FILE       append a JSON line for each rejected input to
                           FILE: stage, file (and line), reason
      --max-bytes N        reject an article over N bytes; K, M, G for
                           2^10, 2^20, 2^30; 0: no limit (default 64M)
  -q, --quiet              no warnings and no progress line
  -h, --help               show this help
  -V, --version            show the version

Example:
  $prog seeds/ > articles.csv
  $prog --jobs 4 --excel -o articles.csv ~/news/
  $prog --xlsx --explode entities -o articles.xlsx ~/news/"
	exit 0
}

bad_usage() {
	[ $# -gt 0 ] && echo "$prog: $*" >&2
	echo "usage: $prog [options] PATH..." >&2
	echo "Try '$prog --help' for more information." >&2
	exit 2
}

out= jobs= ndjson= xlsx= mark= stories= threshold= fields= excel= explode= dmy= strict= quiet=
rejects= max_bytes=
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
	--rejects) [ $# -ge 2 ] || bad_usage "$1 needs a file"; rejects=$2; shift ;;
	--rejects=*) rejects=${1#*=} ;;
	--max-bytes) [ $# -ge 2 ] || bad_usage "$1 needs a number"; max_bytes=$2; shift ;;
	--max-bytes=*) max_bytes=${1#*=} ;;
	-q|--quiet) quiet=1 ;;
	-h|--help) usage ;;
	-V|--version) put "$prog (newspipe) $version"; exit 0 ;;
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

# The fields the stages write (docs/record.md; dedupe's with --mark and
# --stories): a --fields column naming none of them would be empty in
# every row.
record_fields="id source title subtitle outlet agency byline authors url language dateline_place
dateline_date date_raw published_raw date_modified_raw tags body word_count date date_source
date_modified
dates entities persons organizations locations misc entity_counts
duplicate_of similarity containment cluster story story_size"

# field_names LIST: the top-level field of each column of a --fields LIST
# (to-csv's syntax: a.b is b inside a; \. \, \\ stand for themselves).
field_names() {
	local s=$1 c name= top=1 i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		\\) i=$((i + 1)); [ -n "$top" ] && name+=${s:i:1} ;;
		,) printf '%s\n' "$name"; name= top=1 ;;
		.) top= ;;
		*) [ -n "$top" ] && name+=$c ;;
		esac
	done
	printf '%s\n' "$name"
}

if [ -n "$fields" ]; then
	while IFS= read -r f; do
		# An empty name is to-csv's to refuse, below.
		case " $(echo $record_fields) " in
		*" $f "*) ;;
		*) [ -z "$f" ] || bad_usage "bad --fields '$fields': the records have no field '$f' (they are: $(echo $record_fields | sed 's/ /, /g'))" ;;
		esac
	done < <(field_names "$fields")
fi

# Where the programs are: NEWSPIPE_BIN, else bin/ of this source checkout
# (built now if needed), else PATH (installed).
if [ -n "${NEWSPIPE_BIN:-}" ]; then
	PATH="$NEWSPIPE_BIN:$PATH"
elif [ -f "$here/Makefile" ] && [ -d "$here/filters" ]; then
	"$here/scripts/need-packages" run || exit 1
	make -s -C "$here" all >&2 || { say "building the programs failed"; exit 1; }
	PATH="$here/bin:$PATH"
fi
for p in split-header normalize-date tag-entities dedupe "$([ -n "$xlsx" ] && echo to-xlsx || echo to-csv)"; do
	command -v "$p" >/dev/null || { say "$p: program not found"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newspipe.XXXXXX") || exit 1
log=$tmp/rejects.ndjson

# A stage that rejects input says so and goes on; only --strict makes
# that a failure, so that a stage's status 1 is a failure.  With --rejects
# each stage lists what it rejects in one log.  The articles are held to
# --max-bytes; the records made of them are not.
if [ -n "$strict" ]; then common=(--strict); else common=(--rejects-ok); fi
[ -n "$rejects" ] && common+=(--reject-log "$log")
made=("${common[@]}" --max-bytes 0)
nd=(normalize-date "${made[@]}")
[ -n "$dmy" ] && nd+=(--dmy)
te=(tag-entities "${made[@]}" --threads "$jobs")
dd=(dedupe "${made[@]}")
[ -n "$mark" ] && dd+=(--mark)
[ -n "$stories" ] && dd+=(--stories)
[ -n "$threshold" ] && dd+=(--threshold "$threshold")
tc=(to-csv "${made[@]}")
[ -n "$fields" ] && tc+=(--fields "$fields")
[ -n "$excel" ] && tc+=(--excel)
[ -n "$explode" ] && tc+=(--explode "$explode")
if [ -n "$xlsx" ]; then
	tc=(to-xlsx "${made[@]}")
	[ -n "$fields" ] && tc+=(--fields "$fields")
	[ -n "$explode" ] && tc+=(--sheets --explode "$explode")
fi
sh=(split-header "${common[@]}")
[ -n "$max_bytes" ] && sh+=(--max-bytes "$max_bytes")

# The stages judge their own option values: each runs once on no input,
# so that a bad value is bad usage of this program, before any work.
# --max-bytes is normalize-date's to judge, split-header reading stdin.
for stage in nd te dd tc; do
	eval 'cmd=("${'$stage'[@]}")'
	[ "$stage" = nd ] && [ -n "$max_bytes" ] && cmd+=(--max-bytes "$max_bytes")
	err=$("${cmd[@]}" 2>&1 </dev/null >/dev/null)
	if [ $? -eq 2 ]; then
		rm -rf "$tmp"
		err=${err%%$'\n'*}
		bad_usage "${err#"${cmd[0]}: "}"
	fi
done

# Where the output goes: a file is written beside it and renamed over it
# at the end (so the old one stays whole on any failure), through a
# symbolic link, in the old file's mode; a FIFO, a device or /dev/stdout
# is written into.  Checked now, before any work.
real= outtmp=
open_output() {
	local dir err
	if [ -d "$out" ]; then
		say "$out: a folder, not a file to write"
		return 1
	fi
	if { [ -e "$out" ] && [ ! -f "$out" ]; } || [[ $out == /dev/* ]]; then
		{ exec 5>"$out"; } 2>"$tmp/open" && return
		err=$(<"$tmp/open")
		say "$out: ${err##*: }"
		return 1
	fi
	dir=$(dirname -- "$out")
	if ! real=$(readlink -f -- "$out") || [ ! -d "${real%/*}/" ]; then
		say "$out: no folder $dir to write it in"
		return 1
	fi
	outtmp=$real.tmp.$$
	err=$( { set -C; : >"$outtmp"; } 2>&1 ) || { outtmp=; say "$out: ${err##*: }"; return 1; }
	echo "file $outtmp" >&"$guard"
	[ -f "$real" ] && chmod --reference="$real" -- "$outtmp" 2>/dev/null
	exec 5>"$outtmp"
}

# The job: the stages, in a process group of their own.
job= ticker= guard=
cleanup() {
	[ -n "$job" ] && kill -TERM -- "-$job" 2>/dev/null
	[ -n "$ticker" ] && kill "$ticker" 2>/dev/null
	[ -n "$guard" ] && echo done >&"$guard"
	rm -rf "$tmp"
	[ -n "$outtmp" ] && rm -f -- "$outtmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Should this shell be killed, even by SIGKILL, the guard ends the stages
# and removes the temporary files: it waits, in a process group of its
# own and deaf to signals, for the end of a pipe only this shell holds.
mkfifo "$tmp/guard" || exit 1
set -m
# It is told: "file PATH" to remove, "job PGID" to end, "reaped" when
# that is over, "done" when there is nothing left to do.
(
	trap '' INT TERM HUP QUIT TSTP
	pg= files=()
	while IFS= read -r line; do
		case $line in
		"file "*) files+=("${line#file }") ;;
		"job "*) pg=${line#job } ;;
		reaped) pg= ;;
		done) exit 0 ;;
		esac
	done
	[ -n "$pg" ] && kill -TERM -- "-$pg"
	rm -rf -- "$tmp" "${files[@]}"
) <"$tmp/guard" >/dev/null 2>&1 &
set +m
exec {guard}>"$tmp/guard"
rm -f "$tmp/guard"

if [ -n "$out" ]; then
	open_output || exit 1
else
	exec 5>&1
fi
if [ -n "$rejects" ]; then
	err=$( { : >>"$rejects"; } 2>&1 ) || { say "$rejects: ${err##*: }"; exit 1; }
fi
# A terminal cannot be read from a process group in the background.
for a; do
	if [ "$a" = - ] && [ -t 0 ]; then
		cat >"$tmp/stdin" && exec <"$tmp/stdin"
		break
	fi
done

# The per-article part.  (Splitting normalize-date over processes does
# not pay: it takes a twentieth of tag-entities' time.)
per_article() {
	"${nd[@]}" | "${te[@]}"
}

# A live count on a terminal: read after split-header, written before
# to-csv.  The stages' messages pass through the ticker, so that each
# has a line of its own and the count is drawn again below it.
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
count() {
	local r=0 w=0 s
	[ -s "$tmp/read" ] && r=$(<"$tmp/read")
	[ -s "$tmp/written" ] && w=$(<"$tmp/written")
	s=$((SECONDS - start))
	[ "$s" -gt 0 ] || s=1
	printf '\r%s: %s read, %s written, %s articles/s\033[K' "$prog" "$r" "$w" $((r / s)) >&2
}
messages() {
	local line part=
	exec 5>&- {guard}>&-
	while :; do
		if IFS= read -r -t 0.5 line; then
			printf '\r\033[K%s\n' "$part$line" >&2
			part=
		elif [ $? -gt 128 ]; then
			part+=$line
		else
			[ -n "$part$line" ] && printf '\r\033[K%s\n' "$part$line" >&2
			break
		fi
		count
	done
	count
	printf '\n' >&2
}

last() {
	if [ -n "$ndjson" ]; then cat; else "${tc[@]}"; fi
}

run() {
	exec 5>&- {guard}>&-
	"${sh[@]}" -- "$@" | tap read | per_article | "${dd[@]}" | tap written | last
	echo "${PIPESTATUS[*]}" >"$tmp/status"
}

start=$SECONDS
if [ -n "$progress" ]; then
	mkfifo "$tmp/messages" || exit 1
	messages <"$tmp/messages" &
	ticker=$!
	err=$tmp/messages
elif [ -n "$quiet" ]; then
	err=/dev/null
else
	err=/dev/stderr
fi
set -m
run "$@" >&5 2>"$err" &
job=$!
set +m
echo "job $job" >&"$guard"
wait "$job"
echo reaped >&"$guard"
job=
exec 5>&-
if [ -n "$ticker" ]; then
	wait "$ticker"
	ticker=
fi

# Judge each stage: 0 is fine; a stage ended by a closed pipe (status
# 141) stopped because a later one did, or because the reader of the
# output closed it early (| head): not a failure either.
status=()
[ -s "$tmp/status" ] && read -r -a status <"$tmp/status"
names=(split-header tap normalize-date/tag-entities dedupe tap "$([ -n "$ndjson" ] && echo output || echo "${tc[0]}")")
failed=0
[ ${#status[@]} -gt 0 ] || { say "the stages did not run"; failed=1; }
for i in "${!status[@]}"; do
	s=${status[$i]}
	[ "$s" -eq 0 ] || [ "$s" -eq 141 ] && continue
	say "stage ${names[$i]} failed (status $s)"
	failed=1
done
if [ -n "$rejects" ] && [ -s "$log" ]; then
	n=$(wc -l <"$log")
	if cat "$log" >>"$rejects"; then
		say "$n rejected input$([ "$n" -eq 1 ] || echo s) listed in $rejects"
	else
		failed=1
	fi
fi
[ "$failed" -eq 0 ] || exit 1
if [ -n "$outtmp" ]; then
	if ! err=$(sync -- "$outtmp" 2>&1 && mv -f -- "$outtmp" "$real" 2>&1); then
		say "$out: not written: ${err##*: }"
		exit 1
	fi
	outtmp=
fi
exit 0
