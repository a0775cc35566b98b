#!/usr/bin/env bats
# to-xlsx: NDJSON records to an .xlsx workbook (man/to-xlsx.1).  The
# workbook is read back by tests/xlsx-read (Python's zipfile and XML
# parser); tests/to-xlsx-libreoffice.bats opens it in LibreOffice.

load helper

F="$FIXTURES/to-csv"
X="$FIXTURES/to-xlsx"

# rows FILE [SHEET]: the rows of a sheet (default the first), one JSON
# array per line; a date cell shows as {"date": ISO, "format": CODE}.
rows() {
	"$ROOT/tests/xlsx-read" "$1" | jq -c --argjson s "${2:-0}" \
	    '.sheets[$s].rows[] | map(if type == "object" and has("date") then {date, format} else . end)'
}

# member FILE PATH: one file of the workbook's zip, as it is stored.
member() {
	python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"
}

# sheet FILE KEY: what xlsx-read says of each sheet, one line per sheet.
sheet() {
	"$ROOT/tests/xlsx-read" "$1" | jq -c ".sheets[] | $2"
}

@test "default columns: text stays text, numbers are numbers, the date a date" {
	run --separate-stderr to-xlsx -o "$BATS_TEST_TMPDIR/a.xlsx" "$F/articles.ndjson"
	assert_success
	assert_output ""
	[ -z "$stderr" ] || fail "stderr: $stderr"
	run rows "$BATS_TEST_TMPDIR/a.xlsx"
	assert_output '["id","date","date_text","title","outlet","agency","byline","url","dateline_place","persons","organizations","locations","misc","word_count","duplicate_of","source"]
["a1",{"date":"2024-03-04T00:00:00.000","format":"yyyy-mm-dd"},"2024-03-04","Talks resume, officials say","Example Wire","AFP","Jane Doe","https://example.invalid/a1","GENEVA","Jane Roe; John Q. Public","United Nations","Geneva",null,4,null,"in/a1.txt"]
["a2",null,null,"Second \"quoted\" story",null,null,null,null,null,null,null,"Seoul; Busan","K-pop",4,"a1","in/a2.txt"]'
}

@test "the header is bold and frozen, with an autofilter over every row" {
	to-xlsx -o "$BATS_TEST_TMPDIR/a.xlsx" "$F/articles.ndjson"
	run sheet "$BATS_TEST_TMPDIR/a.xlsx" '[.name, .frozen, .autofilter, .bold_header]'
	assert_output '["articles","A2","A1:P3",true]'
}

@test "column widths follow the widest line, header and its filter button counted, capped at 60" {
	python3 -c 'import json; print(json.dumps({"id": "k1", "title": "t" * 100, "body": "short\n" + "w" * 30 + "\nend", "n": 123456, "name": "\ud55c\uad6d\uc5b4"}))' >"$BATS_TEST_TMPDIR/in"
	to-xlsx -f id,title,body,n,name -o "$BATS_TEST_TMPDIR/w.xlsx" "$BATS_TEST_TMPDIR/in"
	# libxlsxwriter adds Excel's 0.71 of padding to each width it is given:
	# id: header 2 + 3, +1; title: 100 capped; body: the 30 of the longest
	# line, +1; n: 6 digits, +1; name: three wide Hangul = 6 columns, but
	# the header "name" and its button are 7, +1.
	run sheet "$BATS_TEST_TMPDIR/w.xlsx" .widths
	assert_output '[6.71,60.71,31.71,7.71,8.71]'
}

@test "values keep their JSON type: big integers and arrays become text, objects JSON" {
	run --separate-stderr to-xlsx --all -o "$BATS_TEST_TMPDIR/t.xlsx" "$F/types.ndjson"
	assert_success
	run rows "$BATS_TEST_TMPDIR/t.xlsx"
	# 9007199254740993 has more digits than Excel keeps: text, exactly.
	assert_output '["id","s","i","big","r","r2","r3","r4","r5","t","f","n","a","e","nested","o"]
["v1","text",-42,"9007199254740993",0.1,100,1.5e-07,0,123456.789,true,false,null,"x; 1; 2.5; true; ; y",null,"[[1,2],[3]]","{\"k\":\"v\",\"n\":[0.1,{\"z\":null}]}"]
["v2","an; array","a string","{\"an\":\"object\"}","0.5",null,null,null,null,"yes",null,0,null,null,null,null]'
}

