/* tag-entities: find the people, organisations, places and other names
 * (nationalities, events, works) in each article with a statistical
 * tagger (lib/entity/ner.h), give every mention a canonical name by the
 * rules of lib/entity/names.h, and add summary columns for spreadsheets. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
#include "entity/names.h"
#include "entity/ner.h"
#include "entity/token.h"
#include "filter.h"
#include "mem.h"
#include "opt.h"
#include "parallel.h"
#include "record.h"
#include "splice.h"

static const char synopsis[] =
    "[--types LIST] [--no-mentions] [--model FILE] [--threads N]\n"
    "       [--merge-only] [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Tag named entities (PER, ORG, LOC, MISC) in NDJSON article records.\n"
    "\n"
    "  --types LIST    report only these types, e.g. PER,ORG\n"
    "  --no-mentions   write the summary fields only, not \"entities\"\n"
    "  --model FILE    the model (default: $NEWSPIPE_MODEL, models/ner.model\n"
    "                  beside the program, ../share/newspipe/ner.model,\n"
    "                  or " DATADIR "/ner.model)\n"
    "  --threads N     tag in N threads (default: one per core); the output\n"
    "                  is the same whatever N\n"
    "  --merge-only    do not tag: merge the canonical names of the records'\n"
    "                  \"entities\" across the stream and redo the summaries\n"
    "  --strict        stop at the first line that is not a JSON object\n"
    "  --rejects FILE  append rejected lines to FILE\n"
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | tag-entities --types PER,ORG | to-csv\n";

enum { OPT_TYPES = OPT_FIRST_OWN, OPT_NO_MENTIONS, OPT_MODEL, OPT_MERGE,
	OPT_THREADS };
/* More would only cost memory: each holds an article and its scratch. */
#define MAX_THREADS	256

static const char *const summary[NER_NTYPES] = {
	[NER_PER] = "persons", [NER_ORG] = "organizations",
	[NER_LOC] = "locations", [NER_MISC] = "misc"
};

/* What every worker reads, and the stream's names (the writer's). */
static struct state {
	struct ner_model *model;
	unsigned types;		/* bit per type to report */
	int mentions, merge_only;
	unsigned threads;
	struct names_seen *seen;	/* the stream's names */
} st;

/* A worker's scratch for tagging one article at a time. */
struct tagger {
	struct ner_ctx ctx;		/* the tagger's */
	struct token_list tl[2];	/* title, body */
	const char *text[2];
	struct ner_word *w;	/* the article's words, title then body */
	size_t nw, wcap;
	int *tags;
	size_t tcap;
	struct names_article art;	/* the article's mentions */
};

static void
setup(void)
{
	st.types = (1u << NER_NTYPES) - 1;
	st.mentions = 1;
	st.seen = names_seen_new();
}

static int
parse_types(const char *s)
{
	char *list = estrdup(s), *p, *save = NULL;
	int t, ok = 1;

	st.types = 0;
	for (p = strtok_r(list, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if ((t = ner_type_of(p)) < 0)
			ok = 0;
		else
			st.types |= 1u << t;
	}
	free(list);
	return ok && st.types;
}

/* Tokenise text onto the end of the article's words (its tokens in
 * tg->tl[part]); a part begins a sentence. */
static void
add_part(struct tagger *tg, const char *text, int part)
{
	struct token_list *tl = &tg->tl[part];
	const struct token *t;
	size_t n, i, base = tg->nw;

	n = token_split(text, strlen(text), tl);
	tg->w = egrow(tg->w, &tg->wcap, base + n + 1, sizeof *tg->w);
	for (i = 0; i < n; i++) {
		t = &tl->v[i];
		tg->w[base + i].s = text + t->off;
		tg->w[base + i].len = t->len;
		tg->w[base + i].brk = i == 0 || t->sent ? NER_BRK_SENT :
		    t->line ? NER_BRK_LINE : NER_BRK_NONE;
	}
	tg->nw += n;
	tg->text[part] = text;
}

static void
add_mentions(struct tagger *tg, int part, size_t base)
{
	const struct token_list *tl = &tg->tl[part];
	const int *tags = tg->tags + base;
	const char *text = tg->text[part];
	struct names_mention *mm;
	size_t i, e, off;

	for (i = 0; text && i < tl->n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, tl->n, i);
		off = tl->v[i].off;
		mm = names_article_add(&tg->art, NER_TYPE(tags[i]), text + off,
		    tl->v[e - 1].off + tl->v[e - 1].len - off, part == 0, e - i);
		mm->start = tl->v[i].cp;
		mm->end = tl->v[e - 1].cp + tl->v[e - 1].cplen;
	}
}

