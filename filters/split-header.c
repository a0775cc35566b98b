/* split-header: raw article text to one clean, structured record each.
 * The parsing lives in lib/article/; this file reads the input (files,
 * directories, stdin or NDJSON records), keeps ids unique and writes. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "article/article.h"
#include "buf.h"
#include "charset.h"
#include "diag.h"
#include "filter.h"
#include "hash.h"
#include "html/html.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "text.h"
#include "walk.h"

static const char synopsis[] =
    "[--ndjson] [--keep-boilerplate] [--explain] [--encoding NAME] [--strict]\n"
    "    [--rejects FILE] [PATH...]";
static const char help[] =
    "Split raw news articles into metadata and a clean body, one NDJSON\n"
    "record per article.  Saved web pages (by their first bytes, or named\n"
    ".html, .htm) give their metadata and the article's text.  Directories\n"
    "are walked in byte order of their paths.  A PATH '-' (once), or no\n"
    "PATH, reads one article from standard input.\n"
    "\n"
    "  --ndjson            input is NDJSON; each record's \"text\" holds\n"
    "                      the raw article, or its \"html\" a web page\n"
    "  --keep-boilerplate  keep every line (a page: all its visible text);\n"
    "                      only metadata is split off\n"
    "  --explain           add \"removed\": each line that left the body and\n"
    "                      why (the field it went to, or the boilerplate)\n"
    "  --encoding NAME     read files and stdin in encoding NAME (iconv's\n"
    "                      names); default: UTF-8, UTF-16 or Windows-1252\n"
    "                      as the bytes show (a web page: as it declares)\n"
    "  --strict            stop at the first article that cannot be read\n"
    "  --rejects FILE      append rejected articles to FILE\n"
    RECORD_HELP
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | jq -r '[.id, .title] | @tsv'\n";

enum { OPT_NDJSON = OPT_FIRST_OWN, OPT_KEEP, OPT_EXPLAIN, OPT_ENCODING };

/* An id written, and the next suffix to try when it comes again. */
struct idslot {
	char *id;
	uint64_t h;		/* hash_bytes of id */
	unsigned long next;
};

static struct {
	int flags;		/* for article_parse */
	const char *encoding;	/* --encoding, or NULL to detect */
	int resplit;		/* the record being split holds a split body */
	struct buf text;	/* a file's text as UTF-8 */
	struct idslot *ids;	/* ids written, in the order written */
	size_t idcap, nids;
	struct hash_index idix;	/* state.ids by hash */
} state;

static void
setup(void)
{
	state.flags = 0;
	state.encoding = NULL;
	state.text = (struct buf)BUF_INIT;
	state.idcap = 0;
	state.nids = 0;
	state.ids = NULL;
	state.idix = (struct hash_index)HASH_INDEX_INIT;
}

static uint64_t
id_key(const void *ids, size_t i)
{
	return ((const struct idslot *)ids)[i].h;
}

/* The number of id (hashed to h) in state.ids, or -1. */
static long
id_find(const char *id, uint64_t h)
{
	size_t pos;
	long i;

	for (i = hash_index_first(&state.idix, h, &pos); i >= 0;
	    i = hash_index_next(&state.idix, &pos))
		if (state.ids[i].h == h && strcmp(state.ids[i].id, id) == 0)
			return i;
	return -1;
}

/* Add id, which is not in the set yet. */
static void
id_add(const char *id, uint64_t h)
{
	struct idslot *e;

	state.ids = egrow(state.ids, &state.idcap, state.nids + 1, sizeof *state.ids);
	e = &state.ids[state.nids];
	e->id = estrdup(id);
	e->h = h;
	e->next = 2;
	hash_index_add(&state.idix, h, state.nids, id_key, state.ids);
	state.nids++;
}

/* id, or id-2, id-3, ... for the second, third article of that name;
 * each name remembers its next suffix, so n clashes cost O(n). */
static char *
unique_id(const char *id)
{
	struct buf b = BUF_INIT;
	uint64_t h = hash_bytes(id, strlen(id));
	long i;

	if ((i = id_find(id, h)) < 0) {
		id_add(id, h);
		return estrdup(id);
	}
	do {
		buf_reset(&b);
		buf_printf(&b, "%s-%lu", id, state.ids[i].next++);
		h = hash_bytes(b.s, b.len);
	} while (id_find(b.s, h) >= 0);
	id_add(b.s, h);
	return buf_take(&b);
}

