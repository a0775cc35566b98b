/* html-score: score article extraction against annotated pages, the way
 * ../shared/html/README.md describes (trafilatura's evaluation counts
 * the same way): a "with" segment found in the record's body is a true
 * positive, one not found a false negative, a "without" segment found a
 * false positive, all pages counted together; a segment is searched for
 * as a plain, case-sensitive substring after every run of white space on
 * both sides is made one space.  Title, author, date and outlet are
 * right or wrong per annotated page: title and outlet compared without
 * case, authors as sets of names (split at ; , & "and" "und"), the date
 * as the first ten characters of the record's date.  A page without a
 * record counts as an empty body.
 *
 * usage: html-score [--misses] [--min-f1 F] GOLD [RECORDS...] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "opt.h"

static const char synopsis[] = "[--misses] [--min-f1 F] GOLD [RECORDS...]";
static const char help[] =
    "Score records (split-header | normalize-date output) against the gold\n"
    "annotations of saved pages: segment precision, recall and F1, and\n"
    "title, author, date and outlet accuracy.\n"
    "\n"
    "  --misses      list every miss: page id, what, want, got\n"
    "  --min-f1 F    exit 1 if the segment F1 is below F\n"
    "  -h, --help    show this help\n"
    "\n"
    "Example:\n"
    "  split-header ../shared/html/pages/ | normalize-date |\n"
    "      html-score ../shared/html/gold.ndjson -\n";

enum { OPT_MISSES = 256, OPT_MIN_F1 };

/* The records, by id. */
static struct {
	json_t **rec;
	size_t n, cap;
	struct hash_index ix;
} recs;

static int misses;

static uint64_t
rec_key(const void *items, size_t i)
{
	const char *id = json_string_value(json_object_get(((json_t *const *)items)[i], "id"));

	return hash_bytes(id, strlen(id));
}

static json_t *
find_rec(const char *id)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&recs.ix, hash_bytes(id, strlen(id)), &pos); i >= 0;
	    i = hash_index_next(&recs.ix, &pos))
		if (strcmp(json_string_value(json_object_get(recs.rec[i], "id")), id) == 0)
			return recs.rec[i];
	return NULL;
}

static void
read_records(const char *path)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	json_t *r;

	if (!fp)
		die(1, "%s:", path);
	while (getline(&line, &cap, fp) > 0) {
		r = json_loads(line, 0, NULL);
		if (!json_is_string(json_object_get(r, "id"))) {
			json_decref(r);
			continue;
		}
		if (find_rec(json_string_value(json_object_get(r, "id")))) {
			json_decref(r);
			continue;	/* the first record of an id counts */
		}
		recs.rec = egrow(recs.rec, &recs.cap, recs.n + 1, sizeof *recs.rec);
		recs.rec[recs.n] = r;
		hash_index_add(&recs.ix, rec_key(recs.rec, recs.n), recs.n, rec_key, recs.rec);
		recs.n++;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
}

/* s with every run of white space made one space. */
static void
squeeze(struct buf *b, const char *s)
{
	int sp = 0;

	buf_reset(b);
	buf_add(b, "", 0);
	for (; s && *s; s++) {
		if (strchr(" \t\n\r\f\v", *s)) {
			sp = 1;
			continue;
		}
		if (sp)
			buf_addc(b, ' ');
		sp = 0;
		buf_addc(b, *s);
	}
	if (sp)
		buf_addc(b, ' ');
}

/* Case-folded, trimmed, white space squeezed: for titles and names. */
static char *
folded(const char *s)
{
	struct buf b = BUF_INIT;
	utf8proc_uint8_t *f = NULL;
	size_t i, j;

	squeeze(&b, s);
	if (utf8proc_map((const utf8proc_uint8_t *)b.s, (utf8proc_ssize_t)b.len, &f,
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE) < 0)
		f = (utf8proc_uint8_t *)estrdup(b.s);
	buf_free(&b);
	for (i = 0; f[i] == ' '; i++)
		;
	j = strlen((char *)f);
	while (j > i && f[j - 1] == ' ')
		j--;
	memmove(f, f + i, j - i);
	f[j - i] = '\0';
	return (char *)f;
}

