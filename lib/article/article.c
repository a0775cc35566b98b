/* article: raw article text to metadata and a clean body; the public
 * entry points (internal.h says which file holds which pass).
 *
 * Three passes, each linear in the input: normalise (BOM, line ends,
 * Unicode spaces), strip inline markdown line by line, then classify
 * lines: a header part (title, deck, outlet, dates, bylines, key: value
 * blocks) and a body part from which boilerplate is dropped by its shape
 * (breadcrumbs, prompts, captions, link lists, repeats, the tail after
 * the last sentence), never by matching known text of some site. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "mem.h"
#include "text.h"

int
article_parse(struct article *a, const char *text, size_t len, int flags, size_t *bad)
{
	struct parse p;
	size_t at, i;

	memset(a, 0, sizeof *a);
	if (!(flags & ARTICLE_CHECKED_UTF8) && (at = text_invalid_at(text, len)) < len) {
		if (bad)
			*bad = at;
		return -1;
	}
	memset(&p, 0, sizeof p);
	p.a = a;
	p.keep = flags & ARTICLE_KEEP_BOILERPLATE;
	p.explain = (flags & ARTICLE_EXPLAIN) != 0;
	p.resplit = (flags & ARTICLE_BODY) != 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	art_normalise(&p, text, len);
	p.from = art_front_matter(&p);
	for (i = 0; i < p.from; i++)
		art_removed(&p, p.norm + p.nl[i].off, p.nl[i].len, "front-matter");
	art_clean_lines(&p, p.from);
	i = art_header(&p, 0);
	art_body(&p, i);
	/* A date over the headline or under the article (a blog's "Posted
	 * on ..."), or an "Updated" one, is the date only when the text
	 * gives no other; an "Updated" one is always the
	 * last update. */
	if (p.date_above && !a->date_raw && !a->published_raw)
		art_set_date(&a->date_raw, p.date_above, p.date_above_len);
	if (p.date_below && !a->date_raw && !a->published_raw)
		art_set_date(&a->date_raw, p.date_below, p.date_below_len);
	if (p.updated && !a->date_modified_raw)
		art_set_date(&a->date_modified_raw, p.updated, p.updated_len);
	if (p.updated && !a->date_raw && !a->published_raw)
		art_set_date(&a->date_raw, p.updated, p.updated_len);
	if (a->byline)
		article_add_authors(a, a->byline, strlen(a->byline));
	if (!a->outlet && a->url)
		a->outlet = article_outlet_for_url(a->url);
	a->word_count = article_words(a->body, a->body_len);
	free(p.norm);
	free(p.clean);
	free(p.nl);
	free(p.cl);
	free(p.kept);
	free(p.facts);
	return 0;
}

/* *to, when unset, takes *from. */
static void
take(char **to, char **from)
{
	if (!*to) {
		*to = *from;
		*from = NULL;
	}
}

/* A list, when empty, takes the other: the two swap. */
static void
take_list(char ***to, size_t *nto, char ***from, size_t *nfrom)
{
	char **t = *to;
	size_t n = *nto;

	if (n)
		return;
	*to = *from, *nto = *nfrom;
	*from = t, *nfrom = n;
}

int
article_settle_body(struct article *a, int flags)
{
	struct article b;
	struct article_removed *r;

	flags |= ARTICLE_BODY | ARTICLE_CHECKED_UTF8;
	if (article_parse(&b, a->body, a->body_len, flags, NULL) != 0)
		return -1;
	take(&a->title, &b.title);
	take(&a->subtitle, &b.subtitle);
	take(&a->outlet, &b.outlet);
	take(&a->agency, &b.agency);
	take(&a->byline, &b.byline);
	take(&a->url, &b.url);
	take(&a->dateline_place, &b.dateline_place);
	take(&a->dateline_date, &b.dateline_date);
	take(&a->date_raw, &b.date_raw);
	take(&a->published_raw, &b.published_raw);
	take(&a->language, &b.language);
	take(&a->date_modified_raw, &b.date_modified_raw);
	take_list(&a->tags, &a->ntags, &b.tags, &b.ntags);
	take_list(&a->authors, &a->nauthors, &b.authors, &b.nauthors);
	free(a->body);
	a->body = b.body, a->body_len = b.body_len, a->word_count = b.word_count;
	b.body = NULL;
	if (b.nremoved) {
		r = erealloc(a->removed, (a->nremoved + b.nremoved) * sizeof *r);
		memcpy(r + a->nremoved, b.removed, b.nremoved * sizeof *r);
		a->removed = r, a->nremoved += b.nremoved;
		free(b.removed);
		b.removed = NULL, b.nremoved = 0;
	}
	article_free(&b);
	return 0;
}

