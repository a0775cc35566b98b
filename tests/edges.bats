#!/usr/bin/env bats
# The edges of files and sizes (issue 17): directory loops, FIFOs and
# devices among the articles, articles over --max-bytes, the first day of
# a saved dedupe index.  The pipeline's edges are in pipeline-edges.bats.

load helper

# article FILE TITLE: a small raw article.
article() {
	printf '%s\n\nThe %s story has a body of its own, in plain words.\n' "$2" "$2" >"$1"
}

@test "split-header: a symbolic link loop is walked once and reported once" {
	local d=$BATS_TEST_TMPDIR/L
	mkdir -p "$d/sub"
	article "$d/a.txt" Alpha
	article "$d/sub/b.txt" Beta
	ln -s .. "$d/sub/loop"
	ln -s sub/loop "$d/loop2"
	run --separate-stderr timeout 20 split-header "$d"
	assert_success
	[ "$(jq -r .id <<<"$output" | tr '\n' ' ')" = "a b " ] || fail "ids: $(jq -r .id <<<"$output" | head -5)"
	[ "$stderr" = "split-header: $d/loop2: warning: a loop back to $d, not followed
split-header: $d/sub/loop: warning: a loop back to $d, not followed" ] || fail "$stderr"
}

@test "split-header: two ways into one directory read it once" {
	local d=$BATS_TEST_TMPDIR/two
	mkdir -p "$d/real"
	article "$d/real/a.txt" Alpha
	ln -s real "$d/via"
	run --separate-stderr timeout 20 split-header "$d"
	assert_success
	[ "$(jq -r .source <<<"$output")" = "$d/real/a.txt" ] || fail "$output"
	[ "$stderr" = "split-header: $d/via: warning: the same directory as $d/real, read once" ] || fail "$stderr"
}

@test "split-header: a FIFO, a socket or a device in a folder is skipped with a message" {
	local d=$BATS_TEST_TMPDIR/special
	mkdir -p "$d"
	article "$d/a.txt" Alpha
	mkfifo "$d/b-pipe.txt"
	python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$d/c-sock.txt"
	ln -s /dev/null "$d/d-null.txt"
	article "$d/e.txt" Echo
	run --separate-stderr timeout 20 split-header "$d"
	assert_success
	[ "$(jq -r .id <<<"$output" | tr '\n' ' ')" = "a e " ] || fail "$output"
	[ "$stderr" = "split-header: $d/b-pipe.txt: warning: a FIFO, not a regular file: skipped
split-header: $d/c-sock.txt: warning: a socket, not a regular file: skipped
split-header: $d/d-null.txt: warning: a device, not a regular file: skipped" ] || fail "$stderr"
}

@test "split-header: a FIFO named as an operand is read" {
	local f=$BATS_TEST_TMPDIR/pipe.txt
	mkfifo "$f"
	article "$BATS_TEST_TMPDIR/src.txt" Alpha
	cat "$BATS_TEST_TMPDIR/src.txt" >"$f" &
	run --separate-stderr timeout 20 split-header "$f"
	assert_success
	[ "$(jq -r .title <<<"$output")" = "Alpha" ] || fail "$output"
	[ -z "$stderr" ] || fail "$stderr"
}

@test "split-header: an article over --max-bytes is rejected, the others are read" {
	local d=$BATS_TEST_TMPDIR/sizes
	mkdir -p "$d"
	article "$d/a.txt" Alpha
	{ echo Big; echo; head -c 5000 /dev/zero | tr '\0' 'x'; echo; } >"$d/b.txt"
	article "$d/c.txt" Gamma
	run --separate-stderr split-header --max-bytes 2000 "$d"
	assert_failure 1
	[ "$(jq -r .id <<<"$output" | tr '\n' ' ')" = "a c " ] || fail "$output"
	[ "$stderr" = "split-header: $d/b.txt: an article of 5006 bytes, over --max-bytes 2000
split-header: 1 of 3 records rejected" ] || fail "$stderr"
	# On standard input the size is known only by reading it: the rest
	# is counted, not kept.
	run --separate-stderr split-header --max-bytes 2K <"$d/b.txt"
	assert_failure 1
	assert_output ""
	[ "$stderr" = "split-header: <stdin>: an article of 5006 bytes, over --max-bytes 2048
split-header: 1 of 1 records rejected" ] || fail "$stderr"
	run --separate-stderr split-header --max-bytes 5006 "$d/b.txt"
	assert_success
}

@test "a line over --max-bytes is rejected with its size and copied whole to --rejects" {
	local f=$BATS_TEST_TMPDIR/in big
	big="{\"id\":\"b\",\"body\":\"$(head -c 300000 /dev/zero | tr '\0' 'y')\"}"
	{ records 1; printf '%s\n' "$big"; records 3 | tail -n 1; } >"$f"
	for p in $NDJSON_READERS; do
		rm -f "$BATS_TEST_TMPDIR/rej"
		run --separate-stderr $(cmd "$p") --max-bytes 100K --rejects "$BATS_TEST_TMPDIR/rej" "$f"
		assert_failure 1
		[[ ${stderr_lines[0]} == "$p: $f:2: a line of 300020 bytes, over --max-bytes 102400" ]] || fail "$p: $stderr"
		[ "$(cat "$BATS_TEST_TMPDIR/rej")" = "$big" ] || fail "$p: rejects file differs"
		[ "$p" = to-xlsx ] || [[ $output == *r1* && $output == *r3* && $output != *yyy* ]] || fail "$p: $output"
	done
}

@test "--max-bytes: the default is 64 MiB, 0 means no limit, and bad values are bad usage" {
	run --separate-stderr normalize-date --help
	[[ $output == *"--max-bytes N"*"(default 64M)"* ]] || fail "$output"
	for p in split-header $NDJSON_READERS; do
		run --separate-stderr "$p" --max-bytes lots </dev/null
		assert_failure 2
		[ "${stderr_lines[0]}" = "$p: bad --max-bytes 'lots': want a whole number of bytes, with K, M or G for 2^10, 2^20, 2^30" ] || fail "$p: $stderr"
	done
	records 2 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr normalize-date --max-bytes 0 "$BATS_TEST_TMPDIR/in"
	assert_success
	run --separate-stderr normalize-date --max-bytes 10 "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	[ "${stderr_lines[2]}" = "normalize-date: 2 of 2 records rejected" ] || fail "$stderr"
}

@test "a record just over the default 64 MiB is rejected; past the limit nothing is kept" {
	local f=$BATS_TEST_TMPDIR/huge
	{ printf '{"id":"h","body":"'; head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' z; printf '"}\n'; records 1; } >"$f"
	run --separate-stderr dedupe "$f"
	assert_failure 1
	[ "${stderr_lines[0]}" = "dedupe: $f:1: a line of 67108884 bytes, over --max-bytes 67108864" ] || fail "$stderr"
	[ "$(jq -r .id <<<"$output")" = r1 ] || fail "$output"
	# Peak memory in kB (GNU time's last line) against the same program
	# on one small record: the line is not read into memory past 1 MiB.
	records 1 >"$BATS_TEST_TMPDIR/small"
	run --separate-stderr /usr/bin/time -f '%M' dedupe "$BATS_TEST_TMPDIR/small"
	local ref=${stderr_lines[-1]}
	run --separate-stderr /usr/bin/time -f '%M' dedupe --max-bytes 1M "$f"
	assert_failure 1
	[ "${stderr_lines[-1]}" -lt $((ref + 8192)) ] || fail "peak ${stderr_lines[-1]} kB, $ref kB on one small record"
}

@test "dedupe: a --load-index file that does not exist yet is an empty index" {
	local idx=$BATS_TEST_TMPDIR/seen.idx
	records 3 >"$BATS_TEST_TMPDIR/day1"
	run --separate-stderr dedupe --load-index "$idx" --save-index "$idx" "$BATS_TEST_TMPDIR/day1"
	assert_success
	[ "$stderr" = "dedupe: $idx: no index yet: starting with an empty one" ] || fail "$stderr"
	[ "$(wc -l <<<"$output")" -eq 3 ] || fail "$output"
	[ -s "$idx" ]
	# The second day loads it: the same records are all duplicates now.
	run --separate-stderr dedupe --load-index "$idx" --save-index "$idx" "$BATS_TEST_TMPDIR/day1"
	assert_success
	assert_output ""
	[ "$stderr" = "dedupe: in 3, out 0, exact 3, near 0, empty 0" ] || fail "$stderr"
}

@test "dedupe: a --load-index that exists but cannot be read still fails" {
	mkdir "$BATS_TEST_TMPDIR/dir.idx"
	records 1 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr dedupe --load-index "$BATS_TEST_TMPDIR/dir.idx" "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	assert_output ""
	[[ $stderr == "dedupe: $BATS_TEST_TMPDIR/dir.idx: "* ]] || fail "$stderr"
}
