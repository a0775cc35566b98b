/* shown: the publication date and the byline a page shows, for pages
 * whose metadata (JSON-LD, <meta>, itemprop) names none.  Both are
 * looked for where an article shows them: from the headline (<h1>)
 * through the article's container and its footer; then before the
 * headline; the date also at the start of the article's first
 * paragraphs.  Parts whose hints say they are not the article (teasers,
 * comments) are skipped, so a comment's or a related story's date or
 * author is not taken.
 *
 * A date is a <time> element, an element whose class or id says "date",
 * "time", "published" or the like, or hAtom's class="published" title;
 * it counts when lib/date reads a full calendar date in it, as
 * normalize-date will, and is kept as written.  A byline is an element
 * with rel=author or whose class, id or itemprop says "author" or
 * "byline", a link to an author's page (/author/...), or a short block
 * that starts "By", "Von", "Por"... and a capital. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"
#include "mem.h"

/* The longest text taken as a date element's. */
#define MAX_DATE_TEXT 120

/* A machine-readable date in attribute a; with iso set only one that
 * starts with its year, as the standard wants ("01-11-2023" could be
 * either month first or day first: the text will say). */
static char *
attr_date(const struct hdoc *d, uint32_t i, enum attr_name a, int iso)
{
	size_t n;
	const char *v = html_attr(d, i, a, &n);

	if (!v || (iso && !(n >= 5 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9'
	    && v[2] >= '0' && v[2] <= '9' && v[3] >= '0' && v[3] <= '9' && v[4] == '-')))
		return NULL;
	return html_full_date(v, n) ? estrndup(v, n) : NULL;
}

static char *
text_date(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v;

	if (s->st[i].chars > MAX_DATE_TEXT || !(v = html_flat_text(d, i, 4 * MAX_DATE_TEXT)))
		return NULL;
	if (html_full_date(v, strlen(v)))
		return v;
	free(v);
	return NULL;
}

/* The date element i shows, as written, or NULL. */
static char *
date_of(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	int machine = d->node[i].tag == T_TIME || html_attr_is(d, i, A_ITEMPROP, "datepublished")
	    || html_attr_is(d, i, A_CLASS, "published");
	char *v = NULL;

	if (machine && ((v = attr_date(d, i, A_DATETIME, 1)) || (v = attr_date(d, i, A_CONTENT, 1))
	    || (v = attr_date(d, i, A_TITLE, 1))))
		return v;
	if ((machine || html_date_hint(d, i)) && (v = text_date(d, s, i)))
		return v;
	if (machine && ((v = attr_date(d, i, A_DATETIME, 0)) || (v = attr_date(d, i, A_CONTENT, 0))
	    || (v = attr_date(d, i, A_TITLE, 0))))
		return v;
	return NULL;
}

/* A <time> element's date: after the article, only that is taken (a
 * date-hinted text there may be anything's). */
static char *
time_only(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	return d->node[i].tag == T_TIME ? date_of(d, s, i) : NULL;
}

/* Nodes to pass over: not seen, or in a part that is not the article. */
static int
skip(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	return d->node[i].flags & N_DROP || s->st[d->node[i].parent].unlikely;
}

typedef char *shown_fn(const struct hdoc *, const struct hscore *, uint32_t);

