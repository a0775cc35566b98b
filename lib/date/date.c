/* date: calendar arithmetic and publication-date parsing. */
#include <stdio.h>
#include <string.h>

#include "date/date.h"
#include "date/words.h"

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_mdays(int y, int m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return md[m - 1] + (m == 2 && date_leap(y));
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1
	    && d <= date_mdays(y, m);
}

/* Howard Hinnant's days-from-civil algorithm. */
long
date_to_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(int y, int m, int d)
{
	long z = date_to_days(y, m, d);

	/* 1970-01-01 was a Thursday (3). */
	return (int)(((z % 7) + 7 + 3) % 7);
}

int
date_isoweek(int y, int m, int d, int *wy)
{
	long z = date_to_days(y, m, d), thu, jan1;
	int ty, tm, td;

	/* The week belongs to the year of its Thursday. */
	thu = z - date_weekday(y, m, d) + 3;
	date_from_days(thu, &ty, &tm, &td);
	jan1 = date_to_days(ty, 1, 1);
	*wy = ty;
	return (int)((thu - jan1) / 7 + 1);
}

void
date_format(const struct date *d, char *out, size_t outsz)
{
	int len = 0, z;

	switch (d->prec) {
	case DATE_NONE:
		snprintf(out, outsz, "%s", "");
		return;
	case DATE_YEAR:
		snprintf(out, outsz, "%04d", d->year);
		return;
	case DATE_MONTH:
		snprintf(out, outsz, "%04d-%02d", d->year, d->month);
		return;
	case DATE_DAY:
		snprintf(out, outsz, "%04d-%02d-%02d", d->year, d->month, d->day);
		return;
	case DATE_MINUTE:
		len = snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d", d->year,
		    d->month, d->day, d->hour, d->min);
		break;
	case DATE_SECOND:
		len = snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d",
		    d->year, d->month, d->day, d->hour, d->min, d->sec);
		break;
	}
	if (!d->has_zone || len < 0 || (size_t)len >= outsz)
		return;
	z = d->zone < 0 ? -d->zone : d->zone;
	snprintf(out + len, outsz - (size_t)len, "%c%02d:%02d",
	    d->zone < 0 ? '-' : '+', z / 60, z % 60);
}

/* Tokens of a date string. */
enum { T_NUM, T_WORD, T_PUNCT };

struct tok {
	int type;
	const char *s;
	size_t n;
	long val;		/* T_NUM: its value (capped) */
	int space;		/* white space before it */
};

#define MAXTOK 48

static int
tokenize(const char *s, size_t n, struct tok *t)
{
	size_t i = 0, j;
	int nt = 0, space = 0;

	while (i < n && nt < MAXTOK) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r'
		    || (c >= 0x80 && !date_letter_len(s + i, n - i))) {
			/* U+0080-U+00BF (no-break space, guillemets) and
			 * U+2000-U+2FFF (spaces, dashes, quotes) separate
			 * too; other non-ASCII is letters ("März"). */
			space = 1;
			for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
				;
			continue;
		}
		t[nt].s = s + i;
		t[nt].space = space;
		t[nt].val = 0;
		space = 0;
		if (is_digit(c)) {
			for (j = i; j < n && is_digit((unsigned char)s[j]); j++)
				if (t[nt].val < 100000000000L)
					t[nt].val = t[nt].val * 10 + (s[j] - '0');
			t[nt].type = T_NUM;
		} else if (is_alpha(c) || date_letter_len(s + i, n - i)) {
			for (j = i; j < n;) {
				size_t k = date_letter_len(s + j, n - j);

				if (k)
					j += k;
				else if (is_alpha((unsigned char)s[j]))
					j++;
				else
					break;
			}
			t[nt].type = T_WORD;
		} else {
			j = i + 1;
			t[nt].type = T_PUNCT;
		}
		t[nt].n = j - i;
		i = j;
		nt++;
	}
	return nt;
}

