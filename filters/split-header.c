/* split-header: raw article text to one clean, structured record each.
 * The parsing lives in lib/article.c; this file reads the input (files,
 * directories, stdin or NDJSON records), keeps ids unique and writes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "article/article.h"
#include "buf.h"
#include "diag.h"
#include "filter.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "text.h"
#include "walk.h"

static const char synopsis[] =
    "[--ndjson] [--keep-boilerplate] [--strict] [--rejects FILE] [PATH...]";
static const char help[] =
    "Split raw news articles into metadata and a clean body, one NDJSON\n"
    "record per article.  Directories are walked in byte order of their\n"
    "paths; no PATH or '-' reads one article from standard input.\n"
    "\n"
    "  --ndjson            input is NDJSON; each record's \"text\" holds\n"
    "                      the raw article\n"
    "  --keep-boilerplate  keep every line; only metadata is split off\n"
    "  --strict            stop at the first article that cannot be read\n"
    "  --rejects FILE      append rejected articles to FILE\n"
    "  --reject-log FILE   append a JSON line for each rejected article to\n"
    "                      FILE: program, file, line, reason, input\n"
    "  --max-bytes N       reject an article over N bytes; K, M, G for 2^10,\n"
    "                      2^20, 2^30; 0: no limit (default 64M)\n"
    "  --rejects-ok        exit 0 if rejected articles were all that went wrong\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | jq -r '[.id, .title] | @tsv'\n";

enum { OPT_NDJSON = OPT_FIRST_OWN, OPT_KEEP };

/* An id written, and the next suffix to try when it comes again. */
struct idslot {
	char *id;
	unsigned long next;
};

static struct {
	int flags;		/* for article_parse */
	struct idslot *ids;	/* open-addressing set of ids written */
	size_t idcap, nids;
} state;

static void
setup(void)
{
	state.flags = 0;
	state.idcap = 0;
	state.nids = 0;
	state.ids = NULL;
}

static size_t
id_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct idslot *
id_find(const char *id)
{
	size_t i, mask = state.idcap - 1;

	for (i = id_hash(id) & mask; state.ids[i].id; i = (i + 1) & mask)
		if (strcmp(state.ids[i].id, id) == 0)
			break;
	return &state.ids[i];
}

static void
id_grow(void)
{
	struct idslot *old = state.ids, *e;
	size_t i, k = state.idcap;

	state.idcap = k ? 2 * k : 64;
	state.ids = ecalloc(state.idcap, sizeof *state.ids);
	for (i = 0; i < k; i++)
		if (old[i].id) {
			e = id_find(old[i].id);
			*e = old[i];
		}
	free(old);
}

/* Add id to the set; the slot if it is new, NULL if it was there. */
static struct idslot *
id_add(const char *id, struct idslot **was)
{
	struct idslot *e;

	if (2 * (state.nids + 1) > state.idcap)
		id_grow();
	e = id_find(id);
	if (e->id) {
		*was = e;
		return NULL;
	}
	e->id = estrdup(id);
	e->next = 2;
	state.nids++;
	return e;
}

/* id, or id-2, id-3, ... for the second, third article of that name;
 * each name remembers its next suffix, so n clashes cost O(n). */
static char *
unique_id(const char *id)
{
	struct buf b = BUF_INIT;
	struct idslot *was;
	unsigned long k;

	if (id_add(id, &was))
		return estrdup(id);
	for (;;) {
		k = was->next++;
		buf_reset(&b);
		buf_printf(&b, "%s-%lu", id, k);
		if (id_add(b.s, &was))
			break;
		was = id_find(id);
	}
	return buf_take(&b);
}

static void
set_found(json_t *rec, const char *key, const char *val)
{
	if (val || !record_str(rec, key))
		record_set_str(rec, key, val);
}

static void
set_article(json_t *rec, const struct article *a)
{
	json_t *tags;
	size_t i;

	set_found(rec, "title", a->title);
	set_found(rec, "subtitle", a->subtitle);
	set_found(rec, "outlet", a->outlet);
	set_found(rec, "agency", a->agency);
	set_found(rec, "byline", a->byline);
	set_found(rec, "url", a->url);
	set_found(rec, "dateline_place", a->dateline_place);
	set_found(rec, "dateline_date", a->dateline_date);
	set_found(rec, "date_raw", a->date_raw);
	set_found(rec, "published_raw", a->published_raw);
	if (a->ntags || !json_is_array(json_object_get(rec, "tags"))) {
		tags = json_array();
		for (i = 0; i < a->ntags; i++)
			json_array_append_new(tags, json_string(a->tags[i]));
		record_set(rec, "tags", tags);
	}
	record_set_strn(rec, "body", a->body, a->body_len);
	record_set(rec, "word_count", json_integer((json_int_t)a->word_count));
}

/* Parse text into rec; 0, or -1 after rejecting it. */
static int
split(json_t *rec, const char *text, size_t len, const struct record_src *src)
{
	struct article a;
	size_t bad;

	if (article_parse(&a, text, len, state.flags, &bad) != 0) {
		record_reject(src, "invalid UTF-8 at byte %zu", bad + 1);
		return -1;
	}
	set_article(rec, &a);
	article_free(&a);
	return 0;
}

