/* to-csv: write NDJSON article records as CSV that spreadsheets open right.
 *
 * One header row, then one row per record (or, with --explode, one row
 * per entity or date expression).  Quoting is libcsv's (lib/csvout.c);
 * this file chooses the columns, turns JSON values into cell text, and
 * guards cells against formula injection and Excel's length limit. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "buf.h"
#include "sheet/csvout.h"
#include "diag.h"
#include "filter.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"

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
    "      --reject-log FILE\n"
    "                      append a JSON line for each rejected line to\n"
    "                      FILE: program, file, line, reason, input\n"
    "      --max-bytes N   reject a line over N bytes; K, M, G for 2^10,\n"
    "                      2^20, 2^30; 0: no limit (default 64M)\n"
    "      --rejects-ok    exit 0 if rejected lines were all that went wrong\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | normalize-date | tag-entities | dedupe | to-csv > articles.csv\n"
    "  to-csv --explode entities --excel tagged.ndjson > entities.csv\n";

/* Excel's limit on the characters (UTF-16 code units) in one cell. */
#define CELL_MAX 32767

static const char *const default_fields[] = {
	"id", "date", "title", "outlet", "agency", "byline", "url",
	"dateline_place", "persons", "organizations", "locations", "misc",
	"word_count", "duplicate_of", "source"
};
static const char *const explode_record_fields[] = { "id", "date", "title" };
static const char *const entity_fields[] = { "entity", "type", "mentions" };
static const char *const date_fields[] = { "text", "value", "start", "end" };
/* Where entities are found when a record has no "entities" array. */
static const struct {
	const char *key, *type;
} entity_lists[] = {
	{ "persons", "PER" }, { "organizations", "ORG" },
	{ "locations", "LOC" }, { "misc", "MISC" }
};

enum explode { EXPLODE_NONE, EXPLODE_ENTITIES, EXPLODE_DATES };

struct column {
	char *name;		/* header text */
	char **path;		/* keys (or array indexes) from the record down */
	size_t npath;
};

/* One distinct entity of a record, for --explode entities. */
struct entity {
	const char *name, *type;
	size_t namelen, typelen;
	json_int_t mentions;
	int counted;		/* mentions counted in "entities" */
	const json_t *count;	/* else entity_counts' value, or NULL */
};

static struct state {
	struct column *cols;
	size_t ncols, capcols;
	const char *fields;	/* -f LIST, or NULL */
	int all, body, lf, excel, no_sanitize, no_truncate;
	enum explode explode;
	const char *join;
	unsigned char delim;
	int header_done;
	struct csvout out;
	struct buf val;		/* a value turned into text */
	const char *id;		/* of the record at hand, for warnings */
	const char *col;	/* name of the column at hand, for warnings */
	const struct record_src *src;
	struct entity *ents;
	size_t nents, capents;
	json_t *seen;		/* entity key -> index into ents */
	json_t *keep;		/* strings made for this record's entities */
	struct buf key;
} st;

static void
add_column(const char *name, char **path, size_t npath)
{
	struct column *c;

	st.cols = egrow(st.cols, &st.capcols, st.ncols + 1, sizeof *st.cols);
	c = &st.cols[st.ncols++];
	c->name = estrdup(name);
	c->path = path;
	c->npath = npath;
}

/* A column reached by one key, with no dotted path. */
static void
add_key_column(const char *key)
{
	char **path = emalloc(sizeof *path);

	path[0] = estrdup(key);
	add_column(key, path, 1);
}

static int
has_column(const char *name)
{
	size_t i;

	for (i = 0; i < st.ncols; i++)
		if (st.cols[i].npath == 1 && strcmp(st.cols[i].path[0], name) == 0)
			return 1;
	return 0;
}

/* Parse one field of -f: "a.b" is key b inside object a; "\." "\," "\\"
 * stand for themselves.  The header is the field without its escapes.
 * Returns 0 on a bad field. */
static int
parse_field(const char *f, size_t n)
{
	struct buf name = BUF_INIT, seg = BUF_INIT;
	char **path = NULL;
	size_t npath = 0, cap = 0, i;

	if (n == 0)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || f[i] == '.') {
			if (seg.len == 0)
				goto bad;
			path = egrow(path, &cap, npath + 1, sizeof *path);
			path[npath++] = buf_take(&seg);
			if (i < n)
				buf_addc(&name, '.');
			continue;
		}
		if (f[i] == '\\') {
			if (++i == n || (f[i] != '.' && f[i] != ',' && f[i] != '\\'))
				goto bad;
		}
		buf_addc(&seg, f[i]);
		buf_addc(&name, f[i]);
	}
	add_column(name.s, path, npath);
	buf_free(&name);
	return 1;
