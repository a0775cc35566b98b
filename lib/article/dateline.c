/* dateline: the wire dateline that opens a body: "BEIJING, September
 * 3. /TASS/.", "SEOUL, Aug. 30 (Yonhap) --", "WASHINGTON (AP) —". */
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

/* Length of the run of s[0..n) before any byte of stop: strcspn for a
 * buffer that has no NUL at its end. */
static size_t
span_to(const char *s, size_t n, const char *stop)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] && strchr(stop, s[i]))
			break;
	return i;
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

	for (i = 0; i < lim && !ag; i++) {
		if (s[i] == '/' || s[i] == '(') {
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
	if (!ag)
		return 0;
	while (pre && (s[pre - 1] == ' ' || s[pre - 1] == ',' || s[pre - 1] == '.'))
		pre--;
	if (pre && !place_ok(s, pre))
		return 0;
	if (!set)
		return after;
	if (!a->agency)
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
