/* title: the headline.  The one a reader sees is the article's <h1>: the
 * one inside the article's container or just before it, not in a part
 * that is not the article, nor the site's name (a logo).  Without one,
 * the metadata's title (JSON-LD, og:title...), else <title>, without the
 * site's name around it: pages write "Headline - Site", "Headline |
 * Site", "Site: Headline".  A part is the site's name when it matches
 * the outlet the page names or the host of its URL, or when the <h1> is
 * the rest; a " | " suffix of a few words is cut even without one of
 * those, as a pipe is almost never part of a headline. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"
#include "mem.h"
#include "text.h"

static const char *const seps[] = {
	" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
	" \xE2\x80\xA2 ", " \xC2\xBB ", " // ", " / ", " : ", ": ",
};

/* s[0..n) folded to its lower-case ASCII letters and digits (the rest,
 * accents too, kept as bytes), for comparing names loosely. */
static void
squash(const char *s, size_t n, struct buf *b)
{
	size_t i;

	buf_reset(b);
	buf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			buf_addc(b, (char)(c | 0x20));
		else if ((c >= '0' && c <= '9') || c >= 0x80)
			buf_addc(b, (char)c);
	}
}

/* Part s[0..n) names the site: it is (loosely) the outlet or the URL's
 * host, or one holds the other. */
int
html_names_site(const char *s, size_t n, const struct hmeta *m)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *u = m->val[M_URL], *h, *e;
	int yes = 0;

	squash(s, n, &a);
	if (a.len >= 2 && m->val[M_OUTLET]) {
		squash(m->val[M_OUTLET], strlen(m->val[M_OUTLET]), &b);
		yes = b.len >= 2 && (strstr(a.s, b.s) || strstr(b.s, a.s));
	}
	if (!yes && a.len >= 2 && m->val[M_LOGO]) {
		squash(m->val[M_LOGO], strlen(m->val[M_LOGO]), &b);
		yes = b.len >= 2 && strstr(a.s, b.s);
	}
	if (!yes && a.len >= 3 && u && (h = strstr(u, "://")) != NULL) {
		h += 3;
		for (e = h; *e && *e != '/' && *e != ':' && *e != '?'; e++)
			;
		squash(h, (size_t)(e - h), &b);
		yes = strstr(b.s, a.s) != NULL;
	}
	buf_free(&a);
	buf_free(&b);
	return yes;
}

static size_t
words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (hspace((unsigned char)s[i]))
			in = 0;
		else if (!in)
			in = 1, w++;
	}
	return w;
}

