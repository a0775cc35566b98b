/* count-tokens: the tokens tag-entities tags in NDJSON records (the
 * string title and body of each, through the tagger's own tokeniser),
 * printed as one number, so that make bench can give the tagger's
 * speed in tokens per CPU second. */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "record.h"
#include "entity/token.h"

static struct token_list tl = TOKEN_LIST_INIT;
static unsigned long long ntok;

static void
count(const char *s)
{
	if (s)
		ntok += token_split(s, strlen(s), &tl);
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	(void)src, (void)arg;
	count(record_str(rec, "title"));
	count(record_str(rec, "body"));
	return RECORD_SKIP;
}

int
main(int argc, char **argv)
{
	int status;

	diag_init(argv[0]);
	status = record_each(argc - 1, argv + 1, each, NULL);
	token_list_free(&tl);
	printf("%llu\n", ntok);
	return record_done(status);
}
