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

char *
html_clean_title(const char *title, const struct hmeta *m, const char *h1)
{
	const char *s = title;
	size_t n, i;

	if (!s)
		return NULL;
	n = strlen(s);
	last_of_trail(&s, &n);
	for (i = 0; i < 6 && cut_once(&s, &n, m, h1); i++)
		;
	htrim(&s, &n);
	return n ? estrndup(s, n) : NULL;
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

/* The <h1> that is the article's headline, or 0: visible, not in a part
 * that is not the article, not the site's name; inside the container
 * first, else the last one before it. */
uint32_t
html_article_h1(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t i, top = s->top, before = 0, any = 0;
	char *t;
	int site;

	for (i = s->body; i < d->n; i++) {
		if (d->node[i].flags & N_DROP || s->st[d->node[i].parent].unlikely) {
			i = d->node[i].end - 1;
			continue;
		}
		if (d->node[i].tag != T_H1 || !s->st[i].chars || s->st[i].chars > 400)
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
		if (top && i > top && i < d->node[top].end)
			return i;
		if (top && i < top)
			before = i;
		if (!any)
			any = i;
	}
	return before ? before : top ? 0 : any;
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
 * from it ("Naturkosmetik –" over "Naturkosmetik – die gesündere
 * Alternative?"), or when it is a word or two the title does not hold
 * (a section's name over the article, a dateline). */
static int
h1_falls_short(const char *h1, const char *meta)
{
	size_t hw = words(h1, strlen(h1)), mw = words(meta, strlen(meta));

	if (strlen(meta) > strlen(h1) && starts_ci(meta, h1))
		return 1;
	return hw <= 2 && mw >= 5 && !holds_ci(meta, h1);
}

char *
html_headline(const struct hdoc *d, const struct hscore *s, struct hmeta *m)
{
	uint32_t h = s->h1;
	char *h1 = h ? headline_text(d, h) : NULL, *t = NULL;

	if (m->val[M_TITLE] && (t = html_clean_title(m->val[M_TITLE], m, h1)) != NULL
	    && html_names_site(t, strlen(t), m) && m->val[M_SITE_TITLE]) {
		free(t);
		t = NULL;
	}
	if (h1 && !(t && h1_falls_short(h1, t))) {
		free(t);
		return h1;
	}
	free(h1);
	if (t)
		return t;
	return m->val[M_SITE_TITLE] ? html_clean_title(m->val[M_SITE_TITLE], m, NULL) : NULL;
}