/* The fields an article gives its record, in the order written (after
 * id and source); one list for --ndjson records and for files. */
enum field_kind { FIELD_STRING, FIELD_LIST, FIELD_BODY, FIELD_WORDS, FIELD_REMOVED };

#define STR(f) FIELD_STRING, offsetof(struct article, f), 0
#define LIST(f, n) FIELD_LIST, offsetof(struct article, f), offsetof(struct article, n)

static const struct {
	const char *key;
	enum field_kind kind;
	size_t off;		/* of its char * (FIELD_STRING) or char ** (FIELD_LIST) */
	size_t noff;		/* FIELD_LIST: of its size_t count */
} fields[] = {
	{ "title", STR(title) },
	{ "subtitle", STR(subtitle) },
	{ "outlet", STR(outlet) },
	{ "agency", STR(agency) },
	{ "byline", STR(byline) },
	{ "authors", LIST(authors, nauthors) },
	{ "url", STR(url) },
	{ "language", STR(language) },
	{ "dateline_place", STR(dateline_place) },
	{ "dateline_date", STR(dateline_date) },
	{ "date_raw", STR(date_raw) },
	{ "published_raw", STR(published_raw) },
	{ "date_modified_raw", STR(date_modified_raw) },
	{ "tags", LIST(tags, ntags) },
	{ "body", FIELD_BODY, 0, 0 },
	{ "word_count", FIELD_WORDS, 0, 0 },
	{ "removed", FIELD_REMOVED, 0, 0 }	/* with --explain only */
};

#define NFIELDS (sizeof fields / sizeof fields[0])

/* Field i's string (FIELD_STRING), NULL when unknown. */
static const char *
field_string(const struct article *a, size_t i)
{
	return *(char *const *)(const void *)((const char *)a + fields[i].off);
}

/* Field i's list (FIELD_LIST) and its length in *n. */
static char *const *
field_list(const struct article *a, size_t i, size_t *n)
{
	*n = *(const size_t *)(const void *)((const char *)a + fields[i].noff);
	return *(char **const *)(const void *)((const char *)a + fields[i].off);
}

/* A field the text gives replaces the record's, but for a record split
 * before (state.resplit): its fields were settled then. */
static void
set_found(json_t *rec, const char *key, const char *val)
{
	if (!record_str(rec, key) || (val && !state.resplit))
		record_set_str(rec, key, val);
}

/* A record that has the list (tags, authors) keeps it when the article
 * names none. */
static void
set_list(json_t *rec, const char *key, char *const *list, size_t n)
{
	json_t *arr;
	size_t i;

	if (!n && json_is_array(json_object_get(rec, key)))
		return;
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_string(list[i]));
	record_set(rec, key, arr);
}

/* --explain: "removed": [{"text", "reason"}, ...]. */
static json_t *
removed_json(const struct article *a)
{
	json_t *v = json_array(), *o;
	size_t i;

	for (i = 0; i < a->nremoved; i++) {
		o = json_object();
		json_object_set_new(o, "text", json_string(a->removed[i].text));
		json_object_set_new(o, "reason", json_string(a->removed[i].reason));
		json_array_append_new(v, o);
	}
	return v;
}

static void
set_article(json_t *rec, const struct article *a)
{
	char *const *list;
	size_t i, n;

	for (i = 0; i < NFIELDS; i++) {
		const char *key = fields[i].key;

		switch (fields[i].kind) {
		case FIELD_REMOVED:
			if (state.flags & ARTICLE_EXPLAIN)
				record_set(rec, key, removed_json(a));
			break;
		case FIELD_STRING:
			set_found(rec, key, field_string(a, i));
			break;
		case FIELD_LIST:
			list = field_list(a, i, &n);
			set_list(rec, key, list, n);
			break;
		case FIELD_BODY:
			record_set_strn(rec, key, a->body, a->body_len);
			break;
		case FIELD_WORDS:
			record_set(rec, key, json_integer((json_int_t)a->word_count));
			break;
		}
	}
}

/* A saved page by its name: .html, .htm, .xhtml, .shtml (a page that
 * starts with a server's warning before <html> is still one). */
