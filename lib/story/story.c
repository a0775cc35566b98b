#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "mem.h"
#include "story/story.h"

/* Chosen on the generated labelled set (make dedupe-stories: a stream
 * of 3,000 articles and the same cut into streams of 10 and 25), never
 * on the seeds; docs/dedupe.md gives the figures. */
/* Share of the score given to the entities; the rest to title and lead. */
#define ENT_SHARE	0.4
/* Virtual articles, added to the window's count, in which no entity
 * occurs (in a short stream where every article names the same people,
 * their names still weigh something) and no word occurs (the second
 * article of a stream can still match on words). */
#define ENT_PRIOR	200.0
#define WORD_PRIOR	3.0

/* The rarest terms of an article (entities, then words) that look up
 * candidate stories. */
#define LOOKUP_ENTS	8
#define LOOKUP_WORDS	8
/* Word keys are filed apart from entity keys. */
#define WORD_SALT	0x5bd1e9955bd1e995ULL

/* Terms with weights, sorted by key. */
struct vec {
	uint64_t *key;
	double *w;
	size_t n, cap;
};

struct story {
	char *id;		/* NULL: forgotten */
	int dated;
	long first;		/* day of the first article */
	size_t size, done;	/* members, members written */
	int open;
	unsigned long stamp;	/* last article that scored it */
	/* Sum over the members of 1 + ln(count) per term. */
	struct vec ents, words;
};

/* How many articles of the window have each term. */
struct df {
	uint64_t *key;
	uint32_t *n;
	size_t len, cap, zeros;
	struct hash_index ix;
};

/* An article of the window, to be counted out of the df tables when
 * it leaves: its ents then words keys. */
struct recent {
	int dated;
	long day;
	uint64_t *keys;
	size_t nents, nwords;
};

struct story_set {
	unsigned window;
	double threshold;
	struct story *v;	/* stories base, base + 1, ... */
	size_t base, n, cap;
	struct df edf, wdf;
	struct recent *r;	/* a ring: rhead is the oldest */
	size_t rhead, rn, rcap;
	int clocked;
	long clock;		/* newest day seen */
	/* Postings: the terms of open stories, to find candidates. */
	uint64_t *pkey;
	size_t *pstory;
	size_t np, pcap, pdead;
	struct hash_index pix;
	unsigned long stamp;
	double *aw;		/* the article's weights: ents, then words */
	size_t awcap;
};

static struct story *
get(const struct story_set *set, size_t s)
{
	return s >= set->base && s - set->base < set->n ? &set->v[s - set->base] : NULL;
}

/* Document frequencies. */

static uint64_t
df_hash(const void *items, size_t i)
{
	return hash_mix(((const struct df *)items)->key[i]);
}

static long
df_find(const struct df *d, uint64_t key)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&d->ix, hash_mix(key), &pos); i >= 0;
	    i = hash_index_next(&d->ix, &pos))
		if (d->key[i] == key)
			return i;
	return -1;
}

static uint32_t
df_get(const struct df *d, uint64_t key)
{
	long i = df_find(d, key);

	return i < 0 ? 0 : d->n[i];
}

static void
df_inc(struct df *d, uint64_t key)
{
	long i = df_find(d, key);
	size_t cap;

	if (i >= 0) {
		d->zeros -= d->n[i] == 0;
		d->n[i]++;
		return;
	}
	cap = d->cap;
	d->key = egrow(d->key, &cap, d->len + 1, sizeof(*d->key));
	cap = d->cap;
	d->n = egrow(d->n, &cap, d->len + 1, sizeof(*d->n));
	d->cap = cap;
	d->key[d->len] = key;
	d->n[d->len] = 1;
	hash_index_add(&d->ix, hash_mix(key), d->len, df_hash, d);
	d->len++;
}

/* Terms no article of the window has are dropped once they are half. */
static void
df_compact(struct df *d)
{
	size_t i, j;

	for (i = j = 0; i < d->len; i++)
		if (d->n[i]) {
			d->key[j] = d->key[i];
			d->n[j++] = d->n[i];
		}
	d->len = j;
	d->zeros = 0;
	hash_index_init(&d->ix, d->len);
	for (i = 0; i < d->len; i++)
		hash_index_put(&d->ix, hash_mix(d->key[i]), i);
}

static void
df_dec(struct df *d, uint64_t key)
{
	long i = df_find(d, key);

	if (i < 0 || d->n[i] == 0)
		return;
	if (--d->n[i] == 0 && ++d->zeros > 512 && d->zeros > d->len / 2)
		df_compact(d);
}

static void
df_free(struct df *d)
{
	free(d->key);
	free(d->n);
	hash_index_free(&d->ix);
}

