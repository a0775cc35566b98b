/* dateline: the wire dateline that opens a body: "BEIJING, September
 * 3. /TASS/.", "SEOUL, Aug. 30 (Yonhap) --", "WASHINGTON (AP) —", and
 * without an agency "HOUSTON, March 2 -", "SPRINGFIELD, Ill., March 3 -". */
#include <string.h>

#include "article/internal.h"
#include "mem.h"

static int
place_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 100 || nwords(s, n, 11) > 10)
		return 0;
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (unsigned char)s[0] >= 0x80))
		return 0;
	for (i = 1; i < n; i++) {
		if (strchr("\":;!?", s[i]))
			return 0;
		if (s[i - 1] == ' ' && s[i] >= 'a' && s[i] <= 'z'
		    && !starts_word(s + i, n - i, "de") && !starts_word(s + i, n - i, "of")
		    && !starts_word(s + i, n - i, "am") && !starts_word(s + i, n - i, "upon"))
			return 0;
	}
	return 1;
}

static int
dash_at(const char *s, size_t n, size_t *i)
{
	if (*i + 1 < n && s[*i] == '-' && s[*i + 1] == '-')
		*i += 2;
	else if (*i < n && s[*i] == '-')
		*i += 1;
	else if (*i + 2 < n && (!memcmp(s + *i, "\xE2\x80\x94", 3) || !memcmp(s + *i, "\xE2\x80\x93", 3)
	    || !memcmp(s + *i, "\xE2\x80\x95", 3)))
		*i += 3;
	else
		return 0;
	return *i >= n || s[*i] == ' ';
}

/* The first '/' or '(' of s at i or after, lim if none. */
static size_t
next_mark(const char *s, size_t i, size_t lim)
{
	const char *a = memchr(s + i, '/', lim - i), *b = memchr(s + i, '(', lim - i);

	if (a && (!b || a < b))
		return (size_t)(a - s);
	return b ? (size_t)(b - s) : lim;
}

/* s[0..n) ends in an abbreviated state or country ("Vt.", "Ill.",
 * "Calif.", "N.Y."): its period stays. */
static int
abbrev(const char *s, size_t n)
{
	size_t b = n - 1, lower = 0;

	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',')
		b--;
	if (n - b < 3 || n - b > 7 || !(s[b] >= 'A' && s[b] <= 'Z'))
		return 0;
	for (; b < n - 1; b++)
		lower += s[b] >= 'a' && s[b] <= 'z';
	return lower > 0 || memchr(s + n - 4 < s ? s : s + n - 4, '.', 3) != NULL;
}

/* A word of capitals ("HOUSTON", "ST.", "O'HARE", "SÃO"): no lower-case
 * ASCII letter, at least one capital. */
static int
caps_word(const char *s, size_t n)
{
	size_t i, caps = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		caps += s[i] >= 'A' && s[i] <= 'Z';
	}
	return caps > 0;
}

/* The place of a dateline without an agency: one to four words, all in
 * capitals, or (caps 0) each capitalised. */
static int
plain_place(const char *s, size_t n, int caps)
{
	size_t i = 0, w, words = 0;

	if (n < 2 || n > 40)
		return 0;
	while (i < n) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		if (++words > 4 || w == i)
			return 0;
		if (caps ? !caps_word(s + i, w - i)
		    : !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80))
			return 0;
		i = w + 1;
	}
	return 1;
}

/* A state or country after the place ("Ill.", "Ore.", "France"): one to
 * three capitalised words. */
static int
region(const char *s, size_t n)
{
	return n > 0 && n <= 24 && nwords(s, n, 4) <= 3 && place_ok(s, n) && s[0] >= 'A' && s[0] <= 'Z';
}

/* The date of a dateline: a month and maybe a day ("March 2", "Feb.
 * 26"), a weekday, or a day and a month ("2 March"). */
static int
dl_date(const char *s, size_t n)
{
	size_t k = span_to(s, n, " ,");

	if (n == 0 || n > 24)
		return 0;
	if (isdig((unsigned char)s[0]))
		return k < n && art_is_month(s + k + 1, span_to(s + k + 1, n - k - 1, " ."));
	return art_is_month(s, k) || art_is_weekday(s, k);
}

