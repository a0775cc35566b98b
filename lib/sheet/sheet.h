/* sheet: article records as rows of typed cells, for to-csv and to-xlsx.
 *
 * A table is a list of columns (-f LIST, --all, the defaults) and what a
 * record becomes: one row, or one row per entity or per date expression
 * (--explode).  sheet_record() walks a record and hands each row to the
 * program's callback as cells that carry the field's JSON type and its
 * text as to-csv writes it: a string as it is, an array of scalars
 * joined, an object or nested array as compact JSON, a number as JSON
 * spells it, null or missing as an empty cell.  How a cell is written
 * (quoted CSV, an .xlsx cell) is the program's business; the cut at
 * Excel's cell limit is shared (sheet_fit). */
#ifndef SHEET_H
#define SHEET_H

#include <stddef.h>
#include <jansson.h>

#include "record.h"

/* Excel's limit on the characters (UTF-16 code units) in one cell. */
#define SHEET_CELL_MAX 32767

enum sheet_explode { SHEET_ROWS, SHEET_ENTITIES, SHEET_DATES };

enum sheet_type {
	SHEET_EMPTY,		/* null or missing */
	SHEET_TEXT,		/* a string, a joined array, JSON of an object */
	SHEET_INTEGER,
	SHEET_REAL,
	SHEET_BOOL
};

/* What a column holds, for a writer that types its cells. */
enum sheet_role {
	SHEET_PLAIN,
	SHEET_DATE,		/* the record's "date" (with date_text set) */
	SHEET_DATE_TEXT		/* the same field again, as text */
};

struct sheet_cell {
	enum sheet_type type;
	const char *s;		/* the text, NUL-terminated; "" when empty */
	size_t n;
	double num;		/* INTEGER, REAL: the value; BOOL: 0 or 1 */
	json_int_t integer;	/* INTEGER: the exact value */
	const char *col;	/* the column's name, for messages */
	enum sheet_role role;
};

struct sheet;

struct sheet_row {
	const struct sheet *table;	/* the table it is a row of */
	const struct sheet_cell *cells;
	size_t n;
	size_t own;		/* cells[0..own) are the record's own columns */
	/* 1 if cells[0..own) are those of the row before: the record's
	 * next row (entity, date) when it is exploded. */
	int repeat;
	int header;		/* the header row: every cell TEXT */
	const struct record_src *src;	/* NULL for the header */
	const char *id;		/* the record's id, or NULL */
};

typedef void sheet_row_fn(const struct sheet_row *row, void *arg);

struct sheet_opts {
	const char *fields;	/* -f LIST, or NULL for the defaults */
	int all;		/* --all: every top-level field of the first record */
	int body;		/* --body: add the body column */
	enum sheet_explode explode;
	const char *join;	/* joins arrays of scalars; NULL for "; " */
	int date_text;		/* "date" is SHEET_DATE, followed by "date_text" */
	/* After "cut from N to M characters" in the warning: why, and how
	 * to keep the cell whole if there is a way. */
	const char *cut_note;
	sheet_row_fn *row;	/* gets every row, the header first */
	void *arg;
};

/* Long options to-csv and to-xlsx share, numbered after the record
 * options; the programs number their own from SHEET_OPT_FIRST_OWN.  Each
 * lists them in its table: { "fields", required_argument, NULL, 'f' },
 * "all" SHEET_OPT_ALL, "body" SHEET_OPT_BODY, "join" SHEET_OPT_JOIN,
 * "explode" SHEET_OPT_EXPLODE (which each handles: see sheet_explode_arg). */
enum {
	SHEET_OPT_ALL = OPT_FIRST_OWN, SHEET_OPT_BODY, SHEET_OPT_EXPLODE,
	SHEET_OPT_JOIN, SHEET_OPT_FIRST_OWN
};

/* Handle -f, --all, --body or --join into o; returns 1 if it was one. */
int sheet_option(struct sheet_opts *o, int opt, const char *arg);
/* A table.  Bad usage (opt_bad) if o->fields is malformed (an empty
 * name, or a backslash before other than . , \) or given with o->all. */
struct sheet *sheet_new(const struct sheet_opts *o);
void sheet_free(struct sheet *t);
/* Write the header now if the columns are known (-f LIST), so that it
 * comes even for no input.  The default columns wait for the first
 * record (a story column joins them when it has one) and --all takes
 * the first record's fields. */
void sheet_start(struct sheet *t);
/* At the end of input: the header of known columns if no record came. */
void sheet_finish(struct sheet *t);
/* The top-level fields sheet_record() reads for the tables t[0..n), a
 * NULL-ended list (the caller frees it; the names are the tables'), for
 * a program to decode only those (lib/splice.h); NULL when one of them
 * reads every field (--all). */
const char **sheet_reads(struct sheet *const *t, size_t n);
/* The rows of one record (the header first, if it has not been written). */
void sheet_record(struct sheet *t, const json_t *rec, const struct record_src *src);
/* The length of c's text s[0..n) (its own, or a writer's version of
 * it) to write when extra more characters go before it: cut to Excel's
 * limit at a code point boundary, with a warning naming the record and
 * column, or n when it fits. */
size_t sheet_fit(const struct sheet_row *r, const struct sheet_cell *c,
    const char *s, size_t n, size_t extra);
/* The --explode value: "entities" or "dates"; anything else is bad usage. */
enum sheet_explode sheet_explode_arg(const char *arg);

/* Excel's serial number for an ISO 8601 date, as the record's "date"
 * holds it (docs/record.md): YYYY-MM-DD, optionally followed by T (or a
 * space) and HH:MM, :SS, a fraction of a second, and a zone (Z, +HH:MM,
 * +HHMM, +HH).  A time with a zone is converted to UTC.  Days count
 * from 1899-12-30, as Excel's do from 1900-03-01 on. */
struct sheet_date {
	double serial;
	enum { SHEET_DAY, SHEET_MINUTE, SHEET_SECOND, SHEET_FRACTION } prec;
	int utc;		/* it had a zone: serial is UTC */
};

/* 1 and *d set if s[0..n) is such a date from 1900-03-01 to 9999-12-31
 * (before and after UTC conversion); 0 if not. */
int sheet_date(const char *s, size_t n, struct sheet_date *d);

#endif
