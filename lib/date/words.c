/* date words: the names dates are written with, in English (months,
 * weekdays and their abbreviations) and the other languages news pages
 * are written in (month names), the non-ASCII letters inside them, and
 * the cheap test of where a date may start in a longer line.  date.c
 * parses; these say what a word is. */
#include <string.h>

#include "date/date.h"
#include "date/words.h"

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};
static const char *const wdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* s[0..n) equals the lower-case word w, ignoring case. */
int
date_word_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return w[n] == '\0';
}

/* s[0..n) is the full name, or a prefix of at least 3 letters that is
 * one of the usual abbreviations. */
static int
name_match(const char *s, size_t n, const char *full, size_t minlen, const char *alt)
{
	size_t i;

	if (date_word_eq(s, n, full) || (alt && date_word_eq(s, n, alt)))
		return 1;
	if (n != minlen)
		return 0;
	for (i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != full[i])
			return 0;
	return 1;
}

int
date_month_name(const char *s, size_t n)
{
	int m;

	for (m = 0; m < 12; m++)
		if (name_match(s, n, months[m], 3, m == 8 ? "sept" : NULL))
			return m + 1;
	return 0;
}

/* Month names and their usual abbreviations in the other languages
 * pages are written in: German, French, Spanish, Italian, Portuguese,
 * Dutch, Polish (genitive and nominative), the Scandinavian languages,
 * Finnish, Czech, Turkish and Russian (genitive).  Lower case, as
 * written; "mai" is May in German and French alike. */
struct foreign_name {
	const char *name;
	int value;		/* the month, 1 January; the weekday, 0 Monday */
};