/* Rarity of a term over the window's articles: ln((N + 1 + prior) /
 * (df + 1)), the article itself counted in both. */
static double
idf(const struct story_set *set, const struct df *d, uint64_t key, double prior)
{
	double v = log(((double)set->rn + 1 + prior) / ((double)df_get(d, key) + 1));

	return v > 0 ? v : 0;
}

/* Postings. */

static uint64_t
post_hash(const void *items, size_t i)
{
	return hash_mix(((const struct story_set *)items)->pkey[i]);
}

static void
post(struct story_set *set, uint64_t key, size_t s)
{
	size_t cap = set->pcap;

	set->pkey = egrow(set->pkey, &cap, set->np + 1, sizeof(*set->pkey));
	cap = set->pcap;
	set->pstory = egrow(set->pstory, &cap, set->np + 1, sizeof(*set->pstory));
	set->pcap = cap;
	set->pkey[set->np] = key;
	set->pstory[set->np] = s;
	hash_index_add(&set->pix, hash_mix(key), set->np, post_hash, set);
	set->np++;
}

/* Postings of closed stories are dropped once they are half. */
static void
post_compact(struct story_set *set)
{
	const struct story *st;
	size_t i, j;

	for (i = j = 0; i < set->np; i++)
		if ((st = get(set, set->pstory[i])) && st->open) {
			set->pkey[j] = set->pkey[i];
			set->pstory[j++] = set->pstory[i];
		}
	set->np = j;
	set->pdead = 0;
	hash_index_init(&set->pix, set->np);
	for (i = 0; i < set->np; i++)
		hash_index_put(&set->pix, hash_mix(set->pkey[i]), i);
}

/* Vectors. */

static void
vec_free(struct vec *v)
{
	free(v->key);
	free(v->w);
	memset(v, 0, sizeof(*v));
}

/* Add an article's terms (1 + ln(count) each) to story s's vector,
 * posting the terms it did not have yet under key ^ salt. */
static void
vec_add(struct story_set *set, struct vec *v, const struct story_term *t,
    size_t nt, size_t s, uint64_t salt)
{
	size_t n = v->n + nt, i = 0, j = 0, k = 0;
	uint64_t *key = emalloc(n * sizeof(*key));
	double *w = emalloc(n * sizeof(*w));

	while (i < v->n || j < nt) {
		if (j == nt || (i < v->n && v->key[i] < t[j].key)) {
			key[k] = v->key[i];
			w[k++] = v->w[i++];
		} else if (i == v->n || t[j].key < v->key[i]) {
			key[k] = t[j].key;
			w[k++] = 1 + log(t[j].n);
			post(set, t[j++].key ^ salt, s);
		} else {
			key[k] = v->key[i];
			w[k++] = v->w[i++] + 1 + log(t[j++].n);
		}
	}
	free(v->key);
	free(v->w);
	v->key = key;
	v->w = w;
	v->n = v->cap = k;
}

/* The k heaviest of n weights, as indexes, into top (k entries). */
static size_t
heaviest(const double *w, size_t n, size_t *top, size_t k)
{
	size_t i, j, m = 0;

	for (i = 0; i < n; i++) {
		if (w[i] <= 0 || (m == k && w[i] <= w[top[m - 1]]))
			continue;
		j = m < k ? m++ : m - 1;
		for (; j > 0 && w[top[j - 1]] < w[i]; j--)
			top[j] = top[j - 1];
		top[j] = i;
	}
	return m;
}

/* Cosine of an article's weighted terms (t, aw) with a story's vector
 * weighted by rarity. */
static double
cosine(const struct story_set *set, const struct df *d, double prior,
    const struct story_term *t, const double *aw, size_t nt, double an,
    const struct vec *v)
{
	double dot = 0, vn = 0, x;
	size_t i, j = 0;

	if (an == 0 || v->n == 0)
		return 0;
	for (i = 0; i < v->n; i++) {
		x = v->w[i] * idf(set, d, v->key[i], prior);
		vn += x * x;
		while (j < nt && t[j].key < v->key[i])
			j++;
		if (j < nt && t[j].key == v->key[i])
			dot += x * aw[j];
	}
	return vn > 0 ? dot / (an * sqrt(vn)) : 0;
}

/* The clock, closing and forgetting. */

static void
close_story(struct story_set *set, struct story *st)
{
	set->pdead += st->ents.n + st->words.n;
	vec_free(&st->ents);
	vec_free(&st->words);
	st->open = 0;
	if (set->pdead > 1024 && set->pdead > set->np / 2)
		post_compact(set);
}

