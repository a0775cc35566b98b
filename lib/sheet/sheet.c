/* The table: its columns from the options, the header, and the walk of
 * a record into typed cells. */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "sheet/internal.h"

static const char *const default_fields[] = {
	"id", "date", "title", "outlet", "agency", "byline", "url",
	"dateline_place", "persons", "organizations", "locations", "misc",
	"word_count", "duplicate_of", "source"
};
static const char *const explode_record_fields[] = { "id", "date", "title" };
static const char *const entity_fields[] = { "entity", "type", "mentions" };
static const char *const date_fields[] = { "text", "value", "start", "end" };

enum sheet_explode
sheet_explode_arg(const char *arg)
{
	if (strcmp(arg, "entities") == 0)
		return SHEET_ENTITIES;
	if (strcmp(arg, "dates") == 0)
		return SHEET_DATES;
	opt_bad("bad --explode '%s': want entities or dates", arg);
}

static void
add_keys(struct sheet *t, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sheet_add_key(t, keys[i]);
}

int
sheet_option(struct sheet_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case 'f':
		o->fields = arg;
		return 1;
	case SHEET_OPT_ALL:
		o->all = 1;
		return 1;
	case SHEET_OPT_BODY:
		o->body = 1;
		return 1;
	case SHEET_OPT_JOIN:
		o->join = arg;
		return 1;
	}
	return 0;
}

struct sheet *
sheet_new(const struct sheet_opts *o)
{
	struct sheet *t;

	if (o->all && o->fields)
		opt_bad("--all and -f/--fields contradict each other");
	t = ecalloc(1, sizeof *t);
	t->o = *o;
	if (!t->o.join)
		t->o.join = "; ";
	if (!(t->seen = json_object()) || !(t->keep = json_array()))
		die(1, "out of memory");
	if (o->explode == SHEET_ENTITIES) {
		t->extra = entity_fields;
		t->nextra = LEN(entity_fields);
	} else if (o->explode == SHEET_DATES) {
		t->extra = date_fields;
		t->nextra = LEN(date_fields);
	}
	if (o->fields) {
		if (!sheet_parse_fields(t, o->fields)) {
			sheet_free(t);
			opt_bad("bad -f '%s': an empty name, or a backslash before other than . , \\", o->fields);
		}
	} else if (o->explode != SHEET_ROWS && !o->all) {
		add_keys(t, explode_record_fields, LEN(explode_record_fields));
	} else if (!o->all) {
		add_keys(t, default_fields, LEN(default_fields));
		t->defaults = 1;
	}
	if (o->body && !o->all && !sheet_has_column(t, "body"))
		sheet_add_key(t, "body");
	return t;
}

void
sheet_read_field(struct sheet *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nreads; i++)
		if (strcmp(t->reads[i], name) == 0)
			return;
	t->reads = egrow(t->reads, &t->readcap, t->nreads + 2, sizeof *t->reads);
	t->reads[t->nreads++] = name;
	t->reads[t->nreads] = NULL;
}

/* The fields of one table into t->reads; 0 if it reads them all. */
static int
table_reads(struct sheet *t)
{
	size_t i;

	if (t->o.all)
		return 0;
	t->nreads = 0;
	sheet_read_field(t, "id");
	if (t->defaults)
		sheet_read_field(t, "story");
	for (i = 0; i < t->ncols; i++)
		sheet_read_field(t, t->cols[i].path[0]);
	sheet_explode_reads(t);
	return 1;
}

const char **
sheet_reads(struct sheet *const *t, size_t n)
{
	const char **v = NULL;
	size_t i, j, k, nv = 0, cap = 0;

	for (i = 0; i < n; i++) {
		if (!table_reads(t[i])) {
			free(v);
			return NULL;
		}
		for (j = 0; j < t[i]->nreads; j++) {
			for (k = 0; k < nv && strcmp(v[k], t[i]->reads[j]) != 0; k++)
				;
			if (k < nv)
				continue;
			v = egrow(v, &cap, nv + 2, sizeof *v);
			v[nv++] = t[i]->reads[j];
		}
	}
	v = egrow(v, &cap, nv + 1, sizeof *v);
	v[nv] = NULL;
	return v;
}

void
sheet_free(struct sheet *t)
{
	size_t i;

	if (!t)
		return;
	free(t->reads);
	sheet_free_columns(t);
	for (i = 0; i < t->nslots; i++)
		buf_free(&t->text[i]);
	free(t->text);
	free(t->cells);
	sheet_free_explode(t);
	json_decref(t->seen);
	json_decref(t->keep);
	buf_free(&t->key);
	free(t);
}

/* The columns are settled: make a cell for each. */
static void
make_slots(struct sheet *t)
{
	if (t->o.date_text)
		sheet_date_columns(t);
	t->nslots = t->ncols + t->nextra;
	t->cells = ecalloc(t->nslots ? t->nslots : 1, sizeof *t->cells);
	t->text = ecalloc(t->nslots ? t->nslots : 1, sizeof *t->text);
}

static void
write_header(struct sheet *t)
{
	size_t i;

	make_slots(t);
	for (i = 0; i < t->ncols; i++)
		sheet_set_text(t, i, t->cols[i].name, strlen(t->cols[i].name), "header");
	for (i = 0; i < t->nextra; i++)
		sheet_set_text(t, t->ncols + i, t->extra[i], strlen(t->extra[i]), "header");
	t->row.header = 1;
	t->row.src = NULL;
	t->row.id = NULL;
	sheet_emit(t, 0);
	t->row.header = 0;
	t->header_done = 1;
}

void
sheet_start(struct sheet *t)
{
	if (!t->o.all && !t->defaults && !t->header_done)
		write_header(t);
}

