/* zones: where the article's own text stands.  The header zone runs up
 * to the first paragraph of prose (lead); dates and bylines may still
 * stand before the second one; the footer zone starts after the last
 * line of the article's text (foot), and there only sign-offs, credit
 * lines, tags and links are read.  A copy of a whole web page has
 * navigation before its headline and after its article: the article is
 * then the run of prose paragraphs with the most text, and it ends
 * where a long run of other lines (menus, link lists) begins. */
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "mem.h"

/* Lines other than paragraphs that may stand between two paragraphs of
 * one article (a subheading, a caption, a pull quote): more, and the
 * run is navigation or a list of other stories. */
#define MAX_GAP 5

/* Lines between two runs of paragraphs of one article (a share bar, a
 * list of tags, a video); more, and they are a page's navigation. */
#define NAV_GAP 25

/* Lines a paragraph marked by its indent may run to. */
#define INDENT_PARA_MAX 40

/* Line i belongs to a paragraph whose first line is indented, the lines
 * after it flush: wire copy's way ("    WASHINGTON, March 12 - U.S.
 * exports in the week ended / March 8 were..."), where a flush line
 * goes on the one before whatever its first letter. */
static int
indent_para(struct parse *p, size_t i)
{
	size_t k;

	for (k = 0; k <= INDENT_PARA_MAX && p->cl[i].len; k++, i--) {
		if (p->nl[i + p->from].flags & LF_INDENT)
			return k > 0 || p->cl[i].len >= 40;
		if (i == 0)
			break;
	}
	return 0;
}

/* Line i is indented and the line over it is not: a new paragraph in
 * plain text; a text indented all through (a text browser's dump) says
 * nothing by it. */
int
art_indent_starts(struct parse *p, size_t i)
{
	return (p->nl[i + p->from].flags & LF_INDENT)
	    && !(i > 0 && p->cl[i - 1].len && (p->nl[i - 1 + p->from].flags & LF_INDENT));
}

/* Line i goes on the paragraph of line i - 1 (a hard-wrapped text): it
 * starts in lower case, or the line before was cut mid-sentence (its
 * length as written: a markdown link's URL made it short), or in a text
 * hard-wrapped at a width the line before was full.  (The
 * body joins more, body.c; a headline over its deck is no paragraph.) */
int
art_continues(struct parse *p, size_t i)
{
	const struct line *pr;
	const char *ag;

	if (i == 0)
		return 0;
	pr = &p->cl[i - 1];
	if (!pr->len || art_indent_starts(p, i))
		return 0;
	/* a sign-off alone ("Reuter", "-- AP") ends the story; a sentence
	 * may end in the agency's name ("...an official told / Reuters.") */
	if (art_signoff(line_s(p, i), p->cl[i].len, &ag) && line_s(p, i)[p->cl[i].len - 1] != '.')
		return 0;
	if (!art_wraps(p->clean + pr->off, pr->len, line_s(p, i), p->cl[i].len)
	    && !(!(p->nl[i + p->from].flags & LF_INDENT) && indent_para(p, i - 1))
	    && !(p->nl[i - 1 + p->from].len >= 40 && art_cut_end(p->clean + pr->off, pr->len))
	    && !art_fills_line(p, i - 1))
		return 0;
	/* "Log in to Twitter to connect / with the Daily": a prompt goes on
	 * no paragraph. */
	return !art_is(p, i - 1, LI_PROMPT) && !art_is(p, i - 1, LI_LOGIN);
}

/* The line before line i, blank lines skipped, ends a sentence. */
static int
after_prose(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);

	return k != NO_LINE && art_is(p, k, LI_PROSE);
}

static size_t para_block(struct parse *p, size_t i, size_t *e);

/* Line j is a person's name alone right over a date or a byline
 * ("Jane Doe" over "Updated: 4 March 2024"). */
static int
name_over_anchor(struct parse *p, size_t j)
{
	size_t k;

	if (!art_person_like(line_s(p, j), p->cl[j].len))
		return 0;
	k = next_nonblank(p, j + 1);
	return k < p->cnl && k <= j + 2 && art_is(p, k, LI_ANCHOR);
}