static int
same_text(const char *a, size_t an, const char *b)
{
	size_t i;

	if (!b || strlen(b) != an)
		return 0;
	for (i = 0; i < an; i++)
		if (hlower((unsigned char)a[i]) != hlower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Part s[0..n) is no more than a site's name, a few letters aside (for
 * a prefix: "Site: Headline" but not "Headline: Site"). */
static int
only_site(const char *s, size_t n, const struct hmeta *m)
{
	struct buf a = BUF_INIT;
	size_t site = 0;
	const char *v;

	if (!html_names_site(s, n, m))
		return 0;
	squash(s, n, &a);
	if ((v = m->val[M_OUTLET]) != NULL)
		site = strlen(v);
	if ((v = m->val[M_LOGO]) != NULL && strlen(v) > site)
		site = strlen(v);
	if (!site)
		site = 40;	/* the host: names_site found it in there */
	buf_free(&a);
	return a.len <= site + site / 3 + 2;
}

/* Cut one site part off *s at a separator: from the end, else from the
 * start. */
static int
cut_once(const char **s, size_t *n, const struct hmeta *m, const char *h1)
{
	size_t k, len, at;
	const char *p;

	for (k = 0; k < LEN(seps); k++) {
		len = strlen(seps[k]);
		/* the last separator: "Headline - Section - Site" */
		for (p = NULL, at = 0; at + len <= *n; at++)
			if (!memcmp(*s + at, seps[k], len))
				p = *s + at;
		if (p) {
			const char *tail = p + len;
			size_t tn = *n - (size_t)(tail - *s), hn = (size_t)(p - *s);

			if (hn && (html_names_site(tail, tn, m) || same_text(*s, hn, h1)
			    || (k == 0 && words(tail, tn) <= 4 && words(*s, hn) >= 2))) {
				*n = hn;
				return 1;
			}
		}
	}
	for (k = 0; k + 1 < LEN(seps); k++) {
		len = strlen(seps[k]);
		for (at = 0; at + len <= *n && memcmp(*s + at, seps[k], len); at++)
			;
		if (at && at + len < *n && only_site(*s, at, m)) {
			*n -= at + len;
			*s += at + len;
			return 1;
		}
	}
	return 0;
}

/* "Site » Blog » Headline": a trail of two or more arrows ends with the
 * page itself. */
static void
last_of_trail(const char **s, size_t *n)
{
	static const char arrow[] = " \xC2\xBB ";
	size_t at, k = strlen(arrow), count = 0, last = 0;

	for (at = 0; at + k <= *n; at++)
		if (!memcmp(*s + at, arrow, k))
			count++, last = at + k;
	if (count >= 2 && last < *n) {
		*n -= last;
		*s += last;
	}
}

/* Trim white space off both ends of (*s, *n), U+00A0 and the other
 * Unicode spaces too: "Headline\u00A0- Site" leaves one at the cut. */
static void
trim_spaces(const char **s, size_t *n)
{
	int32_t cp;
	int len;
	size_t k;

	for (;;) {
		htrim(s, n);
		if (*n && (len = text_decode(*s, *n, &cp)) > 0 && text_is_space(cp)) {
			*s += len, *n -= (size_t)len;
			continue;
		}
		for (k = *n; k > 0 && ((unsigned char)(*s)[k - 1] & 0xC0) == 0x80; k--)
			;
		if (k > 0 && k < *n && (len = text_decode(*s + k - 1, *n - k + 1, &cp)) > 0
		    && k - 1 + (size_t)len == *n && text_is_space(cp)) {
			*n = k - 1;
			continue;
		}
		return;
	}
}

/* A copy of s with each U+00A0 a plain space, as separators are
 * written around the site's name with either. */
static char *
plain_spaces(const char *s)
{
	char *c = estrdup(s), *o = c;

	for (; *s; s++)
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			*o++ = ' ', s++;
		else
			*o++ = *s;
	*o = '\0';
	return c;
}

char *
html_clean_title(const char *title, const struct hmeta *m, const char *h1)
{
	char *copy, *r;
	const char *s;
	size_t n, i;

	if (!title)
		return NULL;
	s = copy = plain_spaces(title);
	n = strlen(s);
	last_of_trail(&s, &n);
	for (i = 0; i < 6 && cut_once(&s, &n, m, h1); i++)
		;
	trim_spaces(&s, &n);
	r = n ? estrndup(s, n) : NULL;
	free(copy);
	return r;
}

/* A link to the site's front page: "/", "https://host/", "index.html". */
static int
home_link(const char *h, size_t n)
{
	const char *p;
	size_t k;

	if (n >= 8 && (p = memchr(h, ':', n)) != NULL && p + 3 <= h + n && !memcmp(p, "://", 3)) {
		k = (size_t)(p + 3 - h);
		while (k < n && h[k] != '/')
			k++;
		h += k, n -= k;
	}
	while (n && h[0] == '/')
		h++, n--;
	return n == 0 || (n >= 5 && !memcmp(h, "index", 5) && !memchr(h, '/', n));
}

/* An <h1> that is the site's logo: all its text a link to the front
 * page. */
static int
logo(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	uint32_t j;
	const char *h;
	size_t n;

	if (s->st[i].links < s->st[i].chars)
		return 0;
	for (j = i; j < SCAN_END(d, i); j++)
		if (d->node[j].tag == T_A && (h = html_attr(d, j, A_HREF, &n)) && home_link(h, n))
			return 1;
	for (j = d->node[i].parent; j && j > d->node[i].parent - 3 && d->node[j].tag != T_BODY;
	    j = d->node[j].parent)
		if (d->node[j].tag == T_A && (h = html_attr(d, j, A_HREF, &n)) && home_link(h, n))
			return 1;
	return 0;
}

/* A headline by its markup: hAtom's class="entry-title", schema.org's
 * itemprop="headline". */
static int
marked_headline(const struct hdoc *d, uint32_t i)
{
	return html_attr_is(d, i, A_CLASS, "entry-title") || html_attr_is(d, i, A_ITEMPROP, "headline");
}

/* The heading the container opens with, before any of its text, or 0. */
static uint32_t
leading_heading(const struct hdoc *d, const struct hscore *s, uint32_t top)
{
	uint32_t j;
	const char *p;
	size_t n;

	for (j = top + 1; j < SCAN_END(d, top); j++) {
		if (d->node[j].flags & N_DROP) {
			j = d->node[j].end - 1;
			continue;
		}
		if (is_elem(d, j) && html_tag_kind(d->node[j].tag) & K_HEADING)
			return s->st[j].chars && s->st[j].chars <= 400 ? j : 0;
		if (d->node[j].tag == T_TEXT) {
			p = node_text(d, j), n = d->node[j].len;
			htrim(&p, &n);
			if (n)
				return 0;
		}
	}
	return 0;
}

/* The element that is the article's headline, or 0: visible, not in a
 * part that is not the article, not the site's name; an <h1> inside the
 * container first, else the last <h1> or marked headline before it.  A
 * page that sets three or more <h1> before its article uses them for
 * looks (a tagline, a menu's titles) and marks no headline with one.
 * Without any of those or a title in the metadata, the heading the
 * container opens with is the headline. */
uint32_t
html_article_h1(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t i, top = s->top, before = 0, any = 0, h1s = 0;
	char *t;
	int site, marked;

	for (i = s->body; i < d->n; i++) {
		if (d->node[i].flags & N_DROP || s->st[d->node[i].parent].unlikely) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !s->st[i].chars || s->st[i].chars > 400)
			continue;
		marked = top && i < top && marked_headline(d, i);
		if (d->node[i].tag != T_H1 && !marked)
			continue;
		t = html_flat_text(d, i, 2000);
		site = !t || html_names_site(t, strlen(t), m);
		if (t && !site && logo(d, s, i)) {
			html_meta_set(m, M_LOGO, TR_TEXT, t, strlen(t));
			site = 1;
		}
		free(t);
		if (site)
			continue;
		if (d->node[i].tag != T_H1) {
			before = i;
			continue;
		}
		if (top && i > top && i < d->node[top].end)
			return i;
		if (top && i < top)
			before = i, h1s++;
		if (!any)
			any = i;
	}
	if (before && d->node[before].tag == T_H1 && h1s >= 3)
		before = 0;
	if (before || !top)
		return before ? before : any;
	return m->val[M_TITLE] ? 0 : leading_heading(d, s, top);
}

