/* shown: the publication date and the byline a page shows, for pages
 * whose metadata (JSON-LD, <meta>, itemprop) names none, or only a
 * <meta name=date> that does not say of what (a CMS's page date).  Both
 * are looked for where an article shows them: from the headline (<h1>)
 * through the article's container and its footer; then before the
 * headline; the date also just above the headline, at the start of
 * the article's first paragraphs and in the byline's own text; failing
 * all, in a teaser anywhere that links to the page itself.  Parts whose
 * hints say they are not the article (teasers, comments) are skipped,
 * so a comment's or a related story's date or author is not taken.
 *
 * Where the metadata does give a publication date, the dates shown by
 * the headline still check it, as the reader sees the page: a page
 * that shows only the day of its last update (dateModified) has that
 * as its date, and one that shows the metadata's UTC instant on its own
 * clock (21:10 on the 4th for 02:10 UTC on the 5th) has its local date.
 * For this check a date inside a date element's longer text counts too.
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

#include "date/date.h"
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

/* A full date inside v at a word's start, after what date_parse does
 * not read before it ("Updated 0915 GMT (1715 HKT) June 2, 2024"):
 * that date, as written; or NULL. */
static char *
date_inside(const char *v)
{
	struct date dt;
	size_t i, n = strlen(v), used;

	for (i = 1; i < n; i++)
		if (strchr(" (|,", v[i - 1]) && date_may_start(v + i, n - i)
		    && date_parse_span(v + i, n - i, 0, &dt, &used) == DATE_OK
		    && dt.prec >= DATE_DAY)
			return estrndup(v + i, used);
	return NULL;
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

/* date_of, or a date inside a date element's longer text ("Updated
 * 0915 GMT (1715 HKT) June 2, 2024"): for checking the metadata's
 * date only, as the page's own date it would be too loose ("Replies: 4
 * Last post: 12.05.2023" in a list of other threads). */
static char *
date_check_of(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v, *in;

	if ((v = date_of(d, s, i)) != NULL || !html_date_hint(d, i) || s->st[i].chars > MAX_DATE_TEXT
	    || !(v = html_flat_text(d, i, 4 * MAX_DATE_TEXT)))
		return v;
	in = date_inside(v);
	free(v);
	return in;
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

/* Trailing white space and separators off s[0..n): its new length. */
static size_t
trim_tail(const char *s, size_t n)
{
	while (n && (hspace((unsigned char)s[n - 1]) || strchr(",;|-", s[n - 1])))
		n--;
	return n;
}

/* A byline that goes on into its date as plain text ("von Jane Doe am
 * 05.03.2024", "Jane Doe, 3 March 2024"): cut where the date starts,
 * with a short lower-case word that joins them ("am", "le", "el").
 * Returns v. */
static char *
cut_date(char *v)
{
	struct date dt;
	size_t i, used, n, w, len = strlen(v);

	for (i = 1; i < len; i++) {
		if (!hspace((unsigned char)v[i - 1]) || !date_may_start(v + i, len - i)
		    || date_parse_span(v + i, len - i, 0, &dt, &used) != DATE_OK || dt.prec < DATE_DAY)
			continue;
		n = trim_tail(v, i);
		for (w = n; w > 0 && v[w - 1] >= 'a' && v[w - 1] <= 'z'; w--)
			;
		if (w > 0 && hspace((unsigned char)v[w - 1]) && n - w <= 3)
			n = trim_tail(v, w);
		if (n > 0)
			v[n] = '\0';
		break;
	}
	return v;
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
	if ((v = byline_text(d, i)) != NULL && names_someone(cut_date(v)))
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
	if ((html_author_hint(d, i) || starts_by(v)) && names_someone(cut_date(v)))
		return v;
	if ((name = dated_byline(v)) != NULL && names_someone(name)) {
		free(v);
		return name;
	}
	free(name);
	free(v);
	return NULL;
}

/* The date a byline shows in its own text ("von Jane Doe am
 * 05.03.2024", "By Jane Doe | March 3, 2024"). */
static char *
byline_date(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v;

	if (!(v = marked_byline(d, s, i)) && !(v = byline_of(d, s, i)))
		return NULL;
	free(v);
	return text_date(d, s, i);
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

/* The nearest text before the headline, in the largest element that
 * holds it but not the headline: when that element is short and reads
 * as a date, a date set over the headline ("05.03.2024 - Redaktion:
 * ..." a share bar of icons away; a day and month over a <header>). */
static char *
date_over(const struct hdoc *d, const struct hscore *s, uint32_t h)
{
	uint32_t i, e, steps = 0;

	if (!h)
		return NULL;
	for (i = h - 1; i > s->body && steps < SCAN_CAP; i--, steps++)
		if (d->node[i].tag == T_TEXT && s->st[i].chars && !skip(d, s, i))
			break;
	if (i <= s->body || steps >= SCAN_CAP)
		return NULL;
	for (e = i; d->node[e].parent > s->body; e = d->node[e].parent) {
		uint32_t p = d->node[e].parent;

		if (d->node[p].end > h || s->st[p].chars > MAX_DATE_TEXT)
			break;
	}
	return text_date(d, s, e);
}

/* ---- a list's link to the page itself --------------------------- */

/* The path of URL u[0..*n) (no scheme, host, query or fragment, no
 * slashes at its ends), its length in *n. */
static const char *
url_path(const char *u, size_t *n)
{
	const char *p = u, *e = u + *n, *q;

	/* an attribute's value is not NUL-terminated: look no further */
	for (q = u; q + 3 <= e && memcmp(q, "://", 3); q++)
		;
	if (q + 3 <= e)
		for (p = q + 3; p < e && *p != '/'; p++)
			;
	else if (*n >= 2 && u[0] == '/' && u[1] == '/')
		for (p = u + 2; p < e && *p != '/'; p++)
			;
	for (q = p; q < e && *q != '?' && *q != '#'; q++)
		;
	while (p < q && *p == '/')
		p++;
	while (q > p && q[-1] == '/')
		q--;
	*n = (size_t)(q - p);
	return p;
}

/* The date in link i: of its elements that read as one, the shortest
 * (the date, not the teaser that holds it and its title). */
static char *
link_date(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	uint32_t j, best = 0;

	for (j = i + 1; j < SCAN_END(d, i); j++) {
		char *v;

		if (!is_elem(d, j) || d->node[j].flags & N_DROP
		    || (best && s->st[j].chars >= s->st[best].chars) || !(v = text_date(d, s, j)))
			continue;
		free(v);
		best = j;
	}
	return best ? text_date(d, s, best) : NULL;
}

/* The date of a teaser that links to the page itself, as a site's list
 * of its latest articles shows this one: a short element in the link
 * whose text is a date.  For a page that shows no date of its own. */
static char *
self_link_date(const struct hdoc *d, const struct hscore *s, const char *url)
{
	const char *path, *h;
	size_t pn = url ? strlen(url) : 0, hn;
	uint32_t i;
	char *v;

	path = url ? url_path(url, &pn) : NULL;
	if (!pn)
		return NULL;
	for (i = s->body; i < d->n; i++) {
		if (d->node[i].tag != T_A || d->node[i].flags & N_DROP
		    || !(h = html_attr(d, i, A_HREF, &hn)))
			continue;
		h = url_path(h, &hn);
		if (hn != pn || memcmp(h, path, pn))
			continue;
		if ((v = link_date(d, s, i)) != NULL)
			return v;
	}
	return NULL;
}

/* ---- the shown date against the metadata's ----------------------- */

/* v (or NULL) read both ways a numeric date may be meant (9/2 as 2
 * September and as 9 February), the full dates appended to r[*n..). */
static void
readings(const char *v, struct date *r, int *n)
{
	int k = *n;

	if (!v)
		return;
	if (date_parse(v, strlen(v), 0, &r[k]) == DATE_OK && r[k].prec >= DATE_DAY)
		k++;
	if (date_parse(v, strlen(v), DATE_DMY, &r[k]) == DATE_OK && r[k].prec >= DATE_DAY
	    && !(k > *n && r[k - 1].month == r[k].month && r[k - 1].day == r[k].day))
		k++;
	*n = k;
}

static int
same_day(const struct date *a, const struct date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Minutes since 1970 of d's wall clock (its zone not applied). */
static long
clock_minutes(const struct date *d)
{
	return date_to_days(d->year, d->month, d->day) * 1440L + d->hour * 60L + d->min;
}

/* The shown time x as the metadata's instant pub written in the page's
 * own zone (a UTC time after midnight the reader sees as the evening
 * before): x with that offset as ISO text, or NULL.  Zones are whole
 * quarter hours within 14 hours of UTC. */
static char *
local_instant(const struct date *x, const struct date *pub)
{
	long off;
	struct date l = *x;
	char iso[64];

	if (x->prec < DATE_MINUTE || pub->prec < DATE_MINUTE || !pub->has_zone || same_day(x, pub))
		return NULL;
	off = clock_minutes(x) - (clock_minutes(pub) - pub->zone);
	if (off == 0 || off % 15 || off < -14 * 60 || off > 14 * 60)
		return NULL;
	l.has_zone = 1, l.zone = (int)off, l.prec = DATE_MINUTE;
	date_format(&l, iso, sizeof iso);
	return estrdup(iso);
}

static void
replace_date(struct hmeta *m, char *v)
{
	free(m->val[M_DATE]);
	m->val[M_DATE] = v;
}

/* How many dates html_page_date weighs against the metadata's. */
#define NSHOWN 6

/* The metadata's publication date against the dates the page shows by
 * its headline (shown[0..NSHOWN), NULL where none), which is what a
 * reader takes for the article's date: when none of them is that day
 * but one is the day of the metadata's last update, the page shows its
 * update as its date, and that is taken; when one is the metadata's
 * instant in the page's own zone, the local date is. */
static void
check_meta_date(struct hmeta *m, char *const *shown)
{
	struct date pub, mod, r[2 * NSHOWN];
	int i, n = 0;
	char *v;

	if (date_parse(m->val[M_DATE], strlen(m->val[M_DATE]), 0, &pub) != DATE_OK)
		return;
	for (i = 0; i < NSHOWN; i++)
		readings(shown[i], r, &n);
	for (i = 0; i < n; i++)
		if (same_day(&r[i], &pub))
			return;
	if (m->val[M_MODIFIED] && date_parse(m->val[M_MODIFIED], strlen(m->val[M_MODIFIED]), 0,
	    &mod) == DATE_OK)
		for (i = 0; i < n; i++)
			if (same_day(&r[i], &mod)) {
				replace_date(m, estrdup(m->val[M_MODIFIED]));
				return;
			}
	for (i = 0; i < n; i++)
		if ((v = local_instant(&r[i], &pub)) != NULL) {
			replace_date(m, v);
			return;
		}
}

/* Where the page shows a date, by trust: the first in the article, the
 * last before its headline, the one set over it, a paragraph's opening,
 * a byline's; and, for checking the metadata only, the first before the
 * headline (a page that shows "Published: ... | Updated: ..." over its
 * headline shows its publication date).  of reads a date element. */
static char *
shown_date(const struct hdoc *d, const struct hscore *s, int k, shown_fn *of)
{
	uint32_t from, to;
	char *v;

	window(d, s, &from, &to);
	switch (k) {
	case 0:
		return find(d, s, from, to, 0, of);
	case 1:
		return find(d, s, s->body, from, 1, of);
	case 2:
		return date_over(d, s, s->h1);
	case 3:
		return s->top ? lead_date(d, s, from) : NULL;
	case 4:
		if (!(v = find(d, s, from, to, 0, byline_date)))
			v = find(d, s, s->body, from, 1, byline_date);
		return v;
	default:
		return find(d, s, s->body, from, 0, of);
	}
}

/* The metadata's date can yield to what the page shows only when it
 * has an update of another day, or a time and zone to show locally. */
static int
checkable(const struct hmeta *m)
{
	struct date pub;

	return m->val[M_MODIFIED] || (date_parse(m->val[M_DATE], strlen(m->val[M_DATE]), 0, &pub)
	    == DATE_OK && pub.has_zone && pub.prec >= DATE_MINUTE);
}

void
html_page_date(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t from, to;
	char *shown[NSHOWN], *v = NULL;
	int k;

	if (m->trust[M_DATE] && m->trust[M_DATE] <= TR_MICRODATA) {
		if (!checkable(m))
			return;
		for (k = 0; k < NSHOWN; k++)
			shown[k] = shown_date(d, s, k, date_check_of);
		check_meta_date(m, shown);
		for (k = 0; k < NSHOWN; k++)
			free(shown[k]);
		return;
	}
	for (k = 0; k < NSHOWN - 1 && !v; k++)
		v = shown_date(d, s, k, date_of);
	window(d, s, &from, &to);
	if (v || (v = find(d, s, to, (uint32_t)d->n, 0, time_only)) != NULL
	    || (v = self_link_date(d, s, m->val[M_URL])) != NULL)
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
