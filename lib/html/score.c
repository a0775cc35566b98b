/* score: which element holds the article, the way the Readability family
 * finds it.  Every text block (the nearest block around some text) of
 * 25 letters or more scores 1, one point per comma and one per hundred
 * letters (at most 3), less the share of its text in links; its score
 * goes to its parent, half of it to the grandparent and a third or less
 * further up.  A container starts from what its tag and its class, id
 * and role say (internal.h: html_hint) and ends scaled by the text of
 * it that is not links.  Parts whose hints say they are not the article
 * (navigation, comments, share bars...) score nothing, unless they hold
 * most of the page. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"
#include "mem.h"
#include "text.h"

/* How many ancestors a block's score reaches. */
#define REACH 5
/* The least text of a block that scores. */
#define MIN_BLOCK 25

/* After word w in s: optional spaces, ':', spaces, then v. */
static int
says(const char *s, size_t n, const char *w, const char *v)
{
	size_t i, k = strlen(w), m = strlen(v), j;

	for (i = 0; i + k <= n; i++) {
		if (!heq(s + i, k, w))
			continue;
		for (j = i + k; j < n && (hspace((unsigned char)s[j]) || s[j] == ':'); j++)
			;
		if (j + m <= n && heq(s + j, m, v))
			return 1;
	}
	return 0;
}

/* style="display: none" or "visibility: hidden". */
static int
hidden_style(const char *s, size_t n)
{
	return says(s, n, "display", "none") || says(s, n, "visibility", "hidden");
}

/* class="hidden": the CSS frameworks' (Bootstrap, Tailwind) class for
 * display: none; but not Tailwind's "hidden md:block", shown on wider
 * screens, as a saved page is read. */
static int
hidden_class(const struct hdoc *d, uint32_t i)
{
	size_t n;
	const char *v = html_attr(d, i, A_CLASS, &n);

	return v && !memchr(v, ':', n) && html_attr_is(d, i, A_CLASS, "hidden");
}

void
html_visible(struct hdoc *d)
{
	uint32_t i;
	const char *v;
	size_t n;

	for (i = 1; i < d->n; i++) {
		struct hnode *e = &d->node[i];

		if (d->node[e->parent].flags & N_DROP) {
			e->flags |= N_DROP;
			continue;
		}
		if (e->tag == T_TEXT)
			continue;
		if (html_tag_kind(e->tag) & K_DROP || e->tag == T_HEAD
		    || html_attr(d, i, A_HIDDEN, &n)
		    || ((v = html_attr(d, i, A_STYLE, &n)) && hidden_style(v, n))
		    || hidden_class(d, i))
			e->flags |= N_DROP;
	}
}

/* Letters and commas of a text node. */
static void
count_text(const char *s, size_t n, uint32_t *letters, uint32_t *commas)
{
	size_t i;

	*letters = *commas = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ',')
			(*commas)++;
		else if (c >= 0x80) {
			if ((c & 0xC0) != 0x80)
				(*letters)++;
			/* "，" and "、" are commas too */
			if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC
			    && (unsigned char)s[i + 2] == 0x8C)
				(*commas)++;
			if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
			    && (unsigned char)s[i + 2] == 0x81)
				(*commas)++;
		} else if (!hspace(c))
			(*letters)++;
	}
}

/* Each node's block: itself if it is a block (or an item, a cell),
 * else its parent's; so a text's block is its nearest block ancestor,
 * found in one pass however deep the inline elements nest. */
static void
blocks(const struct hdoc *d, struct hstat *st)
{
	uint32_t i;

	st[0].block = 0;
	for (i = 1; i < d->n; i++)
		st[i].block = is_elem(d, i) && html_tag_kind(d->node[i].tag) & (K_BLOCK | K_ITEM | K_CELL)
		    ? i : st[d->node[i].parent].block;
}

/* Subtree sums, children before parents: nodes are in document order,
 * so a walk from the last node to the first meets every child before
 * its parent. */
