/* Unit test of lib/entity/wcache.c, the tagger's word caches: with the
 * model given (argv[1]), every token's emission scores of both passes
 * are the sums of the rows of all its first-pass keys (ner_features),
 * looked up one by one here, whether its word's rows came from the
 * cache, were evicted by another word's (a cache of one slot) or were
 * never kept (a word too long); every token's description from the
 * forms' cache is the one made without it; the caches count exactly
 * the hits and misses their words make, and are emptied for another
 * model or other feature groups.  Exits 1 on a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/internal.h"
#include "expect.h"

#define LONGWORD "Transcontinentalisation"	/* 23 bytes: not kept */

/* Two sentences (no headline, no title case), with words repeated;
 * Minister begins and continues a title after Prime (the gazetteer's
 * classes gb and gi), only begins one after the long word. */
static struct ner_word doc[] = {
	{ "the", 3, NER_BRK_SENT }, { "cat", 3, 0 }, { "watched", 7, 0 },
	{ "the", 3, 0 }, { "Prime", 5, 0 }, { "Minister", 8, 0 },
	{ LONGWORD, 23, 0 }, { "Minister", 8, 0 }, { "cat", 3, 0 },
	{ ".", 1, 0 }, { "the", 3, 0 },
	{ "the", 3, NER_BRK_SENT }, { "cat", 3, 0 }, { "ran", 3, 0 },
	{ "ran", 3, 0 }, { LONGWORD, 23, 0 }, { ".", 1, 0 },
};
#define NDOC (sizeof doc / sizeof *doc)

/* 1 if c's scores (a first pass just made) are the sums of the rows of
 * every token's keys. */
static int
same_sums(const struct ner_model *m, struct ner_ctx *c)
{
	uint64_t fs[NER_MAXFEAT];
	int32_t acc[NER_ROW];
	const int16_t *w;
	size_t i, k, n;
	int t, ok = 1;

	for (i = 0; i < c->n; i++) {
		memset(acc, 0, sizeof acc);
		n = ner_features(c, i, fs);
		for (k = 0; k < n; k++)
			if ((w = ner_feats_find(&m->feats, fs[k])) != NULL)
				for (t = 0; t < NER_ROW; t++)
					acc[t] += w[t];
		for (t = 0; t < NER_NTAGS; t++)
			ok &= c->emit[i * NER_NTAGS + t] ==
			    (float)acc[t] * m->feats.scale &&
			    c->emit2[i * NER_NTAGS + t] == acc[NER_PASSOFF + t];
	}
	return ok;
}

/* The gazetteer classes token i of doc continues. */
static long
doc_gi(const struct ner_model *m, size_t i)
{
	struct ner_ctx c = { 0 };
	long gi;

	ner_ctx_prepare(&c, m, doc, NDOC);
	gi = c.ti[i].gi & ~NER_GAZ_COMMON;
	ner_ctx_free(&c);
	return gi;
}

/* 1 if token t's description (as the cache had it) is u's, found
 * without it. */
static int
same_token(const struct ner_ctx *c, const struct ner_tokinfo *t,
    const struct ner_ctx *bare, const struct ner_tokinfo *u)
{
	return t->llen == u->llen && memcmp(c->text.s + t->low,
	    bare->text.s + u->low, t->llen) == 0 && t->hword == u->hword &&
	    t->hlow == u->hlow && t->hshape == u->hshape && t->hss == u->hss &&
	    memcmp(t->hpre, u->hpre, sizeof t->hpre) == 0 &&
	    memcmp(t->hsuf, u->hsuf, sizeof t->hsuf) == 0 &&
	    t->c1 == u->c1 && t->c2 == u->c2 && t->cplen == u->cplen &&
	    t->flags == u->flags && t->gb == u->gb && t->gi == u->gi &&
	    t->g1 == u->g1 && t->ascii == u->ascii && t->hform == u->hform;
}

/* 1 if the descriptions of c's tokens are those found without the
 * cache. */
static int
same_forms(const struct ner_model *m, const struct ner_ctx *c)
{
	struct ner_ctx bare = { 0 };
	size_t i;
	int ok = 1;

	ner_ctx_prepare(&bare, m, doc, NDOC);
	for (i = 0; i < NDOC; i++)
		ok &= same_token(c, &c->ti[i], &bare, &bare.ti[i]);
	ner_ctx_free(&bare);
	return ok;
}

/* Tag doc's first pass with c and check its sums. */
static void
tag(const char *what, const struct ner_model *m, struct ner_ctx *c)
{
	int tags[NDOC];

	c->skip |= NER_SKIP_PASS2;	/* keep the first pass's scores */
	ner_tag_doc(m, c, doc, NDOC, tags);
	expect(what, same_sums(m, c), 1);
}

int
main(int argc, char **argv)
{
	struct ner_model *m, *m2;
	struct ner_ctx c = { 0 }, one = { 0 };

	if (argc != 2 || (m = ner_load(argv[1])) == NULL ||
	    (m2 = ner_load(argv[1])) == NULL) {
		fprintf(stderr, "usage: wcache MODEL\n");
		return 2;
	}
	expect("Minister continues a title", doc_gi(m, 5), NER_GAZ_TITLE);
	expect("or not", doc_gi(m, 7), 0);
	/* misses: the (first in its sentence), cat, watched, the, Prime,
	 * Minister (continuing), Minister, ., ran; the long word is
	 * neither; hits: cat, the, the (first), cat, ran, . */
	tag("sums with the cache", m, &c);
	expect("hits", (long)c.wc->hits, 6);
	expect("misses", (long)c.wc->misses, 9);
	tag("sums from a full cache", m, &c);
	expect("hits again", (long)c.wc->hits, 6 + 15);
	expect("misses again", (long)c.wc->misses, 9);
	/* forms: by the word as written (and title case): misses the,
	 * cat, watched, Prime, Minister, ., ran; the long word neither */
	expect("forms' hits", (long)c.wc->fhits, 8 + 15);
	expect("forms' misses", (long)c.wc->fmisses, 7);
	expect("descriptions from the cache", same_forms(m, &c), 1);
	/* another model (the same file loaded again): emptied */
	tag("sums of another model", m2, &c);
	expect("another model's hits", (long)c.wc->hits, 6);
	expect("another model's misses", (long)c.wc->misses, 9);
	c.skip |= NER_SKIP_CLUSTERS;
	tag("sums without clusters", m2, &c);
	expect("other groups' hits", (long)c.wc->hits, 6);
	/* one slot: each word evicts the one before; only ran ran hits,
	 * not the the (one first in its sentence) nor Minister Minister
	 * (one continuing a title) */
	one.wcslots = 1;
	tag("sums with one slot", m, &one);
	expect("one slot's hits", (long)one.wc->hits, 1);
	expect("one slot's misses", (long)one.wc->misses, 14);
	ner_ctx_free(&c);
	ner_ctx_free(&one);
	ner_free(m);
	ner_free(m2);
	if (!failed)
		printf("wcache: ok\n");
	return failed;
}
