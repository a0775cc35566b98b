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

@test "--mark keeps all and adds duplicate_of, similarity, containment, cluster" {
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
	[[ $(sed -n 2p "$BATS_TEST_TMPDIR/out") == '{"id":"w2",'*'"outlet":"Wire B","body":"'*'","duplicate_of":"w1","similarity":1.0,"containment":1.0,"cluster":"w1"}' ]]
	[ "$(sed -n 5p "$BATS_TEST_TMPDIR/out" | jq -c 'to_entries[-4:]')" = '[{"key":"duplicate_of","value":"w1"},{"key":"similarity","value":0.961},{"key":"containment","value":1},{"key":"cluster","value":"w1"}]' ]
	[ "$(sed -n 10p "$BATS_TEST_TMPDIR/out")" = '{"id":"e1","title":"No body here","duplicate_of":null,"similarity":null,"containment":null,"cluster":null}' ]
	# containment: w1 is all in w5 (boilerplate appended), nearly all in w6 and w7
	run --separate-stderr bash -c "dedupe --mark '$W' | jq -c '[.id, .containment]' | sed -n '5,8p'"
	assert_output $'["w5",1]\n["w6",0.963]\n["w7",0.984]\n["o1",null]'
}

@test "-v prints the summary even when nothing is dropped" {
	run --separate-stderr dedupe --mark -v "$W"
	assert_success
	# the second line: 16 article slots of 144 bytes, ids, 64 + 1024 table slots
	assert_equal "$stderr" $'dedupe: in 12, out 12, exact 3, near 3, empty 3\ndedupe: index: 3 articles, 6672 bytes, 2224 bytes/article'
	pick o1 o2 | { run --separate-stderr dedupe; [ -z "$stderr" ]; }
	pick o1 o2 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr dedupe --verbose "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" $'dedupe: in 2, out 2, exact 0, near 0, empty 0\ndedupe: index: 2 articles, 6672 bytes, 3336 bytes/article'
}

@test "--threshold: the trimmed copy (estimate 0.827) is kept at 0.9 without containment" {
	pick w1 w6 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --threshold 0.9 --containment 1 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'w1\nw6'
	run --separate-stderr bash -c "dedupe --threshold 0.82 --containment 1 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output w1
}

@test "--containment: the trimmed copy (contained at 0.963) is a copy at --threshold 0.9" {
	pick w1 w6 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --mark --threshold 0.9 '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .duplicate_of, .similarity, .containment]'"
	assert_output $'["w1",null,null,null]\n["w6","w1",0.827,0.963]'
	run --separate-stderr bash -c "dedupe --threshold 0.9 --containment 0.97 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'w1\nw6'
	# the full text after the trimmed one: the shorter is contained all the same
	pick w6 w1 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --threshold 0.9 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output w6
	# not for short texts: under --short words, containment is not used
	pick w1 w6 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --threshold 0.9 --short 1000 '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_output $'w1\nw6'
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
	# 48-byte header, no name pairs (8 bytes), checksum
	[ "$(wc -c <"$BATS_TEST_TMPDIR/idx")" -eq 64 ]
	pick w1 w2 o1 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --load-index '$BATS_TEST_TMPDIR/idx' --save-index '$BATS_TEST_TMPDIR/idx' '$BATS_TEST_TMPDIR/in' | jq -r .id"
	assert_success
	assert_output $'w1\no1'
	# 48-byte header, name pairs, 2 x (8 + 4 + 4 + 128) bytes, ids "w1" "o1", checksum
	[ "$(wc -c <"$BATS_TEST_TMPDIR/idx")" -eq $((48 + 8 + 288 + 6 + 8)) ]
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
	for a in "--containment 0" "--containment 1.01" "--short -1" "--short x" \
	    "--window 0" "--window 3651" "--window 1.5" "--story-threshold 0" "--story-threshold 2"; do
		run --separate-stderr dedupe $a "$W"
		assert_failure 2
		assert_output ""
		[[ $stderr == "dedupe: bad --"* ]] || fail "$a: $stderr"
	done
	# at 1 only the exact copies (w2, w3, w4) and w6, all of whose words
	# are in w1, are dropped
	run --separate-stderr bash -c "dedupe --threshold 1 --containment 1 --shingle 1 '$W' | jq -r .id | tr '\n' ' '"
	assert_success
	assert_output "w1 w5 w7 o1 o2 e1 e2 e3 "
}

