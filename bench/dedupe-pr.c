/* dedupe-pr: precision, recall and scale of dedupe on generated articles.
 *
 *   dedupe-pr gen [-n ORIGINALS] [-s SEED] [-L LEVEL,...] > set.ndjson
 *   dedupe --mark set.ndjson | dedupe-pr score [-t THRESHOLD] [-k SHINGLE]
 *   dedupe-pr scale N DEDUPE [ARG...]
 *   dedupe --stories ... | dedupe-pr stories EVENTS.tsv
 *
 * gen writes originals of 300-1500 words drawn from a made-up lexicon
 * with Zipf-like word frequencies, and after each (interleaved with other
 * families) some copies: exact, re-headlined, trimmed (10-40% of the
 * words cut from the start or the end), boilerplate appended, or
 * re-worded at a chosen Jaccard level above or below the threshold.
 * Then short notices (-N families): one-line texts from a few templates
 * that differ in a name, figures and a date, with copies of some (a
 * credit line added: still copies) and, as other families, the same
 * notice for another name or of another date (not copies).  score
 * recomputes the true shingle sets of every pair and prints precision
 * and recall of what dedupe marked, overall and per variant.
 * scale pipes N short distinct articles into DEDUPE and prints its time
 * and peak resident memory.  stories compares the story field of
 * records with the events of gen-corpus --stories (EVENTS.tsv: id,
 * event) and prints pair precision, recall and F1. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "hash.h"
#include "similar/minhash.h"

#define NLEX	20000

static uint64_t rng_state;
static char *lex[NLEX];
static double zipf_cdf[NLEX];
static char *boiler[3];
/* Jaccard levels of the re-worded copies (-L): 0.05 or more either side
 * of the default threshold; -L 0.82,0.78,0.75 stresses the boundary. */
static double levels[16] = { 0.95, 0.9, 0.85, 0.7, 0.6, 0.5 };
static size_t nlevels = 6;
/* Short notice families (-N). */
static size_t notices = 600;

/* splitmix64: a small, well-known generator; deterministic runs. */
static uint64_t
rnd(void)
{
	return hash_mix(rng_state += 0x9e3779b97f4a7c15ULL);
}

static size_t
rnd_below(size_t n)
{
	return (size_t)(rnd() % n);
}

