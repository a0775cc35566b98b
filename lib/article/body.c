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
	p->kept[p->nkept].line = n;
	p->kept[p->nkept].cont = 0;
	p->kept[p->nkept].rm = p->a->nremoved;
	p->kept[p->nkept++].gap = gap;
}

/* The name a line opens with: up to four words in capitals ("Jane
 * Doe", "JOHN ROE", "Sam Park Jr."), then a word in lower case
 * (its verb: "is", "has worked"); its length, 0 if none.  *words: how
 * many. */
static size_t
opening_name(const char *s, size_t n, size_t *words)
{
	size_t i = 0, w, end = 0;

	for (*words = 0; i < n; i = w + 1) {
		unsigned char c = (unsigned char)s[i];

		for (w = i; w < n && s[w] != ' '; w++)
			;
		if (!((c >= 'A' && c <= 'Z') || c >= 0x80))
			return *words && w < n && c >= 'a' && c <= 'z' ? end : 0;
		if (++*words > 4 || strchr(",:;", s[w - 1]))
			return 0;
		end = w;
	}
	return 0;
}

/* Name[0..n) stands as whole words in s[0..sn), case aside. */
static int
has_name(const char *s, size_t sn, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i + n <= sn; i++)
		if ((i == 0 || s[i - 1] == ' ') && same_ci(s + i, n, name, n)
		    && (i + n == sn || !isalnum_a((unsigned char)s[i + n])))
			return 1;
	return 0;
}

/* The verbs an author's note goes on with ("Jane Doe is a reporter",
 * "ist Architektin", "a travaillé"), of a few languages. */
static const char *const note_verbs[] = {
	"is", "was", "has", "writes", "covers", "joined", "lives", "works", "worked",
	"ist", "war", "hat", "schreibt", "arbeitet", "lebt",
	"est", "a", "était", "écrit", "vit", "es", "ha", "fue", "escribe", "vive", "è",
};

/* Lines a paragraph of the article about the person may stand from an
 * author's note. */
#define NOTE_REACH 8

/* The nearest paragraph of prose over or under line i (up, down) names
 * name[0..n) too: line i goes on about someone the article is about. */
static int
named_near(struct parse *p, size_t i, const char *name, size_t n, int up)
{
	size_t k = i, seen = 0;

	while (seen++ < NOTE_REACH && (k = up ? prev_nonblank(p, k) : next_nonblank(p, k + 1)) != NO_LINE
	    && k < p->cnl && k > p->lead)
		if (art_is(p, k, LI_PROSE) && art_nwords(p, k) >= 12)
			return has_name(line_s(p, k), p->cl[k].len, name, n);
	return 0;
}

/* Nonblank lines over an author's note its author card may take: the
 * name, a role, "About the author". */
#define CARD_LINES 6

/* Line i is an author's note ("Jane Doe is a reporter covering ..."):
 * it opens with the name of the byline's author, or with a name (the
 * first name will do) that stands alone a few lines over it, an author
 * card.  The article is not about its own author, nor about the person
 * on the card over it. */
static int
author_note(struct parse *p, size_t i)
{
	const char *s = line_s(p, i), *t, *by = p->a->byline;
	size_t n = p->cl[i].len, words, len = opening_name(s, n, &words), k, seen = 0, tn;

	if (len == 0 || i <= p->lead || nwords(s, n, 6) < 6
	    || !in_list(s + len + 1, span_to(s + len + 1, n - len - 1, " "), note_verbs, LEN(note_verbs))
	    || named_near(p, i, s, len, 1) || named_near(p, i, s, len, 0))
		return 0;
	if (by && words >= 2 && has_name(by, strlen(by), s, len))
		return 1;
	for (k = prev_nonblank(p, i); k != NO_LINE && k > p->lead && seen++ < CARD_LINES; k = prev_nonblank(p, k)) {
		t = line_s(p, k);
		tn = p->cl[k].len;
		if (tn > len && tn <= 60 && art_names_only(t, tn) && nwords(t, tn, 5) <= 4
		    && (words == 1 ? t[len] == ' ' && same_ci(t, len, s, len) : same_ci(t, tn, s, len)))
			return 1;
		if (tn == len && words >= 2 && same_ci(t, tn, s, len))
			return 1;
	}
	return 0;
}

/* The heading kept right over author's note i ("About the author")
 * goes with it. */
