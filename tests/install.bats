#!/usr/bin/env bats
# make install / uninstall with PREFIX and DESTDIR.

load helper

@test "make install puts programs, pipeline and man pages under DESTDIR/PREFIX" {
	local d=$BATS_TEST_TMPDIR/stage
	run make -s -C "$ROOT" install PREFIX=/opt/np DESTDIR="$d"
	assert_success
	for p in split-header normalize-date tag-entities dedupe to-csv to-xlsx newspipe; do
		[ -x "$d/opt/np/bin/$p" ] || fail "missing $p"
		[ -f "$d/opt/np/share/man/man1/$p.1" ] || fail "missing man page $p.1"
	done
	run "$d/opt/np/bin/dedupe" --version
	assert_output "dedupe (newspipe) $VERSION"
	run make -s -C "$ROOT" uninstall PREFIX=/opt/np DESTDIR="$d"
	assert_success
	run find "$d" -type f
	assert_output ""
}

@test "the installed newspipe runs the installed programs from PATH" {
	local d=$BATS_TEST_TMPDIR/stage
	make -s -C "$ROOT" install PREFIX=/opt/np DESTDIR="$d"
	run --separate-stderr env -u NEWSPIPE_BIN PATH="$d/opt/np/bin:/usr/bin:/bin" \
	    newspipe --jobs 1 "$SEEDS"
	assert_success
	[ "${#lines[@]}" -ge 6 ] || fail "$output"
}