static double
rnd_unit(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static void
lexicon(void)
{
	static const char *on = "bcdfghjklmnprstvwz", *nu = "aeiou";
	double sum = 0;
	char w[16];
	int i, s, n, len;

	for (i = 0; i < NLEX; i++) {
		n = 1 + (int)rnd_below(4);
		for (len = 0, s = 0; s < n; s++) {
			w[len++] = on[rnd_below(strlen(on))];
			w[len++] = nu[rnd_below(strlen(nu))];
			if (rnd_below(3) == 0)
				w[len++] = on[rnd_below(strlen(on))];
		}
		w[len] = '\0';
		lex[i] = estrdup(w);
		sum += 1.0 / (i + 1);
		zipf_cdf[i] = sum;
	}
	for (i = 0; i < NLEX; i++)
		zipf_cdf[i] /= sum;
}

static const char *
word(void)
{
	double u = rnd_unit();
	size_t lo = 0, hi = NLEX - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lex[lo];
}

/* n words as sentences: capitalised, commas, full stops. */
static void
sentences(struct buf *b, size_t n)
{
	size_t i, left = 0;
	const char *w;

	for (i = 0; i < n; i++) {
		if (b->len && b->s[b->len - 1] != '\n')
			buf_addc(b, ' ');
		w = word();
		if (left == 0) {
			left = 8 + rnd_below(18);
			buf_printf(b, "%c%s", w[0] - 'a' + 'A', w + 1);
		} else {
			buf_adds(b, w);
		}
		if (--left == 0 || i + 1 == n) {
			buf_addc(b, '.');
			left = 0;
		} else if (rnd_below(12) == 0) {
			buf_addc(b, ',');
		}
	}
}

/* An article body: paragraphs of 40-120 words split by a blank line. */
static char *
article(size_t words)
{
	struct buf b = BUF_INIT;
	size_t p;

	while (words) {
		p = 40 + rnd_below(81);
		if (p > words || words - p < 40)
			p = words;
		if (b.len)
			buf_adds(&b, "\n\n");
		sentences(&b, p);
		words -= p;
	}
	return buf_take(&b);
}

static char *
title(void)
{
	struct buf b = BUF_INIT;

	sentences(&b, 6 + rnd_below(5));
	b.s[--b.len] = '\0';	/* no full stop */
	return buf_take(&b);
}

/* A copy with about k words replaced, at random places. */
static char *
reword(const char *s, size_t k)
{
	struct buf b = BUF_INIT;
	size_t nw = 0, i, *pick;
	const char *p;

	for (p = s; *p; p++)
		nw += *p == ' ' || *p == '\n';
	pick = emalloc((k + 1) * sizeof(*pick));
	for (i = 0; i < k; i++)
		pick[i] = rnd_below(nw + 1);
	for (nw = 0, p = s; *p;) {
		size_t len = strcspn(p, " \n.,");
		int hit = 0;

		for (i = 0; i < k; i++)
			hit |= pick[i] == nw;
		if (hit && len)
			buf_adds(&b, word());
		else
			buf_add(&b, p, len);
		p += len;
		while (*p == '.' || *p == ',' || *p == ' ' || *p == '\n') {
			if (*p == ' ' || *p == '\n')
				nw++;
			buf_addc(&b, *p++);
		}
	}
	free(pick);
	return buf_take(&b);
}

/* A copy without a share f of its words, cut at a sentence end from
 * the start (from_start) or the end. */
static char *
trim(const char *s, double f, int from_start)
{
	size_t nw = 0, want, at = 0, i, cut = 0, words = 0;

	for (i = 0; s[i]; i++)
		nw += s[i] == ' ' || s[i] == '\n';
	want = (size_t)(nw * (from_start ? f : 1 - f));
	/* the sentence end nearest to the wanted word count */
	for (i = 0; s[i]; i++) {
		if (s[i] == ' ' || s[i] == '\n')
			words++;
		if (s[i] == '.' && (s[i + 1] == ' ' || s[i + 1] == '\n')) {
			size_t d = words > want ? words - want : want - words;
			if (!cut || d < at)
				cut = i + 1, at = d;
		}
	}
	if (!cut)
		return estrdup(s);
	while (s[cut] == ' ' || s[cut] == '\n')
		cut++;
	return from_start ? estrdup(s + cut) : estrndup(s, cut);
}

struct rec {
	uint64_t order;
	char *line;
};

static int
rec_cmp(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

static void
emit(struct rec **v, size_t *n, size_t *cap, uint64_t order, const char *id,
    const char *title, const char *body, const char *kind, const char *of,
    double target)
{
	json_t *o = json_object();
	char *s;

	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "title", json_string(title));
	json_object_set_new(o, "body", json_string(body));
	json_object_set_new(o, "variant", json_string(kind));
	json_object_set_new(o, "family", json_string(of));
	if (target > 0)
		json_object_set_new(o, "target", json_real(target));
	if (!(s = json_dumps(o, JSON_COMPACT)))
		die(1, "cannot encode a record");
	json_decref(o);
	*v = egrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].order = order;
	(*v)[(*n)++].line = s;
}

/* Short notices. */

