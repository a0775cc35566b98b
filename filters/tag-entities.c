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
#include "jsonout.h"
#include "keymap.h"
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
    RECORD_HELP
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

/* The tagger's second pass reads a whole document.  An article of more
 * than DOC_WORDS words is tagged as documents of at most that many, cut
 * where a sentence begins, so that the tagger's memory is bounded; news
 * articles are far shorter and are one document. */
#define DOC_WORDS (1 << 17)

static void
tag_words(struct tagger *tg)
{
	size_t a, e;

	for (a = 0; a < tg->nw; a = e) {
		e = tg->nw - a > DOC_WORDS ? a + DOC_WORDS : tg->nw;
		while (e < tg->nw && e > a + DOC_WORDS / 2 && tg->w[e].brk != NER_BRK_SENT)
			e--;
		ner_tag_doc(st.model, &tg->ctx, tg->w + a, e - a, tg->tags + a);
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
	tag_words(tg);
	add_mentions(tg, 0, 0);
	add_mentions(tg, 1, nt);
	names_article_resolve(&tg->art);
}

/* The arrays of one long article are given back once it is tagged
 * (its mentions keep their own offsets), not kept for the next: the
 * memory of an article then holds only what its record needs. */
#define KEEP_WORDS (1 << 16)

static void
free_words(struct tagger *tg)
{
	token_list_free(&tg->tl[0]);
	token_list_free(&tg->tl[1]);
	free(tg->w);
	free(tg->tags);
	tg->w = NULL;
	tg->tags = NULL;
	tg->wcap = tg->tcap = 0;
}

static void
give_back(struct tagger *tg)
{
	if (tg->wcap > KEEP_WORDS)
		free_words(tg);
}

/* The mentions of an article for the stream's merge: tagged (their
 * text and place), or with --merge-only the "entities" read, each
 * written again with its canonical name merged. */
struct ment {
	enum ner_type type;
	const char *canon;	/* its name before the merge */
	size_t clen;
	json_t *e;		/* --merge-only: the entity as read */
	const char *s;		/* tagged: the mention's text, place, field */
	size_t len, start, end;
	int title;
};

struct mentions {
	struct ment *m;
	size_t n;
	json_t *ents;		/* --merge-only: the array, held */
	long bad;		/* --merge-only: the first entity with no valid
				 * type and name, or -1 */
};

/* The article's mentions of the types reported, from its names. */
static struct mentions *
tagged_mentions(struct tagger *tg)
{
	struct mentions *ms = ecalloc(1, sizeof *ms);
	const struct names_mention *mm, *c;
	struct ment *m;
	size_t i;

	ms->m = emalloc((tg->art.n + 1) * sizeof *ms->m);
	ms->bad = -1;
	for (i = 0; i < tg->art.n; i++) {
		mm = &tg->art.m[i];
		c = &tg->art.m[mm->canon];
		if (!(st.types & (1u << mm->type)))
			continue;
		m = &ms->m[ms->n++];
		memset(m, 0, sizeof *m);
		m->type = mm->type;
		m->canon = c->s;
		m->clen = c->len;
		m->s = mm->s;
		m->len = mm->len;
		m->start = mm->start;
		m->end = mm->end;
		m->title = mm->title;
	}
	if (tg->art.cap > KEEP_WORDS)
		names_article_free(&tg->art);
	else
		names_article_clear(&tg->art);
	return ms;
}

/* --merge-only: the record's entities, up to the first without a valid
 * type and name (the record is rejected at it, in input order, after
 * the names before it joined the stream's, as they always have). */
static struct mentions *
read_mentions(json_t *ents)
{
	struct mentions *ms = ecalloc(1, sizeof *ms);
	const char *canon;
	struct ment *m;
	json_t *e;
	size_t i;
	int t;

	ms->ents = json_incref(ents);
	ms->m = emalloc((json_array_size(ents) + 1) * sizeof *ms->m);
	ms->bad = -1;
	json_array_foreach(ents, i, e) {
		t = ner_type_of(record_str(e, "type"));
		if (!(canon = record_str(e, "canonical")))
			canon = record_str(e, "text");
		if (t < 0 || !canon) {
			ms->bad = (long)i;
			break;
		}
		m = &ms->m[ms->n++];
		memset(m, 0, sizeof *m);
		m->type = t;
		m->canon = canon;
		m->clen = strlen(canon);
		m->e = e;
	}
	return ms;
}

static void
mentions_free(struct mentions *ms)
{
	if (!ms)
		return;
	json_decref(ms->ents);
	free(ms->m);
	free(ms);
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
	free_words(tg);
	names_article_free(&tg->art);
	free(tg);
}

/* The writer's buffers: the owned fields' JSON text, made for each
 * record, and the count of each name in it. */
static struct {
	struct buf ents, lists[NER_NTYPES], counts;
	struct keymap seen;	/* name -> its index in n */
	size_t *n, ncap;
} w;

static void
add_entity(const struct ment *m, const char *canon, size_t clen)
{
	if (w.ents.len > 1)
		buf_addc(&w.ents, ',');
	if (m->e) {
		record_set(m->e, "canonical", json_stringn(canon, clen));
		jsonout_value(&w.ents, m->e);
		return;
	}
	buf_adds(&w.ents, "{\"text\":");
	jsonout_string(&w.ents, m->s, m->len);
	buf_printf(&w.ents, ",\"type\":\"%s\",\"start\":%zu,\"end\":%zu,"
	    "\"canonical\":", ner_types[m->type], m->start, m->end);
	jsonout_string(&w.ents, canon, clen);
	buf_adds(&w.ents, m->title ? ",\"field\":\"title\"}" : "}");
}

/* One more mention of the name canon in the record: counted, and the
 * first time, listed under its type (a name under two types is listed
 * under the first, and counted once for both, as entity_counts is
 * keyed by name). */
static void
count_name(enum ner_type type, const char *canon, size_t clen)
{
	size_t before = w.seen.n;
	struct keyent *e = keymap_get(&w.seen, canon, clen, before);

	if (w.seen.n > before) {
		w.n = egrow(w.n, &w.ncap, w.seen.n, sizeof *w.n);
		w.n[before] = 0;
		if (w.lists[type].len > 1)
			buf_addc(&w.lists[type], ',');
		jsonout_string(&w.lists[type], canon, clen);
	}
	w.n[e->val]++;
}

/* entity_counts from the names counted, in the order first seen. */
static void
counts_json(void)
{
	size_t k;

	buf_reset(&w.counts);
	buf_addc(&w.counts, '{');
	for (k = 0; k < w.seen.n; k++) {
		if (k)
			buf_addc(&w.counts, ',');
		jsonout_string(&w.counts, keymap_key(&w.seen, &w.seen.e[k]),
		    w.seen.e[k].len);
		buf_printf(&w.counts, ":%zu", w.n[k]);
	}
	buf_addc(&w.counts, '}');
}

static void
set_raw(json_t *rec, const char *key, const struct buf *b)
{
	record_set(rec, key, json_stringn(b->s, b->len));
}

/* Across the stream, names whose folded keys match take the first-seen
 * form; then the summary fields, written as JSON text (lib/splice.h's
 * raw fields).  Tagging and --merge-only both end here, so a run in
 * chunks merged afterwards equals one run. */
static enum record_verdict
finish(json_t *rec, const struct mentions *ms, const struct record_src *src)
{
	const struct ment *m;
	const char *canon, *first;
	size_t i, clen;
	int t;

	buf_reset(&w.ents);
	buf_addc(&w.ents, '[');
	for (t = 0; t < NER_NTYPES; t++) {
		buf_reset(&w.lists[t]);
		buf_addc(&w.lists[t], '[');
	}
	keymap_clear(&w.seen);
	for (i = 0; i < ms->n; i++) {
		m = &ms->m[i];
		if (!(st.types & (1u << m->type)))
			continue;
		canon = m->canon;
		clen = m->clen;
		if ((first = names_seen_firstn(st.seen, m->type, canon, clen))) {
			canon = first;
			clen = strlen(first);
		}
		/* counted first: add_entity() frees a --merge-only
		 * entity's old "canonical", which canon may be */
		count_name(m->type, canon, clen);
		add_entity(m, canon, clen);
	}
	if (ms->bad >= 0) {
		record_reject(src, "entities[%ld]: no valid type and name", ms->bad);
		return RECORD_REJECT;
	}
	buf_addc(&w.ents, ']');
	if (st.mentions)
		set_raw(rec, "entities", &w.ents);
	else
		json_object_del(rec, "entities");
	for (t = 0; t < NER_NTYPES; t++) {
		buf_addc(&w.lists[t], ']');
		set_raw(rec, summary[t], &w.lists[t]);
	}
	counts_json();
	set_raw(rec, "entity_counts", &w.counts);
	return RECORD_WRITE;
}

static void
finish_free(void)
{
	int t;

	buf_free(&w.ents);
	for (t = 0; t < NER_NTYPES; t++)
		buf_free(&w.lists[t]);
	buf_free(&w.counts);
	keymap_free(&w.seen);
	free(w.n);
	w.n = NULL;
	w.ncap = 0;
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
		ents = ents ? json_incref(ents) : json_array();
		*out = read_mentions(ents);
		json_decref(ents);
		return RECORD_WRITE;
	}
	tag_article(worker, record_str(rec, "title"), record_str(rec, "body"));
	give_back(worker);
	*out = tagged_mentions(worker);
	return RECORD_WRITE;
}

static enum record_verdict
finish_cb(json_t *rec, const struct record_src *src, void *out, void *arg)
{
	enum record_verdict v = finish(rec, out, src);

	(void)arg;
	mentions_free(out);
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
	finish_free();
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
	splice_raw(owns);
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
	splice_raw(owns);
	return tagger_new(NULL);
}

const struct filter filter = { "tag-entities", filter_setup, each, NULL,
    teardown };