static void
drop_note_heading(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);
	struct kept *last = p->nkept ? &p->kept[p->nkept - 1] : NULL;

	if (k == NO_LINE || !last || last->s != line_s(p, k) || art_nwords(p, k) > 4 || art_is(p, k, LI_PROSE))
		return;
	art_removed(p, last->s, last->n, "author-note");
	p->nkept--;
}

/* A paragraph a hard wrap broke over lines i..*e that, read whole as a
 * second split of the body reads it, is a caption or a prompt ("ständig
 * müde Wenn du ... / liegen. Foto: Example Images"): the reason, or
 * NULL. */
#define WRAPPED_MAX 400

static const char *
wrapped_drop(struct parse *p, size_t i, int gap, size_t *e)
{
	char t[WRAPPED_MAX];
	size_t j, n = 0;
	const char *r = NULL;

	if ((!gap && art_is(p, i, LI_CONT)) || i + 1 >= p->cnl || !p->cl[i + 1].len || !art_is(p, i + 1, LI_CONT))
		return NULL;
	for (j = i; j < p->cnl && p->cl[j].len && (j == i || art_is(p, j, LI_CONT)); j++) {
		if (n + p->cl[j].len + 1 > sizeof t)
			return NULL;
		if (n)
			t[n++] = ' ';
		memcpy(t + n, line_s(p, j), p->cl[j].len);
		n += p->cl[j].len;
	}
	if (art_is_caption(t, n, 0))
		r = "caption";
	else if ((art_is_prompt(t, n) && (!art_is_prose(t, n) || art_is_read_time(t, n))) || art_is_login_prompt(t, n))
		r = "prompt";
	*e = j - 1;
	return r;
}

/* Why a line of the body is boilerplate, or NULL. */
static const char *
drop_in_body(struct parse *p, struct lineset *seen, size_t i, int gap, int *headlines)
{
	const char *t = p->a->title, *s = line_s(p, i);
	size_t n = p->cl[i].len;
	/* a paragraph of one line: a hard-wrapped one's lines may happen
	 * to read as another's ("... jobs at its" twice) */
	int whole = (gap || !art_is(p, i, LI_CONT))
	    && !(i + 1 < p->cnl && p->cl[i + 1].len && art_is(p, i + 1, LI_CONT));

	if (whole && (seen_before(seen, s, n) || (t && same_ci(s, n, t, strlen(t)))))
		return "repeat";
	/* The end of a hard-wrapped sentence ("comment. Reuter") is no
	 * prompt, caption or menu. */
	if (!gap && art_is(p, i, LI_CONT))
		return NULL;
	if (art_is(p, i, LI_CAPTION))
		return "caption";
	if (art_nwords(p, i) <= 40 && art_rights_notice(s, n))
		return "rights";
	if (author_note(p, i)) {
		drop_note_heading(p, i);
		return "author-note";
	}
	if (art_is(p, i, LI_CRUMB))
		return "navigation";
	/* a reading time may end in "min." */
	if ((art_is(p, i, LI_PROMPT) && (!art_is(p, i, LI_PROSE) || art_is_read_time(s, n)))
	    || art_is(p, i, LI_LOGIN))
		return "prompt";
	if (art_is(p, i, LI_MARKER)) {
		*headlines = 1;
		return "related";
	}
	if (art_ends_list(p, i)) {
		*headlines = 0;
		return NULL;
	}
	return *headlines ? "related" : NULL;
}

/* In a page copy, a short line that no paragraph follows is a menu
 * item, a tag, a button ("Permalink", "Next post"); a subheading has
 * its paragraph under it. */
static int
page_stray(struct parse *p, size_t i)
{
	size_t j;

	if (!p->page || art_nwords(p, i) > 6 || art_is(p, i, LI_PROSE))
		return 0;
	j = next_nonblank(p, i + 1);
	return j >= p->foot || !art_para(p, j);
}

/* A caption and its credit right under an image ("![..](..)", then
 * "Rescuers search a street", then "Reuters"): 1 if line i is one, and
 * *skip the credit line after it, if any. */
static int
image_caption(struct parse *p, size_t i, size_t *skip)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, j;
	int photo;

	*skip = NO_LINE;
	if (art_lone_credit(s, n, &photo) || photo)
		return 1;
	j = next_nonblank(p, i + 1);
	if (j < p->cnl && j <= i + 2 && nwords(s, n, 41) <= 40
	    && (art_lone_credit(line_s(p, j), p->cl[j].len, &photo) || photo)) {
		*skip = j;
		return 1;
	}
	return 0;
}