static int
no_small(const struct hdoc *d, uint32_t i, void *arg)
{
	(void)arg;
	return d->node[i].tag != T_SMALL;
}

/* The text of a headline element: its itemprop=headline part if it has
 * one, without <small> (a date, a deck), and of its lines the longest
 * ("Kicker<br>Headline"). */
static char *
headline_text(const struct hdoc *d, uint32_t h)
{
	struct buf b = BUF_INIT;
	struct text_out t = { &b, 0, 4000 };
	uint32_t j;
	size_t i, start = 0, best = 0, bestn = 0;
	char *r;

	for (j = h + 1; j < SCAN_END(d, h); j++)
		if (is_elem(d, j) && html_attr_is(d, j, A_ITEMPROP, "headline")) {
			h = j;
			break;
		}
	buf_add(&b, "", 0);
	html_text(d, h, &t, no_small, NULL);
	for (i = 0; i <= b.len; i++)
		if (i == b.len || b.s[i] == '\n') {
			if (i - start > bestn)
				best = start, bestn = i - start;
			start = i + 1;
		}
	r = bestn ? estrndup(b.s + best, bestn) : NULL;
	buf_free(&b);
	return r;
}

/* Case-insensitive (ASCII): a starts with b, or holds it. */
static int
starts_ci(const char *a, const char *b)
{
	size_t i;

	for (i = 0; b[i]; i++)
		if (hlower((unsigned char)a[i]) != hlower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int
holds_ci(const char *a, const char *b)
{
	for (; *a; a++)
		if (starts_ci(a, b))
			return 1;
	return 0;
}

/* The <h1> is not the whole headline when the metadata's title goes on
 * from it ("Storm –" over "Storm – the wettest May in years"), or when
 * it is a word or two the title does not hold (a section's name over
 * the article, a dateline). */
static int
h1_falls_short(const char *h1, const char *meta)
{
	size_t hw = words(h1, strlen(h1)), mw = words(meta, strlen(meta));

	if (strlen(meta) > strlen(h1) && starts_ci(meta, h1))
		return 1;
	return hw <= 2 && mw >= 5 && !holds_ci(meta, h1);
}

/* s[0..n) ends in a separator, white space aside: "Headline –". */
static int
ends_in_separator(const char *s, size_t n)
{
	static const char *const marks[] = {
		"-", ":", "|", "\xE2\x80\x93", "\xE2\x80\x94",
	};
	size_t k, len;

	trim_spaces(&s, &n);
	for (k = 0; k < LEN(marks); k++) {
		len = strlen(marks[k]);
		if (n > len && !memcmp(s + n - len, marks[k], len))
			return 1;
	}
	return 0;
}

/* The heading right after element h (white space between), or 0. */
static uint32_t
next_heading(const struct hdoc *d, uint32_t h)
{
	uint32_t j = d->node[h].end;
	const char *p;
	size_t n;

	while (j < d->n && d->node[j].tag == T_TEXT) {
		p = node_text(d, j), n = d->node[j].len;
		htrim(&p, &n);
		if (n)
			return 0;
		j++;
	}
	return j < d->n && !(d->node[j].flags & N_DROP)
	    && html_tag_kind(d->node[j].tag) & K_HEADING ? j : 0;
}

/* A headline that ends in a separator goes on in the heading after it:
 * one headline set as two elements. */
static char *
whole_headline(const struct hdoc *d, uint32_t h)
{
	char *t = headline_text(d, h), *rest;
	uint32_t next;
	struct buf b = BUF_INIT;

	if (!t || !ends_in_separator(t, strlen(t)) || !(next = next_heading(d, h))
	    || !(rest = headline_text(d, next)))
		return t;
	buf_adds(&b, t);
	buf_addc(&b, ' ');
	buf_adds(&b, rest);
	free(t);
	free(rest);
	return buf_take(&b);
}

/* "Kicker: Headline" in the <h1> where the metadata's title is
 * "Headline": the kicker is a label over the headline, not part of it. */
static int
kicker_over(const char *h1, const char *t)
{
	size_t hn = strlen(h1), tn = strlen(t);

	return hn > tn && tn && starts_ci(h1 + hn - tn, t) && words(t, tn) >= 3
	    && words(h1, hn - tn) >= 1 && ends_in_separator(h1, hn - tn);
}

char *
html_headline(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t h = s->h1;
	char *h1 = h ? whole_headline(d, h) : NULL, *t = NULL;

	if (m->val[M_TITLE] && (t = html_clean_title(m->val[M_TITLE], m, h1)) != NULL
	    && html_names_site(t, strlen(t), m) && m->val[M_SITE_TITLE]) {
		free(t);
		t = NULL;
	}
	if (h1 && !(t && (h1_falls_short(h1, t) || kicker_over(h1, t)))) {
		free(t);
		return h1;
	}
	free(h1);
	if (t)
		return t;
	return m->val[M_SITE_TITLE] ? html_clean_title(m->val[M_SITE_TITLE], m, NULL) : NULL;
}