static void
miss(const char *id, const char *what, const char *want, const char *got)
{
	if (misses)
		printf("%s\t%s\t%s\t%s\n", id, what, want ? want : "", got ? got : "(none)");
}

struct tally {
	unsigned long tp, fn, fp;
	unsigned long right[4], asked[4];	/* title, author, date, outlet */
};

enum { K_TITLE, K_AUTHOR, K_DATE, K_OUTLET };

static void
segments(const char *id, json_t *gold, const char *body, struct tally *t)
{
	struct buf b = BUF_INIT, seg = BUF_INIT;
	json_t *v;
	size_t i;

	squeeze(&b, body);
	json_array_foreach(json_object_get(gold, "with"), i, v) {
		squeeze(&seg, json_string_value(v));
		if (strstr(b.s, seg.s))
			t->tp++;
		else {
			t->fn++;
			miss(id, "with", seg.s, NULL);
		}
	}
	json_array_foreach(json_object_get(gold, "without"), i, v) {
		squeeze(&seg, json_string_value(v));
		if (strstr(b.s, seg.s)) {
			t->fp++;
			miss(id, "without", seg.s, "found");
		}
	}
	buf_free(&b);
	buf_free(&seg);
}

/* Add the names in s to list (folded, split at ; , & and und). */
static void
add_names(json_t *list, const char *s)
{
	char *f = folded(s), *p = f, *q;
	size_t k;

	while (*p) {
		k = strcspn(p, ";,&");
		q = strstr(p, " and ");
		if (q && (size_t)(q - p) < k)
			k = (size_t)(q - p);
		q = strstr(p, " und ");
		if (q && (size_t)(q - p) < k)
			k = (size_t)(q - p);
		while (k && p[k - 1] == ' ')
			k--;
		while (*p == ' ')
			p++, k = k ? k - 1 : 0;
		if (k)
			json_array_append_new(list, json_stringn(p, k));
		p += k;
		p += strspn(p, " ;,&");
		if (strncmp(p, "and ", 4) == 0 || strncmp(p, "und ", 4) == 0)
			p += 4;
	}
	free(f);
}

static json_t *
name_set(json_t *v)
{
	json_t *list = json_array(), *e;
	size_t i;

	if (json_is_string(v))
		add_names(list, json_string_value(v));
	json_array_foreach(v, i, e)
		if (json_is_string(e))
			add_names(list, json_string_value(e));
	return list;
}

static int
same_sets(json_t *a, json_t *b)
{
	json_t *x, *y;
	size_t i, j;
	int found;

	json_array_foreach(a, i, x) {
		found = 0;
		json_array_foreach(b, j, y)
			found |= json_equal(x, y);
		if (!found)
			return 0;
	}
	json_array_foreach(b, i, x) {
		found = 0;
		json_array_foreach(a, j, y)
			found |= json_equal(x, y);
		if (!found)
			return 0;
	}
	return json_array_size(a) > 0;
}