static void
recent_drop(struct story_set *set)
{
	struct recent *r = &set->r[set->rhead];
	size_t i;

	for (i = 0; i < r->nents; i++)
		df_dec(&set->edf, r->keys[i]);
	for (; i < r->nents + r->nwords; i++)
		df_dec(&set->wdf, r->keys[i]);
	free(r->keys);
	set->rhead = (set->rhead + 1) % set->rcap;
	set->rn--;
}

/* The clock moved to day: stories begun more than a window before it
 * close, and articles older than a window leave the rarity counts.
 * Undated stories and articles from before the first date get it. */
static void
tick(struct story_set *set, long day)
{
	size_t i;

	if (set->clocked && day <= set->clock)
		return;
	for (i = 0; !set->clocked && i < set->n; i++)
		if (!set->v[i].dated)
			set->v[i].dated = 1, set->v[i].first = day;
	for (i = 0; !set->clocked && i < set->rn; i++)
		if (!set->r[(set->rhead + i) % set->rcap].dated)
			set->r[(set->rhead + i) % set->rcap].dated = 1,
			    set->r[(set->rhead + i) % set->rcap].day = day;
	set->clocked = 1;
	set->clock = day;
	for (i = 0; i < set->n; i++)
		if (set->v[i].open && set->v[i].first + (long)set->window < day)
			close_story(set, &set->v[i]);
	while (set->rn && set->r[set->rhead].day + (long)set->window < day)
		recent_drop(set);
}

/* Scoring. */

/* The article's term weights into set->aw (ents, then words) and their
 * norms. */
static void
weigh(struct story_set *set, const struct story_article *a, double *en, double *wn)
{
	size_t i;
	double x;

	set->aw = egrow(set->aw, &set->awcap, a->nents + a->nwords + 1, sizeof(*set->aw));
	*en = *wn = 0;
	for (i = 0; i < a->nents; i++) {
		x = set->aw[i] = (1 + log(a->ents[i].n)) * idf(set, &set->edf, a->ents[i].key, ENT_PRIOR);
		*en += x * x;
	}
	for (i = 0; i < a->nwords; i++) {
		x = set->aw[a->nents + i] = (1 + log(a->words[i].n)) * idf(set, &set->wdf, a->words[i].key, WORD_PRIOR);
		*wn += x * x;
	}
	*en = sqrt(*en);
	*wn = sqrt(*wn);
}

static double
score(const struct story_set *set, const struct story_article *a, double en,
    double wn, const struct story *st)
{
	return ENT_SHARE * cosine(set, &set->edf, ENT_PRIOR, a->ents, set->aw, a->nents,
	    en, &st->ents) + (1 - ENT_SHARE) * cosine(set, &set->wdf, WORD_PRIOR,
	    a->words, set->aw + a->nents, a->nwords, wn, &st->words);
}

/* Score the stories filed under key that the article has not met yet;
 * the best so far in *found, *best. */
static void
candidates(struct story_set *set, const struct story_article *a, double en,
    double wn, uint64_t key, long *found, double *best)
{
	struct story *st;
	size_t pos, s;
	double sc;
	long p;

	for (p = hash_index_first(&set->pix, hash_mix(key), &pos); p >= 0;
	    p = hash_index_next(&set->pix, &pos)) {
		if (set->pkey[p] != key || !(st = get(set, s = set->pstory[p]))
		    || !st->open || st->stamp == set->stamp)
			continue;
		st->stamp = set->stamp;
		if (a->dated && st->dated && labs(a->day - st->first) > (long)set->window)
			continue;
		sc = score(set, a, en, wn, st);
		if (sc > *best || (sc == *best && (long)s < *found)) {
			*best = sc;
			*found = (long)s;
		}
	}
}

/* The best open story within the window that shares one of the
 * article's rarest terms, and its score; -1 if none. */
static long
best_story(struct story_set *set, const struct story_article *a, double *best)
{
	size_t te[LOOKUP_ENTS], tw[LOOKUP_WORDS], ne, nw, i;
	double en, wn;
	long found = -1;

	weigh(set, a, &en, &wn);
	ne = heaviest(set->aw, a->nents, te, LOOKUP_ENTS);
	nw = heaviest(set->aw + a->nents, a->nwords, tw, LOOKUP_WORDS);
	set->stamp++;
	*best = -1;
	for (i = 0; i < ne; i++)
		candidates(set, a, en, wn, a->ents[te[i]].key, &found, best);
	for (i = 0; i < nw; i++)
		candidates(set, a, en, wn, a->words[tw[i]].key ^ WORD_SALT, &found, best);
	return found;
}

/* The set. */

struct story_set *
story_new(unsigned window, double threshold)
{
	struct story_set *set = ecalloc(1, sizeof(*set));

	set->window = window;
	set->threshold = threshold;
	return set;
}