/* Ends a sentence, maybe before a sign-off ("... closed. Reuter"). */
static int
prose_signed(const char *s, size_t n)
{
	const char *ag;

	return art_is_prose(s, n) || art_is_prose(s, n - art_signoff_tail(s, n, &ag));
}

/* The paragraph that starts at line i: its last line in *e and its
 * words if it is prose: a sentence of six words or more, or 25 words or
 * more, and no caption, log-in prompt or credit line. */
static size_t
para_words(struct parse *p, size_t i, size_t *e)
{
	size_t w;

	if (art_para_known(p, i, &w, e))
		return w;
	w = para_block(p, i, e);
	art_para_keep(p, i, w, *e);
	return w;
}

static size_t
para_block(struct parse *p, size_t i, size_t *e)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w = 0, j;

	for (j = i; j < p->cnl && p->cl[j].len && (j == i || art_is(p, j, LI_CONT)); j++)
		w += art_nwords(p, j);
	*e = j > i ? j - 1 : i;
	if (n == 0 || w < 6)
		return 0;
	if (w < 25 && (!prose_signed(line_s(p, *e), p->cl[*e].len)
	    || (*e > i && line_s(p, *e)[p->cl[*e].len - 1] != '.')))
		return 0;
	/* A short question or exclamation alone is a headline. */
	if (*e == i && w <= 20 && (s[n - 1] == '?' || s[n - 1] == '!'))
		return 0;
	if (*e == i && (art_is(p, i, LI_CAPTION) || art_is(p, i, LI_LOGIN) || art_is(p, i, LI_CREDIT)))
		return 0;
	/* a date alone, its period the time's ("Apr 27, 2023 at 9:58 a.m.") */
	if (*e == i && art_is_date_line(s, n))
		return 0;
	/* A sentence over a date or a byline (or a name alone over one, or
	 * a labelled one: "Autor: Jane Doe"), and under no sentence, is a
	 * headline or a deck. */
	if (*e == i && w < 25 && (j = next_nonblank(p, i + 1)) < p->cnl && j <= i + 2
	    && (art_is(p, j, LI_ANCHOR) || name_over_anchor(p, j)
	    || art_key_anchor(line_s(p, j), p->cl[j].len)) && !after_prose(p, i))
		return 0;
	return w;
}

/* Two or more tokens with a digit, a quarter of the line or more: a row
 * of figures ("Shr 1.25 dlrs vs 1.10 dlrs"). */
static int
figures(const char *s, size_t n)
{
	size_t i, tokens = 0, num = 0;
	int dig = 0, in = 0;

	if (n > 200)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == ' ') {
			if (in) {
				tokens++;
				num += dig;
			}
			in = dig = 0;
		} else {
			in = 1;
			dig |= isdig((unsigned char)s[i]);
		}
	}
	return num >= 2 && num * 4 >= tokens;
}

int
art_body_like(const char *s, size_t n)
{
	size_t w = nwords(s, n, 12);

	/* "help-image Social comment?" is no sentence of the article. */
	if (art_is_prose(s, n) && (w >= 4 || s[n - 1] == '.'))
		return 1;
	return w >= 12 || figures(s, n);
}

/* Lines under the text looked up as repeats of a line above, at most:
 * each lookup reads the lines above. */
#define REPEAT_LOOKUPS 40

/* Line i repeats a line above it, from h on (the headline, the last
 * paragraph again under the text), while *budget lasts. */
static int
repeats_above(struct parse *p, size_t h, size_t i, size_t *budget)
{
	size_t k;

	if (*budget == 0)
		return 0;
	--*budget;
	for (k = h; k < i; k++)
		if (p->cl[k].len == p->cl[i].len && !memcmp(line_s(p, k), line_s(p, i), p->cl[i].len))
			return 1;
	return 0;
}

/* Boilerplate by its shape alone: what makes the lines after the last
 * sentence widgets rather than the end of the text. */
