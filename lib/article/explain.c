/* explain: what left the body and why (ARTICLE_EXPLAIN), so that no
 * line of an article disappears unaccounted: each is in the body, in a
 * field, or here with its reason. */
#include <string.h>

#include "article/internal.h"
#include "mem.h"

void
art_removed(struct parse *p, const char *s, size_t n, const char *reason)
{
	struct article *a = p->a;
	struct article_removed *r;

	if (!p->explain)
		return;
	trim(&s, &n);
	if (n == 0)
		return;
	a->removed = egrow(a->removed, &p->rmcap, a->nremoved + 1, sizeof *a->removed);
	r = &a->removed[a->nremoved++];
	r->text = estrndup(s, n);
	r->reason = reason;
}

void
art_removed_at(struct parse *p, size_t at, const char *s, size_t n, const char *reason)
{
	struct article *a = p->a;
	struct article_removed r;
	size_t k = a->nremoved;

	art_removed(p, s, n, reason);
	if (a->nremoved == k || at >= k)
		return;
	r = a->removed[k];
	memmove(&a->removed[at + 1], &a->removed[at], (k - at) * sizeof *a->removed);
	a->removed[at] = r;
}

/* Clean line i as the text had it: the normalised line, with its
 * markdown. */
void
art_drop(struct parse *p, size_t i, const char *reason)
{
	const struct line *l;

	if (!p->explain)
		return;
	l = &p->nl[i + p->from];
	art_removed(p, p->norm + l->off, l->len, reason);
}
