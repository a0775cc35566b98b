/* keys: the feature keys of a token, made of what features.c found of
 * it and its neighbours: the first pass's (its own word and the words
 * around it, in groups that the tagger's word cache keeps per word),
 * and the second's (the first pass's labels of the same word elsewhere
 * in the document). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "entity/internal.h"
#include "hash.h"

/* Cluster bit-string prefix lengths (Ratinov and Roth, 2009). */
static const unsigned cl_prefix[4] = { 4, 6, 10, 20 };

/* ---- the first pass ---- */

/* Token j = i + d of i's sentence, or NULL past either end. */
static const struct ner_tokinfo *
near(const struct ner_ctx *c, size_t i, int d)
{
	long j = (long)i + d;
	size_t s = c->ti[i].s;

	if (j < (long)c->sent[s] || j >= (long)c->sent[s + 1])
		return NULL;
	return &c->ti[j];
}

static uint16_t
gaz_code(const struct ner_tokinfo *t)
{
	uint16_t b;

	if (!t)
		return 0;
	b = t->gb & ~NER_GAZ_COMMON;
	return b ? b : t->gi;
}

/* The cluster the neighbours' features use: in a headline the title-case
 * one first. */
static uint32_t
best_cluster(const struct ner_tokinfo *t)
{
	if (!t)
		return 0;
	if (t->flags & T_HEAD)
		return t->c2 ? t->c2 : t->c1;
	return t->c1 ? t->c1 : t->c2;
}

/* The length of a path: the place of its leading 1. */
static unsigned
path_len(uint32_t x)
{
	unsigned len = 0;

#if defined(__GNUC__)
	if (x)
		return 31 - (unsigned)__builtin_clz(x);
#endif
	if (x >> 16)
		len += 16, x >>= 16;
	if (x >> 8)
		len += 8, x >>= 8;
	if (x >> 4)
		len += 4, x >>= 4;
	if (x >> 2)
		len += 2, x >>= 2;
	if (x >> 1)
		len += 1;
	return len;
}

/* The first k bits of a path of length len (under its leading 1), or
 * all of it. */
static uint32_t
prefix(uint32_t path, unsigned len, unsigned k)
{
	return len > k ? path >> (len - k) : path;
}

/* The cluster keys of the groups in want: t's own (NER_G_SELF), those
 * of the words before and after it as such (NER_G_M1, NER_G_P1). */
static size_t
cluster_features(const struct ner_ctx *c, const struct ner_tokinfo *t,
    const struct ner_tokinfo *m1, const struct ner_tokinfo *p1,
    unsigned want, uint64_t *out)
{
	int self = (want & NER_G_SELF) != 0;
	uint32_t c1 = self ? t->c1 : 0, p;
	uint32_t c2 = self && !(c->skip & NER_SKIP_CASE) ? t->c2 : 0;
	uint32_t pm = want & NER_G_M1 ? best_cluster(m1) : 0;
	uint32_t pp = want & NER_G_P1 ? best_cluster(p1) : 0;
	unsigned l1 = path_len(c1), l2 = path_len(c2);
	unsigned lm = path_len(pm), lp = path_len(pp);
	size_t n = 0, k;

	if (self && !t->c1 && !t->c2)
		out[n++] = k2(F_CL_NONE, t->hss, t->flags & T_HEAD);
	for (k = 0; k < 4; k++) {
		if (c1)
			out[n++] = k1(F_CL1 + k, prefix(c1, l1, cl_prefix[k]));
		if (c2)
			out[n++] = k1(F_CL2 + k, prefix(c2, l2, cl_prefix[k]));
		if (pm)
			out[n++] = k1(F_CLM1 + k, prefix(pm, lm, cl_prefix[k]));
		if (pp)
			out[n++] = k1(F_CLP1 + k, prefix(pp, lp, cl_prefix[k]));
	}
	if (self && (p = best_cluster(t)) != 0)
		out[n++] = k2(F_CL_SS, prefix(p, path_len(p), cl_prefix[1]),
		    t->hss);
	return n;
}

size_t
ner_features(const struct ner_ctx *c, size_t i, uint64_t *out)
{
	return ner_features_in(c, i, NER_G_ALL, out);
}

/* The keys of token t's own forms, flags and gazetteer classes: every
 * one in group NER_G_SELF. */
static size_t
self_features(const struct ner_tokinfo *t, uint64_t *out)
{
	size_t n = 0, k;
	unsigned head = (t->flags & T_HEAD) != 0;

	out[n++] = k1(F_BIAS, head);
	out[n++] = k1(F_WORD, t->hword);
	out[n++] = k1(F_LOWER, t->hlow);
	out[n++] = k1(F_SHAPE, t->hshape);
	out[n++] = k1(F_SSHAPE, t->hss);
	for (k = 0; k < 4; k++) {
		if (t->hpre[k])
			out[n++] = k1(F_PRE + k, t->hpre[k]);
		if (t->hsuf[k])
			out[n++] = k1(F_SUF + k, t->hsuf[k]);
	}
	return n;
}

