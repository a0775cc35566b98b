/* jsonld: schema.org metadata in <script type="application/ld+json">.
 * An article object (a @type ending in "Article", or "BlogPosting":
 * NewsArticle, ReportageNewsArticle, Article, BlogPosting...), at the
 * top, in an array, in @graph or as a WebPage's mainEntity, gives
 * headline, datePublished, dateModified, author names, publisher.name,
 * url or mainEntityOfPage, inLanguage and keywords.  A reference
 * {"@id": ...} is looked up among the other objects of the script, as
 * Yoast-style graphs name their authors and publisher.  A WebPage or
 * WebSite gives what the article leaves unsaid, trusted less. */
#include <string.h>

#include <jansson.h>

#include "html/internal.h"
#include "mem.h"

/* How deep objects are searched: graphs are shallow; and how many
 * objects a reference is looked up among, authors an article has. */
#define MAX_DEPTH 6
#define MAX_OBJECTS 1000
#define MAX_AUTHORS 50

static int
type_has(json_t *o, int (*want)(const char *))
{
	json_t *t = json_object_get(o, "@type"), *e;
	size_t i;

	if (json_is_string(t))
		return want(json_string_value(t));
	json_array_foreach(t, i, e)
		if (json_is_string(e) && want(json_string_value(e)))
			return 1;
	return 0;
}

static int
ends_with(const char *s, const char *w)
{
	size_t n = strlen(s), k = strlen(w);

	return n >= k && strcmp(s + n - k, w) == 0;
}

static int
article_type(const char *t)
{
	return ends_with(t, "Article") || ends_with(t, "BlogPosting") || strcmp(t, "Report") == 0;
}

static int
page_type(const char *t)
{
	return ends_with(t, "WebPage") || strcmp(t, "WebSite") == 0;
}

static int
site_type(const char *t)
{
	return strcmp(t, "WebSite") == 0 || ends_with(t, "Organization");
}

/* The object a {"@id": ...} reference names, searched among the
 * script's top objects and their @graph; o itself when it has more than
 * the @id or names nothing found. */
static json_t *
resolve(json_t *root, json_t *o)
{
	json_t *id = json_object_get(o, "@id"), *list, *e;
	size_t i;

	if (!json_is_object(o) || !json_is_string(id) || json_object_size(o) > 1)
		return o;
	list = json_is_object(root) ? json_object_get(root, "@graph") : root;
	json_array_foreach(list, i, e)
		if (i < MAX_OBJECTS && json_is_object(e) && e != o && json_equal(json_object_get(e, "@id"), id)
		    && json_object_size(e) > 1)
			return e;
	return o;
}

/* A string, or the "name" (or @id, for URLs) of an object. */
static const char *
str_of(json_t *root, json_t *v, const char *key)
{
	v = resolve(root, v);
	if (json_is_object(v))
		v = json_object_get(v, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
set(struct hmeta *m, enum meta_field f, enum trust t, const char *s)
{
	if (s)
		html_meta_set(m, f, t, s, strlen(s));
}

static void
authors(json_t *root, json_t *v, struct hmeta *m, enum trust t)
{
	json_t *e;
	const char *s;
	size_t i;

	if (!json_is_array(v)) {
		if ((s = str_of(root, v, "name")) != NULL && !strstr(s, "://"))
			html_meta_authors(m, type_has(resolve(root, v), site_type) ? TR_LAST : t,
			    s, strlen(s));
		return;
	}
	json_array_foreach(v, i, e)
		if (i < MAX_AUTHORS)
			authors(root, e, m, t);
}

static void
keywords(json_t *v, struct hmeta *m, enum trust t)
{
	json_t *e;
	size_t i;

	if (json_is_string(v))
		html_meta_tags(m, t, json_string_value(v), json_string_length(v));
	json_array_foreach(v, i, e)
		if (json_is_string(e))
			html_meta_tags(m, t, json_string_value(e), json_string_length(e));
}

static void
article(json_t *root, json_t *o, struct hmeta *m, enum trust t)
{
	json_t *body = json_object_get(o, "articleBody");

	set(m, M_TITLE, t, str_of(root, json_object_get(o, "headline"), "name"));
	set(m, M_TITLE, t, str_of(root, json_object_get(o, "name"), "name"));
	set(m, M_DATE, t, str_of(root, json_object_get(o, "datePublished"), "@value"));
	set(m, M_DATE, t, str_of(root, json_object_get(o, "dateCreated"), "@value"));
	set(m, M_MODIFIED, t, str_of(root, json_object_get(o, "dateModified"), "@value"));
	if (json_object_get(o, "author"))
		authors(root, json_object_get(o, "author"), m, t);
	else if (json_object_get(o, "creator"))
		authors(root, json_object_get(o, "creator"), m, t);
	set(m, M_OUTLET, t, str_of(root, json_object_get(o, "publisher"), "name"));
	set(m, M_URL, t, str_of(root, json_object_get(o, "url"), "@id"));
	/* the page it is the main entity of: that page's url, else its @id */
	set(m, M_URL, t, str_of(root, json_object_get(o, "mainEntityOfPage"), "url"));
	set(m, M_URL, t, str_of(root, json_object_get(o, "mainEntityOfPage"), "@id"));
	set(m, M_LANGUAGE, t, str_of(root, json_object_get(o, "inLanguage"), "name"));
	keywords(json_object_get(o, "keywords"), m, t);
	if (t == TR_JSONLD && json_is_string(body) && !m->ld_body)
		m->ld_body = estrdup(json_string_value(body));
}

static void
visit(json_t *root, json_t *v, struct hmeta *m, int depth)
{
	json_t *e;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			visit(root, e, m, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (type_has(v, article_type))
		article(root, v, m, TR_JSONLD);
	else if (type_has(v, page_type)) {
		article(root, v, m, TR_JSONLD_PAGE);
		if (type_has(v, site_type))
			set(m, M_OUTLET, TR_JSONLD_PAGE, str_of(root, v, "name"));
	} else if (type_has(v, site_type) && !json_object_get(v, "@graph")) {
		set(m, M_OUTLET, TR_TEXT, str_of(root, v, "name"));
	}
	visit(root, json_object_get(v, "@graph"), m, depth + 1);
	e = json_object_get(v, "mainEntity");
	if (json_is_object(e) || json_is_array(e))
		visit(root, e, m, depth + 1);
}

void
html_jsonld(const char *s, size_t n, struct hmeta *m)
{
	char *copy;
	json_t *root;
	size_t i, a, z;

	/* "<!--" or "//<![CDATA[" around it, raw line breaks in strings:
	 * what pages get wrong and browsers forgive. */
	for (a = 0; a < n && s[a] != '{' && s[a] != '['; a++)
		;
	for (z = n; z > a && s[z - 1] != '}' && s[z - 1] != ']'; z--)
		;
	if (z <= a)
		return;
	copy = estrndup(s + a, z - a);
	for (i = 0; i < z - a; i++)
		if ((unsigned char)copy[i] < 0x20)
			copy[i] = ' ';
	if ((root = json_loadb(copy, z - a, JSON_DECODE_ANY, NULL)) != NULL) {
		visit(root, root, m, 0);
		json_decref(root);
	}
	free(copy);
}