static int
page_name(const char *path)
{
	static const char *const exts[] = { ".html", ".htm", ".xhtml", ".shtml" };
	const char *dot = strrchr(path, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return 0;
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return 1;
	return 0;
}

/* The engine for one raw article: HTML for a page (by its first bytes,
 * its file name, or from an "html" field: html set; decoded: s is UTF-8
 * already), else text, with flags added to the program's.  0, or -1
 * when text is not valid UTF-8 (*bad: where).  A page without article
 * text is still a record, with a warning. */
static int
parse_any(struct article *a, const char *s, size_t n, int html, int decoded,
    int flags, const struct record_src *src, size_t *bad)
{
	if (!html && !html_is_page(s, n))
		return article_parse(a, s, n, state.flags | flags, bad);
	html_parse(a, s, n, (state.flags & ARTICLE_KEEP_BOILERPLATE ? HTML_KEEP_BOILERPLATE : 0)
	    | (decoded ? HTML_DECODED : 0));
	if (a->body_len == 0)
		record_warn(src, "no article text in the page");
	else
		article_settle_body(a, state.flags);
	return 0;
}

/* Parse the article of a record into it; 0, or -1 after rejecting it. */
static int
split(json_t *rec, const char *text, size_t len, int html, int flags,
    const struct record_src *src)
{
	struct article a;
	size_t bad;

	if (parse_any(&a, text, len, html, 1, flags, src, &bad) != 0) {
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

/* --ndjson: the raw article is in "text", a saved page in "html" (or,
 * for a record that was split before, the text in "body"); "text" and
 * "html" are consumed, other fields stay. */
static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	json_t *t = json_object_get(rec, "text");
	const char *id = record_str(rec, "id");
	struct buf b = BUF_INIT;
	char *uid;
	int r, html = 0, flags = ARTICLE_CHECKED_UTF8;

	(void)arg;
	if (!json_is_string(t) && json_is_string(json_object_get(rec, "html"))) {
		t = json_object_get(rec, "html");
		html = 1;
	}
	/* A record split before (a body, and a title, null when it had
	 * none): its body has no header left in it. */
	state.resplit = !t && (t = json_object_get(rec, "body")) && json_object_get(rec, "title");
	if (state.resplit)
		flags |= ARTICLE_BODY;
	if (!json_is_string(t)) {
		record_reject(src, "no string field \"text\", \"html\" (or \"body\") with the article");
		return RECORD_REJECT;
	}
	json_incref(t);
	json_object_del(rec, "text");
	if (html)
		json_object_del(rec, "html");
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
	r = split(rec, json_string_value(t), json_string_length(t), html, flags, src);
	json_decref(t);
	return r == 0 ? RECORD_WRITE : RECORD_REJECT;
}

/* ,"key": */
static void
put_key(struct buf *b, const char *key)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
}

static void
put_string(struct buf *b, const char *val)
{
	if (val)
		jsonout_string(b, val, strlen(val));
	else
		buf_add(b, "null", 4);
}

static void
put_list(struct buf *b, char *const *list, size_t n)
{
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		jsonout_string(b, list[i], strlen(list[i]));
	}
	buf_addc(b, ']');
}

