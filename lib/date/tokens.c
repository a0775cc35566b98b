/* tokens: the keyword table, its lookup, and the tokeniser that cuts a
 * text into words (each looked up once), numbers, punctuation and
 * sentence ends. */
#include <stdint.h>
#include <string.h>

#include "date/internal.h"
#include "hash.h"
#include "mem.h"

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

/* The keywords by a hash of their (lower-case) spelling, which is
 * also kept packed into two numbers (its bytes, zero-padded), and per
 * length a bit for each first and each last letter some keyword of that
 * length has: most words of a text are no keyword, and these bits say
 * so before any hashing. */
static struct hash_index kwix;
static uint64_t kwpack[sizeof kws / sizeof *kws][2];
static unsigned char kwlen[sizeof kws / sizeof *kws];
static uint32_t kwfirst[16], kwlast[16];

/* Letters s[0..n) (n < 16) in lower case packed into p[0], p[1]; built
 * in registers, as bytes stored one by one and read back 8 at a time
 * would stall. */
static void
pack(const char *s, size_t n, uint64_t p[2])
{
	size_t i;

	p[0] = p[1] = 0;
	for (i = 0; i < n; i++)
		p[i / 8] |= (uint64_t)((unsigned char)s[i] | 0x20) << (8 * (i % 8));
}

static uint64_t
kwhash(const uint64_t p[2], size_t n)
{
	return hash_mix(p[0] ^ (p[1] + n) * HASH_FNV_PRIME);
}

static void
hinit(void)
{
	size_t i, n;

	for (n = 0; kws[n].w; n++)
		;
	hash_index_init(&kwix, n);
	for (i = 0; i < n; i++) {
		kwlen[i] = (unsigned char)strlen(kws[i].w);
		kwfirst[kwlen[i]] |= 1u << (kws[i].w[0] - 'a');
		kwlast[kwlen[i]] |= 1u << (kws[i].w[kwlen[i] - 1] - 'a');
		pack(kws[i].w, kwlen[i], kwpack[i]);
		hash_index_put(&kwix, kwhash(kwpack[i], kwlen[i]), i);
	}
}

/* The keyword s[0..n) (ASCII letters, any case) is, or NULL. */
static const struct kw *
lookup(const char *s, size_t n)
{
	uint64_t p[2];
	size_t pos;
	long k;

	if (n >= 16)
		return NULL;
	if (!kwix.slot)
		hinit();
	if (!(kwfirst[n] & (1u << ((s[0] | 0x20) - 'a')))
	    || !(kwlast[n] & (1u << ((s[n - 1] | 0x20) - 'a'))))
		return NULL;
	pack(s, n, p);
	for (k = hash_index_first(&kwix, kwhash(p, n), &pos); k >= 0;
	    k = hash_index_next(&kwix, &pos))
		if (kwlen[k] == n && kwpack[k][0] == p[0] && kwpack[k][1] == p[1])
			return &kws[k];
	return NULL;
}

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

static void
grow(struct toks *t)
{
	t->v = egrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
}

/* Small enough to be inlined: it runs for every token. */
static inline struct tok *
push(struct toks *t, size_t s, size_t e, int type)
{
	static const struct tok zero;
	struct tok *k;

	if (t->n == t->cap)
		grow(t);
	k = &t->v[t->n++];
	*k = zero;
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

void
tx_tokenize(const char *s, size_t n, struct toks *t)
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
