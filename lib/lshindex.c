#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "lshindex.h"
#include "mem.h"
#include "minhash.h"

#define MAGIC		"npdedupe"
#define VERSION_NO	1
#define ORDER		0x01020304U
#define MAXLOAD(cap)	((cap) / 4 * 3)	/* grow past 3/4 full */
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
	/* Slots hold article index + 1, 0 is empty; linear probing.  The
	 * key is not stored: it is read back from the article. */
	uint32_t *xtab, *btab;
	size_t xcap, bcap, bused;
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
	free(ix->xtab);
	free(ix->btab);
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
	    + ix->idcap + (ix->xcap + ix->bcap) * sizeof(uint32_t);
}

static uint64_t
band_key(const uint8_t *sig, unsigned band)
{
	uint32_t v;

	memcpy(&v, sig + band * MINHASH_ROWS, sizeof(v));
	return minhash_mix(((uint64_t)band << 32 | v) + 0x9e3779b97f4a7c15ULL);
}

static const uint8_t *
sig_of(const struct lsh_index *ix, size_t i)
{
	return ix->sig + i * MINHASH_K;
}

static void
slot_put(uint32_t *tab, size_t cap, uint64_t h, size_t i)
{
	size_t pos = h & (cap - 1);

	while (tab[pos])
		pos = (pos + 1) & (cap - 1);
	tab[pos] = (uint32_t)(i + 1);
}

/* Enter article i under band b unless BUCKET_MAX articles already are;
 * returns whether it did. */
static int
band_put(struct lsh_index *ix, size_t i, unsigned b)
{
	const uint8_t *sig = sig_of(ix, i);
	size_t pos = band_key(sig, b) & (ix->bcap - 1), off = b * MINHASH_ROWS;
	unsigned same = 0;
	uint32_t s;

	for (; (s = ix->btab[pos]); pos = (pos + 1) & (ix->bcap - 1))
		if (memcmp(sig_of(ix, s - 1) + off, sig + off, MINHASH_ROWS) == 0
		    && ++same >= BUCKET_MAX)
			return 0;
	ix->btab[pos] = (uint32_t)(i + 1);
	return 1;
}

static void
xtab_grow(struct lsh_index *ix)
{
	size_t i;

	ix->xcap = ix->xcap ? ix->xcap * 2 : 64;
	free(ix->xtab);
	ix->xtab = ecalloc(ix->xcap, sizeof(uint32_t));
	for (i = 0; i < ix->n; i++)
		slot_put(ix->xtab, ix->xcap, ix->exact[i], i);
}

static void
btab_grow(struct lsh_index *ix)
{
	size_t i;
	unsigned b;

	ix->bcap = ix->bcap ? ix->bcap * 2 : 1024;
	free(ix->btab);
	ix->btab = ecalloc(ix->bcap, sizeof(uint32_t));
	ix->bused = 0;
	for (i = 0; i < ix->n; i++)
		for (b = 0; b < MINHASH_BANDS; b++)
			ix->bused += band_put(ix, i, b);
}

long
lsh_find_exact(const struct lsh_index *ix, uint64_t h)
{
	size_t pos;
	uint32_t s;

	if (!ix->xcap)
		return -1;
	for (pos = h & (ix->xcap - 1); (s = ix->xtab[pos]); pos = (pos + 1) & (ix->xcap - 1))
		if (ix->exact[s - 1] == h)
			return (long)s - 1;
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
	uint32_t s;

	if (!ix->bcap)
		return -1;
	for (b = 0; b < MINHASH_BANDS; b++) {
		off = b * MINHASH_ROWS;
		pos = band_key(sig, b) & (ix->bcap - 1);
		for (; (s = ix->btab[pos]); pos = (pos + 1) & (ix->bcap - 1)) {
			i = s - 1;
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

	if (ix->n > MAXLOAD(ix->xcap))
		xtab_grow(ix);
	else
		slot_put(ix->xtab, ix->xcap, exact, i);
	if (ix->bused + MINHASH_BANDS > MAXLOAD(ix->bcap)) {
		btab_grow(ix);
		return;
	}
	for (b = 0; b < MINHASH_BANDS; b++)
		ix->bused += band_put(ix, i, b);
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
	io->sum = minhash_fnv(io->sum, p, n);
	return fwrite(p, 1, n, io->fp) == n ? 0 : -1;
}

static int
get(struct io *io, void *p, size_t n)
{
	if (n == 0)
		return 0;
	if (fread(p, 1, n, io->fp) != n)
		return -1;
	io->sum = minhash_fnv(io->sum, p, n);
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
	struct io io = { NULL, MINHASH_FNV_INIT };
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
	struct io io = { NULL, MINHASH_FNV_INIT };
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
	while (MAXLOAD(ix->xcap) < ix->n)
		ix->xcap = ix->xcap ? ix->xcap * 2 : 64;
	ix->xcap /= 2;
	xtab_grow(ix);
	while (MAXLOAD(ix->bcap) < ix->n * MINHASH_BANDS)
		ix->bcap = ix->bcap ? ix->bcap * 2 : 1024;
	ix->bcap /= 2;
	btab_grow(ix);
	return ix;
}