/* s has a lower-case letter (ASCII or not). */
static int
has_lower(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* The longest dateline with no dash, a line of its own ("PORTLAND,
 * Ore., March 4"). */
#define DASHLESS_MAX 48

/* "HOUSTON, March 2 - ", "SPRINGFIELD, Ill., March 3 -- ", "LYON, Feb
 * 26 — ", "WASHINGTON - ": a place in capitals (or any capitalised place
 * before a date), maybe a state, maybe a date, then a dash; or a place
 * in capitals and a date alone on a line.  Returns the bytes before the
 * dash, *after the bytes up to the text; 0 if none. */
static size_t
plain_dateline(const char *s, size_t n, size_t *after)
{
	size_t lim = n < 64 ? n : 64, k, c, b = 0, parts = 0, pre, dn;
	const char *d;
	int caps = 0, dated = 0;

	for (k = 1; k < lim; k++) {
		const char *q = memchr(s + k, ' ', lim - k);

		if (!q) {
			k = lim;
			break;
		}
		k = (size_t)(q - s) + 1;
		if (k < lim && (*after = k, dash_at(s, n, after)))
			break;
	}
	/* with no dash, the whole line: "OTTAWA, March 4" over the text */
	if (k >= lim && n > DASHLESS_MAX)
		return 0;
	pre = k >= lim ? n : k - 1;
	if (k >= lim)
		*after = n;
	for (c = 0; c <= pre; c++) {
		if (c < pre && s[c] != ',')
			continue;
		d = s + b;
		dn = c - b;
		trim(&d, &dn);
		if (parts == 0) {
			if (!(caps = plain_place(d, dn, 1)) && !plain_place(d, dn, 0))
				return 0;
		} else if (c == pre && dl_date(d, dn)) {
			dated = 1;
		} else if (!region(d, dn)) {
			return 0;
		}
		if (++parts > 4)
			return 0;
		b = c + 1;
	}
	if ((!caps && !dated) || (pre == n && !(caps && dated)))
		return 0;
	while (*after < n && s[*after] == ' ')
		(*after)++;
	/* a place alone ("LONDON -") opens a sentence, not more capitals
	 * (a title's "NEW ISSUE - ACME FUNDING CORP") */
	if (!dated && *after < n && !has_lower(s + *after, n - *after < 40 ? n - *after : 40))
		return 0;
	return pre;
}

/* "BEIJING, September 3. /TASS/.", "SEOUL, Aug. 30 (Yonhap) --",
 * "WASHINGTON (AP) —": fills the dateline fields and the agency;
 * returns the bytes it spans (with the space after), 0 if none. */
size_t
art_dateline(struct parse *p, const char *s, size_t n, int set)
{
	size_t lim = n < 160 ? n : 160, i, k, after = 0, pre = 0, c, dn;
	const char *ag = NULL, *d;
	struct article *a = p->a;

	/* a place opens a dateline */
	if (n < 4 || !((s[0] >= 'A' && s[0] <= 'Z') || (unsigned char)s[0] >= 0xC3))
		return 0;
	for (i = 0; i < lim && !ag; i++) {
		i = next_mark(s, i, lim);
		if (i < lim) {
			char endc = s[i] == '/' ? '/' : ')';
			const char *q = memchr(s + i + 1, endc, lim - i - 1);

			if (!q || q - s - (ptrdiff_t)i - 1 > 40)
				continue;
			k = (size_t)(q - s);
			if (!(ag = article_agency(s + i + 1, k - i - 1)))
				continue;
			after = k + 1;
			if (endc == '/') {
				if (after < n && s[after] == '.')
					after++;
				if (after < n && s[after] != ' ')
					ag = NULL;
			} else {
				while (after < n && s[after] == ' ')
					after++;
				if (!dash_at(s, n, &after))
					ag = NULL;
			}
			pre = i;
		}
	}
	if (!ag && !(pre = plain_dateline(s, n, &after)))
		return 0;
	while (pre && (s[pre - 1] == ' ' || s[pre - 1] == ',' || (s[pre - 1] == '.' && !abbrev(s, pre))))
		pre--;
	if (pre && !place_ok(s, pre))
		return 0;
	if (!set)
		return after;
	if (ag && !a->agency)
		a->agency = estrdup(ag);
	for (c = 0; c < pre; c++) {
		if (s[c] != ',')
			continue;
		d = s + c + 1;
		dn = pre - c - 1;
		trim(&d, &dn);
		if (dn && (isdig((unsigned char)d[0]) || art_is_month(d, span_to(d, dn, " "))
		    || art_is_weekday(d, span_to(d, dn, " ,")))) {
			art_set_once(&a->dateline_date, d, dn);
			break;
		}
	}
	if (pre)
		art_set_once(&a->dateline_place, s, c < pre ? c : pre);
	while (after < n && s[after] == ' ')
		after++;
	return after;
}