static void
remember(struct story_set *set, const struct story_article *a, int dated, long day)
{
	struct recent *r;
	size_t i, cap = set->rcap;

	if (set->rn == set->rcap) {	/* grow the ring, oldest first */
		struct recent *v = emalloc((cap ? 2 * cap : 64) * sizeof(*v));

		for (i = 0; i < set->rn; i++)
			v[i] = set->r[(set->rhead + i) % cap];
		free(set->r);
		set->r = v;
		set->rhead = 0;
		set->rcap = cap ? 2 * cap : 64;
	}
	r = &set->r[(set->rhead + set->rn++) % set->rcap];
	r->dated = dated;
	r->day = day;
	r->nents = a->nents;
	r->nwords = a->nwords;
	r->keys = emalloc((a->nents + a->nwords) * sizeof(*r->keys));
	for (i = 0; i < a->nents; i++) {
		r->keys[i] = a->ents[i].key;
		df_inc(&set->edf, a->ents[i].key);
	}
	for (i = 0; i < a->nwords; i++) {
		r->keys[a->nents + i] = a->words[i].key;
		df_inc(&set->wdf, a->words[i].key);
	}
}

static size_t
start_story(struct story_set *set, const struct story_article *a, int dated, long day)
{
	struct story *st;
	size_t cap = set->cap;

	set->v = egrow(set->v, &cap, set->n + 1, sizeof(*set->v));
	set->cap = cap;
	st = &set->v[set->n++];
	memset(st, 0, sizeof(*st));
	st->id = estrdup(a->id);
	st->dated = dated;
	st->first = day;
	st->open = 1;
	return set->base + set->n - 1;
}

size_t
story_add(struct story_set *set, const struct story_article *a)
{
	int dated = a->dated || set->clocked;
	long day;
	double sc;
	long s;
	struct story *st;

	if (a->dated)
		tick(set, a->day);
	day = a->dated ? a->day : set->clock;
	if ((s = best_story(set, a, &sc)) < 0 || sc < set->threshold)
		s = (long)start_story(set, a, dated, day);
	st = get(set, (size_t)s);
	st->size++;
	/* An article dated a window before the newest is late: its story
	 * is closed at once, and it stays out of the rarity counts, so
	 * that input out of date order cannot hold memory. */
	if (set->clocked && st->dated && st->first + (long)set->window < set->clock) {
		close_story(set, st);
		return (size_t)s;
	}
	vec_add(set, &st->ents, a->ents, a->nents, (size_t)s, 0);
	vec_add(set, &st->words, a->words, a->nwords, (size_t)s, WORD_SALT);
	remember(set, a, dated, day);
	return (size_t)s;
}

void
story_close(struct story_set *set, size_t s)
{
	struct story *st = get(set, s);

	if (st && st->open)
		close_story(set, st);
}

const char *
story_id(const struct story_set *set, size_t s)
{
	const struct story *st = get(set, s);

	return st ? st->id : NULL;
}

size_t
story_size(const struct story_set *set, size_t s)
{
	const struct story *st = get(set, s);

	return st ? st->size : 0;
}

int
story_open(const struct story_set *set, size_t s)
{
	const struct story *st = get(set, s);

	return st && st->open;
}

/* Forgotten stories at the front leave the array. */
static void
forget(struct story_set *set)
{
	size_t k = 0;

	while (k < set->n && !set->v[k].id)
		k++;
	if (k == 0 || (k < 64 && k < set->n))
		return;
	memmove(set->v, set->v + k, (set->n - k) * sizeof(*set->v));
	set->n -= k;
	set->base += k;
}

void
story_done(struct story_set *set, size_t s)
{
	struct story *st = get(set, s);

	if (!st || st->open || ++st->done < st->size)
		return;
	free(st->id);
	st->id = NULL;
	forget(set);
}

void
story_close_all(struct story_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].open)
			close_story(set, &set->v[i]);
}

size_t
story_count(const struct story_set *set)
{
	return set->base + set->n;
}

size_t
story_remembered(const struct story_set *set, size_t *articles)
{
	*articles = set->rn;
	return set->n;
}

void
story_free(struct story_set *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++) {
		free(set->v[i].id);
		vec_free(&set->v[i].ents);
		vec_free(&set->v[i].words);
	}
	free(set->v);
	for (i = 0; i < set->rn; i++)
		free(set->r[(set->rhead + i) % set->rcap].keys);
	free(set->r);
	df_free(&set->edf);
	df_free(&set->wdf);
	free(set->pkey);
	free(set->pstory);
	hash_index_free(&set->pix);
	free(set->aw);
	free(set);
}
