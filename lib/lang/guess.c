/* lang_guess: count the function words of each language among a text's
 * first words; the language with twice the count of the next wins. */
#include <string.h>

#include "lang/lang.h"

#define MAX_WORDS	2000	/* enough to decide; a book is not read */
#define MIN_HITS	8
#define MAX_WORD	8	/* bytes; no function word listed is longer */

/* Each language's commonest short words, space-separated and with a
 * space at both ends so " word " finds one.  A word of two languages
 * ("de", "la", "en") counts for both: only the others tell them apart. */
static const struct {
	const char *code;
	const char *words;
} langs[] = {
	{ "en", " the and of to in is that for with was on are it as by this"
	    " from have has were be at which said not but they he she his her"
	    " will would an or its " },
	{ "de", " der die und das ist nicht mit den von sich des auf f\xc3\xbcr"
	    " dem ein eine auch wird im zu sie es bei nach wie aus einer sind"
	    " werden hat noch nur " },
	{ "es", " el la los las que del por con una para es se su al m\xc3\xa1s"
	    " como pero fue son lo en y un sus ya est\xc3\xa1 este entre sobre"
	    " tambi\xc3\xa9n " },
	{ "fr", " le les des est une que qui dans pour pas sur au du avec ce"
	    " sont il elle et un par plus ne se aux ont \xc3\xa9t\xc3\xa9 cette"
	    " mais leur " },
	{ "it", " il della che non per una sono del gli con alla \xc3\xa8 anche"
	    " come pi\xc3\xb9 nel dei da si le di un ha delle nella questo"
	    " ma " },
	{ "nl", " de het een van en is dat niet op met voor zijn te aan ook er"
	    " maar om bij wordt naar dit deze die hij ze " },
	{ "pt", " o os as do da dos das n\xc3\xa3o uma em que com para por \xc3\xa9"
	    " mais foi se no na um ao pelo pela tamb\xc3\xa9m " },
	{ "pl", " i w na nie si\xc4\x99 z \xc5\xbc" "e do jest to o jak ale po od"
	    " za s\xc4\x85 przez dla tak ju\xc5\xbc oraz kt\xc3\xb3ry " },
};
#define NLANGS	(sizeof langs / sizeof langs[0])

/* ASCII letters and every byte of a multibyte sequence: the letters of
 * the words listed. */
static int
letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Count w (lower-cased, n bytes) for each language that lists it. */
static void
count(const char *w, size_t n, unsigned *hits)
{
	char key[MAX_WORD + 3];
	size_t i;

	key[0] = ' ';
	memcpy(key + 1, w, n);
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	for (i = 0; i < NLANGS; i++)
		if (strstr(langs[i].words, key))
			hits[i]++;
}

const char *
lang_guess(const char *s, size_t n)
{
	unsigned hits[NLANGS] = { 0 };
	char w[MAX_WORD];
	size_t i = 0, len, words = 0, best = 0, k;
	unsigned second = 0;

	while (i < n && words < MAX_WORDS) {
		while (i < n && !letter((unsigned char)s[i]))
			i++;
		for (len = 0; i < n && letter((unsigned char)s[i]); i++, len++)
			if (len < MAX_WORD)
				w[len] = (char)(s[i] >= 'A' && s[i] <= 'Z'
				    ? s[i] - 'A' + 'a' : s[i]);
		if (len == 0)
			break;
		words++;
		if (len <= MAX_WORD)
			count(w, len, hits);
	}
	for (k = 1; k < NLANGS; k++)
		if (hits[k] > hits[best])
			best = k;
	for (k = 0; k < NLANGS; k++)
		if (k != best && hits[k] > second)
			second = hits[k];
	if (hits[best] < MIN_HITS || hits[best] < 2 * second)
		return NULL;
	return langs[best].code;
}
