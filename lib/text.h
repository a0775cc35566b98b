/* text: UTF-8 and Unicode helpers (utf8proc underneath). */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>

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
