/* ner: named-entity recognition with two linear-chain models (averaged
 * perceptron weights) over BIO tags, decoded by Viterbi.  The first pass
 * tags each sentence from its words; the second tags it again with the
 * first pass's labels of the same words elsewhere in the document among
 * its features (Ratinov and Roth, 2009, "two-stage prediction
 * aggregation").  The features, the gazetteer matching and the decoder
 * are shared by the filter, the trainer (tools/ner-train.c) and the
 * scorer (tools/ner-score.c).  lib/entity/features.c makes the
 * features, model.c loads the model, tagger.c decodes and counts; the
 * names given to what it finds are names.h's.
 *
 * The model's data are four separate read-only parts (workers may share
 * one model): the feature table, the transitions, the gazetteer and the
 * word clusters.  Everything a sentence needs while it is tagged is in a
 * struct ner_ctx, one per worker.
 *
 * Model file (little-endian, as written by ner-train):
 *	char     magic[8]	"NEWSNER2"
 *	uint32_t nfeat, ngaz, gazmax, ncl
 *	float    scale		weight = int16 * scale
 *	float    trans[NER_NPASS][(NER_NTAGS + 1) * NER_NTAGS]	row NER_NTAGS: start
 *	uint64_t fkeys[nfeat]	feature keys, sorted
 *	int16_t  w[nfeat][NER_NPASS][NER_NTAGS]
 *	uint64_t gkeys[ngaz]	gazetteer keys (entries and their prefixes), sorted
 *	uint16_t gcls[ngaz]	class bits of each
 *	uint64_t ckeys[ncl]	word cluster keys (ner_cluster_key), sorted
 *	uint32_t cpath[ncl]	each word's bit string, under a leading 1 */
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
#define NER_MAXFEAT	96
#define NER_NPASS	2
#define NER_MAGIC	"NEWSNER2"
#define NER_MAGIC_OLD	"NEWSNER"	/* the first 7 bytes of any version */

extern const char *const ner_types[NER_NTYPES];	/* "PER", "ORG", ... */
/* The type named s ("PER"...), or -1. */
int ner_type_of(const char *s);

/* Gazetteer classes (bits of gcls). */
enum {
	NER_GAZ_COUNTRY = 1, NER_GAZ_REGION = 2, NER_GAZ_ORG = 4,
	NER_GAZ_AGENCY = 8, NER_GAZ_GOVWORD = 16, NER_GAZ_TITLE = 32,
	NER_GAZ_DEMONYM = 64, NER_GAZ_CITY = 128, NER_GAZ_FIRST = 256,
	NER_GAZ_SURNAME = 512, NER_GAZ_DESIG = 1024, NER_GAZ_LANG = 2048,
	NER_GAZ_NCLASS = 12,
	/* not features: a proper prefix of an entry (matching goes on),
	 * and a word the training text mostly writes in lower case (see
	 * ner_tag_doc) */
	NER_GAZ_PREFIX = 0x4000, NER_GAZ_COMMON = 0x8000
};

