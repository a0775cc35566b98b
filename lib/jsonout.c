#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"
#include "text.h"

void
jsonout_real(struct buf *b, double d)
{
	char s[40], *e, *p;
	int prec;

	for (prec = 15; prec < 17; prec++) {
		snprintf(s, sizeof s, "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(s, sizeof s, "%.17g", d);
	if ((e = strchr(s, 'e'))) {
		buf_add(b, s, (size_t)(e - s) + 1);
		p = e + 1;
		if (*p == '-')
			buf_addc(b, *p);
		if (*p == '+' || *p == '-')
			p++;
		while (*p == '0' && p[1])
			p++;
		buf_adds(b, p);
	} else {
		buf_adds(b, s);
		if (!strpbrk(s, ".ni"))
			buf_adds(b, ".0");
	}
}

/* One of the 8 bytes at s is a control character, '"' or '\\'. */
static int
needs_escape8(const char *s)
{
	uint64_t x = text_word8(s);
	/* a byte under 0x20: with its top three bits cleared it is itself */
	uint64_t low = text_zero_bytes(x & 0xE0E0E0E0E0E0E0E0ULL);

	return (low | text_zero_bytes(x ^ 0x2222222222222222ULL) | text_zero_bytes(x ^ 0x5C5C5C5C5C5C5C5CULL)) != 0;
}

/* The characters of s as a JSON string has them, without the quotes. */
static void
escape(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, run = 0;
	unsigned char c;

	for (i = 0; i < n; i++) {
		/* 8 bytes at a time while none needs its escape */
		while (i + 8 <= n && !needs_escape8(s + i))
			i += 8;
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
		buf_addc(b, '\\');
		switch (c) {
		case '"': buf_addc(b, '"'); break;
		case '\\': buf_addc(b, '\\'); break;
		case '\b': buf_addc(b, 'b'); break;
		case '\f': buf_addc(b, 'f'); break;
		case '\n': buf_addc(b, 'n'); break;
		case '\r': buf_addc(b, 'r'); break;
		case '\t': buf_addc(b, 't'); break;
		default:
			buf_adds(b, "u00");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		}
	}
	buf_add(b, s + run, n - run);
}

void
jsonout_string(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	escape(b, s, n);
	buf_addc(b, '"');
}

void
jsonout_string_lossy(struct buf *b, const char *s, size_t n)
{
	size_t ok;

	buf_addc(b, '"');
	while (n) {
		ok = text_invalid_at(s, n);
		escape(b, s, ok);
		if (ok == n)
			break;
		buf_adds(b, "\xEF\xBF\xBD");
		s += ok + 1;
		n -= ok + 1;
	}
	buf_addc(b, '"');
}

/* A long string in pieces, flushed as they are made: escaping works
 * byte by byte, so a cut inside a character does no harm. */
static void
string_flushed(struct buf *b, const char *s, size_t n, jsonout_flush_fn *flush)
{
	buf_addc(b, '"');
	for (; n > JSONOUT_CHUNK; s += JSONOUT_CHUNK, n -= JSONOUT_CHUNK) {
		escape(b, s, JSONOUT_CHUNK);
		flush(b);
	}
	escape(b, s, n);
	buf_addc(b, '"');
}

/* Integers are most numbers in records; printf is slow for them. */
void
jsonout_integer(struct buf *b, json_int_t v)
{
	char s[24], *p = s + sizeof s;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(s + sizeof s - p));
}

static void
value(struct buf *b, const json_t *v, jsonout_flush_fn *flush)
{
	const char *k;
	json_t *e;
	size_t i;

	if (flush && b->len >= JSONOUT_CHUNK)
		flush(b);
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		buf_addc(b, '{');
		i = 0;
		json_object_foreach((json_t *)v, k, e) {
			if (i++)
				buf_addc(b, ',');
			jsonout_string(b, k, strlen(k));
			buf_addc(b, ':');
			value(b, e, flush);
		}
		buf_addc(b, '}');
		break;
	case JSON_ARRAY:
		buf_addc(b, '[');
		json_array_foreach(v, i, e) {
			if (i)
				buf_addc(b, ',');
			value(b, e, flush);
		}
		buf_addc(b, ']');
		break;
	case JSON_STRING:
		if (flush)
			string_flushed(b, json_string_value(v), json_string_length(v), flush);
		else
			jsonout_string(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		jsonout_integer(b, json_integer_value(v));
		break;
	case JSON_REAL:
		jsonout_real(b, json_real_value(v));
		break;
	case JSON_TRUE:
		buf_adds(b, "true");
		break;
	case JSON_FALSE:
		buf_adds(b, "false");
		break;
	case JSON_NULL:
		buf_adds(b, "null");
		break;
	}
}

void
jsonout_value(struct buf *b, const json_t *v)
{
	value(b, v, NULL);
}

void
jsonout_stream(struct buf *b, const json_t *v, jsonout_flush_fn *flush)
{
	value(b, v, flush);
}