static void
tag_article(struct tagger *tg, const char *title, const char *body)
{
	size_t nt;

	tg->nw = 0;
	tg->text[0] = tg->text[1] = NULL;
	tg->tl[0].n = tg->tl[1].n = 0;
	if (title)
		add_part(tg, title, 0);
	nt = tg->nw;
	if (body)
		add_part(tg, body, 1);
	if (tg->nw == 0)	/* no words, so no tags (tg->tags may be NULL) */
		return;
	tg->tags = egrow(tg->tags, &tg->tcap, tg->nw, sizeof *tg->tags);
	ner_tag_doc(st.model, &tg->ctx, tg->w, tg->nw, tg->tags);
	add_mentions(tg, 0, 0);
	add_mentions(tg, 1, nt);
	names_article_resolve(&tg->art);
}

static json_t *
mentions_json(struct tagger *tg)
{
	json_t *arr = json_array(), *o;
	const struct names_mention *mm, *c;
	size_t i;

	for (i = 0; i < tg->art.n; i++) {
		mm = &tg->art.m[i];
		c = &tg->art.m[mm->canon];
		if (st.types & (1u << mm->type)) {
			o = json_object();
			json_object_set_new(o, "text", json_stringn(mm->s, mm->len));
			json_object_set_new(o, "type", json_string(ner_types[mm->type]));
			json_object_set_new(o, "start", json_integer((json_int_t)mm->start));
			json_object_set_new(o, "end", json_integer((json_int_t)mm->end));
			json_object_set_new(o, "canonical", json_stringn(c->s, c->len));
			if (mm->title)
				json_object_set_new(o, "field", json_string("title"));
			json_array_append_new(arr, o);
		}
	}
	names_article_clear(&tg->art);
	return arr;
}

static void *
tagger_new(void *arg)
{
	(void)arg;
	return ecalloc(1, sizeof(struct tagger));
}

static void
tagger_free(void *arg)
{
	struct tagger *tg = arg;

	if (!tg)
		return;
	ner_ctx_free(&tg->ctx);
	token_list_free(&tg->tl[0]);
	token_list_free(&tg->tl[1]);
	free(tg->w);
	free(tg->tags);
	names_article_free(&tg->art);
	free(tg);
}

/* Across the stream, names whose folded keys match take the first-seen
 * form; then the summary fields.  Tagging and --merge-only both end
 * here, so a parallel run merged afterwards equals a sequential one. */
static enum record_verdict
finish(json_t *rec, json_t *ents, const struct record_src *src)
{
	json_t *lists[NER_NTYPES], *counts = json_object(), *e, *kept;
	const char *canon, *first;
	size_t i;
	int t;

	for (t = 0; t < NER_NTYPES; t++)
		lists[t] = json_array();
	kept = json_array();
	json_array_foreach(ents, i, e) {
		t = ner_type_of(record_str(e, "type"));
		canon = record_str(e, "canonical");
		if (!canon)
			canon = record_str(e, "text");
		if (t < 0 || !canon) {
			record_reject(src, "entities[%zu]: no valid type and name", i);
			goto fail;
		}
		if (!(st.types & (1u << t)))
			continue;
		if ((first = names_seen_first(st.seen, t, canon)) != NULL)
			json_object_set_new(e, "canonical", json_string(first));
		canon = record_str(e, "canonical");
		if (!canon) {
			json_object_set_new(e, "canonical", json_string(record_str(e, "text")));
			canon = record_str(e, "canonical");
		}
		json_object_set_new(counts, canon, json_integer(
		    json_integer_value(json_object_get(counts, canon)) + 1));
		if (json_integer_value(json_object_get(counts, canon)) == 1)
			json_array_append_new(lists[t], json_string(canon));
		json_array_append(kept, e);
	}
	if (st.mentions)
		record_set(rec, "entities", kept);
	else {
		json_object_del(rec, "entities");
		json_decref(kept);
	}
	for (t = 0; t < NER_NTYPES; t++)
		record_set(rec, summary[t], lists[t]);
	record_set(rec, "entity_counts", counts);
	return RECORD_WRITE;
fail:
	for (t = 0; t < NER_NTYPES; t++)
		json_decref(lists[t]);
	json_decref(kept);
	json_decref(counts);
	return RECORD_REJECT;
}

/* A worker's part: the article's mentions (or, with --merge-only, its
 * "entities") as *out, for finish() in input order. */
