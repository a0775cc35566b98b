/* meta: what a page says about itself, each field from the source it is
 * most trusted in (enum trust, lower first): JSON-LD (jsonld.c), then
 * OpenGraph, Twitter and <meta> tags, microdata (itemprop), <time
 * datetime>; what the page shows is shown.c's and title.c's. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "date/date.h"
#include "html/internal.h"
#include "mem.h"

/* A date field takes only what reads as a calendar date: "2:33 PM" in
 * an itemprop leaves the field to the next source. */
int
html_full_date(const char *s, size_t n)
{
	struct date dt;

	return date_parse(s, n, 0, &dt) == DATE_OK && dt.prec >= DATE_DAY;
}

/* The code point of the character reference at s ("&amp;", "&#39;",
 * "&#x2019;"), its length in *len; -1 if none. */
static long
char_ref(const char *s, size_t n, size_t *len)
{
	char name[32];
	const htmlEntityDesc *e;
	size_t k;
	long v = 0;

	for (k = 1; k < n && k < sizeof name && s[k] != ';'; k++)
		;
	if (k >= n || k >= sizeof name || s[k] != ';' || k < 2)
		return -1;
	*len = k + 1;
	if (s[1] != '#') {
		memcpy(name, s + 1, k - 1);
		name[k - 1] = '\0';
		return (e = htmlEntityLookup((const xmlChar *)name)) ? (long)e->value : -1;
	}
	if (s[2] == 'x' || s[2] == 'X') {
		for (k = 3; s[k] != ';'; k++) {
			int c = hlower((unsigned char)s[k]);

			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) || v > 0x10FFFF)
				return -1;
			v = v * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
		}
	} else {
		for (k = 2; s[k] != ';'; k++) {
			if (s[k] < '0' || s[k] > '9' || v > 0x10FFFF)
				return -1;
			v = v * 10 + (s[k] - '0');
		}
	}
	return v > 0 && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) ? v : -1;
}

/* Metadata written with its HTML escaped twice ("Meghan&#39;s" in a
 * content attribute, "&amp;" in JSON-LD): the references decoded. */
static char *
unescape(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	xmlChar u[8];
	size_t i, len;
	long cp;
	int k;

	buf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		if (s[i] == '&' && (cp = char_ref(s + i, n - i, &len)) >= 0
		    && (k = xmlCopyCharMultiByte(u, (int)cp)) > 0) {
			buf_add(&b, (const char *)u, (size_t)k);
			i += len - 1;
		} else
			buf_addc(&b, s[i]);
	}
	return buf_take(&b);
}

void
html_meta_set(struct hmeta *m, enum meta_field f, enum trust t, const char *s, size_t n)
{
	htrim(&s, &n);
	if (n == 0 || (m->trust[f] && m->trust[f] <= t))
		return;
	if ((f == M_DATE || f == M_MODIFIED) && !html_full_date(s, n))
		return;
	free(m->val[f]);
	m->val[f] = memchr(s, '&', n) ? unescape(s, n) : estrndup(s, n);
	m->trust[f] = t;
}

/* Names from source t, one a line; fill (html.c) takes those of the
 * most trusted source that names someone other than the site. */
void
html_meta_authors(struct hmeta *m, enum trust t, const char *s, size_t n)
{
	struct buf b = BUF_INIT;

	htrim(&s, &n);
	if (n == 0 || n > 300 || (m->authors[t] && strlen(m->authors[t]) > 2000))
		return;
	if (m->authors[t])
		buf_adds(&b, m->authors[t]);
	if (memchr(s, '&', n)) {
		char *u = unescape(s, n);

		buf_adds(&b, u);
		free(u);
	} else
		buf_add(&b, s, n);
	buf_addc(&b, '\n');
	free(m->authors[t]);
	m->authors[t] = buf_take(&b);
}

/* Tags: article:tag one each, keywords split at commas. */
void
html_meta_tags(struct hmeta *m, enum trust t, const char *s, size_t n)
{
	size_t i, e, k;

	if (m->tag_trust && m->tag_trust < t)
		return;
	if (m->tag_trust != t) {
		for (k = 0; k < m->ntags; k++)
			free(m->tags[k]);
		m->ntags = 0;
		m->tag_trust = t;
	}
	for (i = 0; i < n; i = e + 1) {
		const char *p;
		size_t pn;

		for (e = i; e < n && s[e] != ',' && s[e] != ';'; e++)
			;
		p = s + i, pn = e - i;
		htrim(&p, &pn);
		if (!pn || pn > 100)
			continue;
		for (k = 0; k < m->ntags; k++)
			if (strlen(m->tags[k]) == pn && !memcmp(m->tags[k], p, pn))
				break;
		if (k < m->ntags || m->ntags >= 100)
			continue;
		m->tags = egrow(m->tags, &m->tagcap, m->ntags + 1, sizeof *m->tags);
		m->tags[m->ntags++] = estrndup(p, pn);
	}
}

