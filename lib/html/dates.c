/* dates: the publication date a page shows, for pages whose metadata
 * (JSON-LD, <meta>, itemprop) names none.  Looked for where an article
 * shows its date: from the headline (<h1>) through the article's
 * container, in a <time> element, an element whose class or id says
 * "date", "time", "published" or the like, or hAtom's class="published"
 * title; then before the headline; then at the start of the article's
 * first paragraphs.  Parts whose hints say they are not the article
 * (teasers, comments) are skipped, so a comment's or a related story's
 * date is not taken.  The text is kept as written; a candidate counts
 * when lib/date reads a full calendar date in it, as normalize-date
 * will. */
#include <stdlib.h>
#include <string.h>

#include "date/date.h"
#include "html/internal.h"
#include "mem.h"

/* The longest text taken as a date element's. */
#define MAX_DATE_TEXT 120

static int
full_date(const char *s, size_t n)
{
	struct date dt;

	return date_parse(s, n, 0, &dt) == DATE_OK && dt.prec >= DATE_DAY;
}

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
	return full_date(v, n) ? estrndup(v, n) : NULL;
}

static char *
text_date(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v;

	if (s->st[i].chars > MAX_DATE_TEXT || !(v = html_flat_text(d, i, 4 * MAX_DATE_TEXT)))
		return NULL;
	if (full_date(v, strlen(v)))
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

/* Nodes to pass over: not seen, or in a part that is not the article. */
static int
skip(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	return d->node[i].flags & N_DROP || s->st[d->node[i].parent].unlikely;
}

/* The first date in [from, to), or with last set the last one. */
static char *
find(const struct hdoc *d, const struct hscore *s, uint32_t from, uint32_t to, int last)
{
	char *got = NULL, *v;
	uint32_t i;

	for (i = from; i < to; i++) {
		if (skip(d, s, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !(v = date_of(d, s, i)))
			continue;
		free(got);
		got = v;
		if (!last)
			return got;
		i = d->node[i].end - 1;
	}
	return got;
}

/* A date at the start of one of the container's first paragraphs. */
static char *
lead_date(const struct hdoc *d, const struct hscore *s, uint32_t top)
{
	uint32_t i;
	int blocks = 0;
	char *v;

	for (i = top; i < d->node[top].end && blocks < 3; i++) {
		if (skip(d, s, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !s->st[i].own)
			continue;
		blocks++;
		if ((v = html_flat_text(d, i, MAX_DATE_TEXT)) != NULL) {
			if (full_date(v, strlen(v)))
				return v;
			free(v);
		}
	}
	return NULL;
}

void
html_page_date(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t h1 = 0, i, from, to, top = s->top;
	int k;
	char *v;

	if (m->trust[M_DATE] && m->trust[M_DATE] <= TR_MICRODATA)
		return;
	for (i = s->body; i < d->n && !h1; i++)
		if (d->node[i].tag == T_H1 && !skip(d, s, i))
			h1 = i;
	from = h1 && (!top || h1 < top) ? h1 : top ? top : s->body;
	/* the article's own date may follow its text, in its footer */
	for (i = top, k = 0; i && k < 2 && d->node[i].parent > s->body; k++)
		i = d->node[i].parent;
	to = top ? d->node[i].end : (uint32_t)d->n;
	if (to < from)
		to = (uint32_t)d->n;
	if (!(v = find(d, s, from, to, 0)) && !(v = find(d, s, s->body, from, 1)) && top)
		v = lead_date(d, s, top);
	if (v)
		html_meta_set(m, M_DATE, TR_TIME, v, strlen(v));
	free(v);
}
