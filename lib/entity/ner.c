#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "mem.h"
#include "entity/ner.h"
#include "hash.h"
#include "text.h"

const char *const ner_types[NER_NTYPES] = { "PER", "ORG", "LOC", "MISC" };

/* Feature templates: the first byte hashed into every feature. */
enum {
	F_BIAS, F_WORD, F_LOWER, F_SHAPE, F_SSHAPE, F_PRE, F_SUF = F_PRE + 4,
	F_LOWM1 = F_SUF + 4, F_LOWP1, F_LOWM2, F_LOWP2, F_SSM1, F_SSP1, F_SSM2,
	F_SSP2, F_BI_M1, F_BI_P1, F_SS3, F_INIT_SS, F_INIT_LOW, F_HEAD_LOW,
	F_HEAD_SS, F_GAZ, F_GAZM1, F_GAZP1, F_GAZ_SS, F_LEN, F_FLAGS,
	F_LOWM1_SS, F_SS_LOWP1, F_GAZKEY = 200
};

struct ner_tokinfo {
	size_t word, wlen;	/* normalised form, offsets into text */
	size_t low, llen;	/* lower case, digits as 0 */
	size_t shape, shlen;	/* Xxxxx */
	size_t ss, sslen;	/* Xx */
	size_t pre[4], suf[4];	/* affix lengths in bytes of low, 0: none */
	unsigned cplen;
	unsigned flags;
	uint8_t gb, gi;		/* gazetteer classes begun / continued here */
};

enum { T_INIT = 1, T_DIGIT = 2, T_HYPHEN = 4, T_PERIOD = 8, T_UPPER = 16,
	T_LOWER = 32, T_ALLCAPS = 64 };

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

void
ner_table_index(struct ner_table *t)
{
	size_t i;

	hash_index_init(&t->ix, t->n);
	for (i = 0; i < t->n; i++)
		hash_index_put(&t->ix, t->keys[i], i);
}

long
ner_table_find(const struct ner_table *t, uint64_t key)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&t->ix, key, &pos); i >= 0;
	    i = hash_index_next(&t->ix, &pos))
		if (t->keys[i] == key)
			return i;
	return -1;
}

void
ner_table_free(struct ner_table *t)
{
	free(t->keys);
	hash_index_free(&t->ix);
	memset(t, 0, sizeof *t);
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

static int
read_all(FILE *fp, void *p, size_t size, size_t n)
{
	return n == 0 || fread(p, size, n, fp) == n;
}

struct ner_model *
ner_load(const char *path)
{
	struct ner_model *m;
	FILE *fp;
	char magic[8];
	uint32_t hdr[4];
	int ok, e;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	m = ecalloc(1, sizeof *m);
	ok = fread(magic, 1, 8, fp) == 8 && memcmp(magic, NER_MAGIC, 8) == 0 &&
	    fread(hdr, sizeof *hdr, 4, fp) == 4 && hdr[0] < (1u << 26) &&
	    hdr[1] < (1u << 24) && hdr[2] < 16 &&
	    fread(&m->scale, sizeof m->scale, 1, fp) == 1 &&
	    fread(m->trans, sizeof *m->trans, sizeof m->trans / sizeof *m->trans,
	    fp) == sizeof m->trans / sizeof *m->trans;
	if (ok) {
		m->f.n = hdr[0];
		m->gaz.t.n = hdr[1];
		m->gaz.maxlen = hdr[2];
		m->f.keys = emalloc((m->f.n + 1) * sizeof *m->f.keys);
		m->w = emalloc((m->f.n * NER_NTAGS + 1) * sizeof *m->w);
		m->gaz.t.keys = emalloc((m->gaz.t.n + 1) * sizeof *m->gaz.t.keys);
		m->gaz.cls = emalloc(m->gaz.t.n + 1);
		ok = read_all(fp, m->f.keys, sizeof *m->f.keys, m->f.n) &&
		    read_all(fp, m->w, sizeof *m->w, m->f.n * NER_NTAGS) &&
		    read_all(fp, m->gaz.t.keys, sizeof *m->gaz.t.keys,
		    m->gaz.t.n) &&
		    read_all(fp, m->gaz.cls, 1, m->gaz.t.n) &&
		    fgetc(fp) == EOF;
	}
	e = ferror(fp) ? errno : EINVAL;
	fclose(fp);
	if (!ok) {
		ner_free(m);
		errno = e;
		return NULL;
	}
	ner_table_index(&m->f);
	ner_table_index(&m->gaz.t);
	return m;
}

void
ner_free(struct ner_model *m)
{
	if (!m)
		return;
	ner_table_free(&m->f);
	free(m->w);
	ner_table_free(&m->gaz.t);
	free(m->gaz.cls);
	ner_ctx_free(&m->ctx);
	free(m->emit);
	free(m);
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

static int
capitalised(const struct ner_word *w)
{
	int32_t cp;

	return text_decode(w->s, w->len, &cp) > 0 && text_is_upper(cp);
}

static uint64_t
word_hash(const struct ner_word *w)
{
	return h_fin(h_add(h_init(F_GAZKEY + 1), w->s, w->len));
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
ner_doc_fix(const struct ner_word *w, size_t n, int *tags)
{
	uint64_t *names = NULL, h;
	size_t nn = 0, cap = 0, i, e;
	int alone;

	/* the first and last words of the people named in full */
	for (i = 0; i < n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, n, i);
		if (NER_TYPE(tags[i]) == 0 && e - i >= 2) {
			names = egrow(names, &cap, nn + 2, sizeof *names);
			names[nn++] = word_hash(&w[i]);
			names[nn++] = word_hash(&w[e - 1]);
		}
	}
	if (nn)
		qsort(names, nn, sizeof *names, cmp_u64);
	for (i = 0; i < n && nn; i++) {
		alone = (tags[i] == NER_O || NER_IS_B(tags[i])) &&
		    (i + 1 == n || tags[i + 1] == NER_O || NER_IS_B(tags[i + 1]));
		if (!alone || (tags[i] != NER_O && NER_TYPE(tags[i]) == 0) ||
		    w[i].len < 2 || !capitalised(&w[i]))
			continue;
		h = word_hash(&w[i]);
		if (bsearch(&h, names, nn, sizeof *names, cmp_u64)) {
			/* next to a person's name, it is part of that name */
			tags[i] = i && tags[i - 1] != NER_O &&
			    NER_TYPE(tags[i - 1]) == 0 ? NER_I(0) : NER_B(0);
			if (i + 1 < n && tags[i + 1] == NER_B(0))
				tags[i + 1] = NER_I(0);
		}
	}
	free(names);
}
