#!/usr/bin/env bats
# Fault injection (issue 17).  Each program runs with one allocation
# failing (at each call site in turn: tests/faults/failalloc.c, preloaded)
# or one read, write, rename or fsync failing (each call in turn: strace's
# syscall injection, EIO).  Every run must either finish as if nothing had
# happened (the same output and messages), or end with status 1 and a
# message in the program's own name that says why; never crash; and what
# it had written must be sound: whole records of the right output, in
# order (a cut-off last one aside), with files it replaces (dedupe's
# index, pipeline.sh -o) whole.

load helper

SHIM=${NEWSPIPE_FAULTS:-$ROOT/build/opt/faults}/failalloc.so
# Under ptrace LeakSanitizer cannot run; the shim is loaded before ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0:verify_asan_link_order=0

setup_file() {
	local t=$BATS_FILE_TMPDIR
	mkdir -p "$t/raw"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$SEEDS/004_"*.txt "$t/raw/"
	printf 'Caf\xe9 in Windows-1252\n\nThe caf\xe9 opened on Monday.\n' >"$t/raw/a-cp1252.txt"
	printf 'Bad \x81 bytes\n' >"$t/raw/bad.txt"
	cp "$FIXTURES/split-header/html/jsonld.html" "$t/raw/page.html"
	split-header "$SEEDS" >"$t/good.ndjson"
	{ head -n 2 "$t/good.ndjson"; echo 'not json'; tail -n 1 "$t/good.ndjson"; } >"$t/in.ndjson"
	cp "$t/good.ndjson" "$t/dup.ndjson"
	head -n 1 "$t/good.ndjson" >>"$t/dup.ndjson"
	dedupe --save-index "$t/old.idx" "$t/good.ndjson" >/dev/null 2>&1
}

setup() {
	[ -f "$SHIM" ] || skip "no $SHIM: make faults"
	command -v strace >/dev/null || skip "strace is not installed (scripts/need-packages test)"
	strace -qq -o /dev/null true 2>/dev/null || skip "strace cannot trace here (ptrace not allowed)"
	W=$BATS_TEST_TMPDIR
}

# The commands under test, by name; each reads $BATS_FILE_TMPDIR's inputs
# and writes stdout, --rejects and --reject-log files into $W.
cmdline() {
	local t=$BATS_FILE_TMPDIR r=(--rejects "$W/rej" --reject-log "$W/log")
	case $1 in
	split-header) echo split-header "${r[@]}" "$t/raw" ;;
	normalize-date) echo normalize-date "${r[@]}" "$t/in.ndjson" ;;
	tag-entities) echo tag-entities "${r[@]}" "$t/in.ndjson" ;;
	dedupe) echo dedupe --load-index "$t/old.idx" --save-index "$W/idx" "${r[@]}" "$t/dup.ndjson" ;;
	to-csv) echo to-csv "${r[@]}" "$t/in.ndjson" ;;
	to-xlsx) echo to-xlsx "${r[@]}" "$t/in.ndjson" ;;
	esac
}

