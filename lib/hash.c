#include <stdlib.h>

#include "hash.h"
#include "diag.h"
#include "mem.h"

uint64_t
hash_fnv(uint64_t h, const void *s, size_t n)
{
	const unsigned char *p = s;

	for (; n; p++, n--)
		h = (h ^ *p) * HASH_FNV_PRIME;
	return h;
}

uint64_t
hash_bytes(const void *s, size_t n)
{
	return hash_mix(hash_fnv(HASH_FNV_INIT, s, n));
}

static void
alloc_slots(struct hash_index *ix, size_t slots)
{
	free(ix->slot);
	ix->slot = ecalloc(slots, sizeof *ix->slot);
	ix->mask = slots - 1;
	ix->used = 0;
}

void
hash_index_init(struct hash_index *ix, size_t n)
{
	size_t slots = 16;

	while (slots / 2 < n) {
		if (slots > SIZE_MAX / 4)
			die(1, "out of memory");
		slots *= 2;
	}
	alloc_slots(ix, slots);
}

void
hash_index_free(struct hash_index *ix)
{
	free(ix->slot);
	ix->slot = NULL;
	ix->mask = ix->used = 0;
}

size_t
hash_index_bytes(const struct hash_index *ix)
{
	return ix->slot ? (ix->mask + 1) * sizeof *ix->slot : 0;
}

int
hash_index_full(const struct hash_index *ix, size_t more)
{
	return !ix->slot || ix->used + more > (ix->mask + 1) / 4 * 3;
}

void
hash_index_grow(struct hash_index *ix)
{
	if (ix->slot && ix->mask + 1 > SIZE_MAX / 8)
		die(1, "out of memory");
	alloc_slots(ix, ix->slot ? 2 * (ix->mask + 1) : 16);
}

void
hash_index_put(struct hash_index *ix, uint64_t h, size_t item)
{
	size_t pos = (size_t)h & ix->mask;

	if (item >= UINT32_MAX)
		die(1, "too many items for one hash index");
	while (ix->slot[pos])
		pos = (pos + 1) & ix->mask;
	ix->slot[pos] = (uint32_t)item + 1;
	ix->used++;
}

void
hash_index_add(struct hash_index *ix, uint64_t h, size_t item,
    hash_key_fn *key, const void *items)
{
	size_t i;

	if (hash_index_full(ix, 1)) {
		hash_index_grow(ix);
		for (i = 0; i < item; i++)
			hash_index_put(ix, key(items, i), i);
	}
	hash_index_put(ix, h, item);
}
