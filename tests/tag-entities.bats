#!/usr/bin/env bats
# tag-entities: named entities, canonical names and summary columns.
# The sentences in the fixtures are written for these tests; the names in
# them are invented, so the training data cannot contain them.

load helper

F="$FIXTURES/tag-entities"

# tagged [OPTION...] FILE: one line per record: id, mentions as
# [text,type,start,end,canonical], persons, organizations, locations,
# misc, entity_counts.
tagged() {
	tag-entities "$@" | jq -c '[.id, [.entities[]? | [.text, .type, .start, .end, .canonical]],
	    .persons, .organizations, .locations, .misc, .entity_counts]'
}

@test "invented names in sentences are found with exact spans, types and canonical names" {
	run --separate-stderr tagged "$F/invented.ndjson"
	assert_success
	[ -z "$stderr" ] || fail "stderr: $stderr"
	assert_output - <<'OUT'
["i1",[["Velmora","LOC",0,7,"Velmora"],["Adaeze Quillfeather","PER",17,36,"Adaeze Quillfeather"],["Velmora","LOC",40,47,"Velmora"],["Brantic Trade Council","ORG",69,90,"Brantic Trade Council"],["Geneva","LOC",94,100,"Geneva"],["Quillfeather","PER",112,124,"Adaeze Quillfeather"]],["Adaeze Quillfeather"],["Brantic Trade Council"],["Velmora","Geneva"],[],{"Velmora":2,"Adaeze Quillfeather":2,"Brantic Trade Council":1,"Geneva":1}]
["i2",[["Tobias Wrenfield-Marsh","PER",5,27,"Tobias Wrenfield-Marsh"],["Harlow Biscuit Company","ORG",73,95,"Harlow Biscuit Company"],["Wrenfield-Marsh","PER",102,117,"Tobias Wrenfield-Marsh"],["Lagos","LOC",131,136,"Lagos"],["Nigerian","MISC",150,158,"Nigerian"]],["Tobias Wrenfield-Marsh"],["Harlow Biscuit Company"],["Lagos"],["Nigerian"],{"Tobias Wrenfield-Marsh":2,"Harlow Biscuit Company":1,"Lagos":1,"Nigerian":1}]
["i3",[["Joaquín Ferrabel-Oduya","PER",8,30,"Joaquín Ferrabel-Oduya"],["Dunmere United","ORG",47,61,"Dunmere United"],["Castleford Rovers","ORG",67,84,"Castleford Rovers"],["Kelsby Park","LOC",92,103,"Kelsby Park"]],["Joaquín Ferrabel-Oduya"],["Dunmere United","Castleford Rovers"],["Kelsby Park"],[],{"Joaquín Ferrabel-Oduya":1,"Dunmere United":1,"Castleford Rovers":1,"Kelsby Park":1}]
OUT
}

@test "names merge across the stream: case, accents, hyphen or space give the first-seen form" {
	run --separate-stderr tagged "$F/stream.ndjson"
	assert_success
	assert_output - <<'OUT'
["s1",[["Kim Jong-un","PER",0,11,"Kim Jong-un"],["Harbourne","LOC",19,28,"Harbourne"],["Kim Jong-un","PER",0,11,"Kim Jong-un"],["Harbourne","LOC",23,32,"Harbourne"]],["Kim Jong-un"],[],["Harbourne"],[],{"Kim Jong-un":2,"Harbourne":2}]
["s2",[["Oskar Lindqvær","PER",14,28,"Oskar Lindqvær"],["Mireille Santoro-Bakhit","PER",33,56,"Mireille Santoro-Bakhit"],["Lindqvær","PER",79,87,"Oskar Lindqvær"]],["Oskar Lindqvær","Mireille Santoro-Bakhit"],[],[],[],{"Oskar Lindqvær":2,"Mireille Santoro-Bakhit":1}]
["s3",[["North Korean","MISC",0,12,"North Korean"],["Kim Jong Un","PER",20,31,"Kim Jong-un"],["Mireille Santoro Bakhit","PER",53,76,"Mireille Santoro-Bakhit"],["Pyongyang","LOC",80,89,"Pyongyang"],["Kim","PER",91,94,"Kim Jong-un"],["Velmoran Shipping Authority","ORG",107,134,"Velmoran Shipping Authority"]],["Kim Jong-un","Mireille Santoro-Bakhit"],["Velmoran Shipping Authority"],["Pyongyang"],["North Korean"],{"North Korean":1,"Kim Jong-un":2,"Mireille Santoro-Bakhit":1,"Pyongyang":1,"Velmoran Shipping Authority":1}]
["s4",[["Velmoran Shipping Authority","ORG",20,47,"Velmoran Shipping Authority"],["Kim Jong-Un","PER",53,64,"Kim Jong-un"],["Mireille Santoro-Bakhit","PER",75,98,"Mireille Santoro-Bakhit"]],["Kim Jong-un","Mireille Santoro-Bakhit"],["Velmoran Shipping Authority"],[],[],{"Velmoran Shipping Authority":1,"Kim Jong-un":1,"Mireille Santoro-Bakhit":1}]
OUT
}