#define NTEMPLATES 4
static char *templates[NTEMPLATES];
static const char *const month[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* A notice template: %N the name, %F a figure, %D a date; 20-40 words,
 * the name first as in company notices, the date first or last. */
static char *
notice_template(void)
{
	struct buf b = BUF_INIT, tail = BUF_INIT;
	size_t i, n = 8 + rnd_below(7);

	buf_adds(&b, "%N");
	for (i = 0; i < n; i++)
		buf_printf(&b, " %s", word());
	buf_adds(&b, " %F");
	for (i = 0, n = 3 + rnd_below(6); i < n; i++)
		buf_printf(&b, " %s", word());
	buf_adds(&b, ". ");
	sentences(&tail, 6 + rnd_below(8));
	if (rnd_below(2)) {
		buf_printf(&b, "On %%D, %c%s", tail.s[0] - 'A' + 'a', tail.s + 1);
	} else {
		tail.s[--tail.len] = '\0';
		buf_printf(&b, "%s %%D.", tail.s);
	}
	buf_free(&tail);
	return buf_take(&b);
}

static char *
notice_name(void)
{
	struct buf b = BUF_INIT;
	size_t i, n = 1 + rnd_below(3);
	const char *w;

	/* Names are rare words, not the lexicon's common ones. */
	for (i = 0; i < n; i++) {
		w = lex[NLEX / 10 + rnd_below(NLEX - NLEX / 10)];
		buf_printf(&b, "%s%c%s", i ? " " : "", w[0] - 'a' + 'A', w + 1);
	}
	return buf_take(&b);
}

struct notice {
	int tpl;
	char *name;
	int fig, mon, day;
};

static void
notice_new(struct notice *o)
{
	o->tpl = (int)rnd_below(NTEMPLATES);
	o->name = notice_name();
	o->fig = (int)rnd_below(10000);
	o->mon = (int)rnd_below(12);
	o->day = 1 + (int)rnd_below(28);
}

static char *
notice_text(const struct notice *o, const char *credit)
{
	struct buf b = BUF_INIT;
	const char *p;

	for (p = templates[o->tpl]; *p; p++) {
		if (*p != '%' || !p[1]) {
			buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case 'N': buf_adds(&b, o->name); break;
		case 'F': buf_printf(&b, "%d.%02d", o->fig / 100, o->fig % 100); break;
		case 'D': buf_printf(&b, "%s %d", month[o->mon], o->day); break;
		default: buf_addc(&b, *p);
		}
	}
	if (credit)
		buf_printf(&b, " (%s)", credit);
	return buf_take(&b);
}

/* Notice families: each notice, sometimes a copy with a credit line
 * (same family), and sometimes the same notice for another name or of
 * another date (families of their own). */
static void
gen_notices(struct rec **v, size_t *n, size_t *cap, uint64_t span)
{
	struct notice o, x;
	char id[64], of[32], *body, *credit;
	size_t i, nf = 0;
	uint64_t order;

	for (i = 0; i < NTEMPLATES; i++)
		templates[i] = notice_template();
	for (i = 0; i < notices; i++) {
		notice_new(&o);
		order = rnd_below(span);
		snprintf(of, sizeof(of), "n%05zu", nf++);
		body = notice_text(&o, NULL);
		emit(v, n, cap, order, of, "Notice", body, "notice", of, 0);
		free(body);
		if (rnd_below(10) < 3) {
			snprintf(id, sizeof(id), "%s-1", of);
			credit = notice_name();
			body = notice_text(&o, credit);
			emit(v, n, cap, order + 1 + rnd_below(30000), id, "Notice", body,
			    "notice-copy", of, 0);
			free(body);
			free(credit);
		}
		if (rnd_below(10) < 4) {
			x = o;
			x.name = notice_name();
			snprintf(of, sizeof(of), "n%05zu", nf++);
			body = notice_text(&x, NULL);
			emit(v, n, cap, order + 1 + rnd_below(30000), of, "Notice", body,
			    "name-swap", of, 0);
			free(body);
			free(x.name);
		}
		if (rnd_below(10) < 3) {
			x = o;
			while (x.mon == o.mon && x.day == o.day)
				x.mon = (int)rnd_below(12), x.day = 1 + (int)rnd_below(28);
			snprintf(of, sizeof(of), "n%05zu", nf++);
			body = notice_text(&x, NULL);
			emit(v, n, cap, order + 1 + rnd_below(30000), of, "Notice", body,
			    "date-swap", of, 0);
			free(body);
		}
		free(o.name);
	}
	for (i = 0; i < NTEMPLATES; i++)
		free(templates[i]);
}

static int
gen(size_t originals)
{
	struct rec *v = NULL;
	size_t n = 0, cap = 0, i, j, nv, words, k;
	char id[64], of[32], *body, *t, *copy, *cut;
	double target;

	for (i = 0; i < 3; i++) {
		struct buf b = BUF_INIT;
		sentences(&b, 12 + rnd_below(20));
		boiler[i] = buf_take(&b);
	}
	for (i = 0; i < originals; i++) {
		words = 300 + rnd_below(1201);
		body = article(words);
		t = title();
		snprintf(of, sizeof(of), "a%05zu", i);
		emit(&v, &n, &cap, (uint64_t)i * 1000, of, t, body, "original", of, 0);
		nv = rnd_below(4);
		for (j = 0; j < nv; j++) {
			uint64_t order = (uint64_t)i * 1000 + 1 + rnd_below(30000);
			snprintf(id, sizeof(id), "%s-%zu", of, j + 1);
			target = 0;
			switch (rnd_below(6)) {
			case 0:
				emit(&v, &n, &cap, order, id, t, body, "exact", of, 0);
				break;
			case 1:
				copy = title();
				emit(&v, &n, &cap, order, id, copy, body, "retitled", of, 0);
				free(copy);
				break;
			case 2:
				target = 0.1 + 0.3 * rnd_unit();
				k = rnd_below(2);
				cut = trim(body, target, (int)k);
				emit(&v, &n, &cap, order, id, t, cut, k ? "trimmed-start" : "trimmed-end",
				    of, target);
				free(cut);
				target = 0;
				break;
			case 3: {
				struct buf b = BUF_INIT;
				buf_printf(&b, "%s\n\n%s\n\n%s", body, boiler[rnd_below(3)],
				    boiler[rnd_below(3)]);
				emit(&v, &n, &cap, order, id, t, b.s, "boilerplate", of, 0);
				buf_free(&b);
				break;
			}
			default:
				target = levels[rnd_below(nlevels)];
				/* each isolated change replaces 5 of the ~words shingles */
				k = (size_t)(words * (1 - target) / (5 * (1 + target)) + 0.5);
				copy = reword(body, k ? k : 1);
				emit(&v, &n, &cap, order, id, t, copy, "reworded", of, target);
				free(copy);
			}
		}
		free(body);
		free(t);
	}
	gen_notices(&v, &n, &cap, (uint64_t)originals * 1000 + 1);
	qsort(v, n, sizeof(*v), rec_cmp);
	for (i = 0; i < n; i++) {
		if (printf("%s\n", v[i].line) < 0)
			die(1, "write error:");
		free(v[i].line);
	}
	free(v);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Scoring. */

struct art {
	char *id, *dup, *family, *variant;
	double target;
	size_t nwords;
	uint64_t *sh;		/* sorted distinct shingle hashes */
	size_t nsh;
};

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The true shingle set, with the same words dedupe sees in ASCII text:
 * runs of letters and digits, lower-cased. */
static void
shingles(struct art *a, const char *s, size_t k)
{
	uint64_t *w = NULL, h;
	size_t nw = 0, cap = 0, i, j, len;

	for (;;) {
		while (*s && !((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') && !(*s >= '0' && *s <= '9'))
			s++;
		if (!*s)
			break;
		for (len = 0; ((s[len] | 0x20) >= 'a' && (s[len] | 0x20) <= 'z') || (s[len] >= '0' && s[len] <= '9'); len++)
			;
		h = HASH_FNV_INIT;
		for (i = 0; i < len; i++) {
			char c = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
			h = hash_fnv(h, &c, 1);
		}
		w = egrow(w, &cap, nw + 1, sizeof(*w));
		w[nw++] = h;
		s += len;
	}
	a->nwords = nw;
	if (k > nw)
		k = nw;
	a->nsh = 0;
	a->sh = emalloc((nw + 1) * sizeof(*a->sh));
	for (i = 0; k && i + k <= nw; i++) {
		for (h = k, j = 0; j < k; j++)
			h = hash_mix(h ^ w[i + j]);
		a->sh[a->nsh++] = h;
	}
	qsort(a->sh, a->nsh, sizeof(*a->sh), u64_cmp);
	for (i = j = 0; i < a->nsh; i++)
		if (j == 0 || a->sh[j - 1] != a->sh[i])
			a->sh[j++] = a->sh[i];
	a->nsh = j;
	free(w);
}

static size_t
common(const struct art *a, const struct art *b)
{
	size_t i = 0, j = 0, both = 0;

	while (i < a->nsh && j < b->nsh) {
		if (a->sh[i] == b->sh[j])
			both++, i++, j++;
		else if (a->sh[i] < b->sh[j])
			i++;
		else
			j++;
	}
	return both;
}

static double
jaccard(const struct art *a, const struct art *b)
{
	size_t both = common(a, b);

	return a->nsh + b->nsh == both ? 1 : (double)both / (double)(a->nsh + b->nsh - both);
}

/* What a copy is, for the truth: the threshold, the containment
 * threshold and the word count under which texts are short. */
static double t_jac = 0.8, t_cont = 0.9;
static size_t t_short = 100;

/* Whether b is truly a copy of a: of the same family, and Jaccard at
 * the threshold, or (neither text short) the smaller's shingles
 * contained in the other's at the containment threshold. */
static int
truly_copy(const struct art *a, const struct art *b)
{
	size_t lo = a->nsh < b->nsh ? a->nsh : b->nsh;

	if (strcmp(a->family, b->family) != 0)
		return 0;
	if (jaccard(a, b) >= t_jac)
		return 1;
	return a->nwords >= t_short && b->nwords >= t_short && lo
	    && (double)common(a, b) / (double)lo >= t_cont;
}

static char *
field(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s ? estrdup(s) : NULL;
}

static long
find(struct art *v, size_t n, const char *id)
{
	size_t i;

	for (i = n; i-- > 0;)
		if (strcmp(v[i].id, id) == 0)
			return (long)i;
	return -1;
}

#define NBIN 8
static const double bin_lo[NBIN] = { 0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9 };

static int
bin_of(double j)
{
	int b = NBIN - 1;

	while (b > 0 && j < bin_lo[b])
		b--;
	return b;
}

/* Counts per variant (trimmed copies per tenth of the text cut). */
struct tally {
	char name[48];
	unsigned long recs, should, found, marked, wrong;
};

static struct tally *
tally_of(struct tally *t, size_t *nt, const struct art *a)
{
	char name[48];
	size_t i;

	if (strncmp(a->variant, "trimmed", 7) == 0)
		snprintf(name, sizeof(name), "%s %d-%d%%", a->variant,
		    (int)(a->target * 10) * 10, (int)(a->target * 10) * 10 + 10);
	else
		snprintf(name, sizeof(name), "%s", a->variant);
	for (i = 0; i < *nt; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	memset(&t[*nt], 0, sizeof(t[*nt]));
	snprintf(t[*nt].name, sizeof(t[*nt].name), "%s", name);
	return &t[(*nt)++];
}

static void
read_set(struct art **vp, size_t *np, size_t k)
{
	struct art *v = NULL;
	size_t n = 0, cap = 0, linecap = 0;
	char *line = NULL;
	ssize_t len;
	json_error_t err;

	while ((len = getline(&line, &linecap, stdin)) > 0) {
		json_t *r = json_loadb(line, (size_t)len, 0, &err);
		if (!r)
			die(1, "<stdin>:%zu: %s", n + 1, err.text);
		v = egrow(v, &cap, n + 1, sizeof(*v));
		v[n].id = field(r, "id");
		v[n].dup = field(r, "duplicate_of");
		v[n].family = field(r, "family");
		v[n].variant = field(r, "variant");
		v[n].target = json_number_value(json_object_get(r, "target"));
		if (!v[n].id || !v[n].family || !v[n].variant
		    || !json_string_value(json_object_get(r, "body")))
			die(1, "<stdin>:%zu: not a dedupe-pr gen record", n + 1);
		shingles(&v[n], json_string_value(json_object_get(r, "body")), k);
		json_decref(r);
		n++;
	}
	free(line);
	*vp = v;
	*np = n;
}

static int
tally_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->name, ((const struct tally *)b)->name);
}

static void
print_tallies(struct tally *t, size_t nt)
{
	size_t i;

	qsort(t, nt, sizeof(*t), tally_cmp);
	printf("variant               records  should   found  recall  marked   false  precision\n");
	for (i = 0; i < nt; i++) {
		if (strcmp(t[i].name, "original") == 0)
			continue;
		printf("  %-20s %7lu %7lu %7lu  ", t[i].name, t[i].recs, t[i].should, t[i].found);
		printf(t[i].should ? "%.4f" : "     -", t[i].should ? (double)t[i].found / (double)t[i].should : 0.0);
		printf(" %7lu %7lu  ", t[i].marked, t[i].wrong);
		printf(t[i].marked ? "%.4f\n" : "     -\n",
		    t[i].marked ? 1 - (double)t[i].wrong / (double)t[i].marked : 0.0);
	}
}

static int
score(size_t k)
{
	struct art *v;
	struct tally tal[64], *ta;
	size_t n, i, j, nt = 0;
	unsigned long tp = 0, fp = 0, should = 0, found = 0, bins[NBIN][2] = { { 0 } };
	long d, o;

	read_set(&v, &n, k);
	for (i = 0; i < n; i++) {
		int dupe = 0, right = 0;

		ta = nt < 64 ? tally_of(tal, &nt, &v[i]) : &tal[63];
		ta->recs++;
		/* Precision: is the marked pair truly a copy? */
		if (v[i].dup) {
			if ((d = find(v, i, v[i].dup)) < 0)
				die(1, "%s: duplicate_of %s not seen before", v[i].id, v[i].dup);
			right = truly_copy(&v[d], &v[i]);
			tp += right;
			fp += !right;
			ta->marked++;
			ta->wrong += !right;
		}
		/* Recall: is there an earlier article it truly copies? */
		for (j = 0; j < i && !dupe; j++)
			dupe = truly_copy(&v[j], &v[i]);
		should += dupe;
		found += dupe && right;
		ta->should += dupe;
		ta->found += dupe && right;
		/* Rates by true similarity of a copy to its original. */
		if (strcmp(v[i].id, v[i].family) != 0 && (o = find(v, i, v[i].family)) >= 0) {
			int b = bin_of(jaccard(&v[i], &v[o]));
			bins[b][0]++;
			bins[b][1] += v[i].dup != NULL;
		}
	}
	printf("articles %zu, marked %lu (true %lu, false %lu), should be marked %lu, found %lu\n",
	    n, tp + fp, tp, fp, should, found);
	printf("precision %.4f recall %.4f (threshold %.2f, containment %.2f from %zu words, %zu-word shingles)\n",
	    tp + fp ? (double)tp / (double)(tp + fp) : 1.0,
	    should ? (double)found / (double)should : 1.0, t_jac, t_cont, t_short, k);
	print_tallies(tal, nt);
	printf("true Jaccard to original   copies  marked  rate\n");
	for (i = 0; i < NBIN; i++)
		if (bins[i][0])
			printf("  [%.2f, %.2f)%*s %7lu %7lu  %.4f\n", bin_lo[i],
			    i + 1 < NBIN ? bin_lo[i + 1] : 1.01, 11, "", bins[i][0], bins[i][1],
			    (double)bins[i][1] / (double)bins[i][0]);
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].dup);
		free(v[i].family);
		free(v[i].variant);
		free(v[i].sh);
	}
	free(v);
	return 0;
}

/* Stories: pairs of articles put in one story against pairs reporting
 * one event. */

struct pair {
	char *story, *event;
};

static int
by_story(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->story, y->story);

	return c ? c : strcmp(x->event, y->event);
}