@test "integers up to 15 digits are numbers, longer ones text" {
	printf '{"a":999999999999999,"b":-999999999999999,"c":1000000000000000,"d":-1000000000000000}\n' >"$BATS_TEST_TMPDIR/in"
	to-xlsx -f a,b,c,d -o "$BATS_TEST_TMPDIR/i.xlsx" "$BATS_TEST_TMPDIR/in"
	run rows "$BATS_TEST_TMPDIR/i.xlsx"
	assert_line --index 1 '[999999999999999,-999999999999999,"1000000000000000","-1000000000000000"]'
}

@test "ids and text that a CSV import would convert stay strings" {
	printf '{"id":"%s","t":"x"}\n' 00123 2025-09-03 1e5 TRUE 1/2 0x1F '=1+1' ' 7' >"$BATS_TEST_TMPDIR/in"
	to-xlsx -f id -o "$BATS_TEST_TMPDIR/s.xlsx" "$BATS_TEST_TMPDIR/in"
	run rows "$BATS_TEST_TMPDIR/s.xlsx"
	assert_output '["id"]
["00123"]
["2025-09-03"]
["1e5"]
["TRUE"]
["1/2"]
["0x1F"]
["=1+1"]
[" 7"]'
}

@test "the date column: a date or date-time cell, UTC when the value has a zone" {
	run --separate-stderr to-xlsx -f id,date -o "$BATS_TEST_TMPDIR/d.xlsx" "$X/dates.ndjson"
	run "$ROOT/tests/xlsx-read" "$BATS_TEST_TMPDIR/d.xlsx"
	run jq -c '.sheets[0].rows[1:][] | [.[0], .[1].date, .[1].format, .[2]]' <<<"$output"
	assert_output '["z1","2025-09-03T00:00:00.000","yyyy-mm-dd","2025-09-03"]
["z2","2025-08-30T00:53:00.000","yyyy-mm-dd hh:mm \"UTC\"","2025-08-30T09:53+09:00"]
["z3","2025-08-30T09:53:00.000","yyyy-mm-dd hh:mm","2025-08-30T09:53"]
["z4","2025-09-03T03:30:15.000","yyyy-mm-dd hh:mm:ss \"UTC\"","2025-09-02T22:30:15-05:00"]
["z5","2025-09-02T10:00:00.250","yyyy-mm-dd hh:mm:ss.000 \"UTC\"","2025-09-02T10:00:00.250Z"]
["z6","2024-02-28T23:30:00.000","yyyy-mm-dd hh:mm \"UTC\"","2024-02-29T00:30+0100"]
["z7","1900-03-01T00:00:00.000","yyyy-mm-dd","1900-03-01"]
["z8","9999-12-31T23:59:59.000","yyyy-mm-dd hh:mm:ss","9999-12-31T23:59:59"]
["z9","2025-01-01T05:00:00.000","yyyy-mm-dd hh:mm \"UTC\"","2025-01-01 10:00+05"]'
	run jq -c '[.sheets[0].rows[1:3][][1].serial]' <<<"$("$ROOT/tests/xlsx-read" "$BATS_TEST_TMPDIR/d.xlsx")"
	# Days since 1899-12-30; 09:53 at +09:00 is 00:53 UTC, 53/1440 of a day.
	assert_output '[45903,45899.03680555556]'
}

