/* features: what the model sees of a token: its normalised and
 * lower-cased forms, its shapes and affixes, the gazetteer entries it
 * begins or continues, and the hashed feature keys built from them. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mem.h"
#include "entity/internal.h"
#include "hash.h"
#include "text.h"

/* Feature templates: the first byte hashed into every feature. */
enum {
	F_BIAS, F_WORD, F_LOWER, F_SHAPE, F_SSHAPE, F_PRE, F_SUF = F_PRE + 4,
	F_LOWM1 = F_SUF + 4, F_LOWP1, F_LOWM2, F_LOWP2, F_SSM1, F_SSP1, F_SSM2,
	F_SSP2, F_BI_M1, F_BI_P1, F_SS3, F_INIT_SS, F_INIT_LOW, F_HEAD_LOW,
	F_HEAD_SS, F_GAZ, F_GAZM1, F_GAZP1, F_GAZ_SS, F_LEN, F_FLAGS,
	F_LOWM1_SS, F_SS_LOWP1, F_GAZKEY = 200
};

/* Feature keys: FNV-1a over a feature number and the strings it
 * combines (lib/hash), mixed at the end.  The model stores these values,
 * so they never change. */
static uint64_t
h_init(unsigned tpl)
{
	return hash_fnv_step(HASH_FNV_INIT, tpl);
}

static uint64_t
h_add(uint64_t h, const char *s, size_t n)
{
	return hash_fnv(h, s, n);
}

static uint64_t
h_sep(uint64_t h)
{
	return hash_fnv_step(h, 0xff);
}

/* 0 is reserved. */
static uint64_t
h_fin(uint64_t h)
{
	h = hash_mix(h);
	return h ? h : 1;
}

/* ASCII stand-ins for typographic marks, so running text looks like the
 * (ASCII) training data to the features. */
static const char *
ascii_for(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x2032: case 0x02BC:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	}
	return NULL;
}

static void
add_cp(struct buf *b, int32_t cp)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t l = utf8proc_encode_char(cp, u);

	buf_add(b, (const char *)u, (size_t)l);
}

/* Append the normalised and the lower-cased forms and the shapes. */
static void
describe(struct ner_ctx *c, struct ner_tokinfo *t, const char *s, size_t n,
    int upcase)
{
	struct buf *b = &c->text;
	size_t i = 0, k, cps[5];
	int l, ncap = 0, nlow = 0;
	int32_t cp;
	const char *a;
	char sh, last = 0;

	memset(t, 0, sizeof *t);
	t->word = b->len;
	for (i = 0; i < n; i += l) {
		if ((l = text_decode(s + i, n - i, &cp)) <= 0)
			l = 1, cp = 0xFFFD;
		if ((a = ascii_for(cp)) != NULL)
			buf_adds(b, a);
		else if (upcase)
			add_cp(b, utf8proc_toupper(cp));
		else
			buf_add(b, s + i, (size_t)l);
	}
	t->wlen = b->len - t->word;
	t->low = b->len;
	for (i = t->word; i < t->word + t->wlen; i += l) {
		l = text_decode(b->s + i, t->word + t->wlen - i, &cp);
		if (l <= 0)
			l = 1, cp = 0xFFFD;
		if (text_is_digit(cp)) {
			t->flags |= T_DIGIT;
			buf_addc(b, '0');
		} else
			add_cp(b, utf8proc_tolower(cp));
		if (cp == '-')
			t->flags |= T_HYPHEN;
		if (cp == '.')
			t->flags |= T_PERIOD;
		if (text_is_upper(cp))
			ncap++;
		else if (utf8proc_tolower(cp) != utf8proc_toupper(cp))
			nlow++;
		t->cplen++;
	}
	t->llen = b->len - t->low;
	/* shapes, from the normalised form */
	t->shape = b->len;
	for (i = t->word, k = 0; i < t->word + t->wlen; i += l) {
		l = text_decode(b->s + i, t->word + t->wlen - i, &cp);
		if (l <= 0)
			l = 1, cp = 0xFFFD;
		if (text_is_upper(cp))
			sh = 'X';
		else if (text_is_digit(cp))
			sh = 'd';
		else if (utf8proc_tolower(cp) != utf8proc_toupper(cp) ||
		    text_is_alpha(cp))
			sh = 'x';
		else
			sh = cp < 0x80 ? (char)cp : 'o';
		if (k++ < 12)
			buf_addc(b, sh);
	}
	t->shlen = b->len - t->shape;
	t->ss = b->len;
	for (i = 0; i < t->shlen; i++) {
		sh = b->s[t->shape + i];
		if (sh != last)
			buf_addc(b, sh);
		last = sh;
	}
	t->sslen = b->len - t->ss;
	if (ncap)
		t->flags |= T_UPPER;
	if (nlow)
		t->flags |= T_LOWER;
	if (ncap && !nlow)
		t->flags |= T_ALLCAPS;
	/* affixes by code points of the lower-cased form */
	k = 0;
	for (i = 0; i <= t->llen && k < 5; ) {
		cps[k++] = i;
		if (i == t->llen)
			break;
		l = text_decode(b->s + t->low + i, t->llen - i, &cp);
		i += l > 0 ? (size_t)l : 1;
	}
	for (i = 1; i < k && i <= 4; i++)
		t->pre[i - 1] = cps[i];
	k = 0;
	for (i = t->llen; k < 4 && i > 0; ) {
		do
			i--;
		while (i > 0 && ((unsigned char)b->s[t->low + i] & 0xC0) == 0x80);
		t->suf[k++] = t->llen - i;
	}
}

