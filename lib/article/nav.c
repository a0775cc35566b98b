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

/* Lines of two words or fewer, one under the other, that make a menu. */
#define MENU_MIN 3

/* Lines above the first paragraph the headline may stand, and in a
 * page, the headline a date or byline anchors. */
#define HEADLINE_REACH 20
#define HEADLINE_FAR 60

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

/* s holds a time of day, "9:16" or "14:34": a stamp ("Mo, 11:41 Uhr",
 * "Veröffentlicht am 19.10.19 um 14:34 Uhr"), no headline. */
static int
clock_time(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i + 2 < n; i++)
		if (s[i] == ':' && isdig((unsigned char)s[i - 1]) && isdig((unsigned char)s[i + 1])
		    && isdig((unsigned char)s[i + 2]) && (i + 3 == n || !isdig((unsigned char)s[i + 3])))
			return 1;
	return 0;
}

/* A line between a headline and its article that is no headline: a
 * date, a byline, a prompt, a caption, a credit, a section name or an
 * author's name (two words or fewer), "4 min read", a short line with
 * a time of day. */
int
art_header_line(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = art_nwords(p, i);
	int photo;

	if (w <= 2 || art_is(p, i, LI_ANCHOR) || art_is(p, i, LI_PROMPT) || art_is(p, i, LI_CAPTION)
	    || art_is(p, i, LI_CRUMB) || art_lone_credit(s, n, &photo) || art_lone_url(s, n))
		return 1;
	return (w <= 3 && isdig((unsigned char)s[0])) || (w <= 8 && clock_time(s, n));
}

/* No capital letter nor any other than ASCII: a row of links ("tv nt
 * eic kyf"), a tag list, no headline. */
static int
lower_only(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* A label and a quantity ("Prep 15 min", "Total 1 hr 50 min",
 * "Servings 12"): a word, then numbers, each with a unit of three
 * letters at most after it or none. */
static int
quantity_line(const char *s, size_t n)
{
	size_t i = 0, w, k;
	int numbers = 0, unit_due = 0;

	while (i < n && s[i] != ' ')
		i++;
	for (i++; i < n; i = w + 1) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		for (k = i; k < w && (isdig((unsigned char)s[k]) || s[k] == ',' || s[k] == '.'); k++)
			;
		if (k == w && isdig((unsigned char)s[i]))
			numbers++, unit_due = 1;
		else if (unit_due && w - i <= 3 && !isdig((unsigned char)s[i]))
			unit_due = 0;
		else
			return 0;
	}
	return numbers > 0;
}

/* Three items or more, each of one or two words, between commas: a
 * list of tags or categories ("Blog, Food, Travel, Vegan"). */
static int
comma_list(const char *s, size_t n)
{
	size_t i, items = 1, words = 1;

	for (i = 0; i < n; i++) {
		if (s[i] == ',') {
			items++;
			words = 1;
		} else if (s[i] == ' ' && i > 0 && s[i - 1] != ',' && ++words > 2)
			return 0;
		else if (strchr(":;.!?", s[i]))
			return 0;
	}
	return items >= 3;
}

/* Words run together where a copy lost the space between links
 * ("NewsSportWeatherTravel"): a lower-case letter right before a
 * capital three times or more, a menu, no headline (a name such as
 * "McDonald" or "YouTube" has one). */