static void
sums(const struct hdoc *d, struct hstat *st)
{
	uint32_t i, b, letters, commas;

	for (i = (uint32_t)d->n; i-- > 1;) {
		const struct hnode *e = &d->node[i];
		struct hstat *p = &st[e->parent];

		if (e->tag == T_IMG && !(d->node[e->parent].flags & N_DROP))
			p->imgs++;
		if ((e->tag == T_IFRAME || e->tag == T_EMBED || e->tag == T_OBJECT
		    || e->tag == T_VIDEO) && !(d->node[e->parent].flags & N_DROP))
			p->embeds++;
		if ((e->tag == T_INPUT || e->tag == T_SELECT || e->tag == T_TEXTAREA
		    || e->tag == T_BUTTON) && !(d->node[e->parent].flags & N_DROP))
			p->inputs++;
		if (e->flags & N_DROP)
			continue;
		if (e->tag == T_TEXT) {
			count_text(node_text(d, i), e->len, &letters, &commas);
			st[i].chars = letters;
			st[i].commas = commas;
			st[i].links = e->flags & N_INLINK ? letters : 0;
			b = st[i].block;
			st[b].own += letters;
			st[b].ownlinks += st[i].links;
			st[b].owncommas += commas;
		}
		/* a block's own text is complete once its descendants are seen */
		if (st[i].own >= 70 && st[i].ownlinks * 10 < st[i].own * 3)
			st[i].prose += st[i].own;
		if (e->tag == T_P)
			st[i].paras++;
		if (e->tag == T_LI)
			st[i].items++;
		if (html_tag_kind(e->tag) & K_HEADING)
			st[i].headchars = st[i].chars;
		/* a form, aside or nav is cut from any article: its controls,
		 * images and embeds do not weigh on the container holding it */
		if (e->tag == T_FORM || e->tag == T_ASIDE || e->tag == T_NAV)
			st[i].inputs = st[i].imgs = st[i].embeds = 0;
		p->chars += st[i].chars;
		p->links += st[i].links;
		p->commas += st[i].commas;
		p->paras += st[i].paras;
		p->imgs += st[i].imgs;
		p->items += st[i].items;
		p->inputs += st[i].inputs;
		p->embeds += st[i].embeds;
		p->headchars += st[i].headchars;
		p->prose += st[i].prose;
	}
}

double
html_link_density(const struct hscore *s, uint32_t i)
{
	return s->st[i].chars ? (double)s->st[i].links / s->st[i].chars : 0;
}

/* Parts that are not the article by their tag or hints, and all inside
 * them; not one that holds most of the page's text or its prose (a
 * layout's "one-sidebar" wrapper around the article), unless it says it
 * holds comments. */
static void
mark_unlikely(const struct hdoc *d, struct hscore *s)
{
	uint32_t i, total = s->st[s->body].chars, prose = s->st[s->body].prose;
	int hint;

	for (i = 1; i < d->n; i++) {
		const struct hnode *e = &d->node[i];
		struct hstat *t = &s->st[i];

		if (s->st[e->parent].unlikely) {
			t->unlikely = 1;
			continue;
		}
		if (e->tag == T_TEXT || e->tag == T_BODY || e->tag == T_HTML || i == s->body)
			continue;
		hint = html_unlikely_hint(d, i);
		if (hint != 2 && ((t->chars * 2 > total && total > 0)
		    || (t->prose * 2 > prose && prose > 0)))
			continue;
		if (e->tag == T_NAV || e->tag == T_ASIDE || e->tag == T_FOOTER || hint)
			t->unlikely = 1;
	}
}

/* What a container's tag says of it, before its blocks score. */
static int
tag_weight(enum tag t)
{
	switch (t) {
	case T_DIV: case T_ARTICLE: case T_MAIN: case T_SECTION:
		return 5;
	case T_PRE: case T_TD: case T_BLOCKQUOTE:
		return 3;
	case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT:
	case T_LI: case T_FORM:
		return -3;
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH:
		return -5;
	default:
		return 0;
	}
}

static void
make_cand(const struct hdoc *d, struct hscore *s, uint32_t i)
{
	if (s->st[i].cand)
		return;
	s->st[i].cand = 1;
	s->st[i].score = (float)(tag_weight(d->node[i].tag) + html_hint(d, i));
	if (d->node[i].tag == T_ARTICLE || d->node[i].tag == T_MAIN)
		s->st[i].score += 10;
}

void
html_score(const struct hdoc *d, struct hscore *s)
{
	uint32_t i, a, level;
	float best = 0;

	s->st = ecalloc(d->n, sizeof *s->st);
	s->body = 0;
	for (i = 1; i < d->n; i++)
		if (d->node[i].tag == T_BODY && !(d->node[i].flags & N_DROP)) {
			s->body = i;
			break;
		}
	blocks(d, s->st);
	sums(d, s->st);
	mark_unlikely(d, s);
	for (i = 1; i < d->n; i++) {
		struct hstat *t = &s->st[i];
		double sc;

		if (!is_elem(d, i) || d->node[i].flags & N_DROP || t->unlikely
		    || t->own < MIN_BLOCK || html_tag_kind(d->node[i].tag) & K_HEADING)
			continue;
		sc = 1 + t->owncommas + (t->own / 100 < 3 ? t->own / 100 : 3);
		sc *= 1 - (double)t->ownlinks / t->own;
		for (a = d->node[i].parent, level = 0; a && level < REACH;
		    a = d->node[a].parent, level++) {
			if (s->st[a].unlikely)
				break;
			make_cand(d, s, a);
			s->st[a].score += (float)(sc / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
		}
	}
	s->top = 0;
	for (i = 1; i < d->n; i++) {
		if (!s->st[i].cand)
			continue;
		s->st[i].score *= (float)(1 - html_link_density(s, i));
		if (s->st[i].score > best) {
			best = s->st[i].score;
			s->top = i;
		}
	}
}
