/* split-header: placeholder that wraps each article file in a record
 * (id, source, body) until its issue lands. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "record.h"
#include "text.h"
#include "walk.h"

static const char synopsis[] = "[--strict] [--rejects FILE] [PATH...]";
static const char help[] =
    "Turn raw article files into NDJSON records (placeholder).\n"
    "\n"
    "  --strict        stop at the first article that cannot be read\n"
    "  --rejects FILE  append rejected articles to FILE\n"
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | jq -r .id\n";

static int
read_all(FILE *fp, struct buf *b)
{
	char chunk[1 << 16];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, n);
	return ferror(fp) ? -1 : 0;
}

static void
emit(const char *id, const char *path, struct buf *text)
{
	struct record_src src = { path, 0, text->s, text->len };
	size_t bad;
	json_t *rec;

	if ((bad = text_invalid_at(text->s ? text->s : "", text->len)) < text->len) {
		record_reject(&src, "invalid UTF-8 at byte %zu", bad + 1);
		return;
	}
	rec = json_object();
	record_set_str(rec, "id", id);
	record_set_str(rec, "source", path);
	record_set_strn(rec, "body", text->s ? text->s : "", text->len);
	record_write(rec);
	json_decref(rec);
}

static int
one_file(const char *path, void *arg)
{
	struct buf text = BUF_INIT, id = BUF_INIT;
	const char *base = strrchr(path, '/'), *dot;
	FILE *fp;
	int status = 0;

	(void)arg;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	buf_add(&id, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
	if (!(fp = fopen(path, "r"))) {
		warn("%s:", path);
		return 1;
	}
	if (read_all(fp, &text) != 0) {
		warn("%s: read error:", path);
		status = 1;
	} else {
		emit(id.s, path, &text);
	}
	fclose(fp);
	buf_free(&text);
	buf_free(&id);
	return status;
}

static int
from_stdin(void)
{
	struct buf text = BUF_INIT;
	int status = 0;

	if (read_all(stdin, &text) != 0) {
		warn("<stdin>: read error:");
		status = 1;
	} else {
		emit("stdin", "<stdin>", &text);
	}
	buf_free(&text);
	return status;
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
	int c, status;

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
	argc -= optind;
	argv += optind;
	if (argc == 0 || (argc == 1 && strcmp(argv[0], "-") == 0))
		status = from_stdin();
	else
		status = walk_paths(argc, argv, one_file, NULL);
	return record_done(status | (record_count_rejected() > 0));
}
