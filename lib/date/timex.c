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

void
timex_find(const char *s, size_t n, const struct date *ref, int flags,
    struct timex_list *out)
{
	/* The token array is kept from call to call: no malloc per record. */
	static struct toks t;
	struct ctx c;
	struct match mt;
	size_t i;

	t.n = 0;
	tx_tokenize(s, n, &t);
	memset(&c, 0, sizeof c);
	c.s = s, c.t = t.v, c.nt = t.n, c.flags = flags;
	if (ref && ref->prec >= DATE_DAY && date_valid(ref->year, ref->month, ref->day)) {
		c.have_ref = 1;
		c.ry = ref->year, c.rm = ref->month, c.rd = ref->day;
	}
	for (i = 0; i < t.n; i++) {
		struct timex *x;

		/* Every pattern starts at a number or a keyword. */
		if (t.v[i].type != TK_NUM && (t.v[i].type != TK_WORD || t.v[i].kind == K_NONE))
			continue;
		if (!tx_match(&c, i, &mt) || mt.len == 0 || mt.len > t.n - i)
			continue;
		out->v = egrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		x = &out->v[out->n++];
		x->start = t.v[i].s;
		x->end = t.v[i + mt.len - 1].e;
		/* an abbreviation's dot ends the text ("Sept.") */
		memcpy(x->value, mt.value, sizeof x->value);
		i += mt.len - 1;
	}
}

void
timex_list_free(struct timex_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
