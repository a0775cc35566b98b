/* tagger: decoding (Viterbi under the BIO constraints), tagging a
 * document with a loaded model in two passes, and the CoNLL counts. */
#include <stdlib.h>
#include <string.h>

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

int
ner_allowed(int a, int b)
{
	if (b == NER_O || NER_IS_B(b))
		return 1;
	/* I-X only after B-X or I-X */
	return a != NER_NTAGS && a != NER_O && NER_TYPE(a) == NER_TYPE(b);
}

void
ner_viterbi(struct ner_ctx *c, const float *emit, const float *trans,
    const struct ner_word *w, size_t n, int *tags)
{
	float tr[NER_NTAGS * NER_NTAGS], s, bs;
	const float *prev;
	size_t i;
	int a, b, best;

	if (n == 0)
		return;
	if (c->vcap < n) {
		free(c->vscore);
		free(c->vback);
		c->vscore = emalloc(n * NER_NTAGS * sizeof *c->vscore);
		c->vback = emalloc(n * NER_NTAGS * sizeof *c->vback);
		c->vcap = n;
	}
	/* the forbidden transitions as scores no path takes */
	for (a = 0; a < NER_NTAGS; a++)
		for (b = 0; b < NER_NTAGS; b++)
			tr[a * NER_NTAGS + b] = ner_allowed(a, b) ?
			    trans[a * NER_NTAGS + b] : -1e30f;
	for (b = 0; b < NER_NTAGS; b++)
		c->vscore[b] = ner_allowed(NER_NTAGS, b) ?
		    trans[NER_NTAGS * NER_NTAGS + b] + emit[b] : -1e30f;
	for (i = 1; i < n; i++) {
		prev = c->vscore + (i - 1) * NER_NTAGS;
		for (b = 0; b < NER_NTAGS; b++) {
			if (b != NER_O && !NER_IS_B(b)) {
				/* I-X follows only B-X or I-X */
				best = b - 1;
				bs = prev[b - 1] + tr[(b - 1) * NER_NTAGS + b];
				if (prev[b] + tr[b * NER_NTAGS + b] > bs)
					bs = prev[b] + tr[b * NER_NTAGS + b], best = b;
				/* and never across a line break */
				if (w && w[i].brk)
					bs = -3e30f;
			} else {
				best = 0;
				bs = prev[0] + tr[b];
				for (a = 1; a < NER_NTAGS; a++) {
					s = prev[a] + tr[a * NER_NTAGS + b];
					if (s > bs)
						bs = s, best = a;
				}
			}
			c->vscore[i * NER_NTAGS + b] = bs + emit[i * NER_NTAGS + b];
			c->vback[i * NER_NTAGS + b] = best;
		}
	}
	best = 0;
	for (b = 1; b < NER_NTAGS; b++)
		if (c->vscore[(n - 1) * NER_NTAGS + b] >
		    c->vscore[(n - 1) * NER_NTAGS + best])
			best = b;
	for (i = n; i-- > 0; ) {
		tags[i] = best;
		if (i)
			best = c->vback[i * NER_NTAGS + best];
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

/* Add row x of pass p of the feature table to acc. */
static void
add_row(const struct ner_model *m, long x, int p, int32_t *acc)
{
	const int16_t *wt = m->feats.w + (size_t)x * NER_ROW + p * NER_PASSOFF;
	int t;

	for (t = 0; t < NER_NTAGS; t++)
		acc[t] += wt[t];
}

/* Bring the index slots the lookups of keys fs[0..nf) will read into
 * the cache, all at once. */
static void
prefetch(const struct ner_model *m, const uint64_t *fs, size_t nf)
{
	size_t k;

	for (k = 0; k < nf; k++)
		hash_index_prefetch(&m->feats.f.ix, fs[k]);
}

/* The emission scores of both passes from the first pass's features of
 * every token, read in one go (the two rows of a feature lie together):
 * c->emit gets the first pass's, c->emit2 the second's, to which the
 * second pass adds its own features. */
static void
base_emissions(const struct ner_model *m, struct ner_ctx *c)
{
	uint64_t fs[NER_MAXFEAT];
	int32_t acc[NER_ROW];	/* both passes' rows */
	const int16_t *wt;
	size_t i, k, nf;
	long x;
	int t;

	c->emit = egrow(c->emit, &c->emitcap, c->n * NER_NTAGS, sizeof *c->emit);
	c->emit2 = egrow(c->emit2, &c->emit2cap, c->n * NER_NTAGS,
	    sizeof *c->emit2);
	for (i = 0; i < c->n; i++) {
		memset(acc, 0, sizeof acc);
		nf = ner_features(c, i, fs);
		prefetch(m, fs, nf);
		for (k = 0; k < nf; k++) {
			if ((x = ner_table_find(&m->feats.f, fs[k])) < 0)
				continue;
			wt = m->feats.w + (size_t)x * NER_ROW;
			for (t = 0; t < NER_ROW; t++)
				acc[t] += wt[t];
		}
		for (t = 0; t < NER_NTAGS; t++) {
			c->emit[i * NER_NTAGS + t] = (float)acc[t] * m->feats.scale;
			c->emit2[i * NER_NTAGS + t] = acc[NER_PASSOFF + t];
		}
	}
}

/* The second pass's scores: its features added to c->emit2. */
static void
doc_emissions(const struct ner_model *m, struct ner_ctx *c)
{
	uint64_t fs[NER_MAXFEAT];
	int32_t acc[NER_NTAGS];
	size_t i, k, nf;
	long x;
	int t;

	for (i = 0; i < c->n; i++) {
		memcpy(acc, c->emit2 + i * NER_NTAGS, sizeof acc);
		nf = ner_doc_features(c, i, fs);
		for (k = 0; k < nf; k++)
			if ((x = ner_table_find(&m->feats.f, fs[k])) >= 0)
				add_row(m, x, 1, acc);
		for (t = 0; t < NER_NTAGS; t++)
			c->emit[i * NER_NTAGS + t] = (float)acc[t] * m->feats.scale;
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
