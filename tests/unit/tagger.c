/* Unit test of lib/entity/tagger.c's decoder: the BIO constraints, and
 * no mention across a line or sentence break, whatever the scores say.
 * Exits 1 on a failure. */
#include <stdio.h>
#include <string.h>

#include "entity/ner.h"
#include "expect.h"


int
main(void)
{
	struct ner_ctx c = { 0 };
	struct ner_word w[4] = { { "Ada", 3, NER_BRK_SENT },
	    { "Obi", 3, NER_BRK_NONE }, { "Ola", 3, NER_BRK_LINE },
	    { "Eze", 3, NER_BRK_NONE } };
	float emit[4 * NER_NTAGS], trans[(NER_NTAGS + 1) * NER_NTAGS];
	int tags[4], i;

	memset(trans, 0, sizeof trans);
	memset(emit, 0, sizeof emit);
	/* every token wants to continue a person's name */
	for (i = 0; i < 4; i++)
		emit[i * NER_NTAGS + NER_I(NER_PER)] = 10;
	emit[0 * NER_NTAGS + NER_B(NER_PER)] = 5;
	emit[2 * NER_NTAGS + NER_B(NER_PER)] = 1;
	ner_viterbi(&c, emit, trans, w, 4, tags);
	expect("begins", tags[0], NER_B(NER_PER));
	expect("continues", tags[1], NER_I(NER_PER));
	expect("a line break begins a new mention", tags[2], NER_B(NER_PER));
	expect("which continues", tags[3], NER_I(NER_PER));
	/* without breaks it is one mention */
	ner_viterbi(&c, emit, trans, NULL, 4, tags);
	expect("no break: one mention", tags[2], NER_I(NER_PER));
	/* I-X never follows O or another type */
	memset(emit, 0, sizeof emit);
	emit[0 * NER_NTAGS + NER_O] = 5;
	emit[0 * NER_NTAGS + NER_B(NER_ORG)] = -100;
	emit[1 * NER_NTAGS + NER_I(NER_ORG)] = 10;
	emit[1 * NER_NTAGS + NER_B(NER_LOC)] = 1;
	ner_viterbi(&c, emit, trans, NULL, 2, tags);
	expect("O first", tags[0], NER_O);
	expect("no I- after O", tags[1], NER_B(NER_LOC));
	ner_ctx_free(&c);
	if (!failed)
		printf("tagger: ok\n");
	return failed;
}