/* The first of[i] in [from, to), or with last set the last one. */
static char *
find(const struct hdoc *d, const struct hscore *s, uint32_t from, uint32_t to, int last,
    shown_fn *of)
{
	char *got = NULL, *v;
	uint32_t i;

	for (i = from; i < to; i++) {
		if (skip(d, s, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !(v = of(d, s, i)))
			continue;
		free(got);
		got = v;
		if (!last)
			return got;
		i = d->node[i].end - 1;
	}
	return got;
}

/* A date at the start of one of the first paragraphs from the headline
 * on. */
static char *
lead_date(const struct hdoc *d, const struct hscore *s, uint32_t from)
{
	uint32_t i;
	int blocks = 0;
	char *v;

	for (i = from; i < d->n && blocks < 6; i++) {
		if (skip(d, s, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !s->st[i].own)
			continue;
		blocks++;
		if ((v = html_flat_text(d, i, MAX_DATE_TEXT)) != NULL) {
			if (html_full_date(v, strlen(v)))
				return v;
			free(v);
		}
	}
	return NULL;
}

/* ---- bylines ----------------------------------------------------- */

/* The longest byline taken. */
#define MAX_BYLINE 100

/* Words that open a byline, followed by a capital. */
static const char *const by_words[] = {
	"by", "von", "por", "par", "door", "di", "av", "af", "autor:", "autorin:",
	"author:", "text:",
};

/* Path segments of an author's page. */
static const char *const author_paths[] = {
	"author", "authors", "autor", "autoren", "writer", "writers",
	"journalist", "journalists", "contributor", "contributors", "profile",
	"profil", "user", "users", "member", "members", "people",
};

/* A link to an author's page: a path segment /author/ and the like. */
static int
author_link(const struct hdoc *d, uint32_t i)
{
	const char *h, *p, *e;
	size_t n, k;

	if (d->node[i].tag != T_A || !(h = html_attr(d, i, A_HREF, &n)))
		return 0;
	for (p = h; p < h + n; p = e + 1) {
		for (e = p; e < h + n && *e != '/'; e++)
			;
		if (e < h + n && p > h && p[-1] == '/')
			for (k = 0; k < LEN(author_paths); k++)
				if (heq(p, (size_t)(e - p), author_paths[k]))
					return 1;
	}
	return 0;
}

/* Dates, times and date-hinted parts of a byline are not names. */
static int
no_dates(const struct hdoc *d, uint32_t i, void *arg)
{
	(void)arg;
	return d->node[i].tag != T_TIME && !html_date_hint(d, i);
}

static char *
byline_text(const struct hdoc *d, uint32_t i)
{
	struct buf b = BUF_INIT;
	struct text_out t = { &b, 0, 4 * MAX_BYLINE + 1 };

	buf_add(&b, "", 0);
	html_text(d, i, &t, no_dates, NULL);
	if (b.len == 0 || b.len > 4 * MAX_BYLINE) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* "By Jane Doe", "Von: Jane Doe": a by-word, then a capital letter (or
 * one not ASCII). */
static int
starts_by(const char *s)
{
	size_t k, n;

	for (k = 0; k < LEN(by_words); k++) {
		n = strlen(by_words[k]);
		if (!heq(s, n, by_words[k]))
			continue;
		if (s[n] == ':')
			n++;
		while (hspace((unsigned char)s[n]))
			n++;
		if (n > strlen(by_words[k]) && ((s[n] >= 'A' && s[n] <= 'Z')
		    || (unsigned char)s[n] >= 0xC3))
			return 1;
	}
	return 0;
}

/* "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 | Jane Doe": a short line
 * of a date and a name apart by " - " or " | ": the name. */
static char *
dated_byline(const char *v)
{
	const char *p = v, *e, *name = NULL;
	size_t n = 0;
	int date = 0;

	while (*p) {
		for (e = p; *e && strncmp(e, " - ", 3) && strncmp(e, " | ", 3); e++)
			;
		if (html_full_date(p, (size_t)(e - p)))
			date = 1;
		else if (!name && ((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC3)
		    && !strpbrk(p, "0123456789"))
			name = p, n = (size_t)(e - p);
		p = *e ? e + 3 : e;
	}
	return date && name ? estrndup(name, n) : NULL;
}

/* v names someone, by lib/article's reading of a byline. */
static int
names_someone(const char *v)
{
	struct article a;
	int yes;

	memset(&a, 0, sizeof a);
	article_add_authors(&a, v, strlen(v));
	yes = a.nauthors > 0;
	article_free(&a);
	return yes;
}

/* A byline by its markup: rel=author, a link to an author's page, an
 * itemprop=author. */
static char *
marked_byline(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v;

	if (s->st[i].chars == 0 || s->st[i].chars > MAX_BYLINE
	    || !(html_attr_is(d, i, A_REL, "author") || author_link(d, i)
	    || html_attr_is(d, i, A_ITEMPROP, "author")))
		return NULL;
	if ((v = byline_text(d, i)) != NULL && names_someone(v))
		return v;
	free(v);
	return NULL;
}

/* A byline by its words or its class: "By Jane Doe", class="byline",
 * "11.12.2019 - Jane Doe". */
static char *
byline_of(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	const struct hstat *t = &s->st[i];
	char *v, *name;

	if (t->chars == 0 || t->chars > MAX_BYLINE)
		return NULL;
	if (!(v = byline_text(d, i)))
		return NULL;
	if ((html_author_hint(d, i) || starts_by(v)) && names_someone(v))
		return v;
	if ((name = dated_byline(v)) != NULL && names_someone(name)) {
		free(v);
		return name;
	}
	free(name);
	free(v);
	return NULL;
}

/* ---- where they are looked for ----------------------------------- */

/* The window: from the headline (or the container) to the end of the
 * container's grandparent, which holds its footer. */
static void
window(const struct hdoc *d, const struct hscore *s, uint32_t *from, uint32_t *to)
{
	uint32_t h1 = s->h1, i, top = s->top;
	int k;

	*from = h1 && (!top || h1 < top) ? h1 : top ? top : s->body;
	for (i = top, k = 0; i && k < 2 && d->node[i].parent > s->body; k++)
		i = d->node[i].parent;
	*to = top ? d->node[i].end : (uint32_t)d->n;
	if (*to < *from)
		*to = (uint32_t)d->n;
}

void
html_page_date(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t from, to;
	char *v;

	if (m->trust[M_DATE] && m->trust[M_DATE] <= TR_MICRODATA)
		return;
	window(d, s, &from, &to);
	if (!(v = find(d, s, from, to, 0, date_of)) && !(v = find(d, s, s->body, from, 1, date_of))
	    && !(s->top && (v = lead_date(d, s, from))))
		v = find(d, s, to, (uint32_t)d->n, 0, time_only);
	if (v)
		html_meta_set(m, M_DATE, TR_TIME, v, strlen(v));
	free(v);
}

void
html_page_byline(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t from, to;
	char *v;

	window(d, s, &from, &to);
	if (!(v = find(d, s, from, to, 0, marked_byline)) && !(v = find(d, s, from, to, 0, byline_of))
	    && !(v = find(d, s, s->body, from, 1, marked_byline)))
		v = find(d, s, s->body, from, 1, byline_of);
	if (v)
		html_meta_authors(m, TR_TEXT, v, strlen(v));
	free(v);
}
