/* Unit test of lib/text.c's text_fold: folding run by run (ASCII
 * without utf8proc) gives what utf8proc_map gives for the whole text,
 * on texts that put marks, ignorable code points, compatibility forms
 * and Hangul jamo at the borders of the runs.  Exits 1 on a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "expect.h"
#include "text.h"

/* utf8proc_map of the whole text, as text_fold once did. */
static char *
whole(const char *s, size_t n, size_t *len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t l = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &out, UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);

	if (l < 0) {
		*len = 0;
		free(out);
		return NULL;
	}
	*len = (size_t)l;
	return (char *)out;
}

static void
same(const char *what, const char *s, size_t n)
{
	size_t lw, lf;
	char *w = whole(s, n, &lw), *f = text_fold(s, n, &lf);

	if (!w)
		lw = 0;
	if (lw != lf || (lw && memcmp(w, f, lw) != 0)) {
		printf("FAIL %s: %zu bytes, want %zu\n", what, lf, lw);
		failed = 1;
	}
	free(w);
	free(f);
}

static const char *const pieces[] = {
	"A", "e", "Z", " ", "-", "1", "'",
	"\xCC\x81",		/* combining acute */
	"\xCC\xA7",		/* combining cedilla */
	"\xC2\xAD",		/* soft hyphen (ignorable) */
	"\xE2\x80\x8D",		/* zero width joiner */
	"\xC3\xA9",		/* é */
	"\xC3\x9F",		/* ß */
	"\xEF\xAC\x81",		/* ﬁ */
	"\xEF\xBC\xA1",		/* fullwidth A */
	"\xCE\xA3",		/* Σ */
	"\xE1\x84\x80",		/* Hangul choseong kiyeok */
	"\xE1\x85\xA1",		/* Hangul jungseong a */
	"\xE1\x86\xA8",		/* Hangul jongseong kiyeok */
	"\xE2\x80\x99",		/* right single quote */
	"\xE2\x84\xAB",		/* angstrom sign */
	"\xE0\xA5\x8D",		/* devanagari virama */
};

int
main(void)
{
	char buf[64];
	size_t np = sizeof pieces / sizeof *pieces, i, k, n;
	unsigned long r = 12345;

	same("empty", "", 0);
	same("ascii", "Kim Jong-Un 42", 14);
	same("nul", "A\0B\xC3\x89", 5);
	same("invalid", "ab\xC3(", 4);
	same("mark after ascii", "Cafe\xCC\x81 Noe\xCC\x88l", 14);
	/* every piece next to every other, then random strings of them */
	for (i = 0; i < np; i++)
		for (k = 0; k < np; k++) {
			n = (size_t)snprintf(buf, sizeof buf, "%s%s%s", pieces[i],
			    pieces[k], pieces[i]);
			same("pair", buf, n);
		}
	for (i = 0; i < 20000; i++) {
		n = 0;
		for (k = 0; k < 6; k++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s",
			    pieces[(r >> 33) % np]);
		}
		same("random", buf, n);
	}
	if (!failed)
		printf("text: ok\n");
	return failed;
}
