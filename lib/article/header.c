/* header: pass 3a, the lines at the top: title, deck, outlet, dates,
 * bylines, key: value blocks, up to the first line of the body. */
#include <string.h>

#include "article/internal.h"
#include "buf.h"

static int
ends_question(const char *s, size_t n)
{
	return n > 0 && (s[n - 1] == '?' || s[n - 1] == '!');
}

/* Short Title Case line ("Korea Herald", "The Daily Example"). */
static int
title_case_short(const char *s, size_t n, size_t maxwords)
{
	size_t i;

	if (n == 0 || n > 60 || nwords(s, n, maxwords + 1) > maxwords || art_is_prose(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (isdig(c) || c == ':' || c == ',' || c == '>' || c == '|')
			return 0;
		if ((i == 0 || s[i - 1] == ' ') && c >= 'a' && c <= 'z'
		    && !starts_word(s + i, n - i, "of") && !starts_word(s + i, n - i, "the")
		    && !starts_word(s + i, n - i, "and") && !starts_word(s + i, n - i, "de"))
			return 0;
	}
	return 1;
}

/* A site's name: a short Title Case line (five words at most), no
 * menu ("Home News Sport Contact"). */
static int
outlet_shape(const char *s, size_t n)
{
	return title_case_short(s, n, 5) && !art_is_menu_line(s, n);
}

/* A line that may be a headline: short, and not a sentence unless a
 * short question or exclamation. */
static int
title_like(struct parse *p, const char *s, size_t n)
{
	size_t w = nwords(s, n, 41);

	if (n == 0 || n > 300 || w > 40)
		return 0;
	if (art_is_prose(s, n) && !(ends_question(s, n) && w <= 20))
		return 0;
	/* A dateline starts a body, never a headline; a menu on one
	 * line is none either. */
	return art_dateline(p, s, n, 0) == 0 && !art_is_menu_line(s, n) && !art_is_legal_name(s, n);
}

/* "date 2025-08-30", maybe followed by a headline or the body. */
static size_t
date_first_line(struct parse *p, size_t i)
{
	struct line *l = &p->cl[i];
	const char *s = line_s(p, i), *r;
	size_t n = l->len, k, rn;

	if (n < 15 || !eq_ci(s, 5, "date ") || (n > 15 && s[15] != ' '))
		return i;
	for (k = 5; k < 15; k++)
		if ((k == 9 || k == 12) ? s[k] != '-' : !isdig((unsigned char)s[k]))
			return i;
	art_set_once(&p->a->date_raw, s + 5, 10);
	art_removed(p, s, 15, "date_raw");
	r = s + 15;
	rn = n - 15;
	trim(&r, &rn);
	if (rn == 0)
		return i + 1;
	if (title_like(p, r, rn)) {
		art_set_once(&p->a->title, r, rn);
		art_removed(p, r, rn, "title");
		return i + 1;
	}
	l->off += (size_t)(r - s);
	l->len = rn;
	return i;
}

/* A host name alone ("www.example.com"), as a reader view copies it
 * over the headline: lower case ("Mr.Smith" is no host). */
static int
host_name(const char *s, size_t n)
{
	size_t i, dot = 0;

	if (n < 4 || n > 64 || s[0] == '.' || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == '.')
			dot = i;
		else if (s[i] != '-' && ((unsigned char)s[i] >= 0x80 || !isalnum_a((unsigned char)s[i])
		    || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	if (!dot || n - dot - 1 < 2)
		return 0;
	for (i = dot + 1; i < n; i++)
		if (isdig((unsigned char)s[i]) || s[i] == '-')
			return 0;
	return 1;
}

/* The site's name at the very top: a short Title Case line over a
 * breadcrumb or the headline ("The Daily Example", "Korea Herald"), or
 * its host name (the outlet as the URL's host gives it). */
static int
site_name(struct parse *p, size_t i, size_t top)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, j = next_nonblank(p, i + 1);
	struct buf u = BUF_INIT;

	if (i != top || p->a->outlet || (p->cl[i].flags & LF_HEADING) || j >= p->cnl)
		return 0;
	if (!art_is_breadcrumb(line_s(p, j), p->cl[j].len) && j != p->title_at)
		return 0;
	if (host_name(s, n)) {
		buf_adds(&u, "https://");
		buf_add(&u, s, n);
		p->a->outlet = article_outlet_for_url(u.s);
		buf_free(&u);
	} else if (outlet_shape(s, n)) {
		art_set_once(&p->a->outlet, s, n);
	} else {
		return 0;
	}
	art_drop(p, i, "outlet");
	return 1;
}

/* A date line, or a short line with a date, at most three lines above
 * a page's headline ("13. Februar 2017", "04.02.2022 | 13:10 Uhr |
 * Jane Doe", then the headline): the date of the article when none
 * comes under it; the same above the first paragraph of a page with no
 * headline. */
static int
date_above(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, j, lines = 0, b, e;
	size_t end = p->title_at < p->cnl ? p->title_at : p->lead;

	for (j = i + 1; j < end && j < p->cnl; j++)
		if (p->cl[j].len && ++lines > 3)
			return 0;
	if (art_is_date_line(s, n))
		p->date_above = s, p->date_above_len = n;
	else if (art_dated_span(p, s, n, &b, &e))
		p->date_above = s + b, p->date_above_len = e - b;
	else
		return 0;
	art_byline_in_date_line(p, s, n);
	art_drop(p, i, "date_raw");
	return 1;
}

/* A line of boilerplate in the header: dropped (kept with
 * ARTICLE_KEEP_BOILERPLATE), with its reason. */
static void
header_drop(struct parse *p, size_t i, const char *reason)
{
	if (p->keep)
		art_keep_line(p, line_s(p, i), p->cl[i].len, 1);
	else
		art_drop(p, i, reason);
}

/* The headline again, alone or with a word or two after it (an
 * image's text and its category: "lemon cake Baking"). */
static int
repeats_title(const char *s, size_t n, const char *t)
{
	size_t tn = strlen(t);

	if (n < tn || !same_ci(s, tn, t, tn))
		return 0;
	return n == tn || (s[tn] == ' ' && nwords(s + tn, n - tn, 3) <= 2);
}

/* Why line i, over the headline, goes: a prompt (a cookie notice, a
 * log-in box) or navigation (menus, and the buttons among them). */
static const char *
above_title(struct parse *p, size_t i)
{
	/* a log-in box or a cookie notice is a sentence: a menu's items
	 * are spared the look */
	return art_nwords(p, i) > 4 && art_is(p, i, LI_LOGIN) ? "prompt" : "navigation";
}

const char *
art_header_boilerplate(struct parse *p, size_t i)
{
	const char *s = line_s(p, i), *t = p->a->title;
	size_t n = p->cl[i].len;

	if (art_is_breadcrumb(s, n) || art_is_arrow_link(s, n) || art_is_wiki_tagline(s, n))
		return "navigation";
	if (art_is_prompt(s, n))
		return "prompt";
	if (art_is_caption(s, n, p->cl[i].flags))
		return "caption";
	return t && repeats_title(s, n, t) ? "repeat" : NULL;
}

/* Line j holds s[0..k), a separator (": ", " - ", " – ") and s[k+1..n):
 * the page writes the kicker and its headline apart there. */
static int
written_apart(struct parse *p, size_t j, const char *s, size_t k, size_t n)
{
	static const char *const seps[] = { ": ", " - ", " \342\200\223 ", " | " };
	const char *t = line_s(p, j), *at;
	size_t tn = p->cl[j].len, a, q, m;

	/* the kicker's first letter as written, found fast */
	for (a = 0; a + n < tn && (at = memchr(t + a, s[0], tn - n - a)); a++) {
		a = (size_t)(at - t);
		if (!same_ci(t + a, k, s, k))
			continue;
		for (q = 0; q < LEN(seps); q++) {
			m = strlen(seps[q]);
			if (a + k + m + (n - k - 1) <= tn && !memcmp(t + a + k, seps[q], m)
			    && same_ci(t + a + k + m, n - k - 1, s + k + 1, n - k - 1))
				return 1;
		}
	}
	return 0;
}

/* The headline's line opens with a kicker joined to it, a word or
 * three ("Schwimmbad Council votes to close the pool"), that the
 * page writes apart elsewhere ("Schwimmbad - Council votes to ...",
 * in a share line or over the comments): where the headline starts,
 * 0 if no such kicker. */
static size_t
kicker_part(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k = 0, words, j;

	for (words = 1; words <= 3; words++) {
		while (k < n && s[k] != ' ')
			k++;
		if (k >= n || nwords(s + k + 1, n - k - 1, 3) < 3 || strchr(":.,;!?", s[k - 1]))
			return 0;
		for (j = 0; j < p->cnl; j++)
			if (j != i && p->cl[j].len > n && p->cl[j].len <= 400 && written_apart(p, j, s, k, n))
				return k + 1;
		k++;
	}
	return 0;
}

/* A headline line that a wide gap splits ("Council votes to close the
 * pool    Repairs would cost more": a page's inline parts a copy
 * joins) is the headline up to it and its deck after: the bytes of the
 * headline, n if no such gap.  Two words each side at least, no label
 * or sentence before it. */
static size_t
headline_part(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k, words = 1;
	unsigned gap = p->nl[i + p->from].gap;

	/* a markdown heading's "#" was a word of the line */
	if (p->cl[i].flags & LF_HEADING)
		gap--;
	if (gap < 2 || gap == GAP_MANY || (p->cl[i].flags & ~(unsigned)(LF_HEADING | LF_H1)))
		return n;
	for (k = 0; k < n; k++)
		if (s[k] == ' ' && words++ == gap)
			break;
	if (k >= n || strchr(".:!?,;", s[k - 1]) || nwords(s + k + 1, n - k - 1, 2) < 2)
		return n;
	return k;
}

/* Line i and the lines a hard wrap broke it onto (more at most, no
 * date or byline; for a headline no sentence), as the field *dst:
 * "... nach dem 10. Spieltag ohne" / "Fehlentscheidungen aus" is one
 * title; returns its last line. */
static size_t
set_wrapped(struct parse *p, size_t i, char **dst, const char *reason, size_t more, int prose)
{
	struct buf b = BUF_INIT;
	size_t k = i;

	buf_add(&b, line_s(p, i), p->cl[i].len);
	while (k < i + more && k + 1 < p->cnl && p->cl[k + 1].len && art_fills_line(p, k)
	    && !art_is(p, k + 1, LI_ANCHOR) && (prose || !art_is(p, k + 1, LI_PROSE))) {
		art_drop(p, k, reason);
		k++;
		buf_addc(&b, ' ');
		buf_add(&b, line_s(p, k), p->cl[k].len);
	}
	art_set_once(dst, b.s ? b.s : "", b.len);
	art_drop(p, k, reason);
	buf_free(&b);
	return k;
}

/* The header from line i on: its fields set, its boilerplate dropped (or
 * kept for the body with ARTICLE_KEEP_BOILERPLATE); returns the first
 * line of the body.  The headline is the line the lines under it anchor
 * (nav.c); what stands above it is navigation, but for header keys and
 * the site's name at the top. */
size_t
art_header(struct parse *p, size_t i)
{
	struct article *a = p->a;
	const char *s, *r;
	size_t n, blanks = 0, after_title = 0, j, k, top;
	int at_top, anchored;

	i = next_nonblank(p, i);
	if (i < p->cnl)
		i = date_first_line(p, i);
	art_zones(p, i);
	top = i = next_nonblank(p, i);
	if (!a->title && !p->resplit && p->title_at == NO_LINE)
		p->title_at = art_headline(p, i, p->lead, &anchored);
	at_top = a->title != NULL;
	if (a->title)
		after_title = 1;
	for (; i < p->cnl && i < p->lead; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0) {
			blanks++;
			continue;
		}
		if (p->page && i < p->title_at && !a->title) {
			if (!site_name(p, i, top) && !date_above(p, i))
				header_drop(p, i, above_title(p, i));
			continue;
		}
		if ((r = art_meta_line(p, &i))) {
			art_drop(p, i, r);
			goto dropped;
		}
		if ((r = art_header_boilerplate(p, i))) {
			header_drop(p, i, r);
			goto dropped;
		}
		if (art_is_marker(s, n))
			break;
		/* a dateline alone over the headline ("OTTAWA, March 4") */
		if (!a->title && !p->resplit && !a->dateline_place && art_dateline(p, s, n, 0) >= n
		    && (j = next_nonblank(p, i + 1)) < p->lead && !art_para(p, j)) {
			art_dateline(p, s, n, 1);
			art_drop(p, i, "dateline");
			continue;
		}
		if (!a->title && !p->resplit) {
			if (p->title_at != NO_LINE && i < p->title_at) {
				if (!site_name(p, i, top))
					header_drop(p, i, above_title(p, i));
				continue;
			}
			if (p->title_at == NO_LINE) {
				if (p->page || (!(p->cl[i].flags & LF_H1) && !title_like(p, s, n)))
					break;
				j = next_nonblank(p, i + 1);
				if (!a->outlet && !(p->cl[i].flags & LF_HEADING) && outlet_shape(s, n)
				    && j < p->cnl && art_is_breadcrumb(line_s(p, j), p->cl[j].len)) {
					art_set_once(&a->outlet, s, n);
					art_drop(p, i, "outlet");
					continue;
				}
			}
			if (p->page && (k = kicker_part(p, i)) > 0) {
				art_removed(p, s, k - 1, "navigation");
				art_set_once(&a->title, s + k, n - k);
				art_removed(p, s + k, n - k, "title");
			} else if (p->page && (k = headline_part(p, i)) < n) {
				art_set_once(&a->title, s, k);
				art_removed(p, s, k, "title");
				art_set_once(&a->subtitle, s + k + 1, n - k - 1);
				art_removed(p, s + k + 1, n - k - 1, "subtitle");
			} else
				i = set_wrapped(p, i, &a->title, "title", 2, 0);
			at_top = i == top;
			after_title = 1;
			blanks = 0;
			continue;
		}
		if (p->resplit)
			break;
		/* The site's name under a headline that opens the text. */
		if (after_title == 1 && at_top && !a->outlet && outlet_shape(s, n)) {
			j = next_nonblank(p, i + 1);
			if (j < p->cnl && !art_is_prose(line_s(p, j), p->cl[j].len)) {
				art_set_once(&a->outlet, s, n);
				art_drop(p, i, "outlet");
				after_title = 0;
				continue;
			}
		}
		if (after_title == 1 && blanks <= 1 && !a->subtitle && !art_is_prose(s, n) && s[n - 1] != ':'
		    && n <= 400 && nwords(s, n, 4) >= 3 && !(p->cl[i].flags & LF_HEADING)
		    && title_like(p, s, n)) {
			i = set_wrapped(p, i, &a->subtitle, "subtitle", 5, 1);
			after_title = 0;
			continue;
		}
		/* a headline far over its article: the lines between that
		 * are no sentence (a list of videos, of other stories) are
		 * navigation */
		if (p->page && !art_is(p, i, LI_PROSE) && art_headline_far(p)) {
			header_drop(p, i, "navigation");
			goto dropped;
		}
		break;
dropped:
		after_title = 0;
	}
	return i;
}
