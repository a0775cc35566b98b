/* The article engine's private header: what its files share.  Not
 * included outside lib/article/; the public interface is article.h.
 *
 * article_parse (article.c) runs the passes in order:
 *	clean.c		1. normalise the text; 2. strip inline markdown
 *	fields.c	   YAML front matter, before pass 2
 *	header.c	3a. title, deck, outlet, dates, bylines at the top
 *	body.c		3b. the body, boilerplate dropped by its shape
 * with what they ask of a line in lines.c (prose, dates, breadcrumbs,
 * prompts, markers, captions), credit.c (bylines and credit lines),
 * dateline.c (wire datelines), fields.c (what sets a field) and
 * tables.c (header keys, agencies, news sites). */
#ifndef ARTICLE_INTERNAL_H
#define ARTICLE_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include "article/article.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Line flags, set by pass 2 from the markdown it strips. */
enum {
	LF_HEADING = 1,		/* was a markdown heading */
	LF_H1 = 2,		/* "# ..." */
	LF_IMAGE = 4,		/* held a markdown image */
	LF_CREDITLINK = 8	/* ends in a link whose text is a host name */
};

struct line {
	size_t off, len;
	unsigned flags;
};

/* A body line kept, as the body pass joins them. */
struct kept {
	const char *s;
	size_t n;
	int gap;		/* a blank or dropped line came before it */
};

/* One parse: the article being filled and the passes' lines. */
struct parse {
	struct article *a;
	int keep;		/* ARTICLE_KEEP_BOILERPLATE */
	char *norm, *clean;
	struct line *nl, *cl;	/* normalised and clean lines */
	size_t nnl, cnl, nlcap, clcap;
	struct kept *kept;
	size_t nkept, keptcap;
	size_t tagcap;
};

/* What a header key ("key: value" lines, YAML front matter) sets. */
enum field {
	F_NONE, F_TITLE, F_SUBTITLE, F_DATE, F_PUBLISHED, F_UPDATED, F_BYLINE,
	F_URL, F_SOURCE, F_OUTLET, F_AGENCY, F_TAGS
};

/* ---- small helpers on (s, n) ----------------------------------------
 * Every file uses them; inline, as lib/hash.h's hash_fnv_step, so that
 * they need no prefix and read as they did in the one-file engine (an
 * extern words.c measured no faster or slower). */

static inline int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline int
eq_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || lower((unsigned char)s[i]) != lower((unsigned char)w[i]))
			return 0;
	return w[n] == '\0';
}

static inline int
same_ci(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* s starts with word w (case-insensitive) followed by end or a non-letter. */
static inline int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n < k || !eq_ci(s, k, w))
		return 0;
	return n == k || !(((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z');
}

/* s ends with w (case-sensitive). */
static inline int
ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0;
}

static inline int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
isalnum_a(int c)
{
	return isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static inline int
in_list(const char *s, size_t n, const char *const *list, size_t len)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (lower((unsigned char)s[0]) == list[i][0] && eq_ci(s, n, list[i]))
			return 1;
	return 0;
}

/* Words separated by single spaces (lines are collapsed), counted up to
 * cap so that a 50 MB line costs nothing. */
static inline size_t
nwords(const char *s, size_t n, size_t cap)
{
	size_t i, w = n > 0;

	for (i = 0; i < n && w <= cap; i++)
		if (s[i] == ' ')
			w++;
	return w;
}

/* Strip <...> around a URL. */
static inline void
unangle(const char **s, size_t *n)
{
	if (*n >= 2 && (*s)[0] == '<' && (*s)[*n - 1] == '>') {
		(*s)++;
		*n -= 2;
	}
}

static inline void
trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* ---- the clean lines ---------------------------------------------- */

static inline const char *
line_s(struct parse *p, size_t i)
{
	return p->clean + p->cl[i].off;
}

static inline size_t
next_nonblank(struct parse *p, size_t i)
{
	while (i < p->cnl && p->cl[i].len == 0)
		i++;
	return i;
}

/* ---- what each file gives the others ------------------------------- */

/* tables.c */
/* The field a header key sets (s: the n bytes before the colon). */
enum field art_key_field(const char *s, size_t n);

/* lines.c: what a line, or a token of one, is by its shape. */
int art_is_prose(const char *s, size_t n);		/* ends a sentence */
int art_is_url(const char *s, size_t n);		/* starts with http(s):// */
int art_lone_url(const char *s, size_t n);		/* a URL and nothing else */
int art_is_month(const char *t, size_t n);
int art_is_weekday(const char *t, size_t n);
int art_is_date_line(const char *s, size_t n);		/* only a date */
int art_is_breadcrumb(const char *s, size_t n);		/* "Home > World" */
int art_is_prompt(const char *s, size_t n);		/* "Share this article" */
int art_is_login_prompt(const char *s, size_t n);	/* "Log in to comment." */
int art_is_marker(const char *s, size_t n);		/* "Related articles" */
int art_is_caption(const char *s, size_t n, unsigned flags);

/* credit.c */
/* The agency a lone credit line names, or NULL; *photo: it was a photo
 * credit in brackets. */
const char *art_lone_credit(const char *s, size_t n, int *photo);
/* "By Jane Doe": 1, the names in *v. */
int art_byline(const char *s, size_t n, const char **v, size_t *vn);
/* A wire credit line: 1, its reporters set as the byline. */
int art_credit(struct parse *p, const char *s, size_t n);

/* fields.c */
/* Set *dst to s, trimmed, unless set already or empty. */
void art_set_once(char **dst, const char *s, size_t n);
/* The normalised lines YAML front matter takes (0: none), its fields set. */
size_t art_front_matter(struct parse *p);
/* 1 if clean line *i is metadata, its field set; header: in the header. */
int art_meta_line(struct parse *p, size_t *i, int header);

/* clean.c */
/* Pass 1: s to p->norm and its lines p->nl. */
void art_normalise(struct parse *p, const char *s, size_t n);
/* Pass 2: normalised lines from on to p->clean and p->cl. */
void art_clean_lines(struct parse *p, size_t from);

/* dateline.c */
/* The bytes a wire dateline spans at the start of s (0: none); set: its
 * place, date and agency go to the article. */
size_t art_dateline(struct parse *p, const char *s, size_t n, int set);

/* header.c, body.c: pass 3. */
size_t art_header(struct parse *p, size_t i);
void art_keep_line(struct parse *p, const char *s, size_t n, int gap);
void art_body(struct parse *p, size_t i);

#endif