@test "--mark on marked records replaces the fields in place" {
	dedupe --mark "$W" >"$BATS_TEST_TMPDIR/once"
	run --separate-stderr bash -c "dedupe --mark '$BATS_TEST_TMPDIR/once' | cmp - '$BATS_TEST_TMPDIR/once'"
	assert_success
}

@test "an index of version 1 (no word counts) is read: copies found by Jaccard, not containment" {
	V1=$FIXTURES/dedupe/v1.idx	# w1 and o1, saved by the dedupe of version 1
	[ "$(od -An -tu4 -j8 -N4 "$V1" | tr -d ' ')" = 1 ]
	pick w2 w6 o2 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --mark --load-index '$V1' '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .duplicate_of, .similarity, .containment]'"
	assert_success
	assert_output $'["w2","w1",1,1]\n["w6","w1",0.827,null]\n["o2",null,null,null]'
	# at 0.9, w6 would be caught by containment, which a version 1 index cannot tell
	run --separate-stderr bash -c "dedupe --threshold 0.9 --load-index '$V1' '$BATS_TEST_TMPDIR/in' | jq -r .id | tr '\n' ' '"
	assert_output "w6 o2 "
	# saved again, it is version 2, and its old articles still have no counts
	dedupe --load-index "$V1" --save-index "$BATS_TEST_TMPDIR/v2.idx" </dev/null
	[ "$(od -An -tu4 -j8 -N4 "$BATS_TEST_TMPDIR/v2.idx" | tr -d ' ')" = 2 ]
	run --separate-stderr bash -c "dedupe --mark --load-index '$BATS_TEST_TMPDIR/v2.idx' '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .containment]'"
	assert_output $'["w2",1]\n["w6",null]\n["o2",null]'
}

@test "an index of an unknown version is refused, naming the versions read" {
	cp "$FIXTURES/dedupe/v1.idx" "$BATS_TEST_TMPDIR/v3.idx"
	printf '\003' | dd of="$BATS_TEST_TMPDIR/v3.idx" bs=1 seek=8 conv=notrunc 2>/dev/null
	run --separate-stderr dedupe --load-index "$BATS_TEST_TMPDIR/v3.idx" "$W"
	assert_failure 1
	assert_output ""
	[ "$stderr" = "dedupe: $BATS_TEST_TMPDIR/v3.idx: index version 3, this dedupe reads 1 and 2" ]
}

# notices.ndjson: n1 a one-line dividend notice; n2 the same for another
# company; n3 n1 with a credit line; n4 n1 with another figure; p1, p2 a
# price notice of two dates.

@test "short notices that differ only in a name or a date are not copies" {
	N=$FIXTURES/dedupe/notices.ndjson
	run --separate-stderr bash -c "dedupe --mark '$N' | jq -c '[.id, .duplicate_of, .similarity]'"
	assert_success
	assert_output - <<'OUT'
["n1",null,null]
["n2",null,null]
["n3","n1",0.969]
["n4",null,null]
["p1",null,null]
["p2",null,null]
OUT
	# with the names rule off (no text is short), they are
	run --separate-stderr bash -c "dedupe --mark --short 0 '$N' | jq -c '[.id, .duplicate_of, .similarity]' | sed -n '2p;6p'"
	assert_output $'["n2","n1",0.914]\n["p2","p1",0.898]'
}

