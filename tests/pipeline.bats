#!/usr/bin/env bats
# pipeline.sh: the five filters chained, on one core or many.

load helper

setup() {
	export NEWSPIPE_BIN=$BIN
	PIPELINE=$ROOT/pipeline.sh
}

# fake_stage NAME SCRIPT: a bin dir where NAME is replaced by SCRIPT.
fake_stage() {
	local d=$BATS_TEST_TMPDIR/fakebin p
	mkdir -p "$d"
	for p in split-header normalize-date tag-entities dedupe to-csv to-xlsx; do
		ln -sf "$BIN/$p" "$d/$p"
	done
	rm -f "$d/$1"
	printf '#!/bin/sh\n%s\n' "$2" >"$d/$1"
	chmod +x "$d/$1"
	echo "$d"
}

@test "pipeline.sh --help and --version" {
	run --separate-stderr "$PIPELINE" --help
	assert_success
	assert_line --index 0 "usage: pipeline.sh [options] PATH..."
	assert_output --partial "Example:"
	run --separate-stderr "$PIPELINE" --version
	assert_success
	assert_output "pipeline.sh (newspipe) $VERSION"
}

@test "pipeline.sh: bad usage exits 2 with nothing on stdout" {
	for args in "" "--bogus seeds" "--jobs 0 seeds" "--jobs x seeds" "--explode people seeds"; do
		run --separate-stderr "$PIPELINE" $args
		assert_failure 2
		assert_output ""
		[[ $stderr == *"usage: pipeline.sh"* ]] || fail "args '$args': $stderr"
	done
}

@test "pipeline.sh writes one CSV row per seed article" {
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 '$SEEDS' | mlr --icsv --ojson cat | jq -r '.[].id'"
	assert_success
	assert_output "$(ls "$SEEDS" | sed 's/\.txt$//')"
}

@test "pipeline.sh: --jobs 4 gives the same bytes as --jobs 1" {
	local d=$BATS_TEST_TMPDIR/many i
	mkdir -p "$d"
	for i in $(seq 1 40); do
		cp "$SEEDS/00$((i % 5))_"*.txt "$d/a$i.txt"
		printf 'Headline number %d\n\nA story about the city of Varnholt and its mayor Elsa Quint, told %d times.\n' "$i" "$i" >"$d/b$i.txt"
	done
	"$PIPELINE" --jobs 1 "$d" >"$BATS_TEST_TMPDIR/one.csv"
	"$PIPELINE" --jobs 4 "$d" >"$BATS_TEST_TMPDIR/four.csv"
	cmp "$BATS_TEST_TMPDIR/one.csv" "$BATS_TEST_TMPDIR/four.csv"
	"$PIPELINE" --jobs 1 --ndjson "$d" >"$BATS_TEST_TMPDIR/one.json"
	"$PIPELINE" --jobs 4 --ndjson "$d" >"$BATS_TEST_TMPDIR/four.json"
	cmp "$BATS_TEST_TMPDIR/one.json" "$BATS_TEST_TMPDIR/four.json"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/one.json")" -gt 40 ]
}

@test "pipeline.sh: --jobs N is tag-entities --threads N, one process, no GNU parallel" {
	NEWSPIPE_BIN=$(fake_stage tag-entities 'echo "$*" >>"$(dirname "$0")/args"; exec "'"$BIN"'/tag-entities" "$@"')
	export NEWSPIPE_BIN
	# a PATH without GNU parallel, should it be installed
	mkdir -p "$BATS_TEST_TMPDIR/path"
	for t in bash sh cat awk mktemp mkfifo readlink chmod rm mv dirname nproc date sleep kill; do
		ln -sf "$(command -v $t)" "$BATS_TEST_TMPDIR/path/$t"
	done
	for jobs in 1 3; do
		PATH=$BATS_TEST_TMPDIR/path run --separate-stderr "$PIPELINE" --jobs "$jobs" "$SEEDS"
		assert_success
		[ "${#lines[@]}" -eq 6 ]
	done
	# each stage runs once on no input first, to judge its options
	run sort -u "$NEWSPIPE_BIN/args"
	assert_output $'--rejects-ok --max-bytes 0 --threads 1\n--rejects-ok --max-bytes 0 --threads 3'
	run --separate-stderr "$PIPELINE" --jobs 257 "$SEEDS"
	assert_failure 2
}

