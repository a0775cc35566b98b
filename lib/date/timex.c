/* timex: date expressions in text, resolved to TIMEX3 values.
 *
 * The text is cut into tokens (words, numbers, punctuation, sentence
 * ends); each word is looked up once in a small keyword table; then a
 * few hand-written patterns are tried at every token, longest first.
 * Resolution follows TimeML: a value is as precise as the expression
 * (a month is YYYY-MM, a week YYYY-Www, a decade YYY). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date/date.h"
#include "mem.h"
#include "date/timex.h"
#include "hash.h"

enum ttype { TK_END, TK_WORD, TK_NUM, TK_PUNCT, TK_BREAK };

/* Keyword kinds. */
enum kind {
	K_NONE, K_MONTH, K_WDAY, K_REL, K_DEIC, K_UNIT, K_PART, K_POD,
	K_SEASON, K_ORD, K_NUMW, K_AGO, K_FUT, K_PAST, K_YEARPREP, K_THE,
	K_TO, K_OF, K_REF, K_RECENT, K_FISCAL, K_HALF, K_QUARTER, K_IN,
	K_ENDOF
};

/* Relative words (K_REL) and reference words (K_REF). */
enum { R_TODAY, R_YESTERDAY, R_TOMORROW, R_TONIGHT };
enum { F_PRESENT, F_PAST, F_FUTURE };
/* Units. */
enum { U_DAY, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_WEEKEND };
/* Deictic words. */
enum { D_THIS, D_LAST, D_NEXT };
/* Parts. */
enum { P_EARLY, P_LATE, P_MID, P_EARLIER, P_LATER };

struct tok {
	size_t s, e;		/* bytes */
	unsigned char type, kind;
	unsigned char cap;	/* starts with a capital letter */
	unsigned char plain;	/* a number without grouping or decimals */
	unsigned char dot;	/* a word directly followed by '.' */
	short val;
	long num;		/* TK_NUM value (capped) */
};

struct kw {
	const char *w;
	unsigned char kind;
	short val;
};

