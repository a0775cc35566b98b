/* tagger: decoding (Viterbi under the BIO constraints), tagging a
 * document with a loaded model in two passes, and the CoNLL counts. */
#include <stdlib.h>
#include <string.h>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

#include "mem.h"
#include "entity/internal.h"

const char *const ner_types[NER_NTYPES] = {
	[NER_PER] = "PER", [NER_ORG] = "ORG", [NER_LOC] = "LOC",
	[NER_MISC] = "MISC"
};

int
ner_type_of(const char *s)
{
	int t;

	for (t = 0; s && t < NER_NTYPES; t++)
		if (strcmp(s, ner_types[t]) == 0)
			return t;
	return -1;
}

static inline int
legal(int a, int b)
{
	if (b == NER_O || NER_IS_B(b))
		return 1;
	/* I-X only after B-X or I-X */
	return a != NER_NTAGS && a != NER_O && NER_TYPE(a) == NER_TYPE(b);
}

int
ner_allowed(int a, int b)
{
	return legal(a, b);
}

/* The Viterbi step's tags, padded to a whole number of 4-float vectors
 * so the compiler makes vector code of the loops over them. */
#define VW	12

/* One step: the best score bs[b] of each tag b reached from the scores
 * prev of the token before.  Only the scores are kept: the best
 * predecessor of the one tag the best path takes at each token is found
 * again by best_before() when the path is read back (the same additions
 * and comparisons, predecessors tried in order, a later one winning
 * only if strictly higher), a ninth of the work of keeping them all.
 * Equal scores are the same number whichever is kept (but for the sign
 * of a zero, which no comparison sees).  A forbidden transition scores
 * -1e30 and so never wins against an allowed one (every tag has one,
 * and allowed scores are far from -1e30).  GCC and clang get it as
 * vector code (their vector extensions: the same IEEE single additions
 * and comparisons as the loop below, which other compilers get). */
#if defined(__GNUC__)
typedef float vf4 __attribute__((vector_size(16)));
typedef int vi4 __attribute__((vector_size(16)));

/* The greater of best and s, lane by lane (one instruction with SSE;
 * where they are equal either is the same score). */
static inline vf4
vmax(vf4 best, vf4 s)
{
#if defined(__SSE__)
	return (vf4)_mm_max_ps((__m128)best, (__m128)s);
#else
	vi4 m = s > best;

	return (vf4)(((vi4)best & ~m) | ((vi4)s & m));
#endif
}

static void
step(const float *prev, const float tr[][VW], float *bs)
{
	vf4 b0, b1, b2, r0, r1, r2, p;
	int a;

	memcpy(&r0, &tr[0][0], sizeof r0);
	memcpy(&r1, &tr[0][4], sizeof r1);
	memcpy(&r2, &tr[0][8], sizeof r2);
	b0 = prev[0] + r0;
	b1 = prev[0] + r1;
	b2 = prev[0] + r2;
	for (a = 1; a < NER_NTAGS; a++) {
		p = (vf4){ prev[a], prev[a], prev[a], prev[a] };
		memcpy(&r0, &tr[a][0], sizeof r0);
		memcpy(&r1, &tr[a][4], sizeof r1);
		memcpy(&r2, &tr[a][8], sizeof r2);
		b0 = vmax(b0, p + r0);
		b1 = vmax(b1, p + r1);
		b2 = vmax(b2, p + r2);
	}
	memcpy(bs, &b0, sizeof b0);
	memcpy(bs + 4, &b1, sizeof b1);
	memcpy(bs + 8, &b2, sizeof b2);
}
#else
static void
step(const float *prev, const float tr[][VW], float *bs)
{
	float s;
	int a, b;

	for (b = 0; b < VW; b++)
		bs[b] = prev[0] + tr[0][b];
	for (a = 1; a < NER_NTAGS; a++)
		for (b = 0; b < VW; b++)
			if ((s = prev[a] + tr[a][b]) > bs[b])
				bs[b] = s;
}
#endif

/* The best predecessor of tag b from the scores prev: the first of
 * those that score the most, as step() found its score. */
static int
best_before(const float *prev, const float tr[][VW], int b)
{
	float s, best = prev[0] + tr[0][b];
	int a, at = 0;

	for (a = 1; a < NER_NTAGS; a++)
		if ((s = prev[a] + tr[a][b]) > best) {
			best = s;
			at = a;
		}
	return at;
}

