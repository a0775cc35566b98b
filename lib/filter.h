/* filter: what each program in filters/ provides besides main(), so that
 * its fuzz target (fuzz/filter.c) runs the program's own code on one
 * input at a time without main().  Each filters/NAME.c defines
 *
 *	const struct filter filter = { "NAME", setup, each, NULL, teardown };
 *
 * mk/fuzz.mk links that object into build/fuzz/bin/filter-NAME with its
 * main() made a local symbol (objcopy --localize-symbol=main), so
 * libFuzzer's main() runs instead; nothing else about the filter is
 * assumed. */
#ifndef FILTER_H
#define FILTER_H

#include "record.h"

struct filter {
	const char *name;
	/* Set the state up as main() would with no options (data files such
	 * as a model found as the program finds them); returns the last
	 * argument of record() or file().  Called once. */
	void *(*setup)(void);
	/* One NDJSON record, as record_each() hands it over; NULL when the
	 * program reads no records (then file is set). */
	record_fn *record;
	/* One raw input file, as walk_paths() hands it over; NULL when the
	 * program reads only records. */
	int (*file)(const char *path, void *arg);
	/* Free what setup() and the calls hold; NULL if nothing. */
	void (*teardown)(void *arg);
};

extern const struct filter filter;

#endif
