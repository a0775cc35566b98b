/* to-csv: placeholder that writes a few columns until its issue lands. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <csv.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "record.h"

static const char synopsis[] = "[--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Write NDJSON article records as CSV (placeholder).\n"
    "\n"
    "  --strict        stop at the first line that is not a JSON object\n"
    "  --rejects FILE  append rejected lines to FILE\n"
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | to-csv > articles.csv\n";

static const char *const columns[] = { "id", "date", "title", "source" };
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static void
cell(struct buf *row, const char *s, int first)
{
	size_t n = strlen(s), room = 2 * n + 2;
	char *q = emalloc(room);

	if (!first)
		buf_addc(row, ',');
	buf_add(row, q, csv_write(q, room, s, n));
	free(q);
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	struct buf *row = arg;
	size_t i;

	(void)src;
	buf_reset(row);
	for (i = 0; i < NCOLUMNS; i++) {
		const char *v = record_str(rec, columns[i]);
		cell(row, v ? v : "", i == 0);
	}
	buf_adds(row, "\r\n");
	record_out(row->s, row->len);
	return RECORD_SKIP;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	struct buf row = BUF_INIT;
	size_t i;
	int c, status;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			diag_usage(0, synopsis, help);
		case 'V':
			diag_version();
		default:
			if (!record_option(c, optarg))
				diag_usage(2, synopsis, help);
		}
	}
	for (i = 0; i < NCOLUMNS; i++) {
		if (i)
			buf_addc(&row, ',');
		buf_adds(&row, columns[i]);
	}
	buf_adds(&row, "\r\n");
	record_out(row.s, row.len);
	status = record_each(argc - optind, argv + optind, each, &row);
	buf_free(&row);
	return record_done(status);
}
