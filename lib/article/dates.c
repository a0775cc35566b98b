/* dates: a date inside a short line of a page's header ("Veröffentlicht
 * am 26. Oktober 2023", "By Jane Doe, August 14, 2020 2:30 pm", "04.02.2022
 * | 13:10 Uhr | Jane Doe"): the date is read by lib/date, the byline
 * beside it by credit.c. */
#include <string.h>

#include "article/internal.h"
#include "date/date.h"

/* A token may start at j: the line's start or after a space or mark. */
static int
token_start(const char *s, size_t j)
{
	unsigned char c = (unsigned char)s[j], b = j ? (unsigned char)s[j - 1] : ' ';

	if (!(isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
		return 0;
	return j == 0 || b == ' ' || b == ',' || b == '(' || b == '|' || b == '/' || b == '-'
	    || b == '>' || b >= 0x80;
}

/* Two digits ending at i are the year of a numeric date ("19.10.19",
 * "9/2/25"): a mark and a digit before them, no mark and digit after. */
static int
short_year(const char *s, size_t n, size_t i)
{
	char m = i >= 4 ? s[i - 3] : 0;

	if (!(m == '.' || m == '/' || m == '-') || !isdig((unsigned char)s[i - 4]))
		return 0;
	return i + 1 >= n || !strchr("./-", s[i]) || !isdig((unsigned char)s[i + 1]);
}

/* Where a full date could start: its year has four digits ("2023"), or
 * two after a numeric day and month, and a date takes at most 40 bytes
 * before its year's end.  No year, no date: most lines cost one scan.
 * Returns the end of the last year, 0 if none; *from, 40 bytes before
 * the end of the first. */
static size_t
year_reach(const char *s, size_t n, size_t *from)
{
	size_t i, run = 0, first = 0, last = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && isdig((unsigned char)s[i])) {
			run++;
			continue;
		}
		if ((run == 4 && (s[i - 4] == '1' || s[i - 4] == '2'))
		    || (run == 2 && short_year(s, n, i))) {
			if (!first)
				first = i;
			last = i;
		}
		run = 0;
	}
	*from = first > 40 ? first - 40 : 0;
	return last;
}

int
art_date_span(const char *s, size_t n, size_t *b, size_t *e)
{
	struct date d;
	size_t j, used, from, year;

	if (n > 160 || !has_digit(s, n) || !(year = year_reach(s, n, &from)))
		return 0;
	for (j = from; j < year; j++) {
		if (!token_start(s, j) || !date_may_start(s + j, n - j))
			continue;
		/* the date ends with its year or a time after it */
		if (date_parse_span(s + j, n - j < year - j + 30 ? n - j : year - j + 30, 0, &d, &used)
		    != DATE_OK || d.prec < DATE_DAY)
			continue;
		/* The parser may have read a comma or "at" before a time that
		 * did not come. */
		while (used && (s[j + used - 1] == ',' || s[j + used - 1] == ' '
		    || s[j + used - 1] == '-'))
			used--;
		if (used > 3 && (ends_with(s + j, used, " at") || ends_with(s + j, used, " um")))
			used -= 3;
		*b = j;
		*e = j + used;
		return 1;
	}
	return 0;
}

void
art_set_date(char **dst, const char *s, size_t n)
{
	struct date d;
	size_t b, e;

	if (*dst)
		return;
	if ((date_parse(s, n, 0, &d) != DATE_OK || d.prec < DATE_DAY) && art_date_span(s, n, &b, &e))
		s += b, n = e - b;
	art_set_once(dst, s, n);
}

/* Separators between the parts of a dated line. */
static int
sep(unsigned char c)
{
	return c == ' ' || c == ',' || c == '|' || c == '/' || c == '-' || c == '(' || c == ')'
	    || c == '+';
}

size_t
art_trim_marks(const char *s, size_t n)
{
	for (;;) {
		if (n && strchr(" |,;/-()+", s[n - 1]))
			n--;
		else if (n >= 2 && !memcmp(s + n - 2, "\302\267", 2))
			n -= 2;
		else if (n >= 3 && (!memcmp(s + n - 3, "\342\200\242", 3) || !memcmp(s + n - 3, "\342\200\223", 3)
		    || !memcmp(s + n - 3, "\342\200\224", 3)))
			n -= 3;
		else
			return n;
	}
}

/* The byline in part s of a dated line, the part up to the next
 * separating mark ("by Jane Doe · in Politics"). */
static void
byline_beside_date(struct parse *p, const char *s, size_t n)
{
	const char *v;
	size_t vn, k;

	trim(&s, &n);
	while (n && sep((unsigned char)s[0]))
		s++, n--;
	for (k = 0; k < n; k++)
		if (art_separator(s + k, n - k))
			break;
	n = art_trim_marks(s, k);
	if (art_byline(s, n, &v, &vn))
		art_set_once(&p->a->byline, v, vn);
}

int
art_short_dated(const char *s, size_t n, size_t *b, size_t *e)
{
	size_t w = n > 200 ? 25 : nwords(s, n, 25);

	if (n > 200 || !has_digit(s, n) || w > 24 || !art_date_span(s, n, b, e))
		return 0;
	/* fourteen words, or ten besides a long date ("Por Ana Ruiz y
	 * María José Santos | Actualizado el 4 de febrero de 2024") */
	if (w > 14 && w > nwords(s + *b, *e - *b, 15) + 10)
		return 0;
	/* a sentence of eight words or more is no dated line, unless all
	 * but four of them are the date's ("04 de mayo 2022 a las 09:01
	 * hrs.") */
	return w < 8 || !art_is_prose(s, n) || w <= nwords(s + *b, *e - *b, 15) + 4
	    || (*e >= n && s[n - 1] == '.');	/* its period the date's ("11:53 a.m.") */
}

/* The bytes a long line's date is looked for in, from its start. */
#define DATE_OPENS 48

int
art_date_opens(const char *s, size_t n, size_t *b, size_t *e)
{
	/* words, not a link's path ("example.com/2020/01/05/story") */
	return n > 0 && memchr(s, ' ', n) && !art_is_prose(s, n)
	    && art_date_span(s, n < DATE_OPENS ? n : DATE_OPENS, b, e) && *b < DATE_OPENS / 2;
}

int
art_dated_span(struct parse *p, const char *s, size_t n, size_t *b, size_t *e)
{
	if (!art_short_dated(s, n, b, e))
		return 0;
	byline_beside_date(p, s, *b);
	byline_beside_date(p, s + *e, n - *e);
	return 1;
}

int
art_dated_line(struct parse *p, const char *s, size_t n)
{
	size_t b, e;

	if (!art_dated_span(p, s, n, &b, &e))
		return 0;
	art_set_once(&p->a->date_raw, s + b, e - b);
	return 1;
}
