/* The HTML engine's private header: what its files share.  Not included
 * outside lib/html/; the public interface is html.h.
 *
 * html_parse (html.c) runs the passes in order:
 *	encoding.c	1. the page's bytes to UTF-8 (BOM, <meta charset>,
 *			   http-equiv, else UTF-8 with Windows-1252 for stray bytes)
 *	parse.c		2. libxml2's HTML parser (SAX) to a compact tree of
 *			   elements, kept attributes and text, in document order
 *	meta.c		3. metadata by its order of trust: JSON-LD (jsonld.c),
 *			   OpenGraph and <meta>, microdata; then what the page
 *			   shows (shown.c: date, byline; title.c: headline)
 *	score.c		4. the article's container: text blocks scored by
 *			   length, commas and links, their scores given to the
 *			   ancestors, hints in tag, class, id and role
 *	extract.c	5. what of the container is kept (boilerplate dropped by
 *			   its shape and hints), or paragraphs classified over
 *			   the whole page when no container stands out
 *	text.c		   a subtree as text: blocks as paragraphs, list items
 *			   as lines, white space collapsed
 * with the tag and hint tables in tables.c. */
#ifndef HTML_INTERNAL_H
#define HTML_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "article/article.h"
#include "buf.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* How far a look into a subtree goes (its first nodes, or its last):
 * a page of nested elements must not make the walks quadratic. */
#define SCAN_CAP 256

/* The end of a capped look into node i's subtree from its start. */
#define SCAN_END(d, i) ((d)->node[i].end - (i) > SCAN_CAP ? (i) + SCAN_CAP : (d)->node[i].end)

/* The elements the engine tells apart; every other one is T_OTHER. */
enum tag {
	T_OTHER, T_ROOT, T_TEXT,
	T_A, T_ADDRESS, T_ARTICLE, T_ASIDE, T_AUDIO, T_B, T_BLOCKQUOTE,
	T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CAPTION, T_CENTER, T_CODE, T_DD,
	T_DETAILS, T_DIALOG, T_DIV, T_DL, T_DT, T_EM, T_EMBED, T_FIELDSET,
	T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_FRAME, T_H1, T_H2, T_H3,
	T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HR, T_HTML, T_I, T_IFRAME,
	T_IMG, T_INPUT, T_LABEL, T_LI, T_LINK, T_MAIN, T_MAP, T_MATH, T_MENU,
	T_META, T_NAV, T_NOSCRIPT, T_OBJECT, T_OL, T_OPTION, T_P, T_PICTURE,
	T_PRE, T_SCRIPT, T_SECTION, T_SELECT, T_SMALL, T_SOURCE, T_SPAN,
	T_STRONG, T_STYLE, T_SUMMARY, T_SVG, T_TABLE, T_TBODY, T_TD,
	T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH, T_THEAD, T_TIME, T_TITLE,
	T_TR, T_UL, T_VIDEO, T_NTAGS
};

/* What a tag is for the text (tables.c: html_tag_kind). */
enum {
	K_BLOCK = 1,		/* a paragraph of its own */
	K_DROP = 2,		/* never text: scripts, controls, media */
	K_HEADING = 4,		/* h1-h6 */
	K_ITEM = 8,		/* li, dt, dd: a line of its list */
	K_ROW = 16,		/* tr: a line of its table */
	K_CELL = 32,		/* td, th: cells apart by a space */
	K_BREAK = 64		/* br: a line break */
};

/* The attributes kept as the page is read; the others are dropped. */
enum attr_name {
	A_ID, A_CLASS, A_ROLE, A_ITEMPROP, A_PROPERTY, A_NAME, A_CONTENT,
	A_HTTP_EQUIV, A_REL, A_HREF, A_DATETIME, A_TYPE, A_LANG, A_HIDDEN,
	A_STYLE, A_TITLE, A_NATTRS
};

struct hattr {
	uint32_t off, len;	/* the value in doc->pool */
	uint32_t name;		/* enum attr_name */
};

/* A node of the page.  Nodes are numbered in document order, so node
 * i's subtree is nodes i .. end - 1 and its children are found by
 * jumping from one child's end to the next: no walk needs recursion. */
struct hnode {
	uint32_t parent;
	uint32_t end;		/* one past its last descendant */
	uint32_t off, len;	/* T_TEXT: bytes in doc->pool; else its
				 * attributes doc->attr[off .. off + len) */
	uint16_t tag;		/* enum tag */
	uint16_t flags;		/* N_* */
};

