/* Fuzz target: the HTML engine (lib/html/html.h) on any bytes, as a
 * file (its encoding detected) and as UTF-8 text from a JSON field, with
 * and without boilerplate removal.  Every field must be valid UTF-8 and
 * the body never NULL; html_is_page must not read past the bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "diag.h"
#include "html/html.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-html");
	return 0;
}

static void
check(const char *s)
{
	if (s && text_invalid_at(s, strlen(s)) != strlen(s))
		abort();
}

static void
one(const char *s, size_t n, int flags)
{
	struct article a;
	size_t i;

	html_parse(&a, s, n, flags);
	check(a.title), check(a.outlet), check(a.byline), check(a.url);
	check(a.language), check(a.date_raw), check(a.date_modified_raw);
	for (i = 0; i < a.ntags; i++)
		check(a.tags[i]);
	for (i = 0; i < a.nauthors; i++)
		check(a.authors[i]);
	if (!a.body || strlen(a.body) != a.body_len
	    || text_invalid_at(a.body, a.body_len) != a.body_len)
		abort();
	article_free(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *copy = malloc(size + 1);

	/* exactly size bytes: ASan sees a read past them */
	memcpy(copy, s, size);
	(void)html_is_page(copy, size);
	free(copy);
	one(s, size, 0);
	one(s, size, HTML_KEEP_BOILERPLATE);
	if (text_invalid_at(s, size) == size && !memchr(s, '\0', size))
		one(s, size, HTML_DECODED);
	return 0;
}
