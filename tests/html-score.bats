#!/usr/bin/env bats
# tools/html-score: the scorer of make html-score and make copies-score,
# on a gold file and records written for this test.
load helper

SCORE=${NEWSPIPE_TOOLS:-$ROOT/build/opt/tools}/html-score

@test "html-score: segments, titles, authors, dates and outlets as the README counts them" {
	run --separate-stderr "$SCORE" "$FIXTURES/html-score/gold.ndjson" "$FIXTURES/html-score/records.ndjson"
	assert_success
	# p1: both "with" found across line breaks, the newsletter found (FP);
	# p2: found, "Read more" found (FP); p3: no record, its segment missed.
	assert_output "pages 3, records found 2
segments: TP 3 FN 1 FP 2: precision 0.6000 recall 0.7500 F1 0.6667
title: 1 of 3 right: 0.3333
author: 1 of 2 right: 0.5000
date: 1 of 2 right: 0.5000
outlet: 1 of 1 right: 1.0000"
}

@test "html-score: --misses lists each miss; --min-f1 fails below it" {
	run --separate-stderr "$SCORE" --misses --min-f1 0.9 "$FIXTURES/html-score/gold.ndjson" - <"$FIXTURES/html-score/records.ndjson"
	assert_failure 1
	assert_line $'p1\twithout\tSubscribe to our newsletter\tfound'
	assert_line $'p2\ttitle\tWeather\tWeather today'
	assert_line $'p2\tdate\t2024-06-01\t2024-06-02'
	assert_line $'p3\trecord\t\t(none)'
	[[ $stderr == *"html-score: segment F1 0.6667 is below 0.9000"* ]] || fail "$stderr"
}
