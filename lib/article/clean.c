/* clean: passes 1 and 2, the lines the others read.  Pass 1 normalises
 * the text (line ends, Unicode spaces, zero-width characters); pass 2
 * strips inline markdown line by line, noting headings, images and
 * credit links in the line's flags. */
#include <stdint.h>
#include <string.h>

#include "article/internal.h"
#include "mem.h"
#include "text.h"

/* ---- pass 1: normalise -------------------------------------------- */

static void
push_line(struct line **v, size_t *nv, size_t *cap, size_t off, size_t len, unsigned flags)
{
	*v = egrow(*v, cap, *nv + 1, sizeof **v);
	(*v)[(*nv)++] = (struct line){ off, len, flags, 0 };
}

/* A line that starts with two spaces or a tab: in plain text, a new
 * paragraph ("    Pay April 15"). */
static unsigned
indented(const char *s, size_t n)
{
	return (n >= 2 && s[0] == ' ' && s[1] == ' ') || (n && s[0] == '\t') ? LF_INDENT : 0;
}

/* A line's record of its wide gaps (line.gap) after one after the
 * words-th word of the line in out: the first one's words, or
 * GAP_MANY once there are more; the one after a markdown heading's
 * "#" does not count. */
static unsigned
wide_gap(unsigned gap, unsigned words, const char *out)
{
	if (words == 0 && out[0] == '#')
		return gap;
	return gap ? GAP_MANY : words + 1;
}

/* The 8 bytes at s go as they are, in a run of printable ASCII: each
 * printable or a single space, the last no space.  1 + the spaces
 * among them if so, else 0. */
static int
plain8(const char *s)
{
	uint64_t x = text_word8(s), sp;

	if ((x & 0x8080808080808080ULL) || text_zero_bytes(x & 0xE0E0E0E0E0E0E0E0ULL)
	    || text_zero_bytes(x ^ 0x7F7F7F7F7F7F7F7FULL) || s[7] == ' ')
		return 0;
	sp = text_zero_bytes(x ^ 0x2020202020202020ULL);
	if (sp & (sp << 8))
		return 0;
	return 1 + text_marked(sp);
}

/* Lines without their ends, white space collapsed to one ASCII space,
 * trimmed; zero-width characters and the BOM dropped. */
void
art_normalise(struct parse *p, const char *s, size_t n)
{
	size_t i = 0, o = 0, start = 0;
	unsigned words = 0, gap = 0, blanks = 0;
	int space = 0, len, k;
	unsigned indent = indented(s, n);
	int32_t cp;
	char *out;

	p->norm = out = emalloc(n + 1);
	while (i < n) {
		unsigned char c = s[i];

		if (c > 0x20 && c < 0x7f) {
			if (space && o > start) {
				if (blanks >= 2)
					gap = wide_gap(gap, words, out + start);
				words++;
				out[o++] = ' ';
			}
			space = 0;
			blanks = 0;
			/* A run of printable ASCII and single spaces. */
			do {
				out[o++] = (char)c;
				if (++i >= n)
					break;
				while (i + 8 <= n && (k = plain8(s + i)) > 0) {
					memcpy(out + o, s + i, 8);
					words += (unsigned)k - 1;
					o += 8;
					i += 8;
				}
				if (i >= n)
					break;
				c = s[i];
				if (c == ' ' && i + 1 < n && (unsigned char)s[i + 1] > 0x20
				    && (unsigned char)s[i + 1] < 0x7f) {
					out[o++] = ' ';
					words++;
					c = s[++i];
				}
			} while (c > 0x20 && c < 0x7f);
			continue;
		}
		if (c == '\n' || c == '\r') {
			push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, indent);
			p->nl[p->nnl - 1].gap = gap;
			i += c == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			start = o;
			space = 0;
			words = gap = blanks = 0;
			indent = indented(s + i, n - i);
			continue;
		}
		if (c < 0x80) {		/* blanks, controls, NUL, DEL */
			space = 1;
			blanks += c == '\t' ? 2 : 1;
			i++;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		if (len <= 0) {		/* validated before; be safe anyway */
			i++;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029) {
			push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, indent);
			p->nl[p->nnl - 1].gap = gap;
			indent = 0;
			start = o;
			space = 0;
			words = gap = blanks = 0;
		} else if (cp == 0xFEFF || cp == 0x200B || cp == 0x2060 || cp == 0x00AD) {
			;
		} else if (cp < 0xA0 || text_is_space(cp)) {
			space = 1;
			blanks++;
		} else {
			if (space && o > start) {
				if (blanks >= 2)
					gap = wide_gap(gap, words, out + start);
				words++;
				out[o++] = ' ';
			}
			space = 0;
			blanks = 0;
			memcpy(out + o, s + i, (size_t)len);
			o += (size_t)len;
		}
		i += (size_t)len;
	}
	if (o > start || p->nnl == 0) {
		push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, indent);
		p->nl[p->nnl - 1].gap = gap;
	}
}