void
ner_viterbi(struct ner_ctx *c, const float *emit, const float *trans,
    const struct ner_word *w, size_t n, int *tags)
{
	float tr[NER_NTAGS][VW], bs[VW], *cur;
	int a, b, best;
	size_t i;

	if (n == 0)
		return;
	c->vscore = egrow(c->vscore, &c->vcap, n * NER_NTAGS, sizeof *c->vscore);
	for (a = 0; a < NER_NTAGS; a++)
		for (b = 0; b < VW; b++)
			tr[a][b] = b < NER_NTAGS && legal(a, b) ?
			    trans[a * NER_NTAGS + b] : -1e30f;
	for (b = 0; b < NER_NTAGS; b++)
		c->vscore[b] = legal(NER_NTAGS, b) ?
		    trans[NER_NTAGS * NER_NTAGS + b] + emit[b] : -1e30f;
	for (i = 1; i < n; i++) {
		step(c->vscore + (i - 1) * NER_NTAGS, (const float (*)[VW])tr,
		    bs);
		/* no mention continues across a line break */
		if (w && w[i].brk)
			for (b = 0; b < NER_NTYPES; b++)
				bs[NER_I(b)] = -3e30f;
		cur = c->vscore + i * NER_NTAGS;
		for (b = 0; b < NER_NTAGS; b++)
			cur[b] = bs[b] + emit[i * NER_NTAGS + b];
	}
	best = 0;
	for (b = 1; b < NER_NTAGS; b++)
		if (c->vscore[(n - 1) * NER_NTAGS + b] >
		    c->vscore[(n - 1) * NER_NTAGS + best])
			best = b;
	for (i = n; i-- > 0; ) {
		tags[i] = best;
		if (i)
			best = best_before(c->vscore + (i - 1) * NER_NTAGS,
			    (const float (*)[VW])tr, best);
	}
}

size_t
ner_span_end(const int *tags, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && tags[j] != NER_O && !NER_IS_B(tags[j]) &&
	    NER_TYPE(tags[j]) == NER_TYPE(tags[i]))
		j++;
	return j;
}

static const char *const datewords[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
	"sept.", "oct.", "nov.", "dec."
};

static int
is_dateword(const struct ner_ctx *c, size_t i)
{
	const struct ner_tokinfo *t = &c->ti[i];
	size_t k;

	for (k = 0; k < sizeof datewords / sizeof *datewords; k++)
		if (strlen(datewords[k]) == t->llen &&
		    memcmp(datewords[k], c->text.s + t->low, t->llen) == 0)
			return 1;
	return 0;
}

/* Sentence k is a line of a web page's furniture: at most four words,
 * none in lower case, and no full stop. */
static int
heading(const struct ner_ctx *c, size_t k)
{
	size_t i, words = 0;
	const struct ner_tokinfo *t;

	for (i = c->sent[k]; i < c->sent[k + 1]; i++) {
		t = &c->ti[i];
		if (t->flags & (T_UPPER | T_LOWER)) {
			if (!(t->flags & T_UPPER) || ++words > 4)
				return 0;
		} else if (t->llen == 1 && strchr(".!?", c->text.s[t->low]))
			return 0;
	}
	return words > 0;
}

static int
all_common(const struct ner_ctx *c, size_t i, size_t e)
{
	for (; i < e; i++)
		if (!(c->ti[i].gb & NER_GAZ_COMMON))
			return 0;
	return 1;
}

/* A title is no part of a person's name (CoNLL's rule, and the names'
 * rules expect it): Senator Odile Marchetti is Odile Marchetti.  The
 * mention tags[i..e) of the sentence beginning at token a loses the
 * titles it begins with (gazetteer class title), keeping a word. */
static void
drop_titles(const struct ner_ctx *c, size_t a, int *tags, size_t i,
    size_t e)
{
	while (i + 1 < e && ((c->ti[a + i].gb | c->ti[a + i].gi) & NER_GAZ_TITLE)) {
		tags[i++] = NER_O;
		tags[i] = NER_B(NER_PER);
	}
}

void
ner_drop_non_names(const struct ner_ctx *c, size_t k, int *tags)
{
	size_t a = c->sent[k], n = c->sent[k + 1] - a, i, j, e;
	int head = heading(c, k);

	for (i = 0; i < n; i = e) {
		if (tags[i] == NER_O) {
			e = i + 1;
			continue;
		}
		e = ner_span_end(tags, n, i);
		if ((e == i + 1 && is_dateword(c, a + i)) ||
		    (head && all_common(c, a + i, a + e)))
			for (j = i; j < e; j++)
				tags[j] = NER_O;
		else if (NER_TYPE(tags[i]) == NER_PER)
			drop_titles(c, a, tags, i, e);
	}
}

