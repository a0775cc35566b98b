#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "diag.h"
#include "mem.h"
#include "scan.h"
#include "text.h"

/* A key of an open object: in the line (s), or decoded in dec at off. */
struct scan_key {
	const char *s;
	size_t off, n;
};

/* One pass over a line: where it is, and the containers open. */
struct walk {
	struct scan *sc;
	const char *p, *end;
	int depth;
	char open[SCAN_MAXDEPTH];	/* '{' or '[' */
};

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skip white space; inside a member's value (below the top level) it
 * is marked, as the writer must then drop it. */
static const char *
skip(struct walk *w, const char *p)
{
	const char *q = p;

	while (q < w->end && is_ws(*q))
		q++;
	if (q != p && w->depth >= 2)
		w->sc->m[w->sc->n - 1].spaced = 1;
	return q;
}

/* 1 when none of the 8 bytes of x ends or escapes a string, is a
 * control character or starts a multi-byte character: most of a body
 * goes 8 bytes at a time. */
static int
plain8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');

	return !((x | ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b)) & high);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The 4 hex digits after "\u" at p (the backslash), or -1. */
static long
hex4(const char *p, const char *end)
{
	long u = 0;
	int i, h;

	if (end - p < 6)
		return -1;
	for (i = 2; i < 6; i++) {
		if ((h = hexval(p[i])) < 0)
			return -1;
		u = u * 16 + h;
	}
	return u;
}

/* The end of the escape at p (a backslash), or NULL where jansson
 * refuses it: an unknown escape, \u0000, a lone or misordered
 * surrogate. */
static const char *
escape_end(const char *p, const char *end)
{
	long u;

	if (end - p < 2)
		return NULL;
	if (p[1] && strchr("\"\\/bfnrt", p[1]))
		return p + 2;
	if (p[1] != 'u' || (u = hex4(p, end)) <= 0 || (u >= 0xDC00 && u <= 0xDFFF))
		return NULL;
	p += 6;
	if (u < 0xD800 || u > 0xDBFF)
		return p;
	if (end - p < 2 || p[0] != '\\' || p[1] != 'u' || (u = hex4(p, end)) < 0xDC00
	    || u > 0xDFFF)
		return NULL;
	return p + 6;
}

/* The end of the string whose opening quote is at p, or NULL; *esc is
 * set when it holds an escape. */
static const char *
string_end(const char *p, const char *end, int *esc)
{
	uint64_t x;
	int32_t cp;
	int len;
	unsigned char c;

	for (p++;;) {
		while (end - p >= 8 && (memcpy(&x, p, 8), plain8(x)))
			p += 8;
		if (p == end)
			return NULL;
		c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c == '\\') {
			*esc = 1;
			if (!(p = escape_end(p, end)))
				return NULL;
		} else if (c < 0x20) {
			return NULL;
		} else if (c < 0x80) {
			p++;
		} else {
			if ((len = text_decode(p, (size_t)(end - p), &cp)) < 0)
				return NULL;
			p += len;
		}
	}
}

/* The inside of a valid string (s[0..n), escapes as written), decoded
 * onto b. */
