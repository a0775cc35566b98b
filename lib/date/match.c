/* match: the patterns tried at every token, longest first, each
 * writing the TIMEX3 value of what it matched. */
#include <stdio.h>
#include <string.h>

#include "date/date.h"
#include "date/internal.h"
#include "date/timex.h"

/* Month-first dates: "Aug. 31", "June 19, 2024", "September 4-5",
 * "Aug. 31 to Sept. 3", "June 2024", "April". */
static int
m_month(const struct ctx *c, size_t i, struct match *mt)
{
	size_t l, dl, k, l2, dl2;
	int m, d, y, d2, m2, y2, fut, r;

	if (!(m = tx_month_at(c, i, &l)))
		return 0;
	k = i + l;
	if ((d = tx_day_at(c, k, &dl))) {
		k += dl;
		m2 = 0, d2 = 0, y = 0;
		/* a range: 4-5, 31 to Sept. 3 */
		if (is_dash(c, k) && (d2 = tx_day_at(c, k + 1, &dl2))) {
			m2 = m;
			k += 1 + dl2;
		} else if ((is_dash(c, k) || is_kind(c, k, K_TO))
		    && (m2 = tx_month_at(c, k + 1, &l2)) && (d2 = tx_day_at(c, k + 1 + l2, &dl2))) {
			k += 1 + l2 + dl2;
		}
		if (is_punct(c, k, ',') && (y = tx_year_at(c, k + 1)))
			k += 2;
		else if ((y = tx_year_at(c, k)))
			k += 1;
		if (!date_valid(y ? y : 2000, m, d) || (m2 && !date_valid(y ? y : 2000, m2, d2)))
			return 0;
		mt->len = k - i;
		if ((r = tx_day_year(c, i, k, m, d, &y)) <= 0)
			return r + 1;
		y2 = m2 && m2 < m ? y + 1 : y;
		if (m2 && date_valid(y2, m2, d2) && date_to_days(y2, m2, d2) > date_to_days(y, m, d))
			snprintf(mt->value, sizeof mt->value, "%04d-%02d-%02d/%04d-%02d-%02d",
			    y, m, d, y2, m2, d2);
		else
			tx_date_value(mt->value, y, m, d);
		return 1;
	}
	if ((is_punct(c, k, ',') || is_kind(c, k, K_OF)) && (y = tx_year_at(c, k + 1))) {
		mt->len = k + 2 - i;
		tx_v_month(mt->value, y, m);
		return 1;
	}
	if ((y = tx_year_at(c, k))) {
		mt->len = k + 1 - i;
		tx_v_month(mt->value, y, m);
		return 1;
	}
	/* "June last year" */
	if (is_kind(c, k, K_DEIC) && is_kind(c, k + 1, K_UNIT) && T(c, k + 1)->val == U_YEAR
	    && c->s[T(c, k + 1)->e - 1] != 's') {
		mt->len = k + 2 - i;
		if (c->have_ref)
			tx_v_month(mt->value, c->ry + (T(c, k)->val == D_LAST ? -1
			    : T(c, k)->val == D_NEXT ? 1 : 0), m);
		return 1;
	}
	/* A month alone: "May" and "March" only after a preposition. */
	if ((m == 5 || m == 3) && !(i > 0 && (is_kind(c, i - 1, K_IN)
	    || is_kind(c, i - 1, K_YEARPREP) || is_kind(c, i - 1, K_PART)
	    || is_kind(c, i - 1, K_OF) || is_kind(c, i - 1, K_DEIC)
	    || is_dash(c, i - 1))))
		return 0;
	mt->len = l;
	if (!c->have_ref)
		return 1;
	fut = tx_tense(c, i, i + l);
	tx_v_month(mt->value, tx_month_year(c, m, fut, i > 0 && is_kind(c, i - 1, K_DEIC)
	    ? T(c, i - 1)->val : -1), m);
	return 1;
}

/* Day-first dates: "19 June 2024", "3rd of September". */
static int
m_dayfirst(const struct ctx *c, size_t i, struct match *mt)
{
	size_t dl, l, k;
	int d, m, y, r;

	if (!(d = tx_day_at(c, i, &dl)))
		return 0;
	k = i + dl;
	if (is_kind(c, k, K_OF))
		k++;
	if (!(m = tx_month_at(c, k, &l)))
		return 0;
	k += l;
	if (is_punct(c, k, ',') && tx_year_at(c, k + 1))
		k++;
	y = tx_year_at(c, k);
	if (y)
		k++;
	if (!date_valid(y ? y : 2000, m, d))
		return 0;
	mt->len = k - i;
	if ((r = tx_day_year(c, i, k, m, d, &y)) <= 0)
		return r + 1;
	tx_date_value(mt->value, y, m, d);
	return 1;
}