# The paths whose reads count: the inputs, the model, the index.
read_paths() {
	local t=$BATS_FILE_TMPDIR f
	case $1 in
	split-header) for f in "$t/raw"/*; do echo "$f"; done ;;
	tag-entities) echo "$t/in.ndjson"; readlink -f "$ROOT/models/ner.model" ;;
	dedupe) echo "$t/dup.ndjson"; echo "$t/old.idx" ;;
	*) echo "$t/in.ndjson" ;;
	esac
}

# fresh: the files a run writes, as before it (dedupe's index exists).
fresh() {
	rm -f "$W/rej" "$W/log" "$W"/idx*
	cp "$BATS_FILE_TMPDIR/old.idx" "$W/idx"
}

# reference PROG: the run without faults, into $W/ref.*.
reference() {
	fresh
	$(cmdline "$1") >"$W/ref.out" 2>"$W/ref.err" && REF_STATUS=0 || REF_STATUS=$?
	for f in rej log idx; do cp "$W/$f" "$W/ref.$f" 2>/dev/null || : >"$W/ref.$f"; done
}

# sound A B: every line of file A is a line of file B, in B's order (a
# record left out is reported, not corrupt); a last line cut short is
# the start of one.
sound() {
	cmp -s "$1" "$2" -n "$(wc -c <"$1")" && [ "$(wc -c <"$1")" -le "$(wc -c <"$2")" ] && return
	python3 -c '
import sys
out = open(sys.argv[1], "rb").read().split(b"\n")
ref = open(sys.argv[2], "rb").read().split(b"\n")
tail, j = out.pop(), 0
for line in out:
    while j < len(ref) and ref[j] != line:
        j += 1
    if j == len(ref):
        sys.exit(1)
    j += 1
sys.exit(0 if not tail or any(r.startswith(tail) for r in ref[j:]) else 1)' "$1" "$2"
}

# judge PROG WHAT WHY STATUS: the run that just ended (its stdout and
# stderr in $W/out, $W/err) with WHAT failing: as if nothing happened,
# or status 1 and a line "PROG: ...WHY..."; and nothing half-replaced.
judge() {
	local p=$1 what=$2 why=$3 st=$4 f
	case $(cat "$W/err") in
	*Sanitizer*|*"runtime error"*) fail "$p, $what: $(head -c 3000 "$W/err")" ;;
	esac
	for f in rej log; do
		[ -e "$W/$f" ] || : >"$W/$f"
		sound "$W/$f" "$W/ref.$f" || fail "$p, $what: the --$f file is not sound"
	done
	# A workbook is a zip file with the time in it: not compared.
	if [ "$p" = to-xlsx ]; then
		cp "$W/ref.out" "$W/out"
	fi
	sound "$W/out" "$W/ref.out" || fail "$p, $what: the output is not sound"
	if [ "$p" = dedupe ]; then
		cmp -s "$W/idx" "$BATS_FILE_TMPDIR/old.idx" || cmp -s "$W/idx" "$W/ref.idx" \
		    || fail "$p, $what: the index is neither the old one nor the new one"
		[ -z "$(ls "$W" | grep '^idx.')" ] || fail "$p, $what: temporary files left: $(ls "$W")"
	fi
	if [ "$st" -eq "$REF_STATUS" ] && cmp -s "$W/out" "$W/ref.out" && cmp -s "$W/err" "$W/ref.err"; then
		return 0
	fi
	[ "$st" -eq 1 ] || fail "$p, $what: status $st; stderr: $(head -c 2000 "$W/err")"
	grep -Eq "^$p: .*($why)" "$W/err" || fail "$p, $what: no message saying why: $(head -c 2000 "$W/err")"
}

@test "every program survives an allocation failing at each call site" {
	local p k st sites library=0
	for p in split-header normalize-date tag-entities dedupe to-csv to-xlsx; do
		reference "$p"
		for ((k = 1; ; k++)); do
			fresh
			rm -f "$W/fail.log"
			st=0
			NEWSPIPE_FAIL_ALLOC=$k NEWSPIPE_FAIL_LOG=$W/fail.log LD_PRELOAD=$SHIM \
			    $(cmdline "$p") >"$W/out" 2>"$W/err" || st=$?
			[ -s "$W/fail.log" ] || break
			# Sites that are the libraries' own, not judged:
			# libxlsxwriter (1.1.5) and the minizip it zips with do
			# not check all their allocations (one failing in
			# workbook_add_worksheet or in minizip crashes them, one
			# in a format is only logged); glibc's iconv_open says
			# "no such converter" (EINVAL) when loading one fails
			# for want of memory (its tsearch of the loaded modules
			# too, whose callers have no names in a sanitizer
			# build's stack); the sanitizer's runtime stops at a
			# failed CHECK when its start of a thread (tag-entities'
			# workers) cannot allocate.  Upstream matters; ours are
			# judged.
			if head -n 1 "$W/fail.log" | grep -Eq 'libxlsxwriter|libminizip|libz\.so' \
			    || grep -Eq '__gconv|__tsearch|ld-linux|_dl_catch|libasan' "$W/fail.log"; then
				library=$((library + 1))
				continue
			fi
			judge "$p" "allocation $(cat "$W/fail.log")" "out of memory|Cannot allocate memory" "$st"
		done
		sites+="$p $((k - 1)), "
		[ "$k" -gt 10 ] || fail "$p: only $((k - 1)) allocation sites: is the shim loaded?"
	done
	echo "# sites: $sites of them $library in libxlsxwriter, minizip, loading a converter or the sanitizer's runtime, not judged" >&3
}

# each_call PROG CALLS STRACE-ARGS...: fail the 1st, 2nd... of the system
# calls CALLS (comma-separated) that strace traces with STRACE-ARGS, one
# per run, until a run makes fewer; CALLS_MADE is how many there were.
each_call() {
	local p=$1 calls=$2 k st fd
	shift 2
	reference "$p"
	for ((k = 1; ; k++)); do
		fresh
		st=0
		strace -f -qq -o "$W/strace" -e trace="$calls" -e inject="$calls":error=EIO:when=$k "$@" \
		    $(cmdline "$p") >"$W/out" 2>"$W/err" || st=$?
		grep -q INJECTED "$W/strace" || break
		# A message that could not be written cannot be asked for.
		# strace counts the calls of each thread: with threads
		# (tag-entities) the k-th of several fails, one may be stderr.
		fd=$(sed -n 's/^[0-9]* *[a-z0-9]*(\([0-9]*\),.*INJECTED.*/\1/p' "$W/strace")
		if grep -qx 2 <<<"$fd"; then
			[ "$st" -le 1 ] || fail "$p: status $st after a failed write to stderr"
			[ "$p" = to-xlsx ] || sound "$W/out" "$W/ref.out" || fail "$p: the output is not sound"
			continue
		fi
		judge "$p" "$calls call $k" "Input/output error" "$st"
	done
	CALLS_MADE=$((k - 1))
}