static void
fields(const char *id, json_t *gold, json_t *rec, struct tally *t)
{
	json_t *g = json_object_get(gold, "author"), *want, *got;
	const char *gs, *rs;
	char *a, *b, *dump;

	if ((gs = json_string_value(json_object_get(gold, "title")))) {
		rs = json_string_value(json_object_get(rec, "title"));
		a = folded(gs), b = folded(rs ? rs : "");
		t->asked[K_TITLE]++;
		if (strcmp(a, b) == 0)
			t->right[K_TITLE]++;
		else
			miss(id, "title", gs, rs);
		free(a), free(b);
	}
	if (!json_is_null(g) && g) {
		want = name_set(g);
		got = name_set(json_object_get(rec, "authors") ? json_object_get(rec, "authors")
		    : json_object_get(rec, "byline"));
		t->asked[K_AUTHOR]++;
		if (same_sets(want, got))
			t->right[K_AUTHOR]++;
		else {
			a = json_dumps(want, JSON_COMPACT), dump = json_dumps(got, JSON_COMPACT);
			miss(id, "author", a, dump);
			free(a), free(dump);
		}
		json_decref(want), json_decref(got);
	}
	if ((gs = json_string_value(json_object_get(gold, "date")))) {
		rs = json_string_value(json_object_get(rec, "date"));
		t->asked[K_DATE]++;
		if (rs && strlen(rs) >= 10 && strncmp(rs, gs, 10) == 0)
			t->right[K_DATE]++;
		else
			miss(id, "date", gs, rs);
	}
	if ((gs = json_string_value(json_object_get(gold, "outlet")))) {
		rs = json_string_value(json_object_get(rec, "outlet"));
		a = folded(gs), b = folded(rs ? rs : "");
		t->asked[K_OUTLET]++;
		if (strcmp(a, b) == 0)
			t->right[K_OUTLET]++;
		else
			miss(id, "outlet", gs, rs);
		free(a), free(b);
	}
}

static double
ratio(unsigned long a, unsigned long b)
{
	return b ? (double)a / (double)b : 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "misses", no_argument, NULL, OPT_MISSES },
		{ "min-f1", required_argument, NULL, OPT_MIN_F1 },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const what[4] = { "title", "author", "date", "outlet" };
	struct tally t = { 0, 0, 0, { 0 }, { 0 } };
	double minf1 = 0, p, r, f1;
	char *line = NULL;
	size_t cap = 0, pages = 0, found = 0;
	json_t *gold, *rec;
	const char *id;
	FILE *gf;
	int c, k;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case OPT_MISSES:
			misses = 1;
			break;
		case OPT_MIN_F1:
			minf1 = opt_fraction("--min-f1", optarg);
			break;
		default:
			opt_bad(NULL);
		}
	}
	if (optind >= argc)
		opt_bad("no GOLD file given");
	if (!(gf = fopen(argv[optind], "r")))
		die(1, "%s:", argv[optind]);
	if (optind + 1 == argc)
		read_records("-");
	for (k = optind + 1; k < argc; k++)
		read_records(argv[k]);
	while (getline(&line, &cap, gf) > 0) {
		if (!(gold = json_loads(line, 0, NULL)) ||
		    !(id = json_string_value(json_object_get(gold, "id"))))
			die(1, "%s: a line that is not a gold record", argv[optind]);
		pages++;
		rec = find_rec(id);
		found += rec != NULL;
		segments(id, gold, rec ? json_string_value(json_object_get(rec, "body")) : "", &t);
		if (rec)
			fields(id, gold, rec, &t);
		else {
			for (k = 0; k < 4; k++)
				t.asked[k] += !json_is_null(json_object_get(gold, what[k])) &&
				    json_object_get(gold, what[k]);
			miss(id, "record", "", NULL);
		}
		json_decref(gold);
	}
	free(line);
	fclose(gf);
	p = ratio(t.tp, t.tp + t.fp);
	r = ratio(t.tp, t.tp + t.fn);
	f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
	fprintf(misses ? stderr : stdout,
	    "pages %zu, records found %zu\n"
	    "segments: TP %lu FN %lu FP %lu: precision %.4f recall %.4f F1 %.4f\n",
	    pages, found, t.tp, t.fn, t.fp, p, r, f1);
	for (k = 0; k < 4; k++)
		fprintf(misses ? stderr : stdout, "%s: %lu of %lu right: %.4f\n",
		    what[k], t.right[k], t.asked[k], ratio(t.right[k], t.asked[k]));
	if (f1 < minf1) {
		warn("segment F1 %.4f is below %.4f", f1, minf1);
		return 1;
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
