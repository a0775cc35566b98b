/* lang_british: whether an English text spells the British way.
 *
 * Britain, Ireland, Australia, New Zealand, India and South Africa
 * write "colour", "centre", "organise", "travelled" and put the day
 * first in 12/04/2020; the United States writes "color", "center",
 * "organize", "traveled" and puts the month first.  A few word stems of
 * each spelling, counted among the text's first words, tell them
 * apart. */
#include <string.h>

#include "lang/lang.h"

#define MAX_WORDS	5000
#define MIN_BRITISH	2

/* Stems that start a word ("colour" finds "colours", "coloured"), each
 * one spelling's only in the words news uses; "program", "license",
 * "meter", "tire" are left out (both use them), and so is a stem that
 * starts a word of both ("organis" starts "organism", "labor"
 * "laboratory", "catalog" "catalogue"). */
static const char *const british_stems[] = {
	"colour", "favour", "flavour", "honour", "labour", "neighbour",
	"behaviour", "harbour", "rumour", "centre", "theatre", "programme",
	"organise", "organising", "organisation", "realise", "realising",
	"recognise", "recognising", "apologise", "apologising", "criticise",
	"criticising", "prioritise", "prioritising", "travelled", "travelling",
	"traveller", "cancelled", "cancelling", "modelled", "modelling",
	"labelled", "defence", "offence", "catalogue", "analyse", "whilst",
	"jewellery", "aluminium", "cheque", "pyjama", "moustache", "manoeuvr",
	"paediatric", "oestrogen", "aeroplane"
};
static const char *const american_stems[] = {
	"color", "favor", "flavor", "neighbor", "behavior", "harbor", "rumor",
	"center", "theater", "organiz", "realiz", "recogniz", "apologiz",
	"criticiz", "prioritiz", "traveled", "traveling", "traveler",
	"canceled", "canceling", "modeled", "modeling", "labeled", "defense",
	"offense", "analyz", "jewelry", "aluminum", "pajama", "mustache",
	"maneuver", "pediatric", "estrogen", "airplane"
};
/* Words counted whole or with a plural "s" ("mum" is no "Mumbai"). */
static const char *const british_words[] = { "mum", "grey", "kerb" };
static const char *const american_words[] = {
	"mom", "gray", "labor", "labored", "laborer", "honor", "honored",
	"honoring", "catalog", "cataloged"
};
#define LEN(a)	(sizeof (a) / sizeof (a)[0])

static int
letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The word w[0..n) (lower case) starts with one of the stems, or is one
 * of the words (or its plural) when whole is set. */
static int
listed(const char *w, size_t n, const char *const *list, size_t len, int whole)
{
	size_t i, k;

	for (i = 0; i < len; i++) {
		k = strlen(list[i]);
		if (n < k || memcmp(w, list[i], k) != 0)
			continue;
		if (!whole || n == k || (n == k + 1 && w[k] == 's'))
			return 1;
	}
	return 0;
}

int
lang_british(const char *s, size_t n)
{
	char w[24];
	size_t i = 0, len, words = 0, gb = 0, us = 0;

	while (i < n && words < MAX_WORDS) {
		/* the pound sign: British money */
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA3)
			gb++;
		if (!letter((unsigned char)s[i])) {
			i++;
			continue;
		}
		for (len = 0; i < n && letter((unsigned char)s[i]); i++, len++)
			if (len < sizeof w)
				w[len] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		words++;
		if (len > sizeof w)
			continue;
		gb += listed(w, len, british_stems, LEN(british_stems), 0)
		    || listed(w, len, british_words, LEN(british_words), 1);
		us += listed(w, len, american_stems, LEN(american_stems), 0)
		    || listed(w, len, american_words, LEN(american_words), 1);
	}
	return gb >= MIN_BRITISH && gb > 2 * us;
}
