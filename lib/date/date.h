/* date: calendar arithmetic and publication-date parsing.
 *
 * date_parse() reads one date as a header or a "Published:" line writes
 * it (ISO 8601, RFC 3339, RFC 2822, "August 28, 2025", "30 Aug. 2025,
 * 09:53", "02.09.2025", "9/2/2025", epoch seconds...) and says how much
 * of it the text gave.  It never reads past n bytes. */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

enum date_prec {
	DATE_NONE,		/* nothing */
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY,		/* a full calendar date */
	DATE_MINUTE,		/* with a time of day */
	DATE_SECOND
};

enum date_status {
	DATE_OK,
	DATE_UNKNOWN,		/* no date in a form we know */
	DATE_IMPOSSIBLE,	/* "February 30": a date no calendar has */
	DATE_AMBIGUOUS		/* cannot be settled: "May 3, 25", a weekday that contradicts its date */
};

struct date {
	int year, month, day;	/* month, day 1-based; 0 when not given */
	int hour, min, sec;
	int has_zone;		/* the text named a zone or offset */
	int zone;		/* offset east of UTC, minutes */
	enum date_prec prec;
};

/* Parsing options. */
#define DATE_DMY	1	/* 9/2/2025 is 9 February, not 2 September */
#define DATE_TZ_CHINA	2	/* CST is China Standard Time (+08:00) */

enum date_status date_parse(const char *s, size_t n, int flags, struct date *d);
/* date_parse for a date that opens a longer text ("26. Oktober 2023 von
 * Jane Doe"): *used gets the bytes the date took (0 unless DATE_OK).
 * A lone number is never read as epoch seconds here. */
enum date_status date_parse_span(const char *s, size_t n, int flags, struct date *d,
    size_t *used);
/* Whether a date date_parse reads may start at s: a digit, a month or
 * weekday name, a label ("Published").  Cheap: for looking into lines. */
int date_may_start(const char *s, size_t n);
/* A date in a URL path: /2025/08/28/, /2025-08-28/, /20250828/,
 * /2025/aug/28/. */
enum date_status date_from_url(const char *s, size_t n, struct date *d);
/* Month and day without a year ("September 3", "Aug. 30", "3 Sept."):
 * sets month and day only, prec DATE_DAY, year 0. */
enum date_status date_parse_month_day(const char *s, size_t n, struct date *d);

/* Write d as ISO 8601 into out (at least 32 bytes): YYYY, YYYY-MM,
 * YYYY-MM-DD, or with THH:MM[:SS] and the offset when it has a zone. */
void date_format(const struct date *d, char *out, size_t outsz);

/* Calendar helpers (proleptic Gregorian). */
int date_leap(int y);
int date_mdays(int y, int m);
int date_valid(int y, int m, int d);
/* Days since 1970-01-01, and back. */
long date_to_days(int y, int m, int d);
void date_from_days(long days, int *y, int *m, int *d);
/* 0 Monday .. 6 Sunday. */
int date_weekday(int y, int m, int d);
/* ISO 8601 week of a date: *wy gets the week-numbering year. */
int date_isoweek(int y, int m, int d, int *wy);
/* Month number 1-12 for an English month name or abbreviation
 * ("Sept", "aug"), 0 if none.  Case-insensitive.  (Inside a date,
 * date_parse also reads the month names of other languages.) */
int date_month_name(const char *s, size_t n);
/* Month 1-12 for a month name of another language date_parse reads
 * (German, French, Spanish, Portuguese, Italian, Dutch, Polish: "Okt",
 * "mayo", "février"), 0 if none.  Some are words of running text too
 * ("mars", "mai"): a month only beside a day or a year. */
int date_foreign_month(const char *s, size_t n);
/* 0 Monday .. 6 Sunday for a weekday name or abbreviation (English) or
 * name (the other languages of words.c), -1 if none. */
int date_weekday_name(const char *s, size_t n);

#endif