/* A line of the body zone that is metadata: in the header zone, any; in
 * the first lines of the text, dates and bylines, but a line that goes
 * on the text kept right above it ("...according to the / minutes of
 * 4 March published on / Tuesday"); further on, a photo credit and a
 * caption under an image only. */
static const char *
body_meta(struct parse *p, size_t *i, int after_image, int gap, size_t *skip)
{
	int photo;

	if (*i < p->lead)
		return art_meta_line(p, i);
	if (after_image && image_caption(p, *i, skip))
		return "caption";
	if (*i < p->second)
		return !gap && art_is(p, *i, LI_CONT) ? NULL : art_window_line(p, i);
	return !art_lone_credit(line_s(p, *i), p->cl[*i].len, &photo) && photo ? "caption" : NULL;
}

/* What kind of boilerplate a line of the footer is. */
static const char *
footer_reason(struct parse *p, size_t i)
{
	if ((p->cl[i].flags & LF_LISTED) || art_is(p, i, LI_MARKER))
		return "related";
	if (art_is(p, i, LI_PROMPT) || art_is(p, i, LI_LOGIN))
		return "prompt";
	if (art_is(p, i, LI_CAPTION))
		return "caption";
	if (art_is(p, i, LI_CRUMB))
		return "navigation";
	return p->page ? "navigation" : "tail";
}

/* Nonblank lines a page's date may stand under its article (a blog
 * post's "Veröffentlicht am 6. August 2009", "Posted on ..."). */
#define DATE_BELOW 4

/* In a page, line i, one of the DATE_BELOW lines right under the
 * article (a share bar's prompts not counted, no story list between:
 * *lines counts them, one past DATE_BELOW once they are over), is a
 * short line with a date: kept for want of another (article.c), the
 * first only.  A date over a paragraph is a comment's. */
static int
date_below(struct parse *p, size_t i, size_t *lines)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, k, b, e;

	if (!p->page || p->date_below || *lines > DATE_BELOW || art_is(p, i, LI_PROMPT))
		return 0;
	if ((p->cl[i].flags & LF_LISTED) || art_is(p, i, LI_MARKER) || ++*lines > DATE_BELOW) {
		*lines = DATE_BELOW + 1;
		return 0;
	}
	if ((k = next_nonblank(p, i + 1)) < p->cnl && art_para(p, k))
		return 0;
	if (art_is_date_line(s, n))
		p->date_below = s, p->date_below_len = n;
	else if (art_short_dated(s, n, &b, &e))
		p->date_below = s + b, p->date_below_len = e - b;
	return p->date_below != NULL;
}

/* A line of the footer zone: metadata, else boilerplate; *lines: the
 * footer's lines so far, for date_below. */
static void
footer(struct parse *p, size_t *i, size_t *lines)
{
	const char *r = art_footer_line(p, i, 1);

	if (!r && date_below(p, *i, lines))
		r = "date_raw";
	else if (r)
		++*lines;	/* a footer's metadata (tags, a credit) */
	if (r)
		art_drop(p, *i, r);
	else if (p->keep)
		art_keep_line(p, line_s(p, *i), p->cl[*i].len, 1);
	else if (p->explain)
		art_drop(p, *i, footer_reason(p, *i));
}

/* "... approval. (END)" on any line of a wire story: the line's new
 * length. */
static size_t
end_marks(struct parse *p, const char *s, size_t n)
{
	if (ends_with(s, n, "(END)")) {
		art_removed(p, s + n - 5, 5, "sign-off");
		n -= 5;
		while (n && s[n - 1] == ' ')
			n--;
	}
	return n;
}

/* A sign-off on the last lines kept, whatever was dropped under them
 * (a repeated line): alone on a line ("Reuter", not a sentence's last
 * word), or after the last sentence ("... stake. Reuter").  A second
 * split, which has only the body, finds them there too. */
