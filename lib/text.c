#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "text.h"

int
text_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if ((unsigned char)*s < 0x80 && n) {
		*cp = (unsigned char)*s;
		return 1;
	}
	len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
	if (len < 0)
		return -1;
	*cp = c;
	return (int)len;
}

size_t
text_invalid_at(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			/* ASCII, the most of any text, 8 bytes at a time */
			while (i + 8 <= n && !text_high_bytes(s + i))
				i += 8;
			continue;
		}
		if ((len = text_decode(s + i, n - i, &cp)) < 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

/* Every byte but the continuation bytes (10xxxxxx) starts a code point;
 * they are counted 8 at a time, as offsets into long bodies are many. */
size_t
text_cplen(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL;
	size_t count = n;
	uint64_t x;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		x &= high & ~(x << 1);
		while (x) {
			count--;
			x &= x - 1;
		}
	}
	for (; n; s++, n--)
		if (((unsigned char)*s & 0xC0) == 0x80)
			count--;
	return count;
}

size_t
text_columns(const char *s, size_t n, size_t max)
{
	size_t i = 0, line = 0, widest = 0;
	int32_t cp;
	int len, w;

	while (i < n && widest < max) {
		if (s[i] == '\n') {
			line = 0, i++;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			line++, i++;
		} else if ((len = text_decode(s + i, n - i, &cp)) < 0) {
			line++, i++;
		} else {
			w = utf8proc_charwidth(cp);
			line += w > 0 ? (size_t)w : 0;
			i += (size_t)len;
		}
		if (line > widest)
			widest = line;
	}
	return widest < max ? widest : max;
}

int
text_is_space(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85)
		return 1;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL
	    || cat == UTF8PROC_CATEGORY_ZP;
}

int
text_is_alpha(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

int
text_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU
	    || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int
text_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* The folding of one run of non-ASCII bytes onto b; 0 if it is not
 * valid UTF-8. */
static int
fold_run(struct buf *b, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;

	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
	    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD
	    | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	if (len == UTF8PROC_ERROR_NOMEM)
		die(1, "out of memory");
	if (len < 0)
		return 0;
	buf_add(b, (const char *)out, (size_t)len);
	free(out);
	return 1;
}

/* Folding works run by run: ASCII folds to its lower case without
 * utf8proc, and each run of other code points through it.  That is the
 * folding of the whole text, as nothing reaches across the border of a
 * run: the compatibility forms and case folding map code points one by
 * one; composition joins a starter to the marks after it, but marks are
 * stripped, and no ASCII character follows in a composition; an
 * ignorable code point goes wherever it is (tests/unit/text.c holds it
 * to utf8proc_map of the whole). */
int
text_fold_buf(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, j, start = b->len;

	while (i < n) {
		for (j = i; j < n && (unsigned char)s[j] < 0x80; j++)
			;
		if (j > i) {
			buf_reserve(b, j - i);
			for (; i < j; i++)
				b->s[b->len++] = s[i] >= 'A' && s[i] <= 'Z' ?
				    (char)(s[i] + 32) : s[i];
			b->s[b->len] = '\0';
			continue;
		}
		for (j = i; j < n && (unsigned char)s[j] >= 0x80; j++)
			;
		if (!fold_run(b, s + i, j - i)) {
			b->len = start;
			if (b->s)
				b->s[start] = '\0';
			return 0;
		}
		i = j;
	}
	return 1;
}

char *
text_fold(const char *s, size_t n, size_t *outlen)
{
	struct buf b = BUF_INIT;

	/* Only invalid UTF-8 fails; callers validate input first. */
	text_fold_buf(&b, s, n);
	if (outlen)
		*outlen = b.len;
	return buf_take(&b);
}