static int
junk(struct parse *p, size_t i)
{
	return (p->cl[i].flags & LF_LISTED) || art_is(p, i, LI_PROMPT) || art_is(p, i, LI_LOGIN)
	    || art_is(p, i, LI_CRUMB) || art_is(p, i, LI_CAPTION);
}

int
art_ends_list(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len;

	/* a short question is a story's headline ("Why is the bus so
	 * late?") */
	return art_is(p, i, LI_PROSE) && art_nwords(p, i) >= 4 && !(s[n - 1] == '?' && art_nwords(p, i) <= 15);
}

/* Flag the lines of story lists: a marker ("Related Stories", "More in
 * Politics") and the lines that are no sentence after it, as the body
 * drops them (body.c). */
static void
flag_lists(struct parse *p, size_t h)
{
	size_t i;
	int in = 0;

	for (i = h; i < p->cnl; i++) {
		if (p->cl[i].len == 0)
			continue;
		if (art_is(p, i, LI_MARKER))
			in = 1;
		else if (art_ends_list(p, i))
			in = 0;
		if (in)
			p->cl[i].flags |= LF_LISTED;
	}
}

/* The end of the article's text from the end of the lines: the line
 * after the last that reads like text.  The lines after it are its
 * footer when they hold boilerplate ("Share", a story list, a log-in
 * box); otherwise they are the text's own last lines (a table's rows,
 * a closing line without a period) and only metadata is footer. */
static size_t
text_end(struct parse *p, size_t h)
{
	size_t i = p->cnl, b, words, last_other = NO_LINE, lookups = REPEAT_LOOKUPS;
	int dirty = 0, like;

	while (i-- > h) {
		if (p->cl[i].len == 0)
			continue;
		/* metadata ("Reuter", "Tags: ..."); a photo credit or a
		 * copyright notice ("© 2024 Example") marks widgets */
		if (art_is(p, i, LI_FOOTER)) {
			dirty |= junk(p, i);
			continue;
		}
		/* The paragraph line i ends, hard-wrapped lines joined. */
		for (b = i, words = 0;; b--) {
			words += art_nwords(p, b);
			if (b == h || !art_is(p, b, LI_CONT))
				break;
		}
		/* a line again (the headline, the last paragraph) says
		 * nothing of where the text ends */
		if (b == i && repeats_above(p, h, i, &lookups))
			continue;
		if (b == i && junk(p, i)) {
			dirty = 1;
			continue;
		}
		like = art_body_like(line_s(p, i), p->cl[i].len) || (b < i && (words >= 12
		    || (art_is(p, i, LI_PROSE) && line_s(p, i)[p->cl[i].len - 1] == '.')));
		if (like)
			return dirty || last_other == NO_LINE ? i + 1 : last_other + 1;
		if (last_other == NO_LINE)
			last_other = i;
		i = b;
	}
	/* No line reads like text: nothing is cut. */
	return last_other == NO_LINE ? h : last_other + 1;
}

/* A date or a byline among the lines above line b (back to from): the
 * header of an article, not of a list of stories or comments. */
static int
headed(struct parse *p, size_t from, size_t b)
{
	return art_anchor_near(p, b, from, 0, 20);
}


/* A run of paragraphs, MAX_GAP short lines apart at most. */
struct run {
	size_t b, e, words;	/* words: the bytes of its paragraphs */
	size_t paras;		/* and how many */
	size_t gap;		/* short lines before it */
	size_t head;		/* the anchored headline over it, or NO_LINE */
};

/* A date or a byline alone, or in a short line ("12 May 2024 at 10:14",
 * "By Jane Doe", "Jane Doe, 3 May 2024"), after run a: it starts a text
 * of its own (a comment, another story), unless a is a headline's deck
 * (its one paragraph); a caption's date does not. */
static int
stamp(struct parse *p, size_t i, const struct run *a)
{
	if (a && a->paras == 1 && a->head != NO_LINE)
		return 0;
	return art_is(p, i, LI_ANCHOR) && (art_nwords(p, i) <= 6
	    || art_is_date_line(line_s(p, i), p->cl[i].len));
}

