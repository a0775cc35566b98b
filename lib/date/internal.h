/* The timex engine's private header: what its files share.  Not
 * included outside lib/date/; the public interface is timex.h.
 *
 * timex_find (timex.c) cuts the text into tokens (tokens.c: the keyword
 * table, its lookup and the tokeniser), then tries the patterns of
 * match.c at every token.  The patterns ask context.c for date parts at
 * a token (month, day, year), the tense around tokens and the year a
 * date without one refers to, and write their values through its
 * formatting helpers. */
#ifndef DATE_INTERNAL_H
#define DATE_INTERNAL_H

#include <stddef.h>
#include <string.h>

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

/* Tokens. */
struct toks {
	struct tok *v;
	size_t n, cap;
};

/* Matching context. */
struct ctx {
	const char *s;
	const struct tok *t;
	size_t nt;
	int have_ref, ry, rm, rd;
	int flags;
};

struct match {
	size_t len;		/* tokens */
	char value[48];
};

/* ---- tokens.c -------------------------------------------------------- */

/* Append the tokens of s[0..n) to t. */
void tx_tokenize(const char *s, size_t n, struct toks *t);

/* ---- token predicates -------------------------------------------------
 * Every matcher asks them at almost every token; inline, so that they
 * need no prefix and cost what they did in the one-file engine. */

/* What T() answers past the last token: a TK_END token. */
extern const struct tok tx_endtok;

static inline const struct tok *
T(const struct ctx *c, size_t i)
{
	return i < c->nt ? &c->t[i] : &tx_endtok;
}

static inline int
is_kind(const struct ctx *c, size_t i, int kind)
{
	return T(c, i)->type == TK_WORD && T(c, i)->kind == kind;
}

static inline int
is_punct(const struct ctx *c, size_t i, char ch)
{
	const struct tok *k = T(c, i);

	return k->type == TK_PUNCT && c->s[k->s] == ch;
}

/* A hyphen or a dash (-, en dash, em dash). */
static inline int
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

static inline int
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

/* ---- context.c: date parts, tense, the reference, values ------------ */

/* A month name at token i; its tokens in *len. */
int tx_month_at(const struct ctx *c, size_t i, size_t *len);
/* A day 1-31 at token i; its tokens in *len. */
int tx_day_at(const struct ctx *c, size_t i, size_t *len);
/* A plain four-digit year at token i. */
int tx_year_at(const struct ctx *c, size_t i);
/* The tense around tokens [i, j): 1 future, -1 past, 0 no marker. */
int tx_tense(const struct ctx *c, size_t i, size_t j);
/* Whether tokens [i, j) are in future tense (no marker reads as past). */
int tx_future(const struct ctx *c, size_t i, size_t j);
/* The reference date in days since the epoch. */
long tx_refdays(const struct ctx *c);
/* The year of a month alone; deic is D_THIS, D_LAST, D_NEXT or -1. */
int tx_month_year(const struct ctx *c, int m, int fut, int deic);
/* The year of a month and day in tokens i..k into *y: 1 found, 0 no
 * reference, -1 no such day that year. */
int tx_day_year(const struct ctx *c, size_t i, size_t k, int m, int d, int *y);
/* Values, written into a struct match's value[48]. */
void tx_v_day(char *v, long days);		/* YYYY-MM-DD */
void tx_v_week(char *v, long days);		/* YYYY-Www */
void tx_v_month(char *v, int y, int m);		/* YYYY-MM, m out of range carried */
void tx_date_value(char *v, int y, int m, int d);	/* YYYY-MM-DD */

/* ---- match.c --------------------------------------------------------- */

/* The expression starting at token i, patterns longest first: 1 with
 * mt set, or 0. */
int tx_match(const struct ctx *c, size_t i, struct match *mt);

#endif
