/* ner-train: train the entity tagger's two passes (averaged structured
 * perceptrons over the features of lib/entity/features.c) on CoNLL-2003
 * data and write the model file.
 *
 * The second pass learns from the first pass's labels, which on the
 * training text must look as they will on new text: they come from
 * first-pass models trained on the other folds of the training
 * documents (jackknifing), never from the final one.  Nothing is chosen
 * on dev.txt: -H holds out every Kth training document to tune on, and
 * -d only reports. */
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "conll.h"
#include "diag.h"
#include "entity/ner.h"
#include "gazetteer.h"
#include "mem.h"
#include "opt.h"

static const char synopsis[] =
    "[-e EPOCHS] [-f FOLDS] [-s SEED] [-H K [-O J]] [-d DEV] [-k CLUSTERS] [-x GROUPS]\n"
    "       [gazetteer options] -o MODEL TRAIN";
static const char help[] =
    "Train the tag-entities model on a CoNLL-2003 file.\n"
    "\n"
    "  -e EPOCHS    training epochs of each pass (default 12)\n"
    "  -f FOLDS     folds for the first pass's labels of TRAIN (default 5)\n"
    "  -s SEED      seed of the sentence shuffle (default 1)\n"
    "  -H K         hold out every Kth document of TRAIN and score on them\n"
    "  -O J         with -H, hold out the documents K*n+J (default K-1)\n"
    "  -d DEV       also score on this CoNLL file (reported only)\n"
    "  -k CLUSTERS  word clusters: lines BITS<TAB>WORD[<TAB>COUNT]\n"
    "  -x GROUPS    leave out feature groups (ablation): c clusters, g the\n"
    "               gazetteers but the countries, regions and -g lists,\n"
    "               k case features, 2 the second pass\n"
    GAZ_HELP
    "  -o MODEL     output file\n"
    "\n"
    "Example:\n"
    "  ner-train -k data/ner-clusters.tsv -g data/ner-gazetteer.tsv \\\n"
    "      -o models/ner.model train.txt\n";

#define NT NER_NTAGS
#define NTRANS ((NT + 1) * NT)

/* ---- the training text as feature numbers ---- */

static struct ner_model model;	/* gazetteer and clusters; then all */
static struct ner_ctx ctx;
static struct ner_table dict;	/* every feature key seen */
static unsigned skip;		/* feature groups left out */

struct data {
	struct conll c;
	uint32_t *feat;		/* first-pass features, per token */
	size_t *fstart;		/* token i: feat[fstart[i]..fstart[i+1]) */
	size_t nfeat, fcap;
	uint32_t *dfeat;	/* second-pass features, likewise */
	size_t *dstart, ndfeat, dcap;
	int *tags1;		/* first-pass labels (jackknifed) */
	int *use;		/* per document: 1 trained on */
};

static size_t
doc_start(const struct conll *c, size_t d)
{
	return c->sent[c->doc[d]];
}

static size_t
doc_end(const struct conll *c, size_t d)
{
	return c->sent[c->doc[d + 1]];
}

/* Describe document d of c in ctx. */
static void
prepare_doc(struct conll *c, size_t d)
{
	ctx.skip = skip;
	ner_ctx_prepare(&ctx, &model, c->w + doc_start(c, d),
	    doc_end(c, d) - doc_start(c, d));
}

static void
push_feats(uint32_t **v, size_t *n, size_t *cap, const uint64_t *fs,
    size_t nf)
{
	size_t k;

	*v = egrow(*v, cap, *n + nf, sizeof **v);
	for (k = 0; k < nf; k++)
		(*v)[(*n)++] = (uint32_t)ner_table_put(&dict, fs[k]);
}

static void
first_features(struct data *d)
{
	uint64_t fs[NER_MAXFEAT];
	size_t k, i, a;

	d->fstart = emalloc((d->c.ntok + 1) * sizeof *d->fstart);
	for (k = 0; k < d->c.ndoc; k++) {
		prepare_doc(&d->c, k);
		a = doc_start(&d->c, k);
		for (i = 0; i < ctx.n; i++) {
			d->fstart[a + i] = d->nfeat;
			push_feats(&d->feat, &d->nfeat, &d->fcap, fs,
			    ner_features(&ctx, i, fs));
		}
	}
	d->fstart[d->c.ntok] = d->nfeat;
}