/* ---- pass 2: inline markdown --------------------------------------- */

/* Position of the next c at or after i, remembered so that a line full
 * of '[' without ']' stays linear. */
struct next {
	size_t at;
	int valid;
};

static size_t
next_of(const char *s, size_t n, size_t i, char c, struct next *nx)
{
	const char *q;

	if (nx->valid && nx->at >= i)
		return nx->at;
	q = i < n ? memchr(s + i, c, n - i) : NULL;
	nx->at = q ? (size_t)(q - s) : n;
	nx->valid = 1;
	return nx->at;
}

static int
hr_line(const char *s, size_t n)
{
	size_t i, marks = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == '=')
			marks++;
		else if (s[i] != ' ')
			return 0;
	}
	return marks >= 3;
}

/* The character at s is a punctuation mark or symbol of Latin-1
 * (U+0080-U+00BF: guillemets, the no-break space) or of the General
 * Punctuation block (U+2000-U+206F: quotes, dashes, the ellipsis),
 * though its bytes are no ASCII: "*giggle*”" closes its emphasis. */
static int
punct_at(const char *s, size_t n)
{
	const unsigned char *c = (const unsigned char *)s;

	if (n >= 2 && c[0] == 0xC2 && c[1] >= 0x80 && c[1] <= 0xBF)
		return 1;
	return n >= 3 && c[0] == 0xE2 && (c[1] == 0x80 || c[1] == 0x81);
}

/* The character that ends out[0..o) is such a mark ("“*gulp*"). */
static int
punct_before(const char *out, size_t o)
{
	size_t k = o;

	while (k > 0 && o - k < 3 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
		k--;
	return k > 0 && k < o && punct_at(out + k - 1, o - k + 1);
}

/* Bytes md_line must look at; spaces are collapsed already. */
static const unsigned char md_special[256] = {
	['['] = 1, ['!'] = 1, ['<'] = 1, ['*'] = 1, ['_'] = 1, ['\\'] = 1
};

/* None of the 8 bytes at s is one of md_special's.  Their low seven
 * bits are looked at: a byte of UTF-8 may look like one ("\303\274"
 * like "C<"), and is looked at again one by one. */
static int
special8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t y = text_word8(s) & (ones * 0x7F);

	/* '[' '\\' '_' and the ']' '^' between them, then '!' '*' '<' */
	return text_in_range(y, '[', '_') || text_zero_bytes(y ^ (ones * '!')) || text_zero_bytes(y ^ (ones * '*'))
	    || text_zero_bytes(y ^ (ones * '<'));
}

/* What md_line saw: a mark only markdown writes (a "#" heading, a
 * link, an image, "**" or "__", a backslash before a mark), and
 * emphasis it took off ("*Update*"). */
enum { MD_MARK = 1, MD_EMPHASIS = 2 };

/* The length of the bullet a list item starts with, its space with it
 * ("• ", "◦ ", "▪ ", "□ ": a text browser's dump of a page's menus), 0
 * if none; an item that is a sentence keeps its bullet, the writer's. */
static size_t
bullet(const char *s, size_t n)
{
	static const char *const marks[] = {
		"\xE2\x80\xA2", "\xE2\x80\xA3", "\xE2\x81\x83", "\xE2\x97\xA6",
		"\xE2\x96\xAA", "\xE2\x96\xAB", "\xE2\x96\xA0", "\xE2\x96\xA1",
		"\xE2\x97\x8F", "\xE2\x97\x8B"
	};
	size_t k;

	if (n < 4 || (unsigned char)s[0] != 0xE2 || s[3] != ' ')
		return 0;
	for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
		if (!memcmp(s, marks[k], 3))
			return art_is_prose(s + 4, n - 4) ? 0 : 4;
	return 0;
}

