/* jsonout: compact JSON text, as jansson writes it, except that a real
 * number takes the shortest form that reads back as the same double
 * (jansson writes 17 digits: 0.1 would become 0.10000000000000001). */
#ifndef JSONOUT_H
#define JSONOUT_H

#include <jansson.h>

#include "buf.h"

/* Append v as compact JSON. */
void jsonout_value(struct buf *b, const json_t *v);
/* Append an integer, as JSON and printf spell it. */
void jsonout_integer(struct buf *b, json_int_t v);
/* Append a real as JSON spells it: "0.1", "100.0", "1e20", "1.5e-7". */
void jsonout_real(struct buf *b, double d);
/* Append s (n bytes of valid UTF-8) as a quoted JSON string. */
void jsonout_string(struct buf *b, const char *s, size_t n);

#endif