static void
put_removed(struct buf *b, const struct article *a)
{
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < a->nremoved; i++) {
		buf_adds(b, i ? ",{\"text\":" : "{\"text\":");
		put_string(b, a->removed[i].text);
		buf_adds(b, ",\"reason\":");
		put_string(b, a->removed[i].reason);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

/* The record of one article file, written directly (no jansson). */
static void
write_article(const char *id, const char *path, const struct article *a)
{
	static struct buf b;
	char *const *list;
	size_t i, n;

	buf_reset(&b);
	buf_add(&b, "{\"id\":", 6);
	jsonout_string(&b, id, strlen(id));
	put_key(&b, "source");
	put_string(&b, path);
	for (i = 0; i < NFIELDS; i++) {
		if (fields[i].kind == FIELD_REMOVED && !(state.flags & ARTICLE_EXPLAIN))
			continue;
		put_key(&b, fields[i].key);
		switch (fields[i].kind) {
		case FIELD_STRING:
			put_string(&b, field_string(a, i));
			break;
		case FIELD_LIST:
			list = field_list(a, i, &n);
			put_list(&b, list, n);
			break;
		case FIELD_BODY:
			jsonout_string(&b, a->body, a->body_len);
			break;
		case FIELD_WORDS:
			buf_printf(&b, "%zu", a->word_count);
			break;
		case FIELD_REMOVED:
			put_removed(&b, a);
			break;
		}
	}
	buf_add(&b, "}\n", 2);
	record_out(b.s, b.len);
}

/* The file's bytes as UTF-8 (lib/charset): the bytes themselves when
 * they are UTF-8, else their conversion in state.text; NULL after
 * rejecting the file.  Text that is not UTF-8 but reads as Windows-1252
 * is converted with a warning. */
static const char *
decode(const struct record_src *src, size_t *len)
{
	struct charset_found found;
	size_t bad = 0;

	if (!state.encoding && charset_plain_utf8(src->raw, src->len)) {
		*len = src->len;
		return src->raw;
	}
	switch (charset_decode(src->raw, src->len, state.encoding, &state.text, &found, &bad)) {
	case CHARSET_OK:
		if (found.cs == CHARSET_WINDOWS_1252)
			record_warn(src, "not UTF-8; read as Windows-1252 (--encoding to say otherwise)");
		*len = state.text.len;
		return state.text.s;
	case CHARSET_INVALID:
		if (state.encoding)
			record_reject(src, "invalid %s at byte %zu", state.encoding, bad + 1);
		else
			record_reject(src, "invalid UTF-8 at byte %zu (not Windows-1252 either; "
			    "name its encoding with --encoding)", bad + 1);
		return NULL;
	default:	/* the name was checked before any input was read */
		record_reject(src, "unknown encoding %s", state.encoding);
		return NULL;
	}
}

static void
emit(const char *name, const char *path, const struct buf *text)
{
	struct record_src src = { path, 0, text->s ? text->s : "", text->len };
	struct article a;
	char *id = unique_id(name);
	const char *utf8;
	size_t bad, len;

	record_count_one();
	if (text_invalid_at(path, strlen(path)) < strlen(path))
		record_reject(&src, "file name is not valid UTF-8");
	else if (page_name(path) || html_is_page(src.raw, src.len)) {
		/* a page declares its own encoding: lib/html decodes it */
		parse_any(&a, src.raw, src.len, 1, 0, 0, &src, &bad);
		write_article(id, path, &a);
		article_free(&a);
	} else if ((utf8 = decode(&src, &len))) {
		if (parse_any(&a, utf8, len, 0, 1, ARTICLE_CHECKED_UTF8, &src, &bad) != 0)
			record_reject(&src, "invalid UTF-8 at byte %zu", bad + 1);
		else {
			write_article(id, path, &a);
			article_free(&a);
		}
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

/* Files and directories in the order given, '-' reading stdin where it
 * stands.  Stdin is one article, read to its end: a second '-' could
 * only give an empty record, so it is bad usage, said before any input
 * is read. */
static int
operands(int n, char **paths)
{
	int i, dash = 0, status = 0;

	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0 && dash++)
			die(2, "'-' (standard input) may be given only once");
	for (i = 0; i < n; i++)
		status |= strcmp(paths[i], "-") == 0 ? from_stdin()
		    : walk_paths(1, paths + i, one_file, NULL);
	return status;
}

static void
teardown(void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < state.nids; i++)
		free(state.ids[i].id);
	free(state.ids);
	buf_free(&state.text);
	hash_index_free(&state.idix);
	setup();
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
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ NULL, 0, NULL, 0 }
	};
	struct buf probe = BUF_INIT;
	size_t bad;
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
		case OPT_EXPLAIN:
			state.flags |= ARTICLE_EXPLAIN;
			break;
		case OPT_ENCODING:
			state.encoding = optarg;
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	if (state.encoding && charset_decode("", 0, state.encoding, &probe, NULL, &bad) == CHARSET_UNKNOWN)
		opt_bad("unknown encoding '%s' (iconv -l lists them)", state.encoding);
	buf_free(&probe);
	if (ndjson)
		status = record_each(argc - optind, argv + optind, each, NULL);
	else if (argc == optind)
		status = from_stdin();
	else
		status = operands(argc - optind, argv + optind);
	teardown(NULL);
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
    teardown };
