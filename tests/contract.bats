#!/usr/bin/env bats
# The record contract every program keeps (docs/record.md).

load helper

@test "--help prints usage with an example on stdout and exits 0" {
	for p in split-header $NDJSON_READERS; do
		run --separate-stderr "$p" --help
		assert_success
		assert_line --index 0 --partial "usage: $p "
		assert_output --partial "Example"
		[ -z "$stderr" ] || fail "$p --help wrote to stderr"
	done
}

@test "--version prints the version and exits 0" {
	for p in split-header $NDJSON_READERS; do
		run --separate-stderr "$p" --version
		assert_success
		assert_output "$p (newspipe) $VERSION"
	done
}

# bad_usage PROG ARGS...: exit 2, nothing on stdout, and on stderr the
# program's own name, the message, the usage line and the pointer to --help.
bad_usage() {
	local p=$1 msg=$2
	shift 2
	run --separate-stderr "$p" "$@" </dev/null
	assert_failure 2
	assert_output ""
	[ "${#stderr_lines[@]}" -ge 3 ] || fail "$p $*: $stderr"
	[ "${stderr_lines[0]}" = "$p: $msg" ] || fail "$p $*: first line: ${stderr_lines[0]}"
	[[ ${stderr_lines[1]} == "usage: $p "* ]] || fail "$p $*: no usage line: $stderr"
	[ "${stderr_lines[-1]}" = "Try '$p --help' for more information." ] || fail "$p $*: $stderr"
}

@test "an unknown option exits 2 with usage on stderr and nothing on stdout" {
	for p in split-header $NDJSON_READERS; do
		bad_usage "$p" "unknown option '--no-such-option'" --no-such-option
		bad_usage "$p" "unknown option '-Z'" -Z
		bad_usage "$p" "option '--rejects' needs a value" --rejects
		bad_usage "$p" "option '--strict' takes no value, or is unknown" --strict=1
	done
}

@test "usage errors name the program, not the path it was run by" {
	for p in split-header $NDJSON_READERS; do
		run --separate-stderr "$BIN/$p" --no-such-option </dev/null
		assert_failure 2
		[ "${stderr_lines[0]}" = "$p: unknown option '--no-such-option'" ] || fail "$stderr"
	done
}

@test "a bad option value is bad usage, the same way in every program" {
	bad_usage dedupe "bad --threshold '5': want a number, 0 < T <= 1" --threshold 5
	bad_usage dedupe "bad --shingle '0': want a whole number, 1 to 1000" --shingle 0
	bad_usage normalize-date "bad --ref 'soon': want a calendar date, such as 2025-09-02" --ref soon
	bad_usage tag-entities "bad --types 'PER,XYZ': want a list of PER, ORG, LOC, MISC" --types PER,XYZ
	bad_usage to-csv "bad --explode 'words': want entities or dates" --explode words
	bad_usage to-xlsx "bad --explode 'words': want entities or dates" --explode words
}

@test "fields a filter does not own pass through unchanged and in order" {
	printf '%s\n' '{"zeta":[1,{"b":null}],"id":"k1","alpha":"A \u00e9 \"q\"","n":-12,"body":"Plain words here."}' >"$BATS_TEST_TMPDIR/in"
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "$(cmd $p) '$BATS_TEST_TMPDIR/in' | jq -c 'to_entries[:5] | from_entries'"
		assert_success
		assert_output '{"zeta":[1,{"b":null}],"id":"k1","alpha":"A é \"q\"","n":-12,"body":"Plain words here."}'
	done
}

# written_as LINE AS_WRITTEN REWRITTEN: every JSON filter given LINE
# writes a line starting with AS_WRITTEN if it passes fields it does not
# own through as written (PASS_THROUGH), with REWRITTEN if it writes
# them again through jansson.
written_as() {
	local p want
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/in"
	[ -n "$PASS_THROUGH" ] || fail "no program passes fields through"
	for p in $JSON_FILTERS; do
		run --separate-stderr $(cmd $p) "$BATS_TEST_TMPDIR/in"
		assert_success
		want=$3
		[[ " $PASS_THROUGH " == *" $p "* ]] && want=$2
		[[ $output == "$want"* ]] || fail "$p: $output"
	done
}