static const struct kw kws[] = {
	{ "january", K_MONTH, 1 }, { "february", K_MONTH, 2 },
	{ "march", K_MONTH, 3 }, { "april", K_MONTH, 4 }, { "may", K_MONTH, 5 },
	{ "june", K_MONTH, 6 }, { "july", K_MONTH, 7 }, { "august", K_MONTH, 8 },
	{ "september", K_MONTH, 9 }, { "october", K_MONTH, 10 },
	{ "november", K_MONTH, 11 }, { "december", K_MONTH, 12 },
	{ "jan", K_MONTH, -1 }, { "feb", K_MONTH, -2 }, { "mar", K_MONTH, -3 },
	{ "apr", K_MONTH, -4 }, { "jun", K_MONTH, -6 }, { "jul", K_MONTH, -7 },
	{ "aug", K_MONTH, -8 }, { "sep", K_MONTH, -9 }, { "sept", K_MONTH, -9 },
	{ "oct", K_MONTH, -10 }, { "nov", K_MONTH, -11 }, { "dec", K_MONTH, -12 },
	{ "monday", K_WDAY, 0 }, { "tuesday", K_WDAY, 1 },
	{ "wednesday", K_WDAY, 2 }, { "thursday", K_WDAY, 3 },
	{ "friday", K_WDAY, 4 }, { "saturday", K_WDAY, 5 },
	{ "sunday", K_WDAY, 6 },
	{ "today", K_REL, R_TODAY }, { "yesterday", K_REL, R_YESTERDAY },
	{ "tomorrow", K_REL, R_TOMORROW }, { "tonight", K_REL, R_TONIGHT },
	{ "now", K_REF, F_PRESENT }, { "currently", K_REF, F_PRESENT },
	{ "nowadays", K_REF, F_PRESENT }, { "recently", K_REF, F_PAST },
	{ "this", K_DEIC, D_THIS }, { "last", K_DEIC, D_LAST },
	{ "next", K_DEIC, D_NEXT }, { "coming", K_DEIC, D_NEXT },
	{ "current", K_DEIC, D_THIS },
	{ "day", K_UNIT, U_DAY }, { "days", K_UNIT, U_DAY },
	{ "week", K_UNIT, U_WEEK }, { "weeks", K_UNIT, U_WEEK },
	{ "month", K_UNIT, U_MONTH }, { "months", K_UNIT, U_MONTH },
	{ "year", K_UNIT, U_YEAR }, { "years", K_UNIT, U_YEAR },
	{ "weekend", K_UNIT, U_WEEKEND },
	{ "quarter", K_QUARTER, 0 }, { "half", K_HALF, 0 },
	{ "early", K_PART, P_EARLY }, { "late", K_PART, P_LATE },
	{ "mid", K_PART, P_MID }, { "earlier", K_PART, P_EARLIER },
	{ "later", K_PART, P_LATER },
	{ "morning", K_POD, 0 }, { "afternoon", K_POD, 1 },
	{ "evening", K_POD, 2 }, { "night", K_POD, 3 },
	{ "spring", K_SEASON, 0 }, { "summer", K_SEASON, 1 },
	{ "fall", K_SEASON, 2 }, { "autumn", K_SEASON, 2 },
	{ "winter", K_SEASON, 3 },
	{ "first", K_ORD, 1 }, { "second", K_ORD, 2 }, { "third", K_ORD, 3 },
	{ "fourth", K_ORD, 4 },
	{ "a", K_NUMW, 1 }, { "an", K_NUMW, 1 }, { "one", K_NUMW, 1 },
	{ "two", K_NUMW, 2 }, { "three", K_NUMW, 3 }, { "four", K_NUMW, 4 },
	{ "five", K_NUMW, 5 }, { "six", K_NUMW, 6 }, { "seven", K_NUMW, 7 },
	{ "eight", K_NUMW, 8 }, { "nine", K_NUMW, 9 }, { "ten", K_NUMW, 10 },
	{ "eleven", K_NUMW, 11 }, { "twelve", K_NUMW, 12 },
	{ "several", K_NUMW, 0 }, { "few", K_NUMW, 0 },
	{ "ago", K_AGO, 0 },
	{ "will", K_FUT, 0 }, { "shall", K_FUT, 0 }, { "ll", K_FUT, 0 },
	{ "upcoming", K_FUT, 0 }, { "scheduled", K_FUT, 0 },
	{ "expected", K_FUT, 0 }, { "plans", K_FUT, 0 }, { "plan", K_FUT, 0 },
	{ "planned", K_FUT, 0 }, { "due", K_FUT, 0 }, { "going", K_FUT, 0 },
	{ "intends", K_FUT, 0 }, { "might", K_FUT, 0 },
	{ "set", K_FUT, 0 }, { "slated", K_FUT, 0 },
	{ "said", K_PAST, 0 }, { "was", K_PAST, 0 }, { "were", K_PAST, 0 },
	{ "had", K_PAST, 0 }, { "did", K_PAST, 0 }, { "met", K_PAST, 0 },
	{ "took", K_PAST, 0 }, { "told", K_PAST, 0 }, { "came", K_PAST, 0 },
	{ "went", K_PAST, 0 }, { "held", K_PAST, 0 }, { "gave", K_PAST, 0 },
	{ "made", K_PAST, 0 }, { "began", K_PAST, 0 }, { "saw", K_PAST, 0 },
	{ "found", K_PAST, 0 }, { "left", K_PAST, 0 }, { "sent", K_PAST, 0 },
	{ "spoke", K_PAST, 0 }, { "won", K_PAST, 0 }, { "lost", K_PAST, 0 },
	{ "fell", K_PAST, 0 }, { "rose", K_PAST, 0 }, { "struck", K_PAST, 0 },
	{ "brought", K_PAST, 0 }, { "paid", K_PAST, 0 }, { "led", K_PAST, 0 },
	{ "ran", K_PAST, 0 }, { "wrote", K_PAST, 0 }, { "became", K_PAST, 0 },
	{ "got", K_PAST, 0 }, { "put", K_PAST, 0 }, { "sold", K_PAST, 0 },
	{ "bought", K_PAST, 0 }, { "hit", K_PAST, 0 }, { "flew", K_PAST, 0 },
	{ "in", K_IN, 0 }, { "since", K_YEARPREP, 0 }, { "of", K_OF, 0 },
	{ "by", K_YEARPREP, 0 }, { "until", K_YEARPREP, 0 },
	{ "till", K_YEARPREP, 0 }, { "from", K_YEARPREP, 0 },
	{ "through", K_TO, 0 }, { "to", K_TO, 0 }, { "and", K_TO, 1 },
	{ "during", K_YEARPREP, 0 }, { "before", K_YEARPREP, 0 },
	{ "after", K_YEARPREP, 0 }, { "between", K_YEARPREP, 0 },
	{ "around", K_YEARPREP, 0 }, { "circa", K_YEARPREP, 0 },
	{ "for", K_YEARPREP, 0 }, { "as", K_YEARPREP, 0 },
	{ "the", K_THE, 0 }, { "recent", K_RECENT, 0 }, { "past", K_RECENT, 1 },
	{ "future", K_RECENT, 2 }, { "fiscal", K_FISCAL, 0 },
	{ "end", K_ENDOF, 0 }, { "beginning", K_ENDOF, 1 },
	{ "start", K_ENDOF, 1 }, { "middle", K_ENDOF, 2 },
	{ NULL, 0, 0 }
};

