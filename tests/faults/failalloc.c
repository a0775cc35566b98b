/* failalloc: an LD_PRELOAD shim for tests/faults.bats that makes one
 * allocation fail, to show that every program survives it.
 *
 *	NEWSPIPE_FAIL_ALLOC=K NEWSPIPE_FAIL_LOG=FILE LD_PRELOAD=failalloc.so PROG...
 *
 * malloc, calloc and realloc are counted by call site: the innermost
 * frames of the call's stack, so that the callers of emalloc, buf_add or
 * jansson's allocator are sites of their own.  The first call from the
 * K-th site seen fails with ENOMEM, every other call succeeds.  Running
 * K = 1, 2, ... until a run logs nothing fails each site in turn.  When
 * it fails a call it appends "site K: OBJECT+OFFSET" (the innermost
 * caller) to FILE, then the frames of the stack, one a line.  Under AddressSanitizer set
 * ASAN_OPTIONS=verify_asan_link_order=0, since the shim comes first. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SITES 8192		/* a power of two, far above what a program has */
#define DEPTH 8			/* frames that make a site, malloc's own included */

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static long fail_at = -1;	/* the K-th site, or -1: fail nothing */
static long nsites;
static uint64_t sites[SITES];
static int resolving, busy;
/* dlsym may allocate before the real functions are known. */
static char early[1 << 16];
static size_t early_used;

static void *
early_alloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (n > sizeof early - early_used)
		return NULL;
	p = early + early_used;
	early_used += n;
	return p;
}

static void
resolve(void)
{
	if (real_malloc || resolving)
		return;
	resolving = 1;
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	resolving = 0;
}

static void
say(long k, uintptr_t at, void **frames, int nframes)
{
	const char *path = getenv("NEWSPIPE_FAIL_LOG");
	char line[512];
	Dl_info info;
	int fd, n;

	if (!path || (fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0666)) < 0)
		return;
	if (dladdr((void *)at, &info) && info.dli_fname)
		n = snprintf(line, sizeof line, "site %ld: %s+%#lx\n", k, info.dli_fname,
		    (unsigned long)(at - (uintptr_t)info.dli_fbase));
	else
		n = snprintf(line, sizeof line, "site %ld: %#lx\n", k, (unsigned long)at);
	if (n > 0 && write(fd, line, (size_t)n) < 0)
		n = 0;
	/* Then the stack, one frame a line (this allocates nothing). */
	backtrace_symbols_fd(frames + 1, nframes - 1, fd);
	close(fd);
}

/* 1 when this call, from at, is the one to fail. */
static int
fails(uintptr_t at)
{
	void *frames[DEPTH];
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;
	int n, k;

	if (fail_at < 0 || nsites >= fail_at || busy)
		return 0;
	busy = 1;
	n = backtrace(frames, DEPTH);
	busy = 0;
	/* Frame 0 is this function, 1 the allocator. */
	for (k = 2; k < n; k++)
		h = (h ^ (uint64_t)(uintptr_t)frames[k]) * 0x100000001b3ULL;
	h |= 1;
	for (i = (h >> 7) & (SITES - 1); sites[i]; i = (i + 1) & (SITES - 1))
		if (sites[i] == h)
			return 0;
	sites[i] = h;
	if (++nsites != fail_at)
		return 0;
	say(nsites, at, frames, n);
	errno = ENOMEM;
	return 1;
}

/* Sites count from here, once the C library is set up (the environment
 * too: a sanitizer's runtime allocates before).  backtrace() loads its
 * unwinder, allocating, on its first use. */
__attribute__((constructor)) static void
prime(void)
{
	void *frames[2];
	const char *k;

	resolve();
	busy = 1;
	backtrace(frames, 2);
	busy = 0;
	if ((k = getenv("NEWSPIPE_FAIL_ALLOC")) && *k)
		fail_at = atol(k);
}

void *
malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return early_alloc(n);
	if (fails((uintptr_t)__builtin_return_address(0)))
		return NULL;
	return real_malloc(n);
}

void *
calloc(size_t m, size_t n)
{
	resolve();
	if (!real_calloc)
		return m && n > SIZE_MAX / m ? NULL : early_alloc(m * n);
	if (fails((uintptr_t)__builtin_return_address(0)))
		return NULL;
	return real_calloc(m, n);
}

void *
realloc(void *p, size_t n)
{
	resolve();
	if ((char *)p >= early && (char *)p < early + sizeof early) {
		void *q = malloc(n);

		if (q)
			memcpy(q, p, n < (size_t)(early + sizeof early - (char *)p)
			    ? n : (size_t)(early + sizeof early - (char *)p));
		return q;
	}
	if (fails((uintptr_t)__builtin_return_address(0)))
		return NULL;
	return real_realloc(p, n);
}

void
free(void *p)
{
	if ((char *)p >= early && (char *)p < early + sizeof early)
		return;
	resolve();
	/* What dlsym frees while it finds free is let go. */
	if (real_free)
		real_free(p);
}
