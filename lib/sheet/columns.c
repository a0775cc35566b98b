/* The columns of a table: -f LIST with its escapes, and the lookup of a
 * column's value in a record. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "buf.h"
#include "mem.h"
#include "sheet/internal.h"

/* Put a column at index at (t->ncols to append). */
static void
insert_column(struct sheet *t, size_t at, const char *name, char **path,
    size_t npath, enum sheet_role role)
{
	struct sheet_column *c;

	t->cols = egrow(t->cols, &t->capcols, t->ncols + 1, sizeof *t->cols);
	memmove(&t->cols[at + 1], &t->cols[at], (t->ncols - at) * sizeof *t->cols);
	t->ncols++;
	c = &t->cols[at];
	c->name = estrdup(name);
	c->path = path;
	c->npath = npath;
	c->role = role;
}

static char **
key_path(const char *key)
{
	char **path = emalloc(sizeof *path);

	path[0] = estrdup(key);
	return path;
}

/* A column reached by one key, with no dotted path. */
void
sheet_add_key(struct sheet *t, const char *key)
{
	insert_column(t, t->ncols, key, key_path(key), 1, SHEET_PLAIN);
}

static int
is_key(const struct sheet_column *c, const char *name)
{
	return c->npath == 1 && strcmp(c->path[0], name) == 0;
}

void
sheet_add_key_after(struct sheet *t, const char *key, const char *after)
{
	size_t i, at = t->ncols;

	for (i = 0; i < t->ncols; i++)
		if (is_key(&t->cols[i], after))
			at = i + 1;
	insert_column(t, at, key, key_path(key), 1, SHEET_PLAIN);
}

int
sheet_has_column(const struct sheet *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (is_key(&t->cols[i], name))
			return 1;
	return 0;
}

/* Parse one field of -f: "a.b" is key b inside object a; "\." "\," "\\"
 * stand for themselves.  The header is the field without its escapes.
 * Returns 0 on a bad field. */
static int
parse_field(struct sheet *t, const char *f, size_t n)
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
	insert_column(t, t->ncols, name.s, path, npath, SHEET_PLAIN);
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
int
sheet_parse_fields(struct sheet *t, const char *list)
{
	const char *p = list, *start = list;

	for (;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == ',' || *p == '\0') {
			if (!parse_field(t, start, (size_t)(p - start)))
				return 0;
			if (*p == '\0')
				return 1;
			start = p + 1;
		}
	}
}

/* Every top-level "date" column is followed by date_text, the same
 * field: a writer types the first and writes the second as text.  A
 * date_text field of the record's own wins. */
void
sheet_date_columns(struct sheet *t)
{
	size_t i;

	if (sheet_has_column(t, "date_text"))
		return;
	for (i = 0; i < t->ncols; i++) {
		if (is_key(&t->cols[i], "date") && t->cols[i].role == SHEET_PLAIN) {
			t->cols[i].role = SHEET_DATE;
			insert_column(t, ++i, "date_text", key_path("date"), 1, SHEET_DATE_TEXT);
		}
	}
}

void
sheet_free_columns(struct sheet *t)
{
	size_t i, j;

	for (i = 0; i < t->ncols; i++) {
		for (j = 0; j < t->cols[i].npath; j++)
			free(t->cols[i].path[j]);
		free(t->cols[i].path);
		free(t->cols[i].name);
	}
	free(t->cols);
	t->cols = NULL;
	t->ncols = t->capcols = 0;
}

const json_t *
sheet_lookup(const json_t *rec, const struct sheet_column *c)
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