static void
second_features(struct data *d)
{
	uint64_t fs[NER_MAXFEAT];
	size_t k, i, a;

	d->dstart = emalloc((d->c.ntok + 1) * sizeof *d->dstart);
	d->ndfeat = 0;
	for (k = 0; k < d->c.ndoc; k++) {
		prepare_doc(&d->c, k);
		a = doc_start(&d->c, k);
		ner_doc_labels(&ctx, d->tags1 + a);
		for (i = 0; i < ctx.n; i++) {
			d->dstart[a + i] = d->ndfeat;
			push_feats(&d->dfeat, &d->ndfeat, &d->dcap, fs,
			    ner_doc_features(&ctx, i, fs));
		}
	}
	d->dstart[d->c.ntok] = d->ndfeat;
}

/* ---- perceptron ---- */

struct weights {
	float *w, *u;		/* nfeat * NT, then NTRANS */
	size_t nfeat;
	float c;
};

static float *emit;
static size_t emitcap;

static void
sentence_emit(const float *wt, const struct data *d, size_t s, int pass)
{
	size_t i, k, a = d->c.sent[s], n = d->c.sent[s + 1] - a;
	const float *row;
	float *e;
	int t;

	emit = egrow(emit, &emitcap, n * NT, sizeof *emit);
	for (i = 0; i < n; i++) {
		e = emit + i * NT;
		memset(e, 0, NT * sizeof *e);
		for (k = d->fstart[a + i]; k < d->fstart[a + i + 1]; k++) {
			row = wt + (size_t)d->feat[k] * NT;
			for (t = 0; t < NT; t++)
				e[t] += row[t];
		}
		for (k = pass ? d->dstart[a + i] : 0;
		    pass && k < d->dstart[a + i + 1]; k++) {
			row = wt + (size_t)d->dfeat[k] * NT;
			for (t = 0; t < NT; t++)
				e[t] += row[t];
		}
	}
}

static void
decode(const struct weights *W, const float *wt, const struct data *d,
    size_t s, int pass, int *out)
{
	sentence_emit(wt, d, s, pass);
	ner_viterbi(&ctx, emit, wt + W->nfeat * NT, NULL,
	    d->c.sent[s + 1] - d->c.sent[s], out);
}

static void
bump(struct weights *W, size_t j, float by)
{
	W->w[j] += by;
	W->u[j] += by * W->c;
}

static void
update_row(struct weights *W, const uint32_t *f, size_t from, size_t to,
    int gold, int pred)
{
	size_t k;

	for (k = from; k < to; k++) {
		bump(W, (size_t)f[k] * NT + gold, 1);
		bump(W, (size_t)f[k] * NT + pred, -1);
	}
}

static void
update(struct weights *W, const struct data *d, size_t s, const int *p,
    int pass)
{
	size_t i, a = d->c.sent[s], n = d->c.sent[s + 1] - a;
	size_t tr = W->nfeat * NT;
	const int *gold = d->c.tag + a;
	int pg, pp;

	for (i = 0; i < n; i++) {
		if (gold[i] != p[i]) {
			update_row(W, d->feat, d->fstart[a + i],
			    d->fstart[a + i + 1], gold[i], p[i]);
			if (pass)
				update_row(W, d->dfeat, d->dstart[a + i],
				    d->dstart[a + i + 1], gold[i], p[i]);
		}
		pg = i ? gold[i - 1] : NT;
		pp = i ? p[i - 1] : NT;
		if (pg != pp || gold[i] != p[i]) {
			bump(W, tr + (size_t)pg * NT + gold[i], 1);
			bump(W, tr + (size_t)pp * NT + p[i], -1);
		}
	}
}

static uint64_t rng_state = 1;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static double score_tags(const struct data *d, const int *pred, int used);

/* Train pass on the documents d->use marks; the averaged weights are
 * left in W->w.  With held-out documents, report pass 1's F1 on them
 * after each epoch. */