uint64_t
ner_gaz_key(const struct ner_word *w, size_t n)
{
	struct ner_ctx c = { 0 };
	uint64_t h;
	size_t i;

	ner_ctx_prepare(&c, NULL, w, n);
	h = h_init(F_GAZKEY);
	for (i = 0; i < n; i++) {
		if (i)
			h = h_sep(h);
		h = h_add(h, c.text.s + c.ti[i].low, c.ti[i].llen);
	}
	ner_ctx_free(&c);
	return h_fin(h);
}

static void
match_gaz(struct ner_ctx *c, const struct ner_gaz *g)
{
	size_t i, j, k;
	uint64_t h;
	long x;

	for (i = 0; i < c->n; i++) {
		h = h_init(F_GAZKEY);
		for (j = i; j < c->n && j - i < g->maxlen; j++) {
			if (j > i)
				h = h_sep(h);
			h = h_add(h, c->text.s + c->ti[j].low, c->ti[j].llen);
			if ((x = ner_table_find(&g->t, h_fin(h))) < 0)
				continue;
			c->ti[i].gb |= g->cls[x];
			for (k = i + 1; k <= j; k++)
				c->ti[k].gi |= g->cls[x];
		}
	}
}

/* A headline in title case (Mayor Hails New Bridge) tells as little by
 * its capitals as one in capitals, which the training data has plenty
 * of: every word of four letters or more is capitalised, and there are
 * at least three. */
static int
title_case(const struct ner_word *w, size_t n)
{
	size_t i, long_words = 0;
	int32_t cp;

	for (i = 0; i < n; i++) {
		if (text_decode(w[i].s, w[i].len, &cp) <= 0)
			continue;
		if (text_is_digit(cp))
			return 0;	/* a table row, not a headline */
		if (!text_is_alpha(cp) || text_cplen(w[i].s, w[i].len) < 4)
			continue;
		if (!text_is_upper(cp))
			return 0;
		long_words++;
	}
	return long_words >= 3;
}

void
ner_ctx_prepare(struct ner_ctx *c, const struct ner_gaz *g,
    const struct ner_word *w, size_t n)
{
	size_t i, words = 0, caps = 0;
	int upcase = title_case(w, n);

	c->ti = egrow(c->ti, &c->cap, n ? n : 1, sizeof *c->ti);
	c->n = n;
	buf_reset(&c->text);
	for (i = 0; i < n; i++) {
		describe(c, &c->ti[i], w[i].s, w[i].len, upcase);
		if (c->ti[i].flags & (T_UPPER | T_LOWER)) {
			words++;
			caps += (c->ti[i].flags & T_ALLCAPS) != 0;
		}
	}
	if (n)
		c->ti[0].flags |= T_INIT;
	c->headline = words > 0 && caps == words;
	if (g && g->t.n)
		match_gaz(c, g);
}

void
ner_ctx_free(struct ner_ctx *c)
{
	free(c->ti);
	buf_free(&c->text);
	free(c->vscore);
	free(c->vback);
	memset(c, 0, sizeof *c);
}

#define LOW(c, j)	(c)->text.s + (c)->ti[j].low, (c)->ti[j].llen
#define SS(c, j)	(c)->text.s + (c)->ti[j].ss, (c)->ti[j].sslen

/* Neighbour j = i + d as a hash part: its lower-cased form or shape, or
 * a boundary mark. */
