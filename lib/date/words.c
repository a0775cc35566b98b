/* date words: what date_parse reads of other languages (month names of
 * German, French, Spanish, Portuguese, Italian, Dutch and Polish, and
 * their accented letters), and the cheap test of where a date may start
 * in a longer line.  Kept apart from date.c, which parses. */
#include <string.h>

#include "date/date.h"
#include "date/words.h"

/* A two-byte UTF-8 letter of Latin-1 or Latin Extended-A (U+00C0 to
 * U+017F, not the signs U+00D7 and U+00F7) at s. */
int
date_latin_letter(const char *s, size_t n)
{
	unsigned char a = (unsigned char)s[0], b = n > 1 ? (unsigned char)s[1] : 0;

	if (n < 2 || b < 0x80 || b > 0xBF || a < 0xC3 || a > 0xC5)
		return 0;
	return !(a == 0xC3 && (b == 0x97 || b == 0xB7));
}

/* Month names of the other languages news pages are written in
 * (German, French, Spanish, Portuguese, Italian, Dutch, Polish in the
 * genitive that follows a day), full and in their usual abbreviations,
 * lower case.  English names that are also words elsewhere ("mars",
 * "mai") are only read here, inside a date, never in running text. */
static const struct {
	const char *name;
	int month;
} foreign_months[] = {
	{ "januar", 1 }, { "jänner", 1 }, { "janvier", 1 }, { "janv", 1 },
	{ "enero", 1 }, { "ene", 1 }, { "janeiro", 1 }, { "gennaio", 1 },
	{ "januari", 1 }, { "stycznia", 1 },
	{ "februar", 2 }, { "février", 2 }, { "févr", 2 }, { "fevrier", 2 },
	{ "febrero", 2 }, { "fevereiro", 2 }, { "fev", 2 }, { "febbraio", 2 },
	{ "februari", 2 }, { "lutego", 2 },
	{ "märz", 3 }, { "mär", 3 }, { "mrz", 3 }, { "maerz", 3 }, { "mars", 3 },
	{ "marzo", 3 }, { "março", 3 }, { "marco", 3 }, { "maart", 3 },
	{ "marca", 3 },
	{ "avril", 4 }, { "avr", 4 }, { "abril", 4 }, { "abr", 4 },
	{ "aprile", 4 }, { "kwietnia", 4 },
	{ "mai", 5 }, { "mayo", 5 }, { "maio", 5 }, { "maggio", 5 },
	{ "mei", 5 }, { "maja", 5 },
	{ "juni", 6 }, { "juin", 6 }, { "junio", 6 }, { "junho", 6 },
	{ "giugno", 6 }, { "czerwca", 6 },
	{ "juli", 7 }, { "juillet", 7 }, { "juil", 7 }, { "julio", 7 },
	{ "julho", 7 }, { "luglio", 7 }, { "lipca", 7 },
	{ "août", 8 }, { "aout", 8 }, { "agosto", 8 }, { "ago", 8 },
	{ "augustus", 8 }, { "sierpnia", 8 },
	{ "septembre", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "setembro", 9 }, { "settembre", 9 }, { "września", 9 },
	{ "oktober", 10 }, { "okt", 10 }, { "octobre", 10 }, { "octubre", 10 },
	{ "outubro", 10 }, { "ottobre", 10 }, { "października", 10 },
	{ "noviembre", 11 }, { "novembro", 11 }, { "listopada", 11 },
	{ "dezember", 12 }, { "dez", 12 }, { "décembre", 12 }, { "déc", 12 },
	{ "decembre", 12 }, { "diciembre", 12 }, { "dic", 12 },
	{ "dezembro", 12 }, { "dicembre", 12 }, { "grudnia", 12 }
};

/* s[0..n) equals w, ASCII letters and the upper-case letters of
 * Latin-1 compared without case ("MÄRZ" is "märz"). */
static int
foreign_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!w[i])
			return 0;
		if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
			c += 0x20;
		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[i])
			return 0;
	}
	return w[n] == '\0';
}

int
date_foreign_month(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof foreign_months / sizeof foreign_months[0]; i++)
		if (foreign_eq(s, n, foreign_months[i].name))
			return foreign_months[i].month;
	return 0;
}

int
date_may_start(const char *s, size_t n)
{
	static const char *const labels[] = {
		"date", "dated", "published", "posted", "updated", "on"
	};
	size_t k, i;

	if (n == 0)
		return 0;
	if (s[0] >= '0' && s[0] <= '9')
		return 1;
	for (k = 0; k < n; k++)
		if (date_latin_letter(s + k, n - k))
			k++;
		else if (!(((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z'))
			break;
	if (k < 2)
		return 0;
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (foreign_eq(s, k, labels[i]))
			return 1;
	return date_month_name(s, k) || date_foreign_month(s, k) || date_weekday_name(s, k) >= 0;
}
