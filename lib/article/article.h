/* article: split one raw news article (as saved from a web page, a feed
 * or a wire) into metadata and a clean body.  docs/split-header.md has
 * the rules; the code only implements them. */
#ifndef ARTICLE_H
#define ARTICLE_H

#include <stddef.h>

struct article {
	/* Each is a malloc'd string, or NULL when unknown. */
	char *title, *subtitle, *outlet, *agency, *byline, *url;
	char *dateline_place, *dateline_date, *date_raw, *published_raw;
	char *language;		/* as the page says it: "en", "de-DE" */
	char *date_modified_raw;	/* the last update, as written */
	char **tags;		/* ntags strings */
	size_t ntags;
	char **authors;		/* nauthors names, from the byline or the page */
	size_t nauthors;
	char *body;		/* never NULL after a successful parse */
	size_t body_len;
	size_t word_count;
	/* With ARTICLE_EXPLAIN: what left the body and why, in text order
	 * (else NULL, 0). */
	struct article_removed *removed;
	size_t nremoved;
};

/* A line, or part of one, that is not in the body: its text (the line
 * as normalised, before markdown is stripped) and a reason: the field it
 * went to ("title", "date_raw", "dateline", ...) or the kind of
 * boilerplate ("navigation", "prompt", "caption", "sign-off", ...). */
struct article_removed {
	char *text;
	const char *reason;	/* static */
};

/* Flags for article_parse. */
enum {
	ARTICLE_KEEP_BOILERPLATE = 1,	/* split off metadata only */
	ARTICLE_EXPLAIN = 2,		/* fill removed */
	ARTICLE_CHECKED_UTF8 = 4,	/* the text is known to be valid UTF-8 */
	ARTICLE_BODY = 8		/* the text is a body split before: no
					 * headline, deck, outlet, page
					 * navigation or dates under a headline
					 * are looked for in it */
};

/* Parse len bytes of text (any bytes; need not be NUL-terminated) into
 * *a, which the caller frees with article_free.  Returns 0, or -1 when
 * text is not valid UTF-8; *bad (if not NULL) then gets the byte offset
 * of the first invalid sequence and *a holds nothing to free. */
int article_parse(struct article *a, const char *text, size_t len, int flags,
    size_t *bad);
void article_free(struct article *a);
/* Reads a's body again as a body split before (ARTICLE_BODY), as
 * split-header --ndjson does: the body is then that one's, and the
 * fields a lacks are the ones it finds (a page's, lib/html, so gives the
 * same record when split again).  0, or -1 (a unchanged). */
int article_settle_body(struct article *a, int flags);

/* Canonical name of a news agency named by s (TASS, Yonhap, AFP, ...),
 * or NULL if s names none (case-insensitive, whole string). */
const char *article_agency(const char *s, size_t n);
/* Publication name for the host of url: a known news site from a small
 * table, else the host without "www."; NULL if url has no host.
 * Returns a malloc'd string. */
char *article_outlet_for_url(const char *url);
/* Add the names a byline holds ("By Jane Doe and Omar Said, Staff
 * Writers") to a->authors, each once (case-insensitive): "By", roles
 * and places dropped, split at commas, semicolons, '&', '|', '/' and the
 * word "and" of a few languages (lib/article/authors.c). */
void article_add_authors(struct article *a, const char *s, size_t n);
/* Words in s: runs of letters and digits, an apostrophe or hyphen
 * between two of them joining them. */
size_t article_words(const char *s, size_t n);

#endif
