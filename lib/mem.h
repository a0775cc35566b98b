/* mem: allocation that dies (status 1) instead of returning NULL. */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>

void *emalloc(size_t n);
void *ecalloc(size_t nmemb, size_t size);
void *erealloc(void *p, size_t n);
/* Grow *p (holding *cap elements of size) to hold at least need elements. */
void *egrow(void *p, size_t *cap, size_t need, size_t size);
/* n bytes at an address that is a multiple of align (a power of two,
 * dividing n): cache-line buckets.  Freed by free(). */
void *ealigned(size_t align, size_t n);
char *estrdup(const char *s);
char *estrndup(const char *s, size_t n);

#endif
