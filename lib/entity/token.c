#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "mem.h"
#include "text.h"
#include "entity/token.h"

/* Words that keep a following period and do not end a sentence. */
static const char *const abbrevs[] = {
	"adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl",
	"dec", "dept", "dr", "e.g", "etc", "feb", "fig", "fr", "ft", "gen",
	"gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd",
	"maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct",
	"op", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st",
	"supt", "vol", "vs"
};

struct scan {
	const char *s;
	size_t n, i;	/* bytes */
};

/* The code point at byte i (0 past the end), and its length in *len. */
static int32_t
peek(const struct scan *sc, size_t i, int *len)
{
	int32_t cp;
	int l;

	if (i >= sc->n) {
		*len = 0;
		return 0;
	}
	if ((unsigned char)sc->s[i] < 0x80) {	/* nearly always */
		*len = 1;
		return (unsigned char)sc->s[i];
	}
	l = text_decode(sc->s + i, sc->n - i, &cp);
	if (l <= 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = l;
	return cp;
}

static int
is_word(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (text_is_alpha(cp))
		return 1;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

static int
is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int
is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int
is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* 's or ’s standing alone: a possessive or contraction to split off. */
static int
possessive_at(const struct scan *sc, size_t i)
{
	int l1, l2, l3;
	int32_t a = peek(sc, i, &l1), b, c;

	if (!is_apos(a))
		return 0;
	b = peek(sc, i + l1, &l2);
	if (b != 's' && b != 'S')
		return 0;
	c = peek(sc, i + l1 + l2, &l3);
	return l3 == 0 || !is_word(c) ? l1 + l2 : 0;
}

static int
is_abbrev(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof abbrevs / sizeof *abbrevs; k++)
		if (strlen(abbrevs[k]) == n && strncasecmp(abbrevs[k], s, n) == 0)
			return 1;
	return 0;
}

/* Scan a word from sc->i; returns its end (bytes) and sets *abbr when a
 * trailing period was taken as part of an abbreviation. */
static size_t
scan_word(const struct scan *sc, int *abbr)
{
	size_t i = sc->i, seglen = 0, start = sc->i;
	int l, l2, dotted = 0;
	int32_t cp, nx, prev = 0;

	*abbr = 0;
	for (;;) {
		cp = peek(sc, i, &l);
		if (l && is_word(cp)) {
			prev = cp;
			i += l;
			seglen++;
			continue;
		}
		if (!l)
			break;
		nx = peek(sc, i + l, &l2);
		if (!l2 || !is_word(nx))
			break;
		if (is_hyphen(cp) || (cp == '&' && seglen == 1)) {
			i += l;
			seglen = 0;
			continue;
		}
		if (is_apos(cp) && !possessive_at(sc, i)) {
			i += l;
			seglen = 0;
			continue;
		}
		if ((cp == '.' || cp == ',') && is_digit(prev) && is_digit(nx)) {
			i += l;
			continue;
		}
		if (cp == '.' && seglen == 1 && !is_digit(prev)) {
			/* U.S., U.N.: single letters joined by periods */
			i += l;
			seglen = 0;
			dotted = 1;
			continue;
		}
		break;
	}
	cp = peek(sc, i, &l);
	if (cp == '.' && ((seglen == 1 && !is_digit(prev)) || dotted ||
	    is_abbrev(sc->s + start, i - start)) &&
	    !(i - start == 2 && strncasecmp(sc->s + start, "no", 2) == 0 &&
	    !(i + 2 < sc->n && sc->s[i + 1] == ' ' && is_digit(sc->s[i + 2])))) {
		/* "No." is the word no unless a number follows */
		i += l;
		*abbr = 1;
	}
	return i;
}

static int
is_lower(int32_t cp)
{
	return text_is_alpha(cp) && !text_is_upper(cp) && !text_is_digit(cp);
}

static int
is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static int
is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

static int
is_opener(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

/* Append a token; the caller sets its sentence, line and paragraph. */
static struct token *
push(struct token_list *l, size_t off, size_t len, size_t cp, size_t cplen)
{
	struct token *t;

	l->v = egrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	t = &l->v[l->n++];
	t->off = off;
	t->len = len;
	t->cp = cp;
	t->cplen = cplen;
	return t;
}

size_t
token_split(const char *s, size_t n, struct token_list *l)
{
	struct scan sc = { s, n, 0 };
	size_t cpos = 0, end, k, newlines = 0, para = 0, sno = 0;
	int len, abbr, ended = 1, closing = 0, gap = 0;
	int32_t cp, first;
	struct token *t;

	l->n = 0;
	while (sc.i < n) {
		cp = peek(&sc, sc.i, &len);
		if (cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') :
		    text_is_space(cp)) {
			if (cp == '\n')
				newlines++;
			gap = 1;
			sc.i += len;
			cpos++;
			continue;
		}
		first = cp;
		abbr = 0;
		if ((k = possessive_at(&sc, sc.i)) > 0)
			end = sc.i + k;
		else if (is_word(cp))
			end = scan_word(&sc, &abbr);
		else {
			/* punctuation: runs of the same mark (..., --) stay one */
			end = sc.i + len;
			while (end < n && (size_t)len <= n - end &&
			    memcmp(s + end, s + sc.i, len) == 0 &&
			    (cp == '.' || cp == '-' || cp == '!' || cp == '?' ||
			    cp == '*' || cp == '='))
				end += len;
		}
		/* A blank line ends a sentence; so does a line break before
		 * anything but a lower-case word: web pages put headings,
		 * captions and menus on lines of their own. */
		if (newlines >= 2 || (newlines == 1 && !is_lower(first)))
			ended = 1;
		else if (closing && !gap && is_closer(first))
			;	/* a closing quote or bracket stays with its sentence */
		else if (closing) {
			ended = text_is_upper(first) || is_digit(first) ||
			    is_opener(first);
			closing = 0;
		}
		k = text_cplen(s + sc.i, end - sc.i);
		t = push(l, sc.i, end - sc.i, cpos, k);
		if (l->n > 1) {
			para += newlines >= 2;
			sno += ended;
		}
		t->sent = ended;
		t->line = newlines > 0;
		t->para = para;
		t->sno = sno;
		ended = 0;
		newlines = 0;
		gap = 0;
		if (is_terminal(cp) && !abbr)
			closing = 1;
		cpos += k;
		sc.i = end;
	}
	return l->n;
}

void
token_list_free(struct token_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
