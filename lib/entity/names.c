/* names: the rules that give a mention its canonical name.  The sets and
 * maps below compare their keys in full (lib/hash's index finds them). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "entity/names.h"
#include "hash.h"
#include "mem.h"
#include "text.h"

/* A map from byte strings to numbers: the keys are copied, each ending
 * in a NUL, into one buffer. */
struct keymap {
	struct keyent {
		size_t off, len;	/* the key: b.s[off..off+len) */
		uint64_t h;
		size_t val;
	} *e;
	size_t n, cap;
	struct buf b;
	struct hash_index ix;
};

#define KEYMAP_INIT { NULL, 0, 0, BUF_INIT, HASH_INDEX_INIT }

static uint64_t
keyent_hash(const void *items, size_t i)
{
	return ((const struct keyent *)items)[i].h;
}

/* The entry of key k[0..len), or NULL. */
static struct keyent *
keymap_find(const struct keymap *m, const char *k, size_t len)
{
	uint64_t h = hash_bytes(k, len);
	size_t pos;
	long i;

	for (i = hash_index_first(&m->ix, h, &pos); i >= 0;
	    i = hash_index_next(&m->ix, &pos))
		if (m->e[i].len == len &&
		    memcmp(m->b.s + m->e[i].off, k, len) == 0)
			return &m->e[i];
	return NULL;
}

/* Add key k[0..len), which is not in m yet, with value val.  An entry
 * stays where it is until the next addition. */
static struct keyent *
keymap_add(struct keymap *m, const char *k, size_t len, size_t val)
{
	struct keyent *e;

	m->e = egrow(m->e, &m->cap, m->n + 1, sizeof *m->e);
	e = &m->e[m->n];
	e->off = m->b.len;
	e->len = len;
	e->h = hash_bytes(k, len);
	e->val = val;
	buf_add(&m->b, k, len);
	buf_addc(&m->b, '\0');
	hash_index_add(&m->ix, e->h, m->n, keyent_hash, m->e);
	m->n++;
	return e;
}

/* The entry of key k[0..len), added with value val if new. */
static struct keyent *
keymap_get(struct keymap *m, const char *k, size_t len, size_t val)
{
	struct keyent *e = keymap_find(m, k, len);

	return e ? e : keymap_add(m, k, len, val);
}

static void
keymap_free(struct keymap *m)
{
	free(m->e);
	buf_free(&m->b);
	hash_index_free(&m->ix);
}


/* ---- keys ---- */

/* Folded words of a name: case, accents and compatibility forms folded,
 * apostrophes dropped (O'Neill, O’Neill), hyphens and other punctuation
 * treated as spaces (Kim Jong-un, Kim Jong Un and KIM JONG UN give the
 * same words). */
static char **
fold_words(const char *s, size_t n, size_t *nwords)
{
	char *f = text_fold(s, n, NULL), **v = NULL, *p;
	struct buf w = BUF_INIT;
	size_t cap = 0, k = 0;
	int32_t cp;
	int l;

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

/* ---- in a document ---- */

static int
capitalised(const struct ner_word *w)
{
	int32_t cp;

	return text_decode(w->s, w->len, &cp) > 0 && text_is_upper(cp);
}

static int
is_per(const int *tags, size_t i)
{
	return tags[i] != NER_O && NER_TYPE(tags[i]) == NER_PER;
}

/* Token i is no part of a longer mention. */
static int
alone(const int *tags, size_t n, size_t i)
{
	return (tags[i] == NER_O || NER_IS_B(tags[i])) &&
	    (i + 1 == n || tags[i + 1] == NER_O || NER_IS_B(tags[i + 1]));
}

void
names_doc_fix(const struct ner_word *w, size_t n, int *tags)
{
	struct keymap names = KEYMAP_INIT;
	size_t i, e;

	/* the first and last words of the people named in full */
	for (i = 0; i < n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, n, i);
		if (is_per(tags, i) && e - i >= 2) {
			keymap_get(&names, w[i].s, w[i].len, 0);
			keymap_get(&names, w[e - 1].s, w[e - 1].len, 0);
		}
	}
	for (i = 0; i < n && names.n; i++) {
		if (!alone(tags, n, i) || is_per(tags, i) || w[i].len < 2 ||
		    !capitalised(&w[i]) ||
		    !keymap_find(&names, w[i].s, w[i].len))
			continue;
		/* next to a person's name, it is part of that name */
		tags[i] = i && is_per(tags, i - 1) ? NER_I(NER_PER) :
		    NER_B(NER_PER);
		if (i + 1 < n && tags[i + 1] == NER_B(NER_PER))
			tags[i + 1] = NER_I(NER_PER);
	}
	keymap_free(&names);
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

/* People and organisations are named by a part of their names. */
static int
shortened(enum ner_type type)
{
	return type == NER_PER || type == NER_ORG;
}

/* Mention j names a longer name whose words [from, to) a one-word
 * mention may stand for: keep the best such name for that key. */
static void
offer(struct names_article *a, struct keymap *parts, struct buf *key,
    size_t j, size_t from, size_t to)
{
	const struct names_mention *c = &a->m[j], *best;
	struct keyent *e;

	words_key(key, c->type, c->words, from, to);
	e = keymap_get(parts, key->s, key->len, j);
	best = &a->m[e->val];
	if (c->times > best->times ||
	    (c->times == best->times && c->nwords > best->nwords))
		e->val = j;
}

/* Within an article, Quillfeather is Adaeze Quillfeather (see names.h);
 * the map of parts keeps this linear in the mentions. */
static void
shorter_names(struct names_article *a, struct buf *key)
{
	struct keymap parts = KEYMAP_INIT;
	struct names_mention *m;
	struct keyent *e;
	size_t i, j, k, n;

	for (j = 0; j < a->n; j++) {
		if (!shortened(a->m[j].type))
			continue;
		n = a->m[j].nwords;
		for (k = 1; k < n; k++) {
			offer(a, &parts, key, j, 0, k);
			offer(a, &parts, key, j, n - k, n);
		}
	}
	for (i = 0; i < a->n; i++) {
		m = &a->m[i];
		if (!shortened(m->type) || m->ntok != 1 || m->nwords == 0)
			continue;
		mention_key(key, m);
		if ((e = keymap_find(&parts, key->s, key->len)) != NULL)
			m->canon = a->m[e->val].canon;
	}
	keymap_free(&parts);
}

void
names_article_resolve(struct names_article *a)
{
	struct buf key = BUF_INIT;

	retype_title(a);
	count_times(a, &key);
	mixed_case(a, &key);
	shorter_names(a, &key);
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
	struct keyent *e;
	char **v;
	size_t n;

	v = fold_words(name, strlen(name), &n);
	words_key(&seen->key, type, v, 0, n);
	free_words(v, n);
	if ((e = keymap_find(&seen->first, seen->key.s, seen->key.len)))
		return seen->names.s + e->val;
	keymap_add(&seen->first, seen->key.s, seen->key.len, seen->names.len);
	buf_adds(&seen->names, name);
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
