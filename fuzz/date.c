/* Fuzz target: the publication-date parser and the text-date finder
 * (lib/date.h, lib/timex.h).  Every expression found must lie inside the
 * text, in order, and a parsed date must be a valid calendar date. */
#include <stdint.h>
#include <stdlib.h>

#include "date/date.h"
#include "diag.h"
#include "text.h"
#include "date/timex.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-date");
	return 0;
}

static void
check_parsed(enum date_status st, const struct date *d)
{
	char out[64];

	if (st != DATE_OK)
		return;
	if (d->prec >= DATE_DAY && !date_valid(d->year, d->month, d->day))
		abort();
	date_format(d, out, sizeof out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct timex_list l = TIMEX_LIST_INIT;
	struct date d, ref = { 0 };
	size_t i, last = 0;
	int flags;

	/* The library is given valid UTF-8 only, as the filter does. */
	if (text_invalid_at(s, size) < size)
		return 0;
	for (flags = 0; flags < 4; flags++) {
		check_parsed(date_parse(s, size, flags, &d), &d);
	}
	check_parsed(date_from_url(s, size, &d), &d);
	/* No year: check the day against a leap year. */
	if (date_parse_month_day(s, size, &d) == DATE_OK && d.prec >= DATE_DAY
	    && !date_valid(2024, d.month, d.day))
		abort();

	ref.year = 2025, ref.month = 9, ref.day = 2, ref.prec = DATE_DAY;
	for (flags = 0; flags < 2; flags++) {
		timex_find(s, size, flags ? NULL : &ref, flags ? TIMEX_DMY : 0, &l);
		for (i = 0; i < l.n; i++) {
			if (l.v[i].start > l.v[i].end || l.v[i].end > size
			    || l.v[i].start < last)
				abort();
			last = l.v[i].start;
		}
		timex_list_free(&l);
		last = 0;
	}
	return 0;
}
