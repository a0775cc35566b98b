/* dedupe: drop (or mark) exact and near-duplicate articles, streaming;
 * with --stories, also group the reports of one event.
 *
 * Each record's key text (body by default) is case-folded and cut into
 * words; the words hash to one 64-bit key for exact copies and their
 * shingles to a MinHash signature for near copies, looked up in an
 * index of the articles kept so far (lib/similar/lshindex.h).  Only
 * signatures, word counts and (for short texts) name hashes are kept,
 * never text.  Story groups are lib/story's.  docs/dedupe.md explains
 * the design. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date/date.h"
#include "diag.h"
#include "filter.h"
#include "hash.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "similar/lshindex.h"
#include "similar/minhash.h"
#include "similar/terms.h"
#include "splice.h"
#include "story/held.h"
#include "story/story.h"

static const char synopsis[] =
    "[-mv] [--key FIELD]... [--threshold T] [--containment C] [--short N]\n"
    "       [--shingle N] [--load-index FILE] [--save-index FILE]\n"
    "       [--stories [--window DAYS] [--story-threshold X]]\n"
    "       [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Drop exact and near-duplicate NDJSON article records, keeping the first\n"
    "of each group.\n"
    "\n"
    "  -m, --mark          keep every record; add duplicate_of, similarity,\n"
    "                      containment, cluster\n"
    "  -v, --verbose       always print the summary line (it is printed anyway\n"
    "                      when a record was dropped)\n"
    "  --key FIELD         compare this field (repeatable: fields are joined);\n"
    "                      default body\n"
    "  --threshold T       near duplicate at estimated Jaccard >= T, 0 < T <= 1\n"
    "                      (default 0.8)\n"
    "  --containment C     or when the shorter text's shingles are contained in\n"
    "                      the longer's at >= C, 0 < C <= 1 (default 0.9)\n"
    "  --short N           texts under N words are short: their names must agree,\n"
    "                      containment is not used (default 100; 0: none)\n"
    "  --shingle N         words per shingle, N >= 1 (default 5)\n"
    "  --load-index FILE   also compare with the articles kept in FILE (none\n"
    "                      yet if it does not exist)\n"
    "  --save-index FILE   write the kept articles' signatures to FILE at the end\n"
    "  --stories           add story and story_size: reports of the same event\n"
    "  --window DAYS       a story spans DAYS days from its first report (default 7)\n"
    "  --story-threshold X score at which an article joins a story, 0 < X <= 1\n"
    "                      (default 0.25)\n"
    "  --strict            stop at the first line that is not a JSON object\n"
    "  --rejects FILE      append rejected lines to FILE\n"
    RECORD_HELP
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | dedupe --save-index today.idx > unique.ndjson\n"
    "  split-header seeds/ | normalize-date | tag-entities | dedupe --stories\n";

enum {
	OPT_KEY = OPT_FIRST_OWN, OPT_THRESHOLD, OPT_CONTAINMENT, OPT_SHORT,
	OPT_SHINGLE, OPT_LOAD, OPT_SAVE, OPT_STORIES, OPT_WINDOW, OPT_STORY_THRESHOLD
};

/* Words of the body that make an article's lead, for stories. */
#define LEAD_WORDS	60
/* Bytes of records held for their stories at most: past that, the
 * oldest open story closes early (input far from date order, or a
 * window of more news than memory should hold). */
#define HOLD_MAX	((size_t)256 << 20)
/* Names kept for one short text at most. */
#define NAMES_MAX	64

struct text {
	const char *s;
	size_t n;
};

/* An entity of tag-entities: its canonical name, and whether it is a
 * person, organisation or place (what the names rule compares). */
struct entity {
	struct text name;
	int named;
};

/* The fields dedupe reads, gathered by read_fields() alone: nothing
 * else in this file looks into a record. */
struct fields {
	const char *id;
	struct text *key;	/* the --key fields present, in order */
	size_t nkey;
	struct text title, body;	/* for stories */
	const char *date;
	int has_entities;	/* an "entities" array, even empty */
	struct entity *ent;
	size_t nent;
};