@test "a date that is not ISO 8601, or out of Excel's range, is written as it is, with a warning" {
	run --separate-stderr to-xlsx -f id,date -o "$BATS_TEST_TMPDIR/d.xlsx" "$X/bad-dates.ndjson"
	assert_success
	run rows "$BATS_TEST_TMPDIR/d.xlsx"
	assert_output '["id","date","date_text"]
["b1","2025-02-29","2025-02-29"]
["b2","yesterday","yesterday"]
["b3","1900-02-28","1900-02-28"]
["b4","2025-09-03T24:00","2025-09-03T24:00"]
["b5","2025-9-3","2025-9-3"]
["b6","2025-09-03T10:00+25:00","2025-09-03T10:00+25:00"]
["b7",20250903,"20250903"]
["b8",null,null]
["b9","2025-09-03 ","2025-09-03 "]'
	run --separate-stderr to-xlsx -f id,date -o "$BATS_TEST_TMPDIR/d.xlsx" "$X/bad-dates.ndjson"
	local w="is not an ISO 8601 date from 1900-03-01 to 9999-12-31: written as it is"
	[ "$stderr" = "to-xlsx: $X/bad-dates.ndjson:1: warning: record b1: date '2025-02-29' $w
to-xlsx: $X/bad-dates.ndjson:2: warning: record b2: date 'yesterday' $w
to-xlsx: $X/bad-dates.ndjson:3: warning: record b3: date '1900-02-28' $w
to-xlsx: $X/bad-dates.ndjson:4: warning: record b4: date '2025-09-03T24:00' $w
to-xlsx: $X/bad-dates.ndjson:5: warning: record b5: date '2025-9-3' $w
to-xlsx: $X/bad-dates.ndjson:6: warning: record b6: date '2025-09-03T10:00+25:00' $w
to-xlsx: $X/bad-dates.ndjson:7: warning: record b7: date '20250903' $w
to-xlsx: $X/bad-dates.ndjson:9: warning: record b9: date '2025-09-03 ' $w" ] || fail "stderr: $stderr"
}

# hostile FILE: the hostile cells of the fixture, and three long ones.
hostile() {
	cat "$X/hostile.ndjson" >"$1"
	python3 -c 'import json
for i, t in enumerate(["x" * 40000, "\U0001F600" * 20000, "y" * 32767], 25):
    print(json.dumps({"id": "h%d" % i, "text": t}))' >>"$1"
}

@test "hostile cells come back as the same text: formulas, controls, escapes, emoji, right-to-left" {
	hostile "$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-xlsx -f id,text -o "$BATS_TEST_TMPDIR/h.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_success
	# Every text as it went in, except the two over Excel's limit: the
	# first 32767 UTF-16 units (16383 emoji are 32766).
	run python3 -c '
import json, subprocess, sys
got = json.loads(subprocess.check_output([sys.argv[1], sys.argv[2]]))["sheets"][0]["rows"]
want = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert got[0] == ["id", "text"], got[0]
assert len(got) == len(want) + 1, len(got)
for row, rec in zip(got[1:], want):
    t = rec["text"]
    t = t[:32767] if rec["id"] == "h25" else t[:16383] if rec["id"] == "h26" else t
    if row != [rec["id"], t]:
        print("differs:", rec["id"], repr(row[1][:60]), repr(t[:60]))
print(len(want), "checked")' "$ROOT/tests/xlsx-read" "$BATS_TEST_TMPDIR/h.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_output "27 checked"
	[ "$stderr" = "to-xlsx: $BATS_TEST_TMPDIR/in:25: warning: record h25: column text cut from 40000 to 32767 characters (Excel's limit)
to-xlsx: $BATS_TEST_TMPDIR/in:26: warning: record h26: column text cut from 40000 to 32766 characters (Excel's limit)" ] || fail "stderr: $stderr"
}

@test "no cell is a formula, and formula-like text carries no apostrophe" {
	hostile "$BATS_TEST_TMPDIR/in"
	to-xlsx -f id,text -o "$BATS_TEST_TMPDIR/h.xlsx" "$BATS_TEST_TMPDIR/in" 2>/dev/null
	member "$BATS_TEST_TMPDIR/h.xlsx" xl/worksheets/sheet1.xml >"$BATS_TEST_TMPDIR/sheet.xml"
	run grep -c '<f>' "$BATS_TEST_TMPDIR/sheet.xml"
	assert_output 0
	rows "$BATS_TEST_TMPDIR/h.xlsx" >"$BATS_TEST_TMPDIR/rows"
	run sed -n '2,6p' "$BATS_TEST_TMPDIR/rows"
	assert_output '["h1","=cmd|'"'"' /C calc'"'"'!A0"]
["h2","=HYPERLINK(\"http://example.invalid\",\"click\")"]
["h3","+1"]
["h4","-1+1"]
["h5","@SUM(A1:A9)"]'
}

@test "text that looks like an _xHHHH_ escape is escaped itself" {
	printf '{"a":"_x0041_","b":"_x005F_x0041_","c":"__x0041_x41_","d":"_x00411_"}\n' >"$BATS_TEST_TMPDIR/in"
	to-xlsx -f a,b,c,d -o "$BATS_TEST_TMPDIR/e.xlsx" "$BATS_TEST_TMPDIR/in"
	member "$BATS_TEST_TMPDIR/e.xlsx" xl/worksheets/sheet1.xml >"$BATS_TEST_TMPDIR/sheet.xml"
	run bash -c "grep -o '<t>[^<]*</t>' '$BATS_TEST_TMPDIR/sheet.xml' | sed -n '5,8p'"
	assert_output '<t>_x005F_x0041_</t>
<t>_x005F_x005F_x005F_x0041_</t>
<t>__x005F_x0041_x41_</t>
<t>_x00411_</t>'
	run rows "$BATS_TEST_TMPDIR/e.xlsx"
	assert_line --index 1 '["_x0041_","_x005F_x0041_","__x0041_x41_","_x00411_"]'
}

@test "escapes count toward the limit: a full cell of them is cut further, with a warning" {
	python3 -c 'import json; print(json.dumps({"id": "e", "t": "_x0041_" * 4681}))' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-xlsx -f id,t -o "$BATS_TEST_TMPDIR/e.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_success
	# 4681 x 7 = 32767 characters, 32767 + 6 x 4681 with the escapes: 2520
	# of them escaped (13 x 2520 = 32760) and the next "_", escaped (7), fit.
	assert_equal "$stderr" "to-xlsx: $BATS_TEST_TMPDIR/in:1: warning: record e: column t cut to 17641 characters, its _x escapes counted"
	run bash -c "'$ROOT/tests/xlsx-read' '$BATS_TEST_TMPDIR/e.xlsx' | jq -r '.sheets[0].rows[1][1] | length, .[-8:]'"
	assert_output $'17641\n_x0041__'
}

@test "--explode entities alone: one sheet named entities, like to-csv's rows" {
	run --separate-stderr to-xlsx --explode entities -o "$BATS_TEST_TMPDIR/e.xlsx" "$F/entities.ndjson"
	assert_success
	run sheet "$BATS_TEST_TMPDIR/e.xlsx" '[.name, .autofilter]'
	assert_output '["entities","A1:G12"]'
	rows "$BATS_TEST_TMPDIR/e.xlsx" >"$BATS_TEST_TMPDIR/rows"
	run sed -n '1,2p;7,8p;10p' "$BATS_TEST_TMPDIR/rows"
	assert_output '["id","date","date_text","title","entity","type","mentions"]
["e1",{"date":"2024-01-02T00:00:00.000","format":"yyyy-mm-dd"},"2024-01-02","Mentions","Jane Roe","PER",3]
["e2",null,null,"Lists only","Acme Corp","ORG",5]
["e2",null,null,"Lists only","=Evil Corp","ORG",null]
["e3",null,null,"Counts only","Zed",null,3]'
}

@test "--sheets: articles, entities and dates in one workbook" {
	run --separate-stderr to-xlsx --sheets --explode dates --explode entities -f id,title \
	    -o "$BATS_TEST_TMPDIR/s.xlsx" "$F/entities.ndjson" "$F/dates.ndjson"
	assert_success
	run sheet "$BATS_TEST_TMPDIR/s.xlsx" '[.name, .frozen, .autofilter, .bold_header]'
	assert_output '["articles","A2","A1:B10",true]
["dates","A2","A1:H6",true]
["entities","A2","A1:G12",true]'
	rows "$BATS_TEST_TMPDIR/s.xlsx" 0 >"$BATS_TEST_TMPDIR/rows"
	run sed -n '1,2p' "$BATS_TEST_TMPDIR/rows"
	assert_output '["id","title"]
["e1","Mentions"]'
	run rows "$BATS_TEST_TMPDIR/s.xlsx" 1
	assert_output '["id","date","date_text","title","text","value","start","end"]
["d1",{"date":"2024-03-04T00:00:00.000","format":"yyyy-mm-dd"},"2024-03-04","Two dates","last Monday","2024-02-26",10,21]
["d1",{"date":"2024-03-04T00:00:00.000","format":"yyyy-mm-dd"},"2024-03-04","Two dates","March 2024","2024-03",30,40]
["d3",null,null,"Odd dates","yesterday",null,null,null]
["d3",null,null,"Odd dates","1990s",null,1.5,null]
["d3",null,null,"Odd dates",42,null,null,null]'
	rows "$BATS_TEST_TMPDIR/s.xlsx" 2 >"$BATS_TEST_TMPDIR/rows"
	run wc -l <"$BATS_TEST_TMPDIR/rows"
	assert_output 12
}

@test "bad usage: --sheets without --explode, two --explode without --sheets, -f with --all, a bad -f" {
	local args
	mkdir "$BATS_TEST_TMPDIR/out"
	for args in "--sheets" "--explode entities --explode dates" "--all -f id" "-f a,,b" "--explode words"; do
		eval "run --separate-stderr to-xlsx -o '$BATS_TEST_TMPDIR/out/x.xlsx' $args </dev/null"
		assert_failure 2
		assert_output ""
		[[ ${stderr_lines[1]} == "usage: to-xlsx "* ]] || fail "$args: $stderr"
	done
	run --separate-stderr to-xlsx --sheets </dev/null
	assert_equal "${stderr_lines[0]}" "to-xlsx: --sheets needs --explode entities or dates: what goes in the other sheet"
	run --separate-stderr to-xlsx --explode entities --explode dates </dev/null
	assert_equal "${stderr_lines[0]}" "to-xlsx: --explode entities and dates at once need --sheets: one sheet each"
	run --separate-stderr to-xlsx -o '' </dev/null
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "to-xlsx: -o needs a file name"
	run ls -A "$BATS_TEST_TMPDIR/out"
	assert_output ""
}

@test "a terminal on stdout is refused with exit 2; a pipe gets the workbook" {
	run --separate-stderr python3 -c '
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.run(["to-xlsx", sys.argv[1]], stdout=slave, stderr=subprocess.PIPE)
os.close(slave)
sys.stderr.write(p.stderr.decode())
sys.exit(p.returncode)' "$F/articles.ndjson"
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "to-xlsx: will not write a binary .xlsx file to a terminal: give -o FILE or redirect stdout"
	to-xlsx "$F/articles.ndjson" | cat >"$BATS_TEST_TMPDIR/p.xlsx"
	rows "$BATS_TEST_TMPDIR/p.xlsx" >"$BATS_TEST_TMPDIR/rows"
	run jq -r '.[0]' "$BATS_TEST_TMPDIR/rows"
	assert_output $'id\na1\na2'
}

@test "-o: the file arrives whole with the usual permissions, no temporary file is left" {
	mkdir "$BATS_TEST_TMPDIR/out"
	(umask 027 && to-xlsx -o "$BATS_TEST_TMPDIR/out/a.xlsx" "$F/articles.ndjson")
	run ls -A "$BATS_TEST_TMPDIR/out"
	assert_output "a.xlsx"
	run stat -c %a "$BATS_TEST_TMPDIR/out/a.xlsx"
	assert_output 640
	run bash -c "TMPDIR='$BATS_TEST_TMPDIR/out' to-xlsx '$F/articles.ndjson' | wc -c"
	[ "$output" -gt 1000 ] || fail "$output bytes"
	run ls -A "$BATS_TEST_TMPDIR/out"
	assert_output "a.xlsx"
}

@test "-o: a failure leaves the old file as it was and no temporary file" {
	mkdir "$BATS_TEST_TMPDIR/out"
	echo old >"$BATS_TEST_TMPDIR/out/a.xlsx"
	printf '{"id":"a"}\n{oops\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-xlsx --strict -o "$BATS_TEST_TMPDIR/out/a.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	[[ $stderr == *"to-xlsx: $BATS_TEST_TMPDIR/in:2: invalid JSON"* ]] || fail "$stderr"
	run cat "$BATS_TEST_TMPDIR/out/a.xlsx"
	assert_output old
	run ls -A "$BATS_TEST_TMPDIR/out"
	assert_output "a.xlsx"
	run --separate-stderr to-xlsx -o "$BATS_TEST_TMPDIR/nodir/a.xlsx" "$F/articles.ndjson"
	assert_failure 1
	[[ $stderr == "to-xlsx: $BATS_TEST_TMPDIR/nodir/a.xlsx: cannot make the temporary file $BATS_TEST_TMPDIR/nodir/.a.xlsx."*": No such file or directory" ]] || fail "$stderr"
}

@test "-o: killed while reading, no file and no temporary file is left" {
	mkdir "$BATS_TEST_TMPDIR/out"
	mkfifo "$BATS_TEST_TMPDIR/fifo"
	to-xlsx -o "$BATS_TEST_TMPDIR/out/a.xlsx" "$BATS_TEST_TMPDIR/fifo" &
	local pid=$! rc=0
	exec 5>"$BATS_TEST_TMPDIR/fifo"
	printf '{"id":"a"}\n' >&5
	sleep 0.5
	run ls -A "$BATS_TEST_TMPDIR/out"
	[[ $output == .a.xlsx.* ]] || fail "no temporary file while running: $output"
	kill -TERM "$pid"
	wait "$pid" || rc=$?
	exec 5>&-
	[ "$rc" -eq 143 ] || fail "status $rc"
	run ls -A "$BATS_TEST_TMPDIR/out"
	assert_output ""
}

@test "a rejected line is reported, the other rows are written, status 1" {
	printf '{"id":"a","title":"One"}\n{oops\n{"id":"c","title":"Three"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-xlsx -f id,title -o "$BATS_TEST_TMPDIR/r.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	[[ $stderr == *"to-xlsx: $BATS_TEST_TMPDIR/in:2: invalid JSON"* ]] || fail "$stderr"
	run rows "$BATS_TEST_TMPDIR/r.xlsx"
	assert_output $'["id","title"]\n["a","One"]\n["c","Three"]'
}

@test "empty input: the header only; with --all an empty sheet" {
	to-xlsx -f id,title -o "$BATS_TEST_TMPDIR/e.xlsx" </dev/null
	run rows "$BATS_TEST_TMPDIR/e.xlsx"
	assert_output '["id","title"]'
	run sheet "$BATS_TEST_TMPDIR/e.xlsx" '[.name, .autofilter]'
	assert_output '["articles","A1:B1"]'
	run --separate-stderr to-xlsx --all -o "$BATS_TEST_TMPDIR/all.xlsx" </dev/null
	assert_success
	run sheet "$BATS_TEST_TMPDIR/all.xlsx" '[.name, .rows, .autofilter]'
	assert_output '["articles",[],null]'
}

@test "past 1,048,576 rows the sheet goes on in a second, with the header and a warning" {
	awk 'BEGIN { for (i = 1; i <= 1048580; i++) printf "{\"id\":\"r%d\"}\n", i }' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr to-xlsx -f id -o "$BATS_TEST_TMPDIR/big.xlsx" "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_equal "$stderr" "to-xlsx: $BATS_TEST_TMPDIR/in:1048576: warning: sheet articles is full (1048576 rows): the rows go on in sheet articles 2"
	member "$BATS_TEST_TMPDIR/big.xlsx" xl/workbook.xml >"$BATS_TEST_TMPDIR/workbook.xml"
	run grep -o '<sheet name="[^"]*"' "$BATS_TEST_TMPDIR/workbook.xml"
	assert_output $'<sheet name="articles"\n<sheet name="articles 2"'
	member "$BATS_TEST_TMPDIR/big.xlsx" xl/worksheets/sheet1.xml | tail -c 300 >"$BATS_TEST_TMPDIR/end.xml"
	run bash -c "grep -o '<row r=\"[0-9]*\"><c r=\"A[0-9]*\" t=\"inlineStr\"><is><t>[^<]*' '$BATS_TEST_TMPDIR/end.xml' | tail -n 1"
	assert_output '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>r1048575'
	run rows "$BATS_TEST_TMPDIR/big.xlsx" 1
	assert_output $'["id"]\n["r1048576"]\n["r1048577"]\n["r1048578"]\n["r1048579"]\n["r1048580"]'
}

@test "the default columns show story after duplicate_of when the first record has one; no input, still a header" {
	printf '%s\n' '{"id":"a","duplicate_of":null,"story":"a","story_size":2}' '{"id":"b","story":"a","story_size":2}' >"$BATS_TEST_TMPDIR/in"
	to-xlsx -o "$BATS_TEST_TMPDIR/s.xlsx" "$BATS_TEST_TMPDIR/in"
	run bash -c "'$ROOT/tests/xlsx-read' '$BATS_TEST_TMPDIR/s.xlsx' | jq -c '.sheets[0].rows[] | [.[0], .[14], .[15]]'"
	assert_output '["id","duplicate_of","story"]
["a",null,"a"]
["b",null,"a"]'
	to-xlsx -o "$BATS_TEST_TMPDIR/e.xlsx" </dev/null
	run bash -c "'$ROOT/tests/xlsx-read' '$BATS_TEST_TMPDIR/e.xlsx' | jq -c '.sheets[0].rows | length, .[0][-1]'"
	assert_output $'1\n"source"'
}
