/* Fuzz target: the tokeniser (lib/token.h).  Tokens must be non-empty,
 * inside the text, in order, not overlapping, and their code-point
 * offsets must agree with their byte offsets; sentences and paragraphs
 * are numbered from 0 up by ones, a new one beginning a sentence. */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "text.h"
#include "entity/token.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-token");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct token_list l = TOKEN_LIST_INIT;
	size_t i, end = 0;

	if (text_invalid_at(s, size) < size)
		return 0;
	token_split(s, size, &l);
	for (i = 0; i < l.n; i++) {
		const struct token *t = &l.v[i];

		if (t->len == 0 || t->off < end || t->off + t->len > size)
			abort();
		if (t->cp != text_cplen(s, t->off)
		    || t->cplen != text_cplen(s + t->off, t->len))
			abort();
		if (i == 0 ? t->sno || t->para || !t->sent :
		    t->sno != t[-1].sno + (t->sent != 0) ||
		    (t->para != t[-1].para && (t->para != t[-1].para + 1 ||
		    !t->sent || !t->line)))
			abort();
		end = t->off + t->len;
	}
	token_list_free(&l);
	return 0;
}
