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

/* The character at s[i] (n bytes left): its length in *len, and
 * whether it is part of a word (1), a word alone (2: an ideograph) or
 * neither (0).  ASCII, most of the text, is decided without utf8proc. */
static int
classify(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)*s;
	int32_t cp;
	int l;

	if (c < 0x80) {
		*len = 1;
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	}
	if ((l = text_decode(s, n, &cp)) < 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)l;
	if (ideograph(cp))
		return 2;
	return text_is_alpha(cp) || text_is_digit(cp);
}

void
terms_words(const char *s, size_t n, terms_fn *fn, void *arg)
{
	size_t i = 0, start = 0, len;
	int in = 0, k;

	while (i < n) {
		k = classify(s + i, n - i, &len);
		if (k != 1) {
			if (in)
				fn(s + start, i - start, arg);
			in = 0;
			if (k == 2)
				fn(s + i, len, arg);
		} else if (!in) {
			in = 1;
			start = i;
		}
		i += len;
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
	buf_reset(b);
	text_fold_buf(b, s, n);
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
	int words, lower;	/* lower: fold ASCII letters on the way */
};

static void
phrase_word(const char *w, size_t len, void *arg)
{
	struct phrase *p = arg;
	size_t i;
	char c;

	if (p->words++)
		p->h = hash_fnv(p->h, " ", 1);
	if (!p->lower) {
		p->h = hash_fnv(p->h, w, len);
		return;
	}
	for (i = 0; i < len; i++) {
		c = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 'a' - 'A') : w[i];
		p->h = hash_fnv(p->h, &c, 1);
	}
}

uint64_t
terms_phrase_key(const char *s, size_t n)
{
	struct phrase p = { HASH_FNV_INIT, 0, 1 };
	struct buf b = BUF_INIT;
	const char *f;
	size_t len;

	/* Names are short and mostly ASCII: fold them as they are hashed. */
	if (ascii(s, n)) {
		terms_words(s, n, phrase_word, &p);
	} else {
		p.lower = 0;
		f = terms_fold(&b, s, n, &len);
		terms_words(f, len, phrase_word, &p);
		buf_free(&b);
	}
	return p.words ? p.h : 0;
}

/* The end of the first max words of s[0..n): where to stop folding. */
size_t
terms_prefix(const char *s, size_t n, size_t max)
{
	size_t i = 0, len, words = 0;
	int in = 0, k;

	while (i < n) {
		k = classify(s + i, n - i, &len);
		if (k != 1 && in && ++words == max)
			return i;
		if (k == 2 && ++words == max)
			return i + len;
		in = k == 1;
		i += len;
	}
	return n;
}

struct names {
	int what;
	terms_fn *fn;
	void *arg;
};

static void
names_word(const char *w, size_t len, void *arg)
{
	struct names *nm = arg;
	size_t i = 0;
	int digit = 0, upper, l;
	int32_t cp = 0;

	if ((unsigned char)*w < 0x80)
		upper = *w >= 'A' && *w <= 'Z';
	else
		upper = text_decode(w, len, &cp) > 0 && text_is_upper(cp);
	while (i < len && !digit) {
		if ((unsigned char)w[i] < 0x80) {
			digit = w[i] >= '0' && w[i] <= '9';
			i++;
			continue;
		}
		if ((l = text_decode(w + i, len - i, &cp)) < 0)
			l = 1, cp = ' ';
		digit = text_is_digit(cp);
		i += (size_t)l;
	}
	if ((digit && (nm->what & TERMS_DIGITS)) || (upper && (nm->what & TERMS_CAPITALS)))
		nm->fn(w, len, nm->arg);
}

void
terms_names(const char *s, size_t n, int what, terms_fn *fn, void *arg)
{
	struct names nm = { what, fn, arg };

	terms_words(s, n, names_word, &nm);
}
