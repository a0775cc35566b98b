/* to-xlsx: write NDJSON article records as an .xlsx workbook.
 *
 * The same columns as to-csv (lib/sheet), but cells typed from the
 * field: text stays text, numbers are numbers, the date a date.  With
 * --sheets the exploded rows (entities, dates) go to sheets of their own
 * beside the articles.  The workbook is lib/sheet/xlsxout's. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "diag.h"
#include "filter.h"
#include "opt.h"
#include "record.h"
#include "sheet/sheet.h"
#include "sheet/xlsxout.h"
#include "splice.h"

static const char synopsis[] =
    "[-o FILE] [-f LIST | --all] [--body] [--explode entities|dates]...\n"
    "       [--sheets] [--join SEP] [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Write NDJSON article records as an .xlsx workbook: a bold, frozen header\n"
    "row with filters, then one row per record; text cells stay text, numbers\n"
    "are numbers, the date column holds dates (UTC when the value has a zone;\n"
    "date_text keeps the value as it was).\n"
    "\n"
    "  -o, --output FILE   write FILE (replaced only on success); without it\n"
    "                      stdout, which must not be a terminal\n"
    "  -f, --fields LIST   columns, comma-separated; a.b reaches into objects\n"
    "                      (\\. \\, \\\\ for a literal dot, comma, backslash)\n"
    "      --all           every top-level field of the first record\n"
    "      --body          add the body column\n"
    "      --explode WHAT  one row per entity (entities) or date (dates)\n"
    "      --sheets        the articles in one sheet, each --explode in its own\n"
    "      --join SEP      joins arrays of scalars (default \"; \")\n"
    "      --strict        stop at the first line that is not a JSON object\n"
    "      --rejects FILE  append rejected lines to FILE\n"
    RECORD_HELP
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | normalize-date | tag-entities | dedupe | to-xlsx -o articles.xlsx\n"
    "  to-xlsx --sheets --explode entities --explode dates -o all.xlsx tagged.ndjson\n";

/* Sheet names, by what a row of it is. */
static const char *const sheet_names[] = { "articles", "entities", "dates" };

static struct state {
	struct sheet_opts o;	/* from the options */
	enum sheet_explode explode[2];
	size_t nexplode;
	int sheets;
	const char *out;
	struct sheet *tables[3];
	struct xlsxout_sheet *xs[3];	/* each table's sheet */
	size_t ntables;
	const char **reads;	/* the fields the tables read */
	struct xlsxout *x;
} st;

static void
row(const struct sheet_row *r, void *arg)
{
	xlsxout_row(r, *(struct xlsxout_sheet **)arg);
}

/* A table and its sheet to be. */
static void
add_table(struct sheet_opts o)
{
	o.date_text = 1;
	o.cut_note = "Excel's limit";
	o.row = row;
	o.arg = &st.xs[st.ntables];
	st.tables[st.ntables++] = sheet_new(&o);
}

/* The tables from the options. */
static void
tables(void)
{
	struct sheet_opts e = { 0 };
	size_t i;

	st.o.explode = st.nexplode && !st.sheets ? st.explode[0] : SHEET_ROWS;
	add_table(st.o);
	e.join = st.o.join;
	for (i = 0; st.sheets && i < st.nexplode; i++) {
		e.explode = st.explode[i];
		add_table(e);
	}
	/* only the fields the tables read are decoded (lib/splice.h) */
	if ((st.reads = sheet_reads(st.tables, st.ntables)) != NULL)
		splice_use(st.reads, NULL);
}

static void
open_workbook(void)
{
	size_t i;

	st.x = xlsxout_open(st.out);
	for (i = 0; i < st.ntables; i++) {
		st.xs[i] = xlsxout_sheet(st.x, sheet_names[i ? st.explode[i - 1] : st.o.explode]);
		sheet_start(st.tables[i]);
	}
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < st.ntables; i++)
		sheet_record(st.tables[i], rec, src);
	return RECORD_SKIP;
}

/* Write the workbook out; 0, or 1 after a message. */
static int
finish(void)
{
	size_t i;
	int status;

	for (i = 0; st.x && i < st.ntables; i++)
		sheet_finish(st.tables[i]);
	status = st.x ? xlsxout_close(st.x) : 0;

	st.x = NULL;
	splice_free();		/* its names are the tables' */
	free(st.reads);
	st.reads = NULL;
	for (i = 0; i < st.ntables; i++)
		sheet_free(st.tables[i]);
	st.ntables = 0;
	return status;
}

static void
add_explode(const char *arg)
{
	enum sheet_explode e = sheet_explode_arg(arg);

	if (st.nexplode && st.explode[0] == e)
		return;
	st.explode[st.nexplode++] = e;
}

int
main(int argc, char **argv)
{
	enum { OPT_SHEETS = SHEET_OPT_FIRST_OWN };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "fields", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, SHEET_OPT_ALL },
		{ "body", no_argument, NULL, SHEET_OPT_BODY },
		{ "explode", required_argument, NULL, SHEET_OPT_EXPLODE },
		{ "sheets", no_argument, NULL, OPT_SHEETS },
		{ "join", required_argument, NULL, SHEET_OPT_JOIN },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	int c, status;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "o:f:hV", longopts)) != -1) {
		switch (c) {
		case 'o':
			st.out = optarg;
			break;
		case SHEET_OPT_EXPLODE:
			add_explode(optarg);
			break;
		case OPT_SHEETS:
			st.sheets = 1;
			break;
		default:
			if (!sheet_option(&st.o, c, optarg) && !record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (st.sheets && !st.nexplode)
		opt_bad("--sheets needs --explode entities or dates: what goes in the other sheet");
	if (st.nexplode > 1 && !st.sheets)
		opt_bad("--explode entities and dates at once need --sheets: one sheet each");
	if (st.out && !*st.out)
		opt_bad("-o needs a file name");
	tables();
	if (!st.out && isatty(STDOUT_FILENO))
		opt_bad("will not write a binary .xlsx file to a terminal: give -o FILE or redirect stdout");
	open_workbook();
	status = record_each(argc - optind, argv + optind, each, NULL);
	status |= finish();
	return record_done(status);
}

/* For the fuzz target (lib/filter.h): the default columns, written to
 * stdout (/dev/null there); the workbook is written out and begun
 * again every few thousand rows, so that its temporary files stay small
 * and closing is fuzzed too. */
static void *
filter_setup(void)
{
	tables();
	open_workbook();
	return NULL;
}

static enum record_verdict
filter_each(json_t *rec, const struct record_src *src, void *arg)
{
	each(rec, src, arg);
	if (xlsxout_rows(st.x) >= 2000) {
		finish();
		filter_setup();
	}
	return RECORD_SKIP;
}

static void
filter_teardown(void *arg)
{
	(void)arg;
	finish();
}

const struct filter filter = { "to-xlsx", filter_setup, filter_each, NULL, filter_teardown };