static void
tail_signoff(struct parse *p)
{
	struct kept *c;
	const char *ag;
	size_t k;

	while (p->nkept > 1) {
		c = &p->kept[p->nkept - 1];
		if (c->cont || c->n != c->line || !art_signoff(c->s, c->n, &ag))
			break;
		art_removed_at(p, c->rm, c->s, c->n, "sign-off");
		if (ag)
			p->signoff = ag;
		p->nkept--;
	}
	if (p->nkept == 0)
		return;
	c = &p->kept[p->nkept - 1];
	if ((k = art_signoff_tail(c->s, c->n, &ag)) == 0 || k >= c->n)
		return;
	art_removed_at(p, c->rm, c->s + c->n - k, k, "sign-off");
	c->n -= k;
	while (c->n && c->s[c->n - 1] == ' ')
		c->n--;
	if (ag)
		p->signoff = ag;
}

/* Line c goes on a word that pr broke at its hyphen ("the rail-" /
 * "way station", "a short-" / "term loan"): joined with no space, the
 * hyphen kept, as a compound may break there too; so is a line that
 * starts with a comma (a link's URL broke the line before it). */
static int
broken_word(const struct kept *pr, const struct kept *c)
{
	unsigned char a = pr->n >= 2 ? (unsigned char)pr->s[pr->n - 2] : 0;

	if (c->n && (c->s[0] == ',' || c->s[0] == ';'))
		return 1;
	return pr->n >= 2 && pr->s[pr->n - 1] == '-' && (isalnum_a(a) || a >= 0x80)
	    && c->n && c->s[0] >= 'a' && c->s[0] <= 'z';
}

/* The paragraphs of the body so far, to find one written again. */
struct paras {
	struct para { size_t off, n; uint64_t h; } *v;
	size_t nv, cap;
	struct hash_index ix;
};

static uint64_t
para_key(const void *v, size_t i)
{
	return ((const struct para *)v)[i].h;
}

/* The paragraph b->s[off..b->len), begun by kept line k, is one written
 * before (a hard-wrapped paragraph again, as a second split of the
 * body reads it line by line): it goes, with the blank line before it
 * (at sep), as a repeat. */
static void
end_para(struct parse *p, struct buf *b, struct paras *ps, size_t sep, size_t off, size_t k)
{
	size_t n = b->len - off, pos;
	uint64_t h = line_hash(b->s + off, n);
	long i;

	if (p->keep)
		return;
	for (i = hash_index_first(&ps->ix, h, &pos); i >= 0; i = hash_index_next(&ps->ix, &pos)) {
		struct para *e = &ps->v[i];

		if (e->h == h && e->n == n && !memcmp(b->s + e->off, b->s + off, n)) {
			art_removed_at(p, p->kept[k].rm, b->s + off, n, "repeat");
			b->len = sep;
			return;
		}
	}
	ps->v = egrow(ps->v, &ps->cap, ps->nv + 1, sizeof *ps->v);
	ps->v[ps->nv] = (struct para){ off, n, h };
	hash_index_add(&ps->ix, h, ps->nv, para_key, ps->v);
	ps->nv++;
}

/* The kept lines as paragraphs: a line goes on the one before it (a
 * hard-wrapped paragraph) unless a gap or the end of a sentence came
 * between them, or it starts upper case after a short line; in a body
 * split before, lines one under the other stay so (a page's list). */
static void
join_kept(struct parse *p)
{
	struct buf b = BUF_INIT;
	struct paras ps = { NULL, 0, 0, HASH_INDEX_INIT };
	size_t k, sep = 0, off = 0, first = 0;

	hash_index_init(&ps.ix, p->nkept + 2);
	for (k = 0; k < p->nkept; k++) {
		struct kept *c = &p->kept[k], *pr = k ? &p->kept[k - 1] : NULL;

		if (pr && !c->gap && p->resplit)
			buf_addc(&b, '\n');	/* a body split before keeps its lines */
		else if (pr && !c->gap && (c->cont || (!art_is_prose(pr->s, pr->n)
		    && (pr->line >= 60 || art_wraps(pr->s, pr->n, c->s, c->n))))) {
			if (!broken_word(pr, c))
				buf_addc(&b, ' ');
		}
		else if (pr) {
			end_para(p, &b, &ps, sep, off, first);
			sep = b.len;
			buf_add(&b, "\n\n", 2);
			off = b.len, first = k;
		}
		buf_add(&b, c->s, c->n);
	}
	if (p->nkept)
		end_para(p, &b, &ps, sep, off, first);
	free(ps.v);
	hash_index_free(&ps.ix);
	p->a->body_len = b.len;
	p->a->body = buf_take(&b);
}