static const struct foreign_name foreign_months[] = {
	{ "januar", 1 }, { "jänner", 1 }, { "janvier", 1 }, { "janv", 1 },
	{ "enero", 1 }, { "ene", 1 }, { "gennaio", 1 }, { "gen", 1 },
	{ "janeiro", 1 }, { "januari", 1 }, { "stycznia", 1 }, { "styczeń", 1 },
	{ "tammikuuta", 1 }, { "tammikuu", 1 }, { "ledna", 1 }, { "ocak", 1 },
	{ "января", 1 },
	{ "februar", 2 }, { "feber", 2 }, { "février", 2 }, { "févr", 2 },
	{ "fevrier", 2 }, { "febrero", 2 }, { "febbraio", 2 }, { "fevereiro", 2 },
	{ "februari", 2 }, { "lutego", 2 }, { "luty", 2 }, { "helmikuuta", 2 },
	{ "helmikuu", 2 }, { "února", 2 }, { "şubat", 2 }, { "февраля", 2 },
	{ "märz", 3 }, { "mär", 3 }, { "mrz", 3 }, { "maerz", 3 }, { "mars", 3 },
	{ "marzo", 3 }, { "março", 3 }, { "marco", 3 }, { "maart", 3 },
	{ "mrt", 3 }, { "marca", 3 }, { "marzec", 3 }, { "marts", 3 },
	{ "maaliskuuta", 3 }, { "maaliskuu", 3 }, { "března", 3 }, { "mart", 3 },
	{ "марта", 3 },
	{ "avril", 4 }, { "avr", 4 }, { "abril", 4 }, { "aprile", 4 },
	{ "kwietnia", 4 }, { "kwiecień", 4 }, { "huhtikuuta", 4 },
	{ "huhtikuu", 4 }, { "dubna", 4 }, { "nisan", 4 }, { "апреля", 4 },
	{ "mai", 5 }, { "mayo", 5 }, { "maggio", 5 }, { "mag", 5 }, { "maio", 5 },
	{ "mei", 5 }, { "maja", 5 }, { "maj", 5 }, { "toukokuuta", 5 },
	{ "toukokuu", 5 }, { "května", 5 }, { "mayıs", 5 }, { "мая", 5 },
	{ "juni", 6 }, { "juin", 6 }, { "junio", 6 }, { "giugno", 6 },
	{ "giu", 6 }, { "junho", 6 }, { "czerwca", 6 }, { "czerwiec", 6 },
	{ "kesäkuuta", 6 }, { "kesäkuu", 6 }, { "června", 6 }, { "haziran", 6 },
	{ "июня", 6 },
	{ "juli", 7 }, { "juillet", 7 }, { "juil", 7 }, { "julio", 7 },
	{ "luglio", 7 }, { "lug", 7 }, { "julho", 7 }, { "lipca", 7 },
	{ "lipiec", 7 }, { "heinäkuuta", 7 }, { "heinäkuu", 7 },
	{ "července", 7 }, { "temmuz", 7 }, { "июля", 7 },
	{ "août", 8 }, { "aout", 8 }, { "agosto", 8 }, { "ago", 8 },
	{ "augustus", 8 }, { "augusti", 8 }, { "sierpnia", 8 },
	{ "sierpień", 8 }, { "elokuuta", 8 }, { "elokuu", 8 }, { "srpna", 8 },
	{ "ağustos", 8 }, { "августа", 8 },
	{ "septembre", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "settembre", 9 }, { "set", 9 }, { "setembro", 9 }, { "września", 9 },
	{ "wrzesień", 9 }, { "syyskuuta", 9 }, { "syyskuu", 9 }, { "září", 9 },
	{ "eylül", 9 }, { "сентября", 9 },
	{ "oktober", 10 }, { "okt", 10 }, { "octobre", 10 }, { "octubre", 10 },
	{ "ottobre", 10 }, { "ott", 10 }, { "outubro", 10 },
	{ "października", 10 }, { "październik", 10 }, { "lokakuuta", 10 },
	{ "lokakuu", 10 }, { "října", 10 }, { "ekim", 10 }, { "октября", 10 },
	{ "novembre", 11 }, { "noviembre", 11 }, { "novembro", 11 },
	{ "listopada", 11 }, { "listopad", 11 }, { "marraskuuta", 11 },
	{ "marraskuu", 11 }, { "kasım", 11 }, { "ноября", 11 },
	{ "dezember", 12 }, { "dez", 12 }, { "décembre", 12 }, { "déc", 12 },
	{ "decembre", 12 }, { "diciembre", 12 }, { "dic", 12 },
	{ "dicembre", 12 }, { "dezembro", 12 }, { "grudnia", 12 },
	{ "grudzień", 12 }, { "desember", 12 }, { "joulukuuta", 12 },
	{ "joulukuu", 12 }, { "prosince", 12 }, { "aralık", 12 },
	{ "декабря", 12 },
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

/* The value of the name in table t (nt names) that s[0..n) is, -1 if
 * none. */
static int
foreign_find(const struct foreign_name *t, size_t nt, const char *s, size_t n)
{
	size_t i;
	int c;

	if (n == 0)
		return -1;
	/* foreign_eq's first test, ahead of the call: most words of a
	 * text fail it against every name */
	c = lower((unsigned char)s[0]);
	for (i = 0; i < nt; i++)
		if ((unsigned char)t[i].name[0] == c && foreign_eq(s, n, t[i].name))
			return t[i].value;
	return -1;
}

int
date_foreign_month(const char *s, size_t n)
{
	int m = foreign_find(foreign_months, sizeof foreign_months / sizeof foreign_months[0], s, n);

	return m < 0 ? 0 : m;
}

/* Weekday names in German, French, Spanish (its "sábado" and "domingo"
 * Portuguese too), Italian, Dutch and Polish; 0 is Monday. */
static const struct foreign_name foreign_wdays[] = {
	{ "montag", 0 }, { "dienstag", 1 }, { "mittwoch", 2 }, { "donnerstag", 3 },
	{ "freitag", 4 }, { "samstag", 5 }, { "sonnabend", 5 }, { "sonntag", 6 },
	{ "lundi", 0 }, { "mardi", 1 }, { "mercredi", 2 }, { "jeudi", 3 },
	{ "vendredi", 4 }, { "samedi", 5 }, { "dimanche", 6 },
	{ "lunes", 0 }, { "martes", 1 }, { "miércoles", 2 }, { "miercoles", 2 },
	{ "jueves", 3 }, { "viernes", 4 }, { "sábado", 5 }, { "sabado", 5 },
	{ "domingo", 6 },
	{ "lunedì", 0 }, { "martedì", 1 }, { "mercoledì", 2 }, { "giovedì", 3 },
	{ "venerdì", 4 }, { "sabato", 5 }, { "domenica", 6 },
	{ "maandag", 0 }, { "dinsdag", 1 }, { "woensdag", 2 }, { "donderdag", 3 },
	{ "vrijdag", 4 }, { "zaterdag", 5 }, { "zondag", 6 },
	{ "poniedziałek", 0 }, { "wtorek", 1 }, { "środa", 2 }, { "czwartek", 3 },
	{ "piątek", 4 }, { "sobota", 5 }, { "niedziela", 6 },
};

int
date_weekday_name(const char *s, size_t n)
{
	static const char *const alt[] = {
		"mon", "tues", "wed", "thur", "fri", "sat", "sun"
	};
	int w;

	for (w = 0; w < 7; w++) {
		if (name_match(s, n, wdays[w], 3, alt[w]))
			return w;
		if (w == 3 && date_word_eq(s, n, "thurs"))
			return w;
	}
	return foreign_find(foreign_wdays, sizeof foreign_wdays / sizeof foreign_wdays[0], s, n);
}

/* The length of the non-ASCII letter at s (0: none).  Sequences led by
 * 0xC2 (U+0080-U+00BF: no-break space, guillemets) and 0xE2 (U+2000-
 * U+2FFF: spaces, dashes, quotes) are separators, not letters. */
size_t
date_letter_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t k = 1;

	if (c < 0xC3 || c == 0xE2)
		return 0;
	while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

int
date_may_start(const char *s, size_t n)
{
	static const char *const labels[] = {
		"date", "dated", "published", "posted", "updated", "on"
	};
	size_t k, i, l;

	if (n == 0)
		return 0;
	if (s[0] >= '0' && s[0] <= '9')
		return 1;
	for (k = 0; k < n; k += l) {
		l = date_letter_len(s + k, n - k);
		if (!l && !(((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z'))
			break;
		if (!l)
			l = 1;
	}
	if (k < 2)
		return 0;
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (foreign_eq(s, k, labels[i]))
			return 1;
	return date_month_name(s, k) || date_foreign_month(s, k) || date_weekday_name(s, k) >= 0;
}
