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
	for t in bash sh cat awk mktemp rm mv dirname nproc date sleep kill; do
		ln -sf "$(command -v $t)" "$BATS_TEST_TMPDIR/path/$t"
	done
	for jobs in 1 3; do
		PATH=$BATS_TEST_TMPDIR/path run --separate-stderr "$PIPELINE" --jobs "$jobs" "$SEEDS"
		assert_success
		[ "${#lines[@]}" -eq 6 ]
	done
	run sed 's| [^ ]*/tag-entities.rej$| REJ|' "$NEWSPIPE_BIN/args"
	assert_output $'--threads 1 --rejects REJ\n--threads 3 --rejects REJ'
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
	printf 'Bad \xff bytes\n' >"$d/bad.txt"
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
