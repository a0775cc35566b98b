/* wcache: the word caches of the tagger.  Most of a token's first-pass
 * feature keys read one word only: its own forms, flags and gazetteer
 * classes (group NER_G_SELF), or those of a word one or two before or
 * after it (NER_G_M1, NER_G_P1, NER_G_M2, NER_G_P2: the keys of that
 * word as such).  The rows of a group's keys are integers, and integer
 * sums do not depend on their order, so the sums of a word's groups can
 * be kept per word and added in place of their lookups: news repeats
 * its words, and most tokens find their word here.  A slot holds one
 * word: as written, with its flags and gazetteer classes (everything
 * its keys are made from, with the model's clusters) and its rows of
 * the five groups.
 *
 * The forms' slots keep what describing a word finds, by the word as
 * written and whether its sentence is in title case (everything that
 * depends on): its forms' hashes, its clusters and the gazetteer entry
 * of the word alone, so that describing a document does that work and
 * those lookups once per word.
 *
 * Both are direct-mapped (a word evicts the one in its slot), small
 * enough to stay in the processor's cache, and emptied when the model
 * or the feature groups left out change; a word too long is not kept
 * (its rows are made each time). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "entity/internal.h"
#include "hash.h"

struct ner_wslot {
	int32_t row[NER_WC_ROWS][NER_ROW];
	uint16_t flags, gb, gi;
	uint8_t len;		/* 0: empty */
	char s[NER_WC_MAXLEN];
};

static size_t
slots_of(size_t want)
{
	size_t n = 1;

	while (n < want)
		n *= 2;
	return n;
}

void
ner_wcache_ready(struct ner_ctx *c, const struct ner_feats *f)
{
	struct ner_wcache *w = c->wc;
	size_t n = slots_of(c->wcslots ? c->wcslots : NER_WC_SLOTS);

	if (w && w->model == f->id && w->skip == c->skip && w->mask + 1 == n)
		return;
	if (!w) {
		w = c->wc = ecalloc(1, sizeof *w);
		w->form = ealigned(64, NER_FC_SLOTS * sizeof *w->form);
	}
	if (!w->slot || w->mask + 1 != n) {
		free(w->slot);
		w->slot = ealigned(64, n * sizeof *w->slot);
		w->mask = n - 1;
	}
	memset(w->slot, 0, n * sizeof *w->slot);
	memset(w->form, 0, NER_FC_SLOTS * sizeof *w->form);
	w->model = f->id;
	w->skip = c->skip;
	w->hits = w->misses = w->fhits = w->fmisses = 0;
}

/* 1 if slot x holds token t, written s[0..len). */
static int
holds(const struct ner_wslot *x, const struct ner_tokinfo *t,
    const char *s, size_t len)
{
	return x->len == len && x->flags == t->flags && x->gb == t->gb &&
	    x->gi == t->gi && memcmp(x->s, s, len) == 0;
}

int32_t (*ner_wcache_rows(struct ner_wcache *w, const struct ner_ctx *c,
    size_t j, int *hit))[NER_ROW]
{
	const struct ner_tokinfo *t = &c->ti[j];
	const char *s = c->w[j].s;
	size_t len = c->w[j].len;
	struct ner_wslot *x;

	if (len == 0 || len > NER_WC_MAXLEN)
		return NULL;
	x = &w->slot[hash_mix(hash_fnv_step(t->hword, (uint64_t)t->flags << 32 |
	    (uint64_t)t->gb << 16 | t->gi)) & w->mask];
	if ((*hit = holds(x, t, s, len)) != 0) {
		w->hits++;
		return x->row;
	}
	w->misses++;
	x->len = (uint8_t)len;
	x->flags = (uint16_t)t->flags;
	x->gb = t->gb;
	x->gi = t->gi;
	memcpy(x->s, s, len);
	return x->row;
}

struct ner_fslot *
ner_wcache_form(struct ner_wcache *w, const char *s, size_t len, int upcase,
    int *hit)
{
	struct ner_fslot *x;

	if (len == 0 || len > NER_FC_MAXLEN)
		return NULL;
	x = &w->form[hash_mix(hash_fnv(HASH_FNV_INIT + (upcase != 0), s, len)) &
	    (NER_FC_SLOTS - 1)];
	*hit = x->len == len && x->upcase == !!upcase &&
	    memcmp(x->s, s, len) == 0;
	if (*hit) {
		w->fhits++;
		return x;
	}
	w->fmisses++;
	x->len = (uint8_t)len;
	x->upcase = !!upcase;
	memcpy(x->s, s, len);
	return x;
}

void
ner_wcache_free(struct ner_wcache *w)
{
	if (!w)
		return;
	free(w->form);
	free(w->slot);
	free(w);
}