@test "with tag-entities' entities, the names are its people, organisations and places" {
	N=$FIXTURES/dedupe/notices.ndjson
	# entities that tell the companies apart
	jq -c 'select(.id == "n1" or .id == "n2") | .entities = [{"text": .body[:13] | rtrimstr(" s"), "type": "ORG"}]' "$N" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe '$BATS_TEST_TMPDIR/in' | jq -r .id | tr '\n' ' '"
	assert_output "n1 n2 "
	# no entity found: capitalised words are not names then, so n2 copies n1
	jq -c 'select(.id == "n1" or .id == "n2") | .entities = []' "$N" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe '$BATS_TEST_TMPDIR/in' | jq -r .id | tr '\n' ' '"
	assert_output "n1 "
	# a MISC entity is not a name that tells stories apart
	jq -c 'select(.id == "n1" or .id == "n2") | .entities = [{"text": .body[:11], "type": "MISC"}]' "$N" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe '$BATS_TEST_TMPDIR/in' | jq -r .id | tr '\n' ' '"
	assert_output "n1 "
}

@test "the names of short texts are kept in the saved index" {
	N=$FIXTURES/dedupe/notices.ndjson
	jq -c 'select(.id == "n1")' "$N" | dedupe --save-index "$BATS_TEST_TMPDIR/idx" >/dev/null
	# header, 1 article of 8 + 4 + 4 + 128 bytes, id "n1", the name
	# pairs (Kestrel, Mining, Monday, 12: 8 bytes each), checksum
	[ "$(wc -c <"$BATS_TEST_TMPDIR/idx")" -eq $((48 + 8 + 144 + 3 + 4 * 8 + 8)) ]
	jq -c 'select(.id != "n1")' "$N" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --load-index '$BATS_TEST_TMPDIR/idx' '$BATS_TEST_TMPDIR/in' | jq -r .id | tr '\n' ' '"
	assert_output "n2 n4 p1 p2 "
}

# Story groups.  The seeds are five outlets' reports of one meeting
# (previews and reports, a week apart); others/ holds invented articles
# on other events, two of them (f09, f10) reports of one summit.  They
# run through the pipeline's stages first.
stories_input() {
	local o=$FIXTURES/dedupe/others
	split-header "$o"/f0[1-6]*.txt "$SEEDS" "$o"/f0[7-9]*.txt "$o"/f1*.txt \
	    | normalize-date | tag-entities >"$BATS_TEST_TMPDIR/mix"
}

@test "--stories: the seeds in one story, other events in others" {
	stories_input
	run --separate-stderr bash -c "dedupe --stories '$BATS_TEST_TMPDIR/mix' | jq -r '[.id, .story, .story_size] | @tsv'"
	assert_success
	[ -z "$stderr" ]
	assert_output - <<'OUT'
f01_flood	f01_flood	1
f02_football	f02_football	1
f03_earnings	f03_earnings	1
f04_council	f04_council	1
f05_comet	f05_comet	1
f06_festival	f06_festival	1
000_18965f208f03d3d7	000_18965f208f03d3d7	5
001_ff04d17371aad547	000_18965f208f03d3d7	5
002_7a54de7a8e341bbb	000_18965f208f03d3d7	5
003_662a6d2ebc786632	000_18965f208f03d3d7	5
004_0949bd1f6708cfe7	000_18965f208f03d3d7	5
f07_typhoon	f07_typhoon	1
f08_hospital	f08_hospital	1
f09_summit_a	f09_summit_a	2
f10_summit_b	f09_summit_a	2
f11_strike	f11_strike	1
f12_election	f12_election	1
OUT
	# the fields come last, the rest of each record unchanged
	dedupe --stories "$BATS_TEST_TMPDIR/mix" >"$BATS_TEST_TMPDIR/out"
	[ "$(sed -n 7p "$BATS_TEST_TMPDIR/out" | jq -c 'to_entries[-2:]')" = '[{"key":"story","value":"000_18965f208f03d3d7"},{"key":"story_size","value":5}]' ]
	[ "$(jq -c 'del(.story, .story_size)' "$BATS_TEST_TMPDIR/out" | sha1sum)" = "$(jq -c . "$BATS_TEST_TMPDIR/mix" | sha1sum)" ]
}

@test "--stories without tag-entities: capitalised words stand for the entities" {
	local o=$FIXTURES/dedupe/others
	split-header "$o"/f0[1-6]*.txt "$SEEDS" "$o"/f0[7-9]*.txt "$o"/f1*.txt | normalize-date >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --stories '$BATS_TEST_TMPDIR/in' | jq -r '.story' | uniq -c | awk '{ print \$1 }' | tr '\n' ' '"
	assert_output "1 1 1 1 1 1 5 1 1 2 1 1 "
}

