/* Unit test of lib/scan (a JSON line checked as jansson reads it, its
 * members located and decoded) and lib/splice (the line written back
 * with a filter's own fields in place). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "scan.h"
#include "splice.h"

static int failed;
static struct scan sc = SCAN_INIT;

/* What record_parse() accepts: an object jansson reads, no NUL byte. */
static int
jansson_reads(const char *s, size_t n)
{
	json_error_t err;
	json_t *j;
	int ok;

	if (memchr(s, '\0', n))
		return 0;
	j = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
	ok = j && json_is_object(j);
	json_decref(j);
	return ok;
}

/* s (n bytes) is read (want 1) or refused (0), and jansson agrees. */
static void
verdict(const char *s, size_t n, int want)
{
	int got = scan_object(&sc, s, n);

	if (got != want)
		printf("FAIL %s: scan says %d, want %d\n", n < 200 ? s : "(long)", got, want), failed = 1;
	if (jansson_reads(s, n) != want)
		printf("FAIL %s: jansson does not say %d\n", n < 200 ? s : "(long)", want), failed = 1;
}

static void
accept(const char *s)
{
	verdict(s, strlen(s), 1);
}

static void
refuse(const char *s)
{
	verdict(s, strlen(s), 0);
}

static void
verdicts(void)
{
	static const char *const ok[] = {
		"{}", " \t{ }\r", "{\"a\":-0}", "{\"a\":1E5}", "{\"a\":0e0}", "{\"a\":-0.0}",
		"{\"a\":9223372036854775807}", "{\"a\":-9223372036854775808}",
		"{\"a\":1e-400}", "{\"a\":4.9e-324}", "{\"a\":123456789012345678901234567890.0}",
		"{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\uD83D\\uDE00 \\/ \\b\\f\\n\\r\\t\\\"\\\\\"}",
		"{\"a\" : 1 , \"b\" :[ 1 , 2 ] ,\"c\":{ \"d\" : [ ] } }", "{\"a\":true,\"b\":false,\"c\":null}",
		"{\"a\":\"\x7f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}", "{\"k\":{\"k\":1},\"j\":{\"k\":2}}",
		"{\"a\":[{\"x\":1},{\"x\":2}]}", "{\"\":1}", "{\"a\":\"0123456789abcdef0123456789\"}",
		"{\"a\":1}\n",
	};
	static const char *const bad[] = {
		"", "  ", "[1,2]", "42", "\"text\"", "null", "{", "{} x", "{}{}", "{,}", "{\"a\":1,}",
		"{\"a\":[1,]}", "{\"a\":[,1]}", "{1:2}", "{\"a\"}", "{\"a\":}", "{\"a\":1 \"b\":2}",
		"{\"a\":1e}", "{\"a\":01}", "{\"a\":-}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1.}",
		"{\"a\":1.e5}", "{\"a\":00}", "{\"a\":-01}", "{\"a\":1e+}", "{\"a\":9223372036854775808}",
		"{\"a\":-9223372036854775809}", "{\"a\":12345678901234567890}", "{\"a\":1e400}",
		"{\"a\":-1e309}", "{\"\\u0000\":1}", "{\"a\":\"\\u0000\"}", "{\"a\":1,\"\\u0061\":2}",
		"{\"\":1,\"\":2}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}",
		"{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
		"{\"a\":\"\t\"}", "{\"a\":\"x\"}\f", "\xef\xbb\xbf{}", "{\"a\":\"caf\xe9\"}",
		"{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xe2\x82\"}", "{\"a\":1}\xff",
		"{\"b\xc3\":1}", "{\"a\":{\"k\":1,\"k\":2}}", "{\"a\":[{\"k\":1,\"k\":2}]}",
		"{\"a\":\"unterminated}", "{\"a\":1}}", "{\"a\":[1}", "{\"a\":{\"b\":1]}",
	};
	size_t i;

	for (i = 0; i < sizeof ok / sizeof *ok; i++)
		accept(ok[i]);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		refuse(bad[i]);
	verdict("{\"a\":\"x\0y\"}", 11, 0);
	verdict("{\"a\":1}\0", 8, 0);
}

/* A value inside depth - 1 arrays in an object: jansson's limit is 2048
 * levels, the object counting as one and a scalar as one more. */
static void
depth(size_t arrays, int scalar, int want)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_adds(&b, "{\"x\":");
	for (i = 0; i < arrays; i++)
		buf_addc(&b, '[');
	if (scalar)
		buf_addc(&b, '1');
	for (i = 0; i < arrays; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '}');
	verdict(b.s, b.len, want);
	buf_free(&b);
}

/* Objects past the pairwise check's size go through the hash index. */
static void
big_object(size_t n, const char *last, int want)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_addc(&b, '{');
	for (i = 0; i < n; i++)
		buf_printf(&b, "\"key%zu\":%zu,", i, i);
	buf_printf(&b, "%s:0}", last);
	verdict(b.s, b.len, want);
	buf_free(&b);
}

static void
limits(void)
{
	depth(2046, 1, 1);
	depth(2047, 1, 0);
	depth(2047, 0, 1);
	depth(2048, 0, 0);
	depth(10000, 0, 0);
	big_object(40, "\"fresh\"", 1);
	big_object(40, "\"key17\"", 0);
	big_object(40, "\"key\\u00317\"", 0);
	big_object(1000, "\"key999\"", 0);
}

