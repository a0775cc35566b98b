#!/usr/bin/env bats
# dedupe: exact and near duplicates, --mark, --key, the index file.
# wire.ndjson: w1 a wire story (seed 002's body); w2 an exact copy; w3
# the same re-saved (case, spacing, quotes); w4 a new headline; w5 with
# sharing boilerplate appended (true shingle Jaccard 0.950); w6 without
# its last paragraph (0.887); w7 with four words changed (0.912); o1, o2
# other reports of the same meeting (seeds 004, 000: 0.008, 0.003);
# e1-e3 no body, an empty one, one of punctuation only.

load helper

W=$FIXTURES/dedupe/wire.ndjson

# pick ID...: those records of wire.ndjson, in that order.
pick() {
	local id
	for id in "$@"; do
		jq -c --arg id "$id" 'select(.id == $id)' "$W"
	done
}

# kept ID...: dedupe on those records writes only the first one.
kept_ids() {
	pick "$@" >"$BATS_TEST_TMPDIR/in"
	dedupe "$BATS_TEST_TMPDIR/in" 2>/dev/null | jq -r .id | tr '\n' ' '
}

@test "default: later copies are dropped, a summary goes to stderr" {
	run --separate-stderr dedupe "$W"
	assert_success
	[ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "w1 o1 o2 e1 e2 e3 " ]
	[ "$stderr" = "dedupe: in 12, out 6, exact 3, near 3, empty 3" ]
	# kept records are written unchanged
	[ "$(printf '%s\n' "$output" | head -1)" = "$(head -1 "$W")" ]
}

@test "exact copy, re-saved copy and changed headline are exact duplicates" {
	[ "$(kept_ids w1 w2)" = "w1 " ]
	[ "$(kept_ids w1 w3)" = "w1 " ]
	[ "$(kept_ids w4 w1)" = "w4 " ]
	pick w1 w3 w4 | dedupe --mark | jq -c '[.id, .duplicate_of, .similarity]' >"$BATS_TEST_TMPDIR/out"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/out")" $'["w1",null,null]\n["w3","w1",1]\n["w4","w1",1]'
}

@test "boilerplate added, last paragraph cut, light re-wording are near duplicates" {
	[ "$(kept_ids w1 w5)" = "w1 " ]
	[ "$(kept_ids w1 w6)" = "w1 " ]
	[ "$(kept_ids w1 w7)" = "w1 " ]
	[ "$(kept_ids w6 w1)" = "w6 " ]
}

@test "different reports of the same meeting are not grouped" {
	[ "$(kept_ids w1 o1 o2)" = "w1 o1 o2 " ]
	pick w1 o1 o2 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr dedupe --threshold 0.3 "$BATS_TEST_TMPDIR/in"
	assert_success
	[ "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" = "w1 o1 o2 " ]
	[ -z "$stderr" ]
}

@test "--mark keeps all and adds duplicate_of, similarity, cluster" {
	run --separate-stderr bash -c "dedupe --mark '$W' | jq -c '[.id, .duplicate_of, .similarity, .cluster]'"
	assert_success
	assert_output - <<'OUT'
["w1",null,null,"w1"]
["w2","w1",1,"w1"]
["w3","w1",1,"w1"]
["w4","w1",1,"w1"]
["w5","w1",0.961,"w1"]
["w6","w1",0.827,"w1"]
["w7","w1",0.969,"w1"]
["o1",null,null,"o1"]
["o2",null,null,"o2"]
["e1",null,null,null]
["e2",null,null,null]
["e3",null,null,null]
OUT
	[ -z "$stderr" ]
	# the fields are appended after the others, similarity 1.0 for exact
	dedupe --mark "$W" >"$BATS_TEST_TMPDIR/out"
	[[ $(sed -n 2p "$BATS_TEST_TMPDIR/out") == '{"id":"w2",'*'"outlet":"Wire B","body":"'*'","duplicate_of":"w1","similarity":1.0,"cluster":"w1"}' ]]
	[ "$(sed -n 5p "$BATS_TEST_TMPDIR/out" | jq -c 'to_entries[-3:]')" = '[{"key":"duplicate_of","value":"w1"},{"key":"similarity","value":0.961},{"key":"cluster","value":"w1"}]' ]
	[ "$(sed -n 10p "$BATS_TEST_TMPDIR/out")" = '{"id":"e1","title":"No body here","duplicate_of":null,"similarity":null,"cluster":null}' ]
}

