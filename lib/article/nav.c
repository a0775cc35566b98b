/* nav: copies of whole web pages ("select all, copy"): the navigation
 * before the headline (menus, section names, log-in and cookie prompts:
 * runs of short lines), and the headline itself, found as the line that
 * the byline, date and deck lines under it anchor, just above the first
 * paragraph of the article.  All by the shape of the lines. */
#include <string.h>

#include "article/internal.h"

/* Lines of navigation before the first paragraph that make the text a
 * page copy rather than an article with a few header lines. */
#define PAGE_MIN_SHORT 8

/* Lines above the first paragraph the headline may stand. */
#define HEADLINE_REACH 12

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
static int
anchor(struct parse *p, size_t i)
{
	const char *s = line_s(p, i), *v;
	size_t n = p->cl[i].len, vn, b, e, w = nwords(s, n, 4);
	int photo;

	if (w <= 2 || art_is_date_line(s, n) || art_byline(s, n, &v, &vn) || art_is_prompt(s, n)
	    || art_is_caption(s, n, p->cl[i].flags) || art_lone_credit(s, n, &photo)
	    || art_is_breadcrumb(s, n) || art_lone_url(s, n))
		return 1;
	if (w <= 3 && isdig((unsigned char)s[0]))
		return 1;
	return w <= 14 && art_date_span(s, n, &b, &e);
}

/* A line that may be a headline: three words or more, at most 40, no
 * sentence unless a short question, no dateline. */
static int
headline(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = nwords(s, n, 41);

	if (n == 0 || n > 300 || w < 3 || w > 40 || art_is_marker(s, n) || art_credit(p, s, n, 0))
		return 0;
	if (art_is_prose(s, n) && !(w <= 20 && (s[n - 1] == '?' || s[n - 1] == '!')))
		return 0;
	return art_dateline(p, s, n, 0) == 0;
}

/* Under a headline at the top of an article, a deck; in a page, the
 * headline is the shorter one over a longer, not a sentence. */
static int
over_deck(struct parse *p, size_t u, size_t h, size_t from)
{
	size_t wh, wu;

	if (!headline(p, u))
		return 0;
	if (!p->page && next_nonblank(p, from) == u)
		return 1;
	wh = nwords(line_s(p, h), p->cl[h].len, 41);
	wu = nwords(line_s(p, u), p->cl[u].len, 41);
	return wu >= 4 && wh >= wu + 3 && !art_is_prose(line_s(p, h), p->cl[h].len);
}

size_t
art_headline(struct parse *p, size_t from, size_t lead)
{
	size_t j = lead, seen = 0, h = NO_LINE, u;

	if (lead > p->cnl)
		lead = p->cnl;
	for (j = lead; j-- > from && seen < HEADLINE_REACH;) {
		if (p->cl[j].len == 0)
			continue;
		seen++;
		if (anchor(p, j))
			continue;
		if (headline(p, j)) {
			h = j;
			break;
		}
	}
	if (h == NO_LINE)
		return NO_LINE;
	/* A deck under its headline. */
	for (u = h; u > from && p->cl[u - 1].len == 0; u--)
		;
	return u-- > from && over_deck(p, u, h, from) ? u : h;
}
