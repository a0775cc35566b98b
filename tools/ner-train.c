/* ner-train: train the entity tagger's model (an averaged structured
 * perceptron over the features of lib/ner.c) on CoNLL-2003 data, choose
 * the epoch by F1 on the development set, and write the model file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <jansson.h>

#include "conll.h"
#include "diag.h"
#include "opt.h"
#include "mem.h"
#include "entity/names.h"
#include "entity/ner.h"
#include "entity/token.h"

static const char synopsis[] =
    "[-e EPOCHS] [-s SEED] [-m MINCOUNT] [-i ISODIR] [-g LIST]... -o MODEL TRAIN DEV";
static const char help[] =
    "Train the tag-entities model on CoNLL-2003 files.\n"
    "\n"
    "  -e EPOCHS    most training epochs (default 20)\n"
    "  -s SEED      seed of the sentence shuffle (default 1)\n"
    "  -m MINCOUNT  keep features seen at least this often (default 1)\n"
    "  -i ISODIR    iso-codes JSON directory (default /usr/share/iso-codes/json)\n"
    "  -g LIST      gazetteer list: lines CLASS<TAB>ENTRY (repeatable)\n"
    "  -o MODEL     output file\n"
    "\n"
    "Example:\n"
    "  ner-train -g data/ner-gazetteer.tsv -o models/ner.model train.txt dev.txt\n";

/* ---- gazetteer ---- */

struct gent {
	uint64_t key;
	uint8_t cls;
};

static struct gent *gents;
static size_t ngents, gcap;
static unsigned gmaxlen;

static void
gaz_add(const char *s, uint8_t cls)
{
	static struct token_list tl = TOKEN_LIST_INIT;
	struct ner_word w[16];
	size_t i, n;

	n = token_split(s, strlen(s), &tl);
	if (n == 0 || n > 16)
		return;
	for (i = 0; i < n; i++) {
		w[i].s = s + tl.v[i].off;
		w[i].len = tl.v[i].len;
	}
	gents = egrow(gents, &gcap, ngents + 1, sizeof *gents);
	gents[ngents].key = ner_gaz_key(w, n);
	gents[ngents++].cls = cls;
	if (n > gmaxlen)
		gmaxlen = (unsigned)n;
}

static void
gaz_iso(const char *dir, const char *file, const char *array, uint8_t cls)
{
	static const char *const fields[] = { "name", "common_name",
	    "official_name" };
	char path[4096], *comma, *s;
	json_error_t err;
	json_t *root, *a, *e, *v;
	size_t i, k;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((root = json_load_file(path, 0, &err)) == NULL)
		die(1, "%s: %s", path, err.text);
	a = json_object_get(root, array);
	json_array_foreach(a, i, e) {
		for (k = 0; k < 3; k++) {
			if (!json_is_string(v = json_object_get(e, fields[k])))
				continue;
			gaz_add(json_string_value(v), cls);
			/* "Korea, Republic of" is also just "Korea" */
			s = estrdup(json_string_value(v));
			if ((comma = strchr(s, ',')) != NULL) {
				*comma = '\0';
				gaz_add(s, cls);
			}
			free(s);
		}
	}
	json_decref(root);
}

static void
gaz_list(const char *path)
{
	static const char *const names[] = { "country", "region", "org",
	    "agency", "govword", "title", "demonym" };
	FILE *fp;
	char *line = NULL, *tab;
	size_t cap = 0, k;
	ssize_t len;
	unsigned long lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if ((tab = strchr(line, '\t')) == NULL)
			die(1, "%s:%lu: no tab", path, lineno);
		*tab = '\0';
		for (k = 0; k < sizeof names / sizeof *names; k++)
			if (strcmp(line, names[k]) == 0)
				break;
		if (k == sizeof names / sizeof *names)
			die(1, "%s:%lu: unknown class '%s'", path, lineno, line);
		gaz_add(tab + 1, (uint8_t)(1u << k));
	}
	free(line);
	fclose(fp);
}

/* egrow, the new elements zeroed: counters of the keys of a table. */
static void *
egrow_zero(void *p, size_t *cap, size_t need, size_t size)
{
	size_t old = *cap;

	p = egrow(p, cap, need, size);
	memset((char *)p + old * size, 0, (*cap - old) * size);
	return p;
}

/* Words the training text writes in lower case at least 3 times and
 * more often than capitalised (not counting sentence starts). */