static struct {
	const char **keys;	/* fields compared, joined */
	size_t nkeys, keycap;
	double threshold, containment, story_threshold;
	unsigned shingle, window;
	long short_words;	/* -1: not set */
	int mark, verbose, stories;
	struct lsh_index *ix;
	uint64_t *words;	/* word hashes of the current record */
	size_t nwords, wordcap;
	uint64_t exact;		/* their hash as one sequence */
	uint32_t names[NAMES_MAX];	/* the current short text's names */
	size_t nnames;
	struct fields f;
	size_t fkeycap, entcap;
	struct buf id;		/* FILE:LINE for a record without an id */
	struct buf fold;	/* folded key text */
	struct story_set *set;
	struct story_term *terms;	/* the current article's, for stories */
	size_t nterms, termcap;
	struct held_queue held;	/* records waiting for their story */
	json_t *ents;		/* the current record's entities, if read */
	struct buf line;	/* a record held, as JSON text */
	const char **reads;	/* the fields read and owned (lib/splice) */
	size_t nreads, readcap;
	unsigned long in, out, exact_n, near_n, empty;
} st;

static const char *default_keys[] = { "body" };

static void
setup(void)
{
	if (!st.nkeys) {
		st.keys = default_keys;
		st.nkeys = 1;
	}
	if (st.threshold == 0)
		st.threshold = 0.8;
	if (st.containment == 0)
		st.containment = 0.9;
	if (st.short_words < 0)
		st.short_words = 100;
	if (!st.shingle)
		st.shingle = 5;
	if (!st.window)
		st.window = 7;
	if (st.story_threshold == 0)
		st.story_threshold = 0.25;
	if (!st.ix)
		st.ix = lsh_new(st.shingle);
	if (st.stories && !st.set)
		st.set = story_new(st.window, st.story_threshold);
}

/* Reading the record. */

static struct text
text_of(const json_t *v)
{
	struct text t = { NULL, 0 };

	if (json_is_string(v)) {
		t.s = json_string_value(v);
		t.n = json_string_length(v);
	}
	return t;
}

/* The entities are decoded only for the records that need them (short
 * texts, stories): most of a tagged record's bytes are its entities. */
static void
read_entities(const json_t *rec, struct fields *f)
{
	const json_t *a, *e;
	const char *type;
	struct text name;
	size_t i;

	json_decref(st.ents);
	a = st.ents = splice_member(rec, "entities");
	f->nent = 0;
	if (!(f->has_entities = json_is_array(a)))
		return;
	json_array_foreach(a, i, e) {
		name = text_of(json_object_get(e, "canonical"));
		if (!name.s)
			name = text_of(json_object_get(e, "text"));
		if (!name.s)
			continue;
		type = record_str(e, "type");
		f->ent = egrow(f->ent, &st.entcap, f->nent + 1, sizeof(*f->ent));
		f->ent[f->nent].name = name;
		f->ent[f->nent++].named = type && (strcmp(type, "PER") == 0
		    || strcmp(type, "ORG") == 0 || strcmp(type, "LOC") == 0);
	}
}

/* Everything dedupe reads from a record, into st.f, except the
 * entities: read_entities, for short texts and stories only. */
static void
read_fields(const json_t *rec, const struct record_src *src)
{
	struct fields *f = &st.f;
	struct text t;
	size_t i;

	f->id = record_str(rec, "id");
	if (!f->id) {
		buf_reset(&st.id);
		buf_printf(&st.id, "%s:%lu", src->file, src->line);
		f->id = st.id.s;
	}
	f->nkey = 0;
	for (i = 0; i < st.nkeys; i++)
		if ((t = text_of(json_object_get(rec, st.keys[i]))).s) {
			f->key = egrow(f->key, &st.fkeycap, f->nkey + 1, sizeof(*f->key));
			f->key[f->nkey++] = t;
		}
	f->has_entities = 0;
	f->nent = 0;
	if (st.stories) {
		f->title = text_of(json_object_get(rec, "title"));
		f->body = text_of(json_object_get(rec, "body"));
		f->date = record_str(rec, "date");
	}
}

/* Words and names. */

