/* Fuzz target for one filter, built once per program by mk/fuzz.mk with
 * -DFILTER_SOURCE='"../filters/NAME.c"'.  The filter's source is
 * included with its main() renamed, so the harness reaches its static
 * record callback and state directly.  See fuzz/README.md for what a
 * filter must provide; in short:
 *
 *   default       the input is one NDJSON line; record_parse() turns it
 *                 into an object (or rejects it, as the program would)
 *                 and each(rec, &src, FILTER_SETUP) handles it.
 *   FILTER_SETUP  an expression giving the callback's last argument,
 *                 evaluated once at start-up (default: a pointer to a
 *                 zeroed static block, which suits a filter whose state
 *                 is a struct whose zero value is its default).
 *   FILTER_FILE   the name of a walk_fn (const char *path, void *arg):
 *                 the input is written to a scratch file and the function
 *                 is called on its path (split-header reads raw files).
 */
#define main filter_main
#include FILTER_SOURCE
#undef main

/* After the filter, so that its own includes come first as in its build;
 * unistd.h only when needed, as its names could clash with a filter's. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef FILTER_FILE
#include <unistd.h>
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Big and aligned enough for any filter's state struct. */
static _Alignas(max_align_t) unsigned char fuzz_zeroed[1 << 16];

#ifndef FILTER_SETUP
#define FILTER_SETUP ((void *)fuzz_zeroed)
#endif

static void *fuzz_arg;

#ifdef FILTER_FILE
static char fuzz_path[] = "/tmp/newspipe-fuzz-XXXXXX";

static void
fuzz_cleanup(void)
{
	unlink(fuzz_path);
}
#endif

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv, (void)fuzz_zeroed;
	diag_init(FILTER_NAME);
	/* Records and CSV rows go nowhere; messages stay on stderr. */
	if (!freopen("/dev/null", "w", stdout))
		die(1, "/dev/null:");
#ifdef FILTER_FILE
	{
		int fd = mkstemp(fuzz_path);

		if (fd < 0)
			die(1, "%s:", fuzz_path);
		close(fd);
		atexit(fuzz_cleanup);
	}
#endif
	fuzz_arg = FILTER_SETUP;
	return 0;
}

#ifdef FILTER_FILE
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(fuzz_path, "w");

	if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0)
		die(1, "%s:", fuzz_path);
	FILTER_FILE(fuzz_path, fuzz_arg);
	return 0;
}
#else
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record_src src = { "<fuzz>", 1, (const char *)data, size };
	json_t *rec;

	if (!(rec = record_parse(&src)))
		return 0;
	if (each(rec, &src, fuzz_arg) == RECORD_WRITE)
		record_write(rec);
	json_decref(rec);
	return 0;
}
#endif