/* The length of the mark a line starts with, its space with it: a
 * heading's "#" (flagged in *fl), a quote's ">", a list item's "-"
 * or bullet; 0 if none. */
static size_t
line_mark(const char *s, size_t n, unsigned *fl, unsigned *seen)
{
	size_t k;

	for (k = 0; k < n && k < 6 && s[k] == '#'; k++)
		;
	if (k > 0 && k < n && s[k] == ' ') {
		*fl |= LF_HEADING | (k == 1 ? LF_H1 : 0);
		*seen |= MD_MARK;
		return k + 1;
	}
	if (n >= 2 && s[0] == '>' && s[1] == ' ')
		return 2;
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return 2;
	return bullet(s, n);
}

/* A link a writer's wrap broke over lines ("[the\nminutes](url)", a
 * URL with a line break in it): where the line md_line reads stands,
 * what the lines under it hold (looked at once, when a link asks), and
 * whether the line starts in a link's text or in its URL. */
struct md_carry {
	struct parse *p;
	size_t line;
	int looked, text_closes, url_closes;
	int in_text, in_url;
};

/* How far down a link's text or URL may go on. */
#define LINK_LINES 8

/* Look at the lines under mc->line, up to a blank one: does one close
 * a link's text ("...](") and does one close a URL (")")? */
static void
look_down(struct md_carry *mc)
{
	struct parse *p = mc->p;
	size_t j;
	const char *t, *q;

	if (mc->looked)
		return;
	mc->looked = 1;
	for (j = mc->line + 1; j < p->nnl && j <= mc->line + LINK_LINES && p->nl[j].len; j++) {
		t = p->norm + p->nl[j].off;
		q = memchr(t, ')', p->nl[j].len);
		mc->url_closes |= q != NULL;
		for (q = t; q && (q = memchr(q, ']', p->nl[j].len - (size_t)(q - t))) != NULL; q++)
			if ((size_t)(q - t) + 1 < p->nl[j].len && q[1] == '(') {
				mc->text_closes = 1;
				break;
			}
		if (mc->text_closes && mc->url_closes)
			return;
	}
}

/* Where a line that starts in a link's URL goes on: past its ")", n if
 * it has none (the whole line is the URL's). */
static size_t
url_rest(const char *s, size_t n, struct md_carry *mc)
{
	const char *q = memchr(s, ')', n);

	mc->in_url = q == NULL;
	return q ? (size_t)(q - s) + 1 : n;
}