/* Paragraphs an article has run before a headline between them is a
 * box inside it rather than the start of another text. */
#define BOX_AFTER 3

/* Line i, right under a paragraph of run a, is a headline boxed inside
 * an article ("Read: <headline>", its byline, and the text goes on): a
 * headline with its dates and bylines alone between two paragraphs,
 * after BOX_AFTER paragraphs or more, a sentence after it.  The last
 * of its lines in *e. */
static int
boxed(struct parse *p, size_t i, const struct run *a, size_t *e)
{
	size_t k, last = i, end, stamps = 0;

	if (!a || a->paras < BOX_AFTER || !art_is_headline(p, i))
		return 0;
	for (k = next_nonblank(p, i + 1); k < p->cnl && art_is(p, k, LI_ANCHOR) && stamps < 3;
	    k = next_nonblank(p, k + 1))
		last = k, stamps++;
	if (stamps == 0 || k >= p->cnl || !para_words(p, k, &end) || !art_is(p, end, LI_PROSE))
		return 0;
	*e = last;
	return 1;
}

/* The runs of paragraphs from line h on, in *r; returns how many. */
static size_t
runs(struct parse *p, size_t h, struct run **r)
{
	size_t i, w, end, nr = 0, cap = 0, gap = NAV_GAP + 1, head = NO_LINE;

	*r = NULL;
	for (i = h; i < p->cnl; i++) {
		if (p->cl[i].len == 0)
			continue;
		if (!(w = para_words(p, i, &end))) {
			if (gap == 0 && boxed(p, i, nr ? &(*r)[nr - 1] : NULL, &end)) {
				i = end;
				continue;
			}
			/* Menus and link lists are short lines; a subheading,
			 * a caption or a quote between paragraphs is longer.
			 * A headline over a date or byline starts an article,
			 * and a date or byline between paragraphs a text of its
			 * own (a comment), but under a headline's deck. */
			if (stamp(p, i, nr ? &(*r)[nr - 1] : NULL)) {
				if (gap <= MAX_GAP)
					gap = MAX_GAP + 1;
			} else if (art_nwords(p, i) <= 4)
				gap++;
			else if (art_is_headline(p, i)) {
				if (gap <= MAX_GAP)
					gap = MAX_GAP + 1;
				head = i;
			}
			continue;
		}
		if (gap > MAX_GAP) {
			*r = egrow(*r, &cap, nr + 1, sizeof **r);
			(*r)[nr].b = i, (*r)[nr].words = 0, (*r)[nr].head = head, (*r)[nr].gap = gap;
			(*r)[nr].paras = 0;
			nr++;
			head = NO_LINE;
		}
		for (w = 0; i <= end; i++)
			w += p->cl[i].len;
		i = end;
		(*r)[nr - 1].words += w, (*r)[nr - 1].e = end, (*r)[nr - 1].paras++, gap = 0;
	}
	return nr;
}

/* Run b continues run a: the lines between them are few and hold no
 * story list, no prompts, no other headline and no date or byline of
 * another text (stamp()). */
static int
joins(struct parse *p, const struct run *a, const struct run *b)
{
	size_t i, lines = 0, prompts = 0;

	if (b->head != NO_LINE)
		return 0;
	for (i = a->e + 1; i < b->b; i++) {
		if (p->cl[i].len == 0)
			continue;
		if (++lines > NAV_GAP || (p->cl[i].flags & LF_LISTED) || art_is(p, i, LI_MARKER))
			return 0;
		if (stamp(p, i, a))
			return 0;
		if ((art_is(p, i, LI_PROMPT) || art_is(p, i, LI_LOGIN)) && ++prompts > 1)
			return 0;
	}
	return 1;
}

/* Runs that join (joins(), above), from the first that has a headline
 * over it, if one has: their lines, and their bytes, three times as
 * many when a headline or a date or byline stands above them (a story
 * list or comments have none). */
struct group {
	size_t b, e, score, paras;
	int headed;
};

