#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "hash.h"
#include "similar/lshindex.h"
#include "mem.h"
#include "similar/minhash.h"

#define MAGIC		"npdedupe"
#define VERSION_NO	1
#define ORDER		0x01020304U
/* Articles entered under one band key at most: templated texts (market
 * reports, weather) share bands by the thousand, and every lookup and
 * insert walks all of them.  Later ones are still found through their
 * other bands. */
#define BUCKET_MAX	64

struct lsh_index {
	size_t n, cap;		/* articles, room for them */
	uint64_t *exact;	/* hash of the normalised text */
	uint32_t *idoff;	/* offset of the id in ids */
	uint8_t *sig;		/* MINHASH_K bytes each */
	char *ids;		/* NUL-terminated ids, end to end */
	size_t idlen, idcap;
	/* The exact hashes, and the articles under each LSH band key; the
	 * keys are not stored: they are read back from the article. */
	struct hash_index xtab, btab;
	unsigned shingle;
};

struct header {
	char magic[8];
	uint32_t version, order, k, bands, rows, shingle;
	uint64_t n, idlen;
};

struct lsh_index *
lsh_new(unsigned shingle)
{
	struct lsh_index *ix = ecalloc(1, sizeof(*ix));

	ix->shingle = shingle;
	hash_index_init(&ix->xtab, 32);		/* 64 slots */
	hash_index_init(&ix->btab, 512);	/* 1024 */
	return ix;
}

void
lsh_free(struct lsh_index *ix)
{
	if (!ix)
		return;
	free(ix->exact);
	free(ix->idoff);
	free(ix->sig);
	free(ix->ids);
	hash_index_free(&ix->xtab);
	hash_index_free(&ix->btab);
	free(ix);
}

size_t
lsh_count(const struct lsh_index *ix)
{
	return ix->n;
}

const char *
lsh_id(const struct lsh_index *ix, size_t i)
{
	return ix->ids + ix->idoff[i];
}

unsigned
lsh_shingle(const struct lsh_index *ix)
{
	return ix->shingle;
}

size_t
lsh_bytes(const struct lsh_index *ix)
{
	return ix->cap * (sizeof(uint64_t) + sizeof(uint32_t) + MINHASH_K)
	    + ix->idcap + hash_index_bytes(&ix->xtab) + hash_index_bytes(&ix->btab);
}

static uint64_t
band_key(const uint8_t *sig, unsigned band)
{
	uint32_t v;

	memcpy(&v, sig + band * MINHASH_ROWS, sizeof(v));
	return hash_mix(((uint64_t)band << 32 | v) + 0x9e3779b97f4a7c15ULL);
}

static const uint8_t *
sig_of(const struct lsh_index *ix, size_t i)
{
	return ix->sig + i * MINHASH_K;
}

/* Enter article i under band b unless BUCKET_MAX articles already are;
 * returns whether it did. */
static int
band_put(struct lsh_index *ix, size_t i, unsigned b)
{
	const uint8_t *sig = sig_of(ix, i);
	uint64_t h = band_key(sig, b);
	size_t pos, off = b * MINHASH_ROWS;
	unsigned same = 0;
	long s;

	for (s = hash_index_first(&ix->btab, h, &pos); s >= 0;
	    s = hash_index_next(&ix->btab, &pos))
		if (memcmp(sig_of(ix, (size_t)s) + off, sig + off, MINHASH_ROWS) == 0
		    && ++same >= BUCKET_MAX)
			return 0;
	hash_index_put(&ix->btab, h, i);
	return 1;
}

static uint64_t
exact_of(const void *ix, size_t i)
{
	return ((const struct lsh_index *)ix)->exact[i];
}

/* Both tables sized for the articles of a loaded index, as adding them
 * one by one would have grown them, and every article entered. */
static void
index_all(struct lsh_index *ix)
{
	size_t i;
	unsigned b;

	while (hash_index_full(&ix->xtab, ix->n))
		hash_index_grow(&ix->xtab);
	for (i = 0; i < ix->n; i++)
		hash_index_put(&ix->xtab, ix->exact[i], i);
	while (hash_index_full(&ix->btab, ix->n * MINHASH_BANDS))
		hash_index_grow(&ix->btab);
	for (i = 0; i < ix->n; i++)
		for (b = 0; b < MINHASH_BANDS; b++)
			band_put(ix, i, b);
}

