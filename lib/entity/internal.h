/* internal: what the tagger's files share (lib/entity/features.c makes
 * the token descriptions, tagger.c reads them after decoding). */
#ifndef ENTITY_INTERNAL_H
#define ENTITY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "entity/ner.h"
#include "hash.h"

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
	long g1;		/* the gazetteer entry of its word alone, -1 */
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

/* Feature templates: the first value hashed into every feature key. */
enum {
	F_BIAS = 1, F_WORD, F_LOWER, F_SHAPE, F_SSHAPE, F_PRE, F_SUF = F_PRE + 4,
	F_LOWM1 = F_SUF + 4, F_LOWP1, F_LOWM2, F_LOWP2, F_SSM1, F_SSP1, F_SSM2,
	F_SSP2, F_BI_M1, F_BI_P1, F_SS3, F_INIT_SS, F_INIT_LOW, F_HEAD_LOW,
	F_HEAD_SS, F_GAZ, F_GAZM1, F_GAZP1, F_GAZ_SS, F_LEN, F_FLAGS,
	F_LOWM1_SS, F_SS_LOWP1, F_CASE_SS, F_CL1, F_CL2 = F_CL1 + 4,
	F_CLM1 = F_CL2 + 4, F_CLP1 = F_CLM1 + 4, F_CL_NONE = F_CLP1 + 4,
	F_CL_SS,
	/* second pass */
	F_P1 = 100, F_P1M1, F_P1P1, F_P1_SS, F_DOC_TYPE, F_DOC_PLACE,
	F_DOC_MAJ, F_DOC_MAJ_P1, F_DOC_NONE, F_DOC_SAMEAS,
	/* keys that are not features */
	K_GAZ = 200, K_CLUSTER, K_DOCWORD
};

/* Feature keys: FNV-1a steps over a template number and the hashes it
 * combines (lib/hash), mixed at the end; 0 is reserved. */
static inline uint64_t
k_fin(uint64_t h)
{
	h = hash_mix(h);
	return h ? h : 1;
}

static inline uint64_t
k1(unsigned tpl, uint64_t a)
{
	return k_fin(hash_fnv_step(hash_fnv_step(HASH_FNV_INIT, tpl), a));
}

static inline uint64_t
k2(unsigned tpl, uint64_t a, uint64_t b)
{
	return k_fin(hash_fnv_step(hash_fnv_step(hash_fnv_step(HASH_FNV_INIT,
	    tpl), a), b));
}

static inline uint64_t
k3(unsigned tpl, uint64_t a, uint64_t b, uint64_t c)
{
	return k_fin(hash_fnv_step(hash_fnv_step(hash_fnv_step(hash_fnv_step(
	    HASH_FNV_INIT, tpl), a), b), c));
}

/* Feature groups of the first pass (ner_features_in): the keys of
 * the token's own word, of the word before it as that, of the word
 * after it as that, of the words two before and two after as those,
 * and the rest (pairs of words). */
enum { NER_G_SELF = 1, NER_G_M1 = 2, NER_G_P1 = 4, NER_G_M2 = 8,
	NER_G_P2 = 16, NER_G_REST = 32, NER_G_ALL = 63 };
size_t ner_features_in(const struct ner_ctx *c, size_t i, unsigned want,
    uint64_t *out);
/* The same for a token t and its neighbours given (NULL: past the
 * sentence's edge); t is read whatever the groups wanted, so the keys
 * of a word w as the one before another are those of NER_G_M1 with t
 * and m1 both w. */
struct ner_window {
	const struct ner_tokinfo *t, *m1, *p1, *m2, *p2;
};
size_t ner_window_features(const struct ner_ctx *c, const struct ner_window *w,
    unsigned want, uint64_t *out);

/* The word cache (wcache.c): a word's summed rows of its groups
 * NER_G_SELF, NER_G_M1, NER_G_P1, NER_G_M2 and NER_G_P2, in that order;
 * words longer than NER_WC_MAXLEN bytes are not kept. */
#define NER_WC_MAXLEN	22
#define NER_WC_SLOTS	4096	/* 2 MB: 90% of news tokens hit, 1024: 78% */
#define NER_WC_ROWS	5
/* It keeps too what describing a word as written (and upcase, see
 * features.c) finds: its forms, clusters and gazetteer entry alone, the
 * word's token description but for where it stands; words longer than
 * NER_FC_MAXLEN bytes, or whose lower-case form is longer than low, are
 * not kept. */
#define NER_FC_MAXLEN	18
#define NER_FC_SLOTS	4096	/* 928 KB */
struct ner_fslot {
	struct ner_tokinfo t;
	char low[32];		/* its lower-cased form, t.llen bytes */
	uint8_t len, upcase;	/* len 0: empty */
	char s[NER_FC_MAXLEN];
};
struct ner_wslot;
struct ner_wcache {
	struct ner_wslot *slot;
	size_t mask;		/* slots - 1 */
	struct ner_fslot *form;	/* NER_FC_SLOTS */
	unsigned long model;	/* the struct ner_feats' id it holds rows of */
	unsigned skip;		/* and the ctx's skip */
	unsigned long hits, misses, fhits, fmisses;
};
/* Make c->wc ready for rows of f (c->wcslots slots): emptied unless it
 * holds f's under the same skip. */
void ner_wcache_ready(struct ner_ctx *c, const struct ner_feats *f);
/* The rows of token j of c: *hit 1 if the cache holds them, else (the
 * slot now named for j's word) *hit 0 and the rows to fill; NULL when
 * the word is too long to keep. */
int32_t (*ner_wcache_rows(struct ner_wcache *w, const struct ner_ctx *c,
    size_t j, int *hit))[NER_ROW];
/* The form slot of the word s[0..len) (and upcase): *hit 1 if it
 * holds it, else named for it (to fill) and *hit 0; NULL when too
 * long. */
struct ner_fslot *ner_wcache_form(struct ner_wcache *w, const char *s,
    size_t len, int upcase, int *hit);
void ner_wcache_free(struct ner_wcache *w);

#endif