@test "pipeline.sh: a failing stage fails the run and is named" {
	for jobs in 1 3; do
		NEWSPIPE_BIN=$(fake_stage dedupe 'cat >/dev/null; echo "dedupe: broken" >&2; exit 3')
		export NEWSPIPE_BIN
		run --separate-stderr "$PIPELINE" --jobs "$jobs" "$SEEDS"
		assert_failure 1
		[[ $stderr == *"dedupe: broken"*"pipeline.sh: stage dedupe failed (status 3)"* ]] || fail "$stderr"
	done
}

@test "pipeline.sh -o leaves no partial file behind on failure, and keeps the old one" {
	printf 'old\n' >"$BATS_TEST_TMPDIR/out.csv"
	NEWSPIPE_BIN=$(fake_stage to-csv 'head -c 10; exit 1')
	export NEWSPIPE_BIN
	run --separate-stderr "$PIPELINE" --jobs 1 -o "$BATS_TEST_TMPDIR/out.csv" "$SEEDS"
	assert_failure 1
	[[ $stderr == *"stage to-csv failed (status 1)"* ]] || fail "$stderr"
	[ "$(cat "$BATS_TEST_TMPDIR/out.csv")" = old ]
	run ls -A "$BATS_TEST_TMPDIR"
	refute_output --partial "out.csv."
}

@test "pipeline.sh -o writes the file on success, nothing on stdout" {
	run --separate-stderr "$PIPELINE" --jobs 1 -o "$BATS_TEST_TMPDIR/out.csv" "$SEEDS"
	assert_success
	assert_output ""
	[ "$(head -c 3 "$BATS_TEST_TMPDIR/out.csv")" = "id," ]
	[ "$(mlr --icsv --ojson cat "$BATS_TEST_TMPDIR/out.csv" | jq length)" -eq 5 ]
}

@test "pipeline.sh: paths with spaces and non-ASCII names" {
	local d="$BATS_TEST_TMPDIR/My News/Žurnál 記事"
	mkdir -p "$d"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$d/première story.txt"
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 '$d' | mlr --icsv --ojson cat | jq -r '.[0].id, .[0].source'"
	assert_success
	assert_output "première story
$d/première story.txt"
}

@test "pipeline.sh: a rejected article is reported but fails the run only with --strict" {
	local d=$BATS_TEST_TMPDIR/in
	mkdir -p "$d"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$d/good.txt"
	printf 'Bad \x81 bytes\n' >"$d/bad.txt"
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 '$d' | mlr --icsv --ojson cat | jq -r '.[].id'"
	assert_success
	assert_output "good"
	[[ $stderr == *"split-header: $d/bad.txt: invalid UTF-8 at byte 5"* ]] || fail "$stderr"
	run --separate-stderr "$PIPELINE" --jobs 1 --strict "$d"
	assert_failure 1
}

@test "pipeline.sh: a missing path fails the run" {
	run --separate-stderr "$PIPELINE" --jobs 1 "$SEEDS" "$BATS_TEST_TMPDIR/nope"
	assert_failure 1
	[[ $stderr == *"split-header: $BATS_TEST_TMPDIR/nope: No such file or directory"* ]] || fail "$stderr"
	[[ $stderr == *"pipeline.sh: stage split-header failed (status 1)"* ]] || fail "$stderr"
}

@test "pipeline.sh seeds/ gives exactly the reviewed CSV" {
	run --separate-stderr bash -c "cd '$ROOT' && ./pipeline.sh --jobs 2 seeds/ | cmp - tests/fixtures/pipeline/seeds.csv"
	assert_success
	[ -z "$stderr" ] || fail "stderr: $stderr"
}