# (The forum's name is an organisation in CoNLL's terms; the model of
# this version calls it MISC, a known miss kept visible here.)
@test "title mentions carry field title; offsets are code points into their text" {
	printf '%s\n' '{"id":"u1","title":"Senator Harriet Oyelaran-Voss returns","body":"WASHINGTON (Reuters) — “We are ready,” said Sen. Harriet Oyelaran-Voss, who met Gov. Ilse Brandvold of the U.S. state of Maine on Aug. 4. Oyelaran-Voss later flew to São Paulo with officials of the Asia-Pacific Economic Cooperation forum."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '.entities[] | [.text, .type, .start, .end, .canonical, .field]'"
	assert_success
	assert_output - <<'OUT'
["Harriet Oyelaran-Voss","PER",8,29,"Harriet Oyelaran-Voss","title"]
["WASHINGTON","LOC",0,10,"WASHINGTON",null]
["Reuters","ORG",12,19,"Reuters",null]
["Harriet Oyelaran-Voss","PER",49,70,"Harriet Oyelaran-Voss",null]
["Ilse Brandvold","PER",85,99,"Ilse Brandvold",null]
["U.S.","LOC",107,111,"U.S.",null]
["Maine","LOC",121,126,"Maine",null]
["Oyelaran-Voss","PER",138,151,"Harriet Oyelaran-Voss",null]
["São Paulo","LOC",166,175,"São Paulo",null]
["Asia-Pacific Economic Cooperation","MISC",198,231,"Asia-Pacific Economic Cooperation",null]
OUT
	# every mention's offsets select its text (jq slices by code point)
	run --separate-stderr bash -c "cat '$BATS_TEST_TMPDIR/in' '$F/invented.ndjson' '$F/stream.ndjson' | tag-entities | jq -r '. as \$r | .entities[] | (if .field == \"title\" then \$r.title else \$r.body end)[.start:.end] == .text' | sort -u"
	assert_success
	assert_output "true"
}

@test "a capitalised dateline takes the mixed-case form of the same name" {
	printf '%s\n' '{"id":"d1","body":"HARBOURNE, March 3 - Officials in Harbourne said on Monday the port would reopen."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '[.entities[] | [.text, .canonical]], .locations'"
	assert_success
	assert_output $'[["HARBOURNE","Harbourne"],["Harbourne","Harbourne"]]\n["Harbourne"]'
}

@test "weekdays and months are not tagged" {
	printf '%s\n' '{"id":"w1","title":"Monday","body":"The summit opens on Monday, 4 August, and ends in September; a report is due in May.\n\nFriday\n\nJanuary 2026"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr tagged "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '["w1",[],[],[],[],[],{}]'
}

@test "records without title or body get empty summaries" {
	printf '%s\n' '{"id":"e1"}' '{"id":"e2","body":""}' '{"id":"e3","body":7}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr tag-entities "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output - <<'OUT'
{"id":"e1","entities":[],"persons":[],"organizations":[],"locations":[],"misc":[],"entity_counts":{}}
{"id":"e2","body":"","entities":[],"persons":[],"organizations":[],"locations":[],"misc":[],"entity_counts":{}}
{"id":"e3","body":7,"entities":[],"persons":[],"organizations":[],"locations":[],"misc":[],"entity_counts":{}}
OUT
}

