/* wire: how wire copy signs a story off: the agency alone on the last
 * line ("Reuter", "(AFP)", "-- AP") or after the last sentence ("... a
 * 50 pct stake. Reuter"), or an end mark ("###", "[END]", "(END)"). */
#include <string.h>

#include "article/internal.h"

/* "###", "[END]", "(END)", "-30-", a rule of marks ("***"), or a lone
 * character reference left from the markup the copy came in ("&#3;"). */
static int
end_mark(const char *s, size_t n)
{
	size_t i;

	if ((n == 5 && (eq_ci(s, 5, "[end]") || eq_ci(s, 5, "(end)")))
	    || (n == 4 && !memcmp(s, "-30-", 4)))
		return 1;
	if (n >= 4 && n <= 8 && s[0] == '&' && s[1] == '#' && s[n - 1] == ';') {
		for (i = 2; i < n - 1 && isdig((unsigned char)s[i]); i++)
			;
		return i == n - 1;
	}
	for (i = 0; i < n && strchr("#*=~_", s[i]) && s[i]; i++)
		;
	return n >= 3 && n <= 20 && i == n;
}

int
art_signoff(const char *s, size_t n, const char **agency)
{
	int photo;

	*agency = NULL;
	if (end_mark(s, n))
		return 1;
	*agency = art_lone_credit(s, n, &photo);
	return *agency != NULL;
}

/* A sign-off may follow a sentence's end, or stand in brackets or after
 * a dash after any word ("... on Monday (AFP)", "... on Monday -- AP"). */
size_t
art_signoff_tail(const char *s, size_t n, const char **agency)
{
	size_t k, lim = n > 30 ? n - 30 : 2;
	unsigned char prev;

	*agency = NULL;
	if (lim < 2)
		lim = 2;
	for (k = n; k-- > lim;) {
		if (s[k - 1] != ' ')
			continue;
		prev = (unsigned char)s[k - 2];
		if (!(s[k] == '(' || s[k] == '[' || s[k] == '-' || s[k] == '#'
		    || (unsigned char)s[k] == 0xE2 || prev == '.' || prev == '!' || prev == '?'
		    || prev == '"' || prev == 0x9D))
			continue;
		if (art_signoff(s + k, n - k, agency))
			return n - k + 1;
	}
	return 0;
}