/* The keywords by hash of their (lower-case) spelling. */
static struct hash_index kwix;

static void
hinit(void)
{
	size_t i, n;

	for (n = 0; kws[n].w; n++)
		;
	hash_index_init(&kwix, n);
	for (i = 0; i < n; i++)
		hash_index_put(&kwix, hash_bytes(kws[i].w, strlen(kws[i].w)), i);
}

static const struct kw *
lookup(const char *s, size_t n)
{
	char low[16];
	size_t i, pos;
	long k;

	if (n >= sizeof low)
		return NULL;
	if (!kwix.slot)
		hinit();
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] | 0x20);
	for (k = hash_index_first(&kwix, hash_bytes(low, n), &pos); k >= 0;
	    k = hash_index_next(&kwix, &pos))
		if (strncmp(kws[k].w, low, n) == 0 && kws[k].w[n] == '\0')
			return &kws[k];
	return NULL;
}

/* Tokens. */
struct toks {
	struct tok *v;
	size_t n, cap;
};

static int
alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
digit(int c)
{
	return c >= '0' && c <= '9';
}

static struct tok *
push(struct toks *t, size_t s, size_t e, int type)
{
	struct tok *k;

	t->v = egrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	k = &t->v[t->n++];
	memset(k, 0, sizeof *k);
	k->s = s, k->e = e, k->type = (unsigned char)type;
	return k;
}

/* A '.' ends a sentence unless it closes an abbreviation ("Sept.",
 * "U.S.", "Mr.") or a number. */
