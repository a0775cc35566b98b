/* Unit test of the loops that read 8 bytes at a time: jsonout's escape
 * (lib/jsonout.c), text_invalid_at (lib/text.c) and article_words
 * (lib/article/article.c) give what a byte at a time gives, with the
 * byte that matters at every offset of a word and beyond, and on
 * random texts.  Exits 1 on a failure. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "article/article.h"
#include "buf.h"
#include "expect.h"
#include "jsonout.h"
#include "text.h"

/* article_words a byte at a time, as it was written first: letters and
 * digits make words, ' - U+2019 U+2010 U+2011 join two of them. */
static size_t
slow_words(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	int in = 0, len, alnum, joiner;
	int32_t cp;
	unsigned char c, d;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
			joiner = c == '\'' || c == '-';
			len = 1;
		} else {
			if ((len = text_decode(s + i, n - i, &cp)) <= 0)
				len = 1, cp = 0;
			alnum = text_is_alpha(cp) || text_is_digit(cp);
			joiner = cp == 0x2019 || cp == 0x2010 || cp == 0x2011;
		}
		d = i + (size_t)len < n ? (unsigned char)s[i + (size_t)len] : 0;
		if (alnum) {
			words += !in;
			in = 1;
		} else if (!(joiner && in && i + (size_t)len < n
		    && ((d >= '0' && d <= '9') || ((d | 0x20) >= 'a' && (d | 0x20) <= 'z') || d >= 0x80))) {
			in = 0;
		}
		i += (size_t)len;
	}
	return words;
}

/* The pieces random texts are made of. */
static const char *const pieces[] = {
	"a", "Z", "7", " ", "  ", "'", "-", "--", ".", ",", "\n", "\t", "@", "[", "`", "{",
	"\xC3\xA9",		/* é */
	"\xE2\x80\x99",	/* right single quote, a joiner */
	"\xE2\x80\x94",	/* em dash */
	"\xE2\x80\x90",	/* hyphen */
	"\xD9\xA3",		/* Arabic-Indic digit three */
	"\xC2\xA0",		/* no-break space */
	"\xFF",		/* no UTF-8 */
};

/* JSON's escape of s, a byte at a time, quotes around it. */
static void
slow_escape(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;
	unsigned char c;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_addc(b, '\\'), buf_addc(b, (char)c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\b')
			buf_adds(b, "\\b");
		else if (c == '\f')
			buf_adds(b, "\\f");
		else if (c < 0x20) {
			buf_adds(b, "\\u00");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		} else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/* The bytes that need an escape, and some that do not but are near
 * them in value (' ', '!', '#', '[', ']', 0x7F, 0x9F, 0xA2, 0xDC). */
static const unsigned char odd[] = {
	0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, '"', '\\',
	' ', '!', '#', '[', ']', 0x7F, 0x9F, 0xA2, 0xDC,
};

int
main(void)
{
	char s[40];
	struct buf fast = BUF_INIT, slow = BUF_INIT;
	size_t len, at, k;

	for (len = 0; len <= 24; len++)
		for (at = 0; at < len; at++)
			for (k = 0; k < sizeof odd; k++) {
				memset(s, 'a', len);
				s[at] = (char)odd[k];
				buf_reset(&fast);
				buf_reset(&slow);
				jsonout_string(&fast, s, len);
				slow_escape(&slow, s, len);
				if (fast.len != slow.len || memcmp(fast.s, slow.s, slow.len) != 0) {
					printf("FAIL escape: length %zu, byte 0x%02X at %zu\n", len, odd[k], at);
					failed = 1;
				}
			}
	/* an invalid byte (a lone continuation, a lead without its
	 * continuation) after ASCII at every offset; é is valid */
	for (len = 1; len <= 24; len++)
		for (at = 0; at < len; at++) {
			memset(s, 'a', len);
			s[at] = (char)0x80;
			expect("continuation", (long)text_invalid_at(s, len), (long)at);
			s[at] = (char)0xC3;
			expect("cut lead", (long)text_invalid_at(s, len), (long)at);
			if (at + 1 < len) {
				s[at + 1] = (char)0xA9;
				expect("valid pair", (long)text_invalid_at(s, len), (long)len);
			}
		}
	/* words: texts of random pieces, every length up to 40 bytes */
	{
		char t[256];
		unsigned long r = 2024;
		size_t np = sizeof pieces / sizeof *pieces, round, tn;

		for (round = 0; round < 200000; round++) {
			tn = 0;
			while (tn < (round % 40) + 1) {
				r = r * 6364136223846793005UL + 1442695040888963407UL;
				tn += (size_t)snprintf(t + tn, sizeof t - tn, "%s", pieces[(r >> 33) % np]);
			}
			if (article_words(t, tn) != slow_words(t, tn)) {
				printf("FAIL words: %zu, want %zu in '%.*s'\n", article_words(t, tn),
				    slow_words(t, tn), (int)tn, t);
				failed = 1;
				break;
			}
		}
	}
	buf_free(&fast);
	buf_free(&slow);
	if (!failed)
		printf("bytes8: ok\n");
	return failed;
}