static void
decode_string(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n, *bs;
	long u, lo;
	char c;

	while ((bs = memchr(s, '\\', (size_t)(end - s)))) {
		buf_add(b, s, (size_t)(bs - s));
		s = bs + 2;
		switch (bs[1]) {
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			u = hex4(bs, end);
			s = bs + 6;
			if (u >= 0xD800 && u <= 0xDBFF) {
				lo = hex4(s, end);
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				s += 6;
			}
			buf_reserve(b, 4);
			b->len += (size_t)utf8proc_encode_char((utf8proc_int32_t)u,
			    (utf8proc_uint8_t *)b->s + b->len);
			b->s[b->len] = '\0';
			continue;
		default: c = bs[1]; break;	/* " \ / */
		}
		buf_addc(b, c);
	}
	buf_add(b, s, (size_t)(end - s));
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *
digits(const char *p, const char *end)
{
	while (p < end && is_digit(*p))
		p++;
	return p;
}

/* jansson holds integers in 64 bits and refuses the others. */
static int
int_fits(const char *s, size_t n)
{
	int neg = *s == '-';

	n -= (size_t)neg;
	if (n != 19)
		return n < 19;
	return memcmp(s + neg, neg ? "9223372036854775808" : "9223372036854775807", 19) <= 0;
}

/* s[0..n) as the C string jansson's strtod reads, in sc->tmp. */
static const char *
number_text(struct scan *sc, const char *s, size_t n)
{
	buf_reset(&sc->tmp);
	buf_add(&sc->tmp, s, n);
	return sc->tmp.s;
}

/* jansson refuses a real that overflows a double (not one that
 * underflows to 0). */
static int
real_fits(struct scan *sc, const char *s, size_t n)
{
	double d;

	errno = 0;
	d = strtod(number_text(sc, s, n), NULL);
	return !((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE);
}

/* The end of the number at p, or NULL. */
static const char *
number_end(struct walk *w, const char *p)
{
	const char *s = p, *end = w->end;
	int real = 0;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (p < end && *p >= '1' && *p <= '9')
		p = digits(p, end);
	else
		return NULL;
	if (p < end && *p == '.') {
		if (++p == end || !is_digit(*p))
			return NULL;
		p = digits(p, end);
		real = 1;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			p++;
		if (p == end || !is_digit(*p))
			return NULL;
		p = digits(p, end);
		real = 1;
	}
	if (real ? !real_fits(w->sc, s, (size_t)(p - s)) : !int_fits(s, (size_t)(p - s)))
		return NULL;
	return p;
}

/* The end of the string, number or literal at w->p, or NULL. */
static const char *
scalar_end(struct walk *w)
{
	const char *p = w->p, *lit;
	size_t n;
	int esc = 0;

	switch (*p) {
	case '"': return string_end(p, w->end, &esc);
	case 't': lit = "true"; break;
	case 'f': lit = "false"; break;
	case 'n': lit = "null"; break;
	default: return number_end(w, p);
	}
	n = strlen(lit);
	if ((size_t)(w->end - p) < n || memcmp(p, lit, n) != 0)
		return NULL;
	return p + n;
}

static const char *
key_bytes(const struct scan *sc, const struct scan_key *k)
{
	return k->s ? k->s : sc->dec.s + k->off;
}

static int
same_key(const struct scan *sc, const struct scan_key *a, const struct scan_key *b)
{
	return a->n == b->n && memcmp(key_bytes(sc, a), key_bytes(sc, b), a->n) == 0;
}

static uint64_t
key_hash(const struct scan *sc, size_t i)
{
	return hash_bytes(key_bytes(sc, &sc->keys[i]), sc->keys[i].n);
}

/* 1 when the keys from keys[from] on (one object's) are all distinct:
 * pair by pair for small objects, through the hash index for large. */
static int
unique(struct scan *sc, size_t from)
{
	size_t n = sc->nkeys - from, i, j, pos;
	long k;

	if (n <= 16) {
		for (i = from + 1; i < sc->nkeys; i++)
			for (j = from; j < i; j++)
				if (same_key(sc, &sc->keys[i], &sc->keys[j]))
					return 0;
		return 1;
	}
	hash_index_init(&sc->ix, n);
	for (i = from; i < sc->nkeys; i++) {
		uint64_t h = key_hash(sc, i);

		for (k = hash_index_first(&sc->ix, h, &pos); k >= 0;
		    k = hash_index_next(&sc->ix, &pos))
			if (same_key(sc, &sc->keys[from + (size_t)k], &sc->keys[i]))
				return 0;
		hash_index_put(&sc->ix, h, i - from);
	}
	return 1;
}

/* The key at w->p (its opening quote), then the colon: file the key,
 * and at the top level start a member. */
static int
key(struct walk *w)
{
	struct scan *sc = w->sc;
	struct scan_key *k;
	struct scan_member *m;
	const char *p = w->p, *q;
	int esc = 0;

	if (p == w->end || *p != '"' || !(q = string_end(p, w->end, &esc)))
		return 0;
	sc->keys = egrow(sc->keys, &sc->kcap, sc->nkeys + 1, sizeof *sc->keys);
	k = &sc->keys[sc->nkeys++];
	k->s = p + 1;
	k->n = (size_t)(q - p) - 2;
	if (esc) {
		k->off = sc->dec.len;
		decode_string(&sc->dec, p + 1, k->n);
		k->n = sc->dec.len - k->off;
		k->s = NULL;
	}
	if (w->depth == 1) {
		sc->m = egrow(sc->m, &sc->mcap, sc->n + 1, sizeof *sc->m);
		m = &sc->m[sc->n++];
		memset(m, 0, sizeof *m);
		m->raw = p;
		m->rklen = (size_t)(q - p);
	}
	p = skip(w, q);
	if (p == w->end || *p != ':')
		return 0;
	w->p = skip(w, p + 1);
	return 1;
}

/* Open the container at w->p; 1 when it is empty and closed at once. */
static int
open_container(struct walk *w)
{
	char c = *w->p;

	w->open[w->depth++] = c;
	if (c == '{') {
		if (!w->sc->frame)
			w->sc->frame = ecalloc(SCAN_MAXDEPTH, sizeof *w->sc->frame);
		w->sc->frame[w->depth - 1] = w->sc->nkeys;
	}
	w->p = skip(w, w->p + 1);
	if (w->p < w->end && *w->p == (c == '{' ? '}' : ']')) {
		w->p++;
		w->depth--;
		return 1;
	}
	return 0;
}

/* Close the container at w->p: an object's keys must be distinct; those
 * of the top level stay for the members. */
static int
close_container(struct walk *w)
{
	struct scan *sc = w->sc;
	size_t from;

	if (w->open[w->depth - 1] == '{') {
		from = sc->frame[w->depth - 1];
		if (!unique(sc, from))
			return 0;
		if (w->depth > 1)
			sc->nkeys = from;
	}
	w->depth--;
	w->p++;
	return 1;
}

enum state { VALUE, KEY, AFTER };

/* After a value: a comma, the end of its container, or of the line.
 * Returns 0 to refuse the line, 2 at its end, 1 to go on with *st. */
static int
after(struct walk *w, enum state *st)
{
	struct scan_member *m;
	char open;

	if (w->depth == 1) {
		m = &w->sc->m[w->sc->n - 1];
		m->vlen = (size_t)(w->p - m->val);
	}
	w->p = skip(w, w->p);
	if (w->depth == 0)
		return w->p == w->end ? 2 : 0;
	if (w->p == w->end)
		return 0;
	open = w->open[w->depth - 1];
	if (*w->p == ',') {
		w->p = skip(w, w->p + 1);
		*st = open == '{' ? KEY : VALUE;
		return 1;
	}
	if (*w->p != (open == '{' ? '}' : ']'))
		return 0;
	*st = AFTER;
	return close_container(w);
}

/* A value at w->p: a scalar, or a container opened. */
static int
value(struct walk *w, enum state *st)
{
	if (w->p == w->end || w->depth >= SCAN_MAXDEPTH)
		return 0;
	if (w->depth == 1)
		w->sc->m[w->sc->n - 1].val = w->p;
	if (*w->p == '{' || *w->p == '[') {
		if (open_container(w))
			*st = AFTER;
		else
			*st = w->open[w->depth - 1] == '{' ? KEY : VALUE;
		return 1;
	}
	if (!(w->p = scalar_end(w)))
		return 0;
	*st = AFTER;
	return 1;
}

static int
walk_line(struct walk *w)
{
	enum state st = VALUE;
	int r;

	for (;;) {
		switch (st) {
		case VALUE:
			if (!value(w, &st))
				return 0;
			break;
		case KEY:
			if (!key(w))
				return 0;
			st = VALUE;
			break;
		case AFTER:
			if ((r = after(w, &st)) != 1)
				return r == 2;
			break;
		}
	}
}

int
scan_object(struct scan *sc, const char *s, size_t n)
{
	struct walk w;
	size_t i;

	sc->n = sc->nkeys = 0;
	buf_reset(&sc->dec);
	w.sc = sc;
	w.end = s + n;
	w.depth = 0;
	w.p = skip(&w, s);
	if (w.p == w.end || *w.p != '{' || !walk_line(&w))
		return 0;
	for (i = 0; i < sc->n; i++) {
		sc->m[i].key = key_bytes(sc, &sc->keys[i]);
		sc->m[i].klen = sc->keys[i].n;
	}
	return 1;
}

const struct scan_member *
scan_find(const struct scan *sc, const char *key)
{
	size_t i, n = strlen(key);

	for (i = 0; i < sc->n; i++)
		if (sc->m[i].klen == n && memcmp(sc->m[i].key, key, n) == 0)
			return &sc->m[i];
	return NULL;
}

/* A number as jansson holds it: an integer unless it has a fraction or
 * an exponent. */
static json_t *
number_value(struct scan *sc, const char *s, size_t n)
{
	const char *t = number_text(sc, s, n);

	if (strpbrk(t, ".eE"))
		return json_real(strtod(t, NULL));
	return json_integer((json_int_t)strtoll(t, NULL, 10));
}

json_t *
scan_value(struct scan *sc, const struct scan_member *m)
{
	const char *v = m->val;
	size_t n = m->vlen;
	json_error_t err;
	json_t *j;

	switch (*v) {
	case '"':
		/* Checked already: no need for jansson to check the UTF-8 again. */
		if (!memchr(v + 1, '\\', n - 2))
			return json_stringn_nocheck(v + 1, n - 2);
		buf_reset(&sc->tmp);
		decode_string(&sc->tmp, v + 1, n - 2);
		return json_stringn_nocheck(sc->tmp.s, sc->tmp.len);
	case 't': return json_true();
	case 'f': return json_false();
	case 'n': return json_null();
	case '{':
	case '[':
		if (!(j = json_loadb(v, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err)))
			die(1, "scan: jansson refuses a value the scanner passed: %s", err.text);
		return j;
	default:
		return number_value(sc, v, n);
	}
}

void
scan_free(struct scan *sc)
{
	free(sc->m);
	free(sc->keys);
	free(sc->frame);
	buf_free(&sc->dec);
	buf_free(&sc->tmp);
	hash_index_free(&sc->ix);
	memset(sc, 0, sizeof *sc);
}
