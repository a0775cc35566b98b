/* dedupe: drop (or mark) exact and near-duplicate articles, streaming.
 *
 * Each record's key text (body by default) is case-folded and cut into
 * words; the words hash to one 64-bit key for exact copies and their
 * shingles to a MinHash signature for near copies, looked up in an
 * index of the articles kept so far (lib/lshindex.h).  Only signatures
 * are kept, never text.  docs/dedupe.md explains the design. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "filter.h"
#include "hash.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "similar/lshindex.h"
#include "similar/minhash.h"
#include "text.h"

static const char synopsis[] =
    "[-mv] [--key FIELD]... [--threshold T] [--shingle N]\n"
    "       [--load-index FILE] [--save-index FILE] [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Drop exact and near-duplicate NDJSON article records, keeping the first\n"
    "of each group.\n"
    "\n"
    "  -m, --mark          keep every record; add duplicate_of, similarity, cluster\n"
    "  -v, --verbose       always print the summary line (it is printed anyway\n"
    "                      when a record was dropped)\n"
    "  --key FIELD         compare this field (repeatable: fields are joined);\n"
    "                      default body\n"
    "  --threshold T       near duplicate at estimated Jaccard >= T, 0 < T <= 1\n"
    "                      (default 0.8)\n"
    "  --shingle N         words per shingle, N >= 1 (default 5)\n"
    "  --load-index FILE   also compare with the articles kept in FILE (none\n"
    "                      yet if it does not exist)\n"
    "  --save-index FILE   write the kept articles' signatures to FILE at the end\n"
    "  --strict            stop at the first line that is not a JSON object\n"
    "  --rejects FILE      append rejected lines to FILE\n"
    RECORD_HELP
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | dedupe --save-index today.idx > unique.ndjson\n";

enum { OPT_KEY = OPT_FIRST_OWN, OPT_THRESHOLD, OPT_SHINGLE, OPT_LOAD, OPT_SAVE };

static struct {
	const char **keys;	/* fields compared, joined */
	size_t nkeys, keycap;
	double threshold;
	unsigned shingle;
	int mark, verbose;
	struct lsh_index *ix;
	uint64_t *words;	/* word hashes of the current record */
	size_t nwords, wordcap;
	struct buf id;		/* FILE:LINE for a record without an id */
	struct buf fold;	/* lower-cased ASCII key text */
	unsigned long in, out, exact, near, empty;
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
	if (!st.shingle)
		st.shingle = 5;
	if (!st.ix)
		st.ix = lsh_new(st.shingle);
}

/* Scripts written without spaces between words: each character is a
 * word of its own there. */
static int
ideograph(int32_t cp)
{
	if (cp < 0x2e80 || !text_is_alpha(cp))
		return 0;
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)
	    || (cp >= 0x20000 && cp <= 0x3ffff);
}

static void
word_add(const char *s, size_t n, uint64_t *exact)
{
	uint64_t h = hash_fnv(HASH_FNV_INIT, s, n);

	if (st.nwords)
		*exact = hash_fnv(*exact, " ", 1);
	*exact = hash_fnv(*exact, s, n);
	st.words = egrow(st.words, &st.wordcap, st.nwords + 1, sizeof(*st.words));
	st.words[st.nwords++] = h;
}

/* Cut folded text into words (letters and digits); everything else,
 * punctuation included, only separates them. */
static void
words_of(const char *s, size_t n, uint64_t *exact)
{
	size_t i = 0, start = 0;
	int in = 0, len;
	int32_t cp;

	while (i < n) {
		if ((len = text_decode(s + i, n - i, &cp)) < 0)
			len = 1, cp = ' ';
		if (ideograph(cp) || !(text_is_alpha(cp) || text_is_digit(cp))) {
			if (in)
				word_add(s + start, i - start, exact);
			in = 0;
			if (ideograph(cp))
				word_add(s + i, (size_t)len, exact);
		} else if (!in) {
			in = 1;
			start = i;
		}
		i += (size_t)len;
	}
	if (in)
		word_add(s + start, n - start, exact);
}

