/* terms: the words of a text as dedupe compares them, and the words and
 * phrases that name something (docs/dedupe.md).
 *
 * A word is a run of letters and digits; everything else, punctuation
 * included, only separates words, except that an ideograph (CJK, kana)
 * is a word of its own, since those scripts put no spaces between
 * words.  Keys are 64-bit hashes of case-folded words (lib/hash). */
#ifndef TERMS_H
#define TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Called with each word: its bytes in the text. */
typedef void terms_fn(const char *w, size_t len, void *arg);

/* Every word of s[0..n). */
void terms_words(const char *s, size_t n, terms_fn *fn, void *arg);
/* s[0..n) case-folded, accents and compatibility forms removed (NFKC),
 * in b (pure ASCII is only lower-cased: the same result, faster);
 * returns b's text and its length in *len. */
const char *terms_fold(struct buf *b, const char *s, size_t n, size_t *len);
/* The length of s[0..n) up to the end of its first max words. */
size_t terms_prefix(const char *s, size_t n, size_t max);
/* Key of a word of folded text: FNV-1a of its bytes. */
uint64_t terms_word_key(const char *w, size_t len);
/* Key of a name or phrase as written ("Kim Jong-un"): its folded words
 * joined by one space, so "KIM JONG UN" has the same key; 0 when it
 * has no word. */
uint64_t terms_phrase_key(const char *s, size_t n);

/* What terms_names reports. */
enum {
	TERMS_DIGITS = 1,	/* words with a digit: numbers, dates, codes */
	TERMS_CAPITALS = 2	/* capitalised words */
};
/* The words of s[0..n) that may name something, each as written.  A
 * sentence's first word counts too: a notice opens with the company's
 * name, and a common word that opens a sentence in one text opens it
 * in its copy as well. */
void terms_names(const char *s, size_t n, int what, terms_fn *fn, void *arg);

#endif
