/* tables: the tags the engine tells apart and what each is for the text,
 * the attributes it keeps, and the hint words of class, id and role.
 *
 * The hint words are the ones any page's markup uses for its parts
 * ("content", "comment", "share", "related"), as the extractors of the
 * Readability family read them; none is the class name of some site. */
#include <stdlib.h>
#include <string.h>

#include "html/internal.h"

struct tag_entry {
	const char *name;
	enum tag tag;
	unsigned kind;
};

static const struct tag_entry tags[] = {	/* sorted by name, for bsearch */
	{ "a", T_A, 0 },
	{ "address", T_ADDRESS, K_BLOCK },
	{ "applet", T_OBJECT, K_DROP },
	{ "article", T_ARTICLE, K_BLOCK },
	{ "aside", T_ASIDE, K_BLOCK },
	{ "audio", T_AUDIO, K_DROP },
	{ "b", T_B, 0 },
	{ "blockquote", T_BLOCKQUOTE, K_BLOCK },
	{ "body", T_BODY, K_BLOCK },
	{ "br", T_BR, K_BREAK },
	{ "button", T_BUTTON, K_DROP },
	{ "canvas", T_CANVAS, K_DROP },
	{ "caption", T_CAPTION, K_BLOCK },
	{ "center", T_CENTER, K_BLOCK },
	{ "code", T_CODE, 0 },
	{ "dd", T_DD, K_BLOCK | K_ITEM },
	{ "details", T_DETAILS, K_BLOCK },
	{ "dialog", T_DIALOG, K_BLOCK | K_DROP },
	{ "dir", T_UL, K_BLOCK },
	{ "div", T_DIV, K_BLOCK },
	{ "dl", T_DL, K_BLOCK },
	{ "dt", T_DT, K_BLOCK | K_ITEM },
	{ "em", T_EM, 0 },
	{ "embed", T_EMBED, K_DROP },
	{ "fieldset", T_FIELDSET, K_BLOCK },
	{ "figcaption", T_FIGCAPTION, K_BLOCK },
	{ "figure", T_FIGURE, K_BLOCK },
	{ "footer", T_FOOTER, K_BLOCK },
	{ "form", T_FORM, K_BLOCK },
	{ "frame", T_FRAME, K_DROP },
	{ "frameset", T_FRAME, K_DROP },
	{ "h1", T_H1, K_BLOCK | K_HEADING },
	{ "h2", T_H2, K_BLOCK | K_HEADING },
	{ "h3", T_H3, K_BLOCK | K_HEADING },
	{ "h4", T_H4, K_BLOCK | K_HEADING },
	{ "h5", T_H5, K_BLOCK | K_HEADING },
	{ "h6", T_H6, K_BLOCK | K_HEADING },
	{ "head", T_HEAD, K_BLOCK },
	{ "header", T_HEADER, K_BLOCK },
	{ "hgroup", T_OTHER, K_BLOCK },
	{ "hr", T_HR, K_BLOCK },
	{ "html", T_HTML, K_BLOCK },
	{ "i", T_I, 0 },
	{ "iframe", T_IFRAME, K_DROP },
	{ "img", T_IMG, K_DROP },
	{ "input", T_INPUT, K_DROP },
	{ "label", T_LABEL, 0 },
	{ "legend", T_OTHER, K_BLOCK },
	{ "li", T_LI, K_BLOCK | K_ITEM },
	{ "link", T_LINK, K_DROP },
	{ "main", T_MAIN, K_BLOCK },
	{ "map", T_MAP, K_DROP },
	{ "math", T_MATH, K_DROP },
	{ "menu", T_MENU, K_BLOCK },
	{ "meta", T_META, K_DROP },
	{ "nav", T_NAV, K_BLOCK },
	{ "noembed", T_NOSCRIPT, K_DROP },
	{ "noframes", T_NOSCRIPT, K_DROP },
	{ "noscript", T_NOSCRIPT, K_DROP },
	{ "object", T_OBJECT, K_DROP },
	{ "ol", T_OL, K_BLOCK },
	{ "optgroup", T_OPTION, K_DROP },
	{ "option", T_OPTION, K_DROP },
	{ "output", T_OTHER, K_DROP },
	{ "p", T_P, K_BLOCK },
	{ "picture", T_PICTURE, K_DROP },
	{ "pre", T_PRE, K_BLOCK },
	{ "progress", T_OTHER, K_DROP },
	{ "s", T_OTHER, 0 },
	{ "script", T_SCRIPT, K_DROP },
	{ "section", T_SECTION, K_BLOCK },
	{ "select", T_SELECT, K_DROP },
	{ "small", T_SMALL, 0 },
	{ "source", T_SOURCE, K_DROP },
	{ "span", T_SPAN, 0 },
	{ "strong", T_STRONG, 0 },
	{ "style", T_STYLE, K_DROP },
	{ "summary", T_SUMMARY, K_BLOCK },
	{ "svg", T_SVG, K_DROP },
	{ "table", T_TABLE, K_BLOCK },
	{ "tbody", T_TBODY, K_BLOCK },
	{ "td", T_TD, K_CELL },
	{ "template", T_TEMPLATE, K_DROP },
	{ "textarea", T_TEXTAREA, K_DROP },
	{ "tfoot", T_TFOOT, K_BLOCK },
	{ "th", T_TH, K_CELL },
	{ "thead", T_THEAD, K_BLOCK },
	{ "time", T_TIME, 0 },
	{ "title", T_TITLE, K_DROP },
	{ "tr", T_TR, K_BLOCK | K_ROW },
	{ "ul", T_UL, K_BLOCK },
	{ "video", T_VIDEO, K_DROP },
	{ "wbr", T_OTHER, 0 },
};