@test "--types keeps only the listed types" {
	run --separate-stderr tagged --types PER,ORG "$F/invented.ndjson"
	assert_success
	assert_output - <<'OUT'
["i1",[["Adaeze Quillfeather","PER",17,36,"Adaeze Quillfeather"],["Brantic Trade Council","ORG",69,90,"Brantic Trade Council"],["Quillfeather","PER",112,124,"Adaeze Quillfeather"]],["Adaeze Quillfeather"],["Brantic Trade Council"],[],[],{"Adaeze Quillfeather":2,"Brantic Trade Council":1}]
["i2",[["Tobias Wrenfield-Marsh","PER",5,27,"Tobias Wrenfield-Marsh"],["Harlow Biscuit Company","ORG",73,95,"Harlow Biscuit Company"],["Wrenfield-Marsh","PER",102,117,"Tobias Wrenfield-Marsh"]],["Tobias Wrenfield-Marsh"],["Harlow Biscuit Company"],[],[],{"Tobias Wrenfield-Marsh":2,"Harlow Biscuit Company":1}]
["i3",[["Joaquín Ferrabel-Oduya","PER",8,30,"Joaquín Ferrabel-Oduya"],["Dunmere United","ORG",47,61,"Dunmere United"],["Castleford Rovers","ORG",67,84,"Castleford Rovers"]],["Joaquín Ferrabel-Oduya"],["Dunmere United","Castleford Rovers"],[],[],{"Joaquín Ferrabel-Oduya":1,"Dunmere United":1,"Castleford Rovers":1}]
OUT
}

@test "--no-mentions writes the summary fields only" {
	run --separate-stderr bash -c "tag-entities --no-mentions '$F/invented.ndjson' | head -1"
	assert_success
	assert_output '{"id":"i1","title":"Velmora talks stall","body":"Foreign Minister Adaeze Quillfeather of Velmora met officials of the Brantic Trade Council in Geneva on Monday. Quillfeather said the talks would resume in March.","persons":["Adaeze Quillfeather"],"organizations":["Brantic Trade Council"],"locations":["Velmora","Geneva"],"misc":[],"entity_counts":{"Velmora":2,"Adaeze Quillfeather":2,"Brantic Trade Council":1,"Geneva":1}}'
}

@test "bad --types values exit 2 before reading input" {
	for v in PERSON PER,XYZ "" ,; do
		run --separate-stderr tag-entities --types "$v" </dev/null
		assert_failure 2
		assert_output ""
	done
}

@test "a missing model is reported with status 1; NEWSPIPE_MODEL and --model choose it" {
	run --separate-stderr tag-entities --model "$BATS_TEST_TMPDIR/none" </dev/null
	assert_failure 1
	[ "$stderr" = "tag-entities: $BATS_TEST_TMPDIR/none: No such file or directory" ] || fail "stderr: $stderr"
	NEWSPIPE_MODEL="$BATS_TEST_TMPDIR/env" run --separate-stderr tag-entities </dev/null
	assert_failure 1
	[ "$stderr" = "tag-entities: $BATS_TEST_TMPDIR/env: No such file or directory" ] || fail "stderr: $stderr"
	printf 'not a model\n' >"$BATS_TEST_TMPDIR/bad"
	run --separate-stderr tag-entities --model "$BATS_TEST_TMPDIR/bad" </dev/null
	assert_failure 1
	[ "$stderr" = "tag-entities: $BATS_TEST_TMPDIR/bad: not a tag-entities model" ] || fail "stderr: $stderr"
	NEWSPIPE_MODEL="$BATS_TEST_TMPDIR/env" run --separate-stderr tag-entities --model "$ROOT/models/ner.model" </dev/null
	assert_success
}

