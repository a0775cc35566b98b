/* parse: libxml2's HTML parser, driven through its SAX interface, builds
 * the engine's own compact tree (internal.h: struct hdoc) instead of
 * libxml2's DOM: a node is 20 bytes, only the attributes the engine
 * reads are kept, and script and style text is not stored (but for
 * JSON-LD), so the tree stays within a small multiple of the page.
 * libxml2 does what makes it survive broken markup: implied and
 * auto-closed elements, entities, attribute quoting. */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "diag.h"
#include "html/internal.h"
#include "mem.h"

/* Offsets and counts are 32 bits: a page over 2 GiB is cut there. */
#define MAX_POOL 0x7FFFFFFFu

static uint32_t
new_node(struct hdoc *d, enum tag tag)
{
	struct hnode *n;

	if (d->n >= 0x7FFFFFFF)
		die(1, "page too large");
	d->node = egrow(d->node, &d->cap, d->n + 1, sizeof *d->node);
	n = &d->node[d->n];
	n->parent = d->cur;
	n->end = 0;
	n->off = n->len = 0;
	n->tag = (uint16_t)tag;
	n->flags = 0;
	return (uint32_t)d->n++;
}

static uint32_t
pool_add(struct hdoc *d, const char *s, size_t n)
{
	size_t at = d->pool.len;

	if (at + n > MAX_POOL)
		return (uint32_t)at;
	buf_add(&d->pool, s, n);
	return (uint32_t)at;
}

static void
keep_attr(struct hdoc *d, int name, const char *v)
{
	struct hattr *a;
	size_t len = v ? strlen(v) : 0;

	d->attr = egrow(d->attr, &d->attrcap, d->nattr + 1, sizeof *d->attr);
	a = &d->attr[d->nattr++];
	a->name = (uint32_t)name;
	a->off = pool_add(d, v ? v : "", len);
	a->len = (uint32_t)(d->pool.len - a->off);
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct hdoc *d = ctx;
	enum tag tag = html_tag((const char *)name);
	uint32_t i = new_node(d, tag);
	size_t k;
	int a;

	d->node[i].off = (uint32_t)d->nattr;
	for (k = 0; atts && atts[k]; k += 2)
		if ((a = html_attr_name((const char *)atts[k])) >= 0)
			keep_attr(d, a, (const char *)atts[k + 1]);
	d->node[i].len = (uint32_t)(d->nattr - d->node[i].off);
	if (tag == T_SCRIPT && html_attr_is(d, i, A_TYPE, "application/ld+json"))
		d->node[i].flags |= N_LDJSON;
	if (tag == T_A && html_attr(d, i, A_HREF, &k))
		d->node[i].flags |= N_INLINK;
	else if (d->node[d->cur].flags & N_INLINK)
		d->node[i].flags |= N_INLINK;
	d->cur = i;
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct hdoc *d = ctx;

	(void)name;
	if (d->cur == 0)
		return;
	d->node[d->cur].end = (uint32_t)d->n;
	d->cur = d->node[d->cur].parent;
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct hdoc *d = ctx;
	struct hnode *last = &d->node[d->n - 1];
	uint32_t i;

	if (len <= 0)
		return;
	/* Only JSON-LD of all script and style text is read. */
	if (html_tag_kind(d->node[d->cur].tag) & K_DROP
	    && !(d->node[d->cur].flags & N_LDJSON) && d->node[d->cur].tag != T_TITLE)
		return;
	if (last->tag == T_TEXT && last->parent == d->cur
	    && last->off + last->len == d->pool.len) {
		pool_add(d, (const char *)s, (size_t)len);
		last->len = (uint32_t)(d->pool.len - last->off);
		return;
	}
	i = new_node(d, T_TEXT);
	d->node[i].off = pool_add(d, (const char *)s, (size_t)len);
	d->node[i].len = (uint32_t)(d->pool.len - d->node[i].off);
	d->node[i].end = i + 1;
	d->node[i].flags = d->node[d->cur].flags & N_INLINK;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Say nothing of the page's errors: broken markup is the normal case. */
static void
quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* libxml2 stops at a NUL and complains of control characters: a copy
 * of s with them made spaces, or NULL when it has none. */
static char *
controls_out(const char *s, size_t n)
{
	size_t i;
	char *c = NULL;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
			if (!c) {
				c = emalloc(n);
				memcpy(c, s, n);
			}
			c[i] = ' ';
		}
	return c;
}

void
html_read(struct hdoc *d, const char *s, size_t n)
{
	htmlParserCtxtPtr ctxt;
	size_t i;
	char *copy = controls_out(s, n);

	memset(d, 0, sizeof *d);
	buf_add(&d->pool, "", 0);
	new_node(d, T_ROOT);
	if (copy)
		s = copy;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	if (n > 0x7FFFFFFF)
		n = 0x7FFFFFFF;
	if (n > 0 && (ctxt = htmlCreateMemoryParserCtxt(s, (int)n)) != NULL) {
		htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
		    | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC
		    | HTML_PARSE_NODEFDTD);
		memset(ctxt->sax, 0, sizeof *ctxt->sax);
		ctxt->sax->startElement = on_start;
		ctxt->sax->endElement = on_end;
		ctxt->sax->characters = on_text;
		ctxt->sax->cdataBlock = on_text;
		ctxt->sax->ignorableWhitespace = on_text;
		ctxt->sax->error = quiet;
		ctxt->sax->warning = quiet;
		ctxt->sax->fatalError = quiet;
		ctxt->userData = d;
		xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
		htmlParseDocument(ctxt);
		htmlFreeParserCtxt(ctxt);
	}
	free(copy);
	/* What libxml2 left open ends with the page. */
	for (i = 0; i < d->n; i++)
		if (d->node[i].end == 0)
			d->node[i].end = (uint32_t)d->n;
	d->cur = 0;
}

void
html_doc_free(struct hdoc *d)
{
	free(d->node);
	free(d->attr);
	buf_free(&d->pool);
	memset(d, 0, sizeof *d);
}

const char *
html_attr(const struct hdoc *d, uint32_t i, enum attr_name a, size_t *len)
{
	const struct hnode *n = &d->node[i];
	uint32_t k;

	if (n->tag == T_TEXT)
		return NULL;
	for (k = n->off; k < n->off + n->len; k++)
		if (d->attr[k].name == (uint32_t)a) {
			*len = d->attr[k].len;
			return d->pool.s + d->attr[k].off;
		}
	return NULL;
}

int
html_attr_is(const struct hdoc *d, uint32_t i, enum attr_name a, const char *w)
{
	size_t len, k = strlen(w), j = 0, e;
	const char *v = html_attr(d, i, a, &len);

	if (!v)
		return 0;
	if (a != A_CLASS && a != A_REL && a != A_ITEMPROP && a != A_ROLE)
		return heq(v, len, w);
	while (j < len) {
		while (j < len && hspace(v[j]))
			j++;
		for (e = j; e < len && !hspace(v[e]); e++)
			;
		if (e - j == k && heq(v + j, k, w))
			return 1;
		j = e;
	}
	return 0;
}
