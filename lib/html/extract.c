/* extract: from the best container (score.c) to the article's text.
 *
 * 1. The container may grow: to the ancestor that holds most of the
 *    other good candidates, to a parent that scores higher, up through
 *    wrappers of one child.
 * 2. Its siblings join when they score near it or are paragraphs of
 *    prose (long with few links, or short and ending a sentence).
 * 3. It is cleaned: parts whose hints say boilerplate, headings and
 *    blocks that are mostly links, and "conditionally" (Readability's
 *    term) lists, tables and divs that hold more images, list items,
 *    form controls or links than prose.
 * 4. When no container stands out (none, or it holds little of the
 *    page's prose), every text block of the page is classified instead
 *    (jusText's way: long prose good, link lists bad, short blocks by
 *    their neighbours) and the good ones are the article. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"
#include "mem.h"

/* Text blocks as the classifier sees them. */
enum { C_BAD, C_SHORT, C_NEAR, C_GOOD, C_HEADING };

static int
is_list(enum tag t)
{
	return t == T_UL || t == T_OL || t == T_DL || t == T_MENU;
}

/* 1: the ancestor holding three of the five best candidates, then a
 * parent that scores higher than the last, then up through parents of
 * which it is the only child element. */
static uint32_t
grow(const struct hdoc *d, const struct hscore *s, uint32_t top)
{
	uint32_t best[5] = { 0 }, i, a, p, only;
	float last, floor;
	size_t k, j, n, hold;

	for (i = 1; i < d->n; i++) {
		/* alternatives: not top, nor inside it, nor around it */
		if (!s->st[i].cand || (i >= top && i < d->node[top].end)
		    || (i < top && d->node[i].end > top))
			continue;
		for (k = 0; k < 5 && best[k] && s->st[best[k]].score >= s->st[i].score; k++)
			;
		if (k < 5) {
			memmove(best + k + 1, best + k, (4 - k) * sizeof *best);
			best[k] = i;
		}
	}
	for (a = d->node[top].parent; a && a != s->body; a = d->node[a].parent) {
		for (j = 0, n = 0, hold = 0; j < 5 && best[j]; j++)
			if (s->st[best[j]].score >= 0.75f * s->st[top].score) {
				n++;
				hold += best[j] > a && best[j] < d->node[a].end;
			}
		if (n >= 3 && hold >= 3) {
			top = a;
			break;
		}
	}
	last = s->st[top].score;
	floor = last / 3;
	for (p = d->node[top].parent; p && p != s->body && s->st[p].cand; p = d->node[p].parent) {
		if (s->st[p].score < floor)
			break;
		if (s->st[p].score > last) {
			top = p;
			break;
		}
		last = s->st[p].score;
	}
	for (p = d->node[top].parent; p && p != s->body && p != 0; p = d->node[p].parent) {
		/* children with text: an empty row or a spacer does not count */
		for (i = p + 1, only = 0; i < d->node[p].end; i = d->node[i].end)
			if (!(d->node[i].flags & N_DROP) && s->st[i].chars)
				only += is_elem(d, i) ? 1 : 2;
		if (only != 1)
			break;
		top = p;
	}
	return top;
}

/* A sentence ends in node i's text: its last text node, found from the
 * end of its subtree backwards. */