@test "-v prints the summary even when nothing is dropped" {
	run --separate-stderr dedupe --mark -v "$W"
	assert_success
	# the second line: 16 article slots of 140 bytes, ids, 64 + 1024 table slots
	assert_equal "$stderr" $'dedupe: in 12, out 12, exact 3, near 3, empty 3\ndedupe: index: 3 articles, 6608 bytes, 2202 bytes/article'
	pick o1 o2 | { run --separate-stderr dedupe; [ -z "$stderr" ]; }
	pick o1 o2 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr dedupe --verbose "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" $'dedupe: in 2, out 2, exact 0, near 0, empty 0\ndedupe: index: 2 articles, 6608 bytes, 3304 bytes/article'
}

@test "--threshold: the trimmed copy (estimate 0.827) is kept at 0.9" {
	pick w1 w6 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --threshold 0.9 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'w1\nw6'
	run --separate-stderr bash -c "dedupe --threshold 0.82 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output w1
}

@test "records with an empty or missing key pass through, never grouped" {
	{ pick e1 e2 e3 e1 e2; echo '{"id":"n","body":42}'; } >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe -v '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'e1\ne2\ne3\ne1\ne2\nn'
	[ "$stderr" = "dedupe: in 6, out 6, exact 0, near 0, empty 6" ]
}

@test "--key title compares headlines; repeated --key joins fields" {
	run --separate-stderr bash -c "dedupe --key title '$W' | jq -r .id | tr '\n' ' '"
	assert_output "w1 w4 o1 o2 e1 e2 e3 "
	[ "$stderr" = "dedupe: in 12, out 7, exact 5, near 0, empty 0" ]
	run --separate-stderr bash -c "dedupe --mark --key title --key body '$W' | jq -c '[.id, .duplicate_of, .similarity]' | sed -n '4p;10p'"
	assert_output $'["w4","w1",0.969]\n["e1",null,null]'
}

@test "case, accents and punctuation are ignored; word order is not" {
	printf '%s\n' '{"id":"a","body":"Café au lait, s’il vous plaît!"}' \
	    '{"id":"b","body":"CAFE AU LAIT S IL VOUS PLAIT"}' \
	    '{"id":"c","body":"北京会谈今天举行"}' '{"id":"d","body":"北京会谈，今天举行。"}' \
	    '{"id":"e","body":"lait au cafe s il vous plait"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'a\nc\ne'
}

@test "--shingle 1 compares sets of words" {
	printf '%s\n' '{"id":"a","body":"one two three four five six"}' \
	    '{"id":"b","body":"six five four three two one"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'a\nb'
	run --separate-stderr bash -c "dedupe --mark --shingle 1 '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .duplicate_of, .similarity]'"
	assert_output $'["a",null,null]\n["b","a",1]'
}

@test "a record without an id is named FILE:LINE" {
	printf '%s\n' '{"body":"a text long enough to have some shingles in it"}' \
	    '{"id":"x","body":"A text long enough to have some shingles in it."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "cd '$BATS_TEST_TMPDIR' && dedupe --mark in | jq -c '[.duplicate_of, .cluster]'"
	assert_output $'[null,"in:1"]\n["in:1","in:1"]'
}

@test "--save-index then --load-index checks tomorrow's batch against today's" {
	pick w1 o1 >"$BATS_TEST_TMPDIR/day1"
	pick w2 w5 o2 w6 >"$BATS_TEST_TMPDIR/day2"
	run --separate-stderr bash -c "dedupe --save-index '$BATS_TEST_TMPDIR/idx' '$BATS_TEST_TMPDIR/day1' | jq -r .id"
	assert_success
	assert_output $'w1\no1'
	[ -s "$BATS_TEST_TMPDIR/idx" ]
	run --separate-stderr bash -c "dedupe --mark --load-index '$BATS_TEST_TMPDIR/idx' --save-index '$BATS_TEST_TMPDIR/idx' '$BATS_TEST_TMPDIR/day2' | jq -c '[.id, .duplicate_of, .cluster]'"
	assert_success
	assert_output $'["w2","w1","w1"]\n["w5","w1","w1"]\n["o2",null,"o2"]\n["w6","w1","w1"]'
	# the saved index now holds w1, o1 and o2
	pick o2 o1 w7 >"$BATS_TEST_TMPDIR/day3"
	run --separate-stderr dedupe -v --load-index "$BATS_TEST_TMPDIR/idx" "$BATS_TEST_TMPDIR/day3"
	assert_success
	assert_output ""
	[ "${stderr%%$'\n'*}" = "dedupe: in 3, out 0, exact 2, near 1, empty 0" ]
	[[ $stderr == *$'\n'"dedupe: index: 3 articles, "* ]]
	[ -z "$(ls "$BATS_TEST_TMPDIR" | grep 'idx\.')" ] || fail "temporary file left"
}

