/* scan: one line of JSON checked in one pass exactly as lib/record.c has
 * jansson read it (an object, valid UTF-8, no NUL or \u0000, no
 * duplicate key at any depth, at most 2048 levels, integers within 64
 * bits, reals that do not overflow), its top-level members located, and
 * any of them decoded on demand.  It is what lets a filter read the few
 * fields it needs and pass the rest of a record through as written
 * (lib/splice.h); tests/unit/scan.c and fuzz/scan.c hold it to
 * jansson's verdicts and values.
 *
 * It says only yes or no: a line it refuses is handed to jansson, whose
 * message the record contract reports. */
#ifndef SCAN_H
#define SCAN_H

#include <stddef.h>
#include <jansson.h>

#include "buf.h"
#include "hash.h"

/* jansson's limit: a value inside 2048 arrays and objects is refused. */
#define SCAN_MAXDEPTH	2048

/* A top-level member of the object: its key decoded, its value as it
 * is written in the line. */
struct scan_member {
	const char *key;	/* decoded, valid until the next scan_object() */
	size_t klen;
	const char *raw;	/* the key as written, quotes included */
	size_t rklen;
	const char *val;	/* the value's first byte */
	size_t vlen;
	int spaced;		/* the value holds white space outside strings */
};

struct scan_key;

struct scan {
	struct scan_member *m;	/* the top-level members, in order */
	size_t n, mcap;
	/* work space, kept from line to line */
	struct scan_key *keys;	/* the keys of the objects open, outermost first */
	size_t nkeys, kcap;
	size_t *frame;		/* per open object: its first key in keys */
	struct buf dec;		/* decoded keys that had escapes */
	struct buf tmp;		/* a number or string being decoded */
	struct hash_index ix;	/* duplicate check of large objects */
};

#define SCAN_INIT { NULL, 0, 0, NULL, 0, 0, NULL, BUF_INIT, BUF_INIT, HASH_INDEX_INIT }

/* Check s[0..n) and locate its members: 1 when jansson reads it as an
 * object, 0 when it does not (then jansson says why). */
int scan_object(struct scan *sc, const char *s, size_t n);
/* The member with key (a C string), or NULL. */
const struct scan_member *scan_find(const struct scan *sc, const char *key);
/* The member's value as jansson decodes it (a new reference). */
json_t *scan_value(struct scan *sc, const struct scan_member *m);
void scan_free(struct scan *sc);

#endif
