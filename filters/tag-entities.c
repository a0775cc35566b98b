/* tag-entities: find the people, organisations, places and other names
 * (nationalities, events, works) in each article with a statistical
 * tagger (lib/ner.c), give every mention a canonical name, and add
 * summary columns for spreadsheets. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "filter.h"
#include "mem.h"
#include "opt.h"
#include "entity/ner.h"
#include "record.h"
#include "text.h"
#include "entity/token.h"

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
    "  --reject-log FILE\n"
    "                  append a JSON line for each rejected line to\n"
    "                  FILE: program, file, line, reason, input\n"
    "  --max-bytes N   reject a line over N bytes; K, M, G for 2^10,\n"
    "                  2^20, 2^30; 0: no limit (default 64M)\n"
    "  --rejects-ok    exit 0 if rejected lines were all that went wrong\n"
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | tag-entities --types PER,ORG | to-csv\n";

enum { OPT_TYPES = OPT_FIRST_OWN, OPT_NO_MENTIONS, OPT_MODEL, OPT_MERGE };

static const char *const summary[NER_NTYPES] = { "persons", "organizations",
    "locations", "misc" };

/* One mention while an article is being tagged. */
struct mention {
	int type;
	size_t start, end;	/* code points */
	size_t off, len;	/* bytes into its text */
	const char *text;
	int title;
	size_t ntok;
	char **words;		/* folded words, for the in-article merge */
	size_t nwords;
	size_t canon;		/* index of the mention naming it */
	size_t times;		/* mentions of the same name in the article */
};

static struct state {
	struct ner_model *model;
	unsigned types;		/* bit per type to report */
	int mentions, merge_only;
	json_t *seen;		/* folded key -> first-seen canonical name */
	struct token_list tl[2];	/* title, body */
	const char *text[2];
	struct ner_word *w;	/* the article's words, title then body */
	size_t nw, wcap;
	int *tags;
	size_t tcap;
	struct mention *m;
	size_t nm, mcap;
} st;

static void
setup(void)
{
	st.types = (1u << NER_NTYPES) - 1;
	st.mentions = 1;
	if (!(st.seen = json_object()))
		die(1, "out of memory");
}

