#!/usr/bin/env bats
# normalize-date: publication dates and TIMEX3 date expressions.

load helper

FIX="$FIXTURES/normalize-date"

# pubdate RAW [OPTIONS...]: the date normalize-date gives date_raw RAW.
pubdate() {
	local raw=$1
	shift
	jq -nc --arg d "$raw" '{id:"t",date_raw:$d,body:""}' |
	    normalize-date "$@" | jq -r '.date'
}

# check_pub RAW EXPECTED [OPTIONS...]
check_pub() {
	local raw=$1 want=$2 got
	shift 2
	got=$(pubdate "$raw" "$@")
	[ "$got" = "$want" ] || fail "date_raw '$raw' $*: got '$got', want '$want'"
}

# dates DCT BODY [OPTIONS...]: the body's expressions as text=value lines.
dates() {
	local dct=$1 body=$2
	shift 2
	jq -nc --arg d "$dct" --arg b "$body" '{id:"t",date_raw:(if $d == "" then null else $d end),body:$b}' |
	    normalize-date "$@" | jq -r '.dates[] | "\(.text)=\(.value)"'
}

# check_dates DCT BODY EXPECTED: EXPECTED is the lines joined with '|'.
check_dates() {
	local got
	got=$(dates "$1" "$2" | paste -sd '|' -)
	[ "$got" = "$3" ] || fail "DCT $1, '$2': got '$got', want '$3'"
}

