/* keymap: a map from byte strings to numbers over lib/hash's index; the
 * keys are copied, each ending in a NUL, into one buffer, and compared
 * in full. */
#ifndef KEYMAP_H
#define KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"

struct keymap {
	struct keyent {
		size_t off, len;	/* the key: b.s[off..off+len) */
		uint64_t h;
		size_t val;
	} *e;
	size_t n, cap;
	struct buf b;
	struct hash_index ix;
};

#define KEYMAP_INIT { NULL, 0, 0, BUF_INIT, HASH_INDEX_INIT }

/* The entry of key k[0..len), or NULL. */
struct keyent *keymap_find(const struct keymap *m, const char *k, size_t len);
/* Add key k[0..len), which is not in m yet, with value val.  An entry
 * stays where it is until the next addition. */
struct keyent *keymap_add(struct keymap *m, const char *k, size_t len,
    size_t val);
/* The entry of key k[0..len), added with value val if new. */
struct keyent *keymap_get(struct keymap *m, const char *k, size_t len,
    size_t val);
/* The key of entry e (NUL-terminated). */
const char *keymap_key(const struct keymap *m, const struct keyent *e);
/* Empty it, keeping its memory. */
void keymap_clear(struct keymap *m);
void keymap_free(struct keymap *m);

#endif