static int
parse_types(const char *s)
{
	char *list = estrdup(s), *p, *save = NULL;
	int t, ok = 1;

	st.types = 0;
	for (p = strtok_r(list, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		for (t = 0; t < NER_NTYPES; t++)
			if (strcmp(p, ner_types[t]) == 0)
				break;
		if (t == NER_NTYPES)
			ok = 0;
		else
			st.types |= 1u << t;
	}
	free(list);
	return ok && st.types;
}

/* Folded words of a name: case, accents and compatibility forms folded,
 * apostrophes dropped (O'Neill, O’Neill), hyphens and other punctuation
 * treated as spaces (Kim Jong-un, Kim Jong Un and KIM JONG UN give the
 * same words). */
static char **
fold_words(const char *s, size_t n, size_t *nwords)
{
	char *f = text_fold(s, n, NULL), **v = NULL, *p;
	struct buf w = BUF_INIT;
	size_t cap = 0, k = 0;
	int32_t cp;
	int l;

	for (p = f;; p += l) {
		if (!*p || (l = text_decode(p, strlen(p), &cp)) <= 0)
			l = 1, cp = ' ';
		if (text_is_alpha(cp))
			buf_add(&w, p, (size_t)l);
		else if (cp != '\'' && cp != 0x2019 && cp != 0x02BC && w.len) {
			v = egrow(v, &cap, k + 1, sizeof *v);
			v[k++] = buf_take(&w);
		}
		if (!*p)
			break;
	}
	buf_free(&w);
	free(f);
	*nwords = k;
	return v;
}

static char *
fold_key(int type, const char *s)
{
	struct buf b = BUF_INIT;
	char **v;
	size_t n, i;

	v = fold_words(s, strlen(s), &n);
	buf_adds(&b, ner_types[type]);
	for (i = 0; i < n; i++) {
		buf_addc(&b, i ? ' ' : '\t');
		buf_adds(&b, v[i]);
		free(v[i]);
	}
	free(v);
	return buf_take(&b);
}

/* Tokenise text onto the end of the article's words (its tokens in
 * st.tl[part]) and tag it sentence by sentence. */
static void
tag_part(const char *text, int part)
{
	struct token_list *tl = &st.tl[part];
	size_t n, i, j, a, base = st.nw;

	n = token_split(text, strlen(text), tl);
	st.w = egrow(st.w, &st.wcap, base + n + 1, sizeof *st.w);
	st.tags = egrow(st.tags, &st.tcap, base + n + 1, sizeof *st.tags);
	for (i = 0; i < n; i++) {
		st.w[base + i].s = text + tl->v[i].off;
		st.w[base + i].len = tl->v[i].len;
	}
	for (a = 0; a < n; a = j) {
		for (j = a + 1; j < n && !tl->v[j].sent; j++)
			;
		ner_tag(st.model, st.w + base + a, j - a, st.tags + base + a);
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
	struct mention *mm;
	size_t i, e;

	for (i = 0; text && i < tl->n; i = e) {
		e = i + 1;
		if (tags[i] == NER_O)
			continue;
		e = ner_span_end(tags, tl->n, i);
		st.m = egrow(st.m, &st.mcap, st.nm + 1, sizeof *st.m);
		mm = &st.m[st.nm];
		mm->type = NER_TYPE(tags[i]);
		mm->start = tl->v[i].cp;
		mm->end = tl->v[e - 1].cp + tl->v[e - 1].cplen;
		mm->off = tl->v[i].off;
		mm->len = tl->v[e - 1].off + tl->v[e - 1].len - mm->off;
		mm->text = text;
		mm->title = part == 0;
		mm->ntok = e - i;
		mm->words = fold_words(text + mm->off, mm->len, &mm->nwords);
		mm->canon = st.nm++;
	}
}

/* Headlines are written in title case, which the training data never
 * is: a one-word name in the title takes the type the body gives it. */
static void
retype_title(void)
{
	size_t i, j;
	struct mention *a, *b;

	for (i = 0; i < st.nm; i++) {
		a = &st.m[i];
		if (!a->title || a->ntok != 1)
			continue;
		for (j = 0; j < st.nm; j++) {
			b = &st.m[j];
			if (!b->title && b->ntok == 1 && b->len == a->len &&
			    memcmp(b->text + b->off, a->text + a->off, a->len) == 0) {
				a->type = b->type;
				break;
			}
		}
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
		tag_part(title, 0);
	nt = st.nw;
	if (body)
		tag_part(body, 1);
	if (st.nw == 0)		/* no words, so no tags (st.tags may be NULL) */
		return;
	ner_doc_fix(st.w, st.nw, st.tags);
	add_mentions(0, 0);
	add_mentions(1, nt);
	retype_title();
}

static int
all_caps(const struct mention *m)
{
	const char *p = m->text + m->off, *end = p + m->len;
	int32_t cp;
	int l, caps = 0;

	for (; p < end; p += l) {
		if ((l = text_decode(p, (size_t)(end - p), &cp)) <= 0)
			return 0;
		if (text_is_upper(cp))
			caps++;
		else if (utf8proc_tolower(cp) != utf8proc_toupper(cp))
			return 0;
	}
	return caps > 1;
}

/* The key of words [from, to) of m's name: its type and folded words. */
static const char *
name_key(struct buf *b, const struct mention *m, size_t from, size_t to)
{
	size_t k;

	buf_reset(b);
	buf_adds(b, ner_types[m->type]);
	for (k = from; k < to; k++) {
		buf_addc(b, k > from ? ' ' : '\t');
		buf_adds(b, m->words[k]);
	}
	return b->s;
}

static size_t
get_index(json_t *map, const char *key, size_t none)
{
	json_t *v = json_object_get(map, key);

	return v ? (size_t)json_integer_value(v) : none;
}

/* Mention j names a longer name whose words [from, to) a one-word
 * mention may stand for: keep the best such name for that key. */
static void
offer(json_t *parts, struct buf *b, size_t j, size_t from, size_t to)
{
	const struct mention *c = &st.m[j], *best;
	size_t i = get_index(parts, name_key(b, c, from, to), st.nm);

	best = i < st.nm ? &st.m[i] : NULL;
	if (!best || c->times > best->times ||
	    (c->times == best->times && c->nwords > best->nwords))
		json_object_set_new(parts, b->s, json_integer((json_int_t)j));
}

/* Within an article, Putin is Vladimir Putin: a one-word mention of a
 * person or organisation that is the first or last words of a longer
 * name of the same type takes that name; of several, the one named most
 * often (then the longest, then the first).  Places are left alone, as
 * their names nest (Korea, North Korea).  A name in capitals takes the
 * same name in mixed case if the article has it (a dateline's BEIJING
 * is the Beijing of the text).  Maps keep this linear in the mentions. */
static void
merge_in_article(void)
{
	json_t *times = json_object(), *mixed = json_object(),
	    *parts = json_object();
	struct buf b = BUF_INIT;
	struct mention *a;
	size_t i, j, k;

	for (i = 0; i < st.nm; i++) {
		name_key(&b, &st.m[i], 0, st.m[i].nwords);
		json_object_set_new(times, b.s, json_integer(1 +
		    (json_int_t)get_index(times, b.s, 0)));
		if (!all_caps(&st.m[i]) && !json_object_get(mixed, b.s))
			json_object_set_new(mixed, b.s, json_integer((json_int_t)i));
	}
	for (i = 0; i < st.nm; i++) {
		a = &st.m[i];
		a->times = get_index(times, name_key(&b, a, 0, a->nwords), 0);
		if (all_caps(a) && (j = get_index(mixed, b.s, st.nm)) < st.nm)
			a->canon = j;
	}
	for (j = 0; j < st.nm; j++) {
		if (st.m[j].type > 1)
			continue;
		for (k = 1; k < st.m[j].nwords; k++) {
			offer(parts, &b, j, 0, k);
			offer(parts, &b, j, st.m[j].nwords - k, st.m[j].nwords);
		}
	}
	for (i = 0; i < st.nm; i++) {
		a = &st.m[i];
		if (a->type > 1 || a->ntok != 1 || a->nwords == 0)
			continue;
		if ((j = get_index(parts, name_key(&b, a, 0, a->nwords), st.nm)) < st.nm)
			a->canon = st.m[j].canon;
	}
	buf_free(&b);
	json_decref(times);
	json_decref(mixed);
	json_decref(parts);
}

static json_t *
mentions_json(void)
{
	json_t *arr = json_array(), *o;
	struct mention *mm, *c;
	size_t i, k;

	for (i = 0; i < st.nm; i++) {
		mm = &st.m[i];
		c = &st.m[mm->canon];
		if (st.types & (1u << mm->type)) {
			o = json_object();
			json_object_set_new(o, "text",
			    json_stringn(mm->text + mm->off, mm->len));
			json_object_set_new(o, "type", json_string(ner_types[mm->type]));
			json_object_set_new(o, "start", json_integer((json_int_t)mm->start));
			json_object_set_new(o, "end", json_integer((json_int_t)mm->end));
			json_object_set_new(o, "canonical",
			    json_stringn(c->text + c->off, c->len));
			if (mm->title)
				json_object_set_new(o, "field", json_string("title"));
			json_array_append_new(arr, o);
		}
	}
	for (i = 0; i < st.nm; i++) {
		for (k = 0; k < st.m[i].nwords; k++)
			free(st.m[i].words[k]);
		free(st.m[i].words);
	}
	st.nm = 0;
	return arr;
}

static int
type_of(const char *s)
{
	int t;

	for (t = 0; s && t < NER_NTYPES; t++)
		if (strcmp(s, ner_types[t]) == 0)
			return t;
	return -1;
}

/* Across the stream, names whose folded keys match take the first-seen
 * form; then the summary fields.  Tagging and --merge-only both end
 * here, so a parallel run merged afterwards equals a sequential one. */
static enum record_verdict
finish(json_t *rec, json_t *ents, const struct record_src *src)
{
	json_t *lists[NER_NTYPES], *counts = json_object(), *e, *kept, *first;
	const char *canon;
	char *key;
	size_t i;
	int t;

	for (t = 0; t < NER_NTYPES; t++)
		lists[t] = json_array();
	kept = json_array();
	json_array_foreach(ents, i, e) {
		t = type_of(record_str(e, "type"));
		canon = record_str(e, "canonical");
		if (!canon)
			canon = record_str(e, "text");
		if (t < 0 || !canon) {
			record_reject(src, "entities[%zu]: no valid type and name", i);
			goto fail;
		}
		if (!(st.types & (1u << t)))
			continue;
		key = fold_key(t, canon);
		if ((first = json_object_get(st.seen, key)) == NULL)
			json_object_set_new(st.seen, key, json_string(canon));
		else
			json_object_set_new(e, "canonical", json_copy(first));
		free(key);
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
		merge_in_article();
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
		die(1, errno == EINVAL ? "%s: not a tag-entities model" : "%s:",
		    path);
	free(path);
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
	ner_free(st.model);
	json_decref(st.seen);
	token_list_free(&st.tl[0]);
	token_list_free(&st.tl[1]);
	free(st.w);
	free(st.tags);
	free(st.m);
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

const struct filter filter = { "tag-entities", filter_setup, each, NULL, NULL };