/* The keys of sentence k's tokens into c->fs (token i's from
 * c->fsat[i - first] to c->fsat[i - first + 1]), by feats (the first
 * pass's or the second's), each lookup's lines asked for at once: all
 * the hashing first, then the sums, so the reads overlap. */
static void
sentence_keys(const struct ner_model *m, struct ner_ctx *c, size_t k,
    size_t (*feats)(const struct ner_ctx *, size_t, uint64_t *))
{
	size_t a = c->sent[k], e = c->sent[k + 1], i, j, n = 0;

	c->fs = egrow(c->fs, &c->fscap, (e - a) * NER_MAXFEAT, sizeof *c->fs);
	c->fsat = egrow(c->fsat, &c->fsatcap, e - a + 1, sizeof *c->fsat);
	for (i = a; i < e; i++) {
		c->fsat[i - a] = n;
		n += feats(c, i, c->fs + n);
	}
	c->fsat[e - a] = n;
	for (j = 0; j < n; j++)
		ner_feats_prefetch(&m->feats, c->fs[j]);
}

/* Sums of the rows of the keys fs[0..n) the model has: both passes'
 * lanes into acc[0..NER_ROW) (sum_both), or the second pass's added to
 * acc[0..NER_PASSOFF) (add_second).  Integer sums, so vector code (GCC
 * and clang: their vector extensions keep the sums in registers) and
 * the plain loops give the same. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
typedef short vs8 __attribute__((vector_size(16)));

/* Eight weights w[0..8) read as four 32-bit lanes hold an even-numbered
 * weight in the low half, the next in the high half: shifts give both
 * sign-extended, added to even[] and odd[]. */
static inline void
add8(const int16_t *w, vi4 *even, vi4 *odd)
{
	vs8 x;
	vi4 y;

	memcpy(&x, w, sizeof x);
	y = (vi4)x;
	*even += (y << 16) >> 16;
	*odd += y >> 16;
}

/* acc[from + 8v + 2k] = even[v][k], acc[from + 8v + 2k + 1] = odd[v][k]. */
static void
interleave(const vi4 *even, const vi4 *odd, int nv, int32_t *acc)
{
	int v, k;

	for (v = 0; v < nv; v++)
		for (k = 0; k < 4; k++) {
			acc[8 * v + 2 * k] = even[v][k];
			acc[8 * v + 2 * k + 1] = odd[v][k];
		}
}

/* acc[0..NER_ROW) += row[0..NER_ROW). */
static inline void
add_row(int32_t *acc, const int32_t *row)
{
	vi4 a, r;
	int v;

	for (v = 0; v < NER_ROW; v += 4) {
		memcpy(&a, acc + v, sizeof a);
		memcpy(&r, row + v, sizeof r);
		a += r;
		memcpy(acc + v, &a, sizeof a);
	}
}

static void
sum_both(const struct ner_feats *f, const uint64_t *fs, size_t n,
    int32_t *acc)
{
	vi4 e[NER_ROW / 8] = { { 0 } }, o[NER_ROW / 8] = { { 0 } };
	const int16_t *w;
	size_t j;

	for (j = 0; j < n; j++) {
		if (!(w = ner_feats_find(f, fs[j])))
			continue;
		add8(w, &e[0], &o[0]);
		add8(w + 8, &e[1], &o[1]);
		add8(w + 16, &e[2], &o[2]);
	}
	interleave(e, o, NER_ROW / 8, acc);
}

/* The second pass's lanes are 12..23: the last two eights of a row,
 * whose first four (8..11) are summed and dropped. */
static void
add_second(const struct ner_feats *f, const uint64_t *fs, size_t n,
    int32_t *acc)
{
	vi4 e[2] = { { 0 } }, o[2] = { { 0 } };
	int32_t sum[16];
	const int16_t *w;
	size_t j;
	int t;

	for (j = 0; j < n; j++) {
		if (!(w = ner_feats_find(f, fs[j])))
			continue;
		add8(w + 8, &e[0], &o[0]);
		add8(w + 16, &e[1], &o[1]);
	}
	interleave(e, o, 2, sum);
	for (t = 0; t < NER_PASSOFF; t++)
		acc[t] += sum[NER_PASSOFF - 8 + t];
}
#else
static void
add_row(int32_t *acc, const int32_t *row)
{
	int t;

	for (t = 0; t < NER_ROW; t++)
		acc[t] += row[t];
}