static int
run_together(const char *s, size_t n)
{
	size_t i, joins = 0;

	for (i = 1; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z' && ++joins >= 3)
			return 1;
	return 0;
}

/* Four words or more, each of them twice or more: menu items copied
 * with their icons' labels ("Blog Blog Team Team"), no headline. */
static int
doubled(const char *s, size_t n)
{
	size_t b[41], e[41], w = 0, i, k, seen;

	for (i = 0; i < n && w < LEN(b); w++) {
		b[w] = i;
		while (i < n && s[i] != ' ')
			i++;
		e[w] = i;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (w < 4 || i < n)
		return 0;
	for (i = 0; i < w; i++) {
		for (k = 0, seen = 0; k < w && !seen; k++)
			seen = k != i && same_ci(s + b[i], e[i] - b[i], s + b[k], e[k] - b[k]);
		if (!seen)
			return 0;
	}
	return 1;
}

/* Words that name where a figure or picture comes from. */
static const char *const source_words[] = {
	"source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte",
	"fontes", "bron", "kilde", "k\xC3\xA4lla", "l\xC3\xA4hde"
};

/* A source line: "Source: ...", "Quelle: ...": no headline. */
static int
source_line(const char *s, size_t n)
{
	const char *c = memchr(s, ':', n < 16 ? n : 16);

	return c && in_list(s, (size_t)(c - s), source_words, LEN(source_words));
}

/* Line i is the value of a short label on the line above ("You are
 * here:", "Tags:"): a breadcrumb, a list, no headline. */
static int
labelled(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);

	return k != NO_LINE && line_s(p, k)[p->cl[k].len - 1] == ':' && art_nwords(p, k) <= 3;
}

/* Four words or more, three in four capitalised: a headline in title
 * case, as English papers write them, though it ends in a period.
 * (German capitalises its nouns: a third or half of a sentence.) */
static int
title_case(const char *s, size_t n)
{
	size_t i, words = 0, caps = 0;
	const unsigned char *c;

	for (i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		c = (const unsigned char *)s + i;
		words++;
		caps += (c[0] >= 'A' && c[0] <= 'Z') || isdig(c[0])
		    || (c[0] == 0xC3 && i + 1 < n && c[1] >= 0x80 && c[1] <= 0x9E);
	}
	return words >= 4 && caps * 4 >= words * 3;
}

/* A labelled byline or date ("Author: Jane Doe", "Posted: March 4"):
 * a header key of them, a value after it; no headline. */
int
art_key_anchor(const char *s, size_t n)
{
	const char *v;
	size_t kn, vn = 0;
	enum field f = art_line_key(s, n, &kn, &v, &vn);

	return vn > 0 && (f == F_BYLINE || f == F_DATE || f == F_PUBLISHED || f == F_UPDATED);
}

int
art_is_legal_name(const char *s, size_t n)
{
	static const char *const forms[] = {
		"gmbh", "e.v.", "ag", "kg", "inc.", "inc", "ltd.", "ltd", "llc", "plc", "s.a.", "sa",
		"s.l.", "sarl", "s.r.l.", "b.v.", "n.v.", "corp.", "gmbh & co. kg",
	};
	static const char *const joins[] = { "&", "und", "and", "of", "for", "f\303\274r", "de", "der" };
	size_t k = n, i, w;

	while (k > 0 && s[k - 1] != ' ')
		k--;
	if (k == 0 || nwords(s, n, 9) > 8 || !in_list(s + k, n - k, forms, LEN(forms)))
		return 0;
	/* the name before it, no verb ("Bosch kauft Sparte von Siemens AG") */
	for (i = 0; i + 1 < k; i = w + 1) {
		for (w = i; w < k - 1 && s[w] != ' '; w++)
			;
		if (!((s[i] >= 'A' && s[i] <= 'Z') || isdig((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC3)
		    && !in_list(s + i, w - i, joins, LEN(joins)))
			return 0;
	}
	return 1;
}

int
art_headline_shape(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = art_nwords(p, i);

	if (n == 0 || n > 300 || w < 3 || w > 40 || art_is(p, i, LI_CONT) || art_is(p, i, LI_MARKER)
	    || art_is(p, i, LI_CREDIT)
	    || strchr("&+|/=~<>,.;:-", s[0]) || (s[0] == '*' && !(n > 1 && s[1] >= 'A' && s[1] <= 'Z'))
	    || s[n - 1] == ':' || art_is_arrow_link(s, n)
	    || art_joins_names(s, n) || comma_list(s, n) || run_together(s, n)
	    || doubled(s, n) || art_is_menu_line(s, n) || source_line(s, n) || art_key_anchor(s, n))
		return 0;
	/* a sentence is no headline, but a question, an exclamation, one
	 * that trails off ("…"; a teaser cut short has "...") or one in
	 * title case ("The Owls Came Back. Nobody Knows Why.") */
	if (art_is(p, i, LI_PROSE) && !(w <= 20 && (s[n - 1] == '?' || s[n - 1] == '!'
	    || ends_with(s, n, "\xE2\x80\xA6") || title_case(s, n))))
		return 0;
	return art_dateline(p, s, n, 0) == 0 && !lower_only(s, n) && !labelled(p, i) && !art_is_legal_name(s, n);
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
 * the headline when it is no longer than h, and longer than a kicker
 * of three words ("Local news" over the headline). */
static int
over_deck(struct parse *p, size_t u, size_t h, size_t from)
{
	size_t w = nwords(line_s(p, u), p->cl[u].len, 41);

	return !p->page && next_nonblank(p, from) == u && headline(p, u) && w > 3
	    && w <= nwords(line_s(p, h), p->cl[h].len, 41);
}

static int credit_marks(const char *s, size_t n);
static int anchored(struct parse *p, size_t h, size_t lead);

/* No lower-case letter: a menu in capitals ("NEWS SPORT TRAVEL"). */
static int
capitals(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
	return 1;
}

/* A few words, each capitalised, no punctuation: names, a list of
 * sections ("Sport Politics Culture"), no headline over a deck. */
static int
name_list(const char *s, size_t n)
{
	size_t i;

	if (nwords(s, n, 6) > 5)
		return 0;
	for (i = 0; i < n; i++) {
		if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (strchr(",:;?!.", s[i]))
			return 0;
	}
	return 1;
}

/* In a page, line h, the best headline, is the deck of the line u above
 * it: h is long (ten words or more), u is a headline too, of four words
 * or more, not in capitals, no list of names and no breadcrumb ending
 * in h.  A deck right over the byline or date may be shorter than its
 * headline (longer set); else u is shorter than h, which a kicker over
 * a headline and its deck is not. */
static int
over_page_deck(struct parse *p, size_t u, size_t h, int longer)
{
	const char *s = line_s(p, u), *t = line_s(p, h);
	size_t n = p->cl[u].len, m = p->cl[h].len;

	if (!(headline(p, u) || (longer && art_is(p, u, LI_PROSE) && art_nwords(p, u) <= 20))
	    || anchor(p, u) || art_nwords(p, u) < 4 || art_nwords(p, h) < 10 || art_is(p, u, LI_LOGIN)
	    || (!longer && art_nwords(p, u) >= art_nwords(p, h)))
		return 0;
	if (capitals(s, n) || credit_marks(s, n) || (n >= m && same_ci(s + n - m, m, t, m)))
		return 0;
	return !name_list(s, n);
}

/* A line of a name or two and what they do ("Jane Doe, Staff Writer",
 * "Jane Doe Education editor", "Interview: Jane Doe"): eight words at
 * most, three in four capitalised, and a comma or a colon in it or
 * four words at most. */
static int
name_line(const char *s, size_t n)
{
	size_t i, words = 0, caps = 0;
	int mark = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ',' || s[i] == ':')
			mark = 1;
		if (i == 0 || s[i - 1] == ' ') {
			words++;
			caps += (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
		}
	}
	return words <= 8 && caps * 4 >= words * 3 && (mark || words <= 4);
}

/* Line h, the best headline, is an author's line under the headline
 * (or its deck) u: u is a headline by its shape, longer, and h is a
 * name line over a date or a byline (before lead). */
static int
over_name_line(struct parse *p, size_t u, size_t h, size_t lead)
{
	return headline(p, u) && !anchor(p, u) && art_nwords(p, u) > art_nwords(p, h)
	    && anchored(p, h, lead)
	    && !credit_marks(line_s(p, u), p->cl[u].len) && name_line(line_s(p, h), p->cl[h].len);
}

/* One word with a slash and a letter: a link's address or a path
 * ("example.com/2019/10/19/story"), whose date is no line's date. */
static int
path_word(const char *s, size_t n)
{
	size_t i;
	int letter = 0;

	if (memchr(s, ' ', n) || !memchr(s, '/', n))
		return 0;
	for (i = 0; i < n && !letter; i++)
		letter = (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z';
	return letter;
}

int
art_anchor_line(const char *s, size_t n)
{
	const char *v;
	size_t vn, b, e;

	if (art_byline(s, n, &v, &vn) || art_by_alone(s, n))
		return 1;
	if (n <= 200 && has_digit(s, n) && !path_word(s, n)
	    && (art_is_date_line(s, n) || art_short_dated(s, n, &b, &e)))
		return 1;
	return !path_word(s, n) && art_date_opens(s, n, &b, &e);
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

/* A link to the previous or next post ("← Older post") among the three
 * lines under h: h is the blog's name over them, the date under them
 * its post's. */
static int
arrow_between(struct parse *p, size_t h, size_t lead)
{
	size_t k, seen = 0;

	for (k = next_nonblank(p, h + 1); k < lead && seen++ < 3; k = next_nonblank(p, k + 1)) {
		if (art_is(p, k, LI_ANCHOR))
			return 0;
		if (art_is_arrow_link(line_s(p, k), p->cl[k].len))
			return 1;
	}
	return 0;
}

/* Dates and bylines among the three lines under line h, before lead:
 * the anchors that make it the headline.  Under a long headline (eight
 * words or more) up to three lines of a word or two more may stand
 * between (the author's name, role and handle). */
static int
anchored(struct parse *p, size_t h, size_t lead)
{
	size_t i, seen = 0, shorts = 0;

	if (art_anchor_near(p, h, lead, 1, 3) && !arrow_between(p, h, lead))
		return 1;
	if (art_nwords(p, h) < 8)
		return 0;
	for (i = h + 1; i < lead && seen < 3; i++) {
		if (p->cl[i].len == 0)
			continue;
		if (art_is(p, i, LI_ANCHOR))
			return 1;
		if (art_nwords(p, i) <= 2 && shorts < 3)
			shorts++;
		else
			seen++;
	}
	return 0;
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

/* Line k ends in s[0..n) as its last part: the whole line, or after a
 * mark ("News » <s>"). */
static int
ends_in(struct parse *p, size_t k, const char *s, size_t n)
{
	const char *t = line_s(p, k);
	size_t m = p->cl[k].len;

	return m >= n && same_ci(t + m - n, n, s, n) && (m == n || !isalnum_a((unsigned char)t[m - n - 1]));
}

/* The text repeated elsewhere, alone or as the last part of a
 * breadcrumb ("Home » News » <headline>"): a page names its headline
 * more than once. */
static int
repeated(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k;

	for (k = 0; k < p->cnl; k++)
		if (k != i && p->cl[k].len <= 300 && ends_in(p, k, s, n))
			return 1;
	return 0;
}

/* Line i is the last part of a breadcrumb above it ("Home > News >
 * <headline>"): the page's own name. */
static int
crumb_end(struct parse *p, size_t i, size_t from)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k;

	for (k = from; k < i; k++)
		if (p->cl[k].len > n && art_is(p, k, LI_CRUMB) && ends_in(p, k, s, n))
			return 1;
	return 0;
}

/* Line i is a section's name ("Economy") over a date or a byline:
 * the kicker over a headline, and the breadcrumb's last part too
 * ("Home > News > Economy"). */
static int
section_kicker(struct parse *p, size_t i, size_t lead)
{
	size_t k = next_nonblank(p, i + 1);

	return k < lead && art_is(p, k, LI_ANCHOR) && art_is_section_name(line_s(p, i), p->cl[i].len);
}

/* Line i stands right over a headline by its shape, before lead: a
 * section name over it, a kicker. */
static int
kicker(struct parse *p, size_t i, size_t lead)
{
	size_t k = next_nonblank(p, i + 1);

	return k < lead && headline(p, k) && !anchor(p, k);
}

/* How much line j, a headline by its shape, looks like the article's:
 * a date or byline under it, the top of a block (a short line or a
 * kicker above it), named again in the page, a markdown save's "#"
 * heading; no credit marks; near the first paragraph (seen lines above
 * it).  In tenths. */
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
	if (capitals(line_s(p, j), p->cl[j].len))
		score -= 10;
	/* a headline starts with a capital or a digit, most of them */
	if (line_s(p, j)[0] >= 'a' && line_s(p, j)[0] <= 'z')
		score -= 10;
	/* a markdown save marks the page's first-level heading */
	if (p->cl[j].flags & LF_H1)
		score += 100;
	return score;
}

/* A menu item of two words or fewer, no sentence. */
static int
menu_item(struct parse *p, size_t i)
{
	return art_nwords(p, i) <= 2 && short_line(line_s(p, i), p->cl[i].len);
}

/* Line i is one of a run of three menu items or more, one right under
 * the other (no blank line between). */
static int
in_menu(struct parse *p, size_t i)
{
	size_t b = i, e = i + 1;

	while (b > 0 && menu_item(p, b - 1))
		b--;
	while (e < p->cnl && menu_item(p, e))
		e++;
	return e - b >= MENU_MIN;
}

/* Digits, and marks between them ("42", "1.204"): a count. */
static int
digits_only(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdig((unsigned char)s[i]) && !strchr(".,' ", s[i]))
			return 0;
	return 1;
}

/* In a page, a headline of one or two words ("Impressum", "Der
 * WindRebell"), as a menu item or a name may be too: no date, prompt,
 * caption, credit or link, no item of a menu, upper case or a
 * digit first, no sentence but an exclamation or a question, no label
 * (':' last). */
static int
short_headline(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len;
	unsigned char c = (unsigned char)s[0];
	int photo;

	if (!p->page || n == 0 || n > 40 || art_nwords(p, i) > 2 || art_is(p, i, LI_ANCHOR)
	    || art_is(p, i, LI_PROMPT) || art_is(p, i, LI_CAPTION) || art_is(p, i, LI_CRUMB)
	    || art_is(p, i, LI_MARKER) || art_lone_credit(s, n, &photo) || art_lone_url(s, n)
	    || in_menu(p, i))
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == ':' || s[n - 1] == ',')
		return 0;
	/* a count alone ("42" comments, shares) is none */
	return (c >= 'A' && c <= 'Z') || (isdig(c) && !digits_only(s, n)) || c >= 0x80;
}

/* Short line i may stand over the date or byline over the article as
 * its headline: no name ("Jane Doe", "Redaktion Example"), and no
 * label of the date line right under it ("Published on"). */
static int
over_anchor(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len;

	if (art_names_only(s, n) && !has_digit(s, n))
		return 0;
	return !(i + 1 < p->cnl && art_is_date_line(line_s(p, i + 1), p->cl[i + 1].len));
}

int
art_headline_far(struct parse *p)
{
	size_t i, seen = 0;

	if (p->title_at >= p->lead || p->lead > p->cnl)
		return 0;
	for (i = p->title_at + 1; i < p->lead && seen <= HEADLINE_REACH; i++)
		seen += p->cl[i].len > 0;
	return seen > HEADLINE_REACH;
}

int
art_is_headline(struct parse *p, size_t i)
{
	return headline(p, i) && !anchor(p, i) && !credit_marks(line_s(p, i), p->cl[i].len)
	    && anchored(p, i, p->cnl);
}

/* Line i, a person's name alone, is the author's line by what stands
 * round it, k the line above: between a paragraph (the deck) or a
 * headline and the date (or a prompt and the date), a photo's credit
 * or caption maybe over it ("Photo: Example Images"; "Lotte van Rijn",
 * three words, is no headline under the headline); under a headline
 * (and its deck) with its date over it, over the article or a prompt
 * ("4 May 2023" / headline / "Jane Doe" / text); under a kicker with
 * the by-word last ("Essay Von"). */
static int
author_under(struct parse *p, size_t i, size_t k)
{
	size_t m = next_nonblank(p, i + 1), u = k;

	if (art_photo_credit(line_s(p, u), p->cl[u].len) || art_is(p, u, LI_CAPTION))
		u = prev_nonblank(p, u);
	if (u != NO_LINE && (art_is(p, u, LI_PROSE) || headline(p, u))
	    && (art_anchor_near(p, i, p->cnl, 1, 1)
	    || (m < p->cnl && art_is(p, m, LI_PROMPT) && art_anchor_near(p, i, p->cnl, 1, 2))))
		return 1;
	u = k;
	if (art_is(p, u, LI_PROSE) && !headline(p, u) && art_nwords(p, u) <= 40)
		u = prev_nonblank(p, u);
	if (u != NO_LINE && headline(p, u) && (u = prev_nonblank(p, u)) != NO_LINE
	    && art_is(p, u, LI_ANCHOR) && m < p->cnl && (art_para(p, m) || art_is(p, m, LI_PROMPT)))
		return 1;
	return art_by_kicker(line_s(p, k), p->cl[k].len, line_s(p, i), p->cl[i].len);
}

/* Line i is a name under "By" or "and" alone on the line above (a
 * byline laid out a name to a line), an author's role ("Business
 * reporter"), or a name with one: no headline. */
static int
named(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i), n = p->cl[i].len, m;
	const char *s = line_s(p, i), *ag;

	/* a name with the author's role or agency ("Jane Doe, Staff
	 * Writer", "Jane Doe, with AFP") */
	if (art_role_line(s, n) || art_name_comma_role(s, n) > 0
	    || ((m = art_name_before_role(s, n)) > 0 && art_names_only(s, m))
	    || ((m = art_agency_tail(s, n, &ag)) < n && art_names_only(s, m))
	    || (art_two_names(s, n) && art_anchor_near(p, i, p->cnl, 1, 1)))
		return 1;
	if (k == NO_LINE)
		return 0;
	if (art_person_like(s, n) && author_under(p, i, k))
		return 1;
	s = line_s(p, k);
	n = p->cl[k].len;
	return art_is_join(s, n) || art_byline_label(s, n);
}

/* Line h, the best headline, is a kicker (a section name of three
 * words or fewer) over the date or byline of the headline under them:
 * the headline is the longer line right under the date, over the
 * article. */
static size_t
under_kicker(struct parse *p, size_t h, size_t from, size_t lead)
{
	size_t k = next_nonblank(p, h + 1), dated = 0;

	if (art_nwords(p, h) > 3 || (crumb_end(p, h, from) && !section_kicker(p, h, lead)))
		return h;
	for (; k < lead; k = next_nonblank(p, k + 1)) {
		if (art_is(p, k, LI_ANCHOR))
			dated = 1;
		else if (dated || art_nwords(p, k) > 2)
			break;
	}
	if (!dated || k >= lead || !headline(p, k) || anchor(p, k) || art_nwords(p, k) <= art_nwords(p, h)
	    || credit_marks(line_s(p, k), p->cl[k].len) || !over_anchor(p, k))
		return h;
	return k;
}

/* Words of a long headline over its deck's points. */
#define LONG_HEADLINE 20

/* Line h, the best headline, is one of the points of a deck (two or
 * more headline lines one under the other, as tabloids set them) under
 * a long headline, twenty words or more and a third longer than any
 * point: that headline.  h if not. */
static size_t
over_points(struct parse *p, size_t h, size_t from)
{
	size_t k = h, top = NO_LINE, run = 0, most = 0, w;

	if (!p->page)
		return h;
	for (; k != NO_LINE && k >= from && headline(p, k) && !anchor(p, k) && art_nwords(p, k) >= 4
	    && !credit_marks(line_s(p, k), p->cl[k].len); k = prev_nonblank(p, k)) {
		if (top != NO_LINE && (w = art_nwords(p, top)) > most)
			most = w;
		top = k, run++;
	}
	if (run < 3 || art_nwords(p, top) < LONG_HEADLINE || art_nwords(p, top) * 3 < most * 4)
		return h;
	return top;
}

/* A headline written as a sentence ("Council votes to close the
 * pool."): in a page, one short sentence right over the byline or
 * date, under no text and no headline (it would be their deck or a
 * note). */
static int
sentence_headline(struct parse *p, size_t j, size_t from, size_t lead)
{
	const char *s = line_s(p, j);
	size_t n = p->cl[j].len, w = art_nwords(p, j), u = prev_nonblank(p, j), i;

	if (!p->page || w < 4 || w > 15 || n < 2 || s[n - 1] != '.' || s[n - 2] == '.'
	    || !art_anchor_near(p, j, lead, 1, 1) || anchor(p, j) || art_is(p, j, LI_LOGIN))
		return 0;
	for (i = 0; i + 1 < n - 1; i++)
		if (strchr(".!?", s[i]) && s[i + 1] == ' ')
			return 0;
	if (art_quote_mark(s, n) || (u != NO_LINE && u >= from && (headline(p, u) || art_nwords(p, u) > 3)))
		return 0;
	for (i = from; i < j; i++)
		if (p->cl[i].len && (art_is(p, i, LI_PROSE)
		    || (headline(p, i) && art_nwords(p, i) >= 4 && !art_is(p, i, LI_PROMPT))))
			return 0;
	return 1;
}

/* Headlines a list of other stories has at least. */
#define STORY_LIST 3

/* Line k may be a story's headline in a list: a headline by its shape,
 * three words or more, no date or byline. */
static int
story_headline(struct parse *p, size_t k)
{
	return headline(p, k) && !anchor(p, k) && art_nwords(p, k) >= 3;
}

/* Lines a list of other stories under its marker may have. */
#define LIST_LINES 30

/* Line h is in a list of other stories under its marker ("Most read"):
 * the lines between are short, of no date or byline.  The marker's
 * line, or NO_LINE. */
static size_t
list_marker(struct parse *p, size_t h, size_t from)
{
	size_t k, seen = 0;

	for (k = h; k != NO_LINE && k > from && seen++ < LIST_LINES; k = prev_nonblank(p, k)) {
		if (art_is(p, k, LI_MARKER))
			return k;
		/* a date or a byline (a rank, "4", is none) */
		if ((art_is(p, k, LI_ANCHOR) && !digits_only(line_s(p, k), p->cl[k].len)) || art_nwords(p, k) > 25)
			return NO_LINE;
	}
	return NO_LINE;
}

/* Line h, the best headline, is in a list of other stories' headlines
 * (three or more, one under the other, or any under a marker) under a
 * headline and its deck, a sentence: that headline is the article's,
 * the list stood between it and the byline.  h if not. */
static size_t
over_story_list(struct parse *p, size_t h, size_t from)
{
	size_t k = h, run = 0, d, g;

	while (k != NO_LINE && k >= from && story_headline(p, k))
		run++, k = prev_nonblank(p, k);
	for (d = next_nonblank(p, h + 1); d < p->cnl && story_headline(p, d); d = next_nonblank(p, d + 1))
		run++;
	if (run < STORY_LIST && (k = list_marker(p, h, from)) != NO_LINE)
		k = prev_nonblank(p, k), run = STORY_LIST;
	if (run < STORY_LIST || k == NO_LINE || k < from || !art_is(p, k, LI_PROSE) || art_nwords(p, k) > 40)
		return h;
	d = k;
	g = prev_nonblank(p, d);
	if (g == NO_LINE || g < from || !story_headline(p, g))
		return h;
	return g;
}

/* A table of contents' label alone on its line ("Contents", "Inhalt:"). */
static int
contents_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"contents", "table of contents", "inhalt", "inhaltsverzeichnis", "sommaire",
		"table des mati\303\250res", "\303\255ndice", "contenido", "contenidos", "indice",
		"spis tre\305\233ci", "inhoud",
	};

	if (n && s[n - 1] == ':')
		n--;
	return in_list(s, n, labels, LEN(labels));
}

