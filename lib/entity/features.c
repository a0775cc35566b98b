/* features: what the model sees of a token: the hashes of its normalised
 * and lower-cased forms, its shapes and affixes, its word clusters and
 * the gazetteer entries it begins or continues (the keys made of them
 * are keys.c's). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mem.h"
#include "entity/internal.h"
#include "hash.h"
#include "text.h"

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
	utf8proc_ssize_t l;

	if (cp < 0x80) {
		buf_addc(b, (char)cp);
		return;
	}
	l = utf8proc_encode_char(cp, u);
	buf_add(b, (const char *)u, (size_t)l);
}

/* Case mappings, ASCII first (nearly every code point of news). */
static int32_t
lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	return utf8proc_tolower(cp);
}

static int32_t
upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
	return utf8proc_toupper(cp);
}

/* A letter that has case. */
static int
cased(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return utf8proc_tolower(cp) != utf8proc_toupper(cp);
}

static int
decode(const char *s, size_t n, int32_t *cp)
{
	int l = text_decode(s, n, cp);

	if (l <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return l;
}

void
ner_form(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int l;
	int32_t cp;
	const char *a;
	unsigned char ch;

	for (i = 0; i < n; i += l) {
		if ((ch = (unsigned char)s[i]) < 0x80) {
			/* ASCII: only digits change */
			buf_addc(b, ch >= '0' && ch <= '9' ? '0' : (char)ch);
			l = 1;
			continue;
		}
		l = decode(s + i, n - i, &cp);
		if ((a = ascii_for(cp)) != NULL)
			buf_adds(b, a);
		else if (text_is_digit(cp))
			buf_addc(b, '0');
		else
			buf_add(b, s + i, (size_t)l);
	}
}

uint64_t
ner_cluster_key(const char *s, size_t n)
{
	return k1(K_CLUSTER, hash_bytes(s, n));
}

/* The cluster path of the form f[0..n) recased: 0 as it is, 'T' with
 * the first letter only in capitals, 'l' in lower case. */
static uint32_t
cluster_of(const struct ner_clusters *cl, struct buf *tmp, const char *f,
    size_t n, int recase)
{
	size_t i;
	int l;
	int32_t cp;
	long x;

	if (!cl || !cl->t.n)
		return 0;
	if (recase) {
		buf_reset(tmp);
		for (i = 0; i < n; i += l) {
			l = decode(f + i, n - i, &cp);
			add_cp(tmp, i == 0 && recase == 'T' ? upper(cp) : lower(cp));
		}
		f = tmp->s;
		n = tmp->len;
	}
	x = ner_table_find(&cl->t, ner_cluster_key(f, n));
	return x < 0 ? 0 : cl->path[x];
}

/* Shape character of code point cp. */
static char
shape_of(int32_t cp)
{
	if (text_is_upper(cp))
		return 'X';
	if (text_is_digit(cp))
		return 'd';
	if (cased(cp) || text_is_alpha(cp))
		return 'x';
	return cp < 0x80 ? (char)cp : 'o';
}

/* The forms of one token into t: hashes of the normalised form (in
 * capitals when upcase), the lower-cased one (kept in c->text), the
 * shapes and the affixes. */
static void
describe(struct ner_ctx *c, struct ner_tokinfo *t, const char *s, size_t n,
    int upcase)
{
	struct buf *b = &c->text;
	char shape[12], ss[12];
	size_t i, word, wlen, nsh = 0, nss = 0, cps[5], k = 0;
	int l, ncap = 0, nlow = 0;
	int32_t cp;
	const char *a;
	uint64_t h;

	word = b->len;
	for (i = 0; i < n; i += l) {
		l = decode(s + i, n - i, &cp);
		if ((a = ascii_for(cp)) != NULL)
			buf_adds(b, a);
		else if (upcase)
			add_cp(b, upper(cp));
		else
			buf_add(b, s + i, (size_t)l);
	}
	wlen = b->len - word;
	t->low = b->len;
	for (i = word; i < word + wlen; i += l) {
		l = decode(b->s + i, word + wlen - i, &cp);
		if (k < 5)
			cps[k++] = b->len - t->low;
		if (text_is_digit(cp)) {
			t->flags |= T_DIGIT;
			buf_addc(b, '0');
		} else
			add_cp(b, lower(cp));
		if (cp == '-')
			t->flags |= T_HYPHEN;
		if (cp == '.')
			t->flags |= T_PERIOD;
		if (text_is_upper(cp))
			ncap++;
		else if (cased(cp))
			nlow++;
		if (nsh < sizeof shape)
			shape[nsh++] = shape_of(cp);
		t->cplen++;
	}
	t->llen = b->len - t->low;
	if (k < 5)
		cps[k++] = t->llen;
	t->hword = hash_bytes(b->s + word, wlen);
	/* the lower-cased form's hash and its prefixes' in one run */
	h = HASH_FNV_INIT;
	for (i = 0; i < 4; i++) {
		t->hpre[i] = 0;
		if (i + 1 < k && cps[i + 1] < t->llen) {
			h = hash_fnv(h, b->s + t->low + (i ? cps[i] : 0),
			    cps[i + 1] - (i ? cps[i] : 0));
			t->hpre[i] = hash_mix(h);
		}
	}
	t->hlow = hash_bytes(b->s + t->low, t->llen);
	t->hshape = hash_bytes(shape, nsh);
	for (i = 0; i < nsh; i++)
		if (nss == 0 || ss[nss - 1] != shape[i])
			ss[nss++] = shape[i];
	t->hss = hash_bytes(ss, nss);
	if (ncap)
		t->flags |= T_UPPER;
	if (nlow)
		t->flags |= T_LOWER;
	if (ncap && !nlow)
		t->flags |= T_ALLCAPS;
	/* affixes of 1-4 code points of the lower-cased form, shorter
	 * than it (cps[j]: where code point j begins) */
	for (i = 0; i < 4; i++)
		t->hsuf[i] = 0;
	for (i = t->llen, k = 0; k < 4 && i > 0; k++) {
		do
			i--;
		while (i > 0 && ((unsigned char)b->s[t->low + i] & 0xC0) == 0x80);
		if (i > 0)
			t->hsuf[k] = hash_bytes(b->s + t->low + i, t->llen - i);
	}
}

/* describe() for a token of ASCII only (nearly every token of news):
 * the same forms and hashes in one pass, without decoding, recasing
 * through utf8proc or copying the word.  Its cluster form (ner_form:
 * digits as 0) is hashed on the way, into *hform. */
static void
describe_ascii(struct ner_ctx *c, struct ner_tokinfo *t, const char *s,
    size_t n, int upcase, uint64_t *hform)
{
	char shape[12], ss[12], *low;
	size_t i, nsh = n < sizeof shape ? n : sizeof shape, nss = 0;
	uint64_t hw = HASH_FNV_INIT, hl = HASH_FNV_INIT, hf = HASH_FNV_INIT;
	int ncap = 0, nlow = 0;
	unsigned char ch;

	buf_add(&c->text, s, n);	/* room for the lower-cased form */
	t->low = c->text.len - n;
	t->llen = n;
	t->cplen = (unsigned)n;
	low = c->text.s + t->low;
	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		hf = (hf ^ (ch >= '0' && ch <= '9' ? '0' : ch)) * HASH_FNV_PRIME;
		if (upcase && ch >= 'a' && ch <= 'z')
			ch -= 32;
		hw = (hw ^ ch) * HASH_FNV_PRIME;
		if (ch >= 'A' && ch <= 'Z') {
			ncap++;
			low[i] = (char)(ch + 32);
			if (i < nsh)
				shape[i] = 'X';
		} else if (ch >= '0' && ch <= '9') {
			t->flags |= T_DIGIT;
			low[i] = '0';
			if (i < nsh)
				shape[i] = 'd';
		} else {
			nlow += ch >= 'a' && ch <= 'z';
			low[i] = (char)ch;
			if (i < nsh)
				shape[i] = ch >= 'a' && ch <= 'z' ? 'x' : (char)ch;
			t->flags |= ch == '-' ? T_HYPHEN : ch == '.' ? T_PERIOD : 0;
		}
		hl = (hl ^ (unsigned char)low[i]) * HASH_FNV_PRIME;
		/* prefixes of 1-4 letters, shorter than the word */
		if (i < 4)
			t->hpre[i] = i + 1 < n ? hash_mix(hl) : 0;
	}
	for (i = n; i < 4; i++)
		t->hpre[i] = 0;
	t->hword = hash_mix(hw);
	t->hlow = hash_mix(hl);
	t->hshape = hash_bytes(shape, nsh);
	for (i = 0; i < nsh; i++)
		if (nss == 0 || ss[nss - 1] != shape[i])
			ss[nss++] = shape[i];
	t->hss = hash_bytes(ss, nss);
	t->flags |= (ncap ? T_UPPER : 0) | (nlow ? T_LOWER : 0) |
	    (ncap && !nlow ? T_ALLCAPS : 0);
	for (i = 0; i < 4; i++)
		t->hsuf[i] = i + 1 < n ? hash_bytes(low + n - i - 1, i + 1) : 0;
	*hform = hash_mix(hf);
}