static void
member(size_t i, const char *key, const char *val, int spaced)
{
	const struct scan_member *m = &sc.m[i];

	if (i >= sc.n || m->klen != strlen(key) || memcmp(m->key, key, m->klen)
	    || m->vlen != strlen(val) || memcmp(m->val, val, m->vlen) || m->spaced != spaced)
		printf("FAIL member %zu: want %s = %s\n", i, key, val), failed = 1;
}

/* The member's value decoded equals jansson's value of it. */
static void
same_value(const char *line, const char *key)
{
	json_t *full = json_loads(line, JSON_REJECT_DUPLICATES, NULL), *v;
	const struct scan_member *m;

	if (!scan_object(&sc, line, strlen(line)) || !(m = scan_find(&sc, key))) {
		printf("FAIL %s: no member %s\n", line, key), failed = 1;
		json_decref(full);
		return;
	}
	v = scan_value(&sc, m);
	if (!json_equal(v, json_object_get(full, key)))
		printf("FAIL %s: value of %s differs from jansson's\n", line, key), failed = 1;
	json_decref(v);
	json_decref(full);
}

static void
members(void)
{
	const char *line = " { \"a\" : 1e2 , \"b\\u00e9\":[ 1, \"x y\" ],\"c\":\"q\\\"\" , \"d\":{} } ";
	const char *s;

	if (!scan_object(&sc, line, strlen(line)) || sc.n != 4) {
		printf("FAIL members: %zu\n", sc.n), failed = 1;
		return;
	}
	member(0, "a", "1e2", 0);
	member(1, "b\xc3\xa9", "[ 1, \"x y\" ]", 1);
	member(2, "c", "\"q\\\"\"", 0);
	member(3, "d", "{}", 0);
	s = sc.m[1].raw;
	if (sc.m[1].rklen != 9 || memcmp(s, "\"b\\u00e9\"", 9) != 0)
		printf("FAIL members: raw key %.9s\n", s), failed = 1;
	if (scan_find(&sc, "b\xc3\xa9") != &sc.m[1] || scan_find(&sc, "e") != NULL)
		printf("FAIL members: scan_find\n"), failed = 1;
	same_value("{\"s\":\"caf\\u00e9 \\ud83d\\ude00 \\n\\t\\/\\\\ \\\"q\\\"\"}", "s");
	same_value("{\"s\":\"plain \xe2\x82\xac\"}", "s");
	same_value("{\"n\":-12}", "n");
	same_value("{\"n\":9223372036854775807}", "n");
	same_value("{\"n\":1.50}", "n");
	same_value("{\"n\":-1.5E-7}", "n");
	same_value("{\"n\":1e-400}", "n");
	same_value("{\"t\":true,\"f\":false,\"z\":null}", "t");
	same_value("{\"t\":true,\"f\":false,\"z\":null}", "f");
	same_value("{\"t\":true,\"f\":false,\"z\":null}", "z");
	same_value("{\"o\":{\"a\":[1,{\"b\":\"\\u00e9\"}], \"c\" : 2.5}}", "o");
}

/* The line written back with owned fields set as the callback would. */
static void
spliced(const char *line, const char *const *owned, const char *set, const char *want)
{
	static const char *const none[] = { NULL };
	struct buf b = BUF_INIT;
	json_t *rec = set ? json_loads(set, 0, NULL) : json_object();

	splice_use(none, owned);
	if (!scan_object(&sc, line, strlen(line)))
		printf("FAIL splice %s: refused\n", line), failed = 1;
	splice_write(&b, &sc, rec);
	if (strcmp(b.s, want) != 0)
		printf("FAIL splice %s:\n  got  %s\n  want %s\n", line, b.s, want), failed = 1;
	json_decref(rec);
	buf_free(&b);
}

static void
splices(void)
{
	static const char *const owned[] = { "date", "dates", "gone", NULL };

	/* Owned fields in place or appended in the order set; the others as
	 * written, white space outside strings dropped. */
	spliced("{\"z\": 1e2, \"date\":\"old\",\"b\" : [1, 2 ], \"k\\u00e9\":\"\\/ x\"}", owned,
	    "{\"date\":\"2025-09-02\",\"dates\":[]}",
	    "{\"z\":1e2,\"date\":\"2025-09-02\",\"b\":[1,2],\"k\\u00e9\":\"\\/ x\",\"dates\":[]}");
	/* An owned field the callback deleted is dropped. */
	spliced("{\"a\":1,\"gone\":[1, 2],\"b\":2}", owned, "{\"dates\":[{\"x\":1.5}]}",
	    "{\"a\":1,\"b\":2,\"dates\":[{\"x\":1.5}]}");
	/* Owned values are written by jsonout, as every program writes them. */
	spliced("{\"date\":\"x\",\"n\":1.50}", owned, "{\"date\":\"\\u00e9\\u0001\",\"dates\":[1e2]}",
	    "{\"date\":\"\xc3\xa9\\u0001\",\"n\":1.50,\"dates\":[100.0]}");
	/* Spaces inside strings of a spaced value stay, escaped quotes too. */
	spliced("{\"v\": [ \"a b\", \"c\\\" d\" ] }", owned, NULL, "{\"v\":[\"a b\",\"c\\\" d\"]}");
	spliced("{}", owned, "{\"date\":null}", "{\"date\":null}");
	splice_free();
}

int
main(void)
{
	diag_init("scan");
	verdicts();
	limits();
	members();
	splices();
	scan_free(&sc);
	if (failed)
		return 1;
	puts("scan: ok");
	return 0;
}
