/* nav: copies of whole web pages ("select all, copy"): the navigation
 * before the headline (menus, section names, log-in and cookie prompts:
 * runs of short lines), and the headline itself, found as the line that
 * the byline, date and deck lines under it anchor, just above the first
 * paragraph of the article.  All by the shape of the lines. */
#include <string.h>

#include "article/internal.h"

/* Lines of navigation before the first paragraph that make the text a
 * page copy rather than an article with a few header lines. */
#define PAGE_MIN_SHORT 5

/* Lines above the first paragraph the headline may stand. */
#define HEADLINE_REACH 20

/* A short line that is no sentence: a menu item, a section name. */
static int
short_line(const char *s, size_t n)
{
	return n > 0 && n <= 60 && nwords(s, n, 5) <= 4 && !art_is_prose(s, n);
}

int
art_page_top(struct parse *p, size_t h, size_t lead)
{
	size_t i, shorts = 0;

	for (i = h; i < lead && shorts < PAGE_MIN_SHORT; i++)
		shorts += short_line(line_s(p, i), p->cl[i].len);
	return shorts >= PAGE_MIN_SHORT;
}

/* A line between a headline and its article that is no headline: a
 * date, a byline, a prompt, a caption, a credit, a section name or an
 * author's name (two words or fewer), "4 min read". */
int
art_header_line(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = art_nwords(p, i);
	int photo;

	if (w <= 2 || art_is(p, i, LI_ANCHOR) || art_is(p, i, LI_PROMPT) || art_is(p, i, LI_CAPTION)
	    || art_is(p, i, LI_CRUMB) || art_lone_credit(s, n, &photo) || art_lone_url(s, n))
		return 1;
	return w <= 3 && isdig((unsigned char)s[0]);
}

int
art_headline_shape(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = art_nwords(p, i);

	if (n == 0 || n > 300 || w < 3 || w > 40 || art_is(p, i, LI_MARKER) || art_is(p, i, LI_CREDIT))
		return 0;
	if (art_is(p, i, LI_PROSE) && !(w <= 20 && (s[n - 1] == '?' || s[n - 1] == '!')))
		return 0;
	return art_dateline(p, s, n, 0) == 0;
}

static int
anchor(struct parse *p, size_t i)
{
	return art_is(p, i, LI_SKIP);
}

static int
headline(struct parse *p, size_t i)
{
	return art_is(p, i, LI_HEAD);
}

/* A deck under a headline that opens the text: the line above h, u, is
 * the headline when it is no longer than h. */
static int
over_deck(struct parse *p, size_t u, size_t h, size_t from)
{
	return !p->page && next_nonblank(p, from) == u && headline(p, u)
	    && nwords(line_s(p, u), p->cl[u].len, 41) <= nwords(line_s(p, h), p->cl[h].len, 41);
}

int
art_anchor_line(const char *s, size_t n)
{
	const char *v;
	size_t vn, b, e;

	if (art_byline(s, n, &v, &vn) || (n && art_by_word(s, n) == n))
		return 1;
	return n <= 160 && has_digit(s, n)
	    && (art_is_date_line(s, n) || (nwords(s, n, 15) <= 14 && art_date_span(s, n, &b, &e)));
}

int
art_anchor_near(struct parse *p, size_t i, size_t end, int down, size_t lines)
{
	size_t seen = 0;

	while (seen < lines && (down ? ++i < end : i-- > end)) {
		if (p->cl[i].len == 0)
			continue;
		seen++;
		if (art_is(p, i, LI_ANCHOR))
			return 1;
	}
	return 0;
}

/* Dates and bylines among the three lines under line h, before lead:
 * the anchors that make it the headline. */
static int
anchored(struct parse *p, size_t h, size_t lead)
{
	return art_anchor_near(p, h, lead, 1, 3);
}

/* A photo credit or a category in a header line: "|", a word right
 * after a slash ("Alex Wong/Getty Images"), a photo credit. */
static int
credit_marks(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '|' || (s[i] == '/' && i > 0 && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z'
		    && isalnum_a((unsigned char)s[i - 1]) && !isdig((unsigned char)s[i - 1])))
			return 1;
	return art_photo_credit(s, n);
}

/* The text repeated elsewhere, alone or as the last part of a
 * breadcrumb ("Home » News » <headline>"): a page names its headline
 * more than once. */
static int
repeated(struct parse *p, size_t i)
{
	const char *s = line_s(p, i), *t;
	size_t n = p->cl[i].len, k, m;

	for (k = 0; k < p->cnl; k++) {
		m = p->cl[k].len;
		if (k == i || m < n || m > 300)
			continue;
		t = line_s(p, k);
		if (same_ci(t + m - n, n, s, n) && (m == n || !isalnum_a((unsigned char)t[m - n - 1])))
			return 1;
	}
	return 0;
}

/* How much line j, a headline by its shape, looks like the article's:
 * a date or byline under it, the top of a block (a short line or a
 * kicker above it), named again in the page; no credit marks; near the
 * first paragraph (seen lines above it).  In tenths. */
static long
headline_score(struct parse *p, size_t j, size_t from, size_t lead, size_t seen)
{
	size_t u = j;
	long score = -(long)seen * 25 / 10;

	while (u > from && p->cl[u - 1].len == 0)
		u--;
	if (anchored(p, j, lead))
		score += 80;
	if (u == from || nwords(line_s(p, u - 1), p->cl[u - 1].len, 5) <= 3)
		score += 5;
	if (u > from && headline(p, u - 1))
		score += 5;
	if (repeated(p, j))
		score += 5;
	if (credit_marks(line_s(p, j), p->cl[j].len))
		score -= 120;
	return score;
}

int
art_is_headline(struct parse *p, size_t i)
{
	return headline(p, i) && !anchor(p, i) && anchored(p, i, p->cnl);
}

size_t
art_headline(struct parse *p, size_t from, size_t lead, int *anchor_seen)
{
	size_t j, seen = 0, h = NO_LINE, u;
	long score, best = 0;

	*anchor_seen = 0;
	if (lead > p->cnl)
		lead = p->cnl;
	for (j = lead; j-- > from && seen < HEADLINE_REACH;) {
		if (p->cl[j].len == 0)
			continue;
		seen++;
		if (anchor(p, j) || !headline(p, j))
			continue;
		score = headline_score(p, j, from, lead, seen);
		if (h == NO_LINE || score > best)
			h = j, best = score;
	}
	if (h == NO_LINE)
		return NO_LINE;
	*anchor_seen = anchored(p, h, lead);
	/* A deck under its headline. */
	for (u = h; u > from && p->cl[u - 1].len == 0; u--)
		;
	return u-- > from && over_deck(p, u, h, from) ? u : h;
}