/* Line h, the best headline, is the first section's heading, named in
 * the table of contents over it: the headline is the line over the
 * contents' label.  h if not. */
static size_t
over_contents(struct parse *p, size_t h, size_t from)
{
	size_t c, k, g;

	for (c = from; c < h; c++)
		if (p->cl[c].len && contents_label(line_s(p, c), p->cl[c].len))
			break;
	if (c >= h)
		return h;
	for (k = c + 1; k < h; k++)
		if (same_ci(line_s(p, k), p->cl[k].len, line_s(p, h), p->cl[h].len))
			break;
	g = prev_nonblank(p, c);
	if (k >= h || g == NO_LINE || g < from || !(headline(p, g) || short_headline(p, g)) || anchor(p, g))
		return h;
	return g;
}

/* Nonblank lines from the top a wiki's tagline may stand at. */
#define TAGLINE_REACH 40

/* A wiki page's title: the line over the wiki's tagline ("From
 * Wikipedia, the free encyclopedia"), short and no sentence; NO_LINE if
 * none. */
static size_t
wiki_title(struct parse *p, size_t from, size_t lead)
{
	size_t k, u, seen = 0;

	for (k = next_nonblank(p, from); k < lead && seen < TAGLINE_REACH; k = next_nonblank(p, k + 1), seen++) {
		if (!art_is_wiki_tagline(line_s(p, k), p->cl[k].len))
			continue;
		u = prev_nonblank(p, k);
		if (u != NO_LINE && u >= from && art_nwords(p, u) <= 15 && !art_is(p, u, LI_PROSE))
			return u;
	}
	return NO_LINE;
}

