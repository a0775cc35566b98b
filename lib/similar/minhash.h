/* minhash: word-shingle MinHash signatures and their Jaccard estimate
 * (docs/dedupe.md explains the parameters); the hashes are lib/hash's. */
#ifndef MINHASH_H
#define MINHASH_H

#include <stddef.h>
#include <stdint.h>

/* Hashes per signature; each is kept as its low 8 bits ("b-bit
 * MinHash"), so a signature is MINHASH_K bytes. */
#define MINHASH_K	128
/* LSH banding over the first MINHASH_BANDS * MINHASH_ROWS bytes
 * (docs/dedupe.md: 3 rows find pairs down to J = 0.6, trimmed copies). */
#define MINHASH_BANDS	12
#define MINHASH_ROWS	3

/* Sign the sequence of n word hashes with shingles of k words (one
 * shingle of all the words when n < k; n must be > 0). */
void minhash_sign(const uint64_t *words, size_t n, size_t k,
    uint8_t sig[MINHASH_K]);
/* Bytes in which two signatures agree, 0..MINHASH_K. */
unsigned minhash_agree(const uint8_t *a, const uint8_t *b);
/* Estimated Jaccard similarity of two signatures agreeing in m bytes,
 * 0..1, and of two signatures. */
double minhash_estimate(unsigned m);
double minhash_jaccard(const uint8_t *a, const uint8_t *b);
/* Containment of the smaller of two shingle sets of sizes na and nb in
 * the other, given their Jaccard similarity j: |A & B| = j (na + nb) /
 * (1 + j), over min(na, nb); 0..1. */
double minhash_containment(double j, size_t na, size_t nb);
/* Equal bytes needed for an estimate of at least t. */
unsigned minhash_need(double t);

#endif
