/* minhash: word-shingle MinHash signatures and their Jaccard estimate
 * (docs/dedupe.md explains the parameters); the hashes are lib/hash's. */
#ifndef MINHASH_H
#define MINHASH_H

#include <stddef.h>
#include <stdint.h>

/* Hashes per signature; each is kept as its low 8 bits ("b-bit
 * MinHash"), so a signature is MINHASH_K bytes. */
#define MINHASH_K	128
/* LSH banding over the first MINHASH_BANDS * MINHASH_ROWS bytes. */
#define MINHASH_BANDS	12
#define MINHASH_ROWS	4

/* Sign the sequence of n word hashes with shingles of k words (one
 * shingle of all the words when n < k; n must be > 0). */
void minhash_sign(const uint64_t *words, size_t n, size_t k,
    uint8_t sig[MINHASH_K]);
/* Estimated Jaccard similarity of two signatures, 0..1. */
double minhash_jaccard(const uint8_t *a, const uint8_t *b);
/* Equal bytes needed for an estimate of at least t. */
unsigned minhash_need(double t);

#endif
