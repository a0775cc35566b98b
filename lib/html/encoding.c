/* encoding: a saved page's bytes as UTF-8, the way browsers read them:
 * a byte order mark first, then the charset the page declares in its
 * first bytes (<meta charset>, <meta http-equiv="Content-Type">, an XML
 * declaration), else UTF-8.  Bytes that are not valid in UTF-8 are read
 * as Windows-1252 one run at a time, so a UTF-8 page with a few stray
 * Latin-1 bytes keeps its other letters.  The conversions are
 * lib/charset's (iconv); this file only decides which to ask for. */
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "html/internal.h"
#include "text.h"

/* How far into the page a declaration is looked for: more than the
 * 1024 bytes of the HTML standard, as saved pages put scripts first. */
#define SNIFF_BYTES 8192

/* Labels the WHATWG Encoding Standard reads as Windows-1252. */
static const char *const latin1_labels[] = {
	"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
	"windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819",
};

/* Case-insensitive search for the lower-case word w in s[0..n). */
static const char *
find_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	for (i = 0; i + k <= n; i++)
		if (hlower((unsigned char)s[i]) == w[0] && heq(s + i, k, w))
			return s + i;
	return NULL;
}

/* The charset name after "charset" or "encoding" at p (up to end): the
 * '=' , quotes and spaces skipped; its length, 0 for none. */
static size_t
label_after(const char *p, const char *end, const char **name)
{
	while (p < end && (hspace(*p) || *p == '='))
		p++;
	while (p < end && (*p == '"' || *p == '\''))
		p++;
	*name = p;
	while (p < end && (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
	    || (*p >= '0' && *p <= '9') || strchr("-_.:", *p)))
		p++;
	return (size_t)(p - *name);
}

/* The charset the page declares in its first bytes, into name (at most
 * cap - 1 bytes); 0 when it declares none. */
static int
declared(const char *s, size_t n, char *name, size_t cap)
{
	const char *end = s + (n < SNIFF_BYTES ? n : SNIFF_BYTES), *p = s, *m, *gt, *c, *v;
	size_t k;

	if (n >= 5 && !memcmp(s, "<?xml", 5) && (gt = memchr(s, '>', (size_t)(end - s)))
	    && (c = find_ci(s, (size_t)(gt - s), "encoding"))
	    && (k = label_after(c + 8, gt, &v)) > 0 && k < cap) {
		memcpy(name, v, k);
		name[k] = '\0';
		return 1;
	}
	while ((m = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
		if (!(gt = memchr(m, '>', (size_t)(end - m))))
			break;
		if ((c = find_ci(m, (size_t)(gt - m), "charset")) != NULL
		    && (k = label_after(c + 7, gt, &v)) > 0 && k < cap) {
			memcpy(name, v, k);
			name[k] = '\0';
			return 1;
		}
		p = gt;
	}
	return 0;
}

/* UTF-8, with each run of invalid bytes read as Windows-1252 (or, for
 * the five bytes that charset has no letter for, ISO-8859-1). */
static void
repair(const char *s, size_t n, struct buf *out)
{
	struct buf run = BUF_INIT;
	size_t i = 0, at, j, bad;
	int32_t cp;

	buf_reset(out);
	buf_add(out, "", 0);
	while (i < n) {
		at = i + text_invalid_at(s + i, n - i);
		buf_add(out, s + i, at - i);
		if (at == n)
			break;
		for (j = at + 1; j < n && (unsigned char)s[j] >= 0x80
		    && text_decode(s + j, n - j, &cp) < 0; j++)
			;
		if (charset_decode(s + at, j - at, "WINDOWS-1252", &run, NULL, &bad) != CHARSET_OK)
			charset_decode(s + at, j - at, "ISO-8859-1", &run, NULL, &bad);
		buf_add(out, run.s, run.len);
		i = j;
	}
	buf_free(&run);
}

int
html_decode(const char *s, size_t n, int decoded, struct buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	char name[64];
	size_t bad, i;

	if (decoded)
		return 0;
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)
	    || (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF))) {
		if (charset_decode(s, n, NULL, out, NULL, &bad) == CHARSET_OK)
			return 1;
		if (u[0] == 0xEF)
			s += 3, n -= 3;	/* UTF-8 after all, with stray bytes */
		repair(s, n, out);
		return 1;
	}
	if (declared(s, n, name, sizeof name) && strcasecmp(name, "utf-8")
	    && strcasecmp(name, "utf8") && strncasecmp(name, "utf-16", 6)) {
		for (i = 0; i < LEN(latin1_labels); i++)
			if (strcasecmp(name, latin1_labels[i]) == 0)
				strcpy(name, "WINDOWS-1252");
		if (charset_decode(s, n, name, out, NULL, &bad) == CHARSET_OK)
			return 1;
	}
	if (text_invalid_at(s, n) == n)
		return 0;
	repair(s, n, out);
	return 1;
}