/* The cluster path of a word by the hash of its form, or 0. */
static uint32_t
cluster_by_hash(const struct ner_clusters *cl, uint64_t h)
{
	long x;

	if (!cl || !cl->t.n)
		return 0;
	x = ner_table_find(&cl->t, k1(K_CLUSTER, h));
	return x < 0 ? 0 : cl->path[x];
}

/* clusters() for a token of ASCII only: its form's hash is hform, its
 * form in lower case is its lower-cased form (hlow), and in title case
 * that with the first letter in capitals. */
static void
clusters_ascii(const struct ner_clusters *cl, const struct ner_ctx *c,
    struct ner_tokinfo *t, uint64_t hform)
{
	const char *low = c->text.s + t->low;
	unsigned char ch = (unsigned char)low[0];
	uint64_t h;

	t->c1 = cluster_by_hash(cl, hform);
	t->c2 = 0;
	if ((t->flags & T_ALLCAPS) && t->cplen > 1) {
		h = (HASH_FNV_INIT ^ (ch >= 'a' && ch <= 'z' ? ch - 32u : ch)) *
		    HASH_FNV_PRIME;
		t->c2 = cluster_by_hash(cl, hash_mix(hash_fnv(h, low + 1,
		    t->llen - 1)));
	} else if (!t->c1 && (t->flags & T_UPPER))
		t->c2 = cluster_by_hash(cl, t->hlow);
}

