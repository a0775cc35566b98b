/* model: the key tables, and loading and freeing a model file (its
 * layout is in ner.h). */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "entity/internal.h"
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

void
ner_feats_index(struct ner_feats *f)
{
	static atomic_ulong ids;
	size_t slots = 16, i, j;
	uint64_t key;

	f->id = atomic_fetch_add(&ids, 1) + 1;
	while (f->f.n > slots / 10 * 4)
		slots *= 2;
	free(f->b);
	free(f->fp);
	/* only the buckets filled are ever read (fp says which) */
	f->b = ealigned(64, slots * sizeof *f->b);
	f->fp = ecalloc(slots, sizeof *f->fp);
	f->mask = slots - 1;
	for (i = 0; i < f->f.n; i++) {
		key = f->f.keys[i];
		for (j = (size_t)key & f->mask; f->fp[j]; j = (j + 1) & f->mask)
			;
		f->fp[j] = ner_fp(key);
		f->b[j].key = key;
		memcpy(f->b[j].w, f->w + i * NER_ROW, sizeof f->b[j].w);
	}
}

/* A new array of n items of size read from fp (one more allocated, so
 * n may be 0); *ok becomes 0 when they could not be read. */
static void *
read_array(FILE *fp, size_t size, size_t n, int *ok)
{
	void *p = emalloc((n + 1) * size);

	if (*ok && n && fread(p, size, n, fp) != n)
		*ok = 0;
	return p;
}

/* The n rows of weights of the file, each spread to NER_ROW. */
static int16_t *
read_weights(FILE *fp, size_t n, int *ok)
{
	int16_t *w = ecalloc(n * NER_ROW + 1, sizeof *w);
	int16_t *f = read_array(fp, NER_NPASS * NER_NTAGS * sizeof *f, n, ok);
	size_t i;
	int p;

	for (i = 0; *ok && i < n; i++)
		for (p = 0; p < NER_NPASS; p++)
			memcpy(w + i * NER_ROW + p * NER_PASSOFF,
			    f + (i * NER_NPASS + p) * NER_NTAGS,
			    NER_NTAGS * sizeof *f);
	free(f);
	return w;
}

static int
read_parts(FILE *fp, struct ner_model *m)
{
	uint32_t hdr[4];
	int ok = 1;

	if (fread(hdr, sizeof *hdr, 4, fp) != 4 || hdr[0] >= (1u << 26) ||
	    hdr[1] >= (1u << 24) || hdr[2] >= 16 || hdr[3] >= (1u << 24) ||
	    fread(&m->feats.scale, sizeof m->feats.scale, 1, fp) != 1 ||
	    fread(m->trans, sizeof m->trans, 1, fp) != 1)
		return 0;
	m->feats.f.n = hdr[0];
	m->gaz.t.n = hdr[1];
	m->gaz.maxlen = hdr[2];
	m->cl.t.n = hdr[3];
	m->feats.f.keys = read_array(fp, sizeof *m->feats.f.keys, m->feats.f.n,
	    &ok);
	m->feats.w = read_weights(fp, m->feats.f.n, &ok);
	m->gaz.t.keys = read_array(fp, sizeof *m->gaz.t.keys, m->gaz.t.n, &ok);
	m->gaz.cls = read_array(fp, sizeof *m->gaz.cls, m->gaz.t.n, &ok);
	m->cl.t.keys = read_array(fp, sizeof *m->cl.t.keys, m->cl.t.n, &ok);
	m->cl.path = read_array(fp, sizeof *m->cl.path, m->cl.t.n, &ok);
	return ok && fgetc(fp) == EOF;
}

struct ner_model *
ner_load(const char *path)
{
	struct ner_model *m;
	FILE *fp;
	char magic[8];
	int ok, e;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	m = ecalloc(1, sizeof *m);
	ok = fread(magic, 1, 8, fp) == 8;
	e = EINVAL;
	if (ok && memcmp(magic, NER_MAGIC, 8) != 0) {
		if (memcmp(magic, NER_MAGIC_OLD, strlen(NER_MAGIC_OLD)) == 0)
			e = EPROTO;
		ok = 0;
	}
	ok = ok && read_parts(fp, m);
	if (ferror(fp))
		e = errno;
	fclose(fp);
	if (!ok) {
		ner_free(m);
		errno = e;
		return NULL;
	}
	/* the tagger reads the features from their buckets only */
	ner_feats_index(&m->feats);
	free(m->feats.f.keys);
	free(m->feats.w);
	m->feats.f.keys = NULL;
	m->feats.w = NULL;
	ner_table_index(&m->gaz.t);
	ner_table_index(&m->cl.t);
	return m;
}

void
ner_free(struct ner_model *m)
{
	if (!m)
		return;
	ner_table_free(&m->feats.f);
	free(m->feats.w);
	free(m->feats.b);
	free(m->feats.fp);
	ner_table_free(&m->gaz.t);
	free(m->gaz.cls);
	ner_table_free(&m->cl.t);
	free(m->cl.path);
	free(m);
}
