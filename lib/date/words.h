/* What date.c and words.c share (private to lib/date/): not
 * included outside lib/date/; the public interface is date.h. */
#ifndef DATE_WORDS_H
#define DATE_WORDS_H

#include <stddef.h>

/* A two-byte UTF-8 letter of Latin-1 or Latin Extended-A at s. */
int date_latin_letter(const char *s, size_t n);

#endif
