#!/usr/bin/env bats
# The C unit tests of the engines (tests/unit/*.c, built by make unit).
load helper

UNIT=${NEWSPIPE_UNIT:-$ROOT/build/opt/unit}

@test "unit: every tests/unit/*.c was built" {
	local src
	for src in "$ROOT"/tests/unit/*.c; do
		[ -x "$UNIT/$(basename "$src" .c)" ] || fail "$UNIT/$(basename "$src" .c) missing: make unit"
	done
}

@test "unit: lib/hash golden values and index" {
	run "$UNIT/hash"
	assert_success
	assert_output "hash: ok"
}

@test "unit: lib/entity/names rules on invented names" {
	run "$UNIT/names"
	assert_success
	assert_output "names: ok"
}

@test "unit: lib/charset detects and converts encodings" {
	run "$UNIT/charset"
	assert_success
	assert_output "charset: ok"
}

@test "unit: lib/lang tells a text's language by its function words" {
	run "$UNIT/lang"
	assert_success
	assert_output "lang: ok"
}

@test "unit: lib/scan agrees with jansson; lib/splice writes owned fields in place" {
	run "$UNIT/scan"
	assert_success
	assert_output "scan: ok"
}

@test "unit: lib/sheet's ISO 8601 dates as Excel serials" {
	run "$UNIT/sheetdate"
	assert_success
	assert_output "sheetdate: ok"
}

@test "unit: lib/story joins within the window, closes, forgets, stays bounded" {
	run "$UNIT/story"
	assert_success
	assert_output "story: ok"
}

@test "unit: lib/entity/tagger decodes under BIO, never across a break" {
	run "$UNIT/tagger"
	assert_success
	assert_output "tagger: ok"
}

@test "unit: lib/entity/wcache gives the sums of every key, hit, evicted or not kept" {
	run "$UNIT/wcache" "$ROOT/models/ner.model"
	assert_success
	assert_output "wcache: ok"
}

@test "unit: lib/text folds run by run as utf8proc folds the whole" {
	run "$UNIT/text"
	assert_success
	assert_output "text: ok"
}

@test "unit: JSON escapes, UTF-8 checks and word counts 8 bytes at a time give what a byte at a time gives" {
	run "$UNIT/bytes8"
	assert_success
	assert_output "bytes8: ok"
}

@test "unit: lib/date reads a date that opens a longer text" {
	run "$UNIT/date"
	assert_success
	assert_output "date: ok"
}

@test "unit: article_add_authors splits bylines into names" {
	run "$UNIT/authors"
	assert_success
	assert_output "authors: ok"
}

@test "unit: html_is_page tells a page by its first bytes" {
	run "$UNIT/html"
	assert_success
	assert_output "html: ok"
}