static unsigned kinds[T_NTAGS];

static int
by_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

enum tag
html_tag(const char *name)
{
	const void *e = bsearch(name, tags, LEN(tags), sizeof tags[0], by_name);

	return e ? ((const struct tag_entry *)e)->tag : T_OTHER;
}

unsigned
html_tag_kind(enum tag t)
{
	size_t i;

	if (!kinds[T_P])
		for (i = 0; i < LEN(tags); i++)
			kinds[tags[i].tag] = tags[i].kind;
	return kinds[t];
}

static const char *const attr_names[A_NATTRS] = {
	[A_ID] = "id", [A_CLASS] = "class", [A_ROLE] = "role",
	[A_ITEMPROP] = "itemprop",
	[A_PROPERTY] = "property", [A_NAME] = "name", [A_CONTENT] = "content",
	[A_HTTP_EQUIV] = "http-equiv", [A_REL] = "rel",
	[A_HREF] = "href", [A_DATETIME] = "datetime", [A_TYPE] = "type",
	[A_LANG] = "lang", [A_HIDDEN] = "hidden",
	[A_STYLE] = "style", [A_TITLE] = "title",
};

int
html_attr_name(const char *name)
{
	int i;

	for (i = 0; i < A_NATTRS; i++)
		if (name[0] == attr_names[i][0] && strcmp(name, attr_names[i]) == 0)
			return i;
	return -1;
}

/* ---- hints ------------------------------------------------------------
 * A class or id is cut into words at every character that is not a
 * letter or digit and where a lower-case letter meets a capital
 * ("articleBody" is "article" and "body"); a word counts when it is, or
 * for the longer ones starts with, one of these. */

/* H_JUNK and H_COMMENT mark parts that are never the article, so that
 * nothing in them scores; H_MINOR ones only weigh against a container
 * and are cut from inside one: a "teaser" or "header" may hold the
 * article's lead, a "subscriber" box its text. */
enum { H_CONTENT = 1, H_JUNK = 2, H_COMMENT = 4, H_MINOR = 8, H_DATE = 16, H_AUTHOR = 32 };

