/* Fuzz target for one program, built once per program by mk/fuzz.mk and
 * linked with filters/NAME.o, whose main() is made local.  The program
 * says what to call through its `struct filter filter` (lib/filter.h):
 *
 *   record  the input is one NDJSON line; record_parse() turns it into
 *           an object (or rejects it, as the program would) and
 *           filter.record() handles it; a record it keeps is written.
 *           A program that reads only some fields (lib/splice.h) has
 *           the line go through splice_line(), as record_each() does.
 *   file    the input is written to a scratch file and filter.file() is
 *           called on its path (split-header reads raw files).
 *
 * Output goes to /dev/null; messages stay on stderr. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "filter.h"
#include "record.h"
#include "splice.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *arg;
static char path[] = "/tmp/newspipe-fuzz-XXXXXX";
static int have_path;

static void
cleanup(void)
{
	if (filter.teardown)
		filter.teardown(arg);
	if (have_path)
		unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc, (void)argv;
	diag_init(filter.name);
	if (!freopen("/dev/null", "w", stdout))
		die(1, "/dev/null:");
	if (filter.file) {
		if ((fd = mkstemp(path)) < 0)
			die(1, "%s:", path);
		close(fd);
		have_path = 1;
	}
	arg = filter.setup ? filter.setup() : NULL;
	atexit(cleanup);
	return 0;
}

static void
one_file(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "w");

	if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0)
		die(1, "%s:", path);
	filter.file(path, arg);
}

static void
one_record(const uint8_t *data, size_t size)
{
	struct record_src src = { "<fuzz>", 1, (const char *)data, size };
	json_t *rec;

	if (splice_on()) {
		splice_line(&src, filter.record, arg);
		return;
	}
	if (!(rec = record_parse(&src)))
		return;
	if (filter.record(rec, &src, arg) == RECORD_WRITE)
		record_write(rec);
	json_decref(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (filter.file)
		one_file(data, size);
	else
		one_record(data, size);
	return 0;
}
