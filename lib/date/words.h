/* What date.c and words.c share (private to lib/date/): not
 * included outside lib/date/; the public interface is date.h. */
#ifndef DATE_WORDS_H
#define DATE_WORDS_H

#include <stddef.h>

/* s[0..n) equals the lower-case word w, ASCII letters without case. */
int date_word_eq(const char *s, size_t n, const char *w);
/* Month 1-12 of a month name of another language, 0 if none (ASCII
 * and Latin-1 letters compared without case: "MÄRZ" is "märz"). */
int date_foreign_month(const char *s, size_t n);
/* The length of the non-ASCII letter at s (0: none): U+0080-U+00BF and
 * U+2000-U+2FFF (spaces, dashes, quotes, guillemets) are not letters. */
size_t date_letter_len(const char *s, size_t n);

#endif
