/* features: what the model sees of a token: the hashes of its normalised
 * and lower-cased forms, its shapes and affixes, its word clusters, the
 * gazetteer entries it begins or continues, and (second pass) the first
 * pass's labels of the same word elsewhere in the document. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mem.h"
#include "entity/internal.h"
#include "hash.h"
#include "text.h"

/* Feature templates: the first value hashed into every feature key. */
enum {
	F_BIAS = 1, F_WORD, F_LOWER, F_SHAPE, F_SSHAPE, F_PRE, F_SUF = F_PRE + 4,
	F_LOWM1 = F_SUF + 4, F_LOWP1, F_LOWM2, F_LOWP2, F_SSM1, F_SSP1, F_SSM2,
	F_SSP2, F_BI_M1, F_BI_P1, F_SS3, F_INIT_SS, F_INIT_LOW, F_HEAD_LOW,
	F_HEAD_SS, F_GAZ, F_GAZM1, F_GAZP1, F_GAZ_SS, F_LEN, F_FLAGS,
	F_LOWM1_SS, F_SS_LOWP1, F_CASE_SS, F_CL1, F_CL2 = F_CL1 + 4,
	F_CLM1 = F_CL2 + 4, F_CLP1 = F_CLM1 + 4, F_CL_NONE = F_CLP1 + 4,
	F_CL_SS,
	/* second pass */
	F_P1 = 100, F_P1M1, F_P1P1, F_P1_SS, F_DOC_TYPE, F_DOC_PLACE,
	F_DOC_MAJ, F_DOC_MAJ_P1, F_DOC_NONE, F_DOC_SAMEAS,
	/* keys that are not features */
	K_GAZ = 200, K_CLUSTER, K_DOCWORD
};

/* Cluster bit-string prefix lengths (Ratinov and Roth, 2009). */
static const unsigned cl_prefix[4] = { 4, 6, 10, 20 };

/* Feature keys: FNV-1a steps over a template number and the hashes it
 * combines (lib/hash), mixed at the end; 0 is reserved. */
static uint64_t
k_fin(uint64_t h)
{
	h = hash_mix(h);
	return h ? h : 1;
}

static uint64_t
k1(unsigned tpl, uint64_t a)
{
	return k_fin(hash_fnv_step(hash_fnv_step(HASH_FNV_INIT, tpl), a));
}

static uint64_t
k2(unsigned tpl, uint64_t a, uint64_t b)
{
	return k_fin(hash_fnv_step(hash_fnv_step(hash_fnv_step(HASH_FNV_INIT,
	    tpl), a), b));
}

static uint64_t
k3(unsigned tpl, uint64_t a, uint64_t b, uint64_t c)
{
	return k_fin(hash_fnv_step(hash_fnv_step(hash_fnv_step(hash_fnv_step(
	    HASH_FNV_INIT, tpl), a), b), c));
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
			if ((x = ner_table_find(&g->t, k_fin(h))) < 0)
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

/* Describe sentence k: forms, the headline flags, clusters. */
static void
describe_sentence(struct ner_ctx *c, const struct ner_model *m,
    const struct ner_word *w, size_t k, struct buf *f, struct buf *tmp)
{
	size_t a = c->sent[k], e = c->sent[k + 1], i, words = 0, caps = 0;
	int upcase = title_case(w + a, e - a);
	unsigned fl;

	for (i = a; i < e; i++) {
		memset(&c->ti[i], 0, sizeof c->ti[i]);
		if ((c->ti[i].ascii = ascii_only(w[i].s, w[i].len)))
			describe_ascii(c, &c->ti[i], w[i].s, w[i].len, upcase,
			    &c->ti[i].hform);
		else
			describe(c, &c->ti[i], w[i].s, w[i].len, upcase);
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
	for (i = a; i < e; i++) {
		c->ti[i].flags |= fl | (i == a ? T_INIT : 0);
		if (c->ti[i].ascii)
			clusters_ascii(m ? &m->cl : NULL, c, &c->ti[i],
			    c->ti[i].hform);
		else
			clusters(m ? &m->cl : NULL, &c->ti[i], w[i].s, w[i].len,
			    f, tmp);
	}
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
	free(c->vback);
	ner_wcache_free(c->wc);
	memset(c, 0, sizeof *c);
}

/* ---- the first pass ---- */

static uint64_t h_bos, h_eos;

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

	if (!h_bos) {
		h_bos = hash_bytes("<s>", 3);
		h_eos = hash_bytes("</s>", 4);
	}
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
	if (!(c->skip & NER_SKIP_CLUSTERS))
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
