#!/usr/bin/env bats
# bench/gen-corpus: the benchmark corpus generator.

load helper

setup_file() {
	# The plain build even under `make check SANITIZE=1`: bench uses it.
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$BATS_TEST_DIRNAME/.." build/gen-corpus >&2
}

setup() {
	GEN=$ROOT/build/gen-corpus
}

@test "the same seed gives the same bytes; another seed other bytes" {
	run --separate-stderr "$GEN" --seed 5 --count 40 --out "$BATS_TEST_TMPDIR/a"
	assert_success
	[[ $stderr == "gen-corpus: 40 articles, "*" bytes in $BATS_TEST_TMPDIR/a" ]] || fail "$stderr"
	"$GEN" --seed 5 --count 40 --out "$BATS_TEST_TMPDIR/b" 2>/dev/null
	"$GEN" --seed 6 --count 40 --out "$BATS_TEST_TMPDIR/c" 2>/dev/null
	diff -r "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	! diff -rq "$BATS_TEST_TMPDIR/a/articles" "$BATS_TEST_TMPDIR/c/articles" >/dev/null
}

@test "--count N writes N articles and N truth rows; every layout appears" {
	"$GEN" --seed 2 --count 300 --out "$BATS_TEST_TMPDIR/o" 2>/dev/null
	[ "$(ls "$BATS_TEST_TMPDIR/o/articles" | wc -l)" -eq 300 ]
	[ "$(sed 1d "$BATS_TEST_TMPDIR/o/truth.tsv" | wc -l)" -eq 300 ]
	run bash -c "sed 1d '$BATS_TEST_TMPDIR/o/truth.tsv' | cut -f4 | sort -u | tr '\n' ' '"
	assert_output "1 2 3 4 5 6 "
	run bash -c "sed 1d '$BATS_TEST_TMPDIR/o/truth.tsv' | cut -f3 | sort -u | tr '\n' ' '"
	assert_output "boilerplate exact original reheadlined trimmed "
}

@test "articles are valid UTF-8 of 300 to 1,500 words plus their layout" {
	"$GEN" --seed 3 --count 60 --dups 0 --out "$BATS_TEST_TMPDIR/o" 2>/dev/null
	for f in "$BATS_TEST_TMPDIR"/o/articles/*.txt; do
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null || fail "$f: bad UTF-8"
		w=$(wc -w <"$f")
		[ "$w" -ge 300 ] && [ "$w" -le 1900 ] || fail "$f: $w words"
	done
}

@test "an exact duplicate has its original's bytes; the others differ" {
	"$GEN" --seed 4 --count 400 --dups 30 --out "$BATS_TEST_TMPDIR/o" 2>/dev/null
	n=0
	while read -r id of kind; do
		a=$BATS_TEST_TMPDIR/o/articles/$id.txt b=$BATS_TEST_TMPDIR/o/articles/$of.txt
		case $kind in
		exact) cmp -s "$a" "$b" || fail "$id differs from $of" ;;
		*) ! cmp -s "$a" "$b" || fail "$id ($kind) equals $of" ;;
		esac
		n=$((n + 1))
	done < <(awk -F '\t' 'NR > 1 && $2 != "" { print $1, $2, $3 }' "$BATS_TEST_TMPDIR/o/truth.tsv")
	[ "$n" -ge 80 ] && [ "$n" -le 160 ] || fail "$n duplicates of 400 at 30%"
}

@test "--size MB stops at the first article past the size" {
	"$GEN" --size 1 --out "$BATS_TEST_TMPDIR/o" 2>/dev/null
	bytes=$(cat "$BATS_TEST_TMPDIR"/o/articles/*.txt | wc -c)
	[ "$bytes" -ge 1000000 ] && [ "$bytes" -lt 1020000 ] || fail "$bytes bytes"
}

@test "bad usage exits 2 with nothing written" {
	for args in "" "--count x --out $BATS_TEST_TMPDIR/o" "--dups 101 --out $BATS_TEST_TMPDIR/o" \
	    "--count -1 --out $BATS_TEST_TMPDIR/o" "--out $BATS_TEST_TMPDIR/o extra"; do
		run --separate-stderr "$GEN" $args
		assert_failure 2
		assert_output ""
		[ ! -e "$BATS_TEST_TMPDIR/o" ] || fail "wrote with: $args"
	done
}

@test "bench/jobs-scaling: a row per --jobs value, each checked against the first, then each stage" {
	run --separate-stderr env BENCH_MB=1 BENCH_JOBS="1 2" BIN="$BIN" \
	    "$ROOT/bench/jobs-scaling"
	assert_success
	assert_line --index 1 '- corpus: `build/gen-corpus --seed 3 --size 1`: 149 articles'
	assert_line --regexp '^\| 1 \| [0-9.]+ \| [0-9.]+ \| 1\.00x \| yes \|$'
	assert_line --regexp '^\| 2 \| [0-9.]+ \| [0-9.]+ \| [0-9.]+x \| yes \|$'
	run bash -c "printf '%s\n' \"\$1\" | sed -n 's/^| \\([a-z0-9 -]*\\) | [0-9.]* |\$/\\1/p' | tr '\n' ," _ "$output"
	assert_output "split-header,normalize-date,tag-entities --threads 1,tag-entities --threads $(nproc),dedupe,to-csv,"
}

@test "--stories: a dated stream, several reports per event, events.tsv" {
	"$GEN" --stories --seed 2 --count 200 --dups 0 --out "$BATS_TEST_TMPDIR/o" 2>/dev/null
	"$GEN" --stories --seed 2 --count 200 --dups 0 --out "$BATS_TEST_TMPDIR/p" 2>/dev/null
	diff -r "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/p"
	[ "$(head -1 "$BATS_TEST_TMPDIR/o/events.tsv")" = $'id\tevent' ]
	[ "$(sed 1d "$BATS_TEST_TMPDIR/o/events.tsv" | wc -l)" -eq 200 ]
	# about half the articles report an event with 2 to 6 reports; the
	# others are their own event
	run bash -c "sed 1d '$BATS_TEST_TMPDIR/o/events.tsv' | awk -F '\t' '\$2 ~ /^ev/' | wc -l"
	[ "$output" -eq 100 ] || fail "$output event reports"
	run bash -c "sed 1d '$BATS_TEST_TMPDIR/o/events.tsv' | awk -F '\t' '\$2 ~ /^ev/ { print \$2 }' | sort | uniq -c | awk '\$1 < 2 || \$1 > 6' | wc -l"
	assert_output 0
	run bash -c "sed 1d '$BATS_TEST_TMPDIR/o/events.tsv' | awk -F '\t' '\$2 !~ /^ev/ && \$1 != \$2' | wc -l"
	assert_output 0
}

@test "--stories needs --count" {
	run --separate-stderr "$GEN" --stories --size 1 --out "$BATS_TEST_TMPDIR/o"
	assert_failure 2
	[[ $stderr == *"--stories needs --count"* ]] || fail "$stderr"
}