void
article_free(struct article *a)
{
	size_t i;

	free(a->title);
	free(a->subtitle);
	free(a->outlet);
	free(a->agency);
	free(a->byline);
	free(a->url);
	free(a->dateline_place);
	free(a->dateline_date);
	free(a->date_raw);
	free(a->published_raw);
	free(a->language);
	free(a->date_modified_raw);
	for (i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	for (i = 0; i < a->nauthors; i++)
		free(a->authors[i]);
	free(a->authors);
	free(a->body);
	for (i = 0; i < a->nremoved; i++)
		free(a->removed[i].text);
	free(a->removed);
	memset(a, 0, sizeof *a);
}

/* words8's shifts move a byte's mark onto the next byte's, which the
 * next byte in memory is on a little-endian machine only; others count
 * a byte at a time. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORDS8 1

/* The words that start in the 8 ASCII bytes at s, as the loop of
 * article_words counts them; *in is the state before them and after.
 * A joiner (' -) keeps a word going between two letters or digits;
 * next is the byte after the 8 (a letter, digit or other than ASCII). */
static size_t
words8(const char *s, int *in, int next)
{
	const uint64_t ones = 0x0101010101010101ULL, first = 0x80, last = 0x80ULL << 56;
	uint64_t x = text_word8(s), alnum, joiner, kept, state, starts;

	alnum = text_in_range(x | (ones * 0x20), 'a', 'z') | text_in_range(x, '0', '9');
	joiner = text_zero_bytes(x ^ (ones * '\'')) | text_zero_bytes(x ^ (ones * '-'));
	/* after a letter (or in a word before the 8), before one */
	kept = joiner & ((alnum << 8) | (*in ? first : 0)) & ((alnum >> 8) | (next ? last : 0));
	state = alnum | kept;
	starts = alnum & ~((state << 8) | (*in ? first : 0));
	*in = (state & last) != 0;
	return (size_t)text_marked(starts);
}
#endif

size_t
article_words(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	int in = 0, len;
	int32_t cp;

	while (i < n) {
		unsigned char c = s[i];
		int alnum, joiner;

#ifdef WORDS8
		/* ASCII text 8 bytes at a time, the byte after them known */
		if (i + 8 < n && !text_high_bytes(s + i)) {
			words += words8(s + i, &in, isalnum_a((unsigned char)s[i + 8]));
			i += 8;
			continue;
		}
#endif
		if (c < 0x80) {
			alnum = isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
			if (alnum && in) {
				/* Inside a word: skip the rest of its ASCII letters. */
				while (++i < n && (isdig((unsigned char)s[i])
				    || (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z')))
					;
				continue;
			}
			joiner = c == '\'' || c == '-';
			len = 1;
		} else {
			if ((len = text_decode(s + i, n - i, &cp)) <= 0)
				len = 1, cp = 0;
			alnum = text_is_alpha(cp) || text_is_digit(cp);
			joiner = cp == 0x2019 || cp == 0x2010 || cp == 0x2011;
		}
		if (alnum) {
			if (!in)
				words++;
			in = 1;
		} else if (!(joiner && in && i + (size_t)len < n
		    && isalnum_a((unsigned char)s[i + (size_t)len]))) {
			in = 0;
		}
		i += (size_t)len;
	}
	return words;
}
