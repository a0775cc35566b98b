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
/* Version 2 added the word counts and the names; version 1 files are
 * still read (without them). */
#define VERSION_NO	2
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
	uint32_t *words;	/* length in words, 0 if unknown */
	uint8_t *sig;		/* MINHASH_K bytes each */
	char *ids;		/* NUL-terminated ids, end to end */
	size_t idlen, idcap;
	/* The names of the articles that have them, as (article, name hash)
	 * pairs in the order the articles were added: sorted by article. */
	uint32_t *nart, *nhash;
	size_t nnames, namecap;
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
/* Version 2 follows the header with the number of name pairs. */

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
	free(ix->words);
	free(ix->sig);
	free(ix->nart);
	free(ix->nhash);
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
	return ix->cap * (sizeof(uint64_t) + 2 * sizeof(uint32_t) + MINHASH_K)
	    + ix->idcap + ix->namecap * 2 * sizeof(uint32_t)
	    + hash_index_bytes(&ix->xtab) + hash_index_bytes(&ix->btab);
}

uint32_t
lsh_words(const struct lsh_index *ix, size_t i)
{
	return ix->words[i];
}

const uint32_t *
lsh_names(const struct lsh_index *ix, size_t i, size_t *n)
{
	size_t lo = 0, hi = ix->nnames, mid, end;

	while (lo < hi) {		/* the first pair of article i or later */
		mid = lo + (hi - lo) / 2;
		if (ix->nart[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < ix->nnames && ix->nart[end] == i; end++)
		;
	*n = end - lo;
	return *n ? ix->nhash + lo : NULL;
}

static uint64_t
band_key(const uint8_t *sig, unsigned band)
{
	uint32_t v = 0;
	unsigned r;

	for (r = 0; r < MINHASH_ROWS; r++)
		v = v << 8 | sig[band * MINHASH_ROWS + r];
	return hash_mix(((uint64_t)band << 32 | v) + 0x9e3779b97f4a7c15ULL);
}

static const uint8_t *
sig_of(const struct lsh_index *ix, size_t i)
{
	return ix->sig + i * MINHASH_K;
}

const uint8_t *
lsh_sig(const struct lsh_index *ix, size_t i)
{
	return sig_of(ix, i);
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

long
lsh_next_candidate(const struct lsh_index *ix, const uint8_t *sig,
    struct lsh_walk *w)
{
	size_t off;

	for (; w->band < MINHASH_BANDS; w->band++, w->s = -2) {
		off = w->band * MINHASH_ROWS;
		if (w->s == -2)
			w->s = hash_index_first(&ix->btab, band_key(sig, w->band), &w->pos);
		else
			w->s = hash_index_next(&ix->btab, &w->pos);
		for (; w->s >= 0; w->s = hash_index_next(&ix->btab, &w->pos))
			if (memcmp(sig_of(ix, (size_t)w->s) + off, sig + off, MINHASH_ROWS) == 0)
				return w->s;
	}
	return -1;
}

static void
names_add(struct lsh_index *ix, size_t i, const uint32_t *names, size_t n)
{
	size_t cap = ix->namecap, j;

	if (ix->nnames + n > UINT32_MAX)
		die(1, "too many names for one index");
	ix->nart = egrow(ix->nart, &cap, ix->nnames + n, sizeof(*ix->nart));
	cap = ix->namecap;
	ix->nhash = egrow(ix->nhash, &cap, ix->nnames + n, sizeof(*ix->nhash));
	ix->namecap = cap;
	for (j = 0; j < n; j++) {
		ix->nart[ix->nnames] = (uint32_t)i;
		ix->nhash[ix->nnames++] = names[j];
	}
}

void
lsh_add(struct lsh_index *ix, const char *id, uint64_t exact, const uint8_t *sig,
    uint32_t words, const uint32_t *names, size_t nnames)
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
	ix->words = egrow(ix->words, &cap, i + 1, sizeof(*ix->words));
	cap = ix->cap;
	ix->sig = egrow(ix->sig, &cap, i + 1, MINHASH_K);
	ix->cap = cap;
	ix->ids = egrow(ix->ids, &ix->idcap, ix->idlen + len, 1);
	memcpy(ix->ids + ix->idlen, id, len);
	ix->idoff[i] = (uint32_t)ix->idlen;
	ix->idlen += len;
	ix->exact[i] = exact;
	ix->words[i] = words;
	memcpy(ix->sig + i * MINHASH_K, sig, MINHASH_K);
	ix->n++;
	names_add(ix, i, names, nnames);

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
	uint64_t sum, nn = ix->nnames;
	int fd, bad;

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
	    || put(&io, &nn, sizeof(nn))
	    || put(&io, ix->exact, ix->n * sizeof(*ix->exact))
	    || put(&io, ix->idoff, ix->n * sizeof(*ix->idoff))
	    || put(&io, ix->words, ix->n * sizeof(*ix->words))
	    || put(&io, ix->sig, ix->n * MINHASH_K)
	    || put(&io, ix->ids, ix->idlen)
	    || put(&io, ix->nart, ix->nnames * sizeof(*ix->nart))
	    || put(&io, ix->nhash, ix->nnames * sizeof(*ix->nhash));
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

/* What the header says is wrong, or NULL.  Version 1 had 12 bands of 4
 * rows; the band table is rebuilt on load, so only the signature
 * length must agree. */
static const char *
header_bad(const struct header *h)
{
	static char why[128];

	if (memcmp(h->magic, MAGIC, sizeof(h->magic)) != 0)
		return "not a dedupe index";
	if (h->order != ORDER)
		return "index written on a machine of another byte order";
	if (h->version != 1 && h->version != VERSION_NO) {
		snprintf(why, sizeof(why), "index version %lu, this dedupe reads 1 and %d",
		    (unsigned long)h->version, VERSION_NO);
		return why;
	}
	if (h->k != MINHASH_K || (h->version == 1 && (h->bands != 12 || h->rows != 4))
	    || (h->version == VERSION_NO && (h->bands != MINHASH_BANDS || h->rows != MINHASH_ROWS)))
		return "index made with other MinHash parameters";
	if (h->shingle == 0 || h->n >= UINT32_MAX || h->idlen > UINT32_MAX
	    || (h->n && h->idlen == 0))
		return "damaged index header";
	return NULL;
}

/* The file size the header (and, in version 2, the name count) promise. */
static const char *
size_bad(const struct header *h, uint64_t nn, const struct stat *st)
{
	uint64_t size = sizeof(*h) + h->n * (sizeof(uint64_t) + sizeof(uint32_t) + MINHASH_K)
	    + h->idlen + sizeof(uint64_t);

	if (h->version >= 2)
		size += sizeof(nn) + h->n * sizeof(uint32_t) + nn * 2 * sizeof(uint32_t);
	if ((uint64_t)st->st_size != size)
		return (uint64_t)st->st_size < size ? "truncated index" : "damaged index (trailing bytes)";
	return NULL;
}

/* Every name pair names an article, in order. */
static int
names_bad(const struct lsh_index *ix)
{
	size_t i;

	for (i = 0; i < ix->nnames; i++)
		if (ix->nart[i] >= ix->n || (i && ix->nart[i] < ix->nart[i - 1]))
			return 1;
	return 0;
}

static const char *
load_body(struct lsh_index *ix, struct io *io, const struct header *h, uint64_t nn)
{
	uint64_t sum, want;
	size_t i;

	ix->n = ix->cap = h->n;
	ix->idlen = ix->idcap = h->idlen;
	ix->nnames = ix->namecap = nn;
	ix->exact = emalloc(ix->n * sizeof(*ix->exact));
	ix->idoff = emalloc(ix->n * sizeof(*ix->idoff));
	ix->words = ecalloc(ix->n, sizeof(*ix->words));
	ix->sig = emalloc(ix->n * MINHASH_K);
	ix->ids = emalloc(ix->idlen);
	ix->nart = emalloc(nn * sizeof(*ix->nart));
	ix->nhash = emalloc(nn * sizeof(*ix->nhash));
	if (get(io, ix->exact, ix->n * sizeof(*ix->exact))
	    || get(io, ix->idoff, ix->n * sizeof(*ix->idoff))
	    || (h->version >= 2 && get(io, ix->words, ix->n * sizeof(*ix->words)))
	    || get(io, ix->sig, ix->n * MINHASH_K)
	    || get(io, ix->ids, ix->idlen)
	    || get(io, ix->nart, nn * sizeof(*ix->nart))
	    || get(io, ix->nhash, nn * sizeof(*ix->nhash)))
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
	if (names_bad(ix))
		return "damaged index (names)";
	return NULL;
}

/* The header and the name count, checked against the file's size. */
static const char *
load_head(struct io *io, struct header *h, uint64_t *nn, const struct stat *st)
{
	const char *why;

	*nn = 0;
	if (get(io, h, sizeof(*h)) != 0)
		return ferror(io->fp) ? NULL : "truncated index";
	if ((why = header_bad(h)))
		return why;
	if (h->version >= 2 && get(io, nn, sizeof(*nn)) != 0)
		return ferror(io->fp) ? NULL : "truncated index";
	if (*nn > UINT32_MAX)
		return "damaged index header";
	return size_bad(h, *nn, st);
}

struct lsh_index *
lsh_load(const char *path)
{
	struct io io = { NULL, HASH_FNV_INIT };
	struct lsh_index *ix;
	struct header h;
	struct stat st;
	const char *why;
	uint64_t nn;

	memset(&h, 0, sizeof(h));
	if (!(io.fp = fopen(path, "rb")) || fstat(fileno(io.fp), &st) != 0) {
		warn("%s:", path);
		if (io.fp)
			fclose(io.fp);
		return NULL;
	}
	why = load_head(&io, &h, &nn, &st);
	ix = lsh_new(h.shingle);
	if (!why && !ferror(io.fp))
		why = load_body(ix, &io, &h, nn);
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