@test "tagging in chunks then --merge-only equals one sequential run" {
	cat "$F/stream.ndjson" "$F/invented.ndjson" "$F/stream.ndjson" >"$BATS_TEST_TMPDIR/in"
	tag-entities "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/seq"
	for n in 1 2 3; do
		split -l "$n" "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/chunk$n."
		for c in "$BATS_TEST_TMPDIR"/chunk$n.*; do
			tag-entities "$c"
		done | tag-entities --merge-only >"$BATS_TEST_TMPDIR/par$n"
		cmp "$BATS_TEST_TMPDIR/seq" "$BATS_TEST_TMPDIR/par$n" || fail "chunks of $n differ"
	done
	# the chunks really disagree before the merge
	tag-entities "$BATS_TEST_TMPDIR"/chunk1.ac | jq -r '.entities[1].canonical' >"$BATS_TEST_TMPDIR/c"
	run cat "$BATS_TEST_TMPDIR/c"
	assert_output "Kim Jong Un"
	run --separate-stderr bash -c "sed -n 3p '$BATS_TEST_TMPDIR/seq' | jq -r '.entities[1].canonical'"
	assert_output "Kim Jong-un"
	if command -v parallel >/dev/null; then
		parallel --pipe --keep-order -N 2 tag-entities <"$BATS_TEST_TMPDIR/in" |
		    tag-entities --merge-only >"$BATS_TEST_TMPDIR/gnu"
		cmp "$BATS_TEST_TMPDIR/seq" "$BATS_TEST_TMPDIR/gnu"
	fi
}

@test "--merge-only --no-mentions drops the mentions after merging" {
	tag-entities "$F/stream.ndjson" | tag-entities --merge-only --no-mentions >"$BATS_TEST_TMPDIR/a"
	tag-entities --no-mentions "$F/stream.ndjson" >"$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
}

@test "--merge-only rejects records whose entities are malformed" {
	printf '%s\n' '{"id":"m1","entities":"x"}' '{"id":"m2","entities":[{"text":"A"}]}' '{"id":"m3","entities":[{"text":"Ola Brekke","type":"PER"}]}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr tag-entities --merge-only <"$BATS_TEST_TMPDIR/in"
	assert_failure 1
	assert_output '{"id":"m3","entities":[{"text":"Ola Brekke","type":"PER","canonical":"Ola Brekke"}],"persons":["Ola Brekke"],"organizations":[],"locations":[],"misc":[],"entity_counts":{"Ola Brekke":1}}'
	[[ $stderr == *'tag-entities: <stdin>:1: "entities" is not an array'* ]] || fail "stderr: $stderr"
	[[ $stderr == *'tag-entities: <stdin>:2: entities[0]: no valid type and name'* ]] || fail "stderr: $stderr"
}

# The seeds are fixtures only: nothing in the tagger knows them.
seed_check() {
	split-header "$SEEDS" | tag-entities | jq -c '[
	    (.persons | index("Vladimir Putin") != null),
	    (.persons | index("Kim Jong Un") != null),
	    ([.persons[] | select(. == "Putin" or . == "Kim")] | length),
	    ([.entities[].text | ascii_downcase | select(test("^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$"))] | length)]'
}

@test "seeds: both leaders are found under one name each, and no date word is tagged" {
	run --separate-stderr seed_check
	assert_success
	assert_output - <<'OUT'
[true,true,0,0]
[true,true,0,0]
[true,true,0,0]
[true,true,0,0]
[true,true,0,0]
OUT
}

@test "text handling: non-breaking spaces, curly apostrophes, em dashes, abbreviations" {
	printf '%s\n' '{"id":"t1","body":"Mr.\u00a0Tomasz Wrębel’s plan—backed by the Asia-Pacific Ports Council—was read aloud by Gen. Ruslan Tkachuk on Aug. 4 in Kraków.\u00a0Wrębel did not attend."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr tagged "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '["t1",[["Tomasz Wrębel","PER",4,17,"Tomasz Wrębel"],["Asia-Pacific Ports Council","ORG",39,65,"Asia-Pacific Ports Council"],["Ruslan Tkachuk","PER",89,103,"Ruslan Tkachuk"],["Kraków","LOC",117,123,"Kraków"],["Wrębel","PER",125,131,"Tomasz Wrębel"]],["Tomasz Wrębel","Ruslan Tkachuk"],["Asia-Pacific Ports Council"],["Kraków"],[],{"Tomasz Wrębel":2,"Asia-Pacific Ports Council":1,"Ruslan Tkachuk":1,"Kraków":1}]'
}

