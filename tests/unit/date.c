/* Unit test of lib/date's date_parse_span: a date that opens a longer
 * text, and the bytes it took. */
#include <stdio.h>
#include <string.h>

#include "date/date.h"

static int failed;

/* s: expect status, the date as ISO 8601 and the bytes taken. */
static void
check(const char *s, enum date_status want, const char *iso, size_t used)
{
	struct date d;
	char out[32] = "";
	size_t at = 99;
	enum date_status st = date_parse_span(s, strlen(s), 0, &d, &at);

	if (st == DATE_OK)
		date_format(&d, out, sizeof out);
	if (st != want || (want == DATE_OK && (strcmp(out, iso) != 0 || at != used))
	    || (want != DATE_OK && at != 0))
		printf("FAIL '%s': status %d '%s' used %zu, want %d '%s' %zu\n", s, st, out,
		    at, want, iso, used), failed = 1;
}

int
main(void)
{
	check("26. Oktober 2023 von Anna Berg", DATE_OK, "2023-10-26", 16);
	check("August 14, 2020 2:30 pm | News", DATE_OK, "2020-08-14T14:30", 23);
	check("04.02.2022 | 13:10 Uhr", DATE_OK, "2022-02-04", 10);
	check("2020-01-16", DATE_OK, "2020-01-16", 10);
	check("4 de maio de 2022, 05:34 h", DATE_OK, "2022-05-04T05:34", 24);
	check("March 8, 2021", DATE_OK, "2021-03-08", 13);
	/* dots read day first, but a second field over 12 is the day */
	check("02.09.2025", DATE_OK, "2025-09-02", 10);
	check("01.21.2020 07:00 AM", DATE_OK, "2020-01-21T07:00", 19);
	check("21/01/2020", DATE_OK, "2020-01-21", 10);
	/* a weekday between the day and the month */
	check("31 Donnerstag Okt 2019", DATE_OK, "2019-10-31", 22);
	/* no epoch seconds inside a line, no date without a year */
	check("1583712000 views", DATE_UNKNOWN, "", 0);
	check("March 8 in Paris", DATE_UNKNOWN, "", 0);
	check("Rede vom 31. Februar 2023", DATE_UNKNOWN, "", 0);
	if (!failed)
		printf("date: ok\n");
	return failed;
}