/* Twice the room for band entries, all articles entered again. */
static void
btab_grow(struct lsh_index *ix)
{
	size_t i;
	unsigned b;

	hash_index_grow(&ix->btab);
	for (i = 0; i < ix->n; i++)
		for (b = 0; b < MINHASH_BANDS; b++)
			band_put(ix, i, b);
}

long
lsh_find_exact(const struct lsh_index *ix, uint64_t h)
{
	size_t pos;
	long s;

	for (s = hash_index_first(&ix->xtab, h, &pos); s >= 0;
	    s = hash_index_next(&ix->xtab, &pos))
		if (ix->exact[s] == h)
			return s;
	return -1;
}

static unsigned
agree(const uint8_t *a, const uint8_t *b)
{
	unsigned m = 0;
	int i;

	for (i = 0; i < MINHASH_K; i++)
		m += a[i] == b[i];
	return m;
}

long
lsh_find_near(const struct lsh_index *ix, const uint8_t *sig, double t, double *sim)
{
	unsigned need = minhash_need(t), m, b, bestm = 0;
	long best = -1;
	size_t pos, i, off;
	long s;

	for (b = 0; b < MINHASH_BANDS; b++) {
		off = b * MINHASH_ROWS;
		for (s = hash_index_first(&ix->btab, band_key(sig, b), &pos); s >= 0;
		    s = hash_index_next(&ix->btab, &pos)) {
			i = (size_t)s;
			if (memcmp(sig_of(ix, i) + off, sig + off, MINHASH_ROWS))
				continue;
			m = agree(sig_of(ix, i), sig);
			if (m >= need && (m > bestm || (m == bestm && (long)i < best))) {
				bestm = m;
				best = (long)i;
			}
		}
	}
	if (best >= 0)
		*sim = minhash_jaccard(sig_of(ix, (size_t)best), sig);
	return best;
}

void
lsh_add(struct lsh_index *ix, const char *id, uint64_t exact, const uint8_t *sig)
{
	size_t len = strlen(id) + 1, i = ix->n, cap;
	unsigned b;

	if (ix->n >= UINT32_MAX - 1 || ix->idlen + len > UINT32_MAX)
		die(1, "too many articles for one index");
	cap = ix->cap;
	ix->exact = egrow(ix->exact, &cap, i + 1, sizeof(*ix->exact));
	cap = ix->cap;
	ix->idoff = egrow(ix->idoff, &cap, i + 1, sizeof(*ix->idoff));
	cap = ix->cap;
	ix->sig = egrow(ix->sig, &cap, i + 1, MINHASH_K);
	ix->cap = cap;
	ix->ids = egrow(ix->ids, &ix->idcap, ix->idlen + len, 1);
	memcpy(ix->ids + ix->idlen, id, len);
	ix->idoff[i] = (uint32_t)ix->idlen;
	ix->idlen += len;
	ix->exact[i] = exact;
	memcpy(ix->sig + i * MINHASH_K, sig, MINHASH_K);
	ix->n++;

	hash_index_add(&ix->xtab, exact, i, exact_of, ix);
	if (hash_index_full(&ix->btab, MINHASH_BANDS)) {
		btab_grow(ix);	/* enters article i too */
		return;
	}
	for (b = 0; b < MINHASH_BANDS; b++)
		band_put(ix, i, b);
}

/* Writes and reads that keep a running checksum of the payload. */
struct io {
	FILE *fp;
	uint64_t sum;
};

static int
put(struct io *io, const void *p, size_t n)
{
	if (n == 0)
		return 0;
	io->sum = hash_fnv(io->sum, p, n);
	return fwrite(p, 1, n, io->fp) == n ? 0 : -1;
}

static int
get(struct io *io, void *p, size_t n)
{
	if (n == 0)
		return 0;
	if (fread(p, 1, n, io->fp) != n)
		return -1;
	io->sum = hash_fnv(io->sum, p, n);
	return 0;
}

static void
header_init(struct header *h, const struct lsh_index *ix)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->magic, MAGIC, sizeof(h->magic));
	h->version = VERSION_NO;
	h->order = ORDER;
	h->k = MINHASH_K;
	h->bands = MINHASH_BANDS;
	h->rows = MINHASH_ROWS;
	h->shingle = ix->shingle;
	h->n = ix->n;
	h->idlen = ix->idlen;
}