static int
ends_sentence(const struct hdoc *d, uint32_t i)
{
	uint32_t j, last = 0;
	const char *t;
	size_t n;

	for (j = d->node[i].end; j-- > i + 1 && d->node[i].end - j <= SCAN_CAP;)
		if (!is_elem(d, j) && !(d->node[j].flags & N_DROP) && d->node[j].len) {
			last = j;
			break;
		}
	if (!last)
		return 0;
	t = node_text(d, last);
	n = d->node[last].len;
	while (n && hspace((unsigned char)t[n - 1]))
		n--;
	while (n && strchr("\"')]", t[n - 1]))
		n--;
	if (n >= 3 && ((unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80))
		n -= 3;	/* a closing quote */
	return n && strchr(".!?:", t[n - 1]);
}

/* 2: is sibling i of the container part of the article? */
static int
joins(const struct hdoc *d, const struct hscore *s, uint32_t top, uint32_t i)
{
	const struct hstat *t = &s->st[i];
	float limit = s->st[top].score * 0.2f, bonus = 0;
	size_t an, bn;
	const char *ac, *bc;

	if (i == top)
		return 1;
	if (!is_elem(d, i) || d->node[i].flags & N_DROP || t->unlikely)
		return 0;
	if (limit < 10)
		limit = 10;
	if ((ac = html_attr(d, i, A_CLASS, &an)) && (bc = html_attr(d, top, A_CLASS, &bn))
	    && an == bn && an && !memcmp(ac, bc, an))
		bonus = s->st[top].score * 0.2f;
	if (t->cand && t->score + bonus >= limit)
		return 1;
	if (d->node[i].tag == T_P || (t->own == t->chars && html_tag_kind(d->node[i].tag) & K_BLOCK
	    && !(html_tag_kind(d->node[i].tag) & K_HEADING))) {
		double ld = html_link_density(s, i);

		if (t->chars > 80 && ld < 0.25)
			return 1;
		if (t->chars > 0 && t->chars <= 80 && ld == 0 && ends_sentence(d, i))
			return 1;
	}
	return 0;
}

/* 3: Readability's conditional cleaning of one list, table or div. */
static int
clean_out(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	const struct hstat *t = &s->st[i];
	enum tag tag = d->node[i].tag;
	int weight = html_hint(d, i), list = is_list(tag);
	double ld = html_link_density(s, i);
	long items = (long)t->items - 100;

	if (weight < 0)
		return 1;
	if (t->commas >= 10)
		return 0;
	if (t->imgs > 1 && (double)t->paras / t->imgs < 0.5 && tag != T_FIGURE)
		return 1;
	if (!list && items > (long)t->paras)
		return 1;
	if (t->inputs > t->paras / 3)
		return 1;
	if (!list && t->chars < 25 && t->headchars * 10 < t->chars * 9
	    && (t->imgs == 0 || t->imgs > 2))
		return 1;
	if (!list && weight < 25 && ld > 0.2)
		return 1;
	if (weight >= 25 && ld > 0.5)
		return 1;
	if ((t->embeds == 1 && t->chars < 75) || t->embeds > 1)
		return 1;
	return 0;
}

/* A block that only gives a date ("23.10.2018", "Stand: 5. Mai 2020"):
 * metadata, not a paragraph of the article. */
static int
date_only(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	char *v;
	int yes;

	if (s->st[i].own == 0 || s->st[i].chars > 40 || !(v = html_flat_text(d, i, 200)))
		return 0;
	yes = html_full_date(v, strlen(v));
	free(v);
	return yes;
}

/* A figure is an image with its caption and credit, unless it holds a
 * table or prose (a block table, a quote). */
static int
image_figure(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	uint32_t j;

	if (d->node[i].tag != T_FIGURE || s->st[i].prose)
		return 0;
	for (j = i + 1; j < SCAN_END(d, i); j++)
		if (d->node[j].tag == T_TABLE)
			return 0;
	return 1;
}

/* A paragraph that is mostly a link: "Read more: <a>Other story</a>". */
static int
link_block(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	const struct hstat *t = &s->st[i];

	return t->own && t->own == t->chars && (html_tag_kind(d->node[i].tag) & (K_BLOCK | K_ITEM))
	    == K_BLOCK && t->ownlinks * 2 > t->own;
}

/* 3: what of the container (and the siblings with it) is cut. */
static void
clean(const struct hdoc *d, struct hscore *s, uint32_t from, uint32_t to, const char *title,
    uint32_t all)
{
	uint32_t i;
	char *h;

	for (i = from; i < to; i++) {
		enum tag tag = d->node[i].tag;
		unsigned kind = html_tag_kind(tag);
		const struct hstat *t = &s->st[i];

		if (!is_elem(d, i) || d->node[i].flags & N_DROP)
			continue;
		if (tag == T_NAV || tag == T_ASIDE || tag == T_FORM || image_figure(d, s, i)
		    || tag == T_FIGCAPTION || link_block(d, s, i) || date_only(d, s, i)
		    || (html_junk_hint(d, i) && t->chars * 2 < all)
		    || (kind & K_HEADING && html_link_density(s, i) > 0.33)
		    || ((tag == T_TABLE || tag == T_DIV || tag == T_SECTION || tag == T_FOOTER
		    || is_list(tag) || tag == T_FIGURE || tag == T_HEADER)
		    && t->chars * 2 < all && clean_out(d, s, i))) {
			s->cut[i] = 1;
			i = d->node[i].end - 1;
			continue;
		}
		if (kind & K_HEADING && title && (h = html_flat_text(d, i, 2000)) != NULL) {
			if (strcmp(h, title) == 0)
				s->cut[i] = 1;
			free(h);
		}
		if (s->cut[i])
			i = d->node[i].end - 1;
	}
}

static int
keep_uncut(const struct hdoc *d, uint32_t i, void *arg)
{
	const struct hscore *s = arg;

	(void)d;
	return !s->cut[i];
}

/* The article's lead: prose between its headline and its container
 * (a standfirst, a teaser paragraph), which pages set apart from the
 * body.  Blocks of some length that end a sentence, with few links,
 * outside parts that are not the article. */
static void
lead_text(const struct hdoc *d, const struct hscore *s, uint32_t from, uint32_t to,
    struct text_out *t)
{
	uint32_t i;

	for (i = from; i < to; i++) {
		const struct hstat *st = &s->st[i];

		if (d->node[i].flags & N_DROP || st->unlikely || html_junk_hint(d, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || st->own < 80 || st->own != st->chars
		    || st->ownlinks * 10 > st->own * 3 || !ends_sentence(d, i))
			continue;
		html_text(d, i, t, NULL, NULL);
		html_text_break(t, 3);
		i = d->node[i].end - 1;
	}
}

/* A heading with nothing kept after it ("Read more" over a cut link
 * list at the end) goes too: every heading after the last text kept in
 * the siblings that join the container, found in one pass. */
static void
cut_dangling(const struct hdoc *d, struct hscore *s, uint32_t top)
{
	uint32_t p = d->node[top].parent, i, a, last = 0;

	for (i = p + 1; i < d->node[p].end; i++) {
		if ((d->node[i].parent == p && !joins(d, s, top, i))
		    || s->cut[i] || d->node[i].flags & N_DROP) {
			i = d->node[i].end - 1;
			continue;
		}
		if (is_elem(d, i) || !s->st[i].chars)
			continue;
		/* a heading's text does not count */
		a = s->st[i].block;
		if (!(html_tag_kind(d->node[a].tag) & K_HEADING))
			last = i;
	}
	for (i = last ? last + 1 : p + 1; i < d->node[p].end; i++) {
		if (d->node[i].parent == p && !joins(d, s, top, i)) {
			i = d->node[i].end - 1;
			continue;
		}
		if (html_tag_kind(d->node[i].tag) & K_HEADING && !s->cut[i]) {
			s->cut[i] = 1;
			i = d->node[i].end - 1;
		}
	}
}

/* The text of the container and its siblings that join it, after the
 * lead. */
static void
container_text(const struct hdoc *d, struct hscore *s, uint32_t top, const char *title,
    struct buf *out)
{
	struct text_out t = { out, 0, 0 };
	uint32_t p = d->node[top].parent, i, first = 0, all = 0;

	for (i = p + 1; i < d->node[p].end; i = d->node[i].end)
		if (joins(d, s, top, i))
			all += s->st[i].chars;
	for (i = p + 1; i < d->node[p].end; i = d->node[i].end)
		if (joins(d, s, top, i)) {
			clean(d, s, i, d->node[i].end, title, all);
			if (!first)
				first = i;
		}
	cut_dangling(d, s, top);
	/* from the headline, or without one from the container's first
	 * sibling */
	if (s->h1 && first && d->node[s->h1].end <= first)
		lead_text(d, s, d->node[s->h1].end, first, &t);
	else if (!s->h1 && first)
		lead_text(d, s, p + 1, first, &t);
	for (i = p + 1; i < d->node[p].end; i = d->node[i].end)
		if (joins(d, s, top, i) && !s->cut[i]) {
			html_text(d, i, &t, keep_uncut, s);
			html_text_break(&t, 3);
		}
}

/* ---- 4. paragraphs classified over the whole page ---------------- */

static int
classify(const struct hdoc *d, const struct hscore *s, uint32_t i)
{
	const struct hstat *t = &s->st[i];
	unsigned kind = html_tag_kind(d->node[i].tag);

	if (kind & K_HEADING)
		return C_HEADING;
	if (t->own && (double)t->ownlinks / t->own > 0.3)
		return C_BAD;
	if (t->own >= 200 && ends_sentence(d, i))
		return C_GOOD;
	if (t->own >= 70)
		return ends_sentence(d, i) ? C_NEAR : C_BAD;
	return C_SHORT;
}

/* A block's own text: its text and inline elements, not its blocks. */
static int
keep_inline(const struct hdoc *d, uint32_t i, void *arg)
{
	(void)arg;
	return !is_elem(d, i) || !(html_tag_kind(d->node[i].tag) & (K_BLOCK | K_ITEM));
}

static void
paragraphs(const struct hdoc *d, const struct hscore *s, struct buf *out)
{
	uint32_t *blk = NULL, i;
	int *cls = NULL, *near, prev, next;
	size_t n = 0, cap = 0, ccap = 0, k;
	struct text_out t = { out, 0, 0 };

	for (i = s->body; i < d->n; i++) {
		if (d->node[i].flags & N_DROP || s->st[i].unlikely) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !s->st[i].own
		    || !(html_tag_kind(d->node[i].tag) & (K_BLOCK | K_ITEM | K_CELL)))
			continue;
		blk = egrow(blk, &cap, n + 1, sizeof *blk);
		cls = egrow(cls, &ccap, n + 1, sizeof *cls);
		blk[n] = i;
		cls[n++] = classify(d, s, i);
	}
	/* Near-good and short blocks take their class from their nearest
	 * good or bad neighbours, as first classified (found in one pass
	 * each way); a heading is good before a good block. */
	near = emalloc((n ? n : 1) * sizeof *near);
	for (k = 0, prev = C_BAD; k < n; k++) {
		near[k] = prev;
		if (cls[k] == C_GOOD || cls[k] == C_BAD)
			prev = cls[k];
	}
	for (k = n, next = C_BAD; k-- > 0;) {
		int c = cls[k];

		if (c == C_NEAR)
			cls[k] = near[k] == C_GOOD || next == C_GOOD ? C_GOOD + 1 : C_BAD - 1;
		else if (c == C_HEADING)
			cls[k] = next == C_GOOD ? C_GOOD + 1 : C_BAD - 1;
		else if (c == C_SHORT)
			cls[k] = near[k] == C_GOOD && next == C_GOOD ? C_GOOD + 1 : C_BAD - 1;
		if (c == C_GOOD || c == C_BAD)
			next = c;
	}
	free(near);
	for (k = 0; k < n; k++)
		if (cls[k] >= C_GOOD && cls[k] != C_HEADING) {
			html_text(d, blk[k], &t, keep_inline, NULL);
			html_text_break(&t, 3);
		}
	free(blk);
	free(cls);
}

/* A page too short for any of that: its blocks that are not mostly
 * links, when one of them ends a sentence ("Only a note."); a menu alone
 * gives nothing. */
static void
short_page(const struct hdoc *d, const struct hscore *s, struct buf *out)
{
	struct text_out t = { out, 0, 0 };
	uint32_t i;
	int prose = 0;

	for (i = s->body; i < d->n; i++) {
		const struct hstat *st = &s->st[i];

		if (d->node[i].flags & N_DROP || st->unlikely) {
			i = d->node[i].end - 1;
			continue;
		}
		if (!is_elem(d, i) || !st->own || st->ownlinks * 2 > st->own
		    || !(html_tag_kind(d->node[i].tag) & (K_BLOCK | K_ITEM | K_CELL)))
			continue;
		prose |= ends_sentence(d, i);
		html_text(d, i, &t, keep_inline, NULL);
		html_text_break(&t, 3);
	}
	if (!prose)
		buf_reset(out);
}

/* Letters of prose blocks in [from, to): what the classifier calls good. */
static uint32_t
prose(const struct hdoc *d, const struct hscore *s, uint32_t from, uint32_t to)
{
	uint32_t i, sum = 0;

	for (i = from; i < to; i++) {
		if (d->node[i].flags & N_DROP || s->st[i].unlikely) {
			i = d->node[i].end - 1;
			continue;
		}
		if (is_elem(d, i) && s->st[i].own >= 70 && classify(d, s, i) == C_GOOD)
			sum += s->st[i].own;
	}
	return sum;
}

void
html_extract(const struct hdoc *d, struct hscore *s, const char *title, struct buf *out)
{
	uint32_t top = s->top, p;
	uint32_t all = prose(d, s, 0, (uint32_t)d->n), in;

	buf_reset(out);
	buf_add(out, "", 0);
	s->cut = ecalloc(d->n, 1);
	if (top) {
		top = grow(d, s, top);
		p = d->node[top].parent;
		in = prose(d, s, p + 1, d->node[p].end);
		if (in * 2 >= all) {
			container_text(d, s, top, title, out);
			if (out->len > 0)
				return;
		}
	}
	paragraphs(d, s, out);
	if (out->len == 0)
		short_page(d, s, out);
}