static void
sum_both(const struct ner_feats *f, const uint64_t *fs, size_t n,
    int32_t *acc)
{
	const int16_t *w;
	size_t j;
	int t;

	memset(acc, 0, NER_ROW * sizeof *acc);
	for (j = 0; j < n; j++)
		if ((w = ner_feats_find(f, fs[j])) != NULL)
			for (t = 0; t < NER_ROW; t++)
				acc[t] += w[t];
}

static void
add_second(const struct ner_feats *f, const uint64_t *fs, size_t n,
    int32_t *acc)
{
	const int16_t *w;
	size_t j;
	int t;

	for (j = 0; j < n; j++)
		if ((w = ner_feats_find(f, fs[j])) != NULL)
			for (t = 0; t < NER_PASSOFF; t++)
				acc[t] += w[NER_PASSOFF + t];
}
#endif

/* The first pass's keys of token i that base_emissions looks up: the
 * pairs, and the sentence edge's where i has no neighbour one or two
 * before or after it (the neighbours' own come from the word cache). */
static size_t
rest_features(const struct ner_ctx *c, size_t i, uint64_t *out)
{
	size_t k = c->ti[i].s;
	unsigned want = NER_G_REST;

	if (i == c->sent[k])
		want |= NER_G_M1;
	if (i < c->sent[k] + 2)
		want |= NER_G_M2;
	if (i + 1 == c->sent[k + 1])
		want |= NER_G_P1;
	if (i + 2 >= c->sent[k + 1])
		want |= NER_G_P2;
	return ner_features_in(c, i, want, out);
}

/* The rows of token j's word: the sums of its own keys' rows and of its
 * keys' as the word one and two before and after another (the groups
 * of ner_window_features, NER_WC_ROWS rows), their lookups asked for
 * first so that the reads overlap. */
static void
word_rows(const struct ner_model *m, const struct ner_ctx *c, size_t j,
    int32_t rows[][NER_ROW])
{
	static const unsigned group[NER_WC_ROWS] = { NER_G_SELF, NER_G_M1,
	    NER_G_P1, NER_G_M2, NER_G_P2 };
	const struct ner_tokinfo *t = &c->ti[j];
	struct ner_window w[NER_WC_ROWS] = { { t, NULL, NULL, NULL, NULL },
	    { t, t, NULL, NULL, NULL }, { t, NULL, t, NULL, NULL },
	    { t, NULL, NULL, t, NULL }, { t, NULL, NULL, NULL, t } };
	uint64_t fs[NER_WC_ROWS][NER_MAXFEAT];
	size_t n[NER_WC_ROWS], r, k;

	for (r = 0; r < NER_WC_ROWS; r++) {
		n[r] = ner_window_features(c, &w[r], group[r], fs[r]);
		for (k = 0; k < n[r]; k++)
			ner_feats_prefetch(&m->feats, fs[r][k]);
	}
	for (r = 0; r < NER_WC_ROWS; r++)
		sum_both(&m->feats, fs[r], n[r], rows[r]);
}

/* Add the rows of the words of tokens a..e-1 (a sentence) to the sums
 * acc[i - a] of the tokens that read them: a word's own to its token's,
 * as the word before to the next token's and the one after that's, as
 * the word after to the one before's and the one before that's. */
static void
add_words(const struct ner_model *m, struct ner_ctx *c, size_t a, size_t e,
    int32_t (*acc)[NER_ROW])
{
	int32_t own[NER_WC_ROWS][NER_ROW], (*rows)[NER_ROW];
	size_t j;
	int hit = 0;

	for (j = a; j < e; j++) {
		if ((rows = ner_wcache_rows(c->wc, c, j, &hit)) == NULL) {
			rows = own;
			hit = 0;
		}
		if (!hit)
			word_rows(m, c, j, rows);
		add_row(acc[j - a], rows[0]);
		if (j + 1 < e)
			add_row(acc[j + 1 - a], rows[1]);
		if (j > a)
			add_row(acc[j - 1 - a], rows[2]);
		if (j + 2 < e)
			add_row(acc[j + 2 - a], rows[3]);
		if (j >= a + 2)
			add_row(acc[j - 2 - a], rows[4]);
	}
}

