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
	size_t i;
	int a, b, best;
	float s, bs;

	if (n == 0)
		return;
	if (c->vcap < n) {
		free(c->vscore);
		free(c->vback);
		c->vscore = emalloc(n * NER_NTAGS * sizeof *c->vscore);
		c->vback = emalloc(n * NER_NTAGS * sizeof *c->vback);
		c->vcap = n;
	}
	for (b = 0; b < NER_NTAGS; b++)
		c->vscore[b] = ner_allowed(NER_NTAGS, b) ?
		    trans[NER_NTAGS * NER_NTAGS + b] + emit[b] : -1e30f;
	for (i = 1; i < n; i++)
		for (b = 0; b < NER_NTAGS; b++) {
			best = 0;
			bs = -3e30f;
			for (a = 0; a < NER_NTAGS; a++) {
				if (!ner_allowed(a, b))
					continue;
				s = c->vscore[(i - 1) * NER_NTAGS + a] +
				    trans[a * NER_NTAGS + b];
				if (s > bs)
					bs = s, best = a;
			}
			/* a mention never runs across a line break */
			if (w && w[i].brk && b != NER_O && !NER_IS_B(b))
				bs = -3e30f;
			c->vscore[i * NER_NTAGS + b] = bs + emit[i * NER_NTAGS + b];
			c->vback[i * NER_NTAGS + b] = best;
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
	}
}

/* Emission scores of pass p for tokens [a, e) into c->emit: the rows of
 * their features found in pass 1 and, in pass 2, those of the second
 * pass's features. */
static void
emissions(const struct ner_model *m, struct ner_ctx *c, int p, size_t a,
    size_t e)
{
	uint64_t fs[NER_MAXFEAT];
	const int16_t *wt;
	int32_t acc[NER_NTAGS];
	size_t i, k, nf;
	long x;
	float *em;
	int t;

	c->emit = egrow(c->emit, &c->emitcap, (e - a) * NER_NTAGS,
	    sizeof *c->emit);
	for (i = a; i < e; i++) {
		memset(acc, 0, sizeof acc);
		for (k = c->rstart[i]; k < c->rstart[i + 1]; k++) {
			wt = m->feats.w + ((size_t)c->rows[k] * NER_NPASS + p) *
			    NER_NTAGS;
			for (t = 0; t < NER_NTAGS; t++)
				acc[t] += wt[t];
		}
		if (p == 1) {
			nf = ner_doc_features(c, i, fs);
			for (k = 0; k < nf; k++) {
				if ((x = ner_table_find(&m->feats.f, fs[k])) < 0)
					continue;
				wt = m->feats.w + ((size_t)x * NER_NPASS + 1) *
				    NER_NTAGS;
				for (t = 0; t < NER_NTAGS; t++)
					acc[t] += wt[t];
			}
		}
		em = c->emit + (i - a) * NER_NTAGS;
		for (t = 0; t < NER_NTAGS; t++)
			em[t] = (float)acc[t] * m->feats.scale;
	}
}

/* The rows of the first pass's features of every token. */
static void
find_rows(const struct ner_model *m, struct ner_ctx *c)
{
	uint64_t fs[NER_MAXFEAT];
	size_t i, k, nf;
	long x;

	c->rstart = egrow(c->rstart, &c->rscap, c->n + 1, sizeof *c->rstart);
	c->nrows = 0;
	for (i = 0; i < c->n; i++) {
		c->rstart[i] = c->nrows;
		nf = ner_features(c, i, fs);
		c->rows = egrow(c->rows, &c->rcap, c->nrows + nf, sizeof *c->rows);
		for (k = 0; k < nf; k++)
			if ((x = ner_table_find(&m->feats.f, fs[k])) >= 0)
				c->rows[c->nrows++] = x;
	}
	c->rstart[c->n] = c->nrows;
}

static void
decode_pass(const struct ner_model *m, struct ner_ctx *c,
    const struct ner_word *w, int p, int *tags)
{
	size_t k, a, e;

	for (k = 0; k < c->nsent; k++) {
		a = c->sent[k];
		e = c->sent[k + 1];
		emissions(m, c, p, a, e);
		ner_viterbi(c, c->emit, m->trans[p], w + a, e - a, tags + a);
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
	find_rows(m, c);
	decode_pass(m, c, w, 0, tags);
	ner_doc_labels(c, tags);
	if (!(c->skip & NER_SKIP_PASS2))
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
