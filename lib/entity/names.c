/* names: the rules that give a mention its canonical name.  The sets and
 * maps below are lib/keymap's, which compare their keys in full. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "entity/names.h"
#include "keymap.h"
#include "mem.h"
#include "text.h"

/* ---- keys ---- */

/* Folded words of a name: case, accents and compatibility forms folded,
 * apostrophes dropped (O'Neill, O’Neill), hyphens and other punctuation
 * treated as spaces (Kim Jong-un, Kim Jong Un and KIM JONG UN give the
 * same words). */
static int
ascii_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || !s[i])
			return 0;
	return 1;
}

/* Into b after its end, the folded words of an ASCII name, each ended
 * by sep (a word is a run of letters; apostrophes are dropped within
 * it; anything else ends it): what fold_words gives, without utf8proc
 * or a copy of the name. */
static size_t
ascii_words(struct buf *b, const char *s, size_t n, char sep)
{
	size_t i, k = 0;
	int in = 0;
	char c;

	for (i = 0; i <= n; i++) {
		c = i < n ? s[i] : ' ';
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			buf_addc(b, (char)(c | 0x20));
			in = 1;
		} else if (c != '\'' && in) {
			buf_addc(b, sep);
			in = 0;
			k++;
		}
	}
	return k;
}

static char **
fold_words(const char *s, size_t n, size_t *nwords)
{
	char *f, **v = NULL, *p;
	struct buf w = BUF_INIT;
	size_t cap = 0, k = 0;
	int32_t cp;
	int l;

	if (ascii_name(s, n)) {
		k = ascii_words(&w, s, n, '\0');
		v = emalloc((k + 1) * sizeof *v);
		for (cap = 0, p = w.s; cap < k; cap++, p += strlen(p) + 1)
			v[cap] = estrdup(p);
		buf_free(&w);
		*nwords = k;
		return v;
	}
	f = text_fold(s, n, NULL);
	for (p = f;; p += l) {
		if (!*p || (l = text_decode(p, strlen(p), &cp)) <= 0)
			l = 1, cp = ' ';
		if (text_is_alpha(cp))
			buf_add(&w, p, (size_t)l);
		else if (cp != '\'' && cp != 0x2019 && cp != 0x02BC && w.len) {
			v = egrow(v, &cap, k + 1, sizeof *v);
			v[k++] = buf_take(&w);
		}
		if (!*p)
			break;
	}
	buf_free(&w);
	free(f);
	*nwords = k;
	return v;
}

static void
free_words(char **v, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(v[k]);
	free(v);
}

/* Into b, the key of words v[from..to) of a name of this type: the
 * type, a tab, and the words between spaces. */
static void
words_key(struct buf *b, enum ner_type type, char *const *v, size_t from,
    size_t to)
{
	size_t k;

	buf_reset(b);
	buf_adds(b, ner_types[type]);
	for (k = from; k < to; k++) {
		buf_addc(b, k > from ? ' ' : '\t');
		buf_adds(b, v[k]);
	}
}

static void
mention_key(struct buf *b, const struct names_mention *m)
{
	words_key(b, m->type, m->words, 0, m->nwords);
}

/* ---- in an article ---- */

struct names_mention *
names_article_add(struct names_article *a, enum ner_type type,
    const char *s, size_t len, int title, size_t ntok)
{
	struct names_mention *m;

	a->m = egrow(a->m, &a->cap, a->n + 1, sizeof *a->m);
	m = &a->m[a->n];
	memset(m, 0, sizeof *m);
	m->type = type;
	m->s = s;
	m->len = len;
	m->title = title;
	m->ntok = ntok;
	m->words = fold_words(s, len, &m->nwords);
	m->canon = a->n++;
	return m;
}

static void
retype_title(struct names_article *a)
{
	struct names_mention *t, *b;
	size_t i, j;

	for (i = 0; i < a->n; i++) {
		t = &a->m[i];
		if (!t->title || t->ntok != 1)
			continue;
		for (j = 0; j < a->n; j++) {
			b = &a->m[j];
			if (!b->title && b->ntok == 1 && b->len == t->len &&
			    memcmp(b->s, t->s, t->len) == 0) {
				t->type = b->type;
				break;
			}
		}
	}
}

static void
count_times(struct names_article *a, struct buf *key)
{
	struct keymap times = KEYMAP_INIT;
	size_t i;

	for (i = 0; i < a->n; i++) {
		mention_key(key, &a->m[i]);
		keymap_get(&times, key->s, key->len, 0)->val++;
	}
	for (i = 0; i < a->n; i++) {
		mention_key(key, &a->m[i]);
		a->m[i].times = keymap_find(&times, key->s, key->len)->val;
	}
	keymap_free(&times);
}