static void
train(struct weights *W, struct data *d, int epochs, int pass, int verbose)
{
	size_t *order = NULL, no = 0, ocap = 0, i, j, tmp, s, k, total;
	int e, *pred = emalloc((d->c.ntok + 1) * sizeof *pred);

	W->nfeat = dict.n;
	total = W->nfeat * NT + NTRANS;
	W->w = ecalloc(total, sizeof *W->w);
	W->u = ecalloc(total, sizeof *W->u);
	W->c = 1;
	for (k = 0; k < d->c.ndoc; k++)
		for (s = d->c.doc[k]; d->use[k] && s < d->c.doc[k + 1]; s++) {
			order = egrow(order, &ocap, no + 1, sizeof *order);
			order[no++] = s;
		}
	for (e = 1; e <= epochs; e++) {
		for (i = no; i > 1; i--) {
			j = rng() % i;
			tmp = order[i - 1];
			order[i - 1] = order[j];
			order[j] = tmp;
		}
		for (i = 0; i < no; i++) {
			s = order[i];
			decode(W, W->w, d, s, pass, pred);
			update(W, d, s, pred, pass);
			W->c++;
		}
		if (verbose && pass == 0) {
			float *avg = emalloc(total * sizeof *avg);

			for (j = 0; j < total; j++)
				avg[j] = W->w[j] - W->u[j] / W->c;
			for (k = 0; k < d->c.ndoc; k++)
				for (s = d->c.doc[k]; !d->use[k] &&
				    s < d->c.doc[k + 1]; s++)
					decode(W, avg, d, s, 0, pred + d->c.sent[s]);
			fprintf(stderr, "ner-train: epoch %d: held-out first pass F1 %.4f\n",
			    e, score_tags(d, pred, 0));
			free(avg);
		}
	}
	for (j = 0; j < total; j++)
		W->w[j] -= W->u[j] / W->c;
	free(W->u);
	W->u = NULL;
	free(order);
	free(pred);
}

static void
weights_free(struct weights *W)
{
	free(W->w);
	free(W->u);
	memset(W, 0, sizeof *W);
}

/* ---- the first pass's labels of the training text, by folds ---- */

static void
jackknife(struct data *d, int folds, int epochs)
{
	struct weights W = { 0 };
	int *keep = emalloc((d->c.ndoc + 1) * sizeof *keep), f;
	size_t k, s;

	memcpy(keep, d->use, d->c.ndoc * sizeof *keep);
	d->tags1 = ecalloc(d->c.ntok + 1, sizeof *d->tags1);
	for (f = 0; f < folds; f++) {
		for (k = 0; k < d->c.ndoc; k++)
			d->use[k] = keep[k] && (int)(k % (size_t)folds) != f;
		train(&W, d, epochs, 0, 0);
		for (k = 0; k < d->c.ndoc; k++) {
			if (!keep[k] || (int)(k % (size_t)folds) != f)
				continue;
			for (s = d->c.doc[k]; s < d->c.doc[k + 1]; s++)
				decode(&W, W.w, d, s, 0, d->tags1 + d->c.sent[s]);
			prepare_doc(&d->c, k);
			for (s = 0; s < ctx.nsent; s++)
				ner_drop_non_names(&ctx, s, d->tags1 +
				    doc_start(&d->c, k) + ctx.sent[s]);
		}
		weights_free(&W);
		fprintf(stderr, "ner-train: fold %d of %d labelled\n", f + 1, folds);
	}
	memcpy(d->use, keep, d->c.ndoc * sizeof *keep);
	free(keep);
}

/* ---- the model ---- */

/* The model of the two passes' weights (w2 NULL: the second pass is
 * the first), as it will be saved: features with a weight, one scale. */
static void
build(const struct weights *w1, const struct weights *w2)
{
	const struct weights *W[NER_NPASS] = { w1, w2 ? w2 : w1 };
	size_t i, n = 0, t, p, nf = W[1]->nfeat;
	float maxw = 0, scale, v;
	int keep;

	for (p = 0; p < NER_NPASS; p++)
		for (i = 0; i < W[p]->nfeat * NT; i++)
			if (fabsf(W[p]->w[i]) > maxw)
				maxw = fabsf(W[p]->w[i]);
	scale = maxw > 0 ? maxw / 32767 : 1;
	ner_table_free(&model.feats.f);
	free(model.feats.w);
	model.feats.w = ecalloc((nf + 1) * NER_ROW, sizeof *model.feats.w);
	model.feats.scale = scale;
	for (i = 0; i < nf; i++) {
		int16_t *q = model.feats.w + n * NER_ROW;

		for (keep = 0, p = 0; p < NER_NPASS; p++)
			for (t = 0; t < NT; t++) {
				v = i < W[p]->nfeat ? W[p]->w[i * NT + t] / scale : 0;
				q[p * NER_PASSOFF + t] = (int16_t)lrintf(v);
				keep |= q[p * NER_PASSOFF + t] != 0;
			}
		if (keep)
			model.feats.f.keys = egrow(model.feats.f.keys,
			    &model.feats.f.cap, n + 1, sizeof *model.feats.f.keys),
			model.feats.f.keys[n++] = dict.keys[i];
	}
	model.feats.f.n = n;
	ner_feats_index(&model.feats);
	for (p = 0; p < NER_NPASS; p++)
		memcpy(model.trans[p], W[p]->w + W[p]->nfeat * NT,
		    sizeof model.trans[p]);
}