# --- Output targets, readers that close early, rejects, signals, usage
# errors and the progress line (issue 17).

# distinct_articles DIR N: N raw articles with bodies of about 1.5 kB,
# different enough that dedupe keeps them all.
distinct_articles() {
	mkdir -p "$1"
	awk -v d="$1" -v n="$2" 'BEGIN {
		split("ka lo mi ne su ta ri vo pe zu ga hi do fe", s, " ")
		for (i = 0; i < n; i++) {
			f = d "/a" i ".txt"; x = i * 7919 + 13
			printf "Headline number %d\n\n", i >f
			for (k = 0; k < 250; k++) {
				x = (x * 1103515245 + 12345) % 2147483648
				printf "%s%s%s ", s[int(x / 7) % 14 + 1], s[int(x / 97) % 14 + 1], s[int(x / 1009) % 14 + 1] >f
			}
			printf "\n" >f
			close(f)
		}
	}'
}

# marker_stage NAME: a bin dir where NAME leaves $BATS_TEST_TMPDIR/ran,
# then runs as itself: to see whether the run started any work.
marker_stage() {
	fake_stage "$1" "touch '$BATS_TEST_TMPDIR/ran'; exec '$BIN/$1' \"\$@\""
}

@test "pipeline.sh -o through a symbolic link writes the file it points to, keeping its mode" {
	local t=$BATS_TEST_TMPDIR/w
	mkdir "$t"
	"$PIPELINE" --jobs 1 "$SEEDS" >"$t/ref.csv"
	printf 'old\n' >"$t/real.csv"
	chmod 640 "$t/real.csv"
	ln -s real.csv "$t/link.csv"
	run --separate-stderr "$PIPELINE" --jobs 1 -o "$t/link.csv" "$SEEDS"
	assert_success
	[ -L "$t/link.csv" ] || fail "the link was replaced"
	[ "$(stat -c %a "$t/real.csv")" = 640 ] || fail "mode $(stat -c %a "$t/real.csv")"
	cmp "$t/real.csv" "$t/ref.csv"
	# A new file gets the mode the umask gives, as > would.
	(umask 027 && "$PIPELINE" --jobs 1 -o "$t/new.csv" "$SEEDS")
	[ "$(stat -c %a "$t/new.csv")" = 640 ] || fail "new file mode $(stat -c %a "$t/new.csv")"
	run ls -A "$t"
	assert_output $'link.csv\nnew.csv\nreal.csv\nref.csv'
}

@test "pipeline.sh -o into a FIFO or a device writes into it and leaves it there" {
	local t=$BATS_TEST_TMPDIR
	"$PIPELINE" --jobs 1 "$SEEDS" >"$t/ref.csv"
	mkfifo "$t/out.fifo"
	cat "$t/out.fifo" >"$t/got.csv" &
	local reader=$!
	run --separate-stderr timeout 60 "$PIPELINE" --jobs 1 -o "$t/out.fifo" "$SEEDS"
	assert_success
	wait "$reader"
	[ -p "$t/out.fifo" ] || fail "the FIFO was replaced"
	cmp "$t/got.csv" "$t/ref.csv"
	if mknod "$t/null" c 1 3 2>/dev/null; then
		run --separate-stderr "$PIPELINE" --jobs 1 -o "$t/null" "$SEEDS"
		assert_success
		[ -c "$t/null" ] || fail "the device was replaced by: $(ls -l "$t/null")"
	fi
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 -o /dev/stdout '$SEEDS' | cmp - '$t/ref.csv'"
	assert_success
}

