/* conll: read CoNLL-2003 files (token POS chunk tag, blank line between
 * sentences) for the tagger's trainer and scorer. */
#ifndef CONLL_H
#define CONLL_H

#include <stddef.h>

#include "entity/ner.h"

struct conll {
	struct ner_word *w;	/* every token, into text */
	int *tag;		/* gold BIO tags (IOB1 converted) */
	size_t ntok;
	size_t *sent;		/* sentence k: tokens sent[k]..sent[k+1]-1 */
	size_t nsent;
	size_t *doc;		/* document k: sentences doc[k]..doc[k+1]-1 */
	size_t ndoc;
	char *text;
};

/* Read path; dies on error. */
void conll_read(struct conll *c, const char *path);
void conll_free(struct conll *c);

#endif