/* Word clusters of token t (s[0..n) as written): c1 of the word as it
 * is; c2 of the word in title case when it is in capitals (headlines,
 * tables), or in lower case when the word as it is has none. */
static void
clusters(const struct ner_clusters *cl, struct ner_tokinfo *t, const char *s,
    size_t n, struct buf *f, struct buf *tmp)
{
	buf_reset(f);
	ner_form(f, s, n);
	t->c1 = cluster_of(cl, tmp, f->s, f->len, 0);
	t->c2 = 0;
	if ((t->flags & T_ALLCAPS) && t->cplen > 1)
		t->c2 = cluster_of(cl, tmp, f->s, f->len, 'T');
	else if (!t->c1 && (t->flags & T_UPPER))
		t->c2 = cluster_of(cl, tmp, f->s, f->len, 'l');
}

static uint64_t
gaz_step(uint64_t h, const struct ner_tokinfo *t)
{
	return hash_fnv_step(h, t->hlow);
}

uint64_t
ner_gaz_key(const struct ner_word *w, size_t n)
{
	struct ner_ctx c = { 0 };
	uint64_t h = hash_fnv_step(HASH_FNV_INIT, K_GAZ);
	size_t i;

	ner_ctx_prepare(&c, NULL, w, n);
	for (i = 0; i < n; i++)
		h = gaz_step(h, &c.ti[i]);
	ner_ctx_free(&c);
	return k_fin(h);
}

/* Gazetteer entries within each sentence; the table holds every proper
 * prefix of an entry too, so a match stops at the first miss. */
