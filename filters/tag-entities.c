/* tag-entities: placeholder that passes records through until its issue lands. */
#include <getopt.h>
#include <jansson.h>

#include "diag.h"
#include "record.h"

static const char synopsis[] = "[--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Pass NDJSON article records through (placeholder).\n"
    "\n"
    "  --strict        stop at the first line that is not a JSON object\n"
    "  --rejects FILE  append rejected lines to FILE\n"
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | tag-entities | to-csv\n";

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	(void)rec, (void)src, (void)arg;
	return RECORD_WRITE;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			diag_usage(0, synopsis, help);
		case 'V':
			diag_version();
		default:
			if (!record_option(c, optarg))
				diag_usage(2, synopsis, help);
		}
	}
	return record_done(record_each(argc - optind, argv + optind, each, NULL));
}