bad:
	while (npath)
		free(path[--npath]);
	free(path);
	buf_free(&seg);
	buf_free(&name);
	return 0;
}

/* Split LIST at commas that are not escaped. */
static int
parse_fields(const char *list)
{
	const char *p = list, *start = list;

	for (;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == ',' || *p == '\0') {
			if (!parse_field(start, (size_t)(p - start)))
				return 0;
			if (*p == '\0')
				return 1;
			start = p + 1;
		}
	}
}

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

/* The value at column c of rec, or NULL. */
static const json_t *
lookup(const json_t *rec, const struct column *c)
{
	const json_t *v = rec;
	size_t i;

	for (i = 0; i < c->npath && v; i++) {
		const char *k = c->path[i];

		if (json_is_object(v)) {
			v = json_object_get(v, k);
		} else if (json_is_array(v) && k[strspn(k, "0123456789")] == '\0'
		    && strlen(k) < 10) {
			v = json_array_get(v, strtoul(k, NULL, 10));
		} else {
			v = NULL;
		}
	}
	return v;
}

/* Append a scalar's text to b: a string as it is, null as nothing,
 * a number or boolean as JSON writes it. */
static void
add_scalar(struct buf *b, const json_t *v)
{
	if (json_is_string(v))
		buf_add(b, json_string_value(v), json_string_length(v));
	else if (!json_is_null(v))
		jsonout_value(b, v);
}

static int
is_scalar_array(const json_t *a)
{
	size_t i;
	const json_t *v;

	json_array_foreach(a, i, v)
		if (json_is_object(v) || json_is_array(v))
			return 0;
	return 1;
}

/* Turn v into text in st.val; returns 1 if the cell is text (subject to
 * sanitising), 0 for numbers, booleans and empty cells. */
static int
convert(const json_t *v)
{
	size_t i;
	const json_t *e;

	buf_reset(&st.val);
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_STRING:
		return 1;	/* used in place by cell_value() */
	case JSON_ARRAY:
		if (!is_scalar_array(v))
			break;
		json_array_foreach(v, i, e) {
			if (i)
				buf_adds(&st.val, st.join);
			add_scalar(&st.val, e);
		}
		return 1;
	case JSON_OBJECT:
		break;
	default:
		add_scalar(&st.val, v);
		return 0;
	}
	jsonout_value(&st.val, v);
	return 1;
}

/* Write one cell: an apostrophe before text that a spreadsheet would take
 * for a formula, then the text cut to Excel's limit. */
static void
cell(const char *s, size_t n, int text)
{
	const char *pre = NULL;
	size_t units, room, cut;

	if (text && !st.no_sanitize && n && strchr("=+-@\t\r", s[0])
	    && !csvout_is_number(s, n))
		pre = "'";
	/* UTF-16 units never outnumber UTF-8 bytes: count only when needed. */
	if (!st.no_truncate && n + (pre != NULL) > CELL_MAX
	    && (units = csvout_units(s, n)) + (pre != NULL) > CELL_MAX) {
		room = CELL_MAX - (pre != NULL);
		cut = csvout_cut(s, n, room);
		if (st.src)
			record_warn(st.src, "record %s: column %s cut from %zu to %zu characters (Excel's limit; --no-truncate keeps it)",
			    st.id ? st.id : "without id", st.col, units + (pre != NULL),
			    csvout_units(s, cut) + (pre != NULL));
		else
			warn("warning: a header cell was cut to %d characters", CELL_MAX);
		n = cut;
	}
	csvout_field(&st.out, pre, s, n);
}

static void
cell_value(const json_t *v, const char *col)
{
	int text = convert(v);

	st.col = col;
	if (json_is_string(v))
		cell(json_string_value(v), json_string_length(v), text);
	else
		cell(st.val.s ? st.val.s : "", st.val.len, text);
}

static void
cell_str(const char *s, size_t n, const char *col)
{
	st.col = col;
	cell(s, n, 1);
}

static void
emit_row(void)
{
	csvout_end(&st.out);
	record_out(st.out.row.s, st.out.row.len);
}