/* Numbers: 2025-09-02, 9/2/2025, years, decades. */
static int
m_number(const struct ctx *c, size_t i, struct match *mt)
{
	const struct tok *k = T(c, i), *p = i > 0 ? T(c, i - 1) : &tx_endtok;
	int y, a, b;

	if (k->type != TK_NUM || !k->plain)
		return 0;
	/* ISO 8601 dates */
	if (k->e - k->s == 4 && is_punct(c, i + 1, '-') && T(c, i + 2)->type == TK_NUM
	    && T(c, i + 2)->e - T(c, i + 2)->s == 2 && is_punct(c, i + 3, '-')
	    && T(c, i + 4)->type == TK_NUM && T(c, i + 4)->e - T(c, i + 4)->s == 2
	    && T(c, i + 4)->plain) {
		if (!date_valid((int)k->num, (int)T(c, i + 2)->num, (int)T(c, i + 4)->num))
			return 0;
		mt->len = 5;
		tx_date_value(mt->value, (int)k->num, (int)T(c, i + 2)->num, (int)T(c, i + 4)->num);
		return 1;
	}
	/* 9/2/2025 */
	if (k->e - k->s <= 2 && is_punct(c, i + 1, '/') && T(c, i + 2)->type == TK_NUM
	    && T(c, i + 2)->e - T(c, i + 2)->s <= 2 && is_punct(c, i + 3, '/')
	    && (y = tx_year_at(c, i + 4))) {
		a = (int)k->num, b = (int)T(c, i + 2)->num;
		if ((c->flags & TIMEX_DMY) || (a > 12 && b <= 12)) {
			int t = a;

			a = b, b = t;
		}
		if (!date_valid(y, a, b))
			return 0;
		mt->len = 5;
		tx_date_value(mt->value, y, a, b);
		return 1;
	}
	if (!(y = tx_year_at(c, i)))
		return 0;
	if (p->type == TK_PUNCT && (c->s[p->s] == '$' || c->s[p->s] == '#'))
		return 0;
	/* decades: 1990s */
	if (T(c, i + 1)->s == k->e && word_is(c, i + 1, "s")) {
		if (y % 10)
			return 0;
		mt->len = 2;
		snprintf(mt->value, sizeof mt->value, "%03d", y / 10);
		return 1;
	}
	/* "2000 troops", "1500 meters": a count */
	if (T(c, i + 1)->type == TK_WORD && T(c, i + 1)->s > k->e) {
		const struct tok *nx = T(c, i + 1);

		if (!nx->cap && c->s[nx->e - 1] == 's' && nx->e - nx->s > 2
		    && nx->kind != K_TO && nx->kind != K_YEARPREP
		    && !(p->type == TK_WORD && (p->kind == K_FISCAL || p->kind == K_IN
		    || word_is(c, i - 1, "since") || word_is(c, i - 1, "during"))))
			return 0;
	}
	/* "2000-strong", "a 2003-1 win" */
	if (is_dash(c, i + 1) && (T(c, i + 2)->type == TK_WORD
	    || (T(c, i + 2)->type == TK_NUM && T(c, i + 2)->e - T(c, i + 2)->s < 4)))
		return 0;
	if (is_punct(c, i + 1, ':') || is_punct(c, i + 1, '/'))
		return 0;
	/* Before 1800 a number is more often a count: require "in 1492". */
	if (y < 1800 && !(p->type == TK_WORD && (p->kind == K_IN
	    || p->kind == K_YEARPREP || p->kind == K_PART || p->kind == K_OF)))
		return 0;
	mt->len = 1;
	snprintf(mt->value, sizeof mt->value, "%04d", y);
	return 1;
}