@test "an index saved from empty input loads and grows" {
	run --separate-stderr dedupe --save-index "$BATS_TEST_TMPDIR/idx" </dev/null
	assert_success
	assert_output ""
	[ "$(wc -c <"$BATS_TEST_TMPDIR/idx")" -eq 56 ]
	pick w1 w2 o1 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --load-index '$BATS_TEST_TMPDIR/idx' --save-index '$BATS_TEST_TMPDIR/idx' '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_success
	assert_output $'w1\no1'
	# 48-byte header, 2 x (8 + 4 + 128) bytes, ids "w1" "o1", checksum
	[ "$(wc -c <"$BATS_TEST_TMPDIR/idx")" -eq $((48 + 280 + 6 + 8)) ]
}

@test "a foreign, truncated or damaged index is an error before reading input" {
	pick w1 o1 | dedupe --save-index "$BATS_TEST_TMPDIR/idx" >/dev/null
	ix=$BATS_TEST_TMPDIR/idx
	printf 'hello world, not an index at all........................\n' >"$BATS_TEST_TMPDIR/foreign"
	head -c 100 "$ix" >"$BATS_TEST_TMPDIR/short"
	cp "$ix" "$BATS_TEST_TMPDIR/flip"
	printf 'Z' | dd of="$BATS_TEST_TMPDIR/flip" bs=1 seek=60 conv=notrunc 2>/dev/null
	{ cat "$ix"; printf x; } >"$BATS_TEST_TMPDIR/long"
	for f in foreign:"not a dedupe index" short:"truncated index" \
	    flip:"damaged index (checksum mismatch)" long:"damaged index (trailing bytes)"; do
		run --separate-stderr dedupe --load-index "$BATS_TEST_TMPDIR/${f%%:*}" "$W"
		assert_failure 1
		assert_output ""
		[ "$stderr" = "dedupe: $BATS_TEST_TMPDIR/${f%%:*}: ${f#*:}" ] || fail "$f: $stderr"
	done
	run --separate-stderr dedupe --shingle 3 --load-index "$ix" "$W"
	assert_failure 1
	[ "$stderr" = "dedupe: $ix: index made with --shingle 5, not 3" ]
}

@test "an index that cannot be written gives status 1" {
	run --separate-stderr bash -c "dedupe --save-index '$BATS_TEST_TMPDIR/no/dir/idx' '$W' | wc -l"
	assert_output 6
	run --separate-stderr dedupe --save-index "$BATS_TEST_TMPDIR/no/dir/idx" "$W"
	assert_failure 1
	[[ $stderr == "dedupe: $BATS_TEST_TMPDIR/no/dir/idx."*": No such file or directory"* ]] || fail "$stderr"
}

@test "bad option values exit 2 before reading input" {
	for a in "--threshold 0" "--threshold 1.5" "--threshold x" "--threshold -0.5" \
	    "--threshold 0.8x" "--shingle 0" "--shingle -1" "--shingle 2x" "--shingle 1001"; do
		run --separate-stderr dedupe $a "$W"
		assert_failure 2
		assert_output ""
		[[ $stderr == "dedupe: bad --"* ]] || fail "$a: $stderr"
	done
	run --separate-stderr dedupe --key "" "$W"
	assert_failure 2
	# at 1 only the exact copies (w2, w3, w4) are dropped
	run --separate-stderr bash -c "dedupe --threshold 1 --shingle 1 '$W' | wc -l"
	assert_success
	assert_output 9
}

@test "--mark on marked records replaces the fields in place" {
	dedupe --mark "$W" >"$BATS_TEST_TMPDIR/once"
	run --separate-stderr bash -c "dedupe --mark '$BATS_TEST_TMPDIR/once' | cmp - '$BATS_TEST_TMPDIR/once'"
	assert_success
}