enum {
	N_DROP = 1,		/* no text of the article: hidden, a script... */
	N_LDJSON = 2,		/* <script type="application/ld+json"> */
	N_INLINK = 4		/* inside an <a href> */
};

/* The page as a tree: node 0 is the root (T_ROOT). */
struct hdoc {
	struct hnode *node;
	size_t n, cap;
	struct hattr *attr;
	size_t nattr, attrcap;
	struct buf pool;	/* text and attribute values */
	uint32_t cur;		/* the open element, while reading */
};

/* What the metadata pass found, with how far each value is trusted
 * (lower is better; 0: not found). */
enum trust {
	TR_NONE, TR_JSONLD, TR_JSONLD_PAGE, TR_OG, TR_META, TR_MICRODATA,
	TR_TIME,
	TR_LOOSE,		/* a <meta> date that does not say of what */
	TR_TEXT,
	TR_LAST			/* an organization as author: when none else */
};

enum meta_field {
	M_TITLE, M_DATE, M_MODIFIED, M_OUTLET, M_URL, M_LANGUAGE,
	M_SITE_TITLE,		/* <title> */
	M_LOGO,			/* an <h1> that is the site's name */
	M_NFIELDS
};

struct hmeta {
	char *val[M_NFIELDS];
	enum trust trust[M_NFIELDS];
	char *authors[TR_LAST + 1];	/* names, one per line, by source */
	char **tags;
	size_t ntags, tagcap;
	enum trust tag_trust;
	char *ld_body;		/* JSON-LD articleBody: the text of a page
				 * whose HTML shows little of it */
};

/* ---- small helpers -------------------------------------------------- */

static inline int
hlower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline int
hspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s[0..n) equals the lower-case word w, in any case. */
static inline int
heq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || hlower((unsigned char)s[i]) != w[i])
			return 0;
	return w[n] == '\0';
}