static void
word_add(const char *s, size_t n, void *arg)
{
	(void)arg;
	if (st.nwords)
		st.exact = hash_fnv(st.exact, " ", 1);
	st.exact = hash_fnv(st.exact, s, n);
	st.words = egrow(st.words, &st.wordcap, st.nwords + 1, sizeof(*st.words));
	st.words[st.nwords++] = terms_word_key(s, n);
}

/* Words of all key fields into st.words, their hash into st.exact. */
static void
key_words(void)
{
	const char *s;
	size_t i, n;

	st.nwords = 0;
	st.exact = HASH_FNV_INIT;
	for (i = 0; i < st.f.nkey; i++) {
		s = terms_fold(&st.fold, st.f.key[i].s, st.f.key[i].n, &n);
		terms_words(s, n, word_add, NULL);
	}
}

static void
name_add(const char *s, size_t n, void *arg)
{
	uint64_t k = terms_phrase_key(s, n);

	(void)arg;
	if (k && st.nnames < NAMES_MAX)
		st.names[st.nnames++] = (uint32_t)hash_mix(k);
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The names of a short text into st.names, sorted and distinct: its
 * people, organisations and places when tag-entities has run, else
 * its capitalised words; and its numbers. */
static void
short_names(void)
{
	size_t i, j;

	st.nnames = 0;
	for (i = 0; i < st.f.nent; i++)
		if (st.f.ent[i].named)
			name_add(st.f.ent[i].name.s, st.f.ent[i].name.n, NULL);
	for (i = 0; i < st.f.nkey; i++)
		terms_names(st.f.key[i].s, st.f.key[i].n,
		    TERMS_DIGITS | (st.f.has_entities ? 0 : TERMS_CAPITALS), name_add, NULL);
	qsort(st.names, st.nnames, sizeof(*st.names), u32_cmp);
	for (i = j = 0; i < st.nnames; i++)
		if (j == 0 || st.names[j - 1] != st.names[i])
			st.names[j++] = st.names[i];
	st.nnames = j;
}

/* Whether each of two sorted name sets has a name the other lacks: two
 * notices of two companies, not a copy with a credit line added. */
static int
names_swapped(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0;
	int only_a = 0, only_b = 0;

	while (i < na || j < nb) {
		if (j == nb || (i < na && a[i] < b[j]))
			only_a = 1, i++;
		else if (i == na || b[j] < a[i])
			only_b = 1, j++;
		else
			i++, j++;
	}
	return only_a && only_b;
}

/* Decisions. */

struct match {
	long k;			/* kept article, -1: none */
	unsigned m;		/* signature bytes equal */
	double containment;	/* -1: not known */
};

static size_t
shingles(size_t words)
{
	return words >= st.shingle ? words - st.shingle + 1 : 1;
}

/* Whether kept article i, whose signature agrees with the current one
 * in m bytes, is a copy of it; its containment estimate into *c. */
static int
copy_of(size_t i, unsigned m, double *c)
{
	uint32_t kw = lsh_words(st.ix, i);
	size_t lo = kw < st.nwords ? kw : st.nwords, hi = kw < st.nwords ? st.nwords : kw, n;
	const uint32_t *names;
	int copy = m >= minhash_need(st.threshold);

	*c = kw ? minhash_containment(minhash_estimate(m), shingles(kw), shingles(st.nwords)) : -1;
	if (!kw)		/* from an index of version 1 */
		return copy;
	if ((long)lo >= st.short_words && *c >= st.containment - 1e-9)
		copy = 1;
	if (copy && (long)hi < st.short_words) {
		names = lsh_names(st.ix, i, &n);
		copy = !names_swapped(names, n, st.names, st.nnames);
	}
	return copy;
}

/* The best kept article the current one copies: the highest estimate,
 * the earliest on a tie. */
static struct match
find_near(const uint8_t *sig)
{
	struct lsh_walk w = LSH_WALK_INIT;
	struct match best = { -1, 0, -1 };
	unsigned m;
	double c;
	long i;

	while ((i = lsh_next_candidate(st.ix, sig, &w)) >= 0) {
		m = minhash_agree(lsh_sig(st.ix, (size_t)i), sig);
		if (i == best.k || m < best.m || (m == best.m && best.k >= 0 && i > best.k))
			continue;
		if (copy_of((size_t)i, m, &c)) {
			best.k = i;
			best.m = m;
			best.containment = c;
		}
	}
	return best;
}

/* Output. */

static json_t *
three_decimals(double x)
{
	/* The estimates are not better than that. */
	return x < 0 ? json_null() : json_real(round(x * 1000) / 1000);
}

static void
mark(json_t *rec, const char *dup, json_t *sim, json_t *cont, const char *cluster)
{
	record_set_str(rec, "duplicate_of", dup);
	record_set(rec, "similarity", sim);
	record_set(rec, "containment", cont);
	record_set_str(rec, "cluster", cluster);
}

/* Stories. */

static int
term_cmp(const void *a, const void *b)
{
	const struct story_term *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static void
term_add(uint64_t key)
{
	if (!key)
		return;
	st.terms = egrow(st.terms, &st.termcap, st.nterms + 1, sizeof(*st.terms));
	st.terms[st.nterms].key = key;
	st.terms[st.nterms++].n = 1;
}

/* st.terms[from..] sorted, each key once with its count; their number. */
static size_t
terms_merge(size_t from)
{
	struct story_term *t = st.terms + from;
	size_t n = st.nterms - from, i, j;

	qsort(t, n, sizeof(*t), term_cmp);
	for (i = j = 0; i < n; i++) {
		if (j && t[j - 1].key == t[i].key)
			t[j - 1].n++;
		else
			t[j++] = t[i];
	}
	st.nterms = from + j;
	return j;
}

static void
capital_add(const char *s, size_t n, void *arg)
{
	(void)arg;
	term_add(terms_phrase_key(s, n));
}

struct lead {
	size_t left;		/* words still to take */
};

static void
lead_add(const char *s, size_t n, void *arg)
{
	struct lead *l = arg;

	if (l->left) {
		l->left--;
		term_add(terms_word_key(s, n));
	}
}

/* The words of a text (at most max) as story terms. */
static void
text_terms(struct text t, size_t max)
{
	struct lead l = { max };
	const char *s;
	size_t n;

	if (!t.s)
		return;
	s = terms_fold(&st.fold, t.s, terms_prefix(t.s, t.n, max), &n);
	terms_words(s, n, lead_add, &l);
}

/* The current record as a story article: its entities (or capitalised
 * words), the words of its title and lead, its date. */
static void
story_terms(struct story_article *a)
{
	struct date d;
	size_t i, ne;

	st.nterms = 0;
	for (i = 0; i < st.f.nent; i++)
		term_add(terms_phrase_key(st.f.ent[i].name.s, st.f.ent[i].name.n));
	if (!st.f.has_entities) {
		if (st.f.title.s)
			terms_names(st.f.title.s, st.f.title.n, TERMS_CAPITALS, capital_add, NULL);
		if (st.f.body.s)
			terms_names(st.f.body.s, st.f.body.n, TERMS_CAPITALS, capital_add, NULL);
	}
	ne = terms_merge(0);
	text_terms(st.f.title, (size_t)-1);
	text_terms(st.f.body, LEAD_WORDS);
	a->id = st.f.id;
	a->nents = ne;
	a->nwords = terms_merge(ne);
	a->ents = st.terms;
	a->words = st.terms + ne;
	a->dated = st.f.date && date_parse(st.f.date, strlen(st.f.date), 0, &d) == DATE_OK
	    && d.prec >= DATE_DAY;
	a->day = a->dated ? date_to_days(d.year, d.month, d.day) : 0;
}

/* A record to be written: now, or with --stories once its story can no
 * longer grow. */
static enum record_verdict
emit(json_t *rec)
{
	struct story_article a;
	size_t s;

	st.out++;
	if (!st.stories)
		return RECORD_WRITE;
	story_terms(&a);
	s = story_add(st.set, &a);
	/* The record then story after its other fields (held_release adds
	 * story_size after it), as the line was when written whole. */
	json_object_del(rec, "story");
	json_object_del(rec, "story_size");
	buf_reset(&st.line);
	splice_current(&st.line, rec);
	st.line.s[--st.line.len] = '\0';	/* its closing brace */
	if (st.line.len > 1)
		buf_addc(&st.line, ',');
	buf_adds(&st.line, "\"story\":");
	jsonout_string(&st.line, story_id(st.set, s), strlen(story_id(st.set, s)));
	buf_addc(&st.line, '}');
	held_push(&st.held, st.line.s, st.line.len, s);
	if (st.held.bytes > HOLD_MAX)
		story_close(st.set, held_first_story(&st.held));
	held_release(&st.held, st.set);
	return RECORD_SKIP;
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	uint8_t sig[MINHASH_K];
	struct match near = { -1, MINHASH_K, 1 };
	const char *of;

	(void)arg;
	st.in++;
	read_fields(rec, src);
	key_words();
	if (st.nwords == 0) {
		if (st.stories)
			read_entities(rec, &st.f);
		st.empty++;
		if (st.mark)
			mark(rec, NULL, json_null(), json_null(), NULL);
		return emit(rec);
	}
	st.nnames = 0;
	if (st.stories || (long)st.nwords < st.short_words)
		read_entities(rec, &st.f);
	if ((long)st.nwords < st.short_words)
		short_names();
	if ((near.k = lsh_find_exact(st.ix, st.exact)) >= 0) {
		st.exact_n++;
	} else {
		minhash_sign(st.words, st.nwords, st.shingle, sig);
		if ((near = find_near(sig)).k >= 0)
			st.near_n++;
		else
			lsh_add(st.ix, st.f.id, st.exact, sig, (uint32_t)st.nwords,
			    (long)st.nwords < st.short_words ? st.names : NULL, st.nnames);
	}
	if (near.k < 0) {
		if (st.mark)
			mark(rec, NULL, json_null(), json_null(), st.f.id);
		return emit(rec);
	}
	if (!st.mark)
		return RECORD_SKIP;
	of = lsh_id(st.ix, (size_t)near.k);
	mark(rec, of, three_decimals(minhash_estimate(near.m)),
	    three_decimals(near.containment), of);
	return emit(rec);
}

static void
key_arg(const char *s)
{
	if (!*s)
		opt_bad("bad --key '': want a field name");
	st.keys = egrow(st.keys, &st.keycap, st.nkeys + 1, sizeof(*st.keys));
	st.keys[st.nkeys++] = s;
}

/* End of input: every story closes and its records are written. */
static void
flush_stories(void)
{
	if (!st.set)
		return;
	story_close_all(st.set);
	held_release(&st.held, st.set);
}

static void
teardown(void *arg)
{
	(void)arg;
	flush_stories();
	lsh_free(st.ix);
	st.ix = NULL;
	story_free(st.set);
	st.set = NULL;
	free(st.words);
	st.words = NULL;
	st.wordcap = 0;
	free(st.keys == default_keys ? NULL : st.keys);
	free(st.f.key);
	free(st.f.ent);
	st.f.key = NULL;
	st.f.ent = NULL;
	st.fkeycap = st.entcap = 0;
	free(st.terms);
	st.terms = NULL;
	st.termcap = 0;
	held_free(&st.held);
	buf_free(&st.id);
	buf_free(&st.fold);
	buf_free(&st.line);
	json_decref(st.ents);
	st.ents = NULL;
	free(st.reads);
	st.reads = NULL;
	st.nreads = st.readcap = 0;
	splice_free();
}

static void
read_field(const char *name)
{
	st.reads = egrow(st.reads, &st.readcap, st.nreads + 2, sizeof *st.reads);
	st.reads[st.nreads++] = name;
	st.reads[st.nreads] = NULL;
}

/* What dedupe decodes (lib/splice.h): the id, the key fields, what
 * stories compare; the entities only when needed (read_entities).  It
 * owns what --mark and --stories write; without them, nothing, and a
 * record kept is its line as it came. */
static void
use_fields(void)
{
	static const char *const marks[] = { "duplicate_of", "similarity",
	    "containment", "cluster", NULL };
	static const char *const stories[] = { "story", "story_size", NULL };
	static const char *const both[] = { "duplicate_of", "similarity",
	    "containment", "cluster", "story", "story_size", NULL };
	size_t i;

	st.nreads = 0;
	read_field("id");
	for (i = 0; i < st.nkeys; i++)
		read_field(st.keys[i]);
	if (st.stories) {
		read_field("title");
		read_field("body");
		read_field("date");
	}
	splice_use(st.reads, st.mark && st.stories ? both : st.mark ? marks :
	    st.stories ? stories : NULL);
}

static void
summary(void)
{
	if (st.verbose || (!st.mark && st.exact_n + st.near_n > 0))
		fprintf(stderr, "%s: in %lu, out %lu, exact %lu, near %lu, empty %lu\n",
		    progname, st.in, st.out, st.exact_n, st.near_n, st.empty);
	if (st.verbose && lsh_count(st.ix))
		fprintf(stderr, "%s: index: %zu articles, %zu bytes, %zu bytes/article\n",
		    progname, lsh_count(st.ix), lsh_bytes(st.ix),
		    lsh_bytes(st.ix) / lsh_count(st.ix));
	if (st.verbose && st.set)
		fprintf(stderr, "%s: stories: %zu\n", progname, story_count(st.set));
}

static void
options(int argc, char **argv, const char **load, const char **save)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "mark", no_argument, NULL, 'm' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "containment", required_argument, NULL, OPT_CONTAINMENT },
		{ "short", required_argument, NULL, OPT_SHORT },
		{ "shingle", required_argument, NULL, OPT_SHINGLE },
		{ "load-index", required_argument, NULL, OPT_LOAD },
		{ "save-index", required_argument, NULL, OPT_SAVE },
		{ "stories", no_argument, NULL, OPT_STORIES },
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "story-threshold", required_argument, NULL, OPT_STORY_THRESHOLD },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	st.short_words = -1;
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "hVmv", longopts)) != -1) {
		switch (c) {
		case 'm': st.mark = 1; break;
		case 'v': st.verbose = 1; break;
		case OPT_KEY: key_arg(optarg); break;
		case OPT_THRESHOLD:
			st.threshold = opt_fraction("--threshold", optarg);
			break;
		case OPT_CONTAINMENT:
			st.containment = opt_fraction("--containment", optarg);
			break;
		case OPT_SHORT:
			st.short_words = (long)opt_int("--short", optarg, 0, 1000000);
			break;
		case OPT_SHINGLE:
			st.shingle = (unsigned)opt_int("--shingle", optarg, 1, 1000);
			break;
		case OPT_LOAD: *load = optarg; break;
		case OPT_SAVE: *save = optarg; break;
		case OPT_STORIES: st.stories = 1; break;
		case OPT_WINDOW:
			st.window = (unsigned)opt_int("--window", optarg, 1, 3650);
			break;
		case OPT_STORY_THRESHOLD:
			st.story_threshold = opt_fraction("--story-threshold", optarg);
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
}

int
main(int argc, char **argv)
{
	const char *load = NULL, *save = NULL;
	int status;

	diag_init(argv[0]);
	options(argc, argv, &load, &save);
	/* The first day of a saved index: there is none yet. */
	if (load && access(load, F_OK) != 0 && errno == ENOENT) {
		warn("%s: no index yet: starting with an empty one", load);
		load = NULL;
	}
	if (load) {
		if (!(st.ix = lsh_load(load)))
			return record_done(1);
		if (st.shingle && st.shingle != lsh_shingle(st.ix)) {
			warn("%s: index made with --shingle %u, not %u", load,
			    lsh_shingle(st.ix), st.shingle);
			return record_done(1);
		}
		st.shingle = lsh_shingle(st.ix);
	}
	setup();
	use_fields();
	status = record_each(argc - optind, argv + optind, each, NULL);
	flush_stories();
	if (save && lsh_save(st.ix, save) != 0)
		status = 1;
	summary();
	teardown(NULL);
	return record_done(status);
}

/* For the fuzz target (lib/filter.h). */
static void *
filter_setup(void)
{
	st.short_words = -1;
	setup();
	use_fields();
	return NULL;
}

const struct filter filter = { "dedupe", filter_setup, each, NULL, teardown };