static int
sentence_end(const struct toks *t, const char *s, size_t n, size_t i)
{
	const struct tok *p;

	if (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\n' && s[i + 1] != '"')
		return 0;
	if (!t->n)
		return 1;
	p = &t->v[t->n - 1];
	if (p->type == TK_WORD && p->e == i && (p->e - p->s <= 2
	    || (p->kind == K_MONTH && p->val < 0)))
		return 0;
	return 1;
}

static void
tokenize(const char *s, size_t n, struct toks *t)
{
	size_t i = 0, j;
	struct tok *k;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			push(t, i, i + 1, TK_BREAK);
			i++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			i++;
		} else if (alpha(c)) {
			const struct kw *kw;

			for (j = i; j < n && alpha((unsigned char)s[j]); j++)
				;
			k = push(t, i, j, TK_WORD);
			k->cap = c >= 'A' && c <= 'Z';
			k->dot = j < n && s[j] == '.';
			if ((kw = lookup(s + i, j - i)))
				k->kind = kw->kind, k->val = kw->val;
			i = j;
		} else if (digit(c)) {
			long v = 0;

			for (j = i; j < n && digit((unsigned char)s[j]); j++)
				if (v < 100000000L)
					v = v * 10 + (s[j] - '0');
			k = push(t, i, j, TK_NUM);
			k->num = v;
			k->plain = 1;
			/* 6,000 and 1.5 are quantities: swallow them whole. */
			while (j + 1 < n && (s[j] == ',' || s[j] == '.')
			    && digit((unsigned char)s[j + 1])) {
				for (j++; j < n && digit((unsigned char)s[j]); j++)
					;
				k->plain = 0;
			}
			k->e = j;
			i = j;
		} else if (c < 0x80) {
			int brk = (c == '.' || c == '!' || c == '?')
			    && sentence_end(t, s, n, i);

			push(t, i, i + 1, TK_PUNCT);
			if (brk)
				push(t, i + 1, i + 1, TK_BREAK);
			i++;
		} else {
			/* A non-ASCII character: punctuation, or a space. */
			for (j = i + 1; j < n && ((unsigned char)s[j] & 0xC0) == 0x80; j++)
				;
			if (!(c == 0xC2 && j == i + 2 && (unsigned char)s[i + 1] == 0xA0))
				push(t, i, j, TK_PUNCT);
			i = j;
		}
	}
}

/* Matching context. */
struct ctx {
	const char *s;
	const struct tok *t;
	size_t nt;
	int have_ref, ry, rm, rd;
	int flags;
};

static const struct tok endtok;

static const struct tok *
T(const struct ctx *c, size_t i)
{
	return i < c->nt ? &c->t[i] : &endtok;
}

static int
is_kind(const struct ctx *c, size_t i, int kind)
{
	return T(c, i)->type == TK_WORD && T(c, i)->kind == kind;
}

static int
is_punct(const struct ctx *c, size_t i, char ch)
{
	const struct tok *k = T(c, i);

	return k->type == TK_PUNCT && c->s[k->s] == ch;
}

/* A hyphen or a dash (-, en dash, em dash). */
static int
is_dash(const struct ctx *c, size_t i)
{
	const struct tok *k = T(c, i);

	if (k->type != TK_PUNCT)
		return 0;
	if (c->s[k->s] == '-')
		return 1;
	return k->e - k->s == 3 && (unsigned char)c->s[k->s] == 0xE2
	    && (unsigned char)c->s[k->s + 1] == 0x80
	    && ((unsigned char)c->s[k->s + 2] == 0x93
	    || (unsigned char)c->s[k->s + 2] == 0x94);
}

static int
word_is(const struct ctx *c, size_t i, const char *w)
{
	const struct tok *k = T(c, i);
	size_t n = strlen(w), j;

	if (k->type != TK_WORD || k->e - k->s != n)
		return 0;
	for (j = 0; j < n; j++)
		if ((c->s[k->s + j] | 0x20) != w[j])
			return 0;
	return 1;
}

/* A month name: capitalised; an abbreviation needs its dot or a day
 * after it; "May" and "March" need a number or a preposition. Returns
 * the month and the tokens used in *len. */
static int
month_at(const struct ctx *c, size_t i, size_t *len)
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
static int
day_at(const struct ctx *c, size_t i, size_t *len)
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
static int
year_at(const struct ctx *c, size_t i)
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
static int
tense(const struct ctx *c, size_t i, size_t j)
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
static int
future(const struct ctx *c, size_t i, size_t j)
{
	return tense(c, i, j) > 0;
}