/* The last line before the footer from line i on that reads like text
 * (art_body_like, or a paragraph) but an author's note, a footer's
 * metadata ("TAGS: ...") or a date alone, NO_LINE if none. */
static size_t
last_text(struct parse *p, size_t i)
{
	size_t k = p->foot < p->cnl ? p->foot : p->cnl;

	while (k-- > i)
		if (p->cl[k].len && !(p->cl[k].flags & LF_LISTED)
		    && (art_body_like(line_s(p, k), p->cl[k].len) || art_para(p, k)) && !author_note(p, k)
		    && !art_is(p, k, LI_FOOTER) && !art_is_date_line(line_s(p, k), p->cl[k].len))
			return k;
	return NO_LINE;
}

/* The body from line i on, into a->body. */
void
art_body(struct parse *p, size_t i)
{
	struct article *a = p->a;
	struct lineset seen = { NULL, 0, 0, HASH_INDEX_INIT };
	const char *s, *r = NULL;
	size_t n, d, wend, skip = NO_LINE, below = 0, last = last_text(p, i);
	int gap = 1, headlines = 0, first = 1, after_image = 0, dated = 0;

	hash_index_init(&seen.ix, p->cnl + 2);
	if (a->title)
		seen_before(&seen, a->title, strlen(a->title));
	if (a->subtitle)
		seen_before(&seen, a->subtitle, strlen(a->subtitle));
	for (; i < p->cnl; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0) {
			if (p->nl[i + p->from].len)
				art_drop(p, i, p->cl[i].flags & LF_IMAGE ? "image" : "markup");
			after_image = (p->cl[i].flags & LF_IMAGE) || (after_image && !p->nl[i + p->from].len);
			gap = 1;
			continue;
		}
		if (i >= p->foot) {
			footer(p, &i, &below);
			gap = 1;
			continue;
		}
		if (i == skip || (r = body_meta(p, &i, after_image, gap, &skip))) {
			art_drop(p, i, i == skip ? "caption" : r);
			after_image = 0;
			gap = 1;
			continue;
		}
		after_image = 0;
		/* Over the first line kept, the lines a second split of
		 * the body would read as its header are read so now: what
		 * --ndjson gives again is the same record. */
		if (!p->keep && !p->resplit && p->nkept == 0
		    && ((r = art_meta_line(p, &i)) || (r = art_header_boilerplate(p, i)))) {
			art_drop(p, i, r);
			gap = 1;
			continue;
		}
		/* Metadata after the article's last text (a page's "Tags:"
		 * line over its share bar) is its footer's, as a second
		 * split would read it. */
		if ((last == NO_LINE || i > last) && !p->resplit && art_is(p, i, LI_FOOTER)
		    && (r = art_footer_line(p, &i, 1))) {
			art_drop(p, i, r);
			gap = 1;
			continue;
		}
		if (!p->keep && (r = wrapped_drop(p, i, gap, &wend))) {
			for (; i < wend; i++)
				art_drop(p, i, r);
			art_drop(p, i, r);
			gap = 1;
			continue;
		}
		if (!p->keep && ((r = drop_in_body(p, &seen, i, gap, &headlines))
		    || (page_stray(p, i) && (r = "navigation")))) {
			art_drop(p, i, r);
			gap = 1;
			continue;
		}
		if ((n = end_marks(p, s, n)) == 0)
			continue;
		/* A dateline opens the text: its first line, or its first
		 * paragraph under stray lines (in a body split before, those
		 * went with it, or were kept as its text). */
		if (first || (i == p->lead && !dated && !p->resplit)) {
			first = 0;
			if ((d = art_dateline(p, s, n, 1)) > 0)
				art_removed(p, s, d, "dateline"), dated = 1;
			s += d;
			n -= d;
			/* a dateline alone: the text's first line is the
			 * next, and may open with one too */
			if (n == 0) {
				first = 1;
				continue;
			}
		}
		art_keep_line(p, s, n, gap || art_indent_starts(p, i));
		p->kept[p->nkept - 1].line = p->cl[i].len;
		p->kept[p->nkept - 1].cont = art_is(p, i, LI_CONT);
		gap = 0;
	}
	tail_signoff(p);
	if (p->signoff)
		art_set_once(&a->agency, p->signoff, strlen(p->signoff));
	join_kept(p);
	free(seen.v);
	hash_index_free(&seen.ix);
}