static void
save(const char *path)
{
	const struct ner_model *m = &model;
	uint32_t hdr[4] = { (uint32_t)m->feats.f.n, (uint32_t)m->gaz.t.n,
	    m->gaz.maxlen, (uint32_t)m->cl.t.n };
	FILE *fp;
	size_t i;
	int p;

	if ((fp = fopen(path, "wb")) == NULL)
		die(1, "%s:", path);
	fwrite(NER_MAGIC, 1, 8, fp);
	fwrite(hdr, sizeof *hdr, 4, fp);
	fwrite(&m->feats.scale, sizeof m->feats.scale, 1, fp);
	fwrite(m->trans, sizeof m->trans, 1, fp);
	fwrite(m->feats.f.keys, sizeof *m->feats.f.keys, m->feats.f.n, fp);
	for (i = 0; i < m->feats.f.n; i++)
		for (p = 0; p < NER_NPASS; p++)
			fwrite(m->feats.w + i * NER_ROW + p * NER_PASSOFF,
			    sizeof *m->feats.w, NT, fp);
	fwrite(m->gaz.t.keys, sizeof *m->gaz.t.keys, m->gaz.t.n, fp);
	fwrite(m->gaz.cls, sizeof *m->gaz.cls, m->gaz.t.n, fp);
	fwrite(m->cl.t.keys, sizeof *m->cl.t.keys, m->cl.t.n, fp);
	fwrite(m->cl.path, sizeof *m->cl.path, m->cl.t.n, fp);
	if (fclose(fp) == EOF)
		die(1, "%s:", path);
	fprintf(stderr, "ner-train: wrote %s: %zu features, %zu gazetteer keys, %zu clustered words\n",
	    path, m->feats.f.n, m->gaz.t.n, m->cl.t.n);
}

/* ---- scores ---- */

/* F1 of pred over the documents used (1) or not used (0) in training;
 * with a label, the table per type on stderr. */