static int
by_event(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->event, ((const struct pair *)b)->event);
}

/* Pairs within runs of v (sorted by cmp) that cmp finds equal. */
static double
pairs(const struct pair *v, size_t n, int (*cmp)(const void *, const void *))
{
	double sum = 0;
	size_t i, run;

	for (i = 0; i < n; i += run) {
		for (run = 1; i + run < n && cmp(&v[i], &v[i + run]) == 0; run++)
			;
		sum += (double)run * (double)(run - 1) / 2;
	}
	return sum;
}

static int
same_story(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->story, ((const struct pair *)b)->story);
}

/* EVENTS.tsv as pairs (story: the id) sorted by id. */
static struct pair *
read_events(const char *path, size_t *np)
{
	FILE *fp = fopen(path, "r");
	struct pair *v = NULL;
	size_t n = 0, cap = 0, linecap = 0;
	char *line = NULL, *tab;

	if (!fp)
		die(1, "%s:", path);
	while (getline(&line, &linecap, fp) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (!(tab = strchr(line, '\t')) || strcmp(line, "id\tevent") == 0)
			continue;
		*tab = '\0';
		v = egrow(v, &cap, n + 1, sizeof(*v));
		v[n].story = estrdup(line);
		v[n++].event = estrdup(tab + 1);
	}
	free(line);
	fclose(fp);
	qsort(v, n, sizeof(*v), same_story);
	*np = n;
	return v;
}

