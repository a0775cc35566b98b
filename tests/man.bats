#!/usr/bin/env bats
# The EXAMPLES of every man page run as tests (tests/man-examples says
# how they are written), so the documentation cannot drift from the code.
load helper

# Every program, and pipeline.sh's page, has a page with examples.
@test "man: every program has a page with EXAMPLES and EXIT STATUS" {
	local p
	for p in split-header $NDJSON_READERS newspipe; do
		[ -f "$ROOT/man/$p.1" ] || fail "man/$p.1 missing"
		grep -q '^\.SH EXAMPLES' "$ROOT/man/$p.1" || fail "man/$p.1: no EXAMPLES"
		grep -q '^\.SH "\{0,1\}EXIT STATUS' "$ROOT/man/$p.1" || fail "man/$p.1: no EXIT STATUS"
		grep -q '@VERSION@' "$ROOT/man/$p.1" || fail "man/$p.1: version not from VERSION"
	done
}

@test "man: examples of split-header(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/split-header.1"
	assert_success
}

@test "man: examples of normalize-date(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/normalize-date.1"
	assert_success
}

@test "man: examples of tag-entities(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/tag-entities.1"
	assert_success
}

@test "man: examples of dedupe(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/dedupe.1"
	assert_success
}

@test "man: examples of to-csv(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/to-csv.1"
	assert_success
}

@test "man: examples of to-xlsx(1)" {
	run "$ROOT/tests/man-examples" "$ROOT/man/to-xlsx.1"
	assert_success
}

@test "man: examples of newspipe(1), pipeline.sh" {
	run "$ROOT/tests/man-examples" "$ROOT/man/newspipe.1"
	assert_success
}

@test "man: a wrong expected line in an example is reported" {
	sed 's/"word_count":10/"word_count":11/' "$ROOT/man/split-header.1" >"$BATS_TEST_TMPDIR/x.1"
	run "$ROOT/tests/man-examples" "$BATS_TEST_TMPDIR/x.1"
	assert_failure 1
	assert_output --partial "FAIL $BATS_TEST_TMPDIR/x.1: \$ printf"
}

@test "man: built pages carry the version of the VERSION file" {
	run head -n 1 "$ROOT/build/man/dedupe.1"
	assert_output --partial "\"newspipe $VERSION\""
}
