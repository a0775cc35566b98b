/* text: a subtree as the text a reader sees.  Blocks (p, div, headings,
 * lists, tables...) are paragraphs apart by a blank line; list items,
 * table rows and <br> are lines; table cells are apart by a space; runs
 * of white space, U+00A0 and the other Unicode spaces among them, are one
 * space; zero-width spaces and soft hyphens go. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"
#include "mem.h"
#include "text.h"

/* The breaks owed before the next text, weakest first. */
enum { BR_NONE, BR_SPACE, BR_LINE, BR_PARA };

void
html_text_break(struct text_out *t, int level)
{
	if (level > t->pending)
		t->pending = level;
}

/* Append text s[0..n), its white space collapsed into t->pending. */
static void
put_text(struct text_out *t, const char *s, size_t n)
{
	size_t i = 0, run;
	int32_t cp;
	int len;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (hspace(c) || c == '\v') {
			html_text_break(t, BR_SPACE);
			i++;
			continue;
		}
		if (c >= 0x80) {
			if ((len = text_decode(s + i, n - i, &cp)) <= 0)
				len = 1, cp = 0xFFFD;
			if (text_is_space(cp)) {
				html_text_break(t, BR_SPACE);
				i += (size_t)len;
				continue;
			}
			if (cp == 0x200B || cp == 0x00AD || cp == 0xFEFF || cp == 0x200C
			    || cp == 0x2060) {
				i += (size_t)len;
				continue;
			}
			run = (size_t)len;
		} else {
			for (run = 1; i + run < n && (unsigned char)s[i + run] < 0x80
			    && !hspace((unsigned char)s[i + run]) && s[i + run] != '\v'; run++)
				;
		}
		if (t->pending && t->b->len) {
			if (t->pending == BR_SPACE)
				buf_addc(t->b, ' ');
			else
				buf_add(t->b, "\n\n", t->pending == BR_PARA ? 2 : 1);
		}
		t->pending = BR_NONE;
		buf_add(t->b, s + i, run);
		i += run;
	}
}

/* The break an element makes around itself. */
static int
break_of(unsigned kind)
{
	if (kind & (K_ITEM | K_ROW | K_BREAK))
		return BR_LINE;
	if (kind & K_BLOCK)
		return BR_PARA;
	if (kind & K_CELL)
		return BR_SPACE;
	return BR_NONE;
}

/* An item's line ends its paragraph when its list holds paragraphs. */
static int
opening_break(const struct hdoc *d, uint32_t i, unsigned kind)
{
	int br = break_of(kind);

	if (br == BR_LINE && (kind & K_ITEM) && d->node[i].end > i + 1) {
		uint32_t j;

		for (j = i + 1; j < SCAN_END(d, i); j++)
			if (d->node[j].tag == T_P)
				return BR_PARA;
	}
	return br;
}

void
html_text(const struct hdoc *d, uint32_t i, struct text_out *t,
    int (*keep)(const struct hdoc *, uint32_t, void *), void *arg)
{
	/* The ends of the open elements and the break each owes at its end. */
	uint32_t *ends = NULL;
	int *brs = NULL;
	size_t depth = 0, cap = 0, bcap = 0;
	uint32_t j, end = d->node[i].end;
	unsigned kind;

	for (j = i; j < end && !(t->limit && t->b->len >= t->limit);) {
		while (depth && j >= ends[depth - 1])
			html_text_break(t, brs[--depth]);
		if (d->node[j].flags & N_DROP || (keep && j != i && !keep(d, j, arg))) {
			j = d->node[j].end;
			continue;
		}
		if (d->node[j].tag == T_TEXT) {
			put_text(t, node_text(d, j), d->node[j].len);
			j++;
			continue;
		}
		kind = html_tag_kind(d->node[j].tag);
		html_text_break(t, opening_break(d, j, kind));
		ends = egrow(ends, &cap, depth + 1, sizeof *ends);
		brs = egrow(brs, &bcap, depth + 1, sizeof *brs);
		ends[depth] = d->node[j].end;
		brs[depth++] = break_of(kind) == BR_LINE && kind & K_BREAK ? BR_NONE
		    : opening_break(d, j, kind);
		j++;
	}
	while (depth)
		html_text_break(t, brs[--depth]);
	free(ends);
	free(brs);
}

char *
html_flat_text(const struct hdoc *d, uint32_t i, size_t max)
{
	struct buf b = BUF_INIT;
	struct text_out t = { &b, 0, max + 1 };
	size_t k;

	html_text(d, i, &t, NULL, NULL);
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	for (k = 0; k < b.len; k++)
		if (b.s[k] == '\n')
			b.s[k] = ' ';
	if (b.len > max) {
		k = max;
		while (k > 0 && ((unsigned char)b.s[k] & 0xC0) == 0x80)
			k--;
		b.s[k] = '\0';
		b.len = k;
	}
	return buf_take(&b);
}