static const struct {
	const char *w;
	int prefix;		/* also the start of a longer word */
	int kind;
} hint_words[] = {
	{ "article", 1, H_CONTENT }, { "content", 1, H_CONTENT },
	{ "story", 1, H_CONTENT }, { "entry", 1, H_CONTENT },
	{ "post", 0, H_CONTENT }, { "body", 0, H_CONTENT },
	{ "text", 0, H_CONTENT }, { "main", 0, H_CONTENT },
	{ "blog", 0, H_CONTENT }, { "hentry", 0, H_CONTENT },
	{ "prose", 0, H_CONTENT },
	{ "comment", 1, H_COMMENT }, { "disqus", 1, H_COMMENT },
	{ "respond", 0, H_COMMENT }, { "replies", 0, H_COMMENT },
	{ "reply", 0, H_COMMENT }, { "discussion", 0, H_COMMENT },
	{ "share", 1, H_JUNK }, { "sharing", 0, H_JUNK }, { "social", 1, H_JUNK },
	{ "related", 1, H_JUNK }, { "promo", 1, H_JUNK }, { "ad", 0, H_JUNK },
	{ "ads", 0, H_JUNK }, { "advert", 1, H_JUNK }, { "banner", 1, H_MINOR },
	{ "sidebar", 1, H_JUNK }, { "footer", 1, H_JUNK }, { "foot", 0, H_JUNK },
	{ "menu", 1, H_JUNK }, { "nav", 0, H_JUNK }, { "navigation", 0, H_JUNK },
	{ "navbar", 0, H_JUNK }, { "breadcrumb", 1, H_JUNK },
	{ "cookie", 1, H_JUNK }, { "consent", 1, H_JUNK }, { "gdpr", 0, H_JUNK },
	{ "newsletter", 1, H_JUNK }, { "popup", 1, H_JUNK }, { "modal", 1, H_JUNK },
	{ "recommend", 1, H_JUNK }, { "sponsor", 1, H_JUNK },
	{ "pagination", 0, H_JUNK }, { "pager", 0, H_JUNK }, { "skip", 0, H_JUNK },
	{ "masthead", 0, H_JUNK }, { "outbrain", 0, H_JUNK },
	{ "taboola", 0, H_JUNK }, { "trending", 0, H_JUNK },
	{ "popular", 0, H_JUNK },
	{ "subscri", 1, H_MINOR }, { "teaser", 1, H_MINOR }, { "widget", 1, H_MINOR },
	{ "toolbar", 0, H_MINOR }, { "hidden", 0, H_MINOR }, { "print", 0, H_MINOR },
	{ "login", 0, H_MINOR }, { "signup", 0, H_MINOR }, { "signin", 0, H_MINOR },
	{ "rating", 0, H_MINOR }, { "tags", 0, H_MINOR }, { "tag", 0, H_MINOR },
	{ "meta", 0, H_MINOR | H_DATE }, { "byline", 0, H_MINOR | H_DATE | H_AUTHOR },
	{ "author", 1, H_MINOR | H_AUTHOR }, { "autor", 1, H_MINOR | H_AUTHOR },
	{ "writer", 0, H_AUTHOR }, { "creator", 0, H_AUTHOR }, { "caption", 0, H_MINOR }, { "credit", 1, H_MINOR },
	{ "copyright", 0, H_MINOR }, { "disclaimer", 0, H_MINOR },
	{ "follow", 0, H_MINOR }, { "tools", 0, H_MINOR }, { "overlay", 0, H_MINOR },
	{ "dropdown", 0, H_MINOR }, { "search", 0, H_MINOR }, { "more", 0, H_MINOR },
	{ "header", 0, H_MINOR }, { "breaking", 0, H_MINOR }, { "latest", 0, H_MINOR },
	{ "paywall", 0, H_MINOR }, { "cta", 0, H_MINOR }, { "donate", 0, H_MINOR }, { "donation", 0, H_MINOR },
	{ "date", 1, H_DATE }, { "time", 0, H_DATE }, { "timestamp", 0, H_DATE },
	{ "publish", 1, H_DATE }, { "pubdate", 0, H_DATE }, { "posted", 0, H_DATE },
	{ "datum", 0, H_DATE }, { "fecha", 0, H_DATE }, { "dateline", 0, H_DATE },
};