void
html_meta_free(struct hmeta *m)
{
	size_t i;

	for (i = 0; i < M_NFIELDS; i++)
		free(m->val[i]);
	for (i = 0; i < m->ntags; i++)
		free(m->tags[i]);
	free(m->tags);
	for (i = 0; i <= TR_LAST; i++)
		free(m->authors[i]);
	free(m->ld_body);
	memset(m, 0, sizeof *m);
}

/* <meta> names and properties: the field each gives, and how trusted. */
static const struct {
	const char *key;
	enum meta_field f;
	enum trust t;
} meta_keys[] = {
	{ "og:title", M_TITLE, TR_OG }, { "twitter:title", M_TITLE, TR_META },
	{ "title", M_TITLE, TR_META }, { "dc.title", M_TITLE, TR_META },
	{ "headline", M_TITLE, TR_META },
	{ "article:published_time", M_DATE, TR_OG },
	{ "og:published_time", M_DATE, TR_OG },
	{ "datepublished", M_DATE, TR_META }, { "date", M_DATE, TR_META },
	{ "pubdate", M_DATE, TR_META }, { "publishdate", M_DATE, TR_META },
	{ "publish-date", M_DATE, TR_META }, { "publish_date", M_DATE, TR_META },
	{ "publication_date", M_DATE, TR_META },
	{ "dc.date", M_DATE, TR_META }, { "dc.date.issued", M_DATE, TR_META },
	{ "dc.date.created", M_DATE, TR_META }, { "dcterms.date", M_DATE, TR_META },
	{ "dcterms.issued", M_DATE, TR_META }, { "dcterms.created", M_DATE, TR_META },
	{ "citation_publication_date", M_DATE, TR_META },
	{ "sailthru.date", M_DATE, TR_META }, { "parsely-pub-date", M_DATE, TR_META },
	{ "article.published", M_DATE, TR_META },
	{ "article:modified_time", M_MODIFIED, TR_OG },
	{ "og:updated_time", M_MODIFIED, TR_OG },
	{ "datemodified", M_MODIFIED, TR_META },
	{ "dcterms.modified", M_MODIFIED, TR_META },
	{ "last-modified", M_MODIFIED, TR_META },
	{ "og:site_name", M_OUTLET, TR_OG },
	{ "application-name", M_OUTLET, TR_TEXT },
	{ "og:url", M_URL, TR_OG },
	{ "og:locale", M_LANGUAGE, TR_OG }, { "language", M_LANGUAGE, TR_META },
	{ "content-language", M_LANGUAGE, TR_META },
	{ "dc.language", M_LANGUAGE, TR_META },
};

/* <meta> keys that name authors. */
static const char *const author_keys[] = {
	"author", "article:author", "dc.creator", "dcterms.creator",
	"sailthru.author", "parsely-author", "citation_author", "byl",
};

/* <meta> keys that hold tags, the first more trusted than the others. */
static const char *const tag_keys[] = { "article:tag", "keywords", "news_keywords" };

static int
key_is(const char *k, size_t kn, const char *w)
{
	return heq(k, kn, w);
}

/* A key of a site's own that still says "publication date":
 * "sw-pubdate", "cxense:publish_date", "og:article:published_time". */
static int
pubdate_key(const char *k, size_t kn)
{
	static const char *const parts[] = {
		"pubdate", "publishdate", "publish_date", "publish-date",
		"published_time", "publication_date", "datepublished", "date_published",
	};
	char low[64];
	size_t i;

	if (kn >= sizeof low)
		return 0;
	for (i = 0; i < kn; i++)
		low[i] = (char)hlower((unsigned char)k[i]);
	low[kn] = '\0';
	for (i = 0; i < LEN(parts); i++)
		if (strstr(low, parts[i]))
			return 1;
	return 0;
}