/* The keys of t's flags and gazetteer classes (group NER_G_SELF). */
static size_t
flag_features(const struct ner_ctx *c, const struct ner_tokinfo *t,
    uint64_t *out)
{
	size_t n = 0;
	unsigned b;
	uint16_t gz;

	if (!(c->skip & NER_SKIP_CASE))
		out[n++] = k2(F_CASE_SS, t->flags & (T_HEAD | T_TITLESENT |
		    T_INIT), t->hss);
	if (t->flags & T_INIT) {
		out[n++] = k1(F_INIT_SS, t->hss);
		out[n++] = k1(F_INIT_LOW, t->hlow);
	}
	if (t->flags & T_HEAD) {
		out[n++] = k1(F_HEAD_LOW, t->hlow);
		out[n++] = k1(F_HEAD_SS, t->hss);
	}
	for (b = 0; ((t->gb | t->gi) & ((1u << NER_GAZ_NCLASS) - 1)) >> b; b++) {
		if (t->gb & (1u << b))
			out[n++] = k2(F_GAZ, b, 1);
		if (t->gi & (1u << b))
			out[n++] = k2(F_GAZ, b, 2);
	}
	if ((gz = gaz_code(t)) != 0)
		out[n++] = k2(F_GAZ_SS, gz, t->hss);
	return n;
}

/* The keys of the pairs (group NER_G_REST). */
static size_t
pair_features(const struct ner_tokinfo *t, uint64_t lm1, uint64_t lp1,
    uint64_t sm1, uint64_t sp1, uint64_t *out)
{
	out[0] = k2(F_BI_M1, lm1, t->hlow);
	out[1] = k2(F_BI_P1, t->hlow, lp1);
	out[2] = k3(F_SS3, sm1, t->hss, sp1);
	out[3] = k2(F_LOWM1_SS, lm1, t->hss);
	out[4] = k2(F_SS_LOWP1, t->hss, lp1);
	return 5;
}

size_t
ner_features_in(const struct ner_ctx *c, size_t i, unsigned want,
    uint64_t *out)
{
	struct ner_window w;

	w.t = &c->ti[i];
	w.m1 = near(c, i, -1);
	w.p1 = near(c, i, 1);
	w.m2 = w.m1 ? near(c, i, -2) : NULL;
	w.p2 = w.p1 ? near(c, i, 2) : NULL;
	return ner_window_features(c, &w, want, out);
}

size_t
ner_window_features(const struct ner_ctx *c, const struct ner_window *w,
    unsigned want, uint64_t *out)
{
	const struct ner_tokinfo *t = w->t, *m1 = w->m1, *p1 = w->p1;
	const struct ner_tokinfo *m2 = w->m2, *p2 = w->p2;
	size_t n = 0;
	uint64_t lm1, lp1, sm1, sp1;
	uint16_t gz;

	/* the words past the sentence's ends, hashed where there are any
	 * (no static to set lazily: workers share this code) */
	uint64_t h_bos = !m1 || !m2 ? hash_bytes("<s>", 3) : 0;
	uint64_t h_eos = !p1 || !p2 ? hash_bytes("</s>", 4) : 0;

	lm1 = m1 ? m1->hlow : h_bos;
	lp1 = p1 ? p1->hlow : h_eos;
	sm1 = m1 ? m1->hss : h_bos;
	sp1 = p1 ? p1->hss : h_eos;
	if (want & NER_G_SELF)
		n = self_features(t, out);
	if (want & NER_G_M1)
		out[n++] = k1(F_LOWM1, lm1);
	if (want & NER_G_P1)
		out[n++] = k1(F_LOWP1, lp1);
	if (want & NER_G_M2)
		out[n++] = k1(F_LOWM2, m2 ? m2->hlow : h_bos);
	if (want & NER_G_P2)
		out[n++] = k1(F_LOWP2, p2 ? p2->hlow : h_eos);
	if (want & NER_G_M1)
		out[n++] = k1(F_SSM1, sm1);
	if (want & NER_G_P1)
		out[n++] = k1(F_SSP1, sp1);
	if (want & NER_G_M2)
		out[n++] = k1(F_SSM2, m2 ? m2->hss : h_bos);
	if (want & NER_G_P2)
		out[n++] = k1(F_SSP2, p2 ? p2->hss : h_eos);
	if (want & NER_G_REST)
		n += pair_features(t, lm1, lp1, sm1, sp1, out + n);
	if (want & NER_G_SELF)
		n += flag_features(c, t, out + n);
	if ((want & NER_G_M1) && (gz = gaz_code(m1)) != 0)
		out[n++] = k1(F_GAZM1, gz);
	if ((want & NER_G_P1) && (gz = gaz_code(p1)) != 0)
		out[n++] = k1(F_GAZP1, gz);
	if (want & NER_G_SELF) {
		out[n++] = k1(F_LEN, t->cplen > 10 ? 10 : t->cplen);
		out[n++] = k1(F_FLAGS, t->flags & (T_DIGIT | T_HYPHEN |
		    T_PERIOD));
	}
	if (!(c->skip & NER_SKIP_CLUSTERS) &&
	    (want & (NER_G_SELF | NER_G_M1 | NER_G_P1)))
		n += cluster_features(c, t, m1, p1, want, out + n);
	return n;
}

