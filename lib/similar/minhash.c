#include <math.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "similar/minhash.h"

/* The i-th "permutation" is x -> (a[i] * x + b[i]) >> 32 on a mixed
 * 64-bit shingle hash: multiply-add-shift, cheap and close enough to
 * min-wise independent (the bench measures the result). */
static uint64_t mul[MINHASH_K], add[MINHASH_K];
static int ready;

static void
init(void)
{
	uint64_t s = 0x6e65777370697065ULL;	/* fixed: signatures are saved */
	int i;

	for (i = 0; i < MINHASH_K; i++) {
		mul[i] = hash_mix(s += 0x9e3779b97f4a7c15ULL) | 1;
		add[i] = hash_mix(s += 0x9e3779b97f4a7c15ULL);
	}
	ready = 1;
}

static uint64_t
shingle(const uint64_t *w, size_t k)
{
	uint64_t h = k;
	size_t i;

	for (i = 0; i < k; i++)
		h = hash_mix(h ^ w[i]);
	return h;
}

void
minhash_sign(const uint64_t *words, size_t n, size_t k, uint8_t sig[MINHASH_K])
{
	uint32_t min[MINHASH_K];
	uint64_t h;
	size_t s;
	int i;

	if (!ready)
		init();
	if (k > n)
		k = n;
	for (i = 0; i < MINHASH_K; i++)
		min[i] = UINT32_MAX;
	for (s = 0; s + k <= n; s++) {
		h = shingle(words + s, k);
		for (i = 0; i < MINHASH_K; i++) {
			uint32_t v = (uint32_t)((mul[i] * h + add[i]) >> 32);
			if (v < min[i])
				min[i] = v;
		}
	}
	/* The low bits of a minimum are uniform, its high bits are not:
	 * keep 8 bits of a product that depends on all of them. */
	for (i = 0; i < MINHASH_K; i++)
		sig[i] = (uint8_t)((min[i] * 0x9e3779b1U) >> 24);
}

unsigned
minhash_agree(const uint8_t *a, const uint8_t *b)
{
	unsigned m = 0;
	int i;

	for (i = 0; i < MINHASH_K; i++)
		m += a[i] == b[i];
	return m;
}

/* Two different minima still agree in 8 bits one time in 256; the
 * estimate removes that: J = (P - 1/256) / (1 - 1/256). */
double
minhash_estimate(unsigned m)
{
	double j = ((double)m / MINHASH_K - 1.0 / 256) / (1 - 1.0 / 256);

	return j < 0 ? 0 : j > 1 ? 1 : j;
}

double
minhash_jaccard(const uint8_t *a, const uint8_t *b)
{
	return minhash_estimate(minhash_agree(a, b));
}

double
minhash_containment(double j, size_t na, size_t nb)
{
	double c;

	if (na == 0 || nb == 0)
		return 0;
	c = j * ((double)na + (double)nb) / ((1 + j) * (double)(na < nb ? na : nb));
	return c > 1 ? 1 : c;
}

unsigned
minhash_need(double t)
{
	double p = t * (1 - 1.0 / 256) + 1.0 / 256;
	unsigned m = (unsigned)ceil(p * MINHASH_K - 1e-9);

	return m > MINHASH_K ? MINHASH_K : m;
}
