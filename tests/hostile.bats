#!/usr/bin/env bats
# Hostile input: every program survives it, says why it dropped a record,
# and its counts and exit status add up.  Where docs/record.md fixes the
# outcome (malformed JSON, NUL, duplicate keys, nesting) the exact verdict
# is asserted; where a filter decides (a number where text is expected,
# a raw file it cannot split), every input record must be either written
# or rejected, and the status must be 1 exactly when one was rejected.

load helper

# The same three-line frame for every NDJSON case: two ordinary records
# around the hostile one, distinct enough that dedupe keeps all three.
frame() {
	printf '%s\n' '{"id":"a","title":"Harbour vote","body":"The council met on Monday to vote on the harbour plan."}'
	printf '%s\n' "$1"
	printf '%s\n' '{"id":"c","title":"Rail strike","body":"Train drivers stopped work across the region for a whole day."}'
}

# written PROG: records in $output, each checked to be one valid JSON
# object (a CSV row past the header for to-csv; to-xlsx's rows come as
# objects through tests/xlsx-ndjson).
written() {
	if [ "$1" = to-csv ]; then
		# A row ends at a newline outside quotes: after an even count.
		printf '%s\n' "$output" | awk '{ q += gsub(/"/, "\"") } q % 2 == 0 { n++ }
		    END { print (n > 0 ? n - 1 : 0) }'
	elif [ -z "$output" ]; then
		echo 0
	else
		printf '%s\n' "$output" | jq -ce 'if type == "object" then . else error("not an object") end' | wc -l
	fi
}

# rejected PROG: the count in the summary line on $stderr, or 0.
rejected() {
	local r
	r=$(printf '%s\n' "$stderr" | sed -n "s/^$1: \([0-9]*\) of [0-9]* records rejected.*/\1/p")
	echo "${r:-0}"
}

# sane PROG: no crash, no sanitizer report.
sane() {
	[ "$status" -lt 2 ] || fail "$1: status $status; stderr: ${stderr:0:2000}"
	case $stderr in
	*Sanitizer*|*"runtime error"*|*"Segmentation"*) fail "$1: ${stderr:0:2000}" ;;
	esac
}

# counts PROG WRITTEN REJECTED: exact counts; status 1 iff one rejected.
counts() {
	local w r
	sane "$1"
	w=$(written "$1") r=$(rejected "$1")
	[ "$w" -eq "$2" ] && [ "$r" -eq "$3" ] || fail "$1: $w written, $r rejected; wanted $2, $3; stderr: ${stderr:0:2000}"
	[ "$status" -eq $(($3 > 0)) ] || fail "$1: status $status with $3 rejected"
}

# accounted PROG N: each of N records written or rejected, status to match.
accounted() {
	local w r
	sane "$1"
	w=$(written "$1") r=$(rejected "$1")
	[ $((w + r)) -eq "$2" ] || fail "$1: $w written + $r rejected, not $2; stderr: ${stderr:0:2000}"
	[ "$status" -eq $((r > 0)) ] || fail "$1: status $status with $r rejected"
}

# rejects_line PROG N REASON...: line 2 of the frame is rejected with
# "PROG: FILE:2: REASON", the other two are written.
rejects_line() {
	local p=$1 f=$BATS_TEST_TMPDIR/in
	shift
	frame "$1" >"$f"
	run --separate-stderr $(cmd "$p") "$f"
	counts "$p" 2 1
	[[ $stderr == *"$p: $f:2: $2"* ]] || fail "$p: wanted '$2' in: ${stderr:0:2000}"
}

@test "empty input: no records, no message, status 0" {
	: >"$BATS_TEST_TMPDIR/empty"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/empty"
		counts "$p" 0 0
		[ -z "$stderr" ] || fail "$p: $stderr"
	done
	mkdir "$BATS_TEST_TMPDIR/nothing"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/nothing"
	counts split-header 0 0
	[ -z "$stderr" ] || fail "split-header: $stderr"
}

