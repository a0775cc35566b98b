/* html: the public entry points (internal.h says which file holds which
 * pass). */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "html/html.h"
#include "html/internal.h"
#include "mem.h"

/* Case-insensitive: s[0..n) starts with the lower-case tag w, ended by
 * white space, '>' or the end. */
static int
opens(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && heq(s, k, w) && (n == k || hspace((unsigned char)s[k])
	    || s[k] == '>' || s[k] == '/');
}

static int
is_page(const char *s, size_t n)
{
	size_t i = 0;
	const char *e;

	for (;;) {
		while (i < n && hspace((unsigned char)s[i]))
			i++;
		if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			for (e = s + i + 4; e + 3 <= s + n && memcmp(e, "-->", 3); e++)
				;
			if (e + 3 > s + n)
				return 0;
			i = (size_t)(e + 3 - s);
		} else if (n - i >= 5 && !memcmp(s + i, "<?xml", 5)) {
			for (e = s + i + 5; e + 2 <= s + n && memcmp(e, "?>", 2); e++)
				;
			if (e + 2 > s + n)
				return 0;
			i = (size_t)(e + 2 - s);
		} else
			break;
	}
	if (n - i >= 9 && heq(s + i, 9, "<!doctype")) {
		for (i += 9; i < n && hspace((unsigned char)s[i]); i++)
			;
		return opens(s + i, n - i, "html");
	}
	return opens(s + i, n - i, "<html") || opens(s + i, n - i, "<head");
}

int
html_is_page(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char ascii[512];
	size_t i, k;
	int le;

	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return is_page(s + 3, n - 3);
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		/* UTF-16: the ASCII of the first code units */
		le = u[0] == 0xFF;
		for (i = 2, k = 0; i + 1 < n && k < sizeof ascii; i += 2)
			ascii[k++] = u[i + le] ? '?' : (char)u[i + !le];
		return is_page(ascii, k);
	}
	return is_page(s, n);
}

static char *
take(struct hmeta *m, enum meta_field f)
{
	char *s = m->val[f];

	m->val[f] = NULL;
	return s;
}

/* The names of source t; with others set, not the site itself. */
static void
authors_from(struct article *a, const struct hmeta *m, enum trust t, int others)
{
	const char *p, *e;
	size_t i, k;

	for (p = m->authors[t]; p && *p; p = *e ? e + 1 : e) {
		if (!(e = strchr(p, '\n')))
			e = p + strlen(p);
		article_add_authors(a, p, (size_t)(e - p));
	}
	for (i = 0, k = 0; i < a->nauthors; i++)
		if (!others || !html_names_site(a->authors[i], strlen(a->authors[i]), m))
			a->authors[k++] = a->authors[i];
		else
			free(a->authors[i]);
	a->nauthors = k;
}

static void
fill(struct article *a, struct hmeta *m)
{
	size_t i;
	int t;

	/* first, while the site's name and URL are there to tell: the most
	 * trusted source that names someone other than the site, else the
	 * first that names anyone */
	for (t = TR_JSONLD; t <= TR_LAST && !a->nauthors; t++)
		authors_from(a, m, t, 1);
	for (t = TR_JSONLD; t <= TR_LAST && !a->nauthors; t++)
		authors_from(a, m, t, 0);

	a->date_raw = take(m, M_DATE);
	a->date_modified_raw = take(m, M_MODIFIED);
	a->url = take(m, M_URL);
	a->language = take(m, M_LANGUAGE);
	a->outlet = take(m, M_OUTLET);
	if (!a->outlet && a->url)
		a->outlet = article_outlet_for_url(a->url);
	if (a->nauthors) {
		struct buf b = BUF_INIT;

		for (i = 0; i < a->nauthors; i++) {
			if (i)
				buf_adds(&b, i + 1 == a->nauthors ? " and " : ", ");
			buf_adds(&b, a->authors[i]);
		}
		a->byline = buf_take(&b);
	}
	a->tags = m->tags;
	a->ntags = m->ntags;
	m->tags = NULL;
	m->ntags = 0;
}

/* A paragraph of body: the bytes from off, n long. */
struct para {
	size_t off, n;
	uint64_t h;		/* of its first PREFIX bytes, or all of it */
	int keep;
};

/* Paragraphs that start with the same PREFIX bytes are compared, at
 * most MAX_SAME of them to each: a page of a thousand rows that start
 * alike stays linear. */
#define PREFIX 64
#define MAX_SAME 8

/* A paragraph filed in the index: items are numbered in the order
 * filed, as hash_index_add wants, and name their paragraph. */
struct filed {
	uint64_t h;
	size_t para;
};

static uint64_t
filed_key(const void *items, size_t i)
{
	return ((const struct filed *)items)[i].h;
}

/* a is b, or starts it (a teaser of it, maybe ending in "..."). */
static int
part_of(const char *s, const struct para *a, const struct para *b)
{
	size_t n = a->n;

	if (n >= 3 && !memcmp(s + a->off + n - 3, "...", 3))
		n -= 3;
	else if (n >= 3 && !memcmp(s + a->off + n - 3, "\xE2\x80\xA6", 3))
		n -= 3;
	while (n && hspace((unsigned char)s[a->off + n - 1]))
		n--;
	return n <= b->n && (n == b->n || n >= PREFIX) && !memcmp(s + a->off, s + b->off, n);
}