static int
stories(const char *events)
{
	struct pair *ev, *v = NULL, key, *hit;
	size_t nev, n = 0, cap = 0, linecap = 0, i, count;
	char *line = NULL;
	json_error_t err;
	ssize_t len;
	double both, pred, truth, p, r;

	ev = read_events(events, &nev);
	while ((len = getline(&line, &linecap, stdin)) > 0) {
		json_t *o = json_loadb(line, (size_t)len, 0, &err);
		const char *story;

		if (!o)
			die(1, "<stdin>:%zu: %s", n + 1, err.text);
		key.story = (char *)json_string_value(json_object_get(o, "id"));
		story = json_string_value(json_object_get(o, "story"));
		if (!key.story || !story)
			die(1, "<stdin>:%zu: no id or no story (dedupe --stories?)", n + 1);
		if (!(hit = bsearch(&key, ev, nev, sizeof(*ev), same_story)))
			die(1, "<stdin>:%zu: %s is not in %s", n + 1, key.story, events);
		v = egrow(v, &cap, n + 1, sizeof(*v));
		v[n].story = estrdup(story);
		v[n++].event = hit->event;
		json_decref(o);
	}
	free(line);
	qsort(v, n, sizeof(*v), by_story);
	both = pairs(v, n, by_story);
	pred = pairs(v, n, same_story);
	for (i = count = 0; i < n; i++)
		count += i == 0 || strcmp(v[i].story, v[i - 1].story) != 0;
	qsort(v, n, sizeof(*v), by_event);
	truth = pairs(v, n, by_event);
	p = pred ? both / pred : 1;
	r = truth ? both / truth : 1;
	printf("articles %zu, stories %zu; pairs: in one story %.0f, of one event %.0f, both %.0f\n",
	    n, count, pred, truth, both);
	printf("story pairs: precision %.4f recall %.4f F1 %.4f\n", p, r,
	    p + r > 0 ? 2 * p * r / (p + r) : 0);
	for (i = 0; i < n; i++)
		free(v[i].story);
	free(v);
	for (i = 0; i < nev; i++) {
		free(ev[i].story);
		free(ev[i].event);
	}
	free(ev);
	return 0;
}

