/* Unit test of lib/hash: golden values of the hash functions (the model
 * and dedupe's saved index store them, so they must never change) and
 * the index under growth and collisions.  Exits 1 on the first failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

static int failed;

static void
expect(const char *what, uint64_t got, uint64_t want)
{
	if (got != want) {
		printf("FAIL %s: got %#llx, want %#llx\n", what,
		    (unsigned long long)got, (unsigned long long)want);
		failed = 1;
	}
}

static uint64_t
ident(const void *items, size_t i)
{
	return ((const uint64_t *)items)[i];
}

/* Items filed under keys that collide on purpose (equal low bits). */
static void
index_test(void)
{
	static uint64_t keys[5000];
	struct hash_index ix = HASH_INDEX_INIT;
	size_t i, pos, found;
	long k;

	for (i = 0; i < 5000; i++) {
		keys[i] = i % 7 == 0 ? (uint64_t)i << 40 : hash_mix(i);
		hash_index_add(&ix, keys[i], i, ident, keys);
	}
	expect("used", ix.used, 5000);
	for (i = 0; i < 5000; i++) {
		found = 0;
		for (k = hash_index_first(&ix, keys[i], &pos); k >= 0;
		    k = hash_index_next(&ix, &pos))
			found += keys[k] == keys[i] && (size_t)k == i;
		expect("found once", found, 1);
	}
	k = hash_index_first(&ix, 12345, &pos);
	while (k >= 0 && keys[k] != 12345)
		k = hash_index_next(&ix, &pos);
	expect("absent key", (uint64_t)k, (uint64_t)-1);
	hash_index_free(&ix);
	expect("empty index", (uint64_t)hash_index_first(&ix, 1, &pos), (uint64_t)-1);
}

int
main(void)
{
	/* FNV-1a 64 reference values (Fowler, Noll, Vo: test vectors). */
	expect("fnv \"\"", hash_fnv(HASH_FNV_INIT, "", 0), 0xcbf29ce484222325ULL);
	expect("fnv a", hash_fnv(HASH_FNV_INIT, "a", 1), 0xaf63dc4c8601ec8cULL);
	expect("fnv foobar", hash_fnv(HASH_FNV_INIT, "foobar", 6), 0x85944171f73967e8ULL);
	/* (INIT ^ 300) * prime, and splitmix64 reference outputs. */
	expect("fnv_step", hash_fnv_step(HASH_FNV_INIT, 300), 0xaf62a14c85ffd54bULL);
	expect("mix 0", hash_mix(0), 0);
	expect("mix 1", hash_mix(1), 0x5692161d100b05e5ULL);
	expect("mix golden", hash_mix(0x9e3779b97f4a7c15ULL), 0xe220a8397b1dcdafULL);
	expect("bytes news", hash_bytes("news", 4), hash_mix(hash_fnv(HASH_FNV_INIT, "news", 4)));
	index_test();
	if (!failed)
		printf("hash: ok\n");
	return failed;
}