@test "split-header: an empty file is written or rejected, never lost" {
	: >"$BATS_TEST_TMPDIR/empty.txt"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/empty.txt"
	accounted split-header 1
	run --separate-stderr split-header </dev/null
	accounted split-header 1
}

@test "a binary file: every line rejected, status 1" {
	local i all=
	for ((i = 0; i < 256; i++)); do
		all+=$(printf '\\%03o' "$i")
	done
	for ((i = 0; i < 100; i++)); do
		printf "$all"
	done >"$BATS_TEST_TMPDIR/bin"
	[ "$(wc -c <"$BATS_TEST_TMPDIR/bin")" -eq 25600 ]
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/bin"
		# 100 newlines cut 101 lines, none of them blank.
		counts "$p" 0 101
		[[ $stderr == *"$p: $BATS_TEST_TMPDIR/bin:1: NUL byte at byte 1"* ]] || fail "$p: ${stderr:0:500}"
	done
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/bin"
	accounted split-header 1
}

@test "invalid UTF-8 in every position of a record is rejected" {
	local good='{"id":"b","body":"caf\u00e9 ok"}'
	for p in $NDJSON_READERS; do
		rejects_line "$p" $'\xff{"id":"b","body":"text"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","bo\xc3dy":"text"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"te\xe2\x28\xa1xt"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"\xc0\xafoverlong"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"surrogate \xed\xa0\x80"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"text"}\xff' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"cut \xe2\x82"}' "invalid JSON"
		rejects_line "$p" $'{"id":"b","body":"text"}\xe2\x82' "invalid JSON"
		frame "$good" >"$BATS_TEST_TMPDIR/ok"
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/ok"
		counts "$p" 3 0
	done
}

