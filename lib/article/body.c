/* body: pass 3b, the body: metadata lines taken out, boilerplate
 * dropped by its shape (repeats, captions, breadcrumbs, prompts, story
 * lists, the tail after the last sentence), hard-wrapped lines joined. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "buf.h"
#include "mem.h"

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL ^ n;
	size_t i;

	/* The ends of a line tell lines apart well enough; equal hashes
	 * are compared in full anyway. */
	if (n > 64) {
		for (i = 0; i < 32; i++)
			h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
		s += n - 32;
		n = 32;
	}
	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Remember s; 1 if it was seen before. */
static int
seen_before(struct parse *p, const char *s, size_t n)
{
	uint64_t h = hash(s, n);
	size_t i, mask = p->setcap - 1;

	for (i = (size_t)h & mask; p->set[i].s; i = (i + 1) & mask)
		if (p->set[i].h == h && p->set[i].n == n && !memcmp(p->set[i].s, s, n))
			return 1;
	p->set[i].s = s;
	p->set[i].n = n;
	p->set[i].h = h;
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
drop_in_body(struct parse *p, const char *s, size_t n, unsigned fl, int *headlines)
{
	const char *t = p->a->title;

	if (seen_before(p, s, n) || art_is_caption(s, n, fl) || art_is_breadcrumb(s, n)
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
	const char *s;
	size_t n, d, last = 0;
	int gap = 1, headlines = 0, first = 1;

	if (a->title)
		seen_before(p, a->title, strlen(a->title));
	if (a->subtitle)
		seen_before(p, a->subtitle, strlen(a->subtitle));
	for (; i < p->cnl; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0 || art_meta_line(p, &i, 0)) {
			gap = 1;
			continue;
		}
		if (!p->keep && drop_in_body(p, s, n, p->cl[i].flags, &headlines)) {
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
}
