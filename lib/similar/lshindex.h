/* lshindex: the kept articles of dedupe, in bounded memory: per article
 * its id, the hash of its normalised text and its MinHash signature,
 * found again through two open-addressing tables of 32-bit slots (exact
 * hash, LSH band keys).  Saved to and loaded from a versioned file. */
#ifndef LSHINDEX_H
#define LSHINDEX_H

#include <stddef.h>
#include <stdint.h>

struct lsh_index;

struct lsh_index *lsh_new(unsigned shingle);
void lsh_free(struct lsh_index *ix);
size_t lsh_count(const struct lsh_index *ix);
const char *lsh_id(const struct lsh_index *ix, size_t i);
/* The shingle size the signatures were made with. */
unsigned lsh_shingle(const struct lsh_index *ix);
/* Index of the first article whose text hashed to h, or -1. */
long lsh_find_exact(const struct lsh_index *ix, uint64_t h);
/* Index of the article sharing an LSH band with sig whose estimated
 * similarity is highest and at least t (earliest on a tie), or -1;
 * *sim gets the estimate. */
long lsh_find_near(const struct lsh_index *ix, const uint8_t *sig, double t,
    double *sim);
void lsh_add(struct lsh_index *ix, const char *id, uint64_t exact,
    const uint8_t *sig);
/* Bytes held by the index (arrays at their capacity). */
size_t lsh_bytes(const struct lsh_index *ix);
/* Write the index to path (through a temporary file renamed into
 * place); 0, or -1 after a message. */
int lsh_save(const struct lsh_index *ix, const char *path);
/* Read an index written by lsh_save; NULL after a message when the
 * file cannot be read, is not an index, or is damaged. */
struct lsh_index *lsh_load(const char *path);

#endif
