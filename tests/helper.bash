# Shared set-up for every test file: the programs under test first on
# PATH (NEWSPIPE_BIN points at a sanitizer build under SANITIZE=1).
bats_require_minimum_version 1.5.0
export LC_ALL=C
ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BIN=${NEWSPIPE_BIN:-$ROOT/bin}
PATH="$BIN:$PATH"
SEEDS="$ROOT/seeds"
FIXTURES="$ROOT/tests/fixtures"
# The one place the version is written.
VERSION=$(cat "$ROOT/VERSION")

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

# The filters whose input and output are NDJSON records.
JSON_FILTERS="split-header normalize-date tag-entities dedupe"
# Every program that reads NDJSON (split-header does with --ndjson).
NDJSON_READERS="$JSON_FILTERS to-csv to-xlsx"
# The programs that decode only the fields they read and own
# (lib/splice.h): the filters among them pass the others through as
# written.  The rest of JSON_FILTERS decode every field and write it
# again through jansson (docs/record.md).  Every reader checks the whole
# line all the same.
PASS_THROUGH="normalize-date tag-entities dedupe to-csv to-xlsx"

# cmd PROG: how to run PROG on NDJSON input, its output readable as
# text: to-xlsx through tests/xlsx-ndjson, which prints the workbook's
# rows as JSON objects.  (Word-split by its callers: no spaces in ROOT.)
cmd() {
	case $1 in
	split-header) echo "split-header --ndjson" ;;
	to-xlsx) echo "$ROOT/tests/xlsx-ndjson" ;;
	*) echo "$1" ;;
	esac
}

# raw_cmd PROG: the same, but to-xlsx itself, for tests of the byte
# stream (a closed pipe, a full disk).
raw_cmd() {
	case $1 in
	to-xlsx) echo to-xlsx ;;
	*) cmd "$1" ;;
	esac
}

# records N: N small distinct article records on stdout.
records() {
	local i
	for ((i = 1; i <= $1; i++)); do
		printf '{"id":"r%d","title":"Title %d","body":"Record number %d says something different about topic %d."}\n' \
		    "$i" "$i" "$i" "$i"
	done
}
