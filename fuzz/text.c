/* Fuzz target: the UTF-8 helpers of lib/text.h, checked against each
 * other: decoding step by step must agree with text_invalid_at() and,
 * on valid text, with text_cplen(); text_fold() of valid text must be
 * valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-text");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i = 0, ncp = 0, bad, flen;
	int32_t cp;
	int len;
	char *f;

	bad = text_invalid_at(s, size);
	while (i < size) {
		if ((len = text_decode(s + i, size - i, &cp)) < 0)
			break;
		if (len == 0 || (size_t)len > size - i || cp < 0 || cp > 0x10FFFF)
			abort();
		/* The classes must not contradict each other. */
		if (text_is_digit(cp) && text_is_space(cp))
			abort();
		if (text_is_upper(cp) && !text_is_alpha(cp))
			abort();
		i += (size_t)len;
		ncp++;
	}
	if (i != bad)
		abort();
	if (bad < size)
		return 0;
	if (text_cplen(s, size) != ncp)
		abort();
	f = text_fold(s, size, &flen);
	if (text_invalid_at(f, flen) != flen)
		abort();
	free(f);
	return 0;
}
