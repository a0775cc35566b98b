/* context: what the matchers ask of the tokens around them (the month,
 * day or year at a token, the tense of the sentence), the year a date
 * written without one refers to, and the TIMEX3 values they write. */
#include <stdio.h>

#include "date/date.h"
#include "date/internal.h"

const struct tok tx_endtok;

/* A month name: capitalised; an abbreviation needs its dot or a day
 * after it; "May" and "March" need a number or a preposition. Returns
 * the month and the tokens used in *len. */
int
tx_month_at(const struct ctx *c, size_t i, size_t *len)
{
	const struct tok *k = T(c, i);
	int m;

	if (k->type != TK_WORD || k->kind != K_MONTH || !k->cap)
		return 0;
	m = k->val < 0 ? -k->val : k->val;
	*len = 1;
	if (k->val < 0) {
		if (k->dot)
			*len = 2;
		else if (T(c, i + 1)->type != TK_NUM)
			return 0;
	}
	return m;
}

/* A plain number 1-31, with an optional ordinal suffix. */
int
tx_day_at(const struct ctx *c, size_t i, size_t *len)
{
	const struct tok *k = T(c, i);

	if (k->type != TK_NUM || !k->plain || k->e - k->s > 2 || k->num < 1 || k->num > 31)
		return 0;
	*len = 1;
	if (T(c, i + 1)->s == k->e && (word_is(c, i + 1, "st") || word_is(c, i + 1, "nd")
	    || word_is(c, i + 1, "rd") || word_is(c, i + 1, "th")))
		*len = 2;
	/* "3:15", "3%", "3-year" are not days */
	if (is_punct(c, i + *len, ':') || is_punct(c, i + *len, '%'))
		return 0;
	return (int)k->num;
}

/* A four-digit year 1000-2199 written plainly. */
int
tx_year_at(const struct ctx *c, size_t i)
{
	const struct tok *k = T(c, i);

	if (k->type != TK_NUM || !k->plain || k->e - k->s != 4 || k->num < 1000 || k->num > 2199)
		return 0;
	if (is_punct(c, i + 1, '%'))
		return 0;
	return (int)k->num;
}

/* Tense around tokens [i, j): 1 future, 0 past (news default).  The
 * nearest marker in the sentence wins. */
static int
marker(const struct ctx *c, const struct tok *k)
{
	if (k->type != TK_WORD)
		return 0;
	if (k->kind == K_FUT || (k->kind == K_MONTH && k->val == 5 && !k->cap))
		return 1;	/* will, may */
	if (k->kind == K_PAST || (k->e - k->s > 4 && c->s[k->e - 2] == 'e'
	    && c->s[k->e - 1] == 'd'))
		return -1;
	return 0;
}

/* Tense around tokens [i, j): 1 future, -1 past, 0 no marker. */
int
tx_tense(const struct ctx *c, size_t i, size_t j)
{
	size_t d;
	int back = i > 0, fwd = j < c->nt, m;

	for (d = 1; d <= 12 && (back || fwd); d++) {
		if (back) {
			if (T(c, i - d)->type == TK_BREAK)
				back = 0;
			else if ((m = marker(c, T(c, i - d))))
				return m;
			if (i - d == 0)
				back = 0;
		}
		if (fwd) {
			if (j + d - 1 >= c->nt || T(c, j + d - 1)->type == TK_BREAK)
				fwd = 0;
			else if ((m = marker(c, T(c, j + d - 1))))
				return m;
		}
	}
	return 0;
}

/* News is mostly about the past: no marker reads as past. */
int
tx_future(const struct ctx *c, size_t i, size_t j)
{
	return tx_tense(c, i, j) > 0;
}

/* Output values. */
void
tx_v_day(char *v, long days)
{
	int y, m, d;

	date_from_days(days, &y, &m, &d);
	snprintf(v, 48, "%04d-%02d-%02d", y, m, d);
}

long
tx_refdays(const struct ctx *c)
{
	return date_to_days(c->ry, c->rm, c->rd);
}

void
tx_v_week(char *v, long days)
{
	int y, m, d, wy, w;

	date_from_days(days, &y, &m, &d);
	w = date_isoweek(y, m, d, &wy);
	snprintf(v, 48, "%04d-W%02d", wy, w);
}

void
tx_v_month(char *v, int y, int m)
{
	while (m < 1)
		m += 12, y--;
	while (m > 12)
		m -= 12, y++;
	snprintf(v, 48, "%04d-%02d", y, m);
}

/* Year for a month and day given without one: the nearest such date
 * when it lies within three months of the reference, otherwise the last
 * one before it (past tense) or the next one (future tense). */
static int
near_year(const struct ctx *c, int m, int d, int fut)
{
	long r = tx_refdays(c), past, next;
	int y = c->ry, dd;

	dd = d > date_mdays(y, m) ? date_mdays(y, m) : d;
	if (date_to_days(y, m, dd) > r) {
		next = date_to_days(y, m, dd) - r;
		dd = d > date_mdays(y - 1, m) ? date_mdays(y - 1, m) : d;
		past = r - date_to_days(y - 1, m, dd);
		if (next <= 90 || past <= 90 || fut == 0)
			return next <= past ? y : y - 1;
		return fut > 0 ? y : y - 1;
	}
	past = r - date_to_days(y, m, dd);
	dd = d > date_mdays(y + 1, m) ? date_mdays(y + 1, m) : d;
	next = date_to_days(y + 1, m, dd) - r;
	if (next <= 90 || past <= 90 || fut == 0)
		return past <= next ? y : y + 1;
	return fut > 0 ? y + 1 : y;
}

/* Year for a month alone: the most recent one, or the next one in
 * future tense. */
int
tx_month_year(const struct ctx *c, int m, int fut, int deic)
{
	if (deic == D_LAST)
		return m < c->rm ? c->ry : c->ry - 1;
	if (deic == D_NEXT)
		return m > c->rm ? c->ry : c->ry + 1;
	if (deic == D_THIS)
		return c->ry;
	if (fut > 0)
		return m >= c->rm ? c->ry : c->ry + 1;
	if (fut < 0)
		return m <= c->rm ? c->ry : c->ry - 1;
	/* no tense: the nearer of the two */
	if (m <= c->rm)
		return c->rm - m <= m + 12 - c->rm ? c->ry : c->ry + 1;
	return m - c->rm < c->rm + 12 - m ? c->ry : c->ry - 1;
}

/* The year of a month and day found in tokens i..k: *y as written, or
 * the nearest one to the reference.  Returns 1 with *y set; 0 when
 * there is no reference (listed without a value); -1 when that day does
 * not exist in that year (no match). */
int
tx_day_year(const struct ctx *c, size_t i, size_t k, int m, int d, int *y)
{
	if (!*y && !c->have_ref)
		return 0;
	if (!*y)
		*y = near_year(c, m, d, tx_tense(c, i, k));
	return date_valid(*y, m, d) ? 1 : -1;
}

void
tx_date_value(char *v, int y, int m, int d)
{
	snprintf(v, 48, "%04d-%02d-%02d", y, m, d);
}
