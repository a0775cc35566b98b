#!/usr/bin/env bats
# to-xlsx read by real LibreOffice (Debian libreoffice-calc, headless;
# scripts/need-packages xlsx-test): the seeds' workbook, hostile cells
# and typed values are opened and written back as CSV in one soffice
# run, and every cell is compared with what it should show.

load helper

setup_file() {
	local d=$BATS_FILE_TMPDIR
	export NEWSPIPE_BIN=$BIN
	command -v soffice >/dev/null || return 0
	"$ROOT/pipeline.sh" --jobs 1 --xlsx --explode entities -o "$d/seeds.xlsx" "$SEEDS" 2>"$d/pipeline.err"
	"$ROOT/pipeline.sh" --jobs 1 --ndjson "$SEEDS" >"$d/seeds.ndjson" 2>>"$d/pipeline.err"
	cat "$FIXTURES/to-xlsx/hostile.ndjson" >"$d/hostile.ndjson"
	python3 -c 'import json
for i, t in enumerate(["x" * 40000, "\U0001F600" * 20000], 25):
    print(json.dumps({"id": "h%d" % i, "text": t}))' >>"$d/hostile.ndjson"
	to-xlsx -f id,text -o "$d/hostile.xlsx" "$d/hostile.ndjson" 2>/dev/null
	{
		cat "$FIXTURES/to-xlsx/dates.ndjson"
		printf '%s\n' '{"id":"n1","n":42,"neg":-7,"r":0.5,"b":true,"f":false,"big":12345678901234567}'
	} >"$d/typed.ndjson"
	to-xlsx -f id,date,n,neg,r,b,f,big -o "$d/typed.xlsx" "$d/typed.ndjson"
	# Every sheet (the 12th token, -1) to UTF-8 (76) CSV, cells as shown
	# (the 9th, true), so that the number formats count; a private
	# profile, so that no user's settings do.
	(cd "$d" && timeout 300 soffice --headless -env:UserInstallation=file://"$d/profile" \
	    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
	    --outdir "$d/csv" seeds.xlsx hostile.xlsx typed.xlsx >"$d/soffice.log" 2>&1)
	echo $? >"$d/soffice.rc"
}

setup() {
	command -v soffice >/dev/null || fail "soffice not found: scripts/need-packages xlsx-test installs libreoffice-calc"
	[ "$(cat "$BATS_FILE_TMPDIR/soffice.rc")" = 0 ] || fail "soffice failed: $(cat "$BATS_FILE_TMPDIR/soffice.log")"
}

# csv_rows FILE: a CSV file LibreOffice wrote, one JSON array per row.
csv_rows() {
	python3 -c '
import csv, json, sys
for row in csv.reader(open(sys.argv[1], encoding="utf-8", newline="")):
    print(json.dumps(row, ensure_ascii=False, separators=(",", ":")))' "$1"
}

