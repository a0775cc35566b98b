/* body: pass 3b, the body: metadata lines taken out, boilerplate
 * dropped by its shape (repeats, captions, breadcrumbs, prompts, story
 * lists, the tail after the last sentence), hard-wrapped lines joined. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "buf.h"
#include "hash.h"
#include "mem.h"

/* The lines met so far, to drop a line that comes again (a repeated
 * title, a pull quote, a widget). */
struct seen {
	const char *s;
	size_t n;
	uint64_t h;
};

struct lineset {
	struct seen *v;
	size_t n, cap;
	struct hash_index ix;	/* v by h */
};

/* The ends of a long line tell lines apart well enough: lines under one
 * hash are compared in full anyway, and a 50 MB line is hashed as fast
 * as a short one. */
static uint64_t
line_hash(const char *s, size_t n)
{
	uint64_t h = hash_fnv_step(HASH_FNV_INIT, n);

	if (n > 64)
		return hash_mix(hash_fnv(hash_fnv(h, s, 32), s + n - 32, 32));
	return hash_mix(hash_fnv(h, s, n));
}

static uint64_t
seen_key(const void *v, size_t i)
{
	return ((const struct seen *)v)[i].h;
}

/* Remember s; 1 if it was seen before. */
static int
seen_before(struct lineset *set, const char *s, size_t n)
{
	uint64_t h = line_hash(s, n);
	struct seen *e;
	size_t pos;
	long i;

	for (i = hash_index_first(&set->ix, h, &pos); i >= 0;
	    i = hash_index_next(&set->ix, &pos)) {
		e = &set->v[i];
		if (e->h == h && e->n == n && !memcmp(e->s, s, n))
			return 1;
	}
	set->v = egrow(set->v, &set->cap, set->n + 1, sizeof *set->v);
	e = &set->v[set->n];
	e->s = s;
	e->n = n;
	e->h = h;
	hash_index_add(&set->ix, h, set->n, seen_key, set->v);
	set->n++;
	return 0;
}

/* Keep s for the body; gap: a blank or dropped line came before it. */
void
art_keep_line(struct parse *p, const char *s, size_t n, int gap)
{
	p->kept = egrow(p->kept, &p->keptcap, p->nkept + 1, sizeof *p->kept);
	p->kept[p->nkept].s = s;
	p->kept[p->nkept].n = n;
	p->kept[p->nkept++].gap = gap;
}

static int
drop_in_body(struct parse *p, struct lineset *seen, const char *s, size_t n,
    unsigned fl, int *headlines)
{
	const char *t = p->a->title;

	if (seen_before(seen, s, n) || art_is_caption(s, n, fl) || art_is_breadcrumb(s, n)
	    || (!art_is_prose(s, n) && art_is_prompt(s, n)) || art_is_login_prompt(s, n)
	    || (t && same_ci(s, n, t, strlen(t))))
		return 1;
	if (art_is_marker(s, n)) {
		*headlines = 1;
		return 1;
	}
	if (art_is_prose(s, n)) {
		*headlines = 0;
		return 0;
	}
	return *headlines;
}

/* The kept lines as paragraphs: a line goes on the one before it (a
 * hard-wrapped paragraph) unless a gap or the end of a sentence came
 * between them, or it starts upper case after a short line. */
static void
join_kept(struct parse *p)
{
	struct buf b = BUF_INIT;
	size_t k;

	for (k = 0; k < p->nkept; k++) {
		struct kept *c = &p->kept[k], *pr = k ? &p->kept[k - 1] : NULL;

		if (pr && !c->gap && !art_is_prose(pr->s, pr->n)
		    && ((c->s[0] >= 'a' && c->s[0] <= 'z') || pr->n >= 60))
			buf_addc(&b, ' ');
		else if (pr)
			buf_add(&b, "\n\n", 2);
		buf_add(&b, c->s, c->n);
	}
	p->a->body_len = b.len;
	p->a->body = buf_take(&b);
}

/* The body from line i on, into a->body. */
void
art_body(struct parse *p, size_t i)
{
	struct article *a = p->a;
	struct lineset seen = { NULL, 0, 0, HASH_INDEX_INIT };
	const char *s;
	size_t n, d, last = 0;
	int gap = 1, headlines = 0, first = 1;

	hash_index_init(&seen.ix, p->cnl + 2);
	if (a->title)
		seen_before(&seen, a->title, strlen(a->title));
	if (a->subtitle)
		seen_before(&seen, a->subtitle, strlen(a->subtitle));
	for (; i < p->cnl; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0 || art_meta_line(p, &i, 0)) {
			gap = 1;
			continue;
		}
		if (!p->keep && drop_in_body(p, &seen, s, n, p->cl[i].flags, &headlines)) {
			gap = 1;
			continue;
		}
		/* A wire story's end mark: "... approval. (END)". */
		if (ends_with(s, n, "(END)")) {
			n -= 5;
			while (n && s[n - 1] == ' ')
				n--;
			if (n == 0)
				continue;
		}
		if (first) {
			first = 0;
			d = art_dateline(p, s, n, 1);
			s += d;
			n -= d;
			if (n == 0)
				continue;
		}
		art_keep_line(p, s, n, gap);
		gap = 0;
		/* "help-image Social comment?" is no sentence of the article. */
		if (art_is_prose(s, n) && (nwords(s, n, 4) >= 4 || s[n - 1] == '.'))
			last = p->nkept;
	}
	/* After the last sentence come link lists, prompts and widgets. */
	if (!p->keep && last)
		p->nkept = last;
	join_kept(p);
	free(seen.v);
	hash_index_free(&seen.ix);
}
