/* ISO 8601 dates as Excel's serial numbers: days since 1899-12-30, the
 * time of day as the fraction.  Strict on purpose: a spreadsheet date is
 * made only from the form the record's "date" is documented to hold,
 * never guessed from free text (lib/date reads that). */
#include <stddef.h>

#include "date/date.h"
#include "sheet/sheet.h"

/* n digits at s[*i] as a number, or -1. */
static long
num(const char *s, size_t len, size_t *i, int n)
{
	long v = 0;
	int k;

	if (*i + (size_t)n > len)
		return -1;
	for (k = 0; k < n; k++) {
		char c = s[*i + (size_t)k];

		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*i += (size_t)n;
	return v;
}

static int
at(const char *s, size_t len, size_t i, char c)
{
	return i < len && s[i] == c;
}

/* The zone at s[*i] (Z, +HH:MM, +HHMM, +HH) in minutes east of UTC;
 * 0 and *zoned unset when there is none; -1 on a malformed one. */
static int
zone(const char *s, size_t len, size_t *i, long *minutes, int *zoned)
{
	long h, m = 0;
	int sign;

	*minutes = 0;
	if (*i == len)
		return 0;
	*zoned = 1;
	if (s[*i] == 'Z') {
		++*i;
		return 0;
	}
	if (s[*i] != '+' && s[*i] != '-')
		return -1;
	sign = s[(*i)++] == '-' ? -1 : 1;
	if ((h = num(s, len, i, 2)) < 0 || h > 23)
		return -1;
	if (*i < len) {
		*i += s[*i] == ':';
		if ((m = num(s, len, i, 2)) < 0 || m > 59)
			return -1;
	}
	*minutes = sign * (h * 60 + m);
	return 0;
}

/* The time of day at s[*i], after T or a space, in seconds. */
static int
time_of_day(const char *s, size_t len, size_t *i, double *secs,
    struct sheet_date *d)
{
	long h, m, sec = 0;
	double frac = 0, scale = 1;

	if ((h = num(s, len, i, 2)) < 0 || !at(s, len, (*i)++, ':')
	    || (m = num(s, len, i, 2)) < 0 || h > 23 || m > 59)
		return -1;
	d->prec = SHEET_MINUTE;
	if (at(s, len, *i, ':')) {
		++*i;
		if ((sec = num(s, len, i, 2)) < 0 || sec > 59)
			return -1;
		d->prec = SHEET_SECOND;
		if (at(s, len, *i, '.') || at(s, len, *i, ',')) {
			if (++*i == len || s[*i] < '0' || s[*i] > '9')
				return -1;
			for (; *i < len && s[*i] >= '0' && s[*i] <= '9'; ++*i)
				frac += (s[*i] - '0') * (scale /= 10);
			d->prec = SHEET_FRACTION;
		}
	}
	*secs = (double)(h * 3600 + m * 60 + sec) + frac;
	return 0;
}

int
sheet_date(const char *s, size_t len, struct sheet_date *d)
{
	size_t i = 0;
	long y, mo, day, zmin = 0;
	double secs = 0, last;
	int zoned = 0;

	d->prec = SHEET_DAY;
	d->utc = 0;
	if ((y = num(s, len, &i, 4)) < 0 || !at(s, len, i++, '-')
	    || (mo = num(s, len, &i, 2)) < 0 || !at(s, len, i++, '-')
	    || (day = num(s, len, &i, 2)) < 0
	    || !date_valid((int)y, (int)mo, (int)day))
		return 0;
	if (i < len && (s[i] == 'T' || s[i] == ' ')) {
		i++;
		if (time_of_day(s, len, &i, &secs, d) < 0
		    || zone(s, len, &i, &zmin, &zoned) < 0)
			return 0;
	}
	if (i != len)
		return 0;
	d->utc = zoned;
	d->serial = (double)(date_to_days((int)y, (int)mo, (int)day)
	    - date_to_days(1899, 12, 30)) + (secs - (double)zmin * 60) / 86400;
	last = (double)(date_to_days(10000, 1, 1) - date_to_days(1899, 12, 30));
	return d->serial >= 61 && d->serial < last;
}
