/* internal: what the tagger's files share (lib/entity/features.c makes
 * the token descriptions, tagger.c reads them after decoding). */
#ifndef ENTITY_INTERNAL_H
#define ENTITY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "entity/ner.h"

/* One token of the document in a struct ner_ctx: the hashes of its
 * forms (the features combine them), its clusters and gazetteer
 * classes. */
struct ner_tokinfo {
	size_t low, llen;	/* lower case, digits as 0: text offsets */
	uint64_t hword, hlow, hshape, hss;	/* Xxxxx, Xx */
	uint64_t hpre[4], hsuf[4];	/* affixes of low, 0: none */
	uint32_t c1, c2;	/* cluster paths (see features.c), 0: none */
	unsigned cplen;
	unsigned flags;
	uint16_t gb, gi;	/* gazetteer classes begun / continued here */
	size_t s;		/* its sentence */
	long dw;		/* its word in the document's labels, -1: none */
	int brk;		/* NER_BRK_* before it */
	int ascii;		/* made only of ASCII */
	uint64_t hform;		/* ASCII: the hash of its ner_form */
};

/* The fingerprint of a feature key in struct ner_feats: its top 16
 * bits (the slot is its low bits), never 0 (an empty slot). */
static inline uint16_t
ner_fp(uint64_t key)
{
	uint16_t f = (uint16_t)(key >> 48);

	return f ? f : 1;
}

/* The row of both passes' weights of feature key, or NULL. */
static inline const int16_t *
ner_feats_find(const struct ner_feats *f, uint64_t key)
{
	size_t i = (size_t)key & f->mask;
	uint16_t fp = ner_fp(key);

	for (; f->fp[i]; i = (i + 1) & f->mask)
		if (f->fp[i] == fp && f->b[i].key == key)
			return f->b[i].w;
	return NULL;
}

/* Ask for what a lookup of key reads first (its home slot and bucket)
 * to be brought into the cache. */
static inline void
ner_feats_prefetch(const struct ner_feats *f, uint64_t key)
{
#if defined(__GNUC__)
	size_t i = (size_t)key & f->mask;

	__builtin_prefetch(&f->fp[i]);
	__builtin_prefetch(&f->b[i]);
#else
	(void)f, (void)key;
#endif
}

enum { T_INIT = 1, T_DIGIT = 2, T_HYPHEN = 4, T_PERIOD = 8, T_UPPER = 16,
	T_LOWER = 32, T_ALLCAPS = 64, T_HEAD = 128, T_TITLESENT = 256 };

/* The first pass's labels of the capitalised occurrences of one word
 * (by lower-cased form) in a document: n[type][place] counts mentions of
 * that type holding it alone (0), first (1), inside (2) or last (3); o
 * counts those tagged O. */
struct ner_docword {
	uint64_t h;
	uint16_t n[NER_NTYPES][4];
	uint16_t o;
};

#endif