/* The H_* kinds of the words in s[0..n). */
static int
hint_kinds(const char *s, size_t n)
{
	size_t i = 0, w, k, j;
	int kinds = 0;
	char lw[24];

	while (i < n) {
		while (i < n && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			i++;
		for (w = i++; i < n && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
		    || (s[i] >= '0' && s[i] <= '9')); i++)
			if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
				break;
		if (w >= n || i - w >= sizeof lw)
			continue;
		for (k = 0; k < i - w; k++)
			lw[k] = (char)hlower((unsigned char)s[w + k]);
		lw[k] = '\0';
		for (j = 0; j < LEN(hint_words); j++) {
			size_t hl;

			if (hint_words[j].w[0] != lw[0])
				continue;
			hl = strlen(hint_words[j].w);
			if ((strcmp(lw, hint_words[j].w) == 0
			    || (hint_words[j].prefix && k > hl && memcmp(lw, hint_words[j].w, hl) == 0)
			    || (k == hl + 1 && lw[k - 1] == 's' && memcmp(lw, hint_words[j].w, hl) == 0)))
				kinds |= hint_words[j].kind;
		}
	}
	return kinds;
}

/* Roles of the page's parts (WAI-ARIA landmarks) that are not the
 * article. */
static const char *const junk_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search",
	"menu", "menubar", "dialog", "alert", "alertdialog", "toolbar",
	"tablist", "form",
};

static int
attr_kinds(const struct hdoc *d, uint32_t i, enum attr_name a)
{
	size_t len;
	const char *v = html_attr(d, i, a, &len);

	return v ? hint_kinds(v, len) : 0;
}

static int
weight_of(int kinds)
{
	int w = 0;

	if (kinds & H_CONTENT)
		w += 25;
	if (kinds & (H_JUNK | H_COMMENT | H_MINOR))
		w -= 25;
	return w;
}

int
html_hint(const struct hdoc *d, uint32_t i)
{
	int w = weight_of(attr_kinds(d, i, A_CLASS)) + weight_of(attr_kinds(d, i, A_ID));
	size_t k;

	if (html_attr_is(d, i, A_ITEMPROP, "articlebody") || html_attr_is(d, i, A_ITEMPROP, "text"))
		w += 50;
	if (html_attr_is(d, i, A_ROLE, "main") || html_attr_is(d, i, A_ROLE, "article"))
		w += 25;
	for (k = 0; k < LEN(junk_roles); k++)
		if (html_attr_is(d, i, A_ROLE, junk_roles[k]))
			w -= 50;
	return w;
}

int
html_junk_hint(const struct hdoc *d, uint32_t i)
{
	int kinds = attr_kinds(d, i, A_CLASS) | attr_kinds(d, i, A_ID);
	size_t k;

	if (html_attr_is(d, i, A_ITEMPROP, "articlebody"))
		return 0;
	for (k = 0; k < LEN(junk_roles); k++)
		if (html_attr_is(d, i, A_ROLE, junk_roles[k]))
			return 1;
	/* "post tag-news": a post, tagged; "article-share": a share bar */
	if (kinds & H_CONTENT)
		return (kinds & (H_JUNK | H_COMMENT)) != 0;
	return (kinds & (H_JUNK | H_COMMENT | H_MINOR)) != 0;
}

int
html_unlikely_hint(const struct hdoc *d, uint32_t i)
{
	int kinds = attr_kinds(d, i, A_CLASS) | attr_kinds(d, i, A_ID);
	size_t k;

	/* "article-header" with role=banner is the article's header */
	if (html_attr_is(d, i, A_ITEMPROP, "articlebody") || kinds & H_CONTENT)
		return 0;
	for (k = 0; k < LEN(junk_roles); k++)
		if (html_attr_is(d, i, A_ROLE, junk_roles[k]))
			return 1;
	return kinds & H_COMMENT ? 2 : (kinds & H_JUNK) != 0;
}

int
html_date_hint(const struct hdoc *d, uint32_t i)
{
	return ((attr_kinds(d, i, A_CLASS) | attr_kinds(d, i, A_ID)
	    | attr_kinds(d, i, A_ITEMPROP)) & H_DATE) != 0;
}

int
html_author_hint(const struct hdoc *d, uint32_t i)
{
	return ((attr_kinds(d, i, A_CLASS) | attr_kinds(d, i, A_ID)
	    | attr_kinds(d, i, A_ITEMPROP)) & H_AUTHOR) != 0;
}