@test "one-word names take the longer name the article uses most" {
	printf '%s\n' '{"id":"k1","body":"First, Senator Odile Marchetti spoke. Then Odile Marchetti-Hale, her cousin, spoke. Marchetti thanked Odile Marchetti for the invitation."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '[.entities[] | [.text, .canonical]], .persons'"
	assert_success
	assert_output - <<'OUT'
[["Odile Marchetti","Odile Marchetti"],["Odile Marchetti-Hale","Odile Marchetti-Hale"],["Marchetti","Odile Marchetti"],["Odile Marchetti","Odile Marchetti"]]
["Odile Marchetti","Odile Marchetti-Hale"]
OUT
}

@test "accents and either apostrophe fold to one name across the stream" {
	printf '%s\n' '{"id":"q1","body":"Mayor Seán O’Faolain spoke in Dublin."}' "{\"id\":\"q2\",\"body\":\"Officials said Sean O'Faolain left Dublin on Friday.\"}" >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '[.entities[] | [.text, .type, .canonical]]'"
	assert_success
	assert_output - <<'OUT'
[["Seán O’Faolain","PER","Seán O’Faolain"],["Dublin","LOC","Dublin"]]
[["Sean O'Faolain","PER","Seán O’Faolain"],["Dublin","LOC","Dublin"]]
OUT
}

# names in news as it is written: the cases below went wrong before the
# tagger had a second pass and the name rules were rewritten.
mentions() {
	tag-entities "$@" | jq -c '[.entities[] | [.text, .type, .canonical]]'
}

@test "no mention runs across a paragraph or a line break" {
	printf '%s\n' '{"id":"p1","body":"Solvei Marrant said the port would reopen. The plan was drawn up by Marrant\n\nIngvild Sarrat said talks would go on. They were led by Halvard Brekstad\nTorben Ulvik said they would end soon."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr mentions "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '[["Solvei Marrant","PER","Solvei Marrant"],["Marrant","PER","Solvei Marrant"],["Ingvild Sarrat","PER","Ingvild Sarrat"],["Halvard Brekstad","PER","Halvard Brekstad"],["Torben Ulvik","PER","Torben Ulvik"]]'
}

@test "a repeated full name stays whole" {
	printf '%s\n' '{"id":"r1","body":"Ilsabet Korvanova won the vote in Dunmere on Sunday. Ilsabet Korvanova told reporters that Korvanova would serve a full term."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '[.entities[] | [.text, .type, .canonical]], .entity_counts'"
	assert_success
	assert_output - <<'OUT'
[["Ilsabet Korvanova","PER","Ilsabet Korvanova"],["Dunmere","LOC","Dunmere"],["Ilsabet Korvanova","PER","Ilsabet Korvanova"],["Korvanova","PER","Ilsabet Korvanova"]]
{"Ilsabet Korvanova":3,"Dunmere":1}
OUT
}

@test "an organisation's first word is not its longer name: AOL and AOL Europe" {
	printf '%s\n' '{"id":"o1","body":"AOL said on Tuesday that AOL Europe would cut 300 jobs. Shares of AOL fell 2 percent."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr mentions "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '[["AOL","ORG","AOL"],["AOL Europe","ORG","AOL Europe"],["AOL","ORG","AOL"]]'
}

@test "an organisation takes its name with a designator, and its acronym" {
	printf '%s\n' '{"id":"o2","body":"Brannock Electric Co said profits rose. Brannock Electric, based in Ohio, employs 4,000 people, and BEC shares rose 3 percent."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr mentions "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '[["Brannock Electric Co","ORG","Brannock Electric Co"],["Brannock Electric","ORG","Brannock Electric Co"],["Ohio","LOC","Ohio"],["BEC","ORG","Brannock Electric Co"]]'
}