/* Weekdays: "Friday", "Wednesday morning", "last Friday". */
static int
m_weekday(const struct ctx *c, size_t i, struct match *mt, int deic)
{
	const struct tok *k = T(c, i);
	size_t l = 1, dl, ml;
	int w, dw, back, m, d;
	long r;

	if (k->type != TK_WORD || k->kind != K_WDAY || !k->cap)
		return 0;
	w = k->val;
	/* "Wednesday, Sept. 3": the date says it all */
	if (is_punct(c, i + 1, ',') && (m = tx_month_at(c, i + 2, &ml)) && tx_day_at(c, i + 2 + ml, &dl)) {
		if (!m_month(c, i + 2, mt))
			return 0;
		mt->len += 2;
		return 1;
	}
	if (is_kind(c, i + 1, K_POD))
		l = 2;
	mt->len = l;
	if (!c->have_ref)
		return 1;
	r = tx_refdays(c);
	dw = date_weekday(c->ry, c->rm, c->rd);
	if (deic == D_LAST)
		back = (dw - w + 7) % 7 ? (dw - w + 7) % 7 : 7;
	else if (deic == D_NEXT)
		back = -((w - dw + 7) % 7 ? (w - dw + 7) % 7 : 7);
	else if (deic == D_THIS || tx_future(c, i, i + l))
		back = -((w - dw + 7) % 7);
	else
		back = (dw - w + 7) % 7;
	(void)d;
	tx_v_day(mt->value, r - back);
	return 1;
}

/* this/last/next + week, month, year, quarter, weekend, season, weekday,
 * month. */
static int
m_deictic(const struct ctx *c, size_t i, struct match *mt)
{
	const struct tok *k = T(c, i), *u = T(c, i + 1);
	int dir, m, q;
	size_t l;
	long r;

	if (k->type != TK_WORD || k->kind != K_DEIC)
		return 0;
	dir = k->val == D_LAST ? -1 : k->val == D_NEXT ? 1 : 0;
	if (u->type == TK_WORD && u->kind == K_WDAY && u->cap) {
		if (!m_weekday(c, i + 1, mt, k->val))
			return 0;
		mt->len++;
		return 1;
	}
	if ((m = tx_month_at(c, i + 1, &l)) && !tx_day_at(c, i + 1 + l, &l)) {
		tx_month_at(c, i + 1, &l);
		mt->len = 1 + l;
		if (c->have_ref)
			tx_v_month(mt->value, tx_month_year(c, m, 0, k->val), m);
		return 1;
	}
	if (u->type == TK_WORD && u->kind == K_POD && k->val != D_NEXT) {
		static const char *const pod[] = { "MO", "AF", "EV", "NI" };

		if (k->val == D_LAST && u->val != 3)
			return 0;
		mt->len = 2;
		if (c->have_ref) {
			r = tx_refdays(c) - (k->val == D_LAST);
			tx_v_day(mt->value, r);
			snprintf(mt->value + 10, sizeof mt->value - 10, "T%s", pod[u->val]);
		}
		return 1;
	}
	if (u->type == TK_WORD && u->kind == K_SEASON) {
		static const char *const sc[] = { "SP", "SU", "FA", "WI" };
		int cur, y;

		mt->len = 2;
		if (!c->have_ref)
			return 1;
		cur = c->rm >= 3 && c->rm <= 5 ? 0 : c->rm >= 6 && c->rm <= 8 ? 1
		    : c->rm >= 9 && c->rm <= 11 ? 2 : 3;
		y = c->ry;
		if (dir < 0 && u->val >= cur)
			y--;
		else if (dir > 0 && u->val <= cur)
			y++;
		snprintf(mt->value, sizeof mt->value, "%04d-%s", y, sc[u->val]);
		return 1;
	}
	if (u->type == TK_WORD && u->kind == K_QUARTER) {
		mt->len = 2;
		if (!c->have_ref)
			return 1;
		q = (c->rm - 1) / 3 + dir;
		snprintf(mt->value, sizeof mt->value, "%04d-Q%d", c->ry + (q < 0 ? -1 : q > 3),
		    (q + 4) % 4 + 1);
		return 1;
	}
	if (u->type != TK_WORD || u->kind != K_UNIT || u->val == U_DAY
	    || c->s[u->e - 1] == 's')
		return 0;
	mt->len = 2;
	if (!c->have_ref)
		return 1;
	r = tx_refdays(c);
	switch (u->val) {
	case U_WEEK:
		tx_v_week(mt->value, r + 7 * dir);
		break;
	case U_WEEKEND:
		tx_v_week(mt->value, r + 7 * dir);
		strcat(mt->value, "-WE");
		break;
	case U_MONTH:
		tx_v_month(mt->value, c->ry, c->rm + dir);
		break;
	case U_YEAR:
		snprintf(mt->value, sizeof mt->value, "%04d", c->ry + dir);
		break;
	}
	return 1;
}

/* today, yesterday, tomorrow, tonight, now, recently, "yesterday
 * morning". */