static void
write_header(void)
{
	const char *const *extra = NULL;
	size_t i, nextra = 0;

	if (st.excel)
		record_out("\xEF\xBB\xBF", 3);
	for (i = 0; i < st.ncols; i++)
		cell_str(st.cols[i].name, strlen(st.cols[i].name), "header");
	if (st.explode == EXPLODE_ENTITIES) {
		extra = entity_fields;
		nextra = sizeof entity_fields / sizeof entity_fields[0];
	} else if (st.explode == EXPLODE_DATES) {
		extra = date_fields;
		nextra = sizeof date_fields / sizeof date_fields[0];
	}
	for (i = 0; i < nextra; i++)
		cell_str(extra[i], strlen(extra[i]), "header");
	emit_row();
	st.header_done = 1;
}

/* Count one mention of (name, type).  Entities from the name lists are
 * not counted: count is their entity_counts value, or NULL. */
static void
add_entity(const json_t *name, const json_t *type, int counted, const json_t *count)
{
	struct entity *e;
	const char *t = type ? json_string_value(type) : "";
	size_t tlen = type ? json_string_length(type) : 0;
	json_t *at;

	/* The key is type, NUL, name: no two entities share one. */
	buf_reset(&st.key);
	buf_add(&st.key, t, tlen);
	buf_addc(&st.key, '\0');
	buf_add(&st.key, json_string_value(name), json_string_length(name));
	if ((at = json_object_getn(st.seen, st.key.s, st.key.len))) {
		st.ents[json_integer_value(at)].mentions++;
		return;
	}
	if (json_object_setn_new(st.seen, st.key.s, st.key.len,
	    json_integer((json_int_t)st.nents)) != 0)
		die(1, "out of memory");
	st.ents = egrow(st.ents, &st.capents, st.nents + 1, sizeof *st.ents);
	e = &st.ents[st.nents++];
	e->name = json_string_value(name);
	e->namelen = json_string_length(name);
	e->type = t;
	e->typelen = tlen;
	e->mentions = 1;
	e->counted = counted;
	e->count = count;
}

/* A string that lives until the next record. */
static json_t *
keep_string(const char *s)
{
	json_t *j = json_string(s);

	if (!j || json_array_append_new(st.keep, j) != 0)
		die(1, "out of memory");
	return j;
}

/* Distinct entities of rec, first seen first: from the mentions in
 * "entities" (canonical name, else the text), or else from the name lists
 * with entity_counts, or else from entity_counts alone. */
static void
collect_entities(const json_t *rec)
{
	const json_t *ents = json_object_get(rec, "entities");
	const json_t *counts = json_object_get(rec, "entity_counts");
	const json_t *v, *name, *type, *list;
	const char *k;
	size_t i, j;
	int lists = 0;

	st.nents = 0;
	json_object_clear(st.seen);
	json_array_clear(st.keep);
	if (!json_is_object(counts))
		counts = NULL;
	if (json_is_array(ents)) {
		json_array_foreach(ents, i, v) {
			name = json_object_get(v, "canonical");
			if (!json_is_string(name))
				name = json_object_get(v, "text");
			type = json_object_get(v, "type");
			if (json_is_string(name))
				add_entity(name, json_is_string(type) ? type : NULL, 1, NULL);
		}
		return;
	}
	for (j = 0; j < sizeof entity_lists / sizeof entity_lists[0]; j++) {
		list = json_object_get(rec, entity_lists[j].key);
		if (!json_is_array(list))
			continue;
		lists = 1;
		type = keep_string(entity_lists[j].type);
		json_array_foreach(list, i, v)
			if (json_is_string(v))
				add_entity(v, type, 0, counts
				    ? json_object_get(counts, json_string_value(v)) : NULL);
	}
	if (lists || !counts)
		return;
	json_object_foreach((json_t *)counts, k, v)
		add_entity(keep_string(k), NULL, 0, v);
}

static void
explode_entities(const json_t *rec, struct csvout_pos pos)
{
	char num[32];
	size_t i;

	collect_entities(rec);
	for (i = 0; i < st.nents; i++) {
		const struct entity *e = &st.ents[i];

		csvout_seek(&st.out, pos);
		cell_str(e->name, e->namelen, "entity");
		cell_str(e->type, e->typelen, "type");
		if (e->counted) {
			snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, e->mentions);
			csvout_field(&st.out, NULL, num, strlen(num));
		} else {
			cell_value(e->count, "mentions");
		}
		emit_row();
	}
}