struct zone {
	const char *name;
	int off;
};

static const struct zone zones[] = {
	{ "utc", 0 }, { "gmt", 0 }, { "ut", 0 }, { "z", 0 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
	{ "wet", 0 }, { "west", 60 }, { "bst", 60 }, { "cet", 60 },
	{ "cest", 120 }, { "eet", 120 }, { "eest", 180 }, { "msk", 180 },
	{ "kst", 540 }, { "jst", 540 }, { "hkt", 480 }, { "sgt", 480 },
	{ "aest", 600 }, { "aedt", 660 }, { NULL, 0 }
};

struct parser {
	struct tok t[MAXTOK];
	int nt, i, flags;
};

static int
at_punct(struct parser *p, char c)
{
	return p->i < p->nt && p->t[p->i].type == T_PUNCT && p->t[p->i].s[0] == c;
}

static int
at_word(struct parser *p, const char *w)
{
	return p->i < p->nt && p->t[p->i].type == T_WORD
	    && date_word_eq(p->t[p->i].s, p->t[p->i].n, w);
}

static const struct tok *
at_num(struct parser *p, size_t minlen, size_t maxlen)
{
	const struct tok *t = p->i < p->nt ? &p->t[p->i] : NULL;

	if (!t || t->type != T_NUM || t->n < minlen || t->n > maxlen)
		return NULL;
	return t;
}

static int
skip_punct(struct parser *p, char c)
{
	if (!at_punct(p, c))
		return 0;
	p->i++;
	return 1;
}

/* A month name, with an optional abbreviation dot. */
static int
month_word(struct parser *p)
{
	int m;

	if (p->i >= p->nt || p->t[p->i].type != T_WORD)
		return 0;
	if (!(m = date_month_name(p->t[p->i].s, p->t[p->i].n))
	    && !(m = date_foreign_month(p->t[p->i].s, p->t[p->i].n)))
		return 0;
	p->i++;
	skip_punct(p, '.');
	return m;
}

/* A day of the month: 3, 03, 3rd. */
static int
day_num(struct parser *p)
{
	const struct tok *t = at_num(p, 1, 2);

	if (!t)
		return 0;
	p->i++;
	if (at_word(p, "st") || at_word(p, "nd") || at_word(p, "rd") || at_word(p, "th")
	    || at_word(p, "er"))
		p->i++;
	return (int)t->val;
}

static enum date_status
check_day(struct date *d)
{
	if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
		return DATE_IMPOSSIBLE;
	if (d->year && !date_valid(d->year, d->month, d->day))
		return DATE_IMPOSSIBLE;
	if (!d->year && d->day > date_mdays(2000, d->month))
		return DATE_IMPOSSIBLE;
	return DATE_OK;
}

/* The year of a numeric date's two last digits (19.10.19, 9/2/25), by
 * POSIX strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068. */
static int
two_digit_year(int yy)
{
	return yy >= 69 ? 1900 + yy : 2000 + yy;
}

/* Numeric dates: 2025-09-02, 2025/09/02, 02.09.2025, 9/2/2025, 9/2/25. */
static enum date_status
numeric_date(struct parser *p, struct date *d)
{
	const struct tok *a = at_num(p, 1, 4), *b, *c;
	int start = p->i;
	char sep;

	if (!a || p->i + 1 >= p->nt || p->t[p->i + 1].type != T_PUNCT)
		return DATE_UNKNOWN;
	sep = p->t[p->i + 1].s[0];
	if (sep != '-' && sep != '/' && sep != '.')
		return DATE_UNKNOWN;
	p->i += 2;
	if (!(b = at_num(p, 1, 2)))
		goto fail;
	p->i++;
	if (a->n == 4 && !skip_punct(p, sep)) {
		/* 2025-09: a month */
		d->year = (int)a->val, d->month = (int)b->val;
		d->prec = DATE_MONTH;
		return d->month >= 1 && d->month <= 12 ? DATE_OK : DATE_IMPOSSIBLE;
	}
	if (a->n != 4 && !skip_punct(p, sep))
		goto fail;
	if (!(c = at_num(p, 1, 4)))
		goto fail;
	p->i++;
	d->prec = DATE_DAY;
	if (a->n == 4) {
		if (c->n > 2)
			goto fail;
		d->year = (int)a->val, d->month = (int)b->val, d->day = (int)c->val;
		return check_day(d);
	}
	if (a->n > 2)
		goto fail;
	if (c->n == 2)
		d->year = two_digit_year((int)c->val);
	else if (c->n == 4)
		d->year = (int)c->val;
	else
		return DATE_AMBIGUOUS;
	/* day first with dots or when asked, unless only month first
	 * reads (01.21.2020) */
	if (b->val > 12 && a->val <= 12)
		d->month = (int)a->val, d->day = (int)b->val;
	else if (sep == '.' || (p->flags & DATE_DMY) || a->val > 12)
		d->day = (int)a->val, d->month = (int)b->val;
	else
		d->month = (int)a->val, d->day = (int)b->val;
	return check_day(d);
fail:
	p->i = start;
	return DATE_UNKNOWN;
}

/* August 28, 2025; Aug. 28 2025; August 2025; 28 August 2025; 3rd of
 * September, 2025. */
static enum date_status
named_date(struct parser *p, struct date *d)
{
	const struct tok *y;
	int start = p->i, m, day;

	if ((m = month_word(p))) {
		if ((y = at_num(p, 4, 4))) {
			p->i++;
			d->year = (int)y->val, d->month = m, d->prec = DATE_MONTH;
			return DATE_OK;
		}
		if (!(day = day_num(p)))
			goto fail;
	} else if ((day = day_num(p))) {
		/* "6. August", "3rd of September", "13 de enero de", and a
		 * weekday between ("31 Donnerstag Okt 2019") */
		skip_punct(p, '.');
		if (p->i < p->nt && p->t[p->i].type == T_WORD
		    && date_weekday_name(p->t[p->i].s, p->t[p->i].n) >= 0) {
			p->i++;
			skip_punct(p, ',');
		}
		if (at_word(p, "of") || at_word(p, "de"))
			p->i++;
		skip_punct(p, '-');
		if (!(m = month_word(p)))
			goto fail;
		skip_punct(p, '-');
		if (at_word(p, "de") || at_word(p, "del"))
			p->i++;
	} else
		goto fail;
	skip_punct(p, ',');
	d->month = m, d->day = day, d->prec = DATE_DAY;
	if (!(y = at_num(p, 2, 4)) || y->n == 3) {
		d->year = 0;
		return check_day(d) == DATE_OK ? DATE_UNKNOWN : DATE_IMPOSSIBLE;
	}
	p->i++;
	if (y->n == 2)
		return DATE_AMBIGUOUS;
	d->year = (int)y->val;
	return check_day(d);
fail:
	p->i = start;
	return DATE_UNKNOWN;
}

/* am, pm, a.m., p.m.: 0 none, 1 am, 2 pm. */
static int
meridiem(struct parser *p)
{
	int r;

	if (at_word(p, "am") || at_word(p, "pm")) {
		r = lower((unsigned char)p->t[p->i].s[0]) == 'a' ? 1 : 2;
		p->i++;
		skip_punct(p, '.');
		return r;
	}
	if ((at_word(p, "a") || at_word(p, "p")) && p->i + 2 < p->nt
	    && p->t[p->i + 1].type == T_PUNCT && p->t[p->i + 1].s[0] == '.'
	    && p->t[p->i + 2].type == T_WORD
	    && date_word_eq(p->t[p->i + 2].s, p->t[p->i + 2].n, "m")) {
		r = lower((unsigned char)p->t[p->i].s[0]) == 'a' ? 1 : 2;
		p->i += 3;
		skip_punct(p, '.');
		return r;
	}
	return 0;
}

/* A numeric offset after + or -: 3, 03, 0300, 03:00. */
static int
offset(struct parser *p, int *off)
{
	const struct tok *h, *m;
	int sign, start = p->i;

	if (at_punct(p, '+'))
		sign = 1;
	else if (at_punct(p, '-'))
		sign = -1;
	else
		return 0;
	p->i++;
	if ((h = at_num(p, 4, 4))) {
		p->i++;
		if (h->val / 100 > 14 || h->val % 100 > 59)
			goto fail;
		*off = sign * (int)(h->val / 100 * 60 + h->val % 100);
		return 1;
	}
	if (!(h = at_num(p, 1, 2)) || h->val > 14)
		goto fail;
	p->i++;
	*off = sign * (int)h->val * 60;
	if (at_punct(p, ':') && p->i + 1 < p->nt) {
		p->i++;
		if (!(m = at_num(p, 2, 2)) || m->val > 59)
			goto fail;
		p->i++;
		*off += sign * (int)m->val;
	}
	return 1;
fail:
	p->i = start;
	return 0;
}

static void
zone(struct parser *p, struct date *d)
{
	const struct zone *z;
	int off;

	skip_punct(p, '(');
	if (offset(p, &off)) {
		d->has_zone = 1, d->zone = off;
		return;
	}
	if (p->i >= p->nt || p->t[p->i].type != T_WORD)
		return;
	for (z = zones; z->name; z++) {
		if (!date_word_eq(p->t[p->i].s, p->t[p->i].n, z->name))
			continue;
		p->i++;
		d->has_zone = 1, d->zone = z->off;
		if (!strcmp(z->name, "cst") && (p->flags & DATE_TZ_CHINA))
			d->zone = 480;
		if (offset(p, &off))
			d->zone += off;
		return;
	}
}

/* A time of day after the date: [T|at|,] 09:53[:07[.123]] [am|pm] [zone]. */
static enum date_status
time_of_day(struct parser *p, struct date *d)
{
	const struct tok *h, *m, *s = NULL;
	int mer, start;

	skip_punct(p, ',');
	if (at_word(p, "at") || at_word(p, "t"))
		p->i++;
	else
		skip_punct(p, '-');
	start = p->i;
	if (!(h = at_num(p, 1, 2)))
		goto none;
	p->i++;
	if (skip_punct(p, ':') || skip_punct(p, '.')) {
		if (!(m = at_num(p, 2, 2)))
			goto none;
		p->i++;
		d->min = (int)m->val;
		if (at_punct(p, ':') && p->i + 1 < p->nt && p->t[p->i + 1].type == T_NUM) {
			p->i++;
			s = at_num(p, 2, 2);
			if (!s)
				goto none;
			p->i++;
			if (at_punct(p, '.') && p->i + 1 < p->nt && p->t[p->i + 1].type == T_NUM)
				p->i += 2;
		}
		mer = meridiem(p);
	} else if (!(mer = meridiem(p)))
		goto none;
	d->hour = (int)h->val;
	d->sec = s ? (int)s->val : 0;
	d->prec = s ? DATE_SECOND : DATE_MINUTE;
	if (mer) {
		if (d->hour < 1 || d->hour > 12)
			return DATE_IMPOSSIBLE;
		d->hour = d->hour % 12 + (mer == 2 ? 12 : 0);
	}
	if (d->hour > 23 || d->min > 59 || d->sec > 60)
		return DATE_IMPOSSIBLE;
	zone(p, d);
	return DATE_OK;
none:
	p->i = start;
	return DATE_OK;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

static enum date_status
epoch(const char *s, size_t n, struct date *d)
{
	long long v = 0;
	long days;
	size_t i;
	int sod;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	days = (long)(v / 86400);
	sod = (int)(v % 86400);
	date_from_days(days, &d->year, &d->month, &d->day);
	d->hour = sod / 3600, d->min = sod / 60 % 60, d->sec = sod % 60;
	d->has_zone = 1, d->zone = 0;
	d->prec = DATE_SECOND;
	return DATE_OK;
}

/* Leading labels a header may carry: "date", "Published:", "Updated". */
static void
skip_labels(struct parser *p)
{
	static const char *const labels[] = {
		"date", "dated", "published", "posted", "updated", "on", NULL
	};
	const char *const *l;

	for (;;) {
		for (l = labels; *l; l++)
			if (at_word(p, *l))
				break;
		if (!*l)
			return;
		p->i++;
		skip_punct(p, ':');
	}
}

/* How many leading words a date may follow when none of them is a label
 * or weekday we know ("Stand: 5. Februar 2020", "Mittwoch, 3. März"). */
#define MAX_LEAD 8

/* The date at p->t[p->i]: DATE_UNKNOWN when none starts there. */
static enum date_status
date_at(struct parser *p, struct date *d, int *wd)
{
	enum date_status st;

	memset(d, 0, sizeof *d);
	*wd = -1;
	skip_labels(p);
	if (p->i < p->nt && p->t[p->i].type == T_WORD
	    && (*wd = date_weekday_name(p->t[p->i].s, p->t[p->i].n)) >= 0) {
		p->i++;
		skip_punct(p, '.');
		skip_punct(p, ',');
	}
	if (at_num(p, 8, 8)) {
		/* 20250902: ISO 8601 basic form */
		long v = p->t[p->i].val;

		d->year = (int)(v / 10000), d->month = (int)(v / 100 % 100);
		d->day = (int)(v % 100), d->prec = DATE_DAY;
		p->i++;
		return check_day(d);
	}
	if ((st = numeric_date(p, d)) == DATE_UNKNOWN && (st = named_date(p, d)) == DATE_UNKNOWN
	    && at_num(p, 4, 4) && p->nt == p->i + 1) {
		d->year = (int)p->t[p->i].val, d->prec = DATE_YEAR;
		return d->year >= 1 ? DATE_OK : DATE_IMPOSSIBLE;
	}
	return st;
}

/* date_parse's work on the tokens of s, p left after the date.  span:
 * the date must open s (no lead words skipped, and a lone 9 or 10 digit
 * number is no epoch time), for date_parse_span. */
static enum date_status
parse(struct parser *p, const char *s, size_t n, int flags, struct date *d,
    int span)
{
	enum date_status st;
	int wd = -1, from;

	memset(d, 0, sizeof *d);
	p->nt = p->i = 0;
	while (n && (*s == ' ' || *s == '\t' || *s == '@'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (all_digits(s, n) && (n == 9 || n == 10))
		return span ? DATE_UNKNOWN : epoch(s, n, d);
	p->nt = tokenize(s, n, p->t);
	p->flags = flags;
	for (from = 0;; from++) {
		p->i = from;
		if ((st = date_at(p, d, &wd)) != DATE_UNKNOWN)
			break;
		/* a lead in words we do not know: try after it; a number
		 * glued to a word ("Jane99", a user's name) is of that word */
		if (span || from >= MAX_LEAD || from + 1 >= p->nt || (p->t[from].type == T_NUM
		    && !(from > 0 && !p->t[from].space && p->t[from - 1].type == T_WORD)))
			return st;
	}
	if (st != DATE_OK)
		return st;
	if (d->prec == DATE_YEAR) {
		p->i++;
		return st;
	}
	/* Year 0 means "not given" elsewhere; written as 0000 it is no date. */
	if (d->year < 1)
		return DATE_IMPOSSIBLE;
	if (d->prec == DATE_DAY && (st = time_of_day(p, d)) != DATE_OK)
		return st;
	if (wd >= 0 && d->prec >= DATE_DAY
	    && date_weekday(d->year, d->month, d->day) != wd)
		return DATE_AMBIGUOUS;
	return DATE_OK;
}

enum date_status
date_parse(const char *s, size_t n, int flags, struct date *d)
{
	struct parser p;

	return parse(&p, s, n, flags, d, 0);
}

enum date_status
date_parse_span(const char *s, size_t n, int flags, struct date *d, size_t *used)
{
	struct parser p;
	enum date_status st = parse(&p, s, n, flags, d, 1);

	*used = st == DATE_OK && p.i > 0 ? (size_t)(p.t[p.i - 1].s + p.t[p.i - 1].n - s) : 0;
	return st;
}

enum date_status
date_parse_month_day(const char *s, size_t n, struct date *d)
{
	struct parser p;
	enum date_status st;

	memset(d, 0, sizeof *d);
	p.nt = tokenize(s, n, p.t);
	p.i = 0;
	p.flags = 0;
	if (p.i < p.nt && p.t[p.i].type == T_WORD
	    && date_weekday_name(p.t[p.i].s, p.t[p.i].n) >= 0) {
		p.i++;
		skip_punct(&p, '.');
		skip_punct(&p, ',');
	}
	st = named_date(&p, d);
	if (st == DATE_UNKNOWN && d->prec == DATE_DAY && d->month && !d->year)
		return DATE_OK;
	if (st == DATE_OK && d->year)
		return DATE_OK;		/* it had a year after all */
	return st == DATE_OK ? DATE_UNKNOWN : st;
}

/* A month written as its English name in a URL path (/2021/nov/03/,
 * /2021/november/03/): its number, *j moved past it; 0 if none. */
static int
url_month(const char *s, size_t n, size_t *j)
{
	size_t e;
	int m;

	for (e = *j; e < n && is_alpha((unsigned char)s[e]); e++)
		;
	if (e == *j || (m = date_month_name(s + *j, e - *j)) == 0)
		return 0;
	*j = e;
	return m;
}

enum date_status
date_from_url(const char *s, size_t n, struct date *d)
{
	size_t i, j;
	int v[3], k;

	memset(d, 0, sizeof *d);
	for (i = 0; i < n; i++) {
		if (s[i] != '/')
			continue;
		/* /YYYY/MM/DD or /YYYY-MM-DD or /YYYYMMDD */
		j = i + 1;
		if (j + 8 <= n && all_digits(s + j, 8) && (j + 8 == n || !is_digit((unsigned char)s[j + 8]))) {
			v[0] = (s[j] - '0') * 1000 + (s[j + 1] - '0') * 100
			    + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
			v[1] = (s[j + 4] - '0') * 10 + (s[j + 5] - '0');
			v[2] = (s[j + 6] - '0') * 10 + (s[j + 7] - '0');
			if (v[0] >= 1990 && date_valid(v[0], v[1], v[2]))
				goto found;
			continue;
		}
		for (k = 0; k < 3; k++) {
			size_t len = k == 0 ? 4 : 2, start = j;

			if (k == 1 && (v[1] = url_month(s, n, &j)) != 0)
				len = j - start;
			else
				for (v[k] = 0; j < n && j - start < len && is_digit((unsigned char)s[j]); j++)
					v[k] = v[k] * 10 + (s[j] - '0');
			if (k > 0 && j - start == 1)
				;	/* /2025/9/2/ */
			else if (j - start != len)
				break;
			if (j < n && is_digit((unsigned char)s[j]))
				break;
			if (k < 2 && (j >= n || (s[j] != '/' && s[j] != '-')))
				break;
			if (k == 2 && j < n && s[j] != '/' && s[j] != '-' && s[j] != '.'
			    && s[j] != '?' && s[j] != '#' && s[j] != '_')
				break;
			j++;
		}
		if (k == 3 && v[0] >= 1990 && date_valid(v[0], v[1], v[2]))
			goto found;
	}
	return DATE_UNKNOWN;
found:
	d->year = v[0], d->month = v[1], d->day = v[2], d->prec = DATE_DAY;
	return DATE_OK;
}