static int
m_relative(const struct ctx *c, size_t i, struct match *mt)
{
	static const char *const ref[] = { "PRESENT_REF", "PAST_REF", "FUTURE_REF" };
	static const char *const pod[] = { "MO", "AF", "EV", "NI" };
	const struct tok *k = T(c, i);
	long r;

	if (k->type != TK_WORD)
		return 0;
	if (k->kind == K_REF) {
		mt->len = 1;
		snprintf(mt->value, sizeof mt->value, "%s", ref[k->val]);
		return 1;
	}
	if (k->kind != K_REL)
		return 0;
	mt->len = 1;
	if (k->val != R_TONIGHT && is_kind(c, i + 1, K_POD))
		mt->len = 2;
	if (!c->have_ref)
		return 1;
	r = tx_refdays(c) + (k->val == R_YESTERDAY ? -1 : k->val == R_TOMORROW ? 1 : 0);
	tx_v_day(mt->value, r);
	if (k->val == R_TONIGHT)
		strcat(mt->value, "TNI");
	else if (mt->len == 2)
		snprintf(mt->value + 10, sizeof mt->value - 10, "T%s", pod[T(c, i + 1)->val]);
	return 1;
}

/* "two years ago", "a week ago". */
static int
m_ago(const struct ctx *c, size_t i, struct match *mt)
{
	const struct tok *k = T(c, i), *u = T(c, i + 1);
	long nn, r;

	if (k->type == TK_WORD && k->kind == K_NUMW)
		nn = k->val;
	else if (k->type == TK_NUM && k->plain && k->e - k->s <= 3 && k->num > 0)
		nn = k->num;
	else
		return 0;
	if (u->type != TK_WORD || u->kind != K_UNIT || u->val == U_WEEKEND
	    || !is_kind(c, i + 2, K_AGO))
		return 0;
	mt->len = 3;
	if (nn == 0) {
		/* "several years ago" */
		strcpy(mt->value, "PAST_REF");
		return 1;
	}
	if (!c->have_ref)
		return 1;
	r = tx_refdays(c);
	switch (u->val) {
	case U_DAY:
		tx_v_day(mt->value, r - nn);
		break;
	case U_WEEK:
		tx_v_week(mt->value, r - 7 * nn);
		break;
	case U_MONTH:
		tx_v_month(mt->value, c->ry, c->rm - (int)nn);
		break;
	case U_YEAR:
		snprintf(mt->value, sizeof mt->value, "%04d", c->ry - (int)nn);
		break;
	}
	return 1;
}

/* "the third quarter", "third-quarter", "the first half of 2024", "the
 * 1988 third quarter", "next year's first quarter", "the latest
 * quarter" (the last one completed). */
static int
m_quarter(const struct ctx *c, size_t i, struct match *mt)
{
	size_t k = i;
	int ord, y = 0, q, half, the = 0, dy = 0, deic = 0;

	if (is_kind(c, k, K_THE))
		k++, the = 1;
	if ((y = tx_year_at(c, k)) && T(c, k + 1)->type == TK_WORD) {
		k++;
	} else if (is_kind(c, k, K_DEIC) && is_kind(c, k + 1, K_UNIT)
	    && T(c, k + 1)->val == U_YEAR && is_punct(c, k + 2, '\'')
	    && word_is(c, k + 3, "s")) {
		dy = T(c, k)->val == D_LAST ? -1 : T(c, k)->val == D_NEXT ? 1 : 0;
		deic = 1;
		k += 4;
	}
	if (is_kind(c, k, K_FISCAL))
		k++;
	if (the && !y && !deic && (word_is(c, k, "latest") || is_kind(c, k, K_RECENT)
	    || word_is(c, k, "quarter"))) {
		if (!is_kind(c, k, K_QUARTER))
			k++;
		if (!is_kind(c, k, K_QUARTER) || is_kind(c, k + 1, K_OF)
		    || T(c, k + 1)->type == TK_NUM)
			return 0;
		mt->len = k + 1 - i;
		if (!c->have_ref)
			return 1;
		q = (c->rm - 1) / 3;	/* the last completed quarter, 0-based + 1 */
		snprintf(mt->value, sizeof mt->value, "%04d-Q%d", q ? c->ry : c->ry - 1,
		    q ? q : 4);
		return 1;
	}
	if (!is_kind(c, k, K_ORD))
		return 0;
	ord = T(c, k)->val;
	k++;
	if (is_dash(c, k))
		k++;
	if (is_kind(c, k, K_QUARTER))
		half = 0;
	else if (is_kind(c, k, K_HALF) && ord <= 2)
		half = 1;
	else
		return 0;
	k++;
	if (!y && !deic && is_kind(c, k, K_OF) && (y = tx_year_at(c, k + 1)))
		k += 2;
	mt->len = k - i;
	if (!y && !c->have_ref)
		return 1;
	if (deic)
		y = c->ry + dy;
	else if (!y) {
		y = c->ry;
		q = half ? (c->rm - 1) / 6 + 1 : (c->rm - 1) / 3 + 1;
		if (ord > q)
			y--;
	}
	snprintf(mt->value, sizeof mt->value, "%04d-%c%d", y, half ? 'H' : 'Q', ord);
	return 1;
}

