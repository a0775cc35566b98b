/* Unit test of lib/charset: detection and conversion to UTF-8. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "charset.h"

static int failed;

/* decode IN (n bytes) with name; expect status, text, charset, bom. */
static void
check(const char *what, const char *in, size_t n, const char *name, int status,
    const char *want, enum charset cs, int bom, size_t bad)
{
	struct buf out = BUF_INIT;
	struct charset_found f = { CHARSET_NAMED, -1 };
	size_t at = (size_t)-1;
	int r = charset_decode(in, n, name, &out, &f, &at);

	if (r != status)
		printf("FAIL %s: status %d, want %d\n", what, r, status), failed = 1;
	else if (status == CHARSET_OK && (strcmp(out.s, want) != 0 || out.len != strlen(want)))
		printf("FAIL %s: got '%s'\n", what, out.s), failed = 1;
	else if (status == CHARSET_OK && (f.cs != cs || f.bom != bom))
		printf("FAIL %s: found %d bom %d\n", what, f.cs, f.bom), failed = 1;
	else if (status == CHARSET_INVALID && at != bad)
		printf("FAIL %s: bad at %zu, want %zu\n", what, at, bad), failed = 1;
	buf_free(&out);
}

#define S(lit) lit, sizeof lit - 1

int
main(void)
{
	check("utf-8", S("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"), NULL, CHARSET_OK,
	    "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", CHARSET_UTF8, 0, 0);
	check("empty", S(""), NULL, CHARSET_OK, "", CHARSET_UTF8, 0, 0);
	check("utf-8 bom", S("\xef\xbb\xbfHi"), NULL, CHARSET_OK, "Hi", CHARSET_UTF8, 1, 0);
	check("utf-16le bom", S("\xff\xfeH\0i\0 \0\xe9\0"), NULL, CHARSET_OK,
	    "Hi \xc3\xa9", CHARSET_UTF16LE, 1, 0);
	check("utf-16be bom", S("\xfe\xff\0H\0i"), NULL, CHARSET_OK, "Hi",
	    CHARSET_UTF16BE, 1, 0);
	check("utf-16le no bom", S("T\0i\0t\0l\0e\0\n\0"), NULL, CHARSET_OK,
	    "Title\n", CHARSET_UTF16LE, 0, 0);
	check("utf-16be no bom", S("\0T\0i\0t\0l\0e\0\n"), NULL, CHARSET_OK,
	    "Title\n", CHARSET_UTF16BE, 0, 0);
	check("latin-1 pound", S("\xa3" "5 caf\xe9"), NULL, CHARSET_OK,
	    "\xc2\xa3" "5 caf\xc3\xa9", CHARSET_WINDOWS_1252, 0, 0);
	check("1252 quotes", S("\x93q\x94 \x85"), NULL, CHARSET_OK,
	    "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\xa6", CHARSET_WINDOWS_1252, 0, 0);
	check("not 1252 (0x81)", S("ok \x81 x"), NULL, CHARSET_INVALID, NULL, 0, 0, 3);
	check("bom then bad utf-8", S("\xef\xbb\xbf" "a\xe9"), NULL, CHARSET_INVALID,
	    NULL, 0, 0, 4);
	check("named latin-2", S("\xb1"), "ISO-8859-2", CHARSET_OK, "\xc4\x85",
	    CHARSET_NAMED, 0, 0);
	check("named utf-8, bad", S("a\xff"), "utf-8", CHARSET_INVALID, NULL, 0, 0, 1);
	check("named utf-8, bom", S("\xef\xbb\xbfx"), "UTF-8", CHARSET_OK, "x",
	    CHARSET_UTF8, 1, 0);
	check("unknown name", S("x"), "NO-SUCH-CHARSET", CHARSET_UNKNOWN, NULL, 0, 0, 0);
	/* what detection would take as it is */
	if (!charset_plain_utf8(S("caf\xc3\xa9")) || !charset_plain_utf8(S("\xef\xbb\xbfHi"))
	    || !charset_plain_utf8(S("")) || charset_plain_utf8(S("\xff\xfeH\0i\0"))
	    || charset_plain_utf8(S("T\0i\0t\0l\0")) || charset_plain_utf8(S("caf\xe9")))
		printf("FAIL plain utf-8\n"), failed = 1;
	if (strcmp(charset_name(CHARSET_WINDOWS_1252, NULL), "windows-1252") != 0)
		printf("FAIL name\n"), failed = 1;
	if (!failed)
		printf("charset: ok\n");
	return failed;
}