static void
gaz_common(const struct conll *c)
{
	struct ner_table words = { 0 };
	struct { unsigned low, cap; } *v = NULL;
	size_t vcap = 0, s, i, j;
	const char *w;

	for (s = 0; s < c->nsent; s++)
		for (i = c->sent[s]; i < c->sent[s + 1]; i++) {
			w = c->w[i].s;
			if (!((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z')))
				continue;
			j = ner_table_put(&words, ner_gaz_key(&c->w[i], 1));
			v = egrow_zero(v, &vcap, words.n, sizeof *v);
			if (*w >= 'a' && *w <= 'z')
				v[j].low++;
			else if (i > c->sent[s])
				v[j].cap++;
		}
	for (j = 0; j < words.n; j++)
		if (v[j].low >= 3 && v[j].low > v[j].cap) {
			gents = egrow(gents, &gcap, ngents + 1, sizeof *gents);
			gents[ngents].key = words.keys[j];
			gents[ngents++].cls = NER_GAZ_COMMON;
		}
	ner_table_free(&words);
	free(v);
}

static int
cmp_gent(const void *a, const void *b)
{
	uint64_t x = ((const struct gent *)a)->key, y = ((const struct gent *)b)->key;

	return x < y ? -1 : x > y;
}

static void
gaz_build(struct ner_gaz *g)
{
	size_t i, n = 0;

	qsort(gents, ngents, sizeof *gents, cmp_gent);
	for (i = 0; i < ngents; i++) {
		if (n && gents[n - 1].key == gents[i].key)
			gents[n - 1].cls |= gents[i].cls;
		else
			gents[n++] = gents[i];
	}
	g->t.n = n;
	g->t.keys = emalloc((n + 1) * sizeof *g->t.keys);
	g->cls = emalloc(n + 1);
	for (i = 0; i < n; i++) {
		g->t.keys[i] = gents[i].key;
		g->cls[i] = gents[i].cls;
	}
	g->maxlen = gmaxlen;
	ner_table_index(&g->t);
}

/* ---- feature dictionary ---- */

/* Every feature key of the training text, the times each was seen, and
 * its number among the features kept (UINT32_MAX: dropped). */
static struct ner_table dict;
static uint32_t *dcount, *didx;
static size_t dcountcap;

static void
dict_count(uint64_t key)
{
	size_t j = ner_table_put(&dict, key);

	dcount = egrow_zero(dcount, &dcountcap, dict.n, sizeof *dcount);
	dcount[j]++;
}

/* ---- training data as feature index lists ---- */

struct data {
	struct conll c;
	uint32_t *feat;		/* indices, per token */
	size_t *fstart;		/* token i: feat[fstart[i]..fstart[i+1]] */
};

static struct ner_gaz gaz;
static struct ner_ctx ctx;
static size_t nfeat;
static uint64_t *fkey;		/* index -> hash */

static void
each_feature(struct conll *c, void (*fn)(uint64_t, void *), void *arg,
    void (*tok)(void *))
{
	uint64_t fs[NER_MAXFEAT];
	size_t s, i, k, n;

	for (s = 0; s < c->nsent; s++) {
		ner_ctx_prepare(&ctx, &gaz, c->w + c->sent[s],
		    c->sent[s + 1] - c->sent[s]);
		for (i = 0; i < ctx.n; i++) {
			n = ner_features(&ctx, i, fs);
			for (k = 0; k < n; k++)
				fn(fs[k], arg);
			tok(arg);
		}
	}
}

static void
count_fn(uint64_t key, void *arg)
{
	(void)arg;
	dict_count(key);
}

static void
nop(void *arg)
{
	(void)arg;
}

struct lists {
	struct data *d;
	size_t n, cap, tok, scap;
};

static void
list_fn(uint64_t key, void *arg)
{
	struct lists *l = arg;
	long j = ner_table_find(&dict, key);

	if (j < 0 || didx[j] == UINT32_MAX)
		return;
	l->d->feat = egrow(l->d->feat, &l->cap, l->n + 1, sizeof *l->d->feat);
	l->d->feat[l->n++] = didx[j];
}

static void
list_tok(void *arg)
{
	struct lists *l = arg;

	l->d->fstart[++l->tok] = l->n;
}

static void
load_data(struct data *d, const char *path)
{
	struct lists l = { d, 0, 0, 0, 0 };

	conll_read(&d->c, path);
	d->feat = NULL;
	d->fstart = emalloc((d->c.ntok + 1) * sizeof *d->fstart);
	d->fstart[0] = 0;
	each_feature(&d->c, list_fn, &l, list_tok);
}

/* ---- perceptron ---- */

#define NT NER_NTAGS
#define NTRANS ((NT + 1) * NT)

static float *w, *u, *avg, *best;	/* nfeat * NT + NTRANS each */
static float *emit;
static size_t emitcap;
static int *pred;
static size_t predcap;

static void
decode(const float *wt, const struct data *d, size_t s, int *out)
{
	size_t i, k, a = d->c.sent[s], n = d->c.sent[s + 1] - a;
	const float *row;
	int t;

	emit = egrow(emit, &emitcap, n * NT, sizeof *emit);
	for (i = 0; i < n; i++) {
		float *e = emit + i * NT;

		memset(e, 0, NT * sizeof *e);
		for (k = d->fstart[a + i]; k < d->fstart[a + i + 1]; k++) {
			row = wt + (size_t)d->feat[k] * NT;
			for (t = 0; t < NT; t++)
				e[t] += row[t];
		}
	}
	ner_viterbi(&ctx, emit, wt + nfeat * NT, n, out);
}

static void
update(const struct data *d, size_t s, const int *gold, const int *p,
    float c)
{
	size_t i, k, a = d->c.sent[s], n = d->c.sent[s + 1] - a, j;
	float *tr = w + nfeat * NT, *tu = u + nfeat * NT;
	int pg, pp;

	for (i = 0; i < n; i++) {
		if (gold[i] != p[i])
			for (k = d->fstart[a + i]; k < d->fstart[a + i + 1]; k++) {
				j = (size_t)d->feat[k] * NT;
				w[j + gold[i]] += 1;
				u[j + gold[i]] += c;
				w[j + p[i]] -= 1;
				u[j + p[i]] -= c;
			}
		pg = i ? gold[i - 1] : NT;
		pp = i ? p[i - 1] : NT;
		if (pg != pp || gold[i] != p[i]) {
			tr[pg * NT + gold[i]] += 1;
			tu[pg * NT + gold[i]] += c;
			tr[pp * NT + p[i]] -= 1;
			tu[pp * NT + p[i]] -= c;
		}
	}
}

static double
evaluate(const float *wt, const struct data *d, int verbose)
{
	unsigned long cnt[NER_NTYPES][3] = { { 0 } };
	unsigned long g = 0, p = 0, ok = 0;
	size_t s, n, k, a;
	int t;
	double pr, rc;

	/* scored as ner-score scores: a document at a time */
	pred = egrow(pred, &predcap, d->c.ntok + 1, sizeof *pred);
	for (s = 0; s < d->c.nsent; s++)
		decode(wt, d, s, pred + d->c.sent[s]);
	for (k = 0; k < d->c.ndoc; k++) {
		a = d->c.sent[d->c.doc[k]];
		names_doc_fix(d->c.w + a, d->c.sent[d->c.doc[k + 1]] - a, pred + a);
	}
	for (s = 0; s < d->c.nsent; s++) {
		n = d->c.sent[s + 1] - d->c.sent[s];
		ner_count(d->c.tag + d->c.sent[s], pred + d->c.sent[s], n, cnt);
	}
	for (t = 0; t < NER_NTYPES; t++) {
		g += cnt[t][0];
		p += cnt[t][1];
		ok += cnt[t][2];
		if (verbose)
			fprintf(stderr, "  %-4s F1 %.4f\n", ner_types[t],
			    cnt[t][2] ? 2.0 * cnt[t][2] / (cnt[t][0] + cnt[t][1]) : 0);
	}
	pr = p ? (double)ok / p : 0;
	rc = g ? (double)ok / g : 0;
	return pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
}

static uint64_t rng_state;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void
train(struct data *tr, struct data *dev, int epochs)
{
	size_t *order, s, i, j, tmp, total = nfeat * NT + NTRANS;
	int e, beste = 0;
	float c = 1;
	double f1, bestf1 = -1;
	const int *gold;

	w = ecalloc(total, sizeof *w);
	u = ecalloc(total, sizeof *u);
	avg = emalloc(total * sizeof *avg);
	best = emalloc(total * sizeof *best);
	order = emalloc(tr->c.nsent * sizeof *order);
	for (s = 0; s < tr->c.nsent; s++)
		order[s] = s;
	for (e = 1; e <= epochs; e++) {
		for (i = tr->c.nsent; i > 1; i--) {
			j = rng() % i;
			tmp = order[i - 1];
			order[i - 1] = order[j];
			order[j] = tmp;
		}
		for (i = 0; i < tr->c.nsent; i++) {
			s = order[i];
			pred = egrow(pred, &predcap, tr->c.sent[s + 1] - tr->c.sent[s],
			    sizeof *pred);
			decode(w, tr, s, pred);
			gold = tr->c.tag + tr->c.sent[s];
			update(tr, s, gold, pred, c);
			c++;
		}
		for (j = 0; j < total; j++)
			avg[j] = w[j] - u[j] / c;
		f1 = evaluate(avg, dev, 0);
		fprintf(stderr, "ner-train: epoch %d: dev F1 %.4f\n", e, f1);
		if (f1 > bestf1) {
			bestf1 = f1;
			beste = e;
			memcpy(best, avg, total * sizeof *best);
		}
	}
	fprintf(stderr, "ner-train: keeping epoch %d (dev F1 %.4f)\n", beste,
	    bestf1);
	evaluate(best, dev, 1);
	free(order);
}

/* ---- output ---- */

struct fsort {
	uint64_t key;
	uint32_t idx;
};

static int
cmp_fsort(const void *a, const void *b)
{
	uint64_t x = ((const struct fsort *)a)->key, y = ((const struct fsort *)b)->key;

	return x < y ? -1 : x > y;
}

static void
save(const char *path)
{
	struct fsort *fs = emalloc((nfeat + 1) * sizeof *fs);
	size_t i, n = 0, t;
	float maxw = 0, scale, v;
	int16_t q[NT];
	uint32_t hdr[4];
	FILE *fp;
	int keep;
	uint64_t k;

	for (i = 0; i < nfeat * NT; i++)
		if (fabsf(best[i]) > maxw)
			maxw = fabsf(best[i]);
	scale = maxw > 0 ? maxw / 32767 : 1;
	for (i = 0; i < nfeat; i++) {
		for (keep = 0, t = 0; t < NT; t++)
			keep |= lrintf(best[i * NT + t] / scale) != 0;
		if (keep) {
			fs[n].key = fkey[i];
			fs[n++].idx = (uint32_t)i;
		}
	}
	qsort(fs, n, sizeof *fs, cmp_fsort);
	if ((fp = fopen(path, "wb")) == NULL)
		die(1, "%s:", path);
	hdr[0] = (uint32_t)n;
	hdr[1] = (uint32_t)gaz.t.n;
	hdr[2] = gaz.maxlen;
	hdr[3] = 0;
	fwrite(NER_MAGIC, 1, 8, fp);
	fwrite(hdr, sizeof *hdr, 4, fp);
	fwrite(&scale, sizeof scale, 1, fp);
	fwrite(best + nfeat * NT, sizeof *best, NTRANS, fp);
	for (i = 0; i < n; i++) {
		k = fs[i].key;
		fwrite(&k, sizeof k, 1, fp);
	}
	for (i = 0; i < n; i++) {
		for (t = 0; t < NT; t++) {
			v = best[(size_t)fs[i].idx * NT + t] / scale;
			q[t] = (int16_t)lrintf(v);
		}
		fwrite(q, sizeof *q, NT, fp);
	}
	fwrite(gaz.t.keys, sizeof *gaz.t.keys, gaz.t.n, fp);
	fwrite(gaz.cls, 1, gaz.t.n, fp);
	if (fclose(fp) == EOF)
		die(1, "%s:", path);
	fprintf(stderr, "ner-train: wrote %s: %zu features, %zu gazetteer entries\n",
	    path, n, gaz.t.n);
	free(fs);
}

int
main(int argc, char **argv)
{
	static struct data tr, dev;
	const char *out = NULL, *iso = "/usr/share/iso-codes/json";
	const char *lists[16];
	int c, epochs = 20, nlists = 0, k;
	unsigned long minc = 1;
	size_t j;
	char *end;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	rng_state = 1;
	while ((c = opt_next(argc, argv, "he:s:m:i:g:o:", NULL)) != -1) {
		switch (c) {
		case 'e':
			epochs = atoi(optarg);
			if (epochs < 1)
				opt_bad(NULL);
			break;
		case 's':
			rng_state = strtoull(optarg, &end, 10);
			if (*end || !rng_state)
				opt_bad(NULL);
			break;
		case 'm':
			minc = strtoul(optarg, &end, 10);
			if (*end)
				opt_bad(NULL);
			break;
		case 'i':
			iso = optarg;
			break;
		case 'g':
			if (nlists == 16)
				opt_bad(NULL);
			lists[nlists++] = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			opt_bad(NULL);
		}
	}
	if (!out || argc - optind != 2)
		opt_bad(NULL);
	gaz_iso(iso, "iso_3166-1.json", "3166-1", NER_GAZ_COUNTRY);
	gaz_iso(iso, "iso_3166-2.json", "3166-2", NER_GAZ_REGION);
	for (k = 0; k < nlists; k++)
		gaz_list(lists[k]);
	conll_read(&tr.c, argv[optind]);
	gaz_common(&tr.c);
	gaz_build(&gaz);
	each_feature(&tr.c, count_fn, NULL, nop);
	didx = emalloc((dict.n + 1) * sizeof *didx);
	fkey = emalloc((dict.n + 1) * sizeof *fkey);
	for (j = 0; j < dict.n; j++) {
		didx[j] = UINT32_MAX;
		if (dcount[j] >= minc) {
			fkey[nfeat] = dict.keys[j];
			didx[j] = (uint32_t)nfeat++;
		}
	}
	fprintf(stderr, "ner-train: %zu sentences, %zu features (%zu kept)\n",
	    tr.c.nsent, dict.n, nfeat);
	conll_free(&tr.c);
	load_data(&tr, argv[optind]);
	load_data(&dev, argv[optind + 1]);
	train(&tr, &dev, epochs);
	save(out);
	return 0;
}