static int
all_caps(const struct names_mention *m)
{
	const char *p = m->s, *end = p + m->len;
	int32_t cp;
	int l, caps = 0;

	for (; p < end; p += l) {
		if ((l = text_decode(p, (size_t)(end - p), &cp)) <= 0)
			return 0;
		if (text_is_upper(cp))
			caps++;
		else if (utf8proc_tolower(cp) != utf8proc_toupper(cp))
			return 0;
	}
	return caps > 1;
}

/* A name in capitals takes the first mention of the same name that is
 * not in capitals. */
static void
mixed_case(struct names_article *a, struct buf *key)
{
	struct keymap mixed = KEYMAP_INIT;
	struct keyent *e;
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!all_caps(&a->m[i])) {
			mention_key(key, &a->m[i]);
			keymap_get(&mixed, key->s, key->len, i);
		}
	for (i = 0; i < a->n; i++) {
		if (!all_caps(&a->m[i]))
			continue;
		mention_key(key, &a->m[i]);
		if ((e = keymap_find(&mixed, key->s, key->len)) != NULL)
			a->m[i].canon = e->val;
	}
	keymap_free(&mixed);
}

/* Words that may stand before a person's name and are no part of it. */
static const char *const titles[] = {
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
	"lord", "lady", "president", "senator", "sen", "rep", "gov",
	"governor", "gen", "general", "col", "colonel", "capt", "captain",
	"lt", "sgt", "mayor", "judge", "justice", "rev", "father", "king",
	"queen", "prince", "princess", "chancellor", "minister", "premier",
	"secretary", "chairman", "ambassador", "cardinal", "pope", "sheikh",
	"coach", "manager"
};

/* Words that end an organisation's name and tell its kind. */
static const char *const designators[] = {
	"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
	"limited", "group", "plc", "llc", "llp", "lp", "ag", "sa", "nv", "bv",
	"gmbh", "spa", "ab", "asa", "oyj", "bhd", "pty", "holdings", "holding"
};

/* Words an acronym leaves out. */
static const char *const small_words[] = {
	"of", "the", "and", "for", "de", "du", "des", "la", "le", "et", "in",
	"on", "to", "a"
};

static int
among(const char *w, const char *const *list, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (strcmp(w, list[k]) == 0)
			return 1;
	return 0;
}

#define AMONG(w, list)	among(w, list, sizeof list / sizeof *list)

/* The best of the mentions offered under key: the one named most often,
 * then the longest, then the first. */
static void
offer_key(struct names_article *a, struct keymap *map, const struct buf *key,
    size_t j)
{
	const struct names_mention *c = &a->m[j], *best;
	struct keyent *e = keymap_get(map, key->s, key->len, j);

	best = &a->m[e->val];
	if (c->times > best->times ||
	    (c->times == best->times && c->nwords > best->nwords))
		e->val = j;
}

static void
offer(struct names_article *a, struct keymap *map, struct buf *key, size_t j,
    size_t from, size_t to)
{
	words_key(key, a->m[j].type, a->m[j].words, from, to);
	offer_key(a, map, key, j);
}

/* Leading titles of a person's mention (Mr, President). */
static size_t
title_words(const struct names_mention *m)
{
	size_t k = 0;

	while (k + 1 < m->nwords && k + 1 < m->ntok &&
	    AMONG(m->words[k], titles))
		k++;
	return k;
}

/* A person's surname or given name, with or without a title, stands
 * for the full name in the article; so does the full name with a title.
 * The full names are those of two tokens or more after the titles; a
 * part is the words of the first or last tokens (a hyphenated surname is
 * one token of two words). */
static void
people(struct names_article *a, struct buf *key)
{
	struct keymap parts = KEYMAP_INIT, full = KEYMAP_INIT;
	struct names_mention *m;
	struct keyent *e;
	size_t i, j, k, n, t;

	for (j = 0; j < a->n; j++) {
		m = &a->m[j];
		t = title_words(m);
		if (m->type != NER_PER || m->ntok - t < 2)
			continue;
		n = m->nwords;
		for (k = t + 1; k < n; k++) {
			offer(a, &parts, key, j, t, k);
			offer(a, &parts, key, j, k, n);
		}
		if (t == 0)
			offer(a, &full, key, j, 0, n);
	}
	for (i = 0; i < a->n; i++) {
		m = &a->m[i];
		t = title_words(m);
		if (m->type != NER_PER || m->nwords == t)
			continue;
		words_key(key, m->type, m->words, t, m->nwords);
		if (m->ntok - t == 1)
			e = keymap_find(&parts, key->s, key->len);
		else
			e = t ? keymap_find(&full, key->s, key->len) : NULL;
		if (e)
			m->canon = e->val;
	}
	keymap_free(&parts);
	keymap_free(&full);
}

/* Into key, the acronym key of words v[from..to) of an organisation:
 * their initials, small words left out. */
