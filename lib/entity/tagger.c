/* tagger: decoding (Viterbi under the BIO constraints), tagging a
 * sentence with a loaded model, and the CoNLL counts. */
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
    size_t n, int *tags)
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

/* A line of a web page's furniture: at most four words, none in lower
 * case, and no full stop. */
static int
heading(const struct ner_ctx *c)
{
	size_t i, words = 0;
	const struct ner_tokinfo *t;

	for (i = 0; i < c->n; i++) {
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
ner_tag(struct ner_model *m, const struct ner_word *w, size_t n, int *tags)
{
	uint64_t fs[NER_MAXFEAT];
	size_t i, k, nf, e;
	long x;
	float *em;
	const int16_t *wt;
	int t, head;
	int32_t acc[NER_NTAGS];

	if (n == 0)
		return;
	ner_ctx_prepare(&m->ctx, &m->gaz, w, n);
	m->emit = egrow(m->emit, &m->emitcap, n * NER_NTAGS, sizeof *m->emit);
	for (i = 0; i < n; i++) {
		nf = ner_features(&m->ctx, i, fs);
		memset(acc, 0, sizeof acc);
		for (k = 0; k < nf; k++) {
			if ((x = ner_table_find(&m->f, fs[k])) < 0)
				continue;
			wt = m->w + (size_t)x * NER_NTAGS;
			for (t = 0; t < NER_NTAGS; t++)
				acc[t] += wt[t];
		}
		em = m->emit + i * NER_NTAGS;
		for (t = 0; t < NER_NTAGS; t++)
			em[t] = (float)acc[t] * m->scale;
	}
	ner_viterbi(&m->ctx, m->emit, m->trans, n, tags);
	head = heading(&m->ctx);
	for (i = 0; i < n; i = e) {
		if (tags[i] == NER_O) {
			e = i + 1;
			continue;
		}
		e = ner_span_end(tags, n, i);
		if ((e == i + 1 && is_dateword(&m->ctx, i)) ||
		    (head && all_common(&m->ctx, i, e)))
			for (k = i; k < e; k++)
				tags[k] = NER_O;
	}
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
