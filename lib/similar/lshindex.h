/* lshindex: the kept articles of dedupe, in bounded memory: per article
 * its id, the hash of its normalised text, its length in words, its
 * MinHash signature and (short texts only) the hashes of its names,
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
/* Where a walk over the candidates of a signature is. */
struct lsh_walk {
	unsigned band;
	size_t pos;
	long s;
};
#define LSH_WALK_INIT { 0, 0, -2 }
/* The next article that shares an LSH band with sig, or -1 at the end;
 * an article sharing several bands comes once per band. */
long lsh_next_candidate(const struct lsh_index *ix, const uint8_t *sig,
    struct lsh_walk *w);
const uint8_t *lsh_sig(const struct lsh_index *ix, size_t i);
/* Article i's length in words; 0 when unknown (an index of version 1). */
uint32_t lsh_words(const struct lsh_index *ix, size_t i);
/* Article i's name hashes, sorted, and their number in *n: none for a
 * long text, or one from an index of version 1 (then *n is 0 and the
 * result NULL). */
const uint32_t *lsh_names(const struct lsh_index *ix, size_t i, size_t *n);
/* Enter an article: names[0..nnames-1] sorted, distinct. */
void lsh_add(struct lsh_index *ix, const char *id, uint64_t exact,
    const uint8_t *sig, uint32_t words, const uint32_t *names, size_t nnames);
/* Bytes held by the index (arrays at their capacity). */
size_t lsh_bytes(const struct lsh_index *ix);
/* Write the index to path (through a temporary file renamed into
 * place); 0, or -1 after a message. */
int lsh_save(const struct lsh_index *ix, const char *path);
/* Read an index written by lsh_save (version 2) or by the dedupe of
 * before word counts and names (version 1: lsh_words is 0 for its
 * articles); NULL after a message when the file cannot be read, is not
 * an index, or is damaged. */
struct lsh_index *lsh_load(const char *path);

#endif
