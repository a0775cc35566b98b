/* buf: a growable byte string, always NUL-terminated. */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;
	size_t len, cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Room for n more bytes (and the NUL) after b->len, for writing in
 * place; b->len is unchanged. */
void buf_reserve(struct buf *b, size_t n);
/* Empty it, keeping the memory. */
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Hand over the string (never NULL); b is empty afterwards. */
char *buf_take(struct buf *b);

#endif