@test "--window: reports more than DAYS days from a story's first are not in it" {
	# seed 000 comes first; 001 is dated 3 days before it, 003 5 days
	# before, 004 a day after; 002 has no date (compared by content alone)
	split-header "$SEEDS" | normalize-date | tag-entities >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --stories --window 3 '$BATS_TEST_TMPDIR/in' | jq -r '[.id[:3], .story[:3]] | @tsv' | tr '\n' ' '"
	assert_output $'000\t000 001\t000 002\t000 003\t003 004\t000 '
	run --separate-stderr bash -c "dedupe --stories --window 2 '$BATS_TEST_TMPDIR/in' | jq -r '[.id[:3], .story[:3]] | @tsv' | tr '\n' ' '"
	assert_output $'000\t000 001\t001 002\t000 003\t003 004\t000 '
}

@test "--story-threshold: at 1 every article is a story of its own" {
	stories_input
	run --separate-stderr bash -c "dedupe --stories --story-threshold 1 '$BATS_TEST_TMPDIR/mix' | jq -r 'select(.story == .id and .story_size == 1) | .id' | wc -l"
	assert_output 17
}

@test "--stories keeps input order; a story closes when the dates pass its window" {
	# a and b on 1 March, c on 20 March, d undated: like c; e on 22
	# March, in c's story by date, not by content
	printf '%s\n' '{"id":"a","date":"2024-03-01","title":"Harbour Bridge reopens","body":"The Harbour Bridge reopened after repairs."}' \
	    '{"id":"c0","date":"2024-03-20","title":"Tram fares","body":"Tram fares rise in April."}' \
	    '{"id":"b","date":"2024-03-02","title":"Harbour Bridge open again","body":"Traffic crossed the Harbour Bridge after repairs."}' \
	    '{"id":"d","title":"Tram fares to rise","body":"Tram fares rise in April, the city said."}' \
	    '{"id":"e","date":"2024-03-22","title":"Tram fares rise","body":"Tram fares rise in April."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --mark --stories '$BATS_TEST_TMPDIR/in' | jq -r '[.id, .story, .story_size] | @tsv'"
	# b arrives after c0 moved the clock past a's window: a story of its own
	assert_output $'a\ta\t1\nc0\tc0\t3\nb\tb\t1\nd\tc0\t3\ne\tc0\t3'
}

@test "--stories with --mark: copies are in stories too; empty records as well" {
	stories_input
	{ sed -n 7p "$BATS_TEST_TMPDIR/mix"; sed -n 7p "$BATS_TEST_TMPDIR/mix" | jq -c '.id = "copy"'; \
	    echo '{"id":"nobody","title":"Comet brightens over Tessaly"}'; } >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "dedupe --mark --stories '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .duplicate_of, .story, .story_size]'"
	assert_output $'["000_18965f208f03d3d7",null,"000_18965f208f03d3d7",2]\n["copy","000_18965f208f03d3d7","000_18965f208f03d3d7",2]\n["nobody",null,"nobody",1]'
	# without --mark the copy is dropped, and not counted
	run --separate-stderr bash -c "dedupe --stories '$BATS_TEST_TMPDIR/in' | jq -c '[.id, .story_size]'"
	assert_output $'["000_18965f208f03d3d7",1]\n["nobody",1]'
}

@test "--stories on its own output replaces the fields" {
	stories_input
	dedupe --mark --stories "$BATS_TEST_TMPDIR/mix" >"$BATS_TEST_TMPDIR/once"
	run --separate-stderr bash -c "dedupe --mark --stories '$BATS_TEST_TMPDIR/once' | cmp - '$BATS_TEST_TMPDIR/once'"
	assert_success
}

@test "--stories -v counts the stories" {
	stories_input
	run --separate-stderr dedupe --stories -v "$BATS_TEST_TMPDIR/mix"
	assert_success
	[ "${stderr##*$'\n'}" = "dedupe: stories: 12" ]
}