@test "pipeline.sh -o to a folder, or into a folder that is not there, fails before any work" {
	local t=$BATS_TEST_TMPDIR
	NEWSPIPE_BIN=$(marker_stage split-header)
	export NEWSPIPE_BIN
	mkdir "$t/dir"
	run --separate-stderr "$PIPELINE" --jobs 1 -o "$t/dir" "$SEEDS"
	assert_failure 1
	[ "$stderr" = "pipeline.sh: $t/dir: a folder, not a file to write" ] || fail "$stderr"
	[ -z "$(ls -A "$t/dir")" ] || fail "wrote into the folder"
	run --separate-stderr "$PIPELINE" --jobs 1 -o "$t/no/such/x.csv" "$SEEDS"
	assert_failure 1
	[ "$stderr" = "pipeline.sh: $t/no/such/x.csv: no folder $t/no/such to write it in" ] || fail "$stderr"
	[ ! -e "$t/ran" ] || fail "a stage ran"
}

@test "pipeline.sh | head -1 ends quietly with status 0" {
	local d=$BATS_TEST_TMPDIR/many jobs fmt
	distinct_articles "$d" 400
	for jobs in 1 3; do
		for fmt in --fields=id,body --ndjson; do
			run bash -c "'$PIPELINE' --jobs $jobs $fmt '$d' 2>'$BATS_TEST_TMPDIR/err' | head -1 >/dev/null; echo \${PIPESTATUS[0]}"
			[ "$output" = 0 ] || fail "--jobs $jobs $fmt: status $output: $(cat "$BATS_TEST_TMPDIR/err")"
			[ ! -s "$BATS_TEST_TMPDIR/err" ] || fail "--jobs $jobs $fmt: $(cat "$BATS_TEST_TMPDIR/err")"
		done
	done
}

@test "pipeline.sh: a stage that fails is named once, the others' broken pipes are not" {
	NEWSPIPE_BIN=$(fake_stage dedupe 'head -n 1; exit 3')
	export NEWSPIPE_BIN
	distinct_articles "$BATS_TEST_TMPDIR/many" 400
	run --separate-stderr "$PIPELINE" --jobs 1 --ndjson "$BATS_TEST_TMPDIR/many"
	assert_failure 1
	[ "$stderr" = "pipeline.sh: stage dedupe failed (status 3)" ] || fail "$stderr"
}

@test "pipeline.sh --rejects FILE lists every rejected input with its stage and reason" {
	local d=$BATS_TEST_TMPDIR/in r=$BATS_TEST_TMPDIR/rej.ndjson
	mkdir -p "$d"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$d/good.txt"
	printf 'Bad \x81 bytes\n' >"$d/bad.txt"
	run --separate-stderr "$PIPELINE" --jobs 1 --rejects "$r" "$d"
	assert_success
	[ "$(mlr --icsv --ojson cat <<<"$output" | jq -r '.[].id')" = good ] || fail "$output"
	[ "$(jq -c . "$r")" = "{\"program\":\"split-header\",\"file\":\"$d/bad.txt\",\"reason\":\"invalid UTF-8 at byte 5 (not Windows-1252 either; name its encoding with --encoding)\"}" ] || fail "$(cat "$r")"
	[[ $stderr == *"pipeline.sh: 1 rejected input listed in $r"* ]] || fail "$stderr"
	[[ $stderr != *newspipe.* ]] || fail "names a temporary file: $stderr"
	# A line rejected by a later stage is kept whole, with its stage.
	NEWSPIPE_BIN=$(fake_stage split-header 'printf "not json\n{\"id\":\"a\",\"body\":\"Fine words.\"}\n"')
	export NEWSPIPE_BIN
	rm -f "$r"
	run --separate-stderr "$PIPELINE" --jobs 1 --ndjson --rejects "$r" "$d"
	assert_success
	[ "$(jq -r .id <<<"$output")" = a ] || fail "$output"
	[ "$(jq -c '[.program, .file, .line, .input]' "$r")" = '["normalize-date","<stdin>",1,"not json"]' ] || fail "$(cat "$r")"
	[ "$(jq -r .reason "$r")" = "invalid JSON at column 3: invalid token near 'not'" ] || fail "$(cat "$r")"
}

