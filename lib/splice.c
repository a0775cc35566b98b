#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "jsonout.h"
#include "mem.h"
#include "splice.h"

struct field {
	const char *name;
	size_t len;
	int owned;
	int raw;		/* owned, and a string value is JSON text */
};

static struct {
	struct field *f;	/* read, then owned */
	size_t n;
	int on;
	struct scan sc;
	struct buf out;
	int whole;		/* splice_line's record is the whole line's */
} sp;

static void
add_fields(const char *const *list, int owned)
{
	for (; list && *list; list++) {
		sp.f = erealloc(sp.f, (sp.n + 1) * sizeof *sp.f);
		sp.f[sp.n].name = *list;
		sp.f[sp.n].len = strlen(*list);
		sp.f[sp.n].raw = 0;
		sp.f[sp.n++].owned = owned;
	}
}

void
splice_use(const char *const *read, const char *const *owned)
{
	sp.n = 0;
	add_fields(owned, 1);
	add_fields(read, 0);
	sp.on = 1;
}

void
splice_raw(const char *const *list)
{
	size_t i;

	for (; list && *list; list++)
		for (i = 0; i < sp.n; i++)
			if (sp.f[i].owned && strcmp(sp.f[i].name, *list) == 0)
				sp.f[i].raw = 1;
}

void
splice_whole(json_t *rec)
{
	json_error_t err;
	json_t *v;
	size_t i;

	for (i = 0; i < sp.n; i++) {
		v = json_object_get(rec, sp.f[i].name);
		if (!sp.f[i].raw || !json_is_string(v))
			continue;
		v = json_loadb(json_string_value(v), json_string_length(v),
		    JSON_DECODE_ANY, &err);
		if (!v)
			die(1, "field %s: not JSON text: %s", sp.f[i].name, err.text);
		record_set(rec, sp.f[i].name, v);
	}
}

int
splice_on(void)
{
	return sp.on;
}

/* The field named key[0..n), or NULL when the filter wants none such. */
static const struct field *
field(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < sp.n; i++)
		if (sp.f[i].len == n && memcmp(sp.f[i].name, key, n) == 0)
			return &sp.f[i];
	return NULL;
}

/* The object the callback gets: the fields wanted, in line order. */
static json_t *
fields_of(struct scan *sc)
{
	const struct field *f;
	json_t *rec = json_object(), *v;
	size_t i;

	if (!rec)
		die(1, "out of memory");
	for (i = 0; i < sc->n; i++) {
		if (!(f = field(sc->m[i].key, sc->m[i].klen)))
			continue;
		if (!(v = scan_value(sc, &sc->m[i])) || json_object_set_new_nocheck(rec, f->name, v))
			die(1, "cannot read field %s (out of memory)", f->name);
	}
	return rec;
}

/* A value as written but for its white space outside strings, which a
 * compact line has none of. */
static void
compact(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (in) {
			if (s[i] == '\\')
				buf_addc(b, s[i++]);
			else if (s[i] == '"')
				in = 0;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			continue;
		} else if (s[i] == '"') {
			in = 1;
		}
		buf_addc(b, s[i]);
	}
}

static void
owned_member(struct buf *b, size_t *n, const struct field *f, const json_t *v)
{
	if ((*n)++)
		buf_addc(b, ',');
	jsonout_string(b, f->name, f->len);
	buf_addc(b, ':');
	if (f->raw && json_is_string(v))
		buf_add(b, json_string_value(v), json_string_length(v));
	else
		jsonout_value(b, v);
}

void
splice_write(struct buf *b, const struct scan *sc, const json_t *rec)
{
	const struct scan_member *m;
	const struct field *f;
	const char *k;
	json_t *v;
	size_t i, n = 0;

	buf_addc(b, '{');
	for (i = 0; i < sc->n; i++) {
		m = &sc->m[i];
		if ((f = field(m->key, m->klen)) && f->owned) {
			if ((v = json_object_get(rec, f->name)))
				owned_member(b, &n, f, v);
			continue;
		}
		if (n++)
			buf_addc(b, ',');
		buf_add(b, m->raw, m->rklen);
		buf_addc(b, ':');
		if (m->spaced)
			compact(b, m->val, m->vlen);
		else
			buf_add(b, m->val, m->vlen);
	}
	/* Then the owned fields the line did not have, in the order set. */
	json_object_foreach((json_t *)rec, k, v) {
		if (scan_find(sc, k))
			continue;
		if (!(f = field(k, strlen(k))) || !f->owned)
			die(1, "field %s was set but is not among the fields the program owns", k);
		owned_member(b, &n, f, v);
	}
	buf_addc(b, '}');
}

/* A line the scanner refused: jansson reports it, or should it read it
 * after all, the filter gets the whole record. */
static void
whole_line(const struct record_src *src, record_fn *fn, void *arg)
{
	json_t *rec;

	if (!(rec = record_parse(src)))
		return;
	sp.whole = 1;
	if (fn(rec, src, arg) == RECORD_WRITE) {
		splice_whole(rec);
		record_write(rec);
	}
	sp.whole = 0;
	json_decref(rec);
}

json_t *
splice_read(struct scan *sc, const struct record_src *src)
{
	if (!scan_object(sc, src->raw, src->len))
		return NULL;
	return fields_of(sc);
}

void
splice_line(const struct record_src *src, record_fn *fn, void *arg)
{
	json_t *rec;

	if (!(rec = splice_read(&sp.sc, src))) {
		whole_line(src, fn, arg);
		return;
	}
	if (fn(rec, src, arg) == RECORD_WRITE) {
		buf_reset(&sp.out);
		splice_write(&sp.out, &sp.sc, rec);
		buf_addc(&sp.out, '\n');
		record_out(sp.out.s, sp.out.len);
	}
	json_decref(rec);
}

void
splice_free(void)
{
	free(sp.f);
	scan_free(&sp.sc);
	buf_free(&sp.out);
	memset(&sp, 0, sizeof sp);
}

json_t *
splice_member(const json_t *rec, const char *key)
{
	const struct scan_member *m;
	json_t *v = json_object_get(rec, key);

	if (v || sp.whole || !(m = scan_find(&sp.sc, key)))
		return json_incref(v);
	if (!(v = scan_value(&sp.sc, m)))
		die(1, "cannot read field %s (out of memory)", key);
	return v;
}

void
splice_current(struct buf *b, const json_t *rec)
{
	if (sp.whole) {
		splice_whole((json_t *)rec);
		jsonout_value(b, rec);
	}
	else
		splice_write(b, &sp.sc, rec);
}
