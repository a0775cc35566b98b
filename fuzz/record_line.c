/* Fuzz target: one NDJSON line through the shared record parser.
 * Whatever the bytes, record_parse() either rejects them with a message
 * or returns an object; an object must survive a write and a re-read
 * unchanged (jansson writes what it reads). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "record.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-record_line");
	if (!freopen("/dev/null", "w", stdout))
		die(1, "/dev/null:");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record_src src = { "<fuzz>", 1, (const char *)data, size };
	json_t *rec, *again;
	char *text;

	if (!(rec = record_parse(&src)))
		return 0;
	record_write(rec);
	if (!(text = json_dumps(rec, JSON_COMPACT)))
		abort();
	src.raw = text;
	src.len = strlen(text);
	if (!(again = record_parse(&src)) || !json_equal(rec, again))
		abort();
	json_decref(again);
	json_decref(rec);
	free(text);
	return 0;
}