# want SHEET: what LibreOffice should show of the seeds' sheet: to-csv's
# cells of the same records, with the date shown as its number format
# shows it and date_text after it as the value was.
want() {
	local explode=
	[ "$1" = entities ] && explode="--explode entities"
	to-csv --no-sanitize $explode "$BATS_FILE_TMPDIR/seeds.ndjson" | python3 -c '
import csv, datetime, json, re, sys
ISO = re.compile(r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(Z|[+-]\d\d(?::?\d\d)?)?)?")
def shown(v):
    m = ISO.fullmatch(v)
    if not m:
        return v
    day, h, mi, s, frac, zone = m.groups()
    if h is None:
        return day
    t = datetime.datetime.fromisoformat("%sT%s:%s:%s" % (day, h, mi, s or "00"))
    if frac:
        t += datetime.timedelta(seconds=float("0." + frac))
    if zone and zone != "Z":
        z = zone.replace(":", "")
        off = int(z[1:3]) * 60 + (int(z[3:5]) if len(z) > 3 else 0)
        t -= datetime.timedelta(minutes=off if z[0] == "+" else -off)
    out = t.strftime("%Y-%m-%d %H:%M")
    if s is not None:
        out += t.strftime(":%S")
    if frac:
        out += ".%03d" % (t.microsecond // 1000)
    return out + (" UTC" if zone else "")
rows = list(csv.reader(open(sys.stdin.fileno(), encoding="utf-8", newline="")))
d = rows[0].index("date")
for i, row in enumerate(rows):
    row.insert(d + 1, "date_text" if i == 0 else row[d])
    if i:
        row[d] = shown(row[d])
    print(json.dumps([c.replace("\r\n", "\n") for c in row], ensure_ascii=False, separators=(",", ":")))'
}

@test "LibreOffice: the seeds' articles sheet shows every cell as expected" {
	[ -s "$BATS_FILE_TMPDIR/pipeline.err" ] && fail "pipeline: $(cat "$BATS_FILE_TMPDIR/pipeline.err")"
	want articles >"$BATS_TEST_TMPDIR/want"
	csv_rows "$BATS_FILE_TMPDIR/csv/seeds-articles.csv" >"$BATS_TEST_TMPDIR/got"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/want")" -eq 6 ] || fail "want: $(cat "$BATS_TEST_TMPDIR/want")"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "LibreOffice: the seeds' entities sheet, beside the articles, shows every cell" {
	want entities >"$BATS_TEST_TMPDIR/want"
	csv_rows "$BATS_FILE_TMPDIR/csv/seeds-entities.csv" >"$BATS_TEST_TMPDIR/got"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/want")" -gt 20 ] || fail "want: $(cat "$BATS_TEST_TMPDIR/want")"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	run ls "$BATS_FILE_TMPDIR/csv"
	assert_output $'hostile-articles.csv\nseeds-articles.csv\nseeds-entities.csv\ntyped-articles.csv'
}

@test "LibreOffice: hostile cells come back as the same text" {
	run python3 -c '
import csv, json, sys
got = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
want = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert got[0] == ["id", "text"], got[0]
assert len(got) == len(want) + 1, len(got)
for row, rec in zip(got[1:], want):
    # LibreOffice keeps a line break as a paragraph end: a CRLF in a
    # cell comes back as LF (a lone CR it keeps).  Excel keeps CRLF.
    t = rec["text"].replace("\r\n", "\n")
    t = t[:32767] if rec["id"] == "h25" else t[:16383] if rec["id"] == "h26" else t
    if row != [rec["id"], t]:
        print("differs:", rec["id"], repr(row[1][:60]), repr(t[:60]))
print(len(want), "checked")' "$BATS_FILE_TMPDIR/csv/hostile-articles.csv" "$BATS_FILE_TMPDIR/hostile.ndjson"
	assert_output "26 checked"
}

@test "LibreOffice: dates show in UTC with their format, numbers and booleans as such" {
	run csv_rows "$BATS_FILE_TMPDIR/csv/typed-articles.csv"
	assert_output '["id","date","date_text","n","neg","r","b","f","big"]
["z1","2025-09-03","2025-09-03","","","","","",""]
["z2","2025-08-30 00:53 UTC","2025-08-30T09:53+09:00","","","","","",""]
["z3","2025-08-30 09:53","2025-08-30T09:53","","","","","",""]
["z4","2025-09-03 03:30:15 UTC","2025-09-02T22:30:15-05:00","","","","","",""]
["z5","2025-09-02 10:00:00.250 UTC","2025-09-02T10:00:00.250Z","","","","","",""]
["z6","2024-02-28 23:30 UTC","2024-02-29T00:30+0100","","","","","",""]
["z7","1900-03-01","1900-03-01","","","","","",""]
["z8","9999-12-31 23:59:59","9999-12-31T23:59:59","","","","","",""]
["z9","2025-01-01 05:00 UTC","2025-01-01 10:00+05","","","","","",""]
["n1","","","42","-7","0.5","TRUE","FALSE","12345678901234567"]'
}
