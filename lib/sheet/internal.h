/* What the files of lib/sheet share: the table behind struct sheet. */
#ifndef SHEET_INTERNAL_H
#define SHEET_INTERNAL_H

#include <stddef.h>
#include <jansson.h>

#include "buf.h"
#include "sheet/sheet.h"

#define LEN(a) (sizeof (a) / sizeof (a)[0])

struct sheet_column {
	char *name;		/* header text */
	char **path;		/* keys (or array indexes) from the record down */
	size_t npath;
	enum sheet_role role;
};

/* One distinct entity of a record, for --explode entities. */
struct sheet_entity {
	const char *name, *type;
	size_t namelen, typelen;
	json_int_t mentions;
	int counted;		/* mentions counted in "entities" */
	const json_t *count;	/* else entity_counts' value, or NULL */
};

struct sheet {
	struct sheet_opts o;
	struct sheet_column *cols;
	size_t ncols, capcols;
	const char *const *extra;	/* the exploded rows' own columns */
	size_t nextra;
	int header_done;
	/* The default columns: a story column joins them after duplicate_of
	 * when the first record has one (dedupe --stories), so the header
	 * waits for it. */
	int defaults;
	/* One cell and one text buffer per column, then per extra column. */
	struct sheet_cell *cells;
	struct buf *text;
	size_t nslots;
	struct sheet_row row;
	/* --explode entities, per record */
	struct sheet_entity *ents;
	size_t nents, capents;
	json_t *seen;		/* entity key -> index into ents */
	json_t *keep;		/* strings made for this record's entities */
	struct buf key;
	const char **reads;	/* sheet_reads(): the top-level fields read */
	size_t nreads, readcap;
};

/* columns.c: the columns of a table. */
int sheet_parse_fields(struct sheet *t, const char *list);
void sheet_add_key(struct sheet *t, const char *key);
/* The same, right after the column named after (at the end if none). */
void sheet_add_key_after(struct sheet *t, const char *key, const char *after);
int sheet_has_column(const struct sheet *t, const char *name);
/* Give the date column its role and a date_text column after it. */
void sheet_date_columns(struct sheet *t);
void sheet_free_columns(struct sheet *t);
/* The value at column c of rec, or NULL. */
const json_t *sheet_lookup(const json_t *rec, const struct sheet_column *c);

/* sheet.c: filling cell slot i, and handing a row over. */
void sheet_set_value(struct sheet *t, size_t i, const json_t *v, const char *col);
void sheet_set_text(struct sheet *t, size_t i, const char *s, size_t n, const char *col);
void sheet_set_integer(struct sheet *t, size_t i, json_int_t v, const char *col);
void sheet_emit(struct sheet *t, int repeat);

/* sheet.c: name (kept by the caller) among the fields sheet_reads()
 * gives. */
void sheet_read_field(struct sheet *t, const char *name);

/* explode.c: the rows of one record, --explode entities or dates, and
 * the fields they read (sheet_read_field). */
void sheet_explode_entities(struct sheet *t, const json_t *rec);
void sheet_explode_dates(struct sheet *t, const json_t *rec);
void sheet_explode_reads(struct sheet *t);
void sheet_free_explode(struct sheet *t);

#endif
