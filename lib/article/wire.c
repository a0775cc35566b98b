/* wire: how wire copy signs a story off: the agency alone on the last
 * line ("Reuter", "(AFP)", "-- AP") or after the last sentence ("... a
 * 50 pct stake. Reuter"), an end mark ("###", "[END]", "(END)",
 * "Enditem"), the editors' initials ("ab/jm"), a copyright notice. */
#include <string.h>

#include "article/internal.h"

/* "###", "[END]", "(END)", "-30-", "MORE" (the take goes on in the
 * next), a rule of marks ("***"), or a lone character reference left
 * from the markup the copy came in ("&#3;"). */
static int
end_mark(const char *s, size_t n)
{
	size_t i;

	if ((n == 5 && (eq_ci(s, 5, "[end]") || eq_ci(s, 5, "(end)")))
	    || (n == 4 && (!memcmp(s, "-30-", 4) || !memcmp(s, "MORE", 4))))
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

/* The initials of a story's editors, by which AFP signs it off
 * ("ab/jm", "bur-ach/dl"): groups of one to five lower-case letters
 * between slashes or hyphens, one slash at least. */
static int
initials(const char *s, size_t n)
{
	size_t i, run = 0, slashes = 0;

	if (n < 3 || n > 24)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z') {
			if (++run > 5)
				return 0;
		} else if ((s[i] == '/' || s[i] == '-') && run) {
			slashes += s[i] == '/';
			run = 0;
		} else {
			return 0;
		}
	}
	return run && slashes;
}

/* A copyright notice: "Copyright 2024 by United Press International.
 * All rights reserved.", "(c) 2024 Jane Doe", "© Example News"; *agency
 * the agency it names, if one.  "Copyright" must have a year or a mark
 * after it, as "Copyright law..." opens a sentence. */
static int
copyright(const char *s, size_t n, const char **agency)
{
	size_t k;
	int word = 0;

	if (n > 200 || nwords(s, n, 25) > 24)
		return 0;
	if (starts_word(s, n, "copyright")) {
		for (k = 9; k < n && s[k] == ' '; k++)
			;
		if (k == n || !(isdig((unsigned char)s[k]) || s[k] == '(' || (unsigned char)s[k] == 0xC2))
			return 0;
		s += k, n -= k, word = 1;
	}
	if (n >= 2 && !memcmp(s, "\xC2\xA9", 2))
		s += 2, n -= 2;
	else if (n >= 3 && eq_ci(s, 3, "(c)"))
		s += 3, n -= 3;
	else if (!word)
		return 0;
	while (n && (isdig((unsigned char)s[0]) || s[0] == ' ' || s[0] == '-' || s[0] == ','))
		s++, n--;
	if (starts_word(s, n, "by"))
		s += 2, n -= 2;
	*agency = article_agency(s, span_to(s, n, ".,"));
	return 1;
}

/* The phrases of a rights notice and a licence, in the languages news
 * is read in. */
static const char *const rights_phrases[] = {
	"all rights reserved", "alle rechte vorbehalten", "tous droits r\303\251serv\303\251s",
	"todos los derechos reservados", "tutti i diritti riservati", "alle rechten voorbehouden",
	"wszelkie prawa zastrze\305\274one", "may not be published, broadcast",
	"may not be reproduced", "licensed under a creative commons", "licensed under the creative commons",
	"licensed under cc", "unter einer creative commons", "unter der lizenz cc",
	"unter der lizenz creative commons", "sous licence creative commons",
	"bajo una licencia creative commons", "bajo licencia creative commons",
};

/* A word of a rights notice in s ("rights", "licensed", "©"): most
 * lines hold none, and only the starts of words are looked at. */
static int
rights_stem(const char *s, size_t n)
{
	static const char *const stems[] = {
		"rights", "rechte", "droits", "derechos", "diritti", "prawa", "may not be",
		"licen", "lizen", "creative", "copyright", "(c)", "\302\251",
	};
	const char *e = s + n, *sp;
	size_t k, m, left;

	static const unsigned char first[256] = {
		['r'] = 1, ['R'] = 1, ['d'] = 1, ['D'] = 1, ['p'] = 1, ['P'] = 1, ['m'] = 1,
		['M'] = 1, ['l'] = 1, ['L'] = 1, ['c'] = 1, ['C'] = 1, ['('] = 1, [0xC2] = 1,
	};

	for (; s < e; s = sp + 1) {
		left = (size_t)(e - s);
		for (k = 0; first[(unsigned char)s[0]] && k < LEN(stems); k++)
			if ((unsigned char)stems[k][0] == lower((unsigned char)s[0]) && left >= (m = strlen(stems[k]))
			    && eq_ci(s, m, stems[k]))
				return 1;
		if (!(sp = memchr(s, ' ', left)))
			break;
	}
	return 0;
}

int
art_rights_notice(const char *s, size_t n)
{
	const char *ag;
	size_t k;

	if (n > 300 || nwords(s, n, 41) > 40 || !rights_stem(s, n))
		return 0;
	/* a phrase quoted is the text's own ("“some rights reserved”") */
	for (k = 0; k < n; k++)
		if (art_quote_mark(s + k, n - k))
			return 0;
	if (copyright(s, n, &ag))
		return 1;
	for (k = 0; k < LEN(rights_phrases); k++)
		if (has_ci(s, n, rights_phrases[k]))
			return 1;
	return 0;
}

int
art_signoff(const char *s, size_t n, const char **agency)
{
	int photo;

	*agency = NULL;
	if (end_mark(s, n) || initials(s, n) || (n == 7 && eq_ci(s, 7, "enditem")))
		return 1;
	if ((*agency = art_lone_credit(s, n, &photo)))
		return 1;
	return copyright(s, n, agency);
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
