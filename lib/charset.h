/* charset: the bytes of an article, in the encodings people have, as
 * UTF-8.  Detection looks at the bytes only: a byte order mark, the NUL
 * pattern of UTF-16 without one, valid UTF-8, else Windows-1252 (which
 * also reads Latin-1 text that has no C1 controls).  The conversions are
 * iconv's, so a named encoding is anything iconv knows. */
#ifndef CHARSET_H
#define CHARSET_H

#include <stddef.h>

#include "buf.h"

enum charset {
	CHARSET_UTF8,		/* valid UTF-8, taken as it is */
	CHARSET_UTF16LE,
	CHARSET_UTF16BE,
	CHARSET_WINDOWS_1252,	/* not UTF-8, and every byte is a 1252 character */
	CHARSET_NAMED		/* the encoding the caller named */
};

/* What was found: the charset, and whether a byte order mark led. */
struct charset_found {
	enum charset cs;
	int bom;
};

enum {
	CHARSET_OK = 0,
	CHARSET_INVALID = -1,	/* bytes that are not text in it: *bad says where */
	CHARSET_UNKNOWN = -2	/* a name iconv does not know */
};

/* Decode s[0..n) into out (emptied first; NUL-terminated UTF-8).  name
 * NULL: detect as above.  Otherwise decode from the named encoding
 * ("UTF-8" must then be valid UTF-8; a BOM of that encoding is dropped).
 * Returns CHARSET_OK, CHARSET_INVALID with *bad the byte offset of the
 * first byte that cannot be read (undetected: the first invalid UTF-8
 * sequence), or CHARSET_UNKNOWN. */
int charset_decode(const char *s, size_t n, const char *name, struct buf *out,
    struct charset_found *found, size_t *bad);
/* Whether detection (name NULL) would take s[0..n) as it is: valid
 * UTF-8, maybe after a UTF-8 byte order mark, and no UTF-16.  Callers
 * that can read the bytes in place skip the copy charset_decode makes. */
int charset_plain_utf8(const char *s, size_t n);
/* The charset's name as iconv and HTML spell it ("UTF-16LE",
 * "windows-1252"); for CHARSET_NAMED, name. */
const char *charset_name(enum charset cs, const char *name);

#endif