/* Scale: feed N distinct 60-word articles to a dedupe process; its
 * peak RSS (getrusage of the waited-for children). */
static int
run_one(unsigned long n, char **argv, struct rusage *rup, double *wall)
{
	struct timespec t0, t1;
	struct rusage ru;
	int fd[2], status;
	pid_t pid;
	FILE *fp;
	unsigned long i;
	size_t w;

	if (pipe(fd) != 0)
		die(1, "pipe:");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		die(1, "fork:");
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		if (!freopen("/dev/null", "w", stdout))
			die(1, "/dev/null:");
		execvp(argv[0], argv);
		die(127, "%s:", argv[0]);
	}
	close(fd[0]);
	if (!(fp = fdopen(fd[1], "w")))
		die(1, "fdopen:");
	for (i = 0; i < n; i++) {
		fprintf(fp, "{\"id\":\"s%07lu\",\"body\":\"", i);
		for (w = 0; w < 60; w++)
			fprintf(fp, w ? " %s" : "%s", lex[rnd_below(NLEX)]);
		fputs("\"}\n", fp);
	}
	if (fclose(fp) == EOF)
		die(1, "write error:");
	if (waitpid(pid, &status, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru) != 0)
		die(1, "wait:");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	*rup = ru;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int
scale(unsigned long n, char **argv)
{
	struct rusage base, ru;
	double wall;
	int status;

	/* RSS of a run over one article: the program, its libraries, buffers. */
	if (run_one(1, argv, &base, &wall) != 0)
		die(1, "%s failed", argv[0]);
	status = run_one(n, argv, &ru, &wall);
	printf("%lu articles: wall %.1f s, dedupe cpu %.1f s, peak RSS %.1f MB, "
	    "%.0f bytes/article above a 1-article run (%.1f MB)\n",
	    n, wall, (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec - base.ru_utime.tv_sec - base.ru_stime.tv_sec)
	    + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec - base.ru_utime.tv_usec - base.ru_stime.tv_usec) / 1e6,
	    ru.ru_maxrss / 1024.0, (ru.ru_maxrss - base.ru_maxrss) * 1024.0 / (double)n,
	    base.ru_maxrss / 1024.0);
	return status;
}