static int
ascii(const char *s, size_t n)
{
	for (; n; s++, n--)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Words of all key fields into st.words; their exact hash into *exact. */
static void
key_words(const json_t *rec, uint64_t *exact)
{
	const json_t *v;
	const char *s;
	size_t i, j, n;
	char *fold;

	st.nwords = 0;
	*exact = HASH_FNV_INIT;
	for (i = 0; i < st.nkeys; i++) {
		if (!json_is_string(v = json_object_get(rec, st.keys[i])))
			continue;
		s = json_string_value(v);
		n = json_string_length(v);
		/* Folding ASCII is lower-casing: spare utf8proc the work. */
		if (ascii(s, n)) {
			buf_reset(&st.fold);
			buf_add(&st.fold, s, n);
			for (j = 0; j < n; j++)
				if (st.fold.s[j] >= 'A' && st.fold.s[j] <= 'Z')
					st.fold.s[j] += 'a' - 'A';
			words_of(st.fold.s, n, exact);
			continue;
		}
		fold = text_fold(s, n, &n);
		words_of(fold, n, exact);
		free(fold);
	}
}

/* The record's id, or FILE:LINE when it has none. */
static const char *
id_of(const json_t *rec, const struct record_src *src)
{
	const char *id = record_str(rec, "id");

	if (id)
		return id;
	buf_reset(&st.id);
	buf_printf(&st.id, "%s:%lu", src->file, src->line);
	return st.id.s;
}

static void
mark(json_t *rec, const char *dup, json_t *sim, const char *cluster)
{
	record_set_str(rec, "duplicate_of", dup);
	record_set(rec, "similarity", sim);
	record_set_str(rec, "cluster", cluster);
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	uint8_t sig[MINHASH_K];
	uint64_t exact;
	double sim = 1;
	long k;
	const char *id;

	(void)arg;
	st.in++;
	key_words(rec, &exact);
	if (st.nwords == 0) {
		st.empty++;
		if (st.mark)
			mark(rec, NULL, json_null(), NULL);
		st.out++;
		return RECORD_WRITE;
	}
	id = id_of(rec, src);
	if ((k = lsh_find_exact(st.ix, exact)) >= 0) {
		st.exact++;
	} else {
		minhash_sign(st.words, st.nwords, st.shingle, sig);
		if ((k = lsh_find_near(st.ix, sig, st.threshold, &sim)) >= 0)
			st.near++;
		else
			lsh_add(st.ix, id, exact, sig);
	}
	if (k < 0) {
		if (st.mark)
			mark(rec, NULL, json_null(), id);
		st.out++;
		return RECORD_WRITE;
	}
	if (!st.mark)
		return RECORD_SKIP;
	/* Three decimals: the estimate is not better than that. */
	mark(rec, lsh_id(st.ix, (size_t)k), json_real(round(sim * 1000) / 1000),
	    lsh_id(st.ix, (size_t)k));
	st.out++;
	return RECORD_WRITE;
}

static void
key_arg(const char *s)
{
	if (!*s)
		opt_bad("bad --key '': want a field name");
	st.keys = egrow(st.keys, &st.keycap, st.nkeys + 1, sizeof(*st.keys));
	st.keys[st.nkeys++] = s;
}

static void
teardown(void *arg)
{
	(void)arg;
	lsh_free(st.ix);
	st.ix = NULL;
	free(st.words);
	st.words = NULL;
	st.wordcap = 0;
	free(st.keys == default_keys ? NULL : st.keys);
	buf_free(&st.id);
	buf_free(&st.fold);
}

static void
summary(void)
{
	if (st.verbose || (!st.mark && st.exact + st.near > 0))
		fprintf(stderr, "%s: in %lu, out %lu, exact %lu, near %lu, empty %lu\n",
		    progname, st.in, st.out, st.exact, st.near, st.empty);
	if (st.verbose && lsh_count(st.ix))
		fprintf(stderr, "%s: index: %zu articles, %zu bytes, %zu bytes/article\n",
		    progname, lsh_count(st.ix), lsh_bytes(st.ix),
		    lsh_bytes(st.ix) / lsh_count(st.ix));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "mark", no_argument, NULL, 'm' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "shingle", required_argument, NULL, OPT_SHINGLE },
		{ "load-index", required_argument, NULL, OPT_LOAD },
		{ "save-index", required_argument, NULL, OPT_SAVE },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	const char *load = NULL, *save = NULL;
	int c, status;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "hVmv", longopts)) != -1) {
		switch (c) {
		case 'm':
			st.mark = 1;
			break;
		case 'v':
			st.verbose = 1;
			break;
		case OPT_KEY:
			key_arg(optarg);
			break;
		case OPT_THRESHOLD:
			st.threshold = opt_fraction("--threshold", optarg);
			break;
		case OPT_SHINGLE:
			st.shingle = (unsigned)opt_int("--shingle", optarg, 1, 1000);
			break;
		case OPT_LOAD:
			load = optarg;
			break;
		case OPT_SAVE:
			save = optarg;
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
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
	status = record_each(argc - optind, argv + optind, each, NULL);
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
	setup();
	return NULL;
}

const struct filter filter = { "dedupe", filter_setup, each, NULL, teardown };
