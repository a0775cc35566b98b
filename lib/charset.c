#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "diag.h"
#include "text.h"

/* UTF-16 without a byte order mark: ASCII-heavy text has a NUL in every
 * other byte.  Judged on the first 4 KiB: at least a third of the
 * code units have one zero byte, all on the same side. */
static enum charset
utf16_by_nuls(const unsigned char *s, size_t n)
{
	size_t i, even = 0, odd = 0, units;

	if (n < 4 || n % 2)
		return CHARSET_UTF8;
	if (n > 4096)
		n = 4096;
	if (!memchr(s, 0, n))	/* most text: no NUL at all */
		return CHARSET_UTF8;
	for (i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	units = n / 2;
	if (odd * 3 >= units && even == 0)
		return CHARSET_UTF16LE;
	if (even * 3 >= units && odd == 0)
		return CHARSET_UTF16BE;
	return CHARSET_UTF8;
}

/* iconv from `from` onto out; CHARSET_INVALID with *bad on a byte it
 * cannot read, CHARSET_UNKNOWN if it has no such converter. */
static int
convert(const char *from, const char *s, size_t n, struct buf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)s, *o;
	size_t left = n, room;
	int status = CHARSET_OK;

	if (cd == (iconv_t)-1) {
		/* Not "no such converter": one that could not be loaded. */
		if (errno == ENOMEM)
			die(1, "out of memory");
		return CHARSET_UNKNOWN;
	}
	while (left > 0) {
		/* Three bytes of UTF-8 per input byte covers every charset
		 * but the rare four-byte ones, which just take another turn. */
		buf_reserve(out, 3 * left + 4);
		o = out->s + out->len;
		room = out->cap - out->len - 1;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			*bad = (size_t)(in - s);
			status = CHARSET_INVALID;
			left = 0;
		}
		out->len = (size_t)(o - out->s);
	}
	buf_reserve(out, 0);
	out->s[out->len] = '\0';
	iconv_close(cd);
	return status;
}

static int
bom(const unsigned char *s, size_t n, enum charset *cs)
{
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return *cs = CHARSET_UTF8, 3;
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return *cs = CHARSET_UTF16LE, 2;
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return *cs = CHARSET_UTF16BE, 2;
	return 0;
}

static int
detect(const char *s, size_t n, struct buf *out, struct charset_found *f,
    size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t skip = (size_t)bom(u, n, &f->cs), at;

	f->bom = skip > 0;
	if (!skip)
		f->cs = utf16_by_nuls(u, n);
	if (f->cs != CHARSET_UTF8)
		return convert(charset_name(f->cs, NULL), s + skip, n - skip, out, bad);
	if ((at = text_invalid_at(s + skip, n - skip)) == n - skip) {
		buf_add(out, s + skip, n - skip);
		return CHARSET_OK;
	}
	if (skip || convert("WINDOWS-1252", s, n, out, bad) != CHARSET_OK) {
		*bad = skip + at;	/* the UTF-8 error is the one to report */
		return CHARSET_INVALID;
	}
	f->cs = CHARSET_WINDOWS_1252;
	return CHARSET_OK;
}

int
charset_plain_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	enum charset cs = CHARSET_UTF8;
	size_t skip = (size_t)bom(u, n, &cs);

	if (cs != CHARSET_UTF8 || (!skip && utf16_by_nuls(u, n) != CHARSET_UTF8))
		return 0;
	return text_invalid_at(s + skip, n - skip) == n - skip;
}

int
charset_decode(const char *s, size_t n, const char *name, struct buf *out,
    struct charset_found *found, size_t *bad)
{
	struct charset_found f = { CHARSET_NAMED, 0 };
	enum charset cs;
	size_t skip, at;
	int r;

	buf_reset(out);
	buf_add(out, "", 0);
	if (!name)
		r = detect(s, n, out, &f, bad);
	else if (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0) {
		skip = bom((const unsigned char *)s, n, &cs) && cs == CHARSET_UTF8 ? 3 : 0;
		f.bom = skip > 0;
		f.cs = CHARSET_UTF8;
		if ((at = text_invalid_at(s + skip, n - skip)) < n - skip) {
			*bad = skip + at;
			r = CHARSET_INVALID;
		} else {
			buf_add(out, s + skip, n - skip);
			r = CHARSET_OK;
		}
	} else
		r = convert(name, s, n, out, bad);
	if (found)
		*found = f;
	return r;
}

const char *
charset_name(enum charset cs, const char *name)
{
	switch (cs) {
	case CHARSET_UTF8:
		return "UTF-8";
	case CHARSET_UTF16LE:
		return "UTF-16LE";
	case CHARSET_UTF16BE:
		return "UTF-16BE";
	case CHARSET_WINDOWS_1252:
		return "windows-1252";
	case CHARSET_NAMED:
		break;
	}
	return name;
}
