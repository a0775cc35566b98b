/* text: UTF-8 and Unicode helpers (utf8proc underneath). */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The 8 bytes at s, read as one word for the loops that skip ASCII
 * text a word at a time. */
static inline uint64_t
text_word8(const char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

/* 0x80 in each byte of x that is zero, 0 in every other (exact, no
 * carry from one byte into the next). */
static inline uint64_t
text_zero_bytes(uint64_t x)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;

	return ~(((x & low7) + low7) | x | low7);
}

/* 0x80 in each byte of x from lo to hi, 0 in the others, for x of
 * ASCII bytes (under 0x80): the first sum sets a byte's top bit when
 * it is lo or more, the second when it is over hi, and neither carries
 * into the next byte. */
static inline uint64_t
text_in_range(uint64_t x, unsigned lo, unsigned hi)
{
	const uint64_t ones = 0x0101010101010101ULL;

	return (x + ones * (0x80 - lo)) & ~(x + ones * (0x7F - hi)) & (ones * 0x80);
}

/* The bytes marked in m, a mask as text_zero_bytes gives (0x80 or 0
 * in each byte): their 1s, summed into the top byte by the product. */
static inline int
text_marked(uint64_t m)
{
	return (int)(((m >> 7) * 0x0101010101010101ULL) >> 56);
}

/* Any of the 8 bytes at s is not ASCII. */
static inline int
text_high_bytes(const char *s)
{
	return (text_word8(s) & 0x8080808080808080ULL) != 0;
}

/* Decode one code point at s (n bytes left) into *cp; returns its length
 * in bytes, or -1 for an invalid sequence. */
int text_decode(const char *s, size_t n, int32_t *cp);
/* Byte offset of the first invalid UTF-8 sequence, or n if all valid. */
size_t text_invalid_at(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string (offsets are counted in
 * code points, as Python and spaCy count them). */
size_t text_cplen(const char *s, size_t n);
/* Terminal columns of the widest line of s[0..n) (valid UTF-8), by
 * utf8proc's character widths (2 for East Asian wide characters, 0 for
 * combining marks), counted no further than max. */
size_t text_columns(const char *s, size_t n, size_t max);
/* White space: ASCII space and controls \t\n\v\f\r, U+0085, and the
 * Unicode separators (Zs, Zl, Zp), U+00A0 among them. */
int text_is_space(int32_t cp);
/* Letters (L*) and digits (Nd), for tokenisers. */
int text_is_alpha(int32_t cp);
int text_is_upper(int32_t cp);
int text_is_digit(int32_t cp);
/* Case-folded, accent-stripped, NFKC copy of s (malloc'd): the key under
 * which "Kim Jong-un" style variants compare equal once punctuation is
 * dropped by the caller.  *outlen gets its length. */
char *text_fold(const char *s, size_t n, size_t *outlen);
/* The same appended to b (without a copy to free); 0, with b as it
 * was, if s is not valid UTF-8 (text_fold then gives ""). */
struct buf;
int text_fold_buf(struct buf *b, const char *s, size_t n);

#endif
