/* ner-score: score a tag-entities model on a CoNLL-2003 file the CoNLL
 * way (a mention counts when its span and type are both exact), with the
 * decoder the filter uses; --bench also times loading and tagging. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "conll.h"
#include "diag.h"
#include "opt.h"
#include "mem.h"
#include "entity/ner.h"
#include "entity/token.h"

#include <jansson.h>

static const char synopsis[] =
    "[--bench] [--min-f1 F] --model MODEL FILE\n"
    "       ner-score --tokens NDJSON";
static const char help[] =
    "Score a tag-entities model on a CoNLL-2003 file (exact span and type).\n"
    "\n"
    "  --model MODEL  the model file\n"
    "  --bench        also report load time, tokens per second and peak memory\n"
    "  --min-f1 F     exit 1 if the overall F1 is below F (a regression check)\n"
    "  --tokens       print the number of tokens of the titles and bodies of\n"
    "                 the NDJSON records of FILE (for tokens per second)\n"
    "\n"
    "Example:\n"
    "  ner-score --model models/ner.model ../shared/ner/dev.txt\n";

/* The tokens of the titles and bodies of the records of path. */
static unsigned long
count_tokens(const char *path)
{
	struct token_list tl = TOKEN_LIST_INIT;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	unsigned long n = 0;
	json_t *rec, *v;
	const char *const fields[] = { "title", "body" };
	int k;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while (getline(&line, &cap, fp) != -1) {
		if ((rec = json_loads(line, 0, NULL)) == NULL)
			continue;
		for (k = 0; k < 2; k++)
			if (json_is_string(v = json_object_get(rec, fields[k])))
				n += token_split(json_string_value(v),
				    json_string_length(v), &tl);
		json_decref(rec);
	}
	fclose(fp);
	free(line);
	token_list_free(&tl);
	return n;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Print one row of the table; returns its F1. */
static double
row(const char *name, const unsigned long *c)
{
	double p = c[1] ? (double)c[2] / c[1] : 0, r = c[0] ? (double)c[2] / c[0] : 0;
	double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

	printf("%-8s %9.4f %9.4f %9.4f %7lu %9lu %7lu\n", name, p, r, f, c[0],
	    c[1], c[2]);
	return f;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "model", required_argument, NULL, 'm' },
		{ "bench", no_argument, NULL, 'b' },
		{ "min-f1", required_argument, NULL, 'f' },
		{ "tokens", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long cnt[NER_NTYPES][3] = { { 0 } }, all[3] = { 0 };
	const char *model = NULL;
	struct ner_model *m;
	struct ner_ctx ctx = { 0 };
	struct conll c;
	struct rusage ru;
	int ch, bench = 0, tokens = 0, *tags, t, k, rounds = 1;
	size_t s, n, ncap = 0, d, a;
	double t0, tload, ttag, best = 1e9, minf1 = 0, f1;
	char *end;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	while ((ch = opt_next(argc, argv, "h", longopts)) != -1) {
		switch (ch) {
		case 'm':
			model = optarg;
			break;
		case 'b':
			bench = 1;
			break;
		case 't':
			tokens = 1;
			break;
		case 'f':
			minf1 = strtod(optarg, &end);
			if (*end || end == optarg || minf1 < 0 || minf1 > 1)
				opt_bad(NULL);
			break;
		default:
			opt_bad(NULL);
		}
	}
	if (tokens && argc - optind == 1) {
		printf("%lu\n", count_tokens(argv[optind]));
		return 0;
	}
	if (!model || argc - optind != 1)
		opt_bad(NULL);
	conll_read(&c, argv[optind]);
	t0 = now();
	if ((m = ner_load(model)) == NULL)
		die(1, errno == EINVAL ? "%s: not a tag-entities model" :
		    errno == EPROTO ? "%s: a model of an older format: retrain it (make model)" :
		    "%s:", model);
	tload = now() - t0;
	tags = NULL;
	if (bench)
		rounds = 5;
	for (k = 0; k < rounds; k++) {
		t0 = now();
		tags = egrow(tags, &ncap, c.ntok + 1, sizeof *tags);
		for (d = 0; d < c.ndoc; d++) {
			a = c.sent[c.doc[d]];
			ner_tag_doc(m, &ctx, c.w + a, c.sent[c.doc[d + 1]] - a,
			    tags + a);
		}
		for (s = 0; k == 0 && s < c.nsent; s++) {
			n = c.sent[s + 1] - c.sent[s];
			ner_count(c.tag + c.sent[s], tags + c.sent[s], n, cnt);
		}
		ttag = now() - t0;
		if (ttag < best)
			best = ttag;
	}
	printf("%-8s %9s %9s %9s %7s %9s %7s\n", "type", "precision", "recall",
	    "F1", "gold", "predicted", "correct");
	for (t = 0; t < NER_NTYPES; t++) {
		row(ner_types[t], cnt[t]);
		all[0] += cnt[t][0];
		all[1] += cnt[t][1];
		all[2] += cnt[t][2];
	}
	f1 = row("overall", all);
	if (bench) {
		getrusage(RUSAGE_SELF, &ru);
		printf("model load: %.1f ms\n", tload * 1000);
		printf("tagging: %zu tokens in %.3f s: %.0f tokens/s (best of %d)\n",
		    c.ntok, best, c.ntok / best, rounds);
		printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
	}
	free(tags);
	ner_ctx_free(&ctx);
	ner_free(m);
	conll_free(&c);
	if (f1 < minf1) {
		warn("overall F1 %.4f is below %.4f", f1, minf1);
		return 1;
	}
	return 0;
}
