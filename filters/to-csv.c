/* to-csv: write NDJSON article records as CSV that spreadsheets open right.
 *
 * One header row, then one row per record (or, with --explode, one row
 * per entity or date expression).  The columns and the cells' text come
 * from lib/sheet (shared with to-xlsx), the quoting from libcsv
 * (lib/sheet/csvout.c); this file guards cells against formula injection
 * and writes the rows. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "diag.h"
#include "filter.h"
#include "opt.h"
#include "record.h"
#include "sheet/csvout.h"
#include "sheet/sheet.h"
#include "splice.h"

static const char synopsis[] =
    "[-f LIST | --all] [--body] [--explode entities|dates] [--join SEP]\n"
    "       [--delimiter C] [--lf | --excel] [--no-sanitize] [--no-truncate]\n"
    "       [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Write NDJSON article records as CSV: a header row, then one row per record.\n"
    "\n"
    "  -f, --fields LIST   columns, comma-separated; a.b reaches into objects\n"
    "                      (\\. \\, \\\\ for a literal dot, comma, backslash)\n"
    "      --all           every top-level field of the first record\n"
    "      --body          add the body column\n"
    "      --explode WHAT  one row per entity (entities) or date (dates)\n"
    "      --join SEP      joins arrays of scalars (default \"; \")\n"
    "      --delimiter C   one ASCII character; \\t or tab for TAB (default ,)\n"
    "      --lf            end lines with LF (default CRLF)\n"
    "      --excel         UTF-8 byte order mark and CRLF, for Excel\n"
    "      --no-sanitize   keep cells starting with = + - @ TAB CR as they are\n"
    "      --no-truncate   keep cells longer than 32767 characters\n"
    "      --strict        stop at the first line that is not a JSON object\n"
    "      --rejects FILE  append rejected lines to FILE\n"
    RECORD_HELP
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | normalize-date | tag-entities | dedupe | to-csv > articles.csv\n"
    "  to-csv --explode entities --excel tagged.ndjson > entities.csv\n";

static struct state {
	struct sheet_opts o;
	struct sheet *table;
	const char **reads;	/* the fields the table reads */
	int lf, excel, no_sanitize, no_truncate;
	unsigned char delim;
	struct csvout out;
} st;

static int
parse_delimiter(const char *s)
{
	if (strcmp(s, "\\t") == 0 || strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0)
		return '\t';
	if (strlen(s) != 1 || (unsigned char)s[0] >= 0x80 || s[0] == '"'
	    || s[0] == '\r' || s[0] == '\n')
		return -1;
	return (unsigned char)s[0];
}

/* Write one cell: an apostrophe before text that a spreadsheet would take
 * for a formula, then the text cut to Excel's limit. */
static void
cell(const struct sheet_row *r, const struct sheet_cell *c)
{
	const char *pre = NULL;
	size_t n = c->n;

	if (c->type == SHEET_TEXT && !st.no_sanitize && n && strchr("=+-@\t\r", c->s[0])
	    && !csvout_is_number(c->s, n))
		pre = "'";
	if (!st.no_truncate)
		n = sheet_fit(r, c, c->s, n, pre != NULL);
	csvout_field(&st.out, pre, c->s, n);
}

/* A row from the table.  The cells a record's exploded rows share are
 * quoted once: each further row goes back to where they end. */
static void
row(const struct sheet_row *r, void *arg)
{
	static struct csvout_pos own;
	size_t i = 0;

	(void)arg;
	if (r->header && st.excel)
		record_out("\xEF\xBB\xBF", 3);
	if (r->repeat) {
		csvout_seek(&st.out, own);
		i = r->own;
	}
	for (; i < r->n; i++) {
		if (i == r->own)
			own = csvout_tell(&st.out);
		cell(r, &r->cells[i]);
	}
	csvout_end(&st.out);
	record_out(st.out.row.s, st.out.row.len);
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	(void)arg;
	sheet_record(st.table, rec, src);
	return RECORD_SKIP;
}

/* The table from the options. */
static void
setup(void)
{
	if (!st.delim)
		st.delim = ',';
	csvout_init(&st.out, st.delim, !st.lf);
	st.o.cut_note = "Excel's limit; --no-truncate keeps it";
	st.o.row = row;
	st.table = sheet_new(&st.o);
	/* only the columns' fields are decoded (lib/splice.h) */
	if ((st.reads = sheet_reads(&st.table, 1)) != NULL)
		splice_use(st.reads, NULL);
}

static void
teardown(void *arg)
{
	(void)arg;
	csvout_free(&st.out);
	splice_free();
	free(st.reads);
	st.reads = NULL;
	sheet_free(st.table);
	st.table = NULL;
}

int
main(int argc, char **argv)
{
	enum {
		OPT_DELIMITER = SHEET_OPT_FIRST_OWN, OPT_LF, OPT_EXCEL,
		OPT_NO_SANITIZE, OPT_NO_TRUNCATE
	};
	static const struct option longopts[] = {
		{ "fields", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, SHEET_OPT_ALL },
		{ "body", no_argument, NULL, SHEET_OPT_BODY },
		{ "explode", required_argument, NULL, SHEET_OPT_EXPLODE },
		{ "join", required_argument, NULL, SHEET_OPT_JOIN },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "lf", no_argument, NULL, OPT_LF },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ "no-sanitize", no_argument, NULL, OPT_NO_SANITIZE },
		{ "no-truncate", no_argument, NULL, OPT_NO_TRUNCATE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	int c, d, status;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "f:hV", longopts)) != -1) {
		switch (c) {
		case SHEET_OPT_EXPLODE:
			st.o.explode = sheet_explode_arg(optarg);
			break;
		case OPT_DELIMITER:
			if ((d = parse_delimiter(optarg)) < 0)
				opt_bad("bad --delimiter '%s': want one ASCII character other than a quote, CR or LF", optarg);
			st.delim = (unsigned char)d;
			break;
		case OPT_LF:
			st.lf = 1;
			break;
		case OPT_EXCEL:
			st.excel = 1;
			break;
		case OPT_NO_SANITIZE:
			st.no_sanitize = 1;
			break;
		case OPT_NO_TRUNCATE:
			st.no_truncate = 1;
			break;
		default:
			if (!sheet_option(&st.o, c, optarg) && !record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (st.lf && st.excel)
		opt_bad("--lf and --excel contradict each other (Excel wants CRLF)");
	setup();
	sheet_start(st.table);
	status = record_each(argc - optind, argv + optind, each, NULL);
	sheet_finish(st.table);
	teardown(NULL);
	return record_done(status);
}

/* For the fuzz target (lib/filter.h): the default columns. */
static void *
filter_setup(void)
{
	setup();
	return NULL;
}

const struct filter filter = { "to-csv", filter_setup, each, NULL, teardown };
