/* Fuzz target: the header parser (lib/article/article.h) on any bytes,
 * with and without boilerplate removal, with --explain and as a body
 * split before.  Invalid UTF-8 must be refused with its offset;
 * otherwise every field, and every removed text, must be valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "diag.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-article");
	return 0;
}

static void
check(const char *s)
{
	if (s && text_invalid_at(s, strlen(s)) != strlen(s))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article a;
	size_t bad, i;
	int flags;

	static const int runs[] = {
		0, ARTICLE_KEEP_BOILERPLATE, ARTICLE_EXPLAIN,
		ARTICLE_EXPLAIN | ARTICLE_KEEP_BOILERPLATE, ARTICLE_BODY | ARTICLE_EXPLAIN
	};
	size_t r;

	for (r = 0; r < sizeof runs / sizeof runs[0]; r++) {
		flags = runs[r];
		if (article_parse(&a, (const char *)data, size, flags, &bad) != 0) {
			if (bad >= size || text_invalid_at((const char *)data, size) != bad)
				abort();
			return 0;
		}
		check(a.title), check(a.subtitle), check(a.outlet), check(a.agency);
		check(a.byline), check(a.url), check(a.dateline_place);
		check(a.dateline_date), check(a.date_raw), check(a.published_raw);
		for (i = 0; i < a.ntags; i++)
			check(a.tags[i]);
		if (!a.body || text_invalid_at(a.body, a.body_len) != a.body_len)
			abort();
		for (i = 0; i < a.nremoved; i++)
			if (!a.removed[i].reason || !a.removed[i].text[0])
				abort();
			else
				check(a.removed[i].text);
		if (!(flags & ARTICLE_EXPLAIN) && a.nremoved)
			abort();
		article_free(&a);
	}
	return 0;
}
