/* ner: named-entity recognition with a linear-chain model (averaged
 * perceptron weights), BIO tags and Viterbi decoding.  The features,
 * the gazetteer matching and the decoder are shared by the filter, the
 * trainer (tools/ner-train.c) and the scorer (tools/ner-score.c).
 * lib/entity/features.c makes the features, model.c loads the model,
 * tagger.c decodes and counts; the names given to what it finds are
 * names.h's.
 *
 * Model file (little-endian, as written by ner-train):
 *	char     magic[8]	"NEWSNER1"
 *	uint32_t nfeat, ngaz, gazmax, reserved
 *	float    scale		weight = int16 * scale
 *	float    trans[(NER_NTAGS + 1) * NER_NTAGS]	row NER_NTAGS: start
 *	uint64_t fkeys[nfeat]	feature hashes, sorted
 *	int16_t  w[nfeat * NER_NTAGS]
 *	uint64_t gkeys[ngaz]	gazetteer entry hashes, sorted
 *	uint8_t  gcls[ngaz]	class bits of each entry */
#ifndef NER_H
#define NER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"

/* Entity types, in the order of ner_types[]; the model's tags number
 * them so (see below), so the order never changes. */
enum ner_type { NER_PER, NER_ORG, NER_LOC, NER_MISC, NER_NTYPES };
/* Tags: O, then B and I of each type in the order of ner_type. */
enum { NER_O, NER_NTAGS = 1 + 2 * NER_NTYPES };
#define NER_TYPE(tag)	(((tag) - 1) / 2)
#define NER_IS_B(tag)	((tag) > 0 && ((tag) - 1) % 2 == 0)
#define NER_B(type)	(1 + 2 * (type))
#define NER_I(type)	(2 + 2 * (type))
#define NER_MAXFEAT	64
#define NER_MAGIC	"NEWSNER1"

extern const char *const ner_types[NER_NTYPES];	/* "PER", "ORG", ... */
/* The type named s ("PER"...), or -1. */
int ner_type_of(const char *s);

/* Gazetteer classes (bits of gcls). */
enum {
	NER_GAZ_COUNTRY = 1, NER_GAZ_REGION = 2, NER_GAZ_ORG = 4,
	NER_GAZ_AGENCY = 8, NER_GAZ_GOVWORD = 16, NER_GAZ_TITLE = 32,
	NER_GAZ_DEMONYM = 64, NER_GAZ_NCLASS = 7,
	/* not a feature: a word the training text mostly writes in lower
	 * case (see ner_tag) */
	NER_GAZ_COMMON = 128
};

struct ner_word {
	const char *s;
	size_t len;
};

/* A set of 64-bit keys with an index over them. */
struct ner_table {
	uint64_t *keys;
	size_t n, cap;
	struct hash_index ix;
};

/* Index keys[0..n) (as read from a model file). */
void ner_table_index(struct ner_table *t);
/* Index of key in t->keys, or -1. */
long ner_table_find(const struct ner_table *t, uint64_t key);
/* Index of key in t->keys, where it is appended (and indexed) if new. */
size_t ner_table_put(struct ner_table *t, uint64_t key);
void ner_table_free(struct ner_table *t);

struct ner_gaz {
	struct ner_table t;
	uint8_t *cls;
	unsigned maxlen;	/* longest entry in tokens */
};

/* Key of a gazetteer entry made of the words w[0..n-1]. */
uint64_t ner_gaz_key(const struct ner_word *w, size_t n);

/* Per-sentence scratch for feature extraction and decoding. */
struct ner_tokinfo;
struct ner_ctx {
	struct ner_tokinfo *ti;
	size_t n, cap;
	struct buf text;
	int headline;		/* every word is in capitals */
	float *vscore;		/* Viterbi scratch */
	int *vback;
	size_t vcap;
};

void ner_ctx_prepare(struct ner_ctx *c, const struct ner_gaz *g,
    const struct ner_word *w, size_t n);
/* The feature hashes of token i (at most NER_MAXFEAT) into out. */
size_t ner_features(const struct ner_ctx *c, size_t i, uint64_t *out);
void ner_ctx_free(struct ner_ctx *c);

/* Best tag sequence for emission scores emit[n][NER_NTAGS] and
 * transitions trans[NER_NTAGS + 1][NER_NTAGS], under BIO constraints. */
void ner_viterbi(struct ner_ctx *c, const float *emit, const float *trans,
    size_t n, int *tags);
/* 1 if the transition from tag a (NER_NTAGS: start) to b is legal. */
int ner_allowed(int a, int b);

struct ner_model {
	struct ner_table f;
	int16_t *w;
	float scale;
	float trans[(NER_NTAGS + 1) * NER_NTAGS];
	struct ner_gaz gaz;
	struct ner_ctx ctx;
	float *emit;
	size_t emitcap;
};

/* Load a model; NULL with errno set (EINVAL: not a model file). */
struct ner_model *ner_load(const char *path);
void ner_free(struct ner_model *m);
/* Tag one sentence: tags[0..n-1] get BIO tags.  Single-token mentions
 * of a weekday or month name are dropped (they are dates, not names),
 * and so are mentions made only of common words in a heading line
 * ("Related Stories"). */
void ner_tag(struct ner_model *m, const struct ner_word *w, size_t n,
    int *tags);
/* The end (exclusive) of the mention that starts at i under BIO. */
size_t ner_span_end(const int *tags, size_t n, size_t i);
/* Add the CoNLL counts of one sentence to cnt[type]: [0] gold mentions,
 * [1] predicted, [2] correct (same span and type). */
void ner_count(const int *gold, const int *pred, size_t n,
    unsigned long cnt[NER_NTYPES][3]);

#endif
