/* names: the rules that give a mention its canonical name.  The sets and
 * maps below compare their keys in full (lib/hash's index finds them). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entity/names.h"
#include "hash.h"
#include "mem.h"
#include "text.h"

/* A map from byte strings to numbers: the keys are copied, each ending
 * in a NUL, into one buffer. */
struct keymap {
	struct keyent {
		size_t off, len;	/* the key: b.s[off..off+len) */
		uint64_t h;
		size_t val;
	} *e;
	size_t n, cap;
	struct buf b;
	struct hash_index ix;
};

#define KEYMAP_INIT { NULL, 0, 0, BUF_INIT, HASH_INDEX_INIT }

static uint64_t
keyent_hash(const void *items, size_t i)
{
	return ((const struct keyent *)items)[i].h;
}

/* The entry of key k[0..len), or NULL. */
static struct keyent *
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

/* Add key k[0..len), which is not in m yet, with value val.  An entry
 * stays where it is until the next addition. */
static struct keyent *
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

/* The entry of key k[0..len), added with value val if new. */
static struct keyent *
keymap_get(struct keymap *m, const char *k, size_t len, size_t val)
{
	struct keyent *e = keymap_find(m, k, len);

	return e ? e : keymap_add(m, k, len, val);
}

static void
keymap_free(struct keymap *m)
{
	free(m->e);
	buf_free(&m->b);
	hash_index_free(&m->ix);
}

static int
capitalised(const struct ner_word *w)
{
	int32_t cp;

	return text_decode(w->s, w->len, &cp) > 0 && text_is_upper(cp);
}

static int
is_per(const int *tags, size_t i)
{
	return tags[i] != NER_O && NER_TYPE(tags[i]) == NER_PER;
}

void
names_doc_fix(const struct ner_word *w, size_t n, int *tags)
{
	struct keymap names = KEYMAP_INIT;
	size_t i, e;
	int alone;

	/* the first and last words of the people named in full */
	for (i = 0; i < n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, n, i);
		if (is_per(tags, i) && e - i >= 2) {
			keymap_get(&names, w[i].s, w[i].len, 0);
			keymap_get(&names, w[e - 1].s, w[e - 1].len, 0);
		}
	}
	for (i = 0; i < n && names.n; i++) {
		alone = (tags[i] == NER_O || NER_IS_B(tags[i])) &&
		    (i + 1 == n || tags[i + 1] == NER_O || NER_IS_B(tags[i + 1]));
		if (!alone || is_per(tags, i) || w[i].len < 2 ||
		    !capitalised(&w[i]) || !keymap_find(&names, w[i].s, w[i].len))
			continue;
		/* next to a person's name, it is part of that name */
		tags[i] = i && is_per(tags, i - 1) ? NER_I(NER_PER) : NER_B(NER_PER);
		if (i + 1 < n && tags[i + 1] == NER_B(NER_PER))
			tags[i + 1] = NER_I(NER_PER);
	}
	keymap_free(&names);
}