/* ---- the second pass ---- */

static uint64_t
docword_hash(const void *items, size_t i)
{
	return ((const struct ner_docword *)items)[i].h;
}

static long
docword_find(const struct ner_ctx *c, uint64_t h)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&c->dix, h, &pos); i >= 0;
	    i = hash_index_next(&c->dix, &pos))
		if (c->dw[i].h == h)
			return i;
	return -1;
}

/* Place of token i in the mention of tags: alone, first, inside, last. */
static int
place(const int *tags, size_t n, size_t i)
{
	int first = NER_IS_B(tags[i]);
	int last = i + 1 == n || tags[i + 1] == NER_O || NER_IS_B(tags[i + 1]);

	return first && last ? 0 : first ? 1 : last ? 3 : 2;
}

void
ner_doc_labels(struct ner_ctx *c, const int *tags)
{
	struct ner_tokinfo *t;
	struct ner_docword *d;
	size_t i;
	long x;

	c->tags1 = egrow(c->tags1, &c->t1cap, c->n + 1, sizeof *c->tags1);
	memcpy(c->tags1, tags, c->n * sizeof *tags);
	c->ndw = 0;
	hash_index_init(&c->dix, c->n);
	for (i = 0; i < c->n; i++) {
		t = &c->ti[i];
		t->dw = -1;
		if (!(t->flags & T_UPPER) || t->cplen < 2)
			continue;
		if ((x = docword_find(c, t->hlow)) < 0) {
			c->dw = egrow(c->dw, &c->dwcap, c->ndw + 1, sizeof *c->dw);
			d = &c->dw[c->ndw];
			memset(d, 0, sizeof *d);
			d->h = t->hlow;
			x = (long)c->ndw++;
			hash_index_add(&c->dix, d->h, (size_t)x, docword_hash, c->dw);
		}
		t->dw = x;
		d = &c->dw[x];
		if (tags[i] == NER_O)
			d->o += d->o < UINT16_MAX;
		else if (d->n[NER_TYPE(tags[i])][place(tags, c->n, i)] < UINT16_MAX)
			d->n[NER_TYPE(tags[i])][place(tags, c->n, i)]++;
	}
}


static int
tag1_at(const struct ner_ctx *c, size_t i, int d)
{
	const struct ner_tokinfo *t = near(c, i, d);

	return t ? c->tags1[t - c->ti] : d < 0 ? 100 : 101;
}

size_t
ner_doc_features(const struct ner_ctx *c, size_t i, uint64_t *out)
{
	const struct ner_tokinfo *t = &c->ti[i];
	const struct ner_docword *d;
	unsigned cnt[NER_NTYPES + 1] = { 0 }, best = NER_NTYPES, total = 0;
	int own = c->tags1[i], ownt = own == NER_O ? NER_NTYPES : NER_TYPE(own);
	int ownp = own == NER_O ? 0 : place(c->tags1, c->n, i);
	size_t n = 0, ty, p;
	unsigned v;

	out[n++] = k1(F_P1, (uint64_t)own);
	out[n++] = k2(F_P1M1, (uint64_t)tag1_at(c, i, -1), (uint64_t)own);
	out[n++] = k2(F_P1P1, (uint64_t)own, (uint64_t)tag1_at(c, i, 1));
	out[n++] = k2(F_P1_SS, (uint64_t)own, t->hss);
	if (t->dw < 0)
		return n;
	d = &c->dw[t->dw];
	for (ty = 0; ty < NER_NTYPES; ty++)
		for (p = 0; p < 4; p++) {
			v = d->n[ty][p] - (ownt == (int)ty && ownp == (int)p);
			if (!v)
				continue;
			cnt[ty] += v;
			out[n++] = k2(F_DOC_PLACE, ty, p);
		}
	cnt[NER_NTYPES] = d->o - (own == NER_O);
	for (ty = 0; ty <= NER_NTYPES; ty++) {
		total += cnt[ty];
		if (ty < NER_NTYPES && cnt[ty])
			out[n++] = k1(F_DOC_TYPE, ty);
		if (cnt[ty] > cnt[best] || (best == NER_NTYPES && cnt[ty] &&
		    cnt[ty] == cnt[best]))
			best = (unsigned)ty;
	}
	if (!total) {
		out[n++] = k1(F_DOC_NONE, (uint64_t)own);
		return n;
	}
	out[n++] = k1(F_DOC_MAJ, best);
	out[n++] = k2(F_DOC_MAJ_P1, best, (uint64_t)own);
	if (best < NER_NTYPES && (int)best != ownt)
		out[n++] = k2(F_DOC_SAMEAS, best, t->flags & (T_INIT | T_HEAD));
	return n;
}