static void
meta_tag(const struct hdoc *d, uint32_t i, struct hmeta *m)
{
	const char *k, *v;
	size_t kn, vn, j;

	if (!(v = html_attr(d, i, A_CONTENT, &vn)))
		return;
	if (!(k = html_attr(d, i, A_PROPERTY, &kn)) && !(k = html_attr(d, i, A_NAME, &kn))
	    && !(k = html_attr(d, i, A_ITEMPROP, &kn)) && !(k = html_attr(d, i, A_HTTP_EQUIV, &kn)))
		return;
	for (j = 0; j < LEN(meta_keys); j++)
		if (key_is(k, kn, meta_keys[j].key)) {
			html_meta_set(m, meta_keys[j].f, meta_keys[j].t, v, vn);
			return;
		}
	for (j = 0; j < LEN(author_keys); j++)
		if (key_is(k, kn, author_keys[j])) {
			/* a profile URL or a handle names nobody */
			if (!memchr(v, '/', vn) && !(vn && v[0] == '@'))
				html_meta_authors(m, TR_META, v, vn);
			return;
		}
	for (j = 0; j < LEN(tag_keys); j++)
		if (key_is(k, kn, tag_keys[j])) {
			html_meta_tags(m, j == 0 ? TR_OG : TR_META, v, vn);
			return;
		}
	if (pubdate_key(k, kn))
		html_meta_set(m, M_DATE, TR_META, v, vn);
}

/* A value an element gives by its attributes or, failing them, its
 * text (microdata's rule): content, datetime, then the text. */
static void
item_value(const struct hdoc *d, uint32_t i, struct hmeta *m, enum meta_field f, enum trust t)
{
	const char *v;
	size_t vn;
	char *s;

	if ((v = html_attr(d, i, A_CONTENT, &vn)) || (v = html_attr(d, i, A_DATETIME, &vn))) {
		html_meta_set(m, f, t, v, vn);
		return;
	}
	if ((s = html_flat_text(d, i, 400)) != NULL) {
		html_meta_set(m, f, t, s, strlen(s));
		free(s);
	}
}

/* An itemprop=author element: the text of its itemprop=name, else its
 * own text. */
static void
item_author(const struct hdoc *d, uint32_t i, struct hmeta *m)
{
	uint32_t j;
	char *s;
	const char *v;
	size_t vn;

	if ((v = html_attr(d, i, A_CONTENT, &vn)) != NULL) {
		html_meta_authors(m, TR_MICRODATA, v, vn);
		return;
	}
	for (j = i + 1; j < SCAN_END(d, i); j++)
		if (is_elem(d, j) && html_attr_is(d, j, A_ITEMPROP, "name")) {
			i = j;
			break;
		}
	if ((v = html_attr(d, i, A_CONTENT, &vn)) != NULL)
		html_meta_authors(m, TR_MICRODATA, v, vn);
	else if ((s = html_flat_text(d, i, 300)) != NULL) {
		html_meta_authors(m, TR_MICRODATA, s, strlen(s));
		free(s);
	}
}

static void
microdata(const struct hdoc *d, uint32_t i, struct hmeta *m)
{
	if (html_attr_is(d, i, A_ITEMPROP, "headline"))
		item_value(d, i, m, M_TITLE, TR_MICRODATA);
	else if (html_attr_is(d, i, A_ITEMPROP, "datepublished"))
		item_value(d, i, m, M_DATE, TR_MICRODATA);
	else if (html_attr_is(d, i, A_ITEMPROP, "datemodified"))
		item_value(d, i, m, M_MODIFIED, TR_MICRODATA);
	else if (html_attr_is(d, i, A_ITEMPROP, "author") || html_attr_is(d, i, A_ITEMPROP, "creator"))
		item_author(d, i, m);
}

void
html_meta(const struct hdoc *d, struct hmeta *m)
{
	const char *v;
	size_t vn;
	uint32_t i;
	char *s;

	for (i = 1; i < d->n; i++) {
		if (!is_elem(d, i))
			continue;
		switch (d->node[i].tag) {
		case T_HTML:
			if ((v = html_attr(d, i, A_LANG, &vn)) != NULL)
				html_meta_set(m, M_LANGUAGE, TR_META, v, vn);
			break;
		case T_META:
			meta_tag(d, i, m);
			continue;
		case T_LINK:
			if (html_attr_is(d, i, A_REL, "canonical") && (v = html_attr(d, i, A_HREF, &vn)))
				html_meta_set(m, M_URL, TR_META, v, vn);
			continue;
		case T_SCRIPT:
			if (d->node[i].flags & N_LDJSON && i + 1 < d->node[i].end)
				html_jsonld(node_text(d, i + 1), d->node[i + 1].len, m);
			continue;
		case T_TITLE:
			if (!m->val[M_SITE_TITLE] && (s = html_flat_text(d, i, 1000)) != NULL) {
				html_meta_set(m, M_SITE_TITLE, TR_TEXT, s, strlen(s));
				free(s);
			}
			continue;
		default:
			break;
		}
		if (d->node[i].len && html_attr(d, i, A_ITEMPROP, &vn))
			microdata(d, i, m);
	}
}
