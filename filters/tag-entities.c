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
#include "record.h"

static const char synopsis[] =
    "[--types LIST] [--no-mentions] [--model FILE] [--merge-only]\n"
    "       [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Tag named entities (PER, ORG, LOC, MISC) in NDJSON article records.\n"
    "\n"
    "  --types LIST    report only these types, e.g. PER,ORG\n"
    "  --no-mentions   write the summary fields only, not \"entities\"\n"
    "  --model FILE    the model (default: $NEWSPIPE_MODEL, models/ner.model\n"
    "                  beside the program, ../share/newspipe/ner.model,\n"
    "                  or " DATADIR "/ner.model)\n"
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

enum { OPT_TYPES = OPT_FIRST_OWN, OPT_NO_MENTIONS, OPT_MODEL, OPT_MERGE };

static const char *const summary[NER_NTYPES] = {
	[NER_PER] = "persons", [NER_ORG] = "organizations",
	[NER_LOC] = "locations", [NER_MISC] = "misc"
};

static struct state {
	struct ner_model *model;
	struct ner_ctx ctx;		/* the tagger's scratch */
	unsigned types;		/* bit per type to report */
	int mentions, merge_only;
	struct names_seen *seen;	/* the stream's names */
	struct token_list tl[2];	/* title, body */
	const char *text[2];
	struct ner_word *w;	/* the article's words, title then body */
	size_t nw, wcap;
	int *tags;
	size_t tcap;
	struct names_article art;	/* the article's mentions */
} st;

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
 * st.tl[part]); a part begins a sentence. */
static void
add_part(const char *text, int part)
{
	struct token_list *tl = &st.tl[part];
	const struct token *t;
	size_t n, i, base = st.nw;

	n = token_split(text, strlen(text), tl);
	st.w = egrow(st.w, &st.wcap, base + n + 1, sizeof *st.w);
	for (i = 0; i < n; i++) {
		t = &tl->v[i];
		st.w[base + i].s = text + t->off;
		st.w[base + i].len = t->len;
		st.w[base + i].brk = i == 0 || t->sent ? NER_BRK_SENT :
		    t->line ? NER_BRK_LINE : NER_BRK_NONE;
	}
	st.nw += n;
	st.text[part] = text;
}

static void
add_mentions(int part, size_t base)
{
	const struct token_list *tl = &st.tl[part];
	const int *tags = st.tags + base;
	const char *text = st.text[part];
	struct names_mention *mm;
	size_t i, e, off;

	for (i = 0; text && i < tl->n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, tl->n, i);
		off = tl->v[i].off;
		mm = names_article_add(&st.art, NER_TYPE(tags[i]), text + off,
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
tag_words(void)
{
	size_t a, e;

	for (a = 0; a < st.nw; a = e) {
		e = st.nw - a > DOC_WORDS ? a + DOC_WORDS : st.nw;
		while (e < st.nw && e > a + DOC_WORDS / 2 && st.w[e].brk != NER_BRK_SENT)
			e--;
		ner_tag_doc(st.model, &st.ctx, st.w + a, e - a, st.tags + a);
	}
}

static void
tag_article(const char *title, const char *body)
{
	size_t nt;

	st.nw = 0;
	st.text[0] = st.text[1] = NULL;
	st.tl[0].n = st.tl[1].n = 0;
	if (title)
		add_part(title, 0);
	nt = st.nw;
	if (body)
		add_part(body, 1);
	if (st.nw == 0)		/* no words, so no tags (st.tags may be NULL) */
		return;
	st.tags = egrow(st.tags, &st.tcap, st.nw, sizeof *st.tags);
	tag_words();
	add_mentions(0, 0);
	add_mentions(1, nt);
	names_article_resolve(&st.art);
}

/* The arrays of one long article are given back once it is tagged
 * (its mentions keep their own offsets), not kept for the next: the
 * memory of an article then holds only what its record needs. */
#define KEEP_WORDS (1 << 16)

static void
free_words(void)
{
	token_list_free(&st.tl[0]);
	token_list_free(&st.tl[1]);
	free(st.w);
	free(st.tags);
	st.w = NULL;
	st.tags = NULL;
	st.wcap = st.tcap = 0;
}

static void
give_back(void)
{
	if (st.wcap > KEEP_WORDS)
		free_words();
}

static json_t *
mentions_json(void)
{
	json_t *arr = json_array(), *o;
	const struct names_mention *mm, *c;
	size_t i;

	for (i = 0; i < st.art.n; i++) {
		mm = &st.art.m[i];
		c = &st.art.m[mm->canon];
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
	if (st.art.cap > KEEP_WORDS)
		names_article_free(&st.art);
	else
		names_article_clear(&st.art);
	return arr;
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

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	const char *title, *body;
	json_t *ents;
	enum record_verdict v;

	(void)arg;
	if (st.merge_only) {
		ents = json_object_get(rec, "entities");
		if (ents && !json_is_array(ents)) {
			record_reject(src, "\"entities\" is not an array");
			return RECORD_REJECT;
		}
		ents = ents ? json_incref(ents) : json_array();
	} else {
		title = record_str(rec, "title");
		body = record_str(rec, "body");
		tag_article(title, body);
		give_back();
		ents = mentions_json();
	}
	v = finish(rec, ents, src);
	json_decref(ents);
	return v;
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

static void
teardown(void *arg)
{
	(void)arg;
	ner_free(st.model);
	st.model = NULL;
	ner_ctx_free(&st.ctx);
	names_seen_free(st.seen);
	st.seen = NULL;
	free_words();
	names_article_free(&st.art);
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
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (!st.merge_only)
		open_model(model);
	status = record_each(argc - optind, argv + optind, each, NULL);
	teardown(NULL);
	return record_done(status);
}

/* For the fuzz target (lib/filter.h): the model of this checkout, found
 * as the program finds it. */
static void *
filter_setup(void)
{
	setup();
	open_model(NULL);
	return NULL;
}

const struct filter filter = { "tag-entities", filter_setup, each, NULL,
    teardown };