static void
acronym_key(struct buf *key, char *const *v, size_t from, size_t to)
{
	size_t k;

	buf_reset(key);
	buf_adds(key, "ORG acronym\t");
	for (k = from; k < to; k++)
		if (!AMONG(v[k], small_words))
			buf_add(key, v[k], 1);
}

/* A one-token mention in capitals of 2 to 8 letters (IBM, U.N.) may be
 * an acronym: its key is its letters. */
static int
acronym_of(const struct names_mention *m, struct buf *key)
{
	size_t k, len = 0;

	if (m->ntok != 1 || !all_caps(m))
		return 0;
	buf_reset(key);
	buf_adds(key, "ORG acronym\t");
	for (k = 0; k < m->nwords; k++) {
		buf_adds(key, m->words[k]);
		len += strlen(m->words[k]);
	}
	return len >= 2 && len <= 8;
}

/* An organisation's shorter form stands for a longer one only when the
 * longer adds designators (Inc, Corp, Ltd...) or the shorter is its
 * acronym: AOL is not AOL Europe. */
static void
organisations(struct names_article *a, struct buf *key)
{
	struct keymap longer = KEYMAP_INIT;
	struct names_mention *m;
	struct keyent *e;
	size_t i, j, n;

	for (j = 0; j < a->n; j++) {
		m = &a->m[j];
		if (m->type != NER_ORG || m->nwords < 2)
			continue;
		acronym_key(key, m->words, 0, m->nwords);
		offer_key(a, &longer, key, j);
		for (n = m->nwords; n > 1 && AMONG(m->words[n - 1], designators); ) {
			n--;
			offer(a, &longer, key, j, 0, n);
			acronym_key(key, m->words, 0, n);
			offer_key(a, &longer, key, j);
		}
	}
	for (i = 0; i < a->n; i++) {
		m = &a->m[i];
		if (m->type != NER_ORG || m->nwords == 0)
			continue;
		mention_key(key, m);
		if ((e = keymap_find(&longer, key->s, key->len)) == NULL &&
		    acronym_of(m, key))
			e = keymap_find(&longer, key->s, key->len);
		if (e && e->val != i)
			m->canon = e->val;
	}
	keymap_free(&longer);
}

/* Follow the canonical names to the end: Acme Corp for Acme for ACC. */
static void
settle(struct names_article *a)
{
	size_t i, c, steps;

	for (i = 0; i < a->n; i++) {
		c = a->m[i].canon;
		for (steps = 0; a->m[c].canon != c && steps < a->n; steps++)
			c = a->m[c].canon;
		a->m[i].canon = c;
	}
}

void
names_article_resolve(struct names_article *a)
{
	struct buf key = BUF_INIT;

	retype_title(a);
	count_times(a, &key);
	mixed_case(a, &key);
	people(a, &key);
	organisations(a, &key);
	settle(a);
	buf_free(&key);
}

void
names_article_clear(struct names_article *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free_words(a->m[i].words, a->m[i].nwords);
	a->n = 0;
}

void
names_article_free(struct names_article *a)
{
	names_article_clear(a);
	free(a->m);
	a->m = NULL;
	a->cap = 0;
}

/* ---- in a stream ---- */

struct names_seen {
	struct keymap first;	/* key -> offset of the first name in names */
	struct buf names;
	struct buf key;
};

struct names_seen *
names_seen_new(void)
{
	return ecalloc(1, sizeof(struct names_seen));
}

const char *
names_seen_first(struct names_seen *seen, enum ner_type type,
    const char *name)
{
	return names_seen_firstn(seen, type, name, strlen(name));
}

const char *
names_seen_firstn(struct names_seen *seen, enum ner_type type,
    const char *name, size_t len)
{
	struct keyent *e;
	char **v;
	size_t n = len;

	if (ascii_name(name, n)) {	/* the key of words_key, made at once */
		buf_reset(&seen->key);
		buf_adds(&seen->key, ner_types[type]);
		buf_addc(&seen->key, '\t');
		ascii_words(&seen->key, name, n, ' ');
		/* the last word's space, or with no words the tab */
		seen->key.s[--seen->key.len] = '\0';
	} else {
		v = fold_words(name, n, &n);
		words_key(&seen->key, type, v, 0, n);
		free_words(v, n);
	}
	if ((e = keymap_find(&seen->first, seen->key.s, seen->key.len)))
		return seen->names.s + e->val;
	keymap_add(&seen->first, seen->key.s, seen->key.len, seen->names.len);
	buf_add(&seen->names, name, len);
	buf_addc(&seen->names, '\0');
	return NULL;
}

void
names_seen_free(struct names_seen *seen)
{
	if (!seen)
		return;
	keymap_free(&seen->first);
	buf_free(&seen->names);
	buf_free(&seen->key);
	free(seen);
}
