#include <stdlib.h>

#include "hash.h"
#include "similar/terms.h"
#include "text.h"

/* Scripts written without spaces between words: each character is a
 * word of its own there. */
static int
ideograph(int32_t cp)
{
	if (cp < 0x2e80 || !text_is_alpha(cp))
		return 0;
	return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)
	    || (cp >= 0x20000 && cp <= 0x3ffff);
}

void
terms_words(const char *s, size_t n, terms_fn *fn, void *arg)
{
	size_t i = 0, start = 0;
	int in = 0, len;
	int32_t cp;

	while (i < n) {
		if ((len = text_decode(s + i, n - i, &cp)) < 0)
			len = 1, cp = ' ';
		if (ideograph(cp) || !(text_is_alpha(cp) || text_is_digit(cp))) {
			if (in)
				fn(s + start, i - start, arg);
			in = 0;
			if (ideograph(cp))
				fn(s + i, (size_t)len, arg);
		} else if (!in) {
			in = 1;
			start = i;
		}
		i += (size_t)len;
	}
	if (in)
		fn(s + start, n - start, arg);
}

static int
ascii(const char *s, size_t n)
{
	for (; n; s++, n--)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

const char *
terms_fold(struct buf *b, const char *s, size_t n, size_t *len)
{
	char *fold;
	size_t j;

	buf_reset(b);
	if (ascii(s, n)) {
		buf_add(b, s, n);
		for (j = 0; j < n; j++)
			if (b->s[j] >= 'A' && b->s[j] <= 'Z')
				b->s[j] += 'a' - 'A';
	} else {
		fold = text_fold(s, n, &n);
		buf_add(b, fold, n);
		free(fold);
	}
	*len = b->len;
	return b->s ? b->s : "";
}

uint64_t
terms_word_key(const char *w, size_t len)
{
	return hash_fnv(HASH_FNV_INIT, w, len);
}

struct phrase {
	uint64_t h;
	int words;
};

static void
phrase_word(const char *w, size_t len, void *arg)
{
	struct phrase *p = arg;

	if (p->words++)
		p->h = hash_fnv(p->h, " ", 1);
	p->h = hash_fnv(p->h, w, len);
}

uint64_t
terms_phrase_key(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	struct phrase p = { HASH_FNV_INIT, 0 };
	size_t len;
	const char *f = terms_fold(&b, s, n, &len);

	terms_words(f, len, phrase_word, &p);
	buf_free(&b);
	return p.words ? p.h : 0;
}

/* terms_names' walk: the text, and a capitalised sentence opener that
 * waits for the next word to say whether it names something. */
struct names {
	const char *s;
	int what;
	terms_fn *fn;
	void *arg;
	size_t last;		/* end of the previous word */
	int seen;		/* a word came before */
	const char *held;
	size_t heldlen;
};

/* Whether a sentence ends in s[from..to): a full stop, question or
 * exclamation mark, ellipsis or line break. */
static int
sentence_break(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] == '.' || s[from] == '!' || s[from] == '?' || s[from] == '\n'
		    || (s[from] == '\xe2' && from + 2 < to && s[from + 1] == '\x80'
		    && s[from + 2] == '\xa6'))
			return 1;
	return 0;
}

static void
names_word(const char *w, size_t len, void *arg)
{
	struct names *nm = arg;
	size_t at = (size_t)(w - nm->s), i = 0;
	int digit = 0, first = !nm->seen || sentence_break(nm->s, nm->last, at), l;
	int32_t cp = 0, c0 = 0;

	if (text_decode(w, len, &c0) < 0)
		c0 = 0;
	while (i < len) {
		if ((l = text_decode(w + i, len - i, &cp)) < 0)
			l = 1, cp = ' ';
		digit |= text_is_digit(cp);
		i += (size_t)l;
	}
	if (nm->held && !first && text_is_upper(c0))
		nm->fn(nm->held, nm->heldlen, nm->arg);
	nm->held = NULL;
	nm->seen = 1;
	nm->last = at + len;
	if (digit && (nm->what & TERMS_DIGITS))
		nm->fn(w, len, nm->arg);
	else if (text_is_upper(c0) && (nm->what & TERMS_CAPITALS)) {
		if (first) {
			nm->held = w;
			nm->heldlen = len;
		} else {
			nm->fn(w, len, nm->arg);
		}
	}
}

void
terms_names(const char *s, size_t n, int what, terms_fn *fn, void *arg)
{
	struct names nm = { s, what, fn, arg, 0, 0, NULL, 0 };

	terms_words(s, n, names_word, &nm);
}