@test "pipeline.sh without --rejects names no temporary file" {
	local d=$BATS_TEST_TMPDIR/in
	mkdir -p "$d"
	printf 'Bad \x81 bytes\n' >"$d/bad.txt"
	run --separate-stderr "$PIPELINE" --jobs 1 "$d"
	assert_success
	[ "$stderr" = "split-header: $d/bad.txt: invalid UTF-8 at byte 5 (not Windows-1252 either; name its encoding with --encoding)
split-header: 1 of 1 records rejected" ] || fail "$stderr"
}

# ignored_here N: signal N is ignored in this shell (so in what it starts).
ignored_here() {
	local mask
	mask=$(awk '/^SigIgn:/ { print $2 }' "/proc/$BASHPID/status")
	(( (16#$mask >> ($1 - 1)) & 1 ))
}

@test "pipeline.sh killed: its stages end with it and its temporary files go" {
	local t=$BATS_TEST_TMPDIR/w sig pid st i left want
	mkdir -p "$t/tmp"
	mkfifo "$t/in.txt"
	printf 'old\n' >"$t/x.csv"
	: >"$t/pid"
	for sig in KILL TERM HUP INT; do
		# A signal ignored when the shell starts (HUP under nohup) cannot
		# be trapped: pipeline.sh then rightly goes on, as it was told.
		if [ $sig = HUP ] && ignored_here 1; then
			continue
		fi
		# The FIFO held open: split-header waits in read, the rest in theirs.
		# With --rejects every stage names the run's temporary folder.
		exec 4<>"$t/in.txt"
		if [ $sig = INT ]; then
			# A terminal's Ctrl-C goes to the foreground process group:
			# here a group of its own, with SIGINT not ignored as it is
			# for a background job.
			python3 -c 'import os, signal, sys
os.setsid(); signal.signal(signal.SIGINT, signal.SIG_DFL)
open(sys.argv[1], "w").write(str(os.getpid())); os.execvp(sys.argv[2], sys.argv[2:])' \
			    "$t/pid" env TMPDIR="$t/tmp" "$PIPELINE" --jobs 1 --rejects "$t/rej" -o "$t/x.csv" "$t/in.txt" 2>"$t/err" &
		else
			TMPDIR=$t/tmp "$PIPELINE" --jobs 1 --rejects "$t/rej" -o "$t/x.csv" "$t/in.txt" 2>"$t/err" &
		fi
		pid=$!
		for ((i = 0; i < 100; i++)); do
			[ "$(pgrep -f -- "$t/tmp/" | wc -l)" -ge 5 ] && break
			sleep 0.1
		done
		if [ "$(pgrep -f -- "$t/tmp/" | wc -l)" -lt 5 ]; then
			kill $pid $(pgrep -f -- "$t/") 2>/dev/null
			fail "$sig: the stages did not start: $(cat "$t/err")"
		fi
		if [ $sig = INT ]; then kill -INT -- "-$(cat "$t/pid")"; else kill -$sig $pid; fi
		st=0
		wait $pid || st=$?
		for ((i = 0; i < 50; i++)); do
			[ -z "$(pgrep -f -- "$t/tmp/")" ] && break
			sleep 0.1
		done
		left=$(pgrep -f -- "$t/tmp/" | tr '\n' ' ')
		exec 4>&-
		[ -z "$left" ] || { kill $left $(pgrep -f -- "$t/"); fail "$sig: stages left running"; }
		case $sig in KILL) want=137 ;; TERM) want=143 ;; HUP) want=129 ;; INT) want=130 ;; esac
		[ "$st" -eq "$want" ] || fail "$sig: status $st"
		[ -z "$(ls -A "$t/tmp")" ] || fail "$sig: temporary files left: $(ls -A "$t/tmp")"
		run ls -A "$t"
		assert_output $'err\nin.txt\npid\nrej\ntmp\nx.csv'
		[ "$(cat "$t/x.csv")" = old ] || fail "$sig: the old file changed"
		: >"$t/pid"
	done
}