@test "seeds: each gets the right date and date_source" {
	run --separate-stderr bash -c "normalize-date '$FIX/seeds.ndjson' | jq -r '[.id, .date, .date_source] | @tsv'"
	assert_success
	assert_output "$(printf '%s\t%s\t%s\n' \
	    000_18965f208f03d3d7 2025-09-02 header \
	    001_ff04d17371aad547 2025-08-30 header \
	    002_7a54de7a8e341bbb '' none \
	    003_662a6d2ebc786632 2025-08-28 header \
	    004_0949bd1f6708cfe7 2025-09-03 header)"
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

@test "seeds: the article without a date has date null, not a guess" {
	run --separate-stderr bash -c "normalize-date '$FIX/seeds.ndjson' | jq -c 'select(.id | startswith(\"002\")) | [.date, .date_source, .dates]'"
	assert_success
	assert_output '[null,"none",[{"text":"Wednesday","start":16,"end":25,"value":null},{"text":"recent months","start":64,"end":77,"value":"PAST_REF"}]]'
}

@test "seeds: body dates resolve against the header date" {
	run --separate-stderr bash -c "normalize-date '$FIX/seeds.ndjson' | jq -c '[.dates[] | [.text, .value]]'"
	assert_success
	assert_line --index 0 '[["Wednesday morning","2025-09-03"],["June 2024","2024-06"]]'
	assert_line --index 1 '[["Friday","2025-08-29"],["next week","2025-W36"]]'
	assert_line --index 3 '[["Aug. 31 to Sept. 3","2025-08-31/2025-09-03"],["April","2025-04"]]'
	assert_line --index 4 '[["June last year","2024-06"],["2012","2012"]]'
}

@test "ISO 8601 and RFC 3339 dates" {
	check_pub "2025-09-02" 2025-09-02
	check_pub "2025-09-02T10:00:00Z" 2025-09-02T10:00:00+00:00
	check_pub "2025-09-02T10:00:00+03:00" 2025-09-02T10:00:00+03:00
	check_pub "2025-09-02T10:00:00.250-04:00" 2025-09-02T10:00:00-04:00
	check_pub "2025-09-02 10:00" 2025-09-02T10:00
	check_pub "20250902" 2025-09-02
	check_pub "date 2025-09-02" 2025-09-02
	check_pub " date 2025-09-02 " 2025-09-02
}

@test "RFC 2822 dates" {
	check_pub "Tue, 02 Sep 2025 10:00:00 +0300" 2025-09-02T10:00:00+03:00
	check_pub "Tue, 2 Sep 2025 07:05:09 GMT" 2025-09-02T07:05:09+00:00
}

@test "dates with month names, weekdays and ordinals" {
	check_pub "August 28, 2025" 2025-08-28
	check_pub "Aug. 28, 2025" 2025-08-28
	check_pub "Sept. 3, 2025" 2025-09-03
	check_pub "28 August 2025" 2025-08-28
	check_pub "Thursday, August 28, 2025" 2025-08-28
	check_pub "Thu 28 Aug 2025" 2025-08-28
	check_pub "September 3rd, 2025" 2025-09-03
	check_pub "1st of October 2025" 2025-10-01
	check_pub "Published: 30 Aug. 2025, 09:53" 2025-08-30T09:53
}

# Page copies write dates in their own language; split-header hands the
# date on as written.
@test "month names of other languages, a German day with its dot, Spanish 'de'" {
	check_pub "26. Oktober 2023" 2023-10-26
	check_pub "7. November 2023 um 11:54 Uhr" 2023-11-07
	check_pub "3. Mär. 2021" 2021-03-03
	check_pub "MÄRZ 3, 2021" 2021-03-03
	check_pub "9 décembre 2019 à 09h08" 2019-12-09
	check_pub "4 de maio de 2022, 05:34 h" 2022-05-04T05:34
	check_pub "3 de Mayo de 2022" 2022-05-03
	check_pub "8 de mayo del 2022" 2022-05-08
	check_pub "18 maggio 2020" 2020-05-18
	check_pub "12 maart 2021" 2021-03-12
	check_pub "7 maja 2020" 2020-05-07
	check_pub "Oktober 25, 2023" 2023-10-25
	# after lead words, a number glued to a word (a user's name) too
	check_pub "von Jana99 am 05.03.2024" 2024-03-05
	check_pub "von Jana 99 am 05.03.2024" null
	# still no guesses: a two-digit year, an impossible day
	check_pub "31. Februar 2023" null
	check_pub "26. Okt. 23" null
}

@test "month names in other languages, the day with a dot, 'de' between" {
	check_pub "6. August 2009" 2009-08-06
	check_pub "2. März 2021, 14:05" 2021-03-02T14:05
	check_pub "13 de enero de 2014" 2014-01-13
	check_pub "1er février 2020" 2020-02-01
	check_pub "15 marzo 2020" 2020-03-15
	check_pub "14 maja 2019" 2019-05-14
	check_pub "19. helmikuuta 2019" 2019-02-19
	check_pub "3 марта 2021" 2021-03-03
	check_pub "$(printf '12\xc2\xa0September\xc2\xa02019')" 2019-09-12
}

@test "a date after a label or weekday in words it does not know" {
	check_pub "Stand: 05. Februar 2020" 2020-02-05
	check_pub "Mittwoch, 3. März 2021" 2021-03-03
	check_pub "Publié le 1er février 2020 à 10h" 2020-02-01
	check_pub "März 2021" null
	check_pub "soon" null
}

@test "numeric dates: year first, day first with dots, month first unless --dmy" {
	check_pub "2025/09/02" 2025-09-02
	check_pub "02.09.2025" 2025-09-02
	check_pub "9/2/2025" 2025-09-02
	check_pub "9/2/2025" 2025-02-09 --dmy
	check_pub "25/8/2025" 2025-08-25
	# dots read day first, but only month first reads 01.21.2020
	check_pub "01.21.2020 07:00 AM" 2020-01-21T07:00
}

@test "weekday names of other languages, before or after the day" {
	check_pub "jeudi 5 mars 2020" 2020-03-05
	check_pub "miércoles, 4 de mayo de 2022" 2022-05-04
	check_pub "giovedì 3 marzo 2022" 2022-03-03
	check_pub "31 Donnerstag Okt 2019" 2019-10-31
	# a weekday the date does not fall on, as in English: no guess
	check_pub "Mittwoch, 31. Oktober 2019" null
	check_pub "Wednesday, 31 October 2019" null
}

@test "times: 12- and 24-hour, am/pm, zone names" {
	check_pub "30 Aug. 2025, 09:53" 2025-08-30T09:53
	check_pub "August 28, 2025 3:15 p.m. EDT" 2025-08-28T15:15-04:00
	check_pub "August 28, 2025 at 12:05 am UTC" 2025-08-28T00:05+00:00
	check_pub "August 28, 2025 12:30 PM" 2025-08-28T12:30
	check_pub "August 28, 2025 9 pm EST" 2025-08-28T21:00-05:00
	check_pub "28 August 2025 18:40 CET" 2025-08-28T18:40+01:00
	check_pub "28 August 2025 18:40 CEST" 2025-08-28T18:40+02:00
	check_pub "2025-08-28 09:00 MSK" 2025-08-28T09:00+03:00
	check_pub "2025-08-28 09:00 KST" 2025-08-28T09:00+09:00
	check_pub "2025-08-28 09:00 JST" 2025-08-28T09:00+09:00
	check_pub "2025-08-28 09:00 GMT+2" 2025-08-28T09:00+02:00
	check_pub "2025-08-28 09:00 Z" 2025-08-28T09:00+00:00
	check_pub "2025-08-28 09:00 CST" 2025-08-28T09:00-06:00
	check_pub "2025-08-28 09:00 CST" 2025-08-28T09:00+08:00 --tz-china
}

@test "Unix epoch seconds are read as UTC" {
	check_pub "1756800000" 2025-09-02T08:00:00+00:00
	check_pub "@0946684800" 2000-01-01T00:00:00+00:00
}

@test "an impossible date is null with a warning naming the article" {
	run --separate-stderr bash -c "echo '{\"id\":\"art7\",\"date_raw\":\"February 30, 2025\",\"body\":\"\"}' | normalize-date | jq -c '[.date, .date_source, .date_raw]'"
	assert_success
	assert_output '[null,"none","February 30, 2025"]'
	[[ $stderr == 'normalize-date: <stdin>:1: warning: art7: impossible date in date_raw: "February 30, 2025"' ]] || fail "stderr: $stderr"
	check_pub "2025-02-29" null
	check_pub "2024-02-29" 2024-02-29
	check_pub "August 28, 2025 25:10" null
	check_pub "August 28, 2025 13:10 pm" null
}

@test "a numeric date's two-digit year is read as POSIX strptime reads %y" {
	check_pub "19.10.19" 2019-10-19
	check_pub "Mo, 19.10.19" 2019-10-19
	check_pub "9/2/25" 2025-09-02
	check_pub "9/2/25" 2025-02-09 --dmy
	check_pub "1.11.23 10:15" 2023-11-01T10:15
	check_pub "31/12/68" 2068-12-31
	check_pub "01/01/69" 1969-01-01
	check_pub "30.02.19" null
	check_pub "9/2/5" null
}

@test "a date that cannot be settled is null with a warning" {
	run --separate-stderr bash -c "echo '{\"id\":\"x1\",\"date_raw\":\"Wednesday, September 2, 2025\"}' | normalize-date | jq -c .date"
	assert_success
	assert_output null
	[[ $stderr == *"warning: x1: ambiguous date in date_raw"* ]] || fail "stderr: $stderr"
	run --separate-stderr bash -c "echo '{\"id\":\"x2\",\"date_raw\":\"May 3, 25\"}' | normalize-date | jq -c .date"
	assert_output null
	[[ $stderr == *"warning: x2: ambiguous date in date_raw"* ]] || fail "stderr: $stderr"
	run --separate-stderr bash -c "echo '{\"id\":\"x3\",\"date_raw\":\"soon\"}' | normalize-date | jq -c .date"
	assert_output null
	[[ $stderr == *"warning: x3: unreadable date in date_raw: \"soon\""* ]] || fail "stderr: $stderr"
}

# source JSON [OPTIONS...]: "date date_source" for one record.
source_of() {
	local rec=$1
	shift
	echo "$rec" | normalize-date "$@" | jq -r '"\(.date) \(.date_source)"'
}

@test "order of trust: header, published, dateline, url, none" {
	run source_of '{"date_raw":"2025-09-02","published_raw":"1 Sep. 2025, 10:00","dateline_date":"Aug. 30","url":"https://a.example/2025/08/28/x"}'
	assert_output "2025-09-02 header"
	run source_of '{"date_raw":null,"published_raw":"1 Sep. 2025, 10:00","dateline_date":"Aug. 30","url":"https://a.example/2025/08/28/x"}'
	assert_output "2025-09-01T10:00 published"
	run source_of '{"dateline_date":"Aug. 30","url":"https://a.example/2025/08/28/x"}'
	assert_output "2025-08-30 dateline"
	run source_of '{"url":"https://a.example/news/2025/08/28/x.html"}'
	assert_output "2025-08-28 url"
	run source_of '{"url":"https://a.example/story-2025-08-28"}'
	assert_output "null none"
	run source_of '{"url":"https://a.example/2025-08-28/x"}'
	assert_output "2025-08-28 url"
	run source_of '{"url":"https://a.example/20250828/x"}'
	assert_output "2025-08-28 url"
	run source_of '{"title":"Talks on September 3, 2025","body":"It happened on June 19, 2024."}'
	assert_output "null none"
}

@test "a dateline takes its year from the other dates or --ref" {
	run source_of '{"dateline_date":"September 3"}'
	assert_output "null none"
	run source_of '{"dateline_date":"September 3"}' --ref 2025-09-05
	assert_output "2025-09-03 dateline"
	run source_of '{"dateline_date":"Dec. 30"}' --ref 2026-01-02
	assert_output "2025-12-30 dateline"
	run source_of '{"date_raw":"2025","dateline_date":"Sept. 3"}'
	assert_output "2025-09-03 dateline"
	run source_of '{"dateline_date":"March 4, 2024"}'
	assert_output "2024-03-04 dateline"
}

@test "a bad header date falls through to the next source with a warning" {
	run --separate-stderr bash -c "echo '{\"id\":\"z\",\"date_raw\":\"April 31, 2025\",\"published_raw\":\"2 May 2025\"}' | normalize-date | jq -r '\"\(.date) \(.date_source)\"'"
	assert_success
	assert_output "2025-05-02 published"
	[[ $stderr == *"warning: z: impossible date in date_raw"* ]] || fail "stderr: $stderr"
}

@test "explicit dates in text" {
	check_dates 2025-08-30 "The treaty was signed on June 19, 2024 in the capital." "June 19, 2024=2024-06-19"
	check_dates 2025-08-30 "Prices fell in February 2022 and again in October, 2023." "February 2022=2022-02|October, 2023=2023-10"
	check_dates 2025-08-30 "The accord dates from 19 June 2024." "19 June 2024=2024-06-19"
	check_dates 2025-08-30 "A log entry read 2024-11-05 and 3/4/2024." "2024-11-05=2024-11-05|3/4/2024=2024-03-04"
	check_dates 2025-08-30 "The port opened in 1945 and closed since taking over in 2011." "1945=1945|2011=2011"
	check_dates 2025-08-30 "The fiscal 2024 figures were poor." "fiscal 2024=2024"
}

@test "ranges of days" {
	check_dates 2025-08-30 "Delegates will gather on October 4-5 in the city." "October 4-5=2025-10-04/2025-10-05"
	check_dates 2025-08-28 "The tour runs from Aug. 31 to Sept. 3 this year." "Aug. 31 to Sept. 3=2025-08-31/2025-09-03|this year=2025"
	check_dates 2025-12-20 "The fair runs Dec. 30 through Jan. 2." "Dec. 30 through Jan. 2=2025-12-30/2026-01-02"
}

@test "month and day without a year take the nearest year" {
	check_dates 2025-08-28 "Crowds are expected at a Sept. 3 rally." "Sept. 3=2025-09-03"
	check_dates 2026-01-05 "The vote held on Dec. 28 was annulled." "Dec. 28=2025-12-28"
	check_dates 2025-12-20 "Shops reopen on Jan. 3, the mayor said." "Jan. 3=2026-01-03"
}

@test "weekdays follow the tense of the sentence" {
	# 2025-08-30 is a Saturday; 2025-09-02 a Tuesday.
	check_dates 2025-08-30 "The ministry said Friday that prices rose." "Friday=2025-08-29"
	check_dates 2025-09-02 "On Wednesday the envoys will sign the deal." "Wednesday=2025-09-03"
	check_dates 2025-09-02 "The envoys met on Tuesday." "Tuesday=2025-09-02"
	check_dates 2025-09-02 "The envoys signed it on Thursday." "Thursday=2025-08-28"
	check_dates 2025-08-30 "They meet again next Wednesday." "next Wednesday=2025-09-03"
	check_dates 2025-08-30 "They met last Saturday." "last Saturday=2025-08-23"
	check_dates 2025-09-02 "By Friday evening the talks had ended." "Friday evening=2025-08-29"
	check_dates 2025-09-02 "Talks resume Monday, Sept. 8, officials said." "Monday, Sept. 8=2025-09-08"
}

@test "months without a year: the last one, or the next one in future tense" {
	check_dates 2025-08-28 "The plan was drafted in April." "April=2025-04"
	check_dates 2025-08-28 "The plan was drafted in October." "October=2024-10"
	check_dates 2025-08-28 "The plan will take effect in October." "October=2025-10"
	check_dates 2025-08-28 "The law passed last March." "last March=2025-03"
	check_dates 2025-08-28 "Exports fell in June last year." "June last year=2024-06"
	check_dates 2025-08-28 "Repairs may last until mid-September." "mid-September=2025-09"
	check_dates 2025-08-28 "It may rain today." "today=2025-08-28"
}

@test "relative days, weeks, months, years and quarters" {
	check_dates 2025-08-30 "Yesterday the bank cut rates; today it held; tomorrow it meets." "Yesterday=2025-08-29|today=2025-08-30|tomorrow=2025-08-31"
	check_dates 2025-08-30 "Talks are set for next week, after last week and this week." "next week=2025-W36|last week=2025-W34|this week=2025-W35"
	check_dates 2025-08-30 "Output rose last month and will rise next month." "last month=2025-07|next month=2025-09"
	check_dates 2025-08-30 "Sales rose last year and this year; next year is uncertain." "last year=2024|this year=2025|next year=2026"
	check_dates 2025-08-30 "Earlier this year and later this month rates moved." "Earlier this year=2025|later this month=2025-08"
	check_dates 2025-08-30 "Growth slowed in late 2024 and early this year." "late 2024=2024|early this year=2025"
	check_dates 2025-08-30 "The firm was founded two years ago, three weeks ago, five days ago." "two years ago=2023|three weeks ago=2025-W32|five days ago=2025-08-25"
	check_dates 2025-08-30 "Profit rose in the second quarter and the first half of 2024." "the second quarter=2025-Q2|the first half of 2024=2024-H1"
	check_dates 2025-08-30 "Crowds gathered this morning and tonight." "this morning=2025-08-30TMO|tonight=2025-08-30TNI"
	check_dates 2025-08-30 "Turnout was low last fall and will be this winter." "last fall=2024-FA|this winter=2025-WI"
	check_dates 2025-08-30 "Rates stay high until the end of the year." "the end of the year=2025"
}

@test "decades and vague references" {
	check_dates 2025-08-30 "Trade boomed in the 1990s and the 2010s." "the 1990s=199|the 2010s=201"
	check_dates 2025-08-30 "Ties deepened in recent months and recent years." "recent months=PAST_REF|recent years=PAST_REF"
	check_dates 2025-08-30 "Prices are now high and were recently low." "now=PRESENT_REF|recently=PAST_REF"
	check_dates 2025-08-30 "Such crises happened in the past and may return in the future." "past=PAST_REF|future=FUTURE_REF"
}

@test "numbers that are not dates are not listed" {
	check_dates 2025-08-30 "The 80th anniversary drew 6,000 troops from 26 foreign countries." ""
	check_dates 2025-08-30 "Some 59% approve of his 14-year rule; the lease ends in 66 years." ""
	check_dates 2025-08-30 "Doors open at 10:30 a.m. and the 2000 runners start at 11." ""
	check_dates 2025-08-30 "He paid \$1999 for room 1204; the score was 2003-1." ""
	check_dates 2025-08-30 "They may march, he said." ""
}

@test "without a publication date relative expressions are listed with null values" {
	check_dates "" "Yesterday, in June 2024, he met on Friday." "Yesterday=null|June 2024=2024-06|Friday=null"
	run --separate-stderr bash -c "echo '{\"body\":\"He left yesterday.\"}' | normalize-date --ref 2025-09-02 | jq -c '[.date, .date_source, .dates[0].value]'"
	assert_success
	assert_output '[null,"none","2025-09-01"]'
}

@test "offsets are code points into body; title expressions say so" {
	run --separate-stderr bash -c "jq -nc '{id:\"u\",date_raw:\"2025-09-02\",title:\"Café talks — Friday\",body:\"L’été — «today» ends.\"}' | normalize-date | jq -c .dates"
	assert_success
	assert_output '[{"text":"Friday","start":13,"end":19,"value":"2025-08-29","field":"title"},{"text":"today","start":9,"end":14,"value":"2025-09-02"}]'
}

@test "other fields pass through; owned fields are appended" {
	run --separate-stderr bash -c "echo '{\"id\":\"k\",\"date_raw\":\"Aug. 28, 2025\",\"x\":[1],\"body\":\"None.\"}' | normalize-date"
	assert_success
	assert_output '{"id":"k","date_raw":"Aug. 28, 2025","x":[1],"body":"None.","date":"2025-08-28","date_source":"header","date_modified":null,"dates":[]}'
}

@test "a record that already has the owned fields gets them replaced in place" {
	run --separate-stderr bash -c "echo '{\"date\":\"old\",\"id\":\"k\",\"date_raw\":\"2025-01-02\",\"dates\":5}' | normalize-date"
	assert_success
	assert_output '{"date":"2025-01-02","id":"k","date_raw":"2025-01-02","dates":[],"date_source":"header","date_modified":null}'
}

@test "a bad --ref is a usage error before any input is read" {
	run --separate-stderr normalize-date --ref 2025-02-30 </dev/null
	assert_failure 2
	assert_output ""
	assert_equal "${stderr_lines[0]}" "normalize-date: bad --ref '2025-02-30': want a calendar date, such as 2025-09-02"
	run --separate-stderr normalize-date --ref
	assert_failure 2
}

@test "--help lists the options" {
	run --separate-stderr normalize-date --help
	assert_success
	assert_output --partial "--dmy"
	assert_output --partial "--tz-china"
	assert_output --partial "--ref DATE"
}

@test "a bare month with no tense marker is the nearer one" {
	check_dates 2025-11-20 "A summit in January, then elections." "January=2026-01"
	check_dates 2025-11-20 "A summit in July, then elections." "July=2025-07"
	check_dates 2025-11-20 "The summit held in January ended." "January=2025-01"
}

# Found by fuzz/date.c: "0000" was read as year 0 and written 0000-08-30.
@test "a year written as 0000 is an impossible date, not 0000-08-30" {
	run --separate-stderr bash -c "printf '%s\n' '{\"id\":\"z\",\"date_raw\":\"30 Aug. 0000\"}' '{\"id\":\"y\",\"date_raw\":\"0000\"}' | normalize-date | jq -c '[.date, .date_source]'"
	assert_success
	assert_output $'[null,"none"]\n[null,"none"]'
	[[ $stderr == *'normalize-date: <stdin>:1: warning: z: impossible date in date_raw: "30 Aug. 0000"'* ]] || fail "$stderr"
}

@test "numeric dates in the order of the record's language: day first but in US English" {
	run bash -c "printf '%s\n' \
	    '{\"id\":\"gb\",\"language\":\"en-GB\",\"date_raw\":\"02/10/2020\",\"body\":\"Talks resume on 03/11/2020.\"}' \
	    '{\"id\":\"us\",\"language\":\"en-US\",\"date_raw\":\"02/10/2020\",\"body\":\"Talks resume on 03/11/2020.\"}' \
	    '{\"id\":\"en\",\"language\":\"en\",\"date_raw\":\"02/10/2020\"}' \
	    '{\"id\":\"es\",\"language\":\"es_ES\",\"date_raw\":\"02/10/2020\"}' \
	    '{\"id\":\"de\",\"language\":\"DE\",\"date_raw\":\"02/10/2020\"}' \
	    '{\"id\":\"none\",\"language\":null,\"date_raw\":\"02/10/2020\"}' \
	    '{\"id\":\"word\",\"language\":\"English\",\"date_raw\":\"02/10/2020\"}' \
	    | normalize-date | jq -c '[.id, .date, [.dates[]?.value]]'"
	assert_success
	assert_output - <<'EOF2'
["gb","2020-10-02",["2020-11-03"]]
["us","2020-02-10",["2020-03-11"]]
["en","2020-02-10",[]]
["es","2020-10-02",[]]
["de","2020-10-02",[]]
["none","2020-02-10",[]]
["word","2020-02-10",[]]
EOF2
	run bash -c "printf '%s\n' '{\"id\":\"us\",\"language\":\"en-US\",\"date_raw\":\"02/10/2020\"}' | normalize-date --dmy | jq -r .date"
	assert_output "2020-10-02"
}

@test "a numeric date that reads both ways is read in the order of the record's url date; a url may name its month" {
	run bash -c "printf '%s\n' \
	    '{\"id\":\"name\",\"date_raw\":\"03/11/2021\",\"url\":\"https://a.example/world/2021/nov/03/x\"}' \
	    '{\"id\":\"time\",\"date_raw\":\"03/11/2021 14:05\",\"url\":\"https://a.example/2021/11/03/x\",\"body\":\"Talks resume on 04/12/2021.\"}' \
	    '{\"id\":\"agree\",\"language\":\"en-US\",\"date_raw\":\"03/11/2021\",\"url\":\"https://a.example/2021/03/11/x\"}' \
	    '{\"id\":\"other\",\"date_raw\":\"03/11/2021\",\"url\":\"https://a.example/2021/05/01/x\"}' \
	    '{\"id\":\"dots\",\"date_raw\":\"03.11.2021\",\"url\":\"https://a.example/2021/03/11/x\"}' \
	    '{\"id\":\"pub\",\"published_raw\":\"3/11/2021\",\"url\":\"https://a.example/2021/03/11/x\",\"language\":\"fr\"}' \
	    '{\"id\":\"url\",\"url\":\"https://a.example/2025/august/28/x\"}' \
	    '{\"id\":\"word\",\"url\":\"https://a.example/2025/may-day/28/x\"}' \
	    | normalize-date | jq -c '[.id, .date, .date_source, [.dates[]?.value]]'"
	assert_success
	assert_output - <<'EOF2'
["name","2021-11-03","header",[]]
["time","2021-11-03T14:05","header",["2021-12-04"]]
["agree","2021-03-11","header",[]]
["other","2021-03-11","header",[]]
["dots","2021-11-03","header",[]]
["pub","2021-03-11","published",[]]
["url","2025-08-28","url",[]]
["word",null,"none",[]]
EOF2
	run bash -c "echo '{\"date_raw\":\"03/11/2021\",\"url\":\"https://a.example/2021/03/11/x\"}' | normalize-date --dmy | jq -r .date"
	assert_output "2021-11-03"
}

@test "date_modified: a web page's date_modified_raw in the form of date, read as date_raw is; null with a warning when it is no full date" {
	run --separate-stderr bash -c "printf '%s\\n' \
	    '{\"id\":\"w1\",\"date_raw\":\"2023-08-29T09:00:00Z\",\"date_modified_raw\":\"Mon, 04 Sep 2023 16:20:00 GMT\"}' \
	    '{\"id\":\"w2\",\"language\":\"de\",\"date_modified_raw\":\"Mi., 06.09.2023 - 14:30\"}' \
	    '{\"id\":\"w3\",\"date_raw\":\"03/09/2023\",\"date_modified_raw\":\"04/09/2023\",\"url\":\"https://a.example/2023/sep/03/x\"}' \
	    '{\"id\":\"w4\",\"date_modified_raw\":\"September 2023\"}' \
	    '{\"id\":\"w5\",\"date_modified_raw\":\"soon\"}' \
	    '{\"id\":\"t1\",\"date_raw\":\"2023-09-01\",\"date_modified_raw\":null}' \
	    | normalize-date | jq -c '[.id, .date, .date_modified]'"
	assert_success
	assert_output - <<'EOF2'
["w1","2023-08-29T09:00:00+00:00","2023-09-04T16:20:00+00:00"]
["w2",null,"2023-09-06T14:30"]
["w3","2023-09-03","2023-09-04"]
["w4",null,null]
["w5",null,null]
["t1","2023-09-01",null]
EOF2
	[[ $stderr == *'warning: w5: unreadable date in date_modified_raw: "soon"'* ]] || fail "$stderr"
}

@test "a record with no language: its numeric date in the order of its text's language" {
	es='El ayuntamiento dijo el lunes que la obra del puente empieza en mayo y que los vecinos de la zona pueden votar sobre el proyecto hasta el final del mes.'
	en='The council said on Monday that work on the bridge starts in May and that the people of the area can vote on the plan until the end of the month.'
	run bash -c "jq -nc --arg es \"\$0\" --arg en \"\$1\" '
	    {id:\"es\", date_raw:\"3/5/2022\", body:\$es},
	    {id:\"es-dash\", published_raw:\"03-05-2022 10:15\", body:\$es},
	    {id:\"en\", date_raw:\"3/5/2022\", body:\$en},
	    {id:\"tagged\", language:\"en\", date_raw:\"3/5/2022\", body:\$es},
	    {id:\"short\", date_raw:\"3/5/2022\", body:\"Hola y adiós.\"},
	    {id:\"iso\", date_raw:\"2022-03-05\", body:\$es}' | normalize-date | jq -c '[.id, .date]'" "$es" "$en"
	assert_success
	assert_output - <<'EOF2'
["es","2022-05-03"]
["es-dash","2022-05-03T10:15"]
["en","2022-03-05"]
["tagged","2022-03-05"]
["short","2022-03-05"]
["iso","2022-03-05"]
EOF2
}

@test "a record with no language, in English: its numeric date day first when the text spells the British way" {
	gb='The council has cancelled the programme for the town centre after neighbours said the colour of the new signs spoilt their favourite square.'
	us='The council has canceled the program for the town center after neighbors said the color of the new signs spoiled their favorite square.'
	one='The council has cancelled the plan for the square after people in the area said they did not like the new signs at all.'
	run bash -c "jq -nc --arg gb \"\$0\" --arg us \"\$1\" --arg one \"\$2\" '
	    {id:\"gb\", date_raw:\"12/04/2020\", body:\$gb},
	    {id:\"us\", date_raw:\"12/04/2020\", body:\$us},
	    {id:\"one-word\", date_raw:\"12/04/2020\", body:\$one},
	    {id:\"tagged\", language:\"en-US\", date_raw:\"12/04/2020\", body:\$gb}' | normalize-date | jq -c '[.id, .date]'" "$gb" "$us" "$one"
	assert_success
	assert_output - <<'EOF2'
["gb","2020-04-12"]
["us","2020-12-04"]
["one-word","2020-12-04"]
["tagged","2020-12-04"]
EOF2
}