static void
match_gaz(struct ner_ctx *c, const struct ner_gaz *g)
{
	size_t i, j, k, end;
	uint64_t h;
	long x;
	uint16_t cls;

	for (i = 0; i < c->n; i++) {
		h = hash_fnv_step(HASH_FNV_INIT, K_GAZ);
		end = c->sent[c->ti[i].s + 1];
		for (j = i; j < end && j - i < g->maxlen; j++) {
			if (j > i && c->ti[j].brk)
				break;
			h = gaz_step(h, &c->ti[j]);
			/* the word alone's entry: describe_word's */
			x = j == i ? c->ti[i].g1 : ner_table_find(&g->t, k_fin(h));
			if (x < 0)
				break;
			cls = g->cls[x] & ~NER_GAZ_PREFIX;
			c->ti[i].gb |= cls;
			for (k = i + 1; k <= j; k++)
				c->ti[k].gi |= cls;
			if (!(g->cls[x] & NER_GAZ_PREFIX))
				break;
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

static void
sentences(struct ner_ctx *c, const struct ner_word *w, size_t n)
{
	size_t i;

	c->nsent = 0;
	for (i = 0; i < n; i++)
		if (i == 0 || w[i].brk == NER_BRK_SENT) {
			c->sent = egrow(c->sent, &c->scap, c->nsent + 2,
			    sizeof *c->sent);
			c->sent[c->nsent++] = i;
		}
	c->sent = egrow(c->sent, &c->scap, c->nsent + 1, sizeof *c->sent);
	c->sent[c->nsent] = n;
}

/* 1 if s[0..n) is ASCII (and not empty). */
static int
ascii_only(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return n > 0;
}

/* The gazetteer entry of t's word alone, or -1. */
static long
gaz_alone(const struct ner_gaz *g, const struct ner_tokinfo *t)
{
	if (!g->t.n)
		return -1;
	return ner_table_find(&g->t, k_fin(gaz_step(hash_fnv_step(
	    HASH_FNV_INIT, K_GAZ), t)));
}

/* Describe token t (w as written, in capitals when upcase): its forms
 * (describe), clusters and the gazetteer entry of its word alone; from
 * the word cache's forms when they hold it (ner_tag_doc readies them
 * for m), which keep them by the word as written and upcase, everything
 * they are found from. */
static void
describe_word(struct ner_ctx *c, const struct ner_model *m,
    struct ner_tokinfo *t, const struct ner_word *w, int upcase,
    struct buf *f, struct buf *tmp)
{
	struct ner_fslot *x = NULL;
	int hit = 0;

	if (m && c->wc && c->wc->model == m->feats.id)
		x = ner_wcache_form(c->wc, w->s, w->len, upcase, &hit);
	if (hit) {
		*t = x->t;
		t->low = c->text.len;
		buf_add(&c->text, x->low, t->llen);
		return;
	}
	memset(t, 0, sizeof *t);
	if ((t->ascii = ascii_only(w->s, w->len))) {
		describe_ascii(c, t, w->s, w->len, upcase, &t->hform);
		clusters_ascii(m ? &m->cl : NULL, c, t, t->hform);
	} else {
		describe(c, t, w->s, w->len, upcase);
		clusters(m ? &m->cl : NULL, t, w->s, w->len, f, tmp);
	}
	t->g1 = m ? gaz_alone(&m->gaz, t) : -1;
	if (x && t->llen <= sizeof x->low) {
		x->t = *t;
		memcpy(x->low, c->text.s + t->low, t->llen);
	} else if (x)
		x->len = 0;	/* not kept after all */
}

/* Describe sentence k: forms, clusters, the headline flags. */
static void
describe_sentence(struct ner_ctx *c, const struct ner_model *m,
    const struct ner_word *w, size_t k, struct buf *f, struct buf *tmp)
{
	size_t a = c->sent[k], e = c->sent[k + 1], i, words = 0, caps = 0;
	int upcase = title_case(w + a, e - a);
	unsigned fl;

	for (i = a; i < e; i++) {
		describe_word(c, m, &c->ti[i], &w[i], upcase, f, tmp);
		c->ti[i].s = k;
		c->ti[i].dw = -1;
		c->ti[i].brk = i > a ? w[i].brk : NER_BRK_SENT;
		if (c->ti[i].flags & (T_UPPER | T_LOWER)) {
			words++;
			caps += (c->ti[i].flags & T_ALLCAPS) != 0;
		}
	}
	fl = (words > 0 && caps == words ? T_HEAD : 0) |
	    (upcase ? T_TITLESENT : 0);
	for (i = a; i < e; i++)
		c->ti[i].flags |= fl | (i == a ? T_INIT : 0);
}

void
ner_ctx_prepare(struct ner_ctx *c, const struct ner_model *m,
    const struct ner_word *w, size_t n)
{
	struct buf f = BUF_INIT, tmp = BUF_INIT;
	size_t k;

	c->ti = egrow(c->ti, &c->cap, n ? n : 1, sizeof *c->ti);
	c->n = n;
	c->w = w;
	c->ndw = 0;
	buf_reset(&c->text);
	sentences(c, w, n);
	for (k = 0; k < c->nsent; k++)
		describe_sentence(c, m, w, k, &f, &tmp);
	if (m && m->gaz.t.n)
		match_gaz(c, &m->gaz);
	buf_free(&f);
	buf_free(&tmp);
}

void
ner_ctx_free(struct ner_ctx *c)
{
	free(c->ti);
	buf_free(&c->text);
	free(c->sent);
	free(c->tags1);
	free(c->dw);
	hash_index_free(&c->dix);
	free(c->fs);
	free(c->fsat);
	free(c->emit);
	free(c->emit2);
	free(c->acc);
	free(c->vscore);
	ner_wcache_free(c->wc);
	memset(c, 0, sizeof *c);
}
