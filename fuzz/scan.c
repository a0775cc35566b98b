/* Fuzz target: lib/scan and lib/splice against jansson on the same line.
 * The scanner must accept exactly what record_parse() accepts, find the
 * members jansson finds in the same order with the same values, and a
 * line written back with an owned field replaced (or deleted) and one
 * appended must read back as jansson's object changed the same way:
 * the same keys in the same order, the same values, and compact. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "scan.h"
#include "splice.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct scan sc = SCAN_INIT;
static struct buf out = BUF_INIT;

static void
cleanup(void)
{
	scan_free(&sc);
	buf_free(&out);
	splice_free();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	diag_init("fuzz-scan");
	atexit(cleanup);
	return 0;
}

static json_t *
jansson_object(const char *s, size_t n)
{
	json_t *j;

	if (memchr(s, '\0', n))
		return NULL;
	j = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, NULL);
	if (j && !json_is_object(j)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* Same members, order and values as jansson's object. */
static void
same_members(json_t *full)
{
	const char *k;
	json_t *v, *mine;
	size_t i = 0;

	if (sc.n != json_object_size(full))
		abort();
	json_object_foreach(full, k, v) {
		if (sc.m[i].klen != strlen(k) || memcmp(sc.m[i].key, k, sc.m[i].klen) != 0)
			abort();
		mine = scan_value(&sc, &sc.m[i]);
		if (!json_equal(mine, v))
			abort();
		json_decref(mine);
		i++;
	}
}

/* No white space outside strings. */
static void
compact(const char *s, size_t n)
{
	size_t i;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (in && s[i] == '\\')
			i++;
		else if (s[i] == '"')
			in = !in;
		else if (!in && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			abort();
	}
}

/* The same keys in the same order. */
static void
same_order(json_t *a, json_t *b)
{
	void *i = json_object_iter(a), *j = json_object_iter(b);

	for (; i && j; i = json_object_iter_next(a, i), j = json_object_iter_next(b, j))
		if (strcmp(json_object_iter_key(i), json_object_iter_key(j)) != 0)
			abort();
	if (i || j)
		abort();
}

/* Own the first member (replaced, or deleted for an odd count of
 * members) and a new field; the result must be jansson's object with
 * the same changes, keys in the same order. */
static void
same_splice(json_t *full)
{
	static char first[64];
	const char *owned[3] = { "\x01new", NULL, NULL }, *none[] = { NULL };
	json_t *rec = json_object(), *back;

	if (sc.n && sc.m[0].klen < sizeof first) {
		memcpy(first, sc.m[0].key, sc.m[0].klen);
		first[sc.m[0].klen] = '\0';
		owned[1] = first;
		if (sc.n % 2 == 0) {
			json_object_set_new(rec, first, json_string("set"));
			json_object_set_new(full, first, json_string("set"));
		} else {
			json_object_del(full, first);
		}
	}
	json_object_set_new(rec, owned[0], json_integer(7));
	json_object_set_new(full, owned[0], json_integer(7));
	splice_use(none, owned);
	buf_reset(&out);
	splice_write(&out, &sc, rec);
	compact(out.s, out.len);
	if (!(back = json_loadb(out.s, out.len, JSON_REJECT_DUPLICATES, NULL)) || !json_equal(back, full))
		abort();
	same_order(back, full);
	json_decref(back);
	json_decref(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	json_t *full = jansson_object(s, size);
	int ok = scan_object(&sc, s, size);

	if (ok != (full != NULL))
		abort();
	if (full) {
		same_members(full);
		same_splice(full);
	}
	json_decref(full);
	return 0;
}