/* Trim white space off both ends of (*s, *n). */
static inline void
htrim(const char **s, size_t *n)
{
	while (*n && hspace((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n && hspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

static inline const char *
node_text(const struct hdoc *d, uint32_t i)
{
	return d->pool.s + d->node[i].off;
}

static inline int
is_elem(const struct hdoc *d, uint32_t i)
{
	return d->node[i].tag != T_TEXT;
}

/* ---- what each file gives the others -------------------------------- */

/* encoding.c: s[0..n) as UTF-8: 0 when s is that already (decoded
 * set: it is, from JSON), else 1 and the text in out. */
int html_decode(const char *s, size_t n, int decoded, struct buf *out);

/* parse.c: the tree of UTF-8 text s. */
void html_read(struct hdoc *d, const char *s, size_t n);
void html_doc_free(struct hdoc *d);
/* The value of attribute a of element i, its length in *len; NULL when
 * it has none. */
const char *html_attr(const struct hdoc *d, uint32_t i, enum attr_name a, size_t *len);
/* 1 if element i's attribute a is (case-insensitive) the word w, or
 * for A_CLASS, A_REL, A_ITEMPROP and A_ROLE has it among its words. */
int html_attr_is(const struct hdoc *d, uint32_t i, enum attr_name a, const char *w);

/* tables.c */
enum tag html_tag(const char *name);
unsigned html_tag_kind(enum tag t);
int html_attr_name(const char *name);
/* The weight that element i's class, id and role give it as a
 * container of the article: > 0 for content, < 0 for boilerplate. */
int html_hint(const struct hdoc *d, uint32_t i);
/* 1 if element i's class, id or role says it is boilerplate that a
 * container of the article may hold (share bar, related links...). */
int html_junk_hint(const struct hdoc *d, uint32_t i);
/* 1 if element i's class, id or role says it is a part of the page
 * that never holds the article (navigation, related links), 2 if that
 * part is comments; else 0. */
int html_unlikely_hint(const struct hdoc *d, uint32_t i);
/* 1 if element i's class, id or itemprop says it names the author. */
int html_author_hint(const struct hdoc *d, uint32_t i);
/* 1 if element i's class, id or itemprop says it shows a date. */
int html_date_hint(const struct hdoc *d, uint32_t i);

/* text.c: the visible text of node i's subtree onto out (nodes with
 * N_DROP and those keep() refuses skipped); blocks become paragraphs. */
struct text_out {
	struct buf *b;
	int pending;		/* break owed before the next text: 0-3 */
	size_t limit;		/* stop at this many bytes (0: no limit) */
};
void html_text(const struct hdoc *d, uint32_t i, struct text_out *t,
    int (*keep)(const struct hdoc *, uint32_t, void *), void *arg);
/* Start a paragraph before the next text. */
void html_text_break(struct text_out *t, int level);
/* Node i's text, white space collapsed and trimmed, as a malloc'd
 * string (NULL when empty), at most max bytes. */
char *html_flat_text(const struct hdoc *d, uint32_t i, size_t max);
/* Letters in s[0..n), as score.c counts them: code points, no spaces. */
size_t html_letters(const char *s, size_t n);

/* meta.c, jsonld.c */
void html_meta(const struct hdoc *d, struct hmeta *m);
void html_meta_set(struct hmeta *m, enum meta_field f, enum trust t, const char *s, size_t n);
void html_meta_authors(struct hmeta *m, enum trust t, const char *s, size_t n);
void html_meta_tags(struct hmeta *m, enum trust t, const char *s, size_t n);
void html_meta_free(struct hmeta *m);
/* 1 if s[0..n) reads as a full calendar date (lib/date, as
 * normalize-date reads date_raw). */
int html_full_date(const char *s, size_t n);
void html_jsonld(const char *s, size_t n, struct hmeta *m);
/* title.c: the headline without the site's name: "Title - Site" to
 * "Title" (h1, when known, tells which part is the title). */
char *html_clean_title(const char *title, const struct hmeta *m, const char *h1);

/* score.c: what the extractor knows of each node (its subtree). */
struct hstat {
	uint32_t chars;		/* visible letters (code points, no spaces) */
	uint32_t links;		/* of which inside links */
	uint32_t commas;
	uint32_t own, ownlinks, owncommas;	/* a block's own text, not its blocks' */
	uint32_t paras;		/* <p> */
	uint32_t imgs, items, inputs, embeds;
	uint32_t headchars;	/* letters in headings */
	uint32_t prose;		/* letters in blocks of 70 or more, few links */
	uint32_t block;		/* the nearest block: itself, or an ancestor */
	float score;		/* as a container of the article */
	uint8_t cand;		/* has a score */
	uint8_t unlikely;	/* in a part that its hints say is not the article */
};

struct hscore {
	struct hstat *st;
	uint32_t body;		/* <body>, or the root */
	uint32_t top;		/* the best container, 0 if none */
	uint32_t h1;		/* the article's <h1> (title.c), 0 if none */
	uint8_t *cut;		/* nodes the cleaner removed */
};

/* Mark N_DROP what no reader sees: scripts, styles, <head>, media,
 * controls, elements hidden by attribute, inline style or class=hidden. */
void html_visible(struct hdoc *d);
/* Fill s->st and find s->top. */
void html_score(const struct hdoc *d, struct hscore *s);
/* The link density of node i: 0..1. */
double html_link_density(const struct hscore *s, uint32_t i);
/* The article's text onto out (empty for none): the container and its
 * siblings cleaned, or the paragraphs classified over the whole page. */
void html_extract(const struct hdoc *d, struct hscore *s, const char *title,
    struct buf *out);

/* title.c: 1 if s[0..n) names the site: (loosely) its outlet, the host
 * of its URL or its logo's text, or one holds the other. */
int html_names_site(const char *s, size_t n, const struct hmeta *m);
/* title.c: the article's <h1> (after html_score): in or just before the
 * container, not in a part that is not the article, not the site's
 * name (a logo <h1> sets M_LOGO); 0 if none. */
uint32_t html_article_h1(const struct hdoc *d, const struct hscore *s, struct hmeta *m);
/* title.c: the article's headline (malloc'd), or NULL: s->h1's, the
 * metadata's, <title>'s. */
char *html_headline(const struct hdoc *d, const struct hscore *s, struct hmeta *m);

/* shown.c: the publication date and the byline the page shows by its
 * headline or in its article, for a page whose metadata names none
 * (after html_score). */
void html_page_date(const struct hdoc *d, const struct hscore *s, struct hmeta *m);
void html_page_byline(const struct hdoc *d, const struct hscore *s, struct hmeta *m);

#endif