/* A word of a document and what separates it from the one before. */
enum { NER_BRK_NONE, NER_BRK_LINE, NER_BRK_SENT };
struct ner_word {
	const char *s;
	size_t len;
	int brk;	/* NER_BRK_SENT: a sentence begins here; NER_BRK_LINE:
			 * a line does (no mention runs across either) */
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

/* The feature table: weights of feature f for pass p and tag t at
 * w[f * NER_ROW + p * NER_PASSOFF + t], times scale.  A row is padded
 * to 24 weights in memory (12 a pass), so adding rows is vector work;
 * the file has NER_NPASS * NER_NTAGS a row.
 *
 * The tagger reads it through buckets, built from keys and rows by
 * ner_feats_index: a feature's key and its row in one 64-byte bucket,
 * so a lookup reads one cache line of the table, found by linear
 * probing over fp, the 16-bit fingerprints of the buckets' keys (2
 * bytes a bucket, so they stay in the cache: a feature the model lacks,
 * one lookup in five, reads no bucket at all).  The buckets are made at
 * load time, not kept in the file, so the file stays the trainer's
 * plain lists and the layout can change without a new model. */
#define NER_PASSOFF	12
#define NER_ROW		(NER_NPASS * NER_PASSOFF)
struct ner_bucket {
	uint64_t key;		/* 0: empty (no feature key is 0) */
	int16_t w[NER_ROW];
	char pad[64 - 8 - NER_ROW * 2];
};
struct ner_feats {
	struct ner_table f;	/* keys (no index needed once in buckets) */
	int16_t *w;
	float scale;
	struct ner_bucket *b;	/* mask + 1 buckets, 64-byte aligned */
	unsigned long id;	/* new at each ner_feats_index (word caches
				 * know their model by it) */
	uint16_t *fp;		/* their fingerprints, 0: empty */
	size_t mask;
};

/* Make the buckets of f->f.keys[0..n) and their rows f->w. */
void ner_feats_index(struct ner_feats *f);

struct ner_gaz {
	struct ner_table t;
	uint16_t *cls;
	unsigned maxlen;	/* longest entry in tokens */
};

/* Word clusters: the bit string of each word (ner_form) as a number
 * with a leading 1 (0110 is 10110). */
struct ner_clusters {
	struct ner_table t;
	uint32_t *path;
};

struct ner_model {
	struct ner_feats feats;
	float trans[NER_NPASS][(NER_NTAGS + 1) * NER_NTAGS];
	struct ner_gaz gaz;
	struct ner_clusters cl;
};

/* Append to b the form of s[0..n) that word clusters are keyed by: case
 * kept, digits as 0, typographic quotes and dashes as ASCII. */
void ner_form(struct buf *b, const char *s, size_t n);
/* Key of a word's cluster: s[0..n) is its ner_form. */
uint64_t ner_cluster_key(const char *s, size_t n);
/* Key of a gazetteer entry made of the words w[0..n-1]. */
uint64_t ner_gaz_key(const struct ner_word *w, size_t n);

/* What a document's tagging needs besides the model: its token
 * descriptions, sentence bounds, the first pass's labels and the
 * decoder's scratch.  One per worker; zeroed to begin. */
struct ner_tokinfo;
struct ner_wcache;
enum { NER_SKIP_CLUSTERS = 1, NER_SKIP_CASE = 2, NER_SKIP_PASS2 = 4 };
struct ner_ctx {
	unsigned skip;		/* NER_SKIP_*: feature groups left out, for
				 * ner-train's ablation runs; 0 otherwise */
	struct ner_tokinfo *ti;
	size_t n, cap;
	const struct ner_word *w;	/* the words prepared */
	struct ner_wcache *wc;	/* the tagger's word cache (wcache.c) */
	size_t wcslots;		/* its slots (0: NER_WC_SLOTS); tests make
				 * it small */
	struct buf text;
	size_t *sent;		/* sentence k: tokens sent[k]..sent[k+1]-1 */
	size_t nsent, scap;
	int *tags1;		/* the first pass's tags */
	size_t t1cap;
	struct ner_docword *dw;	/* the document's words and their labels */
	size_t ndw, dwcap;
	struct hash_index dix;
	uint64_t *fs;		/* a sentence's feature keys */
	size_t fscap;
	size_t *fsat;		/* where each token's begin in fs */
	size_t fsatcap;
	float *emit;		/* emission scores of the pass decoded */
	size_t emitcap;
	int32_t *emit2;		/* the second pass's, before its own features */
	size_t emit2cap;
	int32_t (*acc)[NER_ROW];	/* both passes' sums of each token */
	size_t acccap;
	float *vscore;		/* Viterbi scratch */
	size_t vcap;
};

/* Describe the document w[0..n) for the features: forms, shapes,
 * clusters and gazetteer matches of m (which may have no features yet,
 * as in training); sentences begin at NER_BRK_SENT. */
void ner_ctx_prepare(struct ner_ctx *c, const struct ner_model *m,
    const struct ner_word *w, size_t n);
/* The first pass's feature keys of token i (at most NER_MAXFEAT). */
size_t ner_features(const struct ner_ctx *c, size_t i, uint64_t *out);
/* Take tags[0..c->n) as the first pass's labels of the document. */
void ner_doc_labels(struct ner_ctx *c, const int *tags);
/* The keys the second pass adds for token i (at most NER_MAXFEAT):
 * first-pass labels around it and of the same word elsewhere. */
size_t ner_doc_features(const struct ner_ctx *c, size_t i, uint64_t *out);
void ner_ctx_free(struct ner_ctx *c);

/* Best tag sequence for emission scores emit[n][NER_NTAGS] and
 * transitions trans[NER_NTAGS + 1][NER_NTAGS], under BIO constraints;
 * no mention continues across a break of the words w[0..n) (NULL: none
 * known). */
void ner_viterbi(struct ner_ctx *c, const float *emit, const float *trans,
    const struct ner_word *w, size_t n, int *tags);
/* 1 if the transition from tag a (NER_NTAGS: start) to b is legal. */
int ner_allowed(int a, int b);
/* Drop, in sentence k of a prepared document, single-token mentions of
 * a weekday or month name (dates, not names) and mentions made only of
 * common words in a heading line ("Related Stories"), and the titles a
 * person's mention begins with (President, Mr). */
void ner_drop_non_names(const struct ner_ctx *c, size_t k, int *tags);

/* Load a model; NULL with errno set (EINVAL: not a model file, EPROTO:
 * a model of an older format). */
struct ner_model *ner_load(const char *path);
void ner_free(struct ner_model *m);
/* Tag the document w[0..n): tags[0..n-1] get BIO tags, both passes. */
void ner_tag_doc(const struct ner_model *m, struct ner_ctx *c,
    const struct ner_word *w, size_t n, int *tags);
/* The end (exclusive) of the mention that starts at i under BIO. */
size_t ner_span_end(const int *tags, size_t n, size_t i);
/* Add the CoNLL counts of one sentence to cnt[type]: [0] gold mentions,
 * [1] predicted, [2] correct (same span and type). */
void ner_count(const int *gold, const int *pred, size_t n,
    unsigned long cnt[NER_NTYPES][3]);

#endif
