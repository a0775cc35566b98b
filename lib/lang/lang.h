/* lang: which language a text is written in, by its commonest words.
 *
 * Function words (articles, pronouns, prepositions, conjunctions) make
 * up a third or more of running text in every European language and
 * differ between them, so counting them tells the language of a few
 * sentences apart (the method of Grefenstette, "Comparing two language
 * identification schemes", JADT 1995).  For records that declare none:
 * normalize-date needs to know whether numbers like 3/5/2022 put the
 * day first, and of English, whether it is spelled the British way. */
#ifndef LANG_H
#define LANG_H

#include <stddef.h>

/* The language of s[0..n) (UTF-8) as a two-letter ISO 639-1 code, "en",
 * "de", "es", "fr", "it", "nl", "pt" or "pl"; NULL when its first 2,000
 * words hold fewer than 8 function words or no language has twice the
 * count of the next. */
const char *lang_guess(const char *s, size_t n);

/* An English text s[0..n) spells the British way ("colour", "centre",
 * "organise", "travelled", the pound sign), as the countries that put
 * the day first in 12/04/2020 do: two such words or more among its
 * first 5,000, and more than twice its American ones ("color"). */
int lang_british(const char *s, size_t n);

#endif