/* Line k holds the text of line i as whole words, case aside. */
static int
holds_words(struct parse *p, size_t k, size_t i)
{
	const char *t = line_s(p, k), *s = line_s(p, i);
	size_t m = p->cl[k].len, n = p->cl[i].len, j;

	for (j = 0; j + n <= m; j++)
		if (same_ci(t + j, n, s, n) && (j == 0 || !isalnum_a((unsigned char)t[j - 1]))
		    && (j + n == m || !isalnum_a((unsigned char)t[j + n])))
			return 1;
	return 0;
}

/* Line k stands over a photo's credit: a caption. */
static int
over_credit(struct parse *p, size_t k)
{
	size_t m = next_nonblank(p, k + 1);
	int photo;

	return m < p->cnl && art_lone_credit(line_s(p, m), p->cl[m].len, &photo);
}

/* A headline of one or two words that a longer headline a few lines
 * above holds ("Chapter" under "Chapter 1: The Storm", a section's
 * name under "Rail strike: Trains stand still") is a label for what
 * follows; the longer line is the page's headline, unless a credit
 * under it makes it a caption or a kicker stands over the short one. */
static size_t
fuller_above(struct parse *p, size_t h, size_t from)
{
	size_t k = prev_nonblank(p, h), seen;

	/* a kicker right over it makes it a headline of its own */
	if (!p->page || art_nwords(p, h) > 2 || (k != NO_LINE && k >= from && short_headline(p, k)))
		return h;
	k = h;
	for (seen = 0; seen < HEADLINE_REACH && (k = prev_nonblank(p, k)) != NO_LINE && k >= from; seen++)
		if (p->cl[k].len > p->cl[h].len && headline(p, k) && !anchor(p, k)
		    && !credit_marks(line_s(p, k), p->cl[k].len) && !over_credit(p, k) && holds_words(p, k, h))
			return k;
	return h;
}

