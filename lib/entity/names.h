/* names: the rules that give every mention of an entity its canonical
 * name; lib/entity/names.c is their one home. */
#ifndef NAMES_H
#define NAMES_H

#include <stddef.h>

#include "entity/ner.h"

/* Make one document's tags consistent: a word standing alone that is the
 * first or last word of a longer person's name elsewhere in the document
 * (Quillfeather after Adaeze Quillfeather) is a person too, and next to
 * a person's name it is part of that name. */
void names_doc_fix(const struct ner_word *w, size_t n, int *tags);

#endif