/* The file name without its directory and last extension. */
static void
file_stem(struct buf *b, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	buf_add(b, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* --ndjson: the raw article is in "text" (or, for a record that was
 * split before, in "body"); "text" is consumed, other fields stay. */
static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	json_t *t = json_object_get(rec, "text");
	const char *id = record_str(rec, "id");
	struct buf b = BUF_INIT;
	char *uid;
	int r;

	(void)arg;
	if (!t)
		t = json_object_get(rec, "body");
	if (!json_is_string(t)) {
		record_reject(src, "no string field \"text\" (or \"body\") with the article");
		return RECORD_REJECT;
	}
	json_incref(t);
	json_object_del(rec, "text");
	if (!id) {
		file_stem(&b, strcmp(src->file, "<stdin>") ? src->file : "stdin");
		buf_printf(&b, "-%lu", src->line);
		id = b.s;
	}
	uid = unique_id(id);
	record_set_str(rec, "id", uid);
	free(uid);
	if (!record_str(rec, "source")) {
		buf_reset(&b);
		buf_printf(&b, "%s:%lu", src->file, src->line);
		record_set_str(rec, "source", b.s);
	}
	buf_free(&b);
	r = split(rec, json_string_value(t), json_string_length(t), src);
	json_decref(t);
	return r == 0 ? RECORD_WRITE : RECORD_REJECT;
}

static void
put_field(struct buf *b, const char *key, const char *val)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
	if (val)
		jsonout_string(b, val, strlen(val));
	else
		buf_add(b, "null", 4);
}

/* The record of one article file, in the field order of set_article. */
static void
write_article(const char *id, const char *path, const struct article *a)
{
	static struct buf b;
	size_t i;

	buf_reset(&b);
	buf_add(&b, "{\"id\":", 6);
	jsonout_string(&b, id, strlen(id));
	put_field(&b, "source", path);
	put_field(&b, "title", a->title);
	put_field(&b, "subtitle", a->subtitle);
	put_field(&b, "outlet", a->outlet);
	put_field(&b, "agency", a->agency);
	put_field(&b, "byline", a->byline);
	put_field(&b, "url", a->url);
	put_field(&b, "dateline_place", a->dateline_place);
	put_field(&b, "dateline_date", a->dateline_date);
	put_field(&b, "date_raw", a->date_raw);
	put_field(&b, "published_raw", a->published_raw);
	buf_adds(&b, ",\"tags\":[");
	for (i = 0; i < a->ntags; i++) {
		if (i)
			buf_addc(&b, ',');
		jsonout_string(&b, a->tags[i], strlen(a->tags[i]));
	}
	buf_adds(&b, "],\"body\":");
	jsonout_string(&b, a->body, a->body_len);
	buf_printf(&b, ",\"word_count\":%zu}\n", a->word_count);
	record_out(b.s, b.len);
}

static void
emit(const char *name, const char *path, const struct buf *text)
{
	struct record_src src = { path, 0, text->s ? text->s : "", text->len };
	struct article a;
	char *id = unique_id(name);
	size_t bad;

	record_count_one();
	if (text_invalid_at(path, strlen(path)) < strlen(path))
		record_reject(&src, "file name is not valid UTF-8");
	else if (article_parse(&a, src.raw, src.len, state.flags, &bad) != 0) {
		record_reject(&src, "invalid UTF-8 at byte %zu", bad + 1);
	} else {
		write_article(id, path, &a);
		article_free(&a);
	}
	free(id);
}

static int
one_file(const char *path, void *arg)
{
	struct buf text = BUF_INIT, id = BUF_INIT;
	FILE *fp;
	int status = 0;

	(void)arg;
	file_stem(&id, path);
	if (!(fp = fopen(path, "r"))) {
		warn("%s:", path);
		return 1;
	}
	if ((status = record_read_all(fp, path, &text)) == 0)
		emit(id.s, path, &text);
	fclose(fp);
	buf_free(&text);
	buf_free(&id);
	return status > 0;
}

static int
from_stdin(void)
{
	struct buf text = BUF_INIT;
	int status;

	if ((status = record_read_all(stdin, "<stdin>", &text)) == 0)
		emit("stdin", "<stdin>", &text);
	buf_free(&text);
	return status > 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ "ndjson", no_argument, NULL, OPT_NDJSON },
		{ "keep-boilerplate", no_argument, NULL, OPT_KEEP },
		{ NULL, 0, NULL, 0 }
	};
	int c, status, ndjson = 0;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	setup();
	while ((c = opt_next(argc, argv, "hV", longopts)) != -1) {
		switch (c) {
		case OPT_NDJSON:
			ndjson = 1;
			break;
		case OPT_KEEP:
			state.flags |= ARTICLE_KEEP_BOILERPLATE;
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (ndjson)
		return record_done(record_each(argc - optind, argv + optind, each, NULL));
	argc -= optind;
	argv += optind;
	if (argc == 0 || (argc == 1 && strcmp(argv[0], "-") == 0))
		status = from_stdin();
	else
		status = walk_paths(argc, argv, one_file, NULL);
	return record_done(status);
}

/* For the fuzz target (lib/filter.h): one raw file at a time. */
static void *
filter_setup(void)
{
	setup();
	return NULL;
}

const struct filter filter = { "split-header", filter_setup, each, one_file,
    NULL };
