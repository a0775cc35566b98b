/* jsonout: compact JSON text, as jansson writes it, except that a real
 * number takes the shortest form that reads back as the same double
 * (jansson writes 17 digits: 0.1 would become 0.10000000000000001). */
#ifndef JSONOUT_H
#define JSONOUT_H

#include <jansson.h>

#include "buf.h"

/* Append v as compact JSON. */
void jsonout_value(struct buf *b, const json_t *v);
/* The same, handing b to flush (which empties it) whenever it holds
 * JSONOUT_CHUNK bytes or more, so that a value of any size needs a
 * buffer of about that size only; what is left stays in b. */
#define JSONOUT_CHUNK (1 << 16)
typedef void jsonout_flush_fn(struct buf *b);
void jsonout_stream(struct buf *b, const json_t *v, jsonout_flush_fn *flush);
/* Append an integer, as JSON and printf spell it. */
void jsonout_integer(struct buf *b, json_int_t v);
/* Append a real as JSON spells it: "0.1", "100.0", "1e20", "1.5e-7". */
void jsonout_real(struct buf *b, double d);
/* Append s (n bytes of valid UTF-8) as a quoted JSON string. */
void jsonout_string(struct buf *b, const char *s, size_t n);
/* The same for bytes that may not be UTF-8: each byte that is not part
 * of a valid sequence becomes U+FFFD, so the result is always JSON. */
void jsonout_string_lossy(struct buf *b, const char *s, size_t n);

#endif