@test "Mr Brown is Gordon Brown; Mr with an invented surname too" {
	printf '%s\n' '{"id":"b1","body":"Gordon Brown arrived in Leeds on Monday. Mr Brown said the plan would work. Later Petra Lindqvaar spoke, and Ms Lindqvaar thanked Mr Brown."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr mentions "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '[["Gordon Brown","PER","Gordon Brown"],["Leeds","LOC","Leeds"],["Brown","PER","Gordon Brown"],["Petra Lindqvaar","PER","Petra Lindqvaar"],["Lindqvaar","PER","Petra Lindqvaar"],["Brown","PER","Gordon Brown"]]'
}

@test "a dateline in capitals keeps every word: SALT LAKE CITY" {
	printf '%s\n' '{"id":"c1","body":"SALT LAKE CITY (Reuters) - Officials in Salt Lake City said on Monday the airport would reopen."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr mentions "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output '[["SALT LAKE CITY","LOC","Salt Lake City"],["Reuters","ORG","Reuters"],["Salt Lake City","LOC","Salt Lake City"]]'
}

@test "a company with a designator is an organisation, and the Kremlin in a headline is no person" {
	printf '%s\n' '{"id":"g1","title":"Kremlin aide says talks will resume","body":"Shares of General Electric Co rose 2 percent on Tuesday."}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "tag-entities '$BATS_TEST_TMPDIR/in' | jq -c '[.entities[] | [.text, (.type == \"PER\")]], .organizations'"
	assert_success
	assert_output $'[["Kremlin",false],["General Electric Co",false]]\n["General Electric Co"]'
}

@test "an old model file is refused with a clear message" {
	printf 'NEWSNER1%s' "$(head -c 64 /dev/zero | tr '\0' x)" >"$BATS_TEST_TMPDIR/old"
	run --separate-stderr tag-entities --model "$BATS_TEST_TMPDIR/old" </dev/null
	assert_failure 1
	[ "$stderr" = "tag-entities: $BATS_TEST_TMPDIR/old: a tag-entities model of an older format: use the model of this version" ] || fail "stderr: $stderr"
}

# ---- --threads ----

# corpus FILE: the seeds and a generated corpus as records, normalised,
# into FILE (about 300 articles).
corpus() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" build/gen-corpus >&2
	"$ROOT/build/gen-corpus" --seed 7 --count 300 --out "$BATS_TEST_TMPDIR/gen" 2>/dev/null
	{ split-header "$SEEDS"; split-header "$BATS_TEST_TMPDIR/gen/articles"; } |
	    normalize-date >"$1"
}

@test "--threads 1, 2 and 4 write the same bytes: the seeds and a generated corpus" {
	corpus "$BATS_TEST_TMPDIR/in"
	tag-entities --threads 1 "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/t1"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/t1")" -eq "$(wc -l <"$BATS_TEST_TMPDIR/in")" ]
	[ "$(jq '.entities | length' "$BATS_TEST_TMPDIR/t1" | awk '{ n += $1 } END { print n }')" -gt 3000 ]
	for t in 2 4; do
		tag-entities --threads "$t" "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/t$t"
		cmp "$BATS_TEST_TMPDIR/t1" "$BATS_TEST_TMPDIR/t$t" || fail "--threads $t differs"
	done
	# the default (one per core) and stdin too
	tag-entities <"$BATS_TEST_TMPDIR/in" | cmp - "$BATS_TEST_TMPDIR/t1"
	# and the stream's name merge is at work: a name first seen in one
	# form keeps it in later records
	tag-entities --threads 4 "$F/stream.ndjson" | cmp - <(tag-entities --threads 1 "$F/stream.ndjson")
}

# mixed FILE: records of every size with lines that are rejected between
# them (bad JSON, not an object, a blank line that is skipped).
mixed() {
	local i
	{
		for i in $(seq 1 40); do
			if [ $((i % 9)) -eq 4 ]; then
				echo '{"id":"bad'"$i"'",'
			elif [ $((i % 13)) -eq 6 ]; then
				echo '[1,2]'
			elif [ $((i % 11)) -eq 0 ]; then
				echo
			else
				sed -n "$(( (i % 4) + 1 ))p" "$F/stream.ndjson" "$F/invented.ndjson" |
				    jq -c --arg id "r$i" '.id = $id'
			fi
		done
	} >"$1"
}

@test "with threads, messages and rejected lines come out in input order, with FILE:LINE" {
	mixed "$BATS_TEST_TMPDIR/a"
	mixed "$BATS_TEST_TMPDIR/b"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tag-entities --threads 1 --rejects r1 a missing b
	assert_failure 1
	out1=$output err1=$stderr
	[ "${#lines[@]}" -eq 60 ]
	# the reasons in input order, the missing file between a and b
	for f in a b; do
		for l in 4:13 6:a 13:14 19:a 22:14 31:14 32:a 40:14; do
			case ${l#*:} in
			a) echo "tag-entities: $f:${l%:*}: not a JSON object but an array" ;;
			*) echo "tag-entities: $f:${l%:*}: invalid JSON at column ${l#*:}: string or '}' expected near end of file" ;;
			esac
		done
		[ $f = b ] || echo "tag-entities: missing: No such file or directory"
	done >want
	echo "tag-entities: 16 of 76 records rejected, copied to r1" >>want
	[ "$err1" = "$(cat want)" ] || fail "$err1"
	for t in 2 4; do
		run --separate-stderr tag-entities --threads "$t" --rejects "r$t" a missing b
		assert_failure 1
		[ "$output" = "$out1" ] || fail "--threads $t: other output"
		[ "${stderr%r$t}" = "${err1%r1}" ] || fail "--threads $t: other messages: $stderr"
		cmp r1 "r$t"
	done
	[ "$(wc -l <r1)" -eq 16 ]
}