/* A paragraph the page repeats (a lead shown twice, a teaser of the
 * first paragraph) is kept once, the longer where one starts the
 * other. */
static void
unrepeat(struct buf *body)
{
	struct para *ps = NULL;
	struct filed *fs = NULL;
	struct hash_index ix = HASH_INDEX_INIT;
	size_t n = 0, cap = 0, nf = 0, fcap = 0, i = 0, e, out = 0, pos, k, tried, j;
	long f;

	while (i < body->len) {
		const char *p = strstr(body->s + i, "\n\n");

		e = p ? (size_t)(p - body->s) : body->len;
		ps = egrow(ps, &cap, n + 1, sizeof *ps);
		ps[n].off = i, ps[n].n = e - i, ps[n].keep = 1;
		ps[n].h = hash_bytes(body->s + i, e - i < PREFIX ? e - i : PREFIX);
		tried = 0;
		for (f = hash_index_first(&ix, ps[n].h, &pos); f >= 0 && ps[n].keep
		    && tried < MAX_SAME; f = hash_index_next(&ix, &pos)) {
			j = fs[f].para;
			if (!ps[j].keep || ps[j].h != ps[n].h)
				continue;
			tried++;
			if (part_of(body->s, &ps[n], &ps[j]))
				ps[n].keep = 0;
			else if (part_of(body->s, &ps[j], &ps[n]))
				ps[j].keep = 0;
		}
		/* a repeat is not filed: it would only lengthen the run */
		if (ps[n].keep && tried < MAX_SAME) {
			fs = egrow(fs, &fcap, nf + 1, sizeof *fs);
			fs[nf].h = ps[n].h, fs[nf].para = n;
			hash_index_add(&ix, fs[nf].h, nf, filed_key, fs);
			nf++;
		}
		n++;
		i = e + 2;
	}
	for (k = 0; k < n; k++) {
		if (!ps[k].keep)
			continue;
		if (out)
			body->s[out++] = '\n', body->s[out++] = '\n';
		memmove(body->s + out, body->s + ps[k].off, ps[k].n);
		out += ps[k].n;
	}
	body->len = out;
	if (body->s)
		body->s[out] = '\0';
	free(ps);
	free(fs);
	hash_index_free(&ix);
}

/* Letters in s, as score.c counts them: no white space. */
static size_t
letters(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += !hspace((unsigned char)s[i]) && ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* A page that renders its article with scripts shows little of it; its
 * JSON-LD articleBody (plain text or an HTML fragment) then gives the
 * text, when it holds half as much again as what was found. */
static void
ld_body(const char *ld, struct buf *body)
{
	struct buf frag = BUF_INIT, text = BUF_INIT;
	struct text_out t = { &text, 0, 0 };
	struct hdoc f;
	size_t n = strlen(ld);

	if (letters(ld, n) < 200 || letters(ld, n) * 2 < letters(body->s, body->len) * 3)
		return;
	if (strchr(ld, '<'))
		buf_add(&frag, ld, n);
	else	/* plain text: its lines are paragraphs */
		for (; *ld; ld++)
			*ld == '\n' ? buf_adds(&frag, "<p>") : buf_addc(&frag, *ld);
	html_read(&f, frag.s, frag.len);
	html_visible(&f);
	buf_add(&text, "", 0);
	html_text(&f, 0, &t, NULL, NULL);
	if (letters(text.s, text.len) * 2 >= letters(body->s, body->len) * 3) {
		buf_free(body);
		*body = text;
	} else
		buf_free(&text);
	html_doc_free(&f);
	buf_free(&frag);
}

void
html_parse(struct article *a, const char *s, size_t n, int flags)
{
	struct buf text = BUF_INIT, body = BUF_INIT;
	struct hdoc d;
	struct hmeta m;
	struct hscore sc;
	struct text_out t = { &body, 0, 0 };

	memset(a, 0, sizeof *a);
	memset(&m, 0, sizeof m);
	memset(&sc, 0, sizeof sc);
	if (html_decode(s, n, flags & HTML_DECODED, &text))
		s = text.s, n = text.len;
	html_read(&d, s, n);
	buf_free(&text);
	html_meta(&d, &m);
	html_visible(&d);
	html_score(&d, &sc);
	sc.h1 = html_article_h1(&d, &sc, &m);
	html_page_date(&d, &sc, &m);
	html_page_byline(&d, &sc, &m);
	a->title = html_headline(&d, &sc, &m);
	fill(a, &m);
	if (flags & HTML_KEEP_BOILERPLATE) {
		buf_add(&body, "", 0);
		html_text(&d, sc.body, &t, NULL, NULL);
	} else {
		html_extract(&d, &sc, a->title, &body);
		if (m.ld_body)
			ld_body(m.ld_body, &body);
		unrepeat(&body);
	}
	a->body_len = body.len;
	a->body = buf_take(&body);
	a->word_count = article_words(a->body, a->body_len);
	free(sc.st);
	free(sc.cut);
	html_meta_free(&m);
	html_doc_free(&d);
}