/* The groups of the runs from line h on, in *g; returns how many. */
static size_t
groups(struct parse *p, size_t h, struct group **g)
{
	struct run *r;
	size_t nr = runs(p, h, &r), ng = 0, cap = 0, i, k, words, paras, start;

	*g = NULL;
	for (i = 0; i < nr; i = k) {
		start = i;
		for (k = i, words = paras = 0; k < nr && (k == i || joins(p, &r[k - 1], &r[k])); k++) {
			if (r[start].head == NO_LINE && r[k].head != NO_LINE)
				start = k, words = paras = 0;
			words += r[k].words;
			paras += r[k].paras;
		}
		*g = egrow(*g, &cap, ng + 1, sizeof **g);
		(*g)[ng].b = r[start].b, (*g)[ng].e = r[k - 1].e, (*g)[ng].paras = paras;
		(*g)[ng].headed = r[start].head != NO_LINE
		    || headed(p, start ? r[start - 1].e + 1 : h, r[start].b);
		(*g)[ng].score = words * ((*g)[ng].headed ? 3 : 1);
		ng++;
	}
	free(r);
	return ng;
}

/* Line i heads the comments on the article: a count, a word or two,
 * and a line above quoted whole ("20 thoughts on “<headline>”", "4
 * Kommentare zu „<headline>“"), as blogs head them in every language.
 * 1 if so, -1 if it has the shape but quotes no line above, else 0. */
static int
comments_head(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k = 0, spaces = 0, b, e, j;

	while (k < n && isdig((unsigned char)s[k]))
		k++;
	if (k == 0 || k >= n || s[k] != ' ')
		return 0;
	for (; k < n && !art_quote_mark(s + k, n - k); k++)
		if (s[k] == ' ' && ++spaces > 3)
			return 0;
	if (k == n || spaces < 2)
		return 0;
	b = k + art_quote_mark(s + k, n - k);
	if (s[n - 1] == '"')
		e = n - 1;
	else if (n >= 2 && art_quote_mark(s + n - 2, 2) == 2)
		e = n - 2;
	else if (n >= 3 && art_quote_mark(s + n - 3, 3) == 3)
		e = n - 3;
	else
		return 0;
	if (e <= b)
		return 0;
	for (j = 0; j < i; j++)
		if (p->cl[j].len == e - b && same_ci(line_s(p, j), e - b, s + b, e - b))
			return 1;
	return -1;
}

/* Lines shaped as a comments heading looked up at most: each lookup
 * reads the lines above. */
#define COMMENTS_LOOKUPS 20

/* The first line from h on that heads the comments, p->cnl if none. */
static size_t
comments_at(struct parse *p, size_t h)
{
	size_t i, lookups = COMMENTS_LOOKUPS;

	for (i = h; i < p->cnl && lookups; i++)
		if (p->cl[i].len && isdig((unsigned char)line_s(p, i)[0]))
			switch (comments_head(p, i)) {
			case 1:
				return i;
			case -1:
				lookups--;
			}
	return p->cnl;
}

/* The article in a page: the group that scores best, or a headed one
 * of three paragraphs or more before it that scores a quarter of the
 * best headed group or more, and an eighth of the best (an article
 * comes before its comments and the teasers under it, which may be
 * longer, each under a name or a date of its own, or none; a teaser
 * above it has a paragraph or two).  *b and *e its first and last
 * lines; 0 if there is no paragraph. */
static size_t
main_run(struct parse *p, size_t h, size_t *b, size_t *e)
{
	struct group *g;
	size_t ng = groups(p, h, &g), i, best = 0, at = 0, c = comments_at(p, h), headed = 0;

	/* the comments are no article, when one comes before them */
	if (ng && g[0].e < c)
		while (g[ng - 1].b > c)
			ng--;
	for (i = 0; i < ng; i++) {
		if (g[i].score > best)
			best = g[i].score, at = i;
		if (g[i].headed && g[i].score > headed)
			headed = g[i].score;
	}
	for (i = 0; i < at; i++)
		if (g[i].headed && g[i].paras >= 3 && g[i].score * 4 >= headed && g[i].score * 8 >= best)
			break;
	if (best)
		*b = g[i].b, *e = g[i].e;
	free(g);
	return best;
}