static void
explode_dates(const json_t *rec, struct csvout_pos pos)
{
	const json_t *dates = json_object_get(rec, "dates"), *d;
	size_t i, j;

	if (!json_is_array(dates))
		return;
	json_array_foreach(dates, i, d) {
		csvout_seek(&st.out, pos);
		for (j = 0; j < sizeof date_fields / sizeof date_fields[0]; j++) {
			if (json_is_object(d))
				cell_value(json_object_get(d, date_fields[j]), date_fields[j]);
			else
				cell_value(j == 0 ? d : NULL, date_fields[j]);
		}
		emit_row();
	}
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	static const struct csvout_pos zero = { 0, 0 };
	struct csvout_pos pos;
	const char *k;
	json_t *v;
	size_t i;

	(void)arg;
	if (!st.header_done) {
		if (st.all) {
			json_object_foreach(rec, k, v)
				add_key_column(k);
			if (st.body && !has_column("body"))
				add_key_column("body");
		}
		write_header();
	}
	st.src = src;
	st.id = record_str(rec, "id");
	for (i = 0; i < st.ncols; i++)
		cell_value(lookup(rec, &st.cols[i]), st.cols[i].name);
	if (st.explode == EXPLODE_NONE) {
		emit_row();
		return RECORD_SKIP;
	}
	pos = csvout_tell(&st.out);
	if (st.explode == EXPLODE_ENTITIES)
		explode_entities(rec, pos);
	else
		explode_dates(rec, pos);
	/* Drop the record's cells: the next record starts a new row. */
	csvout_seek(&st.out, zero);
	return RECORD_SKIP;
}

/* Apply the options: the columns, and the defaults for what is not set.
 * Returns 0 if -f is malformed. */
static int
setup(void)
{
	size_t i;

	if (!st.join)
		st.join = "; ";
	if (!st.delim)
		st.delim = ',';
	if ((!st.seen && !(st.seen = json_object()))
	    || (!st.keep && !(st.keep = json_array())))
		die(1, "out of memory");
	csvout_init(&st.out, st.delim, !st.lf);
	if (st.fields) {
		if (!parse_fields(st.fields))
			return 0;
	} else if (st.explode != EXPLODE_NONE && !st.all) {
		for (i = 0; i < sizeof explode_record_fields / sizeof explode_record_fields[0]; i++)
			add_key_column(explode_record_fields[i]);
	} else if (!st.all) {
		for (i = 0; i < sizeof default_fields / sizeof default_fields[0]; i++)
			add_key_column(default_fields[i]);
	}
	if (st.body && !st.all && !has_column("body"))
		add_key_column("body");
	return 1;
}

static void
teardown(void *arg)
{
	(void)arg;
	csvout_free(&st.out);
	buf_free(&st.val);
	free(st.ents);
	st.ents = NULL;
	st.nents = st.capents = 0;
	buf_free(&st.key);
	json_decref(st.seen);
	json_decref(st.keep);
	st.seen = st.keep = NULL;
}

int
main(int argc, char **argv)
{
	enum {
		OPT_ALL = OPT_FIRST_OWN, OPT_BODY, OPT_EXPLODE, OPT_JOIN,
		OPT_DELIMITER, OPT_LF, OPT_EXCEL, OPT_NO_SANITIZE, OPT_NO_TRUNCATE
	};
	static const struct option longopts[] = {
		{ "fields", required_argument, NULL, 'f' },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "body", no_argument, NULL, OPT_BODY },
		{ "explode", required_argument, NULL, OPT_EXPLODE },
		{ "join", required_argument, NULL, OPT_JOIN },
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
		case 'f':
			st.fields = optarg;
			break;
		case OPT_ALL:
			st.all = 1;
			break;
		case OPT_BODY:
			st.body = 1;
			break;
		case OPT_EXPLODE:
			if (strcmp(optarg, "entities") == 0)
				st.explode = EXPLODE_ENTITIES;
			else if (strcmp(optarg, "dates") == 0)
				st.explode = EXPLODE_DATES;
			else
				opt_bad("bad --explode '%s': want entities or dates", optarg);
			break;
		case OPT_JOIN:
			st.join = optarg;
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
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (st.lf && st.excel)
		opt_bad("--lf and --excel contradict each other (Excel wants CRLF)");
	if (st.all && st.fields)
		opt_bad("--all and -f/--fields contradict each other");
	if (!setup())
		opt_bad("bad -f '%s': an empty name, or a backslash before other than . , \\", st.fields);
	/* Without --all the columns are known: the header comes even for no input. */
	if (!st.all)
		write_header();
	status = record_each(argc - optind, argv + optind, each, NULL);
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