static enum record_verdict
work(json_t *rec, const struct record_src *src, void *worker, void **out)
{
	json_t *ents;

	if (st.merge_only) {
		ents = json_object_get(rec, "entities");
		if (ents && !json_is_array(ents)) {
			record_reject(src, "\"entities\" is not an array");
			return RECORD_REJECT;
		}
		*out = ents ? json_incref(ents) : json_array();
		return RECORD_WRITE;
	}
	tag_article(worker, record_str(rec, "title"), record_str(rec, "body"));
	*out = mentions_json(worker);
	return RECORD_WRITE;
}

static enum record_verdict
finish_cb(json_t *rec, const struct record_src *src, void *out, void *arg)
{
	enum record_verdict v = finish(rec, out, src);

	(void)arg;
	json_decref(out);
	return v;
}

static const struct parallel_stage stage = { tagger_new, tagger_free, work,
    finish_cb };

/* Both parts in turn, for the fuzz target (lib/filter.h). */
static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	void *out = NULL;

	if (work(rec, src, arg, &out) != RECORD_WRITE)
		return RECORD_REJECT;
	return finish_cb(rec, src, out, NULL);
}

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* --model, $NEWSPIPE_MODEL, models/ner.model in the program's source
 * checkout (bin/ or build/san/bin/ below it), share/newspipe/ner.model
 * beside an installed bin/ (so PREFIX need not match at build time),
 * DATADIR/ner.model. */
static char *
find_model(const char *opt)
{
	char exe[PATH_MAX], path[PATH_MAX + 32], *slash;
	const char *env = getenv("NEWSPIPE_MODEL");
	ssize_t n;
	int up;

	if (opt)
		return estrdup(opt);
	if (env && *env)
		return estrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		for (up = 0; up < 4 && (slash = strrchr(exe, '/')) != NULL; up++) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/models/ner.model", exe);
			if (readable(path))
				return estrdup(path);
			snprintf(path, sizeof path, "%s/share/newspipe/ner.model", exe);
			if (up == 1 && readable(path))
				return estrdup(path);
		}
	}
	return estrdup(DATADIR "/ner.model");
}

/* Load the model (see find_model) or die; a fuzz harness calls this
 * after setup(). */
static void
open_model(const char *opt)
{
	char *path = find_model(opt);

	if ((st.model = ner_load(path)) == NULL)
		die(1, errno == EINVAL ? "%s: not a tag-entities model" :
		    errno == EPROTO ? "%s: a tag-entities model of an older format: "
		    "use the model of this version" : "%s:", path);
	free(path);
}

/* The fields read and owned (lib/splice.h): the rest of a record passes
 * through as it came. */
static const char *const reads[] = { "title", "body", NULL };
static const char *const owns[] = { "entities", "persons", "organizations",
    "locations", "misc", "entity_counts", NULL };

static void
teardown(void *arg)
{
	tagger_free(arg);
	ner_free(st.model);
	st.model = NULL;
	names_seen_free(st.seen);
	st.seen = NULL;
	splice_free();
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ "types", required_argument, NULL, OPT_TYPES },
		{ "no-mentions", no_argument, NULL, OPT_NO_MENTIONS },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ "merge-only", no_argument, NULL, OPT_MERGE },
		{ "threads", required_argument, NULL, OPT_THREADS },
		{ NULL, 0, NULL, 0 }
	};
	const char *model = NULL;
	int c, status;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	setup();
	while ((c = opt_next(argc, argv, "hV", longopts)) != -1) {
		switch (c) {
		case OPT_TYPES:
			if (!parse_types(optarg))
				opt_bad("bad --types '%s': want a list of PER, ORG, LOC, MISC",
				    optarg);
			break;
		case OPT_NO_MENTIONS:
			st.mentions = 0;
			break;
		case OPT_MODEL:
			model = optarg;
			break;
		case OPT_MERGE:
			st.merge_only = 1;
			break;
		case OPT_THREADS:
			st.threads = (unsigned)opt_int("--threads", optarg, 1,
			    MAX_THREADS);
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (!st.merge_only)
		open_model(model);
	/* --merge-only has no tagging to share out */
	if (st.merge_only || !st.threads)
		st.threads = st.merge_only ? 1 : parallel_cores();
	splice_use(st.merge_only ? NULL : reads, owns);
	status = parallel_each(argc - optind, argv + optind, st.threads, &stage,
	    NULL);
	teardown(NULL);
	return record_done(status);
}

/* For the fuzz target (lib/filter.h): the model of this checkout, found
 * as the program finds it, and one tagger. */
static void *
filter_setup(void)
{
	setup();
	open_model(NULL);
	splice_use(reads, owns);
	return tagger_new(NULL);
}

const struct filter filter = { "tag-entities", filter_setup, each, NULL,
    teardown };