/* Lines at the top where a wire dateline may open a text with no
 * paragraph of prose (a table of results under its dateline). */
#define DATELINE_REACH 3

/* A wire dateline among the first DATELINE_REACH lines from h, before
 * line end: it opens the text ("DALLAS, March 4 -" over rows of
 * figures and a note under them); end if none. */
static size_t
top_dateline(struct parse *p, size_t h, size_t end)
{
	size_t i, j, d, seen = 0;

	for (i = h; i < end && seen < DATELINE_REACH; i++) {
		if (p->cl[i].len == 0)
			continue;
		if ((d = art_dateline(p, line_s(p, i), p->cl[i].len, 0)) > 0) {
			/* a dateline alone over a headline is the header's,
			 * over a paragraph or a row of figures the text's */
			j = next_nonblank(p, i + 1);
			if (seen == 0 && d >= p->cl[i].len && j < end && !art_para(p, j)
			    && !figures(line_s(p, j), p->cl[j].len))
				return end;
			return i;
		}
		seen++;
	}
	return end;
}

/* An exclamation of three words or fewer: a button ("Join us now!"). */
static int
button(struct parse *p, size_t i)
{
	return art_nwords(p, i) <= 3 && line_s(p, i)[p->cl[i].len - 1] == '!';
}

/* With no paragraph of prose, the text starts at its first sentence
 * but a button, else at a dateline among its first lines ("CHICAGO,
 * March 18 -" over rows of figures), else at its first line that reads
 * like text (a row of figures, a long line, a button), else nowhere. */
static size_t
first_text(struct parse *p, size_t h)
{
	size_t i;

	for (i = h; i < p->cnl; i++)
		if (p->cl[i].len && prose_signed(line_s(p, i), p->cl[i].len) && !button(p, i))
			return i;
	if ((i = top_dateline(p, h, p->cnl)) < p->cnl)
		return i;
	for (i = h; i < p->cnl; i++)
		if (p->cl[i].len && (art_body_like(line_s(p, i), p->cl[i].len)
		    || prose_signed(line_s(p, i), p->cl[i].len)))
			return i;
	return p->cnl;
}

int
art_para(struct parse *p, size_t i)
{
	size_t e;

	return para_words(p, i, &e) > 0;
}

static size_t
next_para(struct parse *p, size_t i)
{
	size_t e;

	for (; i < p->cnl; i++) {
		if (para_words(p, i, &e))
			break;
		i = e;
	}
	return i;
}

void
art_zones(struct parse *p, size_t h)
{
	size_t b = 0, e = 0, first = next_para(p, h);

	p->title_at = NO_LINE;
	flag_lists(p, h);
	/* A page has its short lines; most texts are spared the search. */
	p->page = !p->resplit && art_page_top(p, h, p->cnl) && main_run(p, h, &b, &e)
	    && art_page_top(p, h, b);
	if (p->page) {
		p->lead = b;
		p->foot = e + 1;
		/* a sign-off or a copyright notice under the last paragraph
		 * is the footer's, as in a text */
		while (p->foot > b + 1 && (p->cl[p->foot - 1].len == 0 || art_is(p, p->foot - 1, LI_FOOTER)))
			p->foot--;
	} else {
		p->lead = top_dateline(p, h, first);
		if (p->lead == p->cnl)
			p->lead = first_text(p, h);
		p->foot = text_end(p, h);
		if (p->foot < p->lead)
			p->foot = p->lead;
	}
	if (p->lead < p->cnl) {
		/* Dates and bylines may stand under the first paragraph
		 * (a deck, a caption) and the next. */
		para_words(p, p->lead, &e);
		p->second = next_para(p, e + 1);
		if (p->second < p->cnl) {
			para_words(p, p->second, &e);
			p->second = next_para(p, e + 1);
		}
	} else
		p->second = p->cnl;
	if (p->second > p->foot || p->resplit)
		p->second = p->resplit ? p->lead : p->foot;
}