@test "pipeline.sh: a bad option value is bad usage of pipeline.sh, before any work" {
	NEWSPIPE_BIN=$(marker_stage split-header)
	export NEWSPIPE_BIN
	local args want
	while IFS='|' read -r args want; do
		run --separate-stderr "$PIPELINE" $args "$SEEDS"
		assert_failure 2
		assert_output ""
		[[ ${stderr_lines[0]} == "pipeline.sh: $want"* ]] || fail "$args: $stderr"
		[ "${stderr_lines[1]}" = "usage: pipeline.sh [options] PATH..." ] || fail "$args: $stderr"
	done <<'CASES'
--threshold 5|bad --threshold '5': want a number, 0 < T <= 1
--threshold=x|bad --threshold 'x': want a number, 0 < T <= 1
--max-bytes lots|bad --max-bytes 'lots': want a whole number of bytes, with K, M or G for 2^10, 2^20, 2^30
--fields id,nosuch|bad --fields 'id,nosuch': the records have no field 'nosuch'
--fields=titel.x|bad --fields 'titel.x': the records have no field 'titel'
--max-bytes=-1|bad --max-bytes '-1': want a whole number of bytes, with K, M or G for 2^10, 2^20, 2^30
CASES
	[ ! -e "$BATS_TEST_TMPDIR/ran" ] || fail "a stage ran"
}

@test "pipeline.sh --fields knows exactly the fields the records have" {
	run --separate-stderr "$PIPELINE" --fields nosuch "$SEEDS"
	assert_failure 2
	local listed have
	listed=$(sed -n "s/.*(they are: \(.*\))$/\1/p" <<<"${stderr_lines[0]}" | tr -d ' ' | tr ',' '\n' | sort)
	have=$("$PIPELINE" --jobs 1 --ndjson --mark-duplicates --stories "$SEEDS" | jq -r 'keys[]' | sort -u)
	[ -n "$listed" ] || fail "$stderr"
	[ "$listed" = "$have" ] || fail "listed: $listed; records: $have"
	run --separate-stderr "$PIPELINE" --jobs 1 --fields 'id,entity_counts.x,dates.0.value' "$SEEDS"
	assert_success
}

@test "pipeline.sh -- passes a path that starts with a dash" {
	mkdir "$BATS_TEST_TMPDIR/-dash"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$BATS_TEST_TMPDIR/-dash/a.txt"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr "$PIPELINE" --jobs 1 --ndjson -- -dash
	assert_success
	[ "$(jq -r .source <<<"$output")" = "-dash/a.txt" ] || fail "$output $stderr"
}

@test "pipeline.sh --help and --version into a full disk exit 1" {
	for opt in --help --version; do
		run --separate-stderr bash -c "'$PIPELINE' $opt >/dev/full"
		assert_failure 1
		[ "$stderr" = "pipeline.sh: write error: No space left on device" ] || fail "$opt: $stderr"
	done
}

# screen FILE: what a terminal shows for the bytes in FILE: \r returns to
# the start of the line, ESC [ K clears the rest of it.
screen() {
	python3 -c '
import sys
lines, cur, col = [], [], 0
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
i = 0
while i < len(data):
    if data.startswith("\x1b[K", i):
        del cur[col:]; i += 3; continue
    c = data[i]
    if c == "\r": col = 0
    elif c == "\n": lines.append("".join(cur)); cur, col = [], 0
    else:
        if col < len(cur): cur[col] = c
        else: cur.append(c)
        col += 1
    i += 1
if cur: lines.append("".join(cur))
print("\n".join(l.rstrip() for l in lines))' "$1"
}