/* Output values. */
static void
v_day(char *v, long days)
{
	int y, m, d;

	date_from_days(days, &y, &m, &d);
	snprintf(v, 48, "%04d-%02d-%02d", y, m, d);
}

static long
refdays(const struct ctx *c)
{
	return date_to_days(c->ry, c->rm, c->rd);
}

static void
v_week(char *v, long days)
{
	int y, m, d, wy, w;

	date_from_days(days, &y, &m, &d);
	w = date_isoweek(y, m, d, &wy);
	snprintf(v, 48, "%04d-W%02d", wy, w);
}

static void
v_month(char *v, int y, int m)
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
	long r = refdays(c), past, next;
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
static int
month_year(const struct ctx *c, int m, int fut, int deic)
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

struct match {
	size_t len;		/* tokens */
	char value[48];
};

/* The year of a month and day found in tokens i..k: *y as written, or
 * the nearest one to the reference.  Returns 1 with *y set; 0 when
 * there is no reference (listed without a value); -1 when that day does
 * not exist in that year (no match). */
static int
day_year(const struct ctx *c, size_t i, size_t k, int m, int d, int *y)
{
	if (!*y && !c->have_ref)
		return 0;
	if (!*y)
		*y = near_year(c, m, d, tense(c, i, k));
	return date_valid(*y, m, d) ? 1 : -1;
}

static void
date_value(char *v, int y, int m, int d)
{
	snprintf(v, 48, "%04d-%02d-%02d", y, m, d);
}

/* Month-first dates: "Aug. 31", "June 19, 2024", "September 4-5",
 * "Aug. 31 to Sept. 3", "June 2024", "April". */