static uint64_t
h_low(uint64_t h, const struct ner_ctx *c, size_t i, int d)
{
	long j = (long)i + d;

	if (j < 0)
		return h_add(h, "<s>", 3);
	if ((size_t)j >= c->n)
		return h_add(h, "</s>", 4);
	return h_add(h, LOW(c, j));
}

static uint64_t
h_ss(uint64_t h, const struct ner_ctx *c, size_t i, int d)
{
	long j = (long)i + d;

	if (j < 0)
		return h_add(h, "<s>", 3);
	if ((size_t)j >= c->n)
		return h_add(h, "</s>", 4);
	return h_add(h, SS(c, j));
}

static uint8_t
gaz_code(const struct ner_ctx *c, size_t i, int d)
{
	long j = (long)i + d;
	uint8_t b;

	if (j < 0 || (size_t)j >= c->n)
		return 0;
	b = c->ti[j].gb & ~NER_GAZ_COMMON;
	return b ? b : c->ti[j].gi;
}

size_t
ner_features(const struct ner_ctx *c, size_t i, uint64_t *out)
{
	const struct ner_tokinfo *t = &c->ti[i];
	const char *low = c->text.s + t->low;
	size_t n = 0, k;
	unsigned b;
	char len;
	uint8_t gz;

#define F(expr)	(out[n++] = h_fin(expr))
	F(h_init(F_BIAS) ^ (uint64_t)c->headline);
	F(h_add(h_init(F_WORD), c->text.s + t->word, t->wlen));
	F(h_add(h_init(F_LOWER), low, t->llen));
	F(h_add(h_init(F_SHAPE), c->text.s + t->shape, t->shlen));
	F(h_add(h_init(F_SSHAPE), SS(c, i)));
	for (k = 0; k < 4; k++) {
		if (t->pre[k] && t->pre[k] < t->llen)
			F(h_add(h_init(F_PRE + k), low, t->pre[k]));
		if (t->suf[k] && t->suf[k] < t->llen)
			F(h_add(h_init(F_SUF + k), low + t->llen - t->suf[k],
			    t->suf[k]));
	}
	F(h_low(h_init(F_LOWM1), c, i, -1));
	F(h_low(h_init(F_LOWP1), c, i, 1));
	F(h_low(h_init(F_LOWM2), c, i, -2));
	F(h_low(h_init(F_LOWP2), c, i, 2));
	F(h_ss(h_init(F_SSM1), c, i, -1));
	F(h_ss(h_init(F_SSP1), c, i, 1));
	F(h_ss(h_init(F_SSM2), c, i, -2));
	F(h_ss(h_init(F_SSP2), c, i, 2));
	F(h_add(h_sep(h_low(h_init(F_BI_M1), c, i, -1)), low, t->llen));
	F(h_low(h_sep(h_add(h_init(F_BI_P1), low, t->llen)), c, i, 1));
	F(h_ss(h_sep(h_ss(h_sep(h_ss(h_init(F_SS3), c, i, -1)), c, i, 0)),
	    c, i, 1));
	F(h_add(h_sep(h_low(h_init(F_LOWM1_SS), c, i, -1)), SS(c, i)));
	F(h_low(h_sep(h_add(h_init(F_SS_LOWP1), SS(c, i))), c, i, 1));
	if (t->flags & T_INIT) {
		F(h_add(h_init(F_INIT_SS), SS(c, i)));
		F(h_add(h_init(F_INIT_LOW), low, t->llen));
	}
	if (c->headline) {
		F(h_add(h_init(F_HEAD_LOW), low, t->llen));
		F(h_add(h_init(F_HEAD_SS), SS(c, i)));
	}
	for (b = 0; b < NER_GAZ_NCLASS; b++) {
		if (t->gb & (1u << b))
			F(h_init(F_GAZ) ^ (b << 8 | 1));
		if (t->gi & (1u << b))
			F(h_init(F_GAZ) ^ (b << 8 | 2));
	}
	if ((gz = gaz_code(c, i, 0)) != 0) {
		F(h_add(h_init(F_GAZ_SS) ^ gz, SS(c, i)));
	}
	if ((gz = gaz_code(c, i, -1)) != 0)
		F(h_init(F_GAZM1) ^ gz);
	if ((gz = gaz_code(c, i, 1)) != 0)
		F(h_init(F_GAZP1) ^ gz);
	len = (char)(t->cplen > 10 ? 10 : t->cplen);
	F(h_add(h_init(F_LEN), &len, 1));
	F(h_init(F_FLAGS) ^ (t->flags & (T_DIGIT | T_HYPHEN | T_PERIOD)));
#undef F
	return n;
}