/* The emission scores of both passes from the first pass's features of
 * every token: c->emit gets the first pass's, c->emit2 the second's
 * (the two rows of a feature lie together), to which the second pass
 * adds its own features.  The keys of a token's pairs are looked up,
 * its word's and its neighbours' come from the word cache. */
static void
base_emissions(const struct ner_model *m, struct ner_ctx *c)
{
	int32_t (*acc)[NER_ROW];	/* both passes' rows */
	size_t i, k, a, e, *at;
	int t;

	c->emit = egrow(c->emit, &c->emitcap, c->n * NER_NTAGS, sizeof *c->emit);
	c->emit2 = egrow(c->emit2, &c->emit2cap, c->n * NER_NTAGS,
	    sizeof *c->emit2);
	c->acc = egrow(c->acc, &c->acccap, c->n, sizeof *c->acc);
	acc = c->acc;
	for (k = 0; k < c->nsent; k++) {
		sentence_keys(m, c, k, rest_features);
		a = c->sent[k];
		e = c->sent[k + 1];
		for (i = a; i < e; i++) {
			at = c->fsat + (i - a);
			sum_both(&m->feats, c->fs + at[0], at[1] - at[0], acc[i]);
		}
		add_words(m, c, a, e, acc + a);
	}
	for (i = 0; i < c->n; i++)
		for (t = 0; t < NER_NTAGS; t++) {
			c->emit[i * NER_NTAGS + t] = (float)acc[i][t] *
			    m->feats.scale;
			c->emit2[i * NER_NTAGS + t] = acc[i][NER_PASSOFF + t];
		}
}

/* The second pass's scores: its features added to c->emit2. */
static void
doc_emissions(const struct ner_model *m, struct ner_ctx *c)
{
	int32_t acc[NER_PASSOFF];
	size_t i, k, a, *at;
	int t;

	for (k = 0; k < c->nsent; k++) {
		sentence_keys(m, c, k, ner_doc_features);
		for (a = c->sent[k], i = a; i < c->sent[k + 1]; i++) {
			at = c->fsat + (i - a);
			memcpy(acc, c->emit2 + i * NER_NTAGS, NER_NTAGS * sizeof *acc);
			acc[9] = acc[10] = acc[11] = 0;
			add_second(&m->feats, c->fs + at[0], at[1] - at[0], acc);
			for (t = 0; t < NER_NTAGS; t++)
				c->emit[i * NER_NTAGS + t] = (float)acc[t] *
				    m->feats.scale;
		}
	}
}

static void
decode_pass(const struct ner_model *m, struct ner_ctx *c,
    const struct ner_word *w, int p, int *tags)
{
	size_t k, a, e;

	for (k = 0; k < c->nsent; k++) {
		a = c->sent[k];
		e = c->sent[k + 1];
		ner_viterbi(c, c->emit + a * NER_NTAGS, m->trans[p], w + a, e - a,
		    tags + a);
		ner_drop_non_names(c, k, tags + a);
	}
}

void
ner_tag_doc(const struct ner_model *m, struct ner_ctx *c,
    const struct ner_word *w, size_t n, int *tags)
{
	if (n == 0)
		return;
	ner_wcache_ready(c, &m->feats);
	ner_ctx_prepare(c, m, w, n);
	base_emissions(m, c);
	decode_pass(m, c, w, 0, tags);
	ner_doc_labels(c, tags);
	if (c->skip & NER_SKIP_PASS2)
		return;
	doc_emissions(m, c);
	decode_pass(m, c, w, 1, tags);
}

void
ner_count(const int *gold, const int *pred, size_t n,
    unsigned long cnt[NER_NTYPES][3])
{
	size_t i, eg, ep;

	for (i = 0; i < n; i++) {
		eg = ep = 0;
		if (NER_IS_B(gold[i])) {
			eg = ner_span_end(gold, n, i);
			cnt[NER_TYPE(gold[i])][0]++;
		}
		if (NER_IS_B(pred[i])) {
			ep = ner_span_end(pred, n, i);
			cnt[NER_TYPE(pred[i])][1]++;
		}
		if (eg && eg == ep && NER_TYPE(gold[i]) == NER_TYPE(pred[i]))
			cnt[NER_TYPE(gold[i])][2]++;
	}
}