@test "split-header: invalid UTF-8 anywhere in a file is written or rejected" {
	local d=$BATS_TEST_TMPDIR/raw n=0
	mkdir "$d"
	printf '\xffHarbour vote\nThe council met on Monday.\n' >"$d/first.txt"
	printf 'Harbour vote\nThe council \xc3 met on Monday.\n' >"$d/middle.txt"
	printf 'Harbour vote\nThe council met on Monday.\xff' >"$d/last.txt"
	printf 'Harbour vote\nThe council met on Monday \xe2\x82' >"$d/cut.txt"
	printf 'Harbour vote\nThe council met \xed\xa0\x80 on Monday.\n' >"$d/surrogate.txt"
	for f in "$d"/*.txt; do
		run --separate-stderr split-header "$f"
		accounted split-header 1
		n=$((n + 1))
	done
	run --separate-stderr split-header "$d"
	accounted split-header "$n"
}

@test "NUL bytes: the line is rejected with the byte offset" {
	for p in $NDJSON_READERS; do
		rejects_line "$p" $'\x01' "invalid JSON"
		frame '{"id":"b","body":"x"}' | sed '2s/"x"/"x\x00y"/' >"$BATS_TEST_TMPDIR/in"
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/in"
		counts "$p" 2 1
		[[ $stderr == *"$p: $BATS_TEST_TMPDIR/in:2: NUL byte at byte 20"* ]] || fail "$p: $stderr"
		printf '\0\n{"id":"z","body":"After a NUL line."}\n' >"$BATS_TEST_TMPDIR/in"
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/in"
		counts "$p" 1 1
		[[ $stderr == *"$p: $BATS_TEST_TMPDIR/in:1: NUL byte at byte 1"* ]] || fail "$p: $stderr"
	done
	printf 'Harbour vote\nThe council\0 met.\n' >"$BATS_TEST_TMPDIR/nul.txt"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/nul.txt"
	accounted split-header 1
}

@test "100,000 tiny records: exactly 100,000 out" {
	# Distinct words per record, so that no two look alike to dedupe.
	awk 'BEGIN {
		split("ka lo mi ne su ta ri vo pe zu ga hi", s, " ")
		for (i = 1; i <= 100000; i++) {
			x = i; w = ""
			for (k = 0; k < 7; k++) {
				x = (x * 1103515245 + 12345 + k) % 2147483648
				w = w s[int(x / 7) % 12 + 1] s[int(x / 97) % 12 + 1] s[int(x / 1009) % 12 + 1] " "
			}
			printf "{\"id\":\"t%d\",\"title\":\"T%d\",\"body\":\"%s%d.\"}\n", i, i, w, i
		}
	}' >"$BATS_TEST_TMPDIR/tiny"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/tiny"
		counts "$p" 100000 0
	done
}

@test "split-header: 100,000 tiny files are each written or rejected" {
	python3 -c '
import os, sys
d = sys.argv[1]
os.mkdir(d)
for i in range(100000):
    with open(os.path.join(d, "t%06d.txt" % i), "w") as f:
        f.write("Title %d\nBody %d.\n" % (i, i))
' "$BATS_TEST_TMPDIR/tiny"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/tiny"
	accounted split-header 100000
}

@test "10,000 levels of nesting are rejected with a message" {
	local deep
	deep="{\"id\":\"b\",\"x\":$(printf '%10000s' | tr ' ' '[')$(printf '%10000s' | tr ' ' ']')}"
	for p in $NDJSON_READERS; do
		rejects_line "$p" "$deep" "invalid JSON at column 2062: maximum parsing depth reached"
	done
	deep="$(printf '%10000s' | sed 's/ /{"a":/g')1$(printf '%10000s' | tr ' ' '}')"
	for p in $NDJSON_READERS; do
		rejects_line "$p" "$deep" "invalid JSON at column 10241: maximum parsing depth reached"
	done
}

@test "a value of another JSON type where text is expected: no crash, no loss" {
	local rec
	for p in $NDJSON_READERS; do
		for rec in '{"id":"b","body":123}' '{"id":"b","title":["a"],"body":"Plain text here."}' \
		    '{"id":"b","body":{"a":1}}' '{"id":"b","body":null,"title":null}' \
		    '{"id":"b","body":true,"title":false}' '{"id":7,"body":"Numeric id text."}' \
		    '{"body":"A record without any id at all."}' \
		    '{"id":"b","body":"Wrong types.","date_raw":[1],"dateline_date":{},"tags":"x","entities":3,"dates":"no","word_count":"many"}' \
		    '{"id":"b","body":1e400}' '{"id":"b","body":-0.0,"title":1.5e-300}'; do
			frame "$rec" >"$BATS_TEST_TMPDIR/in"
			run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/in"
			accounted "$p" 3
		done
	done
}

@test "duplicate keys are rejected, nested ones too" {
	for p in $NDJSON_READERS; do
		rejects_line "$p" '{"id":"b","body":"one","body":"two"}' "invalid JSON at column 29: duplicate object key near '\"body\"'"
		rejects_line "$p" '{"id":"b","m":{"k":1,"k":2},"body":"x"}' "invalid JSON at column 24: duplicate object key near '\"k\"'"
	done
}

@test "a body of 1 MB without spaces passes through intact" {
	printf '{"id":"b","title":"Long word","body":"%s"}\n' "$(head -c 1000000 /dev/zero | tr '\0' x)" >"$BATS_TEST_TMPDIR/rec"
	frame "$(cat "$BATS_TEST_TMPDIR/rec")" >"$BATS_TEST_TMPDIR/in"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/in"
		counts "$p" 3 0
	done
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "$(cmd "$p") '$BATS_TEST_TMPDIR/in' | jq -r '.body | length'"
		assert_output $'54\n1000000\n61'
	done
	{ echo "Long word"; head -c 1000000 /dev/zero | tr '\0' y; echo; } >"$BATS_TEST_TMPDIR/long.txt"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/long.txt"
	accounted split-header 1
}

@test "a title that is only emoji passes through" {
	local emoji=$'\xf0\x9f\x98\x80\xf0\x9f\x8e\x89\xf0\x9f\x94\xa5\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7'
	frame "{\"id\":\"b\",\"title\":\"$emoji\",\"body\":\"Fireworks lit the sky over the bay last night.\"}" >"$BATS_TEST_TMPDIR/in"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/in"
		counts "$p" 3 0
	done
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "$(cmd "$p") '$BATS_TEST_TMPDIR/in' | jq -r 'select(.id == \"b\") | .title'"
		assert_output "$emoji"
	done
	printf '%s\nFireworks lit the sky over the bay last night.\n' "$emoji" >"$BATS_TEST_TMPDIR/emoji.txt"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/emoji.txt"
	accounted split-header 1
}

@test "split-header: | head -1 ends quietly with status 0" {
	local i
	mkdir "$BATS_TEST_TMPDIR/many"
	for ((i = 0; i < 3000; i++)); do
		printf 'Title %d\nBody text number %d, long enough to fill the pipe.\n' "$i" "$i" >"$BATS_TEST_TMPDIR/many/a$i.txt"
	done
	run bash -c "split-header '$BATS_TEST_TMPDIR/many' 2>'$BATS_TEST_TMPDIR/err' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
	assert_output 0
	[ ! -s "$BATS_TEST_TMPDIR/err" ] || fail "$(cat "$BATS_TEST_TMPDIR/err")"
}

@test "split-header: > /dev/full is a write error with status 1" {
	printf 'Title\nSome body text.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run --separate-stderr bash -c "split-header '$BATS_TEST_TMPDIR/a.txt' >/dev/full"
	assert_failure 1
	[[ $stderr == "split-header: write error: No space left on device" ]] || fail "$stderr"
}

@test "an operand that does not exist among existing ones" {
	frame '{"id":"b","body":"Middle record with its own words."}' >"$BATS_TEST_TMPDIR/one"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR/gone" "$BATS_TEST_TMPDIR/one" "$BATS_TEST_TMPDIR/gone2"
		sane "$p"
		[ "$status" -eq 1 ] || fail "$p: status $status"
		[ "$(written "$p")" -eq 3 ] || fail "$p: $output"
		[ "$stderr" = "$p: $BATS_TEST_TMPDIR/gone: No such file or directory
$p: $BATS_TEST_TMPDIR/gone2: No such file or directory" ] || fail "$p: $stderr"
	done
	printf 'Title\nSome body text.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/gone" "$BATS_TEST_TMPDIR/a.txt"
	sane split-header
	[ "$status" -eq 1 ] || fail "status $status"
	[ "$(written split-header)" -eq 1 ] || fail "$output"
	[[ $stderr == "split-header: $BATS_TEST_TMPDIR/gone: No such file or directory"* ]] || fail "$stderr"
}

@test "a directory given to an NDJSON reader is a read error, status 1" {
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd "$p") "$BATS_TEST_TMPDIR"
		sane "$p"
		[ "$status" -eq 1 ] || fail "$p: status $status"
		[ "$(written "$p")" -eq 0 ] || fail "$p: $output"
		[ "$stderr" = "$p: $BATS_TEST_TMPDIR: read error: Is a directory" ] || fail "$p: $stderr"
	done
}

@test "a file that vanishes while split-header walks is reported, the rest read" {
	local d=$BATS_TEST_TMPDIR/walk
	mkdir "$d"
	printf 'Title A\nBody A.\n' >"$d/a.txt"
	ln -s "$d/vanished.txt" "$d/b.txt"
	printf 'Title C\nBody C.\n' >"$d/c.txt"
	run --separate-stderr split-header "$d"
	sane split-header
	[ "$status" -eq 1 ] || fail "status $status"
	[ "$(written split-header)" -eq 2 ] || fail "$output"
	[[ $stderr == *"split-header: $d/b.txt"*"No such file or directory"* ]] || fail "$stderr"
}