static size_t
md_line(const char *s, size_t n, char *out, unsigned *fl, int md, unsigned *seen, struct md_carry *mc)
{
	struct next rb = { 0, 0 }, rp = { 0, 0 }, gt = { 0, 0 };
	size_t i = 0, o = 0, k, close, paren, skip_at = (size_t)-1, skip_to = 0;
	size_t lt_b = 0, lt_e = 0;

	if (mc->in_url) {
		if ((i = url_rest(s, n, mc)) >= n)
			return 0;
	} else if (mc->in_text) {
		/* the text of a link goes on to its "](url)" */
		mc->in_text = 0;
		close = next_of(s, n, 0, ']', &rb);
		if (close + 1 < n && s[close + 1] == '(') {
			paren = next_of(s, n, close + 2, ')', &rp);
			*seen |= MD_MARK;
			skip_at = close;
			skip_to = paren < n ? paren + 1 : n;
			mc->in_url = paren >= n;
		} else
			mc->in_text = 1;
		i = line_mark(s, n, fl, seen);
	} else if (hr_line(s, n))
		return 0;
	else
		i = line_mark(s, n, fl, seen);
	while (i < n) {
		unsigned char c = s[i];

		if (!md_special[c] && skip_at == (size_t)-1) {
			/* Copy a run of plain bytes at once. */
			for (k = i + 1; k < n; k++) {
				while (k + 8 <= n && !special8(s + k))
					k += 8;
				if (k >= n || md_special[(unsigned char)s[k]])
					break;
			}
			/* a space after one a link's text ended in ("[Acme ](url)
			 * costs"), or one opening it ("was [ rated](url)") */
			if (c == ' ' && o && out[o - 1] == ' ')
				i++;
			memcpy(out + o, s + i, k - i);
			o += k - i;
			i = k;
			continue;
		}
		if (skip_at != (size_t)-1 && i >= skip_at) {
			/* The text of a link ends here; its "(url)" goes. */
			i = skip_to;
			if (i >= n && lt_e > lt_b && !memchr(s + lt_b, ' ', lt_e - lt_b)
			    && memchr(s + lt_b, '.', lt_e - lt_b))
				*fl |= LF_CREDITLINK;
			skip_at = (size_t)-1;
			continue;
		}
		if ((c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) && skip_at == (size_t)-1) {
			k = c == '!' ? i + 1 : i;
			close = next_of(s, n, k + 1, ']', &rb);
			if (close >= n && c == '[' && (look_down(mc), mc->text_closes)) {
				/* its text goes on under */
				*seen |= MD_MARK;
				mc->in_text = 1;
				i = k + 1;
				continue;
			}
			if (close + 1 < n && s[close + 1] == '(') {
				paren = next_of(s, n, close + 2, ')', &rp);
				if (paren >= n && c == '[' && (look_down(mc), mc->url_closes))
					mc->in_url = 1;
				if (paren < n || mc->in_url) {
					*seen |= MD_MARK;
					if (c == '!') {
						*fl |= LF_IMAGE;
						i = paren + 1;
						continue;
					}
					lt_b = k + 1;
					lt_e = close;
					skip_at = close;
					skip_to = paren < n ? paren + 1 : n;
					i = k + 1;
					continue;
				}
			}
		}
		if (c == '<' && art_is_url(s + i + 1, n - i - 1)) {
			close = next_of(s, n, i + 1, '>', &gt);
			if (close < n && !memchr(s + i, ' ', close - i)) {
				memcpy(out + o, s + i + 1, close - i - 1);
				o += close - i - 1;
				i = close + 1;
				continue;
			}
		}
		if (!md && (c == '*' || c == '_' || c == '\\')) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		if (c == '*' || c == '_') {
			int prev = o ? (unsigned char)out[o - 1] : ' ';
			size_t run = 1;

			while (i + run < n && s[i + run] == (char)c)
				run++;
			{
				int next = i + run < n ? (unsigned char)s[i + run] : ' ';
				int inword = isalnum_a(prev) && isalnum_a(next) && !punct_before(out, o)
				    && !punct_at(s + i + run, n - i - run);
				int spaced = prev == ' ' && next == ' ';

				if (!spaced && !inword) {
					*seen |= run > 1 ? MD_MARK : MD_EMPHASIS;
					i += run;
					continue;
				}
			}
			memcpy(out + o, s + i, run);
			o += run;
			i += run;
			continue;
		}
		if (c == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!<>", s[i + 1]) && s[i + 1]) {
			*seen |= MD_MARK;
			out[o++] = s[i + 1];
			i += 2;
			continue;
		}
		if (c == ' ') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			i++;
			continue;
		}
		out[o++] = (char)c;
		i++;
	}
	while (o && out[o - 1] == ' ')
		o--;
	k = 0;
	while (k < o && out[k] == ' ')
		k++;
	if (k)
		memmove(out, out + k, o -= k);
	return o;
}

/* Clean lines from..nnl in markdown (md) or as plain text; what was
 * seen in *seen. */
static void
clean_pass(struct parse *p, size_t from, int md, unsigned *seen)
{
	struct md_carry mc = { p, 0, 0, 0, 0, 0, 0 };
	size_t i, o = 0, len, open = 0;
	unsigned fl;

	p->cnl = 0;
	for (i = from; i < p->nnl; i++) {
		fl = 0;
		/* a link goes on over LINK_LINES lines at most, and over no
		 * blank line */
		if (!(mc.in_text || mc.in_url) || !p->nl[i].len || ++open > LINK_LINES)
			mc.in_text = mc.in_url = 0, open = 0;
		mc.line = i;
		mc.looked = mc.text_closes = mc.url_closes = 0;
		/* a body split before has no markdown left: what looks
		 * like it ("Pflegekräfte* und", "*giggle*") is its text */
		if (p->resplit) {
			len = p->nl[i].len;
			memcpy(p->clean + o, p->norm + p->nl[i].off, len);
		} else
			len = md_line(p->norm + p->nl[i].off, p->nl[i].len, p->clean + o, &fl, md, seen, &mc);
		push_line(&p->cl, &p->cnl, &p->clcap, o, len, fl);
		o += len;
	}
}