/* In a text hard-wrapped at a width, line i is the first of a
 * paragraph the wrap broke: three lines or more, or two that end a
 * sentence (a headline a wrap broke is two lines, no sentence). */
static int
wrapped_para(struct parse *p, size_t i)
{
	size_t e = i;

	while (e < i + 2 && e + 1 < p->cnl && art_fills_line(p, e))
		e++;
	if (e == i)
		return 0;
	return e == i + 2 || art_is_prose(line_s(p, e), p->cl[e].len);
}

/* A headline that is the first line of a paragraph a wrap broke is the
 * deck: the headline is the line right over it, when that one is a
 * headline by its shape and no such paragraph. */
static size_t
over_wrapped_deck(struct parse *p, size_t h, size_t from)
{
	size_t u = prev_nonblank(p, h);

	if (!p->wrap || !wrapped_para(p, h) || u == NO_LINE || u < from || u + 2 < h)
		return h;
	return headline(p, u) && !anchor(p, u) && !wrapped_para(p, u) ? u : h;
}

size_t
art_headline(struct parse *p, size_t from, size_t lead, int *anchor_seen)
{
	size_t j, seen = 0, h = NO_LINE, u, climbs, others = 0, below;
	long score, best = 0;

	*anchor_seen = 0;
	if (lead > p->cnl)
		lead = p->cnl;
	if ((h = wiki_title(p, from, lead)) != NO_LINE)
		return h;
	for (j = lead; j-- > from && seen < HEADLINE_FAR;) {
		if (p->cl[j].len == 0)
			continue;
		seen++;
		/* the lines between j and the article but dates and bylines */
		below = others;
		others += !art_is(p, j, LI_ANCHOR);
		if (((anchor(p, j) || !headline(p, j)) && !short_headline(p, j) && !sentence_headline(p, j, from, lead))
		    || named(p, j) || quantity_line(line_s(p, j), p->cl[j].len))
			continue;
		/* further up, only a headline its byline or date anchors, when
		 * none nearer is */
		if (seen > HEADLINE_REACH && (!p->page || (h != NO_LINE && anchored(p, h, lead))
		    || !anchored(p, j, lead) || art_nwords(p, j) <= 2))
			continue;
		score = headline_score(p, j, from, lead, seen > HEADLINE_REACH ? HEADLINE_REACH : seen);
		/* one or two words: right over the article (or its date
		 * or byline), or for want of any other */
		if (crumb_end(p, j, from) && !kicker(p, j, lead) && !section_kicker(p, j, lead))
			score += 40;
		else if (art_nwords(p, j) <= 2 && (below > 0 || (seen > 1 && !over_anchor(p, j))))
			score -= 1000;
		if (h == NO_LINE || score > best || (seen > HEADLINE_REACH && score > 0 && !anchored(p, h, lead)))
			h = j, best = score;
	}
	/* a section's name among the menus over the article, for want of
	 * any other, is a menu's item still */
	if (h == NO_LINE || (p->page && best <= -1000 && art_is_section_name(line_s(p, h), p->cl[h].len)))
		return NO_LINE;
	h = over_wrapped_deck(p, h, from);
	h = fuller_above(p, h, from);
	h = over_story_list(p, h, from);
	h = over_contents(p, h, from);
	h = under_kicker(p, h, from, lead);
	h = over_points(p, h, from);
	*anchor_seen = anchored(p, h, lead);
	/* A deck or an author's line under its headline (in a page, or
	 * a deck over an author's line). */
	for (climbs = 0; climbs < 2; climbs++) {
		for (u = h; u > from && p->cl[u - 1].len == 0; u--)
			;
		if (u-- == from)
			return h;
		if (((p->page || climbs) && over_page_deck(p, u, h, p->page && !climbs && art_anchor_near(p, h, lead, 1, 1)))
		    || over_name_line(p, u, h, lead))
			h = u;
		else
			return over_deck(p, u, h, from) ? u : h;
	}
	return h;
}
