#!/usr/bin/env bats
# to-csv: NDJSON records to CSV (man/to-csv.1).

load helper

F="$FIXTURES/to-csv"
STRINGS=id,title,body,byline

# pyrows [DELIM]: the CSV on stdin as read by Python's csv module, one JSON
# array per row.
pyrows() {
	python3 -c '
import csv, json, sys
d = sys.argv[1] if len(sys.argv) > 1 else ","
for row in csv.reader(open(sys.stdin.fileno(), encoding="utf-8", newline=""), delimiter=d):
    print(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
' "$@"
}

# expected FILE FIELDS: the header and FILE's values of FIELDS (all strings
# there), as jq extracts them, one JSON array per row.
expected() {
	jq -nc --arg f "$2" '$f | split(",")'
	jq -c --arg f "$2" '[.[($f | split(","))[]]]' "$1"
}

@test "default columns, CRLF line ends, quoting only where needed" {
	run --separate-stderr bash -c "to-csv '$F/articles.ndjson' >'$BATS_TEST_TMPDIR/csv'"
	assert_success
	[ -z "$stderr" ] || fail "stderr: $stderr"
	printf '%s\r\n' \
	    'id,date,title,outlet,agency,byline,url,dateline_place,persons,organizations,locations,misc,word_count,duplicate_of,source' \
	    'a1,2024-03-04,"Talks resume, officials say",Example Wire,AFP,Jane Doe,https://example.invalid/a1,GENEVA,Jane Roe; John Q. Public,United Nations,Geneva,,4,,in/a1.txt' \
	    'a2,,"Second ""quoted"" story",,,,,,,,Seoul; Busan,K-pop,4,a1,in/a2.txt' >"$BATS_TEST_TMPDIR/want"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/csv"
}

@test "--lf ends lines with LF only" {
	to-csv --lf -f id,title "$F/articles.ndjson" >"$BATS_TEST_TMPDIR/csv"
	printf '%s\n' 'id,title' 'a1,"Talks resume, officials say"' 'a2,"Second ""quoted"" story"' >"$BATS_TEST_TMPDIR/want"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/csv"
}

@test "--excel starts with a UTF-8 byte order mark and ends lines with CRLF" {
	printf '{"id":"k1","title":"\\ud55c\\uad6d"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "to-csv --excel -f id,title '$BATS_TEST_TMPDIR/in' | od -An -tx1 | tr -d ' \n'"
	assert_success
	# BOM, "id,title" CRLF, "k1," then 한국 in UTF-8, CRLF.
	assert_output 'efbbbf69642c7469746c650d0a6b312ced959ceab5ad0d0a'
}

@test "--lf and --excel together are bad usage" {
	run --separate-stderr to-csv --lf --excel </dev/null
	assert_failure 2
	assert_output ""
	[[ $stderr == *"--lf and --excel"* ]] || fail "stderr: $stderr"
}

@test "the header is written for empty input, with or without --explode" {
	run --separate-stderr to-csv -f id,title </dev/null
	assert_success
	assert_output $'id,title\r'
	run --separate-stderr to-csv --lf --explode entities </dev/null
	assert_output 'id,date,title,entity,type,mentions'
	run --separate-stderr to-csv --lf --explode dates </dev/null
	assert_output 'id,date,title,text,value,start,end'
}

@test "--all on empty input writes nothing: the columns are unknown" {
	run --separate-stderr to-csv --all </dev/null
	assert_success
	assert_output ""
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "round trip through Python's csv module gives exactly the input values" {
	expected "$F/tricky.ndjson" "$STRINGS" >"$BATS_TEST_TMPDIR/want"
	for opt in "" --lf --excel; do
		to-csv --no-sanitize $opt -f "$STRINGS" "$F/tricky.ndjson" >"$BATS_TEST_TMPDIR/csv"
		[ "$opt" != --excel ] || sed -i '1s/^\xef\xbb\xbf//' "$BATS_TEST_TMPDIR/csv"
		pyrows <"$BATS_TEST_TMPDIR/csv" >"$BATS_TEST_TMPDIR/got"
		diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got" || fail "differs with '$opt'"
	done
}

@test "round trip with --delimiter ';' and tab through Python's csv module" {
	expected "$F/tricky.ndjson" "$STRINGS" >"$BATS_TEST_TMPDIR/want"
	to-csv --no-sanitize --delimiter ';' -f "$STRINGS" "$F/tricky.ndjson" | pyrows ';' >"$BATS_TEST_TMPDIR/got"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	for t in '\t' tab; do
		to-csv --no-sanitize --delimiter "$t" -f "$STRINGS" "$F/tricky.ndjson" | pyrows $'\t' >"$BATS_TEST_TMPDIR/got"
		diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	done
}

@test "--delimiter quotes cells holding it, and no longer cells holding a comma" {
	printf '{"a":"x;y","b":"1,5","c":"t\\tu"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf --delimiter ';' -f a,b,c "$BATS_TEST_TMPDIR/in"
	assert_output $'a;b;c\n"x;y";1,5;t\tu'
	run --separate-stderr to-csv --lf --delimiter tab -f a,b,c "$BATS_TEST_TMPDIR/in"
	assert_output $'a\tb\tc\nx;y\t1,5\t"t\tu"'
}

@test "a bad --delimiter is bad usage" {
	for d in ab '"' '' $'\n' $'\xc3\xa9'; do
		run --separate-stderr to-csv --delimiter "$d" </dev/null
		assert_failure 2
		assert_output ""
		[[ $stderr == "to-csv: bad --delimiter '$d': want one ASCII character"* ]] || fail "'$d': $stderr"
	done
}

# miller FILE... : the CSV of the files, default CRLF, read back by Miller.
@test "every fixture through to-csv (CRLF) reads back exactly in Miller" {
	# Miller 6 turns a CRLF inside a quoted field into LF (a lone CR or LF
	# it keeps); Python's reader above shows that to-csv writes it intact.
	cat "$F"/*.ndjson | to-csv --no-sanitize >"$BATS_TEST_TMPDIR/csv"
	grep -q $'\r$' "$BATS_TEST_TMPDIR/csv" || fail "no CRLF line ends"
	mlr --icsv --ojson -S cat "$BATS_TEST_TMPDIR/csv" | jq -c '.[]' >"$BATS_TEST_TMPDIR/got"
	cat "$F"/*.ndjson | jq -c '{id, date, title, outlet, agency, byline, url,
	    dateline_place, persons, organizations, locations, misc, word_count,
	    duplicate_of, source} | map_values(
	        if . == null then ""
	        elif type == "array" then map(tostring) | join("; ")
	        elif type == "string" then gsub("\r\n"; "\n")
	        else tostring end)' >"$BATS_TEST_TMPDIR/want"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/want")" -eq 20 ] || fail "fixtures changed"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "Miller reads the tricky strings back exactly with --lf and with ;" {
	jq -c "{id, title, body, byline} | map_values(gsub(\"\r\n\"; \"\n\"))" "$F/tricky.ndjson" >"$BATS_TEST_TMPDIR/want"
	to-csv --no-sanitize --lf -f "$STRINGS" "$F/tricky.ndjson" | mlr --icsv --ojson -S cat | jq -c '.[]' >"$BATS_TEST_TMPDIR/got"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	to-csv --no-sanitize --delimiter ';' -f "$STRINGS" "$F/tricky.ndjson" | mlr --icsv --ifs ';' --ojson -S cat | jq -c '.[]' >"$BATS_TEST_TMPDIR/got"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "formula-like text cells get a leading apostrophe, plain numbers do not" {
	printf '%s\n' '{"c":["=SUM(A1)","+1","-1","-12.5","+3","1e5","-.5","5.","-1E+05","@x","\tx","\rx","-","+1+1","-1e","- 1","=1","a=b",-7,"=j","x"]}' >"$BATS_TEST_TMPDIR/in"
	jq -c '.c[] | {c: .}' "$BATS_TEST_TMPDIR/in" | to-csv --lf -f c >"$BATS_TEST_TMPDIR/csv"
	run --separate-stderr jq -r '.[0]' < <(pyrows <"$BATS_TEST_TMPDIR/csv")
	assert_success
	assert_output "c
'=SUM(A1)
+1
-1
-12.5
+3
1e5
-.5
5.
-1E+05
'@x
'	x
'"$'\r'"x
'-
'+1+1
'-1e
'- 1
'=1
a=b
-7
'=j
x"
}

@test "sanitising looks at the first character of a joined array, and at cells only" {
	printf '%s\n' '{"id":"-x","persons":["=cmd","b"],"n":-3,"o":{"k":"=v"}}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf -f id,persons,n,o "$BATS_TEST_TMPDIR/in"
	assert_output "id,persons,n,o
'-x,'=cmd; b,-3,\"{\"\"k\"\":\"\"=v\"\"}\""
	run --separate-stderr to-csv --lf --no-sanitize -f id,persons,n "$BATS_TEST_TMPDIR/in"
	assert_output "id,persons,n
-x,=cmd; b,-3"
}

@test "a TAB-led cell is quoted after its apostrophe only when it holds a delimiter" {
	printf '{"a":"\\tx","b":"\\tx,y"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf -f a,b "$BATS_TEST_TMPDIR/in"
	assert_output $'a,b\n\'\tx,"\'\tx,y"'
	run --separate-stderr to-csv --lf --no-sanitize -f a,b "$BATS_TEST_TMPDIR/in"
	assert_output $'a,b\n"\tx","\tx,y"'
}

@test "values: strings, integers, shortest reals, booleans, null, arrays, objects" {
	run --separate-stderr to-csv --lf --all "$F/types.ndjson"
	assert_success
	assert_output 'id,s,i,big,r,r2,r3,r4,r5,t,f,n,a,e,nested,o
v1,text,-42,9007199254740993,0.1,100.0,1.5e-7,-0.0,123456.789,true,false,,x; 1; 2.5; true; ; y,,"[[1,2],[3]]","{""k"":""v"",""n"":[0.1,{""z"":null}]}"
v2,an; array,a string,"{""an"":""object""}",0.5,,,,,yes,,0,,,,'
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "a field of an unexpected type still gives a row" {
	printf '%s\n' '{"id":7,"title":{"t":1},"persons":"just one","word_count":"many","date":[2024,3]}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf -f id,title,persons,word_count,date "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output 'id,title,persons,word_count,date
7,"{""t"":1}",just one,many,2024; 3'
}

@test "--join sets the separator of joined arrays" {
	run --separate-stderr to-csv --lf --join ' | ' -f id,locations "$F/articles.ndjson"
	assert_output 'id,locations
a1,Geneva
a2,Seoul | Busan'
	run --separate-stderr to-csv --lf --join '' -f locations "$F/articles.ndjson"
	assert_output $'locations\nGeneva\nSeoulBusan'
	run --separate-stderr to-csv --lf --join ',' -f locations "$F/articles.ndjson"
	assert_output $'locations\nGeneva\n"Seoul,Busan"'
}

@test "-f picks and orders columns; dotted paths, array indexes and escapes" {
	printf '%s\n' '{"id":"p1","a":{"b":{"c":"deep"},"x.y":"dotted key"},"a.b":"flat","l":["zero",{"k":"one"}],"c,d":"comma","s\\t":"bs"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf -f 'a.b.c,id,a\.b,a.x\.y,l.1.k,l.0,l.9,a.b.c.d,c\,d,s\\t,missing' "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output 'a.b.c,id,a.b,a.x.y,l.1.k,l.0,l.9,a.b.c.d,"c,d",s\t,missing
deep,p1,flat,dotted key,one,zero,,,comma,bs,'
}

@test "-f with an empty name or a bad escape is bad usage" {
	for f in 'a,,b' '' 'a.' '.a' 'a..b' 'a\x' 'a\'; do
		run --separate-stderr to-csv -f "$f" </dev/null
		assert_failure 2
		assert_output ""
		[[ ${stderr_lines[0]} == "to-csv: bad -f '$f': an empty name, or a backslash"* ]] || fail "'$f': $stderr"
	done
}

@test "--body adds the body; --all takes the first record's fields in order" {
	run --separate-stderr to-csv --lf -f id --body "$F/articles.ndjson"
	assert_output $'id,body\na1,Talks resumed on Monday.\na2,"Line one.\n\nLine two."'
	printf '%s\n' '{"z":1,"a":"x","m":null}' '{"a":"y","new":"ignored","z":2}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf --all "$BATS_TEST_TMPDIR/in"
	assert_output $'z,a,m\n1,x,\n2,y,'
	run --separate-stderr to-csv --lf --all --body "$BATS_TEST_TMPDIR/in"
	assert_output $'z,a,m,body\n1,x,,\n2,y,,'
	run --separate-stderr to-csv --all -f id </dev/null
	assert_failure 2
}

@test "a single empty column is written as \"\" so the row is not blank" {
	printf '{"a":""}\n{"a":null}\n{"a":"v"}\n' | to-csv --lf -f a >"$BATS_TEST_TMPDIR/csv"
	run cat "$BATS_TEST_TMPDIR/csv"
	assert_output $'a\n""\n""\nv'
	run pyrows <"$BATS_TEST_TMPDIR/csv"
	assert_output $'["a"]\n[""]\n[""]\n["v"]'
}

@test "--explode entities: one row per distinct canonical entity and type" {
	run --separate-stderr to-csv --lf --explode entities "$F/entities.ndjson"
	assert_success
	assert_output "id,date,title,entity,type,mentions
e1,2024-01-02,Mentions,Jane Roe,PER,3
e1,2024-01-02,Mentions,Acme Corp,ORG,2
e1,2024-01-02,Mentions,Paris,LOC,1
e1,2024-01-02,Mentions,Paris,PER,1
e2,,Lists only,Jane Roe,PER,2
e2,,Lists only,Acme Corp,ORG,5
e2,,Lists only,'=Evil Corp,ORG,
e2,,Lists only,Olympics,MISC,1
e3,,Counts only,Zed,,3
e3,,Counts only,Why,,many
e5,,Odd entities,Bob,,1"
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "--explode with -f and --body sets the record's columns" {
	run --separate-stderr to-csv --lf --explode entities -f title --body "$F/entities.ndjson"
	assert_line --index 0 'title,body,entity,type,mentions'
	assert_line --index 1 'Mentions,,Jane Roe,PER,3'
}

@test "--explode dates: one row per date expression" {
	run --separate-stderr to-csv --lf --explode dates "$F/dates.ndjson"
	assert_success
	assert_output 'id,date,title,text,value,start,end
d1,2024-03-04,Two dates,last Monday,2024-02-26,10,21
d1,2024-03-04,Two dates,March 2024,2024-03,30,40
d3,,Odd dates,yesterday,,,
d3,,Odd dates,1990s,,1.5,
d3,,Odd dates,42,,,'
}

@test "--explode with another word is bad usage" {
	run --separate-stderr to-csv --explode persons </dev/null
	assert_failure 2
	assert_output ""
	assert_equal "${stderr_lines[0]}" "to-csv: bad --explode 'persons': want entities or dates"
}

@test "a cell over 32767 characters is cut at a code point, with a warning" {
	python3 -c 'import json; print(json.dumps({"id": "big", "body": "\u00e9" * 40000, "title": "\U0001F600" * 20000, "byline": "=" + "x" * 40000}))' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "to-csv -f id,body,title,byline '$BATS_TEST_TMPDIR/in' | python3 -c '
import csv, sys
r = list(csv.reader(open(sys.stdin.fileno(), encoding=\"utf-8\", newline=\"\")))[1]
print(r[0], len(r[1]), set(r[1]), len(r[2]), len(r[2].encode(\"utf-16-le\")) // 2, r[3][:2], len(r[3]))'"
	assert_success
	# An emoji is two UTF-16 units, as Excel counts: 16383 of them fit.
	assert_output "big 32767 {'é'} 16383 32766 '= 32767"
	[ "$stderr" = "to-csv: $BATS_TEST_TMPDIR/in:1: warning: record big: column body cut from 40000 to 32767 characters (Excel's limit; --no-truncate keeps it)
to-csv: $BATS_TEST_TMPDIR/in:1: warning: record big: column title cut from 40000 to 32766 characters (Excel's limit; --no-truncate keeps it)
to-csv: $BATS_TEST_TMPDIR/in:1: warning: record big: column byline cut from 40002 to 32767 characters (Excel's limit; --no-truncate keeps it)" ] || fail "stderr: $stderr"
}

@test "a cell of exactly 32767 characters is kept; --no-truncate keeps longer ones" {
	python3 -c 'import json; print(json.dumps({"id": "edge", "body": "a" * 32767, "title": "b" * 40000}))' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "to-csv -f body '$BATS_TEST_TMPDIR/in' | wc -c"
	assert_output 32775
	[ -z "$stderr" ] || fail "stderr: $stderr"
	run --separate-stderr bash -c "to-csv --no-truncate -f title '$BATS_TEST_TMPDIR/in' | wc -c"
	assert_output 40009
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "rows of records after a rejected line are still written" {
	printf '{"id":"a","title":"One"}\n{oops\n{"id":"c","title":"Three"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-csv --lf -f id,title "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	assert_output $'id,title\na,One\nc,Three'
	[[ $stderr == *"to-csv: $BATS_TEST_TMPDIR/in:2: invalid JSON"* ]] || fail "$stderr"
}

@test "the default columns show story after duplicate_of when the first record has one" {
	printf '%s\n' '{"id":"a","duplicate_of":null,"story":"a","story_size":2}' '{"id":"b","story":"a","story_size":2}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr bash -c "to-csv --lf '$BATS_TEST_TMPDIR/in'"
	assert_success
	assert_output $'id,date,title,outlet,agency,byline,url,dateline_place,persons,organizations,locations,misc,word_count,duplicate_of,story,source\na,,,,,,,,,,,,,,a,\nb,,,,,,,,,,,,,,a,'
	# not without it, nor with -f
	run --separate-stderr bash -c "to-csv --lf -f id,story_size '$BATS_TEST_TMPDIR/in'"
	assert_output $'id,story_size\na,2\nb,2'
	run --separate-stderr bash -c "head -c 0 '$BATS_TEST_TMPDIR/in' | to-csv --lf | tr ',' '\n' | grep -c story"
	assert_output 0
}