/* The width a hard wrap broke the lines at (a writer's, a text
 * browser's dump at 80 columns): the longest line with a space, when it
 * is 40 to 132 characters (one in twenty may be longer: a URL no wrap
 * breaks) and many lines come near it (five, and a fifth of those
 * over 30 bytes, within 12 of it, their paragraph going on under them);
 * 0 when the text is not so wrapped (a page copy's paragraphs are lines
 * of their own). */
#define WRAP_MIN 40
#define WRAP_MAX 132
#define WRAP_NEAR 12

static size_t
wrap_width(struct parse *p, size_t from)
{
	size_t i, n, c, w = 0, near = 0, longer = 0, lines = 0, over = 0;
	const char *s;

	/* bytes first: a line's characters are no more than its bytes */
	for (i = from; i < p->nnl; i++) {
		s = p->norm + p->nl[i].off;
		if ((n = p->nl[i].len) <= w || !memchr(s, ' ', n)) {
			lines += n > 0;
			continue;
		}
		lines++;
		c = n > 4 * WRAP_MAX ? n : text_cplen(s, n);
		if (c > WRAP_MAX)
			over++;
		else if (c > w)
			w = c;
	}
	/* a line too long to wrap (a link's URL) now and then */
	if (w < WRAP_MIN || over * 20 > lines)
		return 0;
	/* a near line has its paragraph go on under it: a page copy's
	 * lines, one paragraph or item each, stand between blank lines */
	for (i = from; i < p->nnl; i++) {
		n = p->nl[i].len;
		longer += n > 30;
		if (n + WRAP_NEAR < w || i + 1 >= p->nnl || !p->nl[i + 1].len)
			continue;
		c = n > 4 * WRAP_MAX ? n : text_cplen(p->norm + p->nl[i].off, n);
		near += c + WRAP_NEAR >= w && c <= w;
	}
	return near >= 5 && near * 5 >= longer ? w : 0;
}

int
art_fills_line(struct parse *p, size_t i)
{
	const struct line *a = &p->nl[i + p->from], *b = &p->nl[i + 1 + p->from];
	const char *t = p->norm + b->off;
	size_t fw = 0;

	if (!p->wrap || !a->len || !b->len)
		return 0;
	while (fw < b->len && t[fw] != ' ')
		fw++;
	return text_cplen(p->norm + a->off, a->len) + 1 + text_cplen(t, fw) > p->wrap;
}

/* In a text indented all through (nine lines in ten: a text browser's
 * dump), the lines flush with the margin are its headings. */
static void
flush_headings(struct parse *p, size_t from)
{
	size_t i, lines = 0, indented = 0;

	for (i = from; i < p->nnl; i++)
		if (p->nl[i].len) {
			lines++;
			indented += (p->nl[i].flags & LF_INDENT) != 0;
		}
	if (lines < 10 || indented * 10 < lines * 9)
		return;
	for (i = from; i < p->nnl; i++)
		if (p->nl[i].len && !(p->nl[i].flags & LF_INDENT) && p->cl[i - from].len)
			p->cl[i - from].flags |= LF_HEADING | LF_H1;
}

/* A text is read as markdown; one with emphasis but nothing else only
 * markdown writes is plain text again, its stars and underscores the
 * writer's own ("*Update*", "file_name"). */
void
art_clean_lines(struct parse *p, size_t from)
{
	unsigned seen = 0;

	p->clean = emalloc(p->nnl ? p->nl[p->nnl - 1].off + p->nl[p->nnl - 1].len + 1 : 1);
	clean_pass(p, from, 1, &seen);
	if (seen == MD_EMPHASIS)
		clean_pass(p, from, 0, &seen);
	p->wrap = p->resplit ? 0 : wrap_width(p, from);
	if (!p->resplit)
		flush_headings(p, from);
}
