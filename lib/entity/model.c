/* model: the key tables, and loading and freeing a model file (its
 * layout is in ner.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "entity/ner.h"
#include "hash.h"

void
ner_table_index(struct ner_table *t)
{
	size_t i;

	hash_index_init(&t->ix, t->n);
	for (i = 0; i < t->n; i++)
		hash_index_put(&t->ix, t->keys[i], i);
}

long
ner_table_find(const struct ner_table *t, uint64_t key)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&t->ix, key, &pos); i >= 0;
	    i = hash_index_next(&t->ix, &pos))
		if (t->keys[i] == key)
			return i;
	return -1;
}

static uint64_t
table_key(const void *keys, size_t i)
{
	return ((const uint64_t *)keys)[i];
}

size_t
ner_table_put(struct ner_table *t, uint64_t key)
{
	long x = ner_table_find(t, key);

	if (x >= 0)
		return (size_t)x;
	t->keys = egrow(t->keys, &t->cap, t->n + 1, sizeof *t->keys);
	t->keys[t->n] = key;
	hash_index_add(&t->ix, key, t->n, table_key, t->keys);
	return t->n++;
}

void
ner_table_free(struct ner_table *t)
{
	free(t->keys);
	hash_index_free(&t->ix);
	memset(t, 0, sizeof *t);
}

static int
read_all(FILE *fp, void *p, size_t size, size_t n)
{
	return n == 0 || fread(p, size, n, fp) == n;
}

struct ner_model *
ner_load(const char *path)
{
	struct ner_model *m;
	FILE *fp;
	char magic[8];
	uint32_t hdr[4];
	int ok, e;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	m = ecalloc(1, sizeof *m);
	ok = fread(magic, 1, 8, fp) == 8 && memcmp(magic, NER_MAGIC, 8) == 0 &&
	    fread(hdr, sizeof *hdr, 4, fp) == 4 && hdr[0] < (1u << 26) &&
	    hdr[1] < (1u << 24) && hdr[2] < 16 &&
	    fread(&m->scale, sizeof m->scale, 1, fp) == 1 &&
	    fread(m->trans, sizeof *m->trans, sizeof m->trans / sizeof *m->trans,
	    fp) == sizeof m->trans / sizeof *m->trans;
	if (ok) {
		m->f.n = hdr[0];
		m->gaz.t.n = hdr[1];
		m->gaz.maxlen = hdr[2];
		m->f.keys = emalloc((m->f.n + 1) * sizeof *m->f.keys);
		m->w = emalloc((m->f.n * NER_NTAGS + 1) * sizeof *m->w);
		m->gaz.t.keys = emalloc((m->gaz.t.n + 1) * sizeof *m->gaz.t.keys);
		m->gaz.cls = emalloc(m->gaz.t.n + 1);
		ok = read_all(fp, m->f.keys, sizeof *m->f.keys, m->f.n) &&
		    read_all(fp, m->w, sizeof *m->w, m->f.n * NER_NTAGS) &&
		    read_all(fp, m->gaz.t.keys, sizeof *m->gaz.t.keys,
		    m->gaz.t.n) &&
		    read_all(fp, m->gaz.cls, 1, m->gaz.t.n) &&
		    fgetc(fp) == EOF;
	}
	e = ferror(fp) ? errno : EINVAL;
	fclose(fp);
	if (!ok) {
		ner_free(m);
		errno = e;
		return NULL;
	}
	ner_table_index(&m->f);
	ner_table_index(&m->gaz.t);
	return m;
}

void
ner_free(struct ner_model *m)
{
	if (!m)
		return;
	ner_table_free(&m->f);
	free(m->w);
	ner_table_free(&m->gaz.t);
	free(m->gaz.cls);
	ner_ctx_free(&m->ctx);
	free(m->emit);
	free(m);
}