static int
m_month(const struct ctx *c, size_t i, struct match *mt)
{
	size_t l, dl, k, l2, dl2;
	int m, d, y, d2, m2, y2, fut, r;

	if (!(m = month_at(c, i, &l)))
		return 0;
	k = i + l;
	if ((d = day_at(c, k, &dl))) {
		k += dl;
		m2 = 0, d2 = 0, y = 0;
		/* a range: 4-5, 31 to Sept. 3 */
		if (is_dash(c, k) && (d2 = day_at(c, k + 1, &dl2))) {
			m2 = m;
			k += 1 + dl2;
		} else if ((is_dash(c, k) || is_kind(c, k, K_TO))
		    && (m2 = month_at(c, k + 1, &l2)) && (d2 = day_at(c, k + 1 + l2, &dl2))) {
			k += 1 + l2 + dl2;
		}
		if (is_punct(c, k, ',') && (y = year_at(c, k + 1)))
			k += 2;
		else if ((y = year_at(c, k)))
			k += 1;
		if (!date_valid(y ? y : 2000, m, d) || (m2 && !date_valid(y ? y : 2000, m2, d2)))
			return 0;
		mt->len = k - i;
		if ((r = day_year(c, i, k, m, d, &y)) <= 0)
			return r + 1;
		y2 = m2 && m2 < m ? y + 1 : y;
		if (m2 && date_valid(y2, m2, d2) && date_to_days(y2, m2, d2) > date_to_days(y, m, d))
			snprintf(mt->value, sizeof mt->value, "%04d-%02d-%02d/%04d-%02d-%02d",
			    y, m, d, y2, m2, d2);
		else
			date_value(mt->value, y, m, d);
		return 1;
	}
	if ((is_punct(c, k, ',') || is_kind(c, k, K_OF)) && (y = year_at(c, k + 1))) {
		mt->len = k + 2 - i;
		v_month(mt->value, y, m);
		return 1;
	}
	if ((y = year_at(c, k))) {
		mt->len = k + 1 - i;
		v_month(mt->value, y, m);
		return 1;
	}
	/* "June last year" */
	if (is_kind(c, k, K_DEIC) && is_kind(c, k + 1, K_UNIT) && T(c, k + 1)->val == U_YEAR
	    && c->s[T(c, k + 1)->e - 1] != 's') {
		mt->len = k + 2 - i;
		if (c->have_ref)
			v_month(mt->value, c->ry + (T(c, k)->val == D_LAST ? -1
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
	fut = tense(c, i, i + l);
	v_month(mt->value, month_year(c, m, fut, i > 0 && is_kind(c, i - 1, K_DEIC)
	    ? T(c, i - 1)->val : -1), m);
	return 1;
}

/* Day-first dates: "19 June 2024", "3rd of September". */
static int
m_dayfirst(const struct ctx *c, size_t i, struct match *mt)
{
	size_t dl, l, k;
	int d, m, y, r;

	if (!(d = day_at(c, i, &dl)))
		return 0;
	k = i + dl;
	if (is_kind(c, k, K_OF))
		k++;
	if (!(m = month_at(c, k, &l)))
		return 0;
	k += l;
	if (is_punct(c, k, ',') && year_at(c, k + 1))
		k++;
	y = year_at(c, k);
	if (y)
		k++;
	if (!date_valid(y ? y : 2000, m, d))
		return 0;
	mt->len = k - i;
	if ((r = day_year(c, i, k, m, d, &y)) <= 0)
		return r + 1;
	date_value(mt->value, y, m, d);
	return 1;
}

/* Numbers: 2025-09-02, 9/2/2025, years, decades. */
static int
m_number(const struct ctx *c, size_t i, struct match *mt)
{
	const struct tok *k = T(c, i), *p = i > 0 ? T(c, i - 1) : &endtok;
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
		date_value(mt->value, (int)k->num, (int)T(c, i + 2)->num, (int)T(c, i + 4)->num);
		return 1;
	}
	/* 9/2/2025 */
	if (k->e - k->s <= 2 && is_punct(c, i + 1, '/') && T(c, i + 2)->type == TK_NUM
	    && T(c, i + 2)->e - T(c, i + 2)->s <= 2 && is_punct(c, i + 3, '/')
	    && (y = year_at(c, i + 4))) {
		a = (int)k->num, b = (int)T(c, i + 2)->num;
		if ((c->flags & TIMEX_DMY) || (a > 12 && b <= 12)) {
			int t = a;

			a = b, b = t;
		}
		if (!date_valid(y, a, b))
			return 0;
		mt->len = 5;
		date_value(mt->value, y, a, b);
		return 1;
	}
	if (!(y = year_at(c, i)))
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
	if (is_punct(c, i + 1, ',') && (m = month_at(c, i + 2, &ml)) && day_at(c, i + 2 + ml, &dl)) {
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
	r = refdays(c);
	dw = date_weekday(c->ry, c->rm, c->rd);
	if (deic == D_LAST)
		back = (dw - w + 7) % 7 ? (dw - w + 7) % 7 : 7;
	else if (deic == D_NEXT)
		back = -((w - dw + 7) % 7 ? (w - dw + 7) % 7 : 7);
	else if (deic == D_THIS || future(c, i, i + l))
		back = -((w - dw + 7) % 7);
	else
		back = (dw - w + 7) % 7;
	(void)d;
	v_day(mt->value, r - back);
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
	if ((m = month_at(c, i + 1, &l)) && !day_at(c, i + 1 + l, &l)) {
		month_at(c, i + 1, &l);
		mt->len = 1 + l;
		if (c->have_ref)
			v_month(mt->value, month_year(c, m, 0, k->val), m);
		return 1;
	}
	if (u->type == TK_WORD && u->kind == K_POD && k->val != D_NEXT) {
		static const char *const pod[] = { "MO", "AF", "EV", "NI" };

		if (k->val == D_LAST && u->val != 3)
			return 0;
		mt->len = 2;
		if (c->have_ref) {
			r = refdays(c) - (k->val == D_LAST);
			v_day(mt->value, r);
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
	r = refdays(c);
	switch (u->val) {
	case U_WEEK:
		v_week(mt->value, r + 7 * dir);
		break;
	case U_WEEKEND:
		v_week(mt->value, r + 7 * dir);
		strcat(mt->value, "-WE");
		break;
	case U_MONTH:
		v_month(mt->value, c->ry, c->rm + dir);
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
	r = refdays(c) + (k->val == R_YESTERDAY ? -1 : k->val == R_TOMORROW ? 1 : 0);
	v_day(mt->value, r);
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
	r = refdays(c);
	switch (u->val) {
	case U_DAY:
		v_day(mt->value, r - nn);
		break;
	case U_WEEK:
		v_week(mt->value, r - 7 * nn);
		break;
	case U_MONTH:
		v_month(mt->value, c->ry, c->rm - (int)nn);
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
	if ((y = year_at(c, k)) && T(c, k + 1)->type == TK_WORD) {
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
	if (!y && !deic && is_kind(c, k, K_OF) && (y = year_at(c, k + 1)))
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
				v_month(mt->value, c->ry, c->rm);
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

static int
match(const struct ctx *c, size_t i, struct match *mt)
{
	mt->value[0] = '\0';
	if (m_part(c, i, mt))
		return 1;
	/* "fiscal 1989" is a year too */
	if (is_kind(c, i, K_FISCAL) && year_at(c, i + 1) && m_number(c, i + 1, mt)
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

/* A long text is read a piece at a time, so that its tokens need a
 * bounded array: a piece ends at a blank line (else a line break, else a
 * space) within the last half of WINDOW bytes.  Articles shorter than
 * that are one piece. */
#define WINDOW (1 << 18)

static size_t
piece_end(const char *s, size_t from, size_t n)
{
	const char *p, *lo, *hi;

	if (n - from <= WINDOW)
		return n;
	lo = s + from + WINDOW / 2;
	hi = s + from + WINDOW;
	for (p = hi; p > lo; p--)
		if (p[-1] == '\n' && p[-2] == '\n')
			return (size_t)(p - s);
	for (p = hi; p > lo; p--)
		if (p[-1] == '\n' || p[-1] == ' ')
			return (size_t)(p - s);
	return (size_t)(hi - s);
}

static void
find_in(const char *s, size_t n, size_t base, const struct ctx *ref,
    struct toks *t, struct timex_list *out)
{
	struct ctx c = *ref;
	struct match mt;
	size_t i;

	t->n = 0;
	tokenize(s, n, t);
	c.s = s, c.t = t->v, c.nt = t->n;
	for (i = 0; i < t->n; i++) {
		struct timex *x;

		if (t->v[i].type != TK_WORD && t->v[i].type != TK_NUM)
			continue;
		if (!match(&c, i, &mt) || mt.len == 0 || mt.len > t->n - i)
			continue;
		out->v = egrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		x = &out->v[out->n++];
		x->start = base + t->v[i].s;
		x->end = base + t->v[i + mt.len - 1].e;
		/* an abbreviation's dot ends the text ("Sept.") */
		memcpy(x->value, mt.value, sizeof x->value);
		i += mt.len - 1;
	}
}

void
timex_find(const char *s, size_t n, const struct date *ref, int flags,
    struct timex_list *out)
{
	/* The token array is kept from call to call: no malloc per record. */
	static struct toks t;
	struct ctx c;
	size_t from, to;

	memset(&c, 0, sizeof c);
	c.flags = flags;
	if (ref && ref->prec >= DATE_DAY && date_valid(ref->year, ref->month, ref->day)) {
		c.have_ref = 1;
		c.ry = ref->year, c.rm = ref->month, c.rd = ref->day;
	}
	for (from = 0; from < n; from = to) {
		to = piece_end(s, from, n);
		find_in(s + from, to - from, from, &c, &t, out);
	}
}

void
timex_list_free(struct timex_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