@test "pipeline.sh: on a terminal the progress line never shares a line with a message" {
	local d=$BATS_TEST_TMPDIR/in t=$BATS_TEST_TMPDIR
	mkdir -p "$d"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$d/a.txt"
	cp "$SEEDS/002_7a54de7a8e341bbb.txt" "$d/b.txt"
	cp "$SEEDS/004_"*.txt "$d/c.txt"
	# A slow stage, so that the progress line is up when dedupe speaks.
	NEWSPIPE_BIN=$(fake_stage normalize-date "sleep 1.2; exec '$BIN/normalize-date' \"\$@\"")
	export NEWSPIPE_BIN
	script -qec "'$PIPELINE' --jobs 1 -o '$t/out.csv' '$d'" /dev/null >"$t/tty"
	run screen "$t/tty"
	assert_line "dedupe: in 3, out 2, exact 1, near 0, empty 0"
	[[ ${lines[-1]} == "pipeline.sh: 3 read, 2 written, "*" articles/s" ]] || fail "$output"
	[ "$(mlr --icsv --ojson cat "$t/out.csv" | jq length)" -eq 2 ]
}

@test "pipeline.sh --xlsx -o: a workbook of the seeds, one row each, nothing on stdout" {
	run --separate-stderr "$PIPELINE" --jobs 1 --xlsx -o "$BATS_TEST_TMPDIR/out.xlsx" "$SEEDS"
	assert_success
	assert_output ""
	[ -z "$stderr" ] || fail "stderr: $stderr"
	run bash -c "'$ROOT/tests/xlsx-read' '$BATS_TEST_TMPDIR/out.xlsx' | jq -r '.sheets[] | .name, (.rows[1:][][0])'"
	assert_output "articles
$(ls "$SEEDS" | sed 's/\.txt$//')"
}

@test "pipeline.sh --xlsx --explode entities: the entities in a sheet beside the articles" {
	"$PIPELINE" --jobs 1 --xlsx --explode entities --fields id,title "$SEEDS" >"$BATS_TEST_TMPDIR/out.xlsx"
	run bash -c "'$ROOT/tests/xlsx-read' '$BATS_TEST_TMPDIR/out.xlsx' | jq -c '.sheets[] | [.name, .rows[0]]'"
	assert_output '["articles",["id","title"]]
["entities",["id","date","date_text","title","entity","type","mentions"]]'
}

@test "pipeline.sh --xlsx: bad usage with --ndjson or --excel, or a terminal on stdout" {
	for args in "--ndjson" "--excel"; do
		run --separate-stderr "$PIPELINE" --xlsx $args -o "$BATS_TEST_TMPDIR/x.xlsx" "$SEEDS"
		assert_failure 2
		[[ $stderr == "pipeline.sh: --"* ]] || fail "$args: $stderr"
	done
	run --separate-stderr python3 -c '
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.run(sys.argv[1:], stdout=slave, stderr=subprocess.PIPE)
sys.stderr.write(p.stderr.decode())
sys.exit(p.returncode)' "$PIPELINE" --xlsx "$SEEDS"
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "pipeline.sh: --xlsx writes a binary file: give -o FILE or redirect stdout"
	[ ! -e "$BATS_TEST_TMPDIR/x.xlsx" ]
}

@test "pipeline.sh --xlsx -o keeps the old file when to-xlsx fails" {
	printf 'old\n' >"$BATS_TEST_TMPDIR/out.xlsx"
	NEWSPIPE_BIN=$(fake_stage to-xlsx 'head -c 10; exit 1')
	export NEWSPIPE_BIN
	run --separate-stderr "$PIPELINE" --jobs 1 --xlsx -o "$BATS_TEST_TMPDIR/out.xlsx" "$SEEDS"
	assert_failure 1
	[[ $stderr == *"stage to-xlsx failed (status 1)"* ]] || fail "$stderr"
	[ "$(cat "$BATS_TEST_TMPDIR/out.xlsx")" = old ]
}

@test "pipeline.sh --stories: a story column, the five seeds in one story" {
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 --stories '$SEEDS' | mlr --icsv --ojson cat | jq -r '.[] | [.id, .duplicate_of, .story] | @tsv'"
	assert_success
	assert_output "$(ls "$SEEDS" | sed 's/\.txt$//' | awk '{ print $0 "\t\t000_18965f208f03d3d7" }')"
	run --separate-stderr bash -c "'$PIPELINE' --jobs 1 --stories --ndjson '$SEEDS' | jq -r .story_size | uniq -c"
	assert_output "      5 5"
}