@test "with threads, --reject-log and lines over --max-bytes come in input order" {
	mixed "$BATS_TEST_TMPDIR/a"
	cd "$BATS_TEST_TMPDIR"
	# a line of 400 bytes, after the second bad line
	sed -i "7i {\"id\":\"long\",\"body\":\"$(printf 'word %.0s' $(seq 1 75))\"}" a
	run --separate-stderr tag-entities --threads 1 --max-bytes 300 --reject-log l1 a
	assert_failure 1
	out1=$output err1=$stderr
	[[ $err1 == *"tag-entities: a:7: a line of 398 bytes, over --max-bytes 300"* ]] || fail "$err1"
	[ "$(wc -l <l1)" -eq "$(grep -c 'rejected\|^tag-entities: a:' <<<"$err1" | awk '{ print $1 - 1 }')" ]
	# a line not kept is not in the log
	[ "$(jq -c 'select(.line == 7) | has("input")' l1)" = false ]
	[ "$(jq -r .line l1 | tr '\n' ' ')" = "$(sed -n 's/^tag-entities: a:\([0-9]*\):.*/\1/p' <<<"$err1" | tr '\n' ' ')" ]
	for t in 2 4; do
		run --separate-stderr tag-entities --threads "$t" --max-bytes 300 --reject-log "l$t" a
		assert_failure 1
		[ "$output" = "$out1" ] || fail "--threads $t: other output"
		[ "$stderr" = "$err1" ] || fail "--threads $t: other messages: $stderr"
		cmp l1 "l$t"
	done
}

@test "with threads, --strict stops at the first rejected line after writing those before it" {
	mixed "$BATS_TEST_TMPDIR/a"
	run --separate-stderr tag-entities --threads 1 --strict "$BATS_TEST_TMPDIR/a"
	assert_failure 1
	[ "${#lines[@]}" -eq 3 ]
	out1=$output err1=$stderr
	[[ $err1 == *"stopped at the first rejected record (--strict)"* ]] || fail "$err1"
	for t in 2 4; do
		run --separate-stderr tag-entities --threads "$t" --strict "$BATS_TEST_TMPDIR/a"
		assert_failure 1
		[ "$output" = "$out1" ] || fail "--threads $t: other output"
		[ "$stderr" = "$err1" ] || fail "--threads $t: $stderr"
	done
}

@test "bad --threads values exit 2" {
	for v in 0 -1 x 1.5 257; do
		run --separate-stderr tag-entities --threads "$v" </dev/null
		assert_failure 2
	done
	run --separate-stderr tag-entities --threads 256 </dev/null
	assert_success
}