@test "numbers and strings keep their values: as written, or reals in their shortest form" {
	written_as '{"a":0.1,"b":1e2,"c":1.50,"d":-1.5E-7,"e":12345678901234,"f":"x\u0001\"\\\/\u00e9\t","g":[true,false,null,{}],"h":-0,"body":"Words."}' \
	    '{"a":0.1,"b":1e2,"c":1.50,"d":-1.5E-7,"e":12345678901234,"f":"x\u0001\"\\\/\u00e9\t","g":[true,false,null,{}],"h":-0,"body":"Words."' \
	    '{"a":0.1,"b":100.0,"c":1.5,"d":-1.5e-7,"e":12345678901234,"f":"x\u0001\"\\/é\t","g":[true,false,null,{}],"h":0,"body":"Words."'
}

@test "output is compact: white space outside strings is dropped, inside kept" {
	written_as ' { "a" : [ 1 , { "b" : "x  y" } ] ,	"n" : 1E2 , "s" : " , : " , "body" : "Words." } ' \
	    '{"a":[1,{"b":"x  y"}],"n":1E2,"s":" , : ","body":"Words."' \
	    '{"a":[1,{"b":"x  y"}],"n":100.0,"s":" , : ","body":"Words."'
}

@test "each input record gives one compact JSON line" {
	records 3 >"$BATS_TEST_TMPDIR/in"
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "$(cmd $p) '$BATS_TEST_TMPDIR/in' | jq -r .id"
		assert_success
		assert_output $'r1\nr2\nr3'
	done
}

@test "empty input gives no output and status 0" {
	for p in $JSON_FILTERS; do
		run --separate-stderr $(cmd $p) </dev/null
		assert_success
		assert_output ""
		[ -z "$stderr" ] || fail "$p: stderr: $stderr"
	done
}

@test "a last line without newline is read; blank lines are skipped silently" {
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "printf '\n{\"id\":\"a\",\"body\":\"First text.\"}\n  \r\n\n{\"id\":\"b\",\"body\":\"Second text.\"}' | $(cmd $p) | jq -r .id"
		assert_success
		assert_output $'a\nb'
		[ -z "$stderr" ] || fail "$p: stderr: $stderr"
	done
}

# bad_line PROG LINE REASON: line 2 of three is LINE; it is reported with
# REASON, the other two are written, and the status is 1.
bad_line() {
	local p=$1 line=$2 reason=$3
	printf '{"id":"a","body":"First text."}\n%s\n{"id":"c","body":"Third text."}\n' "$line" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr $(cmd $p) "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 1 ] || fail "$p: status $status for $reason"
	[[ $stderr == *"$p: $BATS_TEST_TMPDIR/in:2: $reason"* ]] || fail "$p: stderr was: $stderr"
	[[ $stderr == *"$p: 1 of 3 records rejected"* ]] || fail "$p: no summary in: $stderr"
	case $p in
	to-csv) [ "$(printf '%s\n' "$output" | grep -c '^"\{0,1\}[ac]"\{0,1\},')" -eq 2 ] || fail "$p: rows: $output" ;;
	*) [ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "a c " ] || fail "$p: output: $output" ;;
	esac
}

@test "malformed JSON is reported as PROG: FILE:LINE: and skipped" {
	for p in $NDJSON_READERS; do
		bad_line "$p" '{"id":"b",' "invalid JSON at column"
	done
}

@test "a JSON array, number or string is not a record" {
	for p in $NDJSON_READERS; do
		bad_line "$p" '[1,2]' "not a JSON object but an array"
		bad_line "$p" '42' "not a JSON object but a number"
		bad_line "$p" '"text"' "not a JSON object but a string"
	done
}

@test "invalid UTF-8, a NUL byte and duplicate keys are rejected with a reason" {
	for p in $NDJSON_READERS; do
		bad_line "$p" $'{"id":"b","body":"caf\xe9"}' "invalid JSON at column"
		bad_line "$p" $'{"id":"b","body":"x"}\x01' "invalid JSON at column"
		bad_line "$p" '{"id":"b","id":"b2"}' "invalid JSON at column"
		bad_line "$p" '{"id":"b","body":"a\u0000b"}' "invalid JSON at column"
		# in a field no program reads
		bad_line "$p" '{"id":"b","zz":[{"k":1,"k":2}]}' "invalid JSON at column"
		bad_line "$p" $'{"id":"b","zz":{"s":"caf\xe9"}}' "invalid JSON at column"
		bad_line "$p" '{"id":"b","zz":1e999}' "invalid JSON at column"
	done
	printf '{"id":"a"}\n{"id":"b"\0}\n' >"$BATS_TEST_TMPDIR/nul"
	for p in $NDJSON_READERS; do
		run --separate-stderr $(cmd $p) "$BATS_TEST_TMPDIR/nul"
		assert_failure 1
		[[ $stderr == *"$p: $BATS_TEST_TMPDIR/nul:2: NUL byte at byte 10"* ]] || fail "$p: $stderr"
	done
}

