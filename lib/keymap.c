#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "mem.h"

static uint64_t
keyent_hash(const void *items, size_t i)
{
	return ((const struct keyent *)items)[i].h;
}

struct keyent *
keymap_find(const struct keymap *m, const char *k, size_t len)
{
	uint64_t h = hash_bytes(k, len);
	size_t pos;
	long i;

	for (i = hash_index_first(&m->ix, h, &pos); i >= 0;
	    i = hash_index_next(&m->ix, &pos))
		if (m->e[i].len == len &&
		    memcmp(m->b.s + m->e[i].off, k, len) == 0)
			return &m->e[i];
	return NULL;
}

struct keyent *
keymap_add(struct keymap *m, const char *k, size_t len, size_t val)
{
	struct keyent *e;

	m->e = egrow(m->e, &m->cap, m->n + 1, sizeof *m->e);
	e = &m->e[m->n];
	e->off = m->b.len;
	e->len = len;
	e->h = hash_bytes(k, len);
	e->val = val;
	buf_add(&m->b, k, len);
	buf_addc(&m->b, '\0');
	hash_index_add(&m->ix, e->h, m->n, keyent_hash, m->e);
	m->n++;
	return e;
}

struct keyent *
keymap_get(struct keymap *m, const char *k, size_t len, size_t val)
{
	struct keyent *e = keymap_find(m, k, len);

	return e ? e : keymap_add(m, k, len, val);
}

const char *
keymap_key(const struct keymap *m, const struct keyent *e)
{
	return m->b.s + e->off;
}

void
keymap_clear(struct keymap *m)
{
	m->n = 0;
	buf_reset(&m->b);
	if (m->ix.slot)
		memset(m->ix.slot, 0, hash_index_bytes(&m->ix));
	m->ix.used = 0;
}

void
keymap_free(struct keymap *m)
{
	free(m->e);
	buf_free(&m->b);
	hash_index_free(&m->ix);
	memset(m, 0, sizeof *m);
}
