/* hash: the hash functions every engine uses, and one open-addressing
 * index from 64-bit hashes to item numbers.
 *
 * The index stores item numbers only (4 bytes a slot, linear probing);
 * the items and their keys stay in the caller's arrays, so a lookup walks
 * the items that may be filed under a hash and the caller compares keys:
 *
 *	for (i = hash_index_first(&ix, h, &pos); i >= 0;
 *	    i = hash_index_next(&ix, &pos))
 *		if (same(items[i], key))
 *			return i;
 *
 * Files depend on hash values (the tagger's model keys, dedupe's saved
 * exact hashes): hash_fnv and hash_mix never change (tests/unit/hash.c
 * holds golden values). */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_INIT	0xcbf29ce484222325ULL
#define HASH_FNV_PRIME	0x100000001b3ULL

/* FNV-1a, 64 bits, over s[0..n), continuing from h (start: HASH_FNV_INIT). */
uint64_t hash_fnv(uint64_t h, const void *s, size_t n);
/* One FNV-1a step on a value wider than a byte (a feature number, a
 * separator), as the tagger's feature keys mix them in. */
static inline uint64_t
hash_fnv_step(uint64_t h, uint64_t x)
{
	return (h ^ x) * HASH_FNV_PRIME;
}
/* splitmix64's finaliser: every input bit spreads over the output, so
 * the low bits are good slot numbers. */
static inline uint64_t
hash_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}
/* hash_mix(hash_fnv(HASH_FNV_INIT, s, n)): a table key for a string. */
uint64_t hash_bytes(const void *s, size_t n);

struct hash_index {
	uint32_t *slot;		/* item + 1; 0: empty */
	size_t mask;		/* slots - 1; slots a power of two */
	size_t used;		/* items filed */
};

#define HASH_INDEX_INIT { NULL, 0, 0 }

/* Empty the index and give it room for n items at most half full. */
void hash_index_init(struct hash_index *ix, size_t n);
void hash_index_free(struct hash_index *ix);
/* Bytes of memory it holds. */
size_t hash_index_bytes(const struct hash_index *ix);
/* 1 when more items would fill it past three quarters: the caller then
 * calls hash_index_grow and files its items again. */
int hash_index_full(const struct hash_index *ix, size_t more);
/* Empty it at twice its size (16 slots when it had none). */
void hash_index_grow(struct hash_index *ix);
/* File item under h, however many are filed there already. */
void hash_index_put(struct hash_index *ix, uint64_t h, size_t item);
/* The first item that may be filed under h (its probe run), or -1;
 * *pos keeps the place for hash_index_next, which gives the following
 * ones, then -1.  Every item filed under h is among them.  (Inline:
 * the tagger calls them for every feature of every token.) */
static inline long
hash_index_first(const struct hash_index *ix, uint64_t h, size_t *pos)
{
	if (!ix->slot)
		return -1;
	*pos = (size_t)h & ix->mask;
	return (long)ix->slot[*pos] - 1;
}

/* Ask for the slot of h to be brought into the cache: a caller with many
 * lookups to make issues these first. */
static inline void
hash_index_prefetch(const struct hash_index *ix, uint64_t h)
{
#if defined(__GNUC__)
	if (ix->slot)
		__builtin_prefetch(&ix->slot[(size_t)h & ix->mask]);
#else
	(void)ix, (void)h;
#endif
}

static inline long
hash_index_next(const struct hash_index *ix, size_t *pos)
{
	*pos = (*pos + 1) & ix->mask;
	return (long)ix->slot[*pos] - 1;
}

/* The key of item i of a caller's array, for hash_index_add. */
typedef uint64_t hash_key_fn(const void *items, size_t i);
/* For items numbered 0, 1, 2... in the order they are added: file item
 * under h, growing the index first when it is full (items 0..item-1 are
 * filed again under key(items, i)). */
void hash_index_add(struct hash_index *ix, uint64_t h, size_t item,
    hash_key_fn *key, const void *items);

#endif
