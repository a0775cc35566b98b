/* floor: the least a JSON filter can do, as the yardstick of make bench.
 * Read a line, parse it with jansson and the flags every filter uses
 * (lib/record.c), set one field, write the object compactly with
 * jansson.  Nothing of lib/ is used, so the figure is jansson's alone:
 * a filter that runs below it does less JSON work than a parse and a
 * write of every record. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

int
main(int argc, char **argv)
{
	FILE *in = stdin;
	char *line = NULL, *out = NULL;
	size_t cap = 0, ocap = 0, n;
	ssize_t len;
	unsigned long lineno = 0;
	json_error_t err;
	json_t *rec;
	int status = 0;

	if (argc > 2 || (argc == 2 && !(in = fopen(argv[1], "r")))) {
		fprintf(stderr, "usage: floor [FILE]\n");
		return 2;
	}
	while ((len = getline(&line, &cap, in)) != -1) {
		lineno++;
		rec = json_loadb(line, (size_t)len,
		    JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
		if (!rec || !json_is_object(rec)) {
			fprintf(stderr, "floor: %lu: %s\n", lineno, rec ? "not an object" : err.text);
			json_decref(rec);
			status = 1;
			continue;
		}
		json_object_set_new(rec, "floor", json_true());
		while ((n = json_dumpb(rec, out, ocap, JSON_COMPACT)) >= ocap) {
			ocap = n + 1 > 2 * ocap ? n + 1 : 2 * ocap;
			if (!(out = realloc(out, ocap)))
				return 1;
		}
		out[n] = '\n';
		if (fwrite(out, 1, n + 1, stdout) != n + 1)
			return 1;
		json_decref(rec);
	}
	free(line);
	free(out);
	return fclose(stdout) == 0 ? status : 1;
}