@test "every program survives a read failing at each read of its input" {
	local p paths f
	for p in split-header normalize-date tag-entities dedupe to-csv to-xlsx; do
		paths=()
		while read -r f; do paths+=(-P "$f"); done < <(read_paths "$p")
		each_call "$p" read "${paths[@]}"
		[ "$CALLS_MADE" -ge 2 ] || fail "$p: only $CALLS_MADE reads"
	done
}

@test "every program survives a write failing at each write" {
	local p
	for p in split-header normalize-date tag-entities dedupe to-csv to-xlsx; do
		each_call "$p" write
		[ "$CALLS_MADE" -ge 2 ] || fail "$p: only $CALLS_MADE writes"
	done
}

@test "dedupe survives its index's fsync or rename failing, the old index whole" {
	each_call dedupe fsync,fdatasync
	[ "$CALLS_MADE" -eq 1 ] || fail "dedupe: $CALLS_MADE fsync calls"
	each_call dedupe rename,renameat,renameat2
	[ "$CALLS_MADE" -eq 1 ] || fail "dedupe: $CALLS_MADE rename calls"
}

# pipe_call CALLS: pipeline.sh -o with the 1st, 2nd... of CALLS failing
# in each of its processes: status 1, the old file whole, nothing left.
pipe_call() {
	local calls=$1 k st
	shift
	printf 'old\n' >"$W/x.csv"
	"$ROOT/pipeline.sh" --jobs 1 "$BATS_FILE_TMPDIR/raw" >"$W/ref.csv" 2>/dev/null
	for ((k = 1; ; k++)); do
		st=0
		TMPDIR=$W/tmp strace -f -qq -o "$W/strace" -e trace="$calls" -e inject="$calls":error=EIO:when=$k "$@" \
		    "$ROOT/pipeline.sh" --jobs 1 -o "$W/x.csv" "$BATS_FILE_TMPDIR/raw" >"$W/out" 2>"$W/err" || st=$?
		grep -q INJECTED "$W/strace" || break
		case $(cat "$W/err") in
		*Sanitizer*|*"runtime error"*) fail "pipeline.sh, $calls $k: $(head -c 3000 "$W/err")" ;;
		esac
		[ -z "$(ls -A "$W/tmp")" ] || fail "pipeline.sh, $calls $k: temporary files left: $(ls -A "$W/tmp")"
		[ -z "$(ls "$W" | grep '^x\.csv\.')" ] || fail "pipeline.sh, $calls $k: temporary files left: $(ls "$W")"
		if [ "$st" -eq 0 ]; then
			cmp -s "$W/x.csv" "$W/ref.csv" || fail "pipeline.sh, $calls $k: status 0 but the CSV differs"
			printf 'old\n' >"$W/x.csv"
			continue
		fi
		[ "$st" -eq 1 ] || fail "pipeline.sh, $calls $k: status $st: $(cat "$W/err")"
		[ "$(cat "$W/x.csv")" = old ] || fail "pipeline.sh, $calls $k: the old file changed"
		grep -q "Input/output error" "$W/err" || fail "pipeline.sh, $calls $k: no reason given: $(cat "$W/err")"
	done
	[ "$k" -gt 1 ] || fail "pipeline.sh: no $calls call failed"
}

@test "pipeline.sh -o survives a write, fsync or rename failing: the old file whole" {
	mkdir "$W/tmp"
	pipe_call write
	pipe_call fsync,fdatasync
	pipe_call rename,renameat,renameat2
	local paths=() f
	for f in "$BATS_FILE_TMPDIR/raw"/*; do paths+=(-P "$f"); done
	pipe_call read "${paths[@]}"
}
