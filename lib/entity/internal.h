/* internal: what the tagger's files share (lib/entity/features.c makes
 * the token descriptions, tagger.c reads them after decoding). */
#ifndef ENTITY_INTERNAL_H
#define ENTITY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "entity/ner.h"

/* One token of the sentence in a struct ner_ctx: its forms are strings
 * in the context's text buffer. */
struct ner_tokinfo {
	size_t word, wlen;	/* normalised form, offsets into text */
	size_t low, llen;	/* lower case, digits as 0 */
	size_t shape, shlen;	/* Xxxxx */
	size_t ss, sslen;	/* Xx */
	size_t pre[4], suf[4];	/* affix lengths in bytes of low, 0: none */
	unsigned cplen;
	unsigned flags;
	uint8_t gb, gi;		/* gazetteer classes begun / continued here */
};

enum { T_INIT = 1, T_DIGIT = 2, T_HYPHEN = 4, T_PERIOD = 8, T_UPPER = 16,
	T_LOWER = 32, T_ALLCAPS = 64 };

#endif