int
lsh_save(const struct lsh_index *ix, const char *path)
{
	struct io io = { NULL, HASH_FNV_INIT };
	struct header h;
	char *tmp = emalloc(strlen(path) + 8);
	int fd, bad;
	uint64_t sum;

	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || !(io.fp = fdopen(fd, "wb"))) {
		warn("%s:", tmp);
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return -1;
	}
	header_init(&h, ix);
	bad = put(&io, &h, sizeof(h))
	    || put(&io, ix->exact, ix->n * sizeof(*ix->exact))
	    || put(&io, ix->idoff, ix->n * sizeof(*ix->idoff))
	    || put(&io, ix->sig, ix->n * MINHASH_K)
	    || put(&io, ix->ids, ix->idlen);
	sum = io.sum;
	bad = bad || put(&io, &sum, sizeof(sum));
	/* On the disk before it replaces the old index. */
	if (fflush(io.fp) == EOF || fsync(fileno(io.fp)) != 0)
		bad = 1;
	if (fclose(io.fp) == EOF)
		bad = 1;
	if (bad || rename(tmp, path) != 0) {
		warn("%s:", bad ? tmp : path);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static const char *
header_bad(const struct header *h, const struct stat *st)
{
	static char why[128];
	uint64_t size;

	if (memcmp(h->magic, MAGIC, sizeof(h->magic)) != 0)
		return "not a dedupe index";
	if (h->order != ORDER)
		return "index written on a machine of another byte order";
	if (h->version != VERSION_NO) {
		snprintf(why, sizeof(why), "index version %lu, this dedupe reads %d",
		    (unsigned long)h->version, VERSION_NO);
		return why;
	}
	if (h->k != MINHASH_K || h->bands != MINHASH_BANDS || h->rows != MINHASH_ROWS)
		return "index made with other MinHash parameters";
	if (h->shingle == 0 || h->n >= UINT32_MAX || h->idlen > UINT32_MAX
	    || (h->n && h->idlen == 0))
		return "damaged index header";
	size = sizeof(*h) + h->n * (sizeof(uint64_t) + sizeof(uint32_t) + MINHASH_K)
	    + h->idlen + sizeof(uint64_t);
	if ((uint64_t)st->st_size != size)
		return (uint64_t)st->st_size < size ? "truncated index" : "damaged index (trailing bytes)";
	return NULL;
}

static const char *
load_body(struct lsh_index *ix, struct io *io, const struct header *h)
{
	uint64_t sum, want;
	size_t i;

	ix->n = ix->cap = h->n;
	ix->idlen = ix->idcap = h->idlen;
	ix->exact = emalloc(ix->n * sizeof(*ix->exact));
	ix->idoff = emalloc(ix->n * sizeof(*ix->idoff));
	ix->sig = emalloc(ix->n * MINHASH_K);
	ix->ids = emalloc(ix->idlen);
	if (get(io, ix->exact, ix->n * sizeof(*ix->exact))
	    || get(io, ix->idoff, ix->n * sizeof(*ix->idoff))
	    || get(io, ix->sig, ix->n * MINHASH_K)
	    || get(io, ix->ids, ix->idlen))
		return "truncated index";
	want = io->sum;
	if (fread(&sum, 1, sizeof(sum), io->fp) != sizeof(sum))
		return "truncated index";
	if (sum != want)
		return "damaged index (checksum mismatch)";
	if (ix->idlen && ix->ids[ix->idlen - 1] != '\0')
		return "damaged index (ids)";
	for (i = 0; i < ix->n; i++)
		if (ix->idoff[i] >= ix->idlen)
			return "damaged index (ids)";
	return NULL;
}

struct lsh_index *
lsh_load(const char *path)
{
	struct io io = { NULL, HASH_FNV_INIT };
	struct lsh_index *ix;
	struct header h;
	struct stat st;
	const char *why;

	memset(&h, 0, sizeof(h));
	if (!(io.fp = fopen(path, "rb")) || fstat(fileno(io.fp), &st) != 0) {
		warn("%s:", path);
		if (io.fp)
			fclose(io.fp);
		return NULL;
	}
	if (get(&io, &h, sizeof(h)) != 0)
		why = ferror(io.fp) ? NULL : "truncated index";
	else
		why = header_bad(&h, &st);
	ix = lsh_new(h.shingle);
	if (!why && !ferror(io.fp))
		why = load_body(ix, &io, &h);
	if (ferror(io.fp)) {
		warn("%s: read error:", path);
		why = "";
	}
	fclose(io.fp);
	if (why) {
		if (*why)
			warn("%s: %s", path, why);
		lsh_free(ix);
		return NULL;
	}
	index_all(ix);
	return ix;
}