/* "in recent months", "the past", "the future". */
static int
m_vague(const struct ctx *c, size_t i, struct match *mt)
{
	const struct tok *k = T(c, i);

	if (k->type != TK_WORD || k->kind != K_RECENT)
		return 0;
	if (k->val == 0 && is_kind(c, i + 1, K_UNIT) && c->s[T(c, i + 1)->e - 1] == 's') {
		mt->len = 2;
		strcpy(mt->value, "PAST_REF");
		return 1;
	}
	if (k->val > 0 && i > 0 && is_kind(c, i - 1, K_THE)
	    && !is_kind(c, i + 1, K_UNIT) && !is_kind(c, i + 1, K_NUMW)
	    && !is_kind(c, i + 1, K_ORD) && !is_kind(c, i + 1, K_QUARTER)
	    && !is_kind(c, i + 1, K_SEASON) && !is_kind(c, i + 1, K_WDAY)
	    && !is_kind(c, i + 1, K_MONTH) && T(c, i + 1)->type != TK_NUM) {
		mt->len = 1;
		strcpy(mt->value, k->val == 1 ? "PAST_REF" : "FUTURE_REF");
		return 1;
	}
	return 0;
}

static int match_core(const struct ctx *c, size_t i, struct match *mt);

/* early/late/mid/earlier/later + a date: "late 2024", "mid-November",
 * "earlier this year", "the end of 1990".  The value is the date's. */
static int
m_part(const struct ctx *c, size_t i, struct match *mt)
{
	size_t k = i;
	const struct tok *t = T(c, i);

	if (t->type == TK_WORD && t->kind == K_PART) {
		k++;
		if (is_dash(c, k))
			k++;
	} else if (is_kind(c, i, K_THE) && is_kind(c, i + 1, K_ENDOF) && is_kind(c, i + 2, K_OF)) {
		k += 3;
		if (is_kind(c, k, K_THE) && is_kind(c, k + 1, K_UNIT)
		    && (T(c, k + 1)->val == U_YEAR || T(c, k + 1)->val == U_MONTH)
		    && c->s[T(c, k + 1)->e - 1] != 's') {
			mt->len = k + 2 - i;
			if (!c->have_ref)
				return 1;
			if (T(c, k + 1)->val == U_YEAR)
				snprintf(mt->value, sizeof mt->value, "%04d", c->ry);
			else
				tx_v_month(mt->value, c->ry, c->rm);
			return 1;
		}
	} else
		return 0;
	if (k == i || !match_core(c, k, mt))
		return 0;
	mt->len += k - i;
	return 1;
}

static int
match_core(const struct ctx *c, size_t i, struct match *mt)
{
	mt->value[0] = '\0';
	return m_quarter(c, i, mt) || m_month(c, i, mt) || m_dayfirst(c, i, mt)
	    || m_number(c, i, mt) || m_weekday(c, i, mt, -1)
	    || m_deictic(c, i, mt) || m_relative(c, i, mt) || m_ago(c, i, mt)
	    || m_vague(c, i, mt);
}

int
tx_match(const struct ctx *c, size_t i, struct match *mt)
{
	mt->value[0] = '\0';
	if (m_part(c, i, mt))
		return 1;
	/* "fiscal 1989" is a year too */
	if (is_kind(c, i, K_FISCAL) && tx_year_at(c, i + 1) && m_number(c, i + 1, mt)
	    && strlen(mt->value) == 4) {
		mt->len++;
		return 1;
	}
	/* "the 1990s" takes its article */
	if (is_kind(c, i, K_THE) && T(c, i + 1)->type == TK_NUM && m_number(c, i + 1, mt)
	    && strlen(mt->value) == 3) {
		mt->len++;
		return 1;
	}
	return match_core(c, i, mt);
}