@test "--strict stops at the first rejected line with status 1" {
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "printf '{\"id\":\"a\",\"body\":\"One.\"}\nbad\n{\"id\":\"c\",\"body\":\"Three.\"}\n' | $(cmd $p) --strict | jq -r .id"
		assert_output "a"
		run --separate-stderr bash -c "printf '{\"id\":\"a\",\"body\":\"One.\"}\nbad\n{\"id\":\"c\",\"body\":\"Three.\"}\n' | $(cmd $p) --strict >/dev/null"
		assert_failure 1
		[[ $stderr == *"$p: <stdin>:2: invalid JSON"* ]] || fail "$p: $stderr"
	done
}

@test "--rejects appends each rejected line byte for byte" {
	for p in $NDJSON_READERS; do
		rm -f "$BATS_TEST_TMPDIR/rej"
		printf 'first bad\n' >"$BATS_TEST_TMPDIR/rej"
		printf '{"id":"a","body":"One."}\n[1, 2 ]\r\n{"id":"c","body":"Three."}\n{oops\n' >"$BATS_TEST_TMPDIR/in"
		run --separate-stderr $(cmd $p) --rejects "$BATS_TEST_TMPDIR/rej" "$BATS_TEST_TMPDIR/in"
		assert_failure 1
		[[ $stderr == *"2 of 4 records rejected, copied to $BATS_TEST_TMPDIR/rej"* ]] || fail "$p: $stderr"
		cmp "$BATS_TEST_TMPDIR/rej" <(printf 'first bad\n[1, 2 ]\r\n{oops\n') || fail "$p: rejects file differs"
	done
}

@test "a missing input file is reported, the other files are still read" {
	records 1 >"$BATS_TEST_TMPDIR/one"
	for p in $JSON_FILTERS; do
		run --separate-stderr $(cmd $p) "$BATS_TEST_TMPDIR/nope" "$BATS_TEST_TMPDIR/one" -
		assert_failure 1
		assert_output --partial '"id":"r1"'
		[[ $stderr == "$p: $BATS_TEST_TMPDIR/nope: No such file or directory" ]] || fail "$p: $stderr"
	done </dev/null
}

@test "a 50 MB line passes through intact" {
	python3 -c 'import sys; sys.stdout.write("{\"id\":\"big\",\"blob\":\"" + "ab" * 25000000 + "\",\"body\":\"Short.\"}\n")' >"$BATS_TEST_TMPDIR/big"
	for p in $JSON_FILTERS; do
		run --separate-stderr bash -c "$(cmd $p) '$BATS_TEST_TMPDIR/big' | jq -r '.blob | length'"
		assert_success
		assert_output 50000000
	done
}

@test "a closed pipe (| head -1) ends quietly with status 0" {
	records 20000 >"$BATS_TEST_TMPDIR/many"
	for p in $NDJSON_READERS; do
		run bash -c "$(raw_cmd $p) '$BATS_TEST_TMPDIR/many' 2>'$BATS_TEST_TMPDIR/err' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
		assert_output 0
		[ ! -s "$BATS_TEST_TMPDIR/err" ] || fail "$p: $(cat "$BATS_TEST_TMPDIR/err")"
	done
}

@test "a write error (> /dev/full) is reported with status 1" {
	records 3 >"$BATS_TEST_TMPDIR/three"
	for p in $NDJSON_READERS; do
		run --separate-stderr bash -c "$(raw_cmd $p) '$BATS_TEST_TMPDIR/three' >/dev/full"
		assert_failure 1
		[[ $stderr == "$p: write error: No space left on device" ]] || fail "$p: $stderr"
	done
}