int
main(int argc, char **argv)
{
	unsigned long n = 2000, seed = 1;
	size_t k = 5;
	char *end;
	int c;

	diag_init(argv[0]);
	if (argc < 2)
		die(2, "usage: dedupe-pr gen [-n N] [-N NOTICES] [-s SEED] [-L J,J...] | score [-t T] [-c C] [-S WORDS] [-k N] | scale N DEDUPE [ARG...] | stories EVENTS.tsv");
	if (strcmp(argv[1], "stories") == 0 && argc == 3)
		return stories(argv[2]);
	if (strcmp(argv[1], "scale") == 0 && argc >= 4) {
		rng_state = 7;
		lexicon();
		return scale(strtoul(argv[2], NULL, 10), argv + 3);
	}
	optind = 2;
	while ((c = getopt(argc, argv, "n:N:s:t:c:S:k:L:")) != -1) {
		switch (c) {
		case 'L':
			for (nlevels = 0; *optarg && nlevels < 16; nlevels++) {
				levels[nlevels] = strtod(optarg, &end);
				if (end == optarg || !(levels[nlevels] > 0 && levels[nlevels] <= 1))
					die(2, "bad -L: want numbers in (0, 1] separated by commas");
				optarg = end + (*end == ',');
			}
			break;
		case 'n': n = strtoul(optarg, NULL, 10); break;
		case 'N': notices = strtoul(optarg, NULL, 10); break;
		case 'c': t_cont = strtod(optarg, NULL); break;
		case 'S': t_short = strtoul(optarg, NULL, 10); break;
		case 's': seed = strtoul(optarg, NULL, 10); break;
		case 't': t_jac = strtod(optarg, NULL); break;
		case 'k': k = strtoul(optarg, NULL, 10); break;
		default: die(2, "bad option");
		}
	}
	rng_state = seed;
	lexicon();
	if (strcmp(argv[1], "gen") == 0)
		return gen(n);
	if (strcmp(argv[1], "score") == 0)
		return score(k ? k : 5);
	die(2, "unknown command %s", argv[1]);
}
