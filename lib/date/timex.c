/* timex: date expressions in text, resolved to TIMEX3 values.
 *
 * The text is cut into tokens (words, numbers, punctuation, sentence
 * ends); each word is looked up once in a small keyword table; then a
 * few hand-written patterns are tried at every token, longest first.
 * Resolution follows TimeML: a value is as precise as the expression
 * (a month is YYYY-MM, a week YYYY-Www, a decade YYY).
 *
 * This file holds the public entry points; date/internal.h says where
 * the rest is. */
#include <stdlib.h>
#include <string.h>

#include "date/date.h"
#include "date/internal.h"
#include "date/timex.h"
#include "mem.h"

/* A long text is read a piece at a time, so that its tokens need a
 * bounded array: a piece ends at a blank line (else a line break, else a
 * space) within the last half of WINDOW bytes.  Articles shorter than
 * that are one piece. */
#define WINDOW (1 << 18)

static size_t
piece_end(const char *s, size_t from, size_t n)
{
	const char *p, *lo, *hi;

	if (n - from <= WINDOW)
		return n;
	lo = s + from + WINDOW / 2;
	hi = s + from + WINDOW;
	for (p = hi; p > lo; p--)
		if (p[-1] == '\n' && p[-2] == '\n')
			return (size_t)(p - s);
	for (p = hi; p > lo; p--)
		if (p[-1] == '\n' || p[-1] == ' ')
			return (size_t)(p - s);
	return (size_t)(hi - s);
}

/* The expressions of s[0..n), at offset base of the whole text. */
static void
find_in(const char *s, size_t n, size_t base, const struct ctx *ref,
    struct toks *t, struct timex_list *out)
{
	struct ctx c = *ref;
	struct match mt;
	size_t i;

	t->n = 0;
	tx_tokenize(s, n, t);
	c.s = s, c.t = t->v, c.nt = t->n;
	for (i = 0; i < t->n; i++) {
		struct timex *x;

		/* Every pattern starts at a number or a keyword. */
		if (t->v[i].type != TK_NUM && (t->v[i].type != TK_WORD || t->v[i].kind == K_NONE))
			continue;
		if (!tx_match(&c, i, &mt) || mt.len == 0 || mt.len > t->n - i)
			continue;
		out->v = egrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		x = &out->v[out->n++];
		x->start = base + t->v[i].s;
		x->end = base + t->v[i + mt.len - 1].e;
		/* an abbreviation's dot ends the text ("Sept.") */
		memcpy(x->value, mt.value, sizeof x->value);
		i += mt.len - 1;
	}
}

void
timex_find(const char *s, size_t n, const struct date *ref, int flags,
    struct timex_list *out)
{
	/* The token array is kept from call to call: no malloc per record. */
	static struct toks t;
	struct ctx c;
	size_t from, to;

	memset(&c, 0, sizeof c);
	c.flags = flags;
	if (ref && ref->prec >= DATE_DAY && date_valid(ref->year, ref->month, ref->day)) {
		c.have_ref = 1;
		c.ry = ref->year, c.rm = ref->month, c.rd = ref->day;
	}
	for (from = 0; from < n; from = to) {
		to = piece_end(s, from, n);
		find_in(s + from, to - from, from, &c, &t, out);
	}
}

void
timex_list_free(struct timex_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