void
sheet_finish(struct sheet *t)
{
	if (!t->o.all && !t->header_done)
		write_header(t);
}

void
sheet_record(struct sheet *t, const json_t *rec, const struct record_src *src)
{
	const char *k;
	json_t *v;
	size_t i;

	if (!t->header_done) {
		if (t->defaults && json_object_get(rec, "story"))
			sheet_add_key_after(t, "story", "duplicate_of");
		if (t->o.all) {
			json_object_foreach((json_t *)rec, k, v)
				sheet_add_key(t, k);
			if (t->o.body && !sheet_has_column(t, "body"))
				sheet_add_key(t, "body");
		}
		write_header(t);
	}
	t->row.src = src;
	t->row.id = record_str(rec, "id");
	for (i = 0; i < t->ncols; i++)
		sheet_set_value(t, i, sheet_lookup(rec, &t->cols[i]), t->cols[i].name);
	if (t->o.explode == SHEET_ENTITIES)
		sheet_explode_entities(t, rec);
	else if (t->o.explode == SHEET_DATES)
		sheet_explode_dates(t, rec);
	else
		sheet_emit(t, 0);
}

/* Hand the row over: the record's columns and, exploded, the extra ones. */
void
sheet_emit(struct sheet *t, int repeat)
{
	t->row.table = t;
	t->row.cells = t->cells;
	t->row.n = t->nslots;
	t->row.own = t->ncols;
	t->row.repeat = repeat;
	t->o.row(&t->row, t->o.arg);
}

static struct sheet_cell *
slot(struct sheet *t, size_t i, enum sheet_type type, const char *col)
{
	struct sheet_cell *c = &t->cells[i];

	c->type = type;
	c->col = col;
	c->role = i < t->ncols ? t->cols[i].role : SHEET_PLAIN;
	c->num = 0;
	c->integer = 0;
	buf_reset(&t->text[i]);
	return c;
}

static void
done_text(struct sheet *t, size_t i, struct sheet_cell *c)
{
	c->s = t->text[i].s ? t->text[i].s : "";
	c->n = t->text[i].len;
}

void
sheet_set_text(struct sheet *t, size_t i, const char *s, size_t n, const char *col)
{
	struct sheet_cell *c = slot(t, i, SHEET_TEXT, col);

	buf_add(&t->text[i], s, n);
	done_text(t, i, c);
}

void
sheet_set_integer(struct sheet *t, size_t i, json_int_t v, const char *col)
{
	struct sheet_cell *c = slot(t, i, SHEET_INTEGER, col);

	jsonout_integer(&t->text[i], v);
	c->integer = v;
	c->num = (double)v;
	done_text(t, i, c);
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

void
sheet_set_value(struct sheet *t, size_t i, const json_t *v, const char *col)
{
	struct sheet_cell *c;
	const json_t *e;
	size_t j;

	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING:
		/* The string itself, not a copy: it lives as long as the row. */
		c = slot(t, i, SHEET_TEXT, col);
		c->s = json_string_value(v);
		c->n = json_string_length(v);
		return;
	case JSON_ARRAY:
		c = slot(t, i, SHEET_TEXT, col);
		if (!is_scalar_array(v)) {
			jsonout_value(&t->text[i], v);
			break;
		}
		json_array_foreach(v, j, e) {
			if (j)
				buf_adds(&t->text[i], t->o.join);
			add_scalar(&t->text[i], e);
		}
		break;
	case JSON_OBJECT:
		c = slot(t, i, SHEET_TEXT, col);
		jsonout_value(&t->text[i], v);
		break;
	case JSON_INTEGER:
		sheet_set_integer(t, i, json_integer_value(v), col);
		return;
	case JSON_REAL:
		c = slot(t, i, SHEET_REAL, col);
		c->num = json_real_value(v);
		jsonout_value(&t->text[i], v);
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		c = slot(t, i, SHEET_BOOL, col);
		c->num = json_is_true(v);
		jsonout_value(&t->text[i], v);
		break;
	default:
		c = slot(t, i, SHEET_EMPTY, col);
		break;
	}
	done_text(t, i, c);
}

/* UTF-8 lead bytes: 0xxxxxxx and 11xxxxxx; 11110xxx starts a code point
 * above U+FFFF, a surrogate pair in UTF-16. */
/* Length of s[0..n) in UTF-16 code units, as Excel counts characters (a
 * code point above U+FFFF counts two).  s must be valid UTF-8. */
static size_t
units16(const char *s, size_t n)
{
	size_t units = 0, i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80)
			units += c >= 0xF0 ? 2 : 1;
	}
	return units;
}

/* The longest prefix of s[0..n), in bytes, that ends on a code point
 * boundary and has at most max UTF-16 code units. */
static size_t
cut16(const char *s, size_t n, size_t max)
{
	size_t units = 0, i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) == 0x80)
			continue;
		units += c >= 0xF0 ? 2 : 1;
		if (units > max)
			return i;
	}
	return n;
}

size_t
sheet_fit(const struct sheet_row *r, const struct sheet_cell *c,
    const char *s, size_t n, size_t extra)
{
	size_t units, cut;

	/* UTF-16 units never outnumber UTF-8 bytes: count only when needed. */
	if (n + extra <= SHEET_CELL_MAX
	    || (units = units16(s, n)) + extra <= SHEET_CELL_MAX)
		return n;
	cut = cut16(s, n, SHEET_CELL_MAX - extra);
	if (r->header)
		warn("warning: a header cell was cut to %d characters", SHEET_CELL_MAX);
	else
		record_warn(r->src, "record %s: column %s cut from %zu to %zu characters (%s)",
		    r->id ? r->id : "without id", c->col, units + extra,
		    units16(s, cut) + extra, r->table->o.cut_note);
	return cut;
}