static double
report(const struct data *d, const int *pred, int used, const char *label)
{
	unsigned long cnt[NER_NTYPES][3] = { { 0 } }, g = 0, p = 0, ok = 0;
	size_t k, s;
	int t;
	double pr, rc;

	for (k = 0; k < d->c.ndoc; k++)
		for (s = d->c.doc[k]; d->use[k] == used && s < d->c.doc[k + 1]; s++)
			ner_count(d->c.tag + d->c.sent[s], pred + d->c.sent[s],
			    d->c.sent[s + 1] - d->c.sent[s], cnt);
	for (t = 0; t < NER_NTYPES; t++) {
		g += cnt[t][0];
		p += cnt[t][1];
		ok += cnt[t][2];
		if (label)
			fprintf(stderr, "ner-train: %s %-4s F1 %.4f\n", label,
			    ner_types[t], cnt[t][2] ? 2.0 * cnt[t][2] /
			    (cnt[t][0] + cnt[t][1]) : 0);
	}
	pr = p ? (double)ok / p : 0;
	rc = g ? (double)ok / g : 0;
	if (label)
		fprintf(stderr, "ner-train: %s overall F1 %.4f\n", label,
		    pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
	return pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
}

static double
score_tags(const struct data *d, const int *pred, int used)
{
	return report(d, pred, used, NULL);
}

/* Tag the documents of d (used == d->use[k]) as the filter does, with
 * the model built last; report the first pass and both. */
static void
score_model(struct data *d, int used, const char *what)
{
	int *pred = ecalloc(d->c.ntok + 1, sizeof *pred);
	int *p1 = ecalloc(d->c.ntok + 1, sizeof *p1);
	char label[64];
	size_t k, a;

	for (k = 0; k < d->c.ndoc; k++) {
		if (d->use[k] != used)
			continue;
		a = doc_start(&d->c, k);
		ctx.skip = skip;
		ner_tag_doc(&model, &ctx, d->c.w + a, doc_end(&d->c, k) - a,
		    pred + a);
		memcpy(p1 + a, ctx.tags1, (doc_end(&d->c, k) - a) * sizeof *p1);
	}
	snprintf(label, sizeof label, "%s, first pass:", what);
	report(d, p1, used, label);
	snprintf(label, sizeof label, "%s:", what);
	report(d, pred, used, label);
	free(pred);
	free(p1);
}

static void
load(struct data *d, const char *path, size_t holdout, size_t offset)
{
	size_t k;

	memset(d, 0, sizeof *d);
	conll_read(&d->c, path);
	d->use = emalloc((d->c.ndoc + 1) * sizeof *d->use);
	for (k = 0; k < d->c.ndoc; k++)
		d->use[k] = !holdout || k % holdout != offset;
}

int
main(int argc, char **argv)
{
	static struct data tr, dev;
	struct gaz_sources src = GAZ_SOURCES_INIT;
	struct weights w1 = { 0 }, w2 = { 0 };
	const char *out = NULL, *devpath = NULL, *clpath = NULL;
	int c, epochs = 12, folds = 5;
	unsigned long holdout = 0, offset = ULONG_MAX;
	char *end;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((c = opt_next(argc, argv, "he:f:s:H:O:d:k:x:o:" GAZ_OPTS, NULL)) != -1) {
		switch (c) {
		case 'e':
			epochs = atoi(optarg);
			if (epochs < 1)
				opt_bad("bad -e '%s'", optarg);
			break;
		case 'f':
			folds = atoi(optarg);
			if (folds < 2 || folds > 50)
				opt_bad("bad -f '%s': want 2 to 50", optarg);
			break;
		case 's':
			rng_state = strtoull(optarg, &end, 10);
			if (*end || !rng_state)
				opt_bad("bad -s '%s'", optarg);
			break;
		case 'H':
			holdout = strtoul(optarg, &end, 10);
			if (*end || holdout < 2)
				opt_bad("bad -H '%s'", optarg);
			break;
		case 'O':
			offset = strtoul(optarg, &end, 10);
			if (*end)
				opt_bad("bad -O '%s'", optarg);
			break;
		case 'd':
			devpath = optarg;
			break;
		case 'k':
			clpath = optarg;
			break;
		case 'x':
			skip = (strchr(optarg, 'c') ? NER_SKIP_CLUSTERS : 0) |
			    (strchr(optarg, 'k') ? NER_SKIP_CASE : 0) |
			    (strchr(optarg, '2') ? NER_SKIP_PASS2 : 0);
			src.only_own = strchr(optarg, 'g') != NULL;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			if (!gaz_option(&src, c, optarg))
				opt_bad(NULL);
		}
	}
	if (!out || argc - optind != 1)
		opt_bad(NULL);
	if (offset == ULONG_MAX)
		offset = holdout ? holdout - 1 : 0;
	else if (!holdout || offset >= holdout)
		opt_bad("-O wants -H and a number below it");
	load(&tr, argv[optind], holdout, offset);
	gaz_build(&model.gaz, &src, &tr.c);
	if (clpath)
		gaz_clusters(&model.cl, clpath);
	first_features(&tr);
	fprintf(stderr, "ner-train: %zu sentences, %zu first-pass features\n",
	    tr.c.nsent, dict.n);
	if (!(skip & NER_SKIP_PASS2)) {
		jackknife(&tr, folds, epochs);
		second_features(&tr);
	}
	train(&w1, &tr, epochs, 0, holdout != 0);
	if (!(skip & NER_SKIP_PASS2)) {
		train(&w2, &tr, epochs, 1, 0);
		fprintf(stderr, "ner-train: %zu features with the second pass's\n",
		    dict.n);
	}
	build(&w1, skip & NER_SKIP_PASS2 ? NULL : &w2);
	if (holdout)
		score_model(&tr, 0, "held out");
	if (devpath) {
		load(&dev, devpath, 0, 0);
		score_model(&dev, 1, "dev");
	}
	save(out);
	return 0;
}
