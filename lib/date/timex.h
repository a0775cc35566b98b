/* timex: find date expressions in English news text and resolve them
 * to TimeML TIMEX3 values against a reference (publication) date.
 *
 * "June 19, 2024" -> 2024-06-19, "next week" -> 2025-W36, "the 1990s"
 * -> 199, "Aug. 31 to Sept. 3" -> 2025-08-31/2025-09-03, "recently" ->
 * PAST_REF.  Relative expressions are resolved as a news reader would:
 * a bare weekday or month in past tense is the last one on or before the
 * reference date, in future tense the next one.  Without a reference
 * date they are still found, with an empty value.  Safe on any input:
 * it never reads outside s[0..n). */
#ifndef TIMEX_H
#define TIMEX_H

#include <stddef.h>

#include "date/date.h"

struct timex {
	size_t start, end;	/* byte offsets into the text */
	char value[48];		/* TIMEX3 value; "" when it cannot be resolved */
};

struct timex_list {
	struct timex *v;
	size_t n, cap;
};

#define TIMEX_LIST_INIT { NULL, 0, 0 }

/* Options. */
#define TIMEX_DMY	1	/* 9/2/2025 in text is 9 February */

/* Append to out every expression in s[0..n), in text order.  ref is the
 * reference date (prec DATE_DAY or finer), or NULL when there is none. */
void timex_find(const char *s, size_t n, const struct date *ref, int flags,
    struct timex_list *out);
void timex_list_free(struct timex_list *l);

#endif
