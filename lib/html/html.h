/* html: a saved web page to an article (struct article): title,
 * authors, dates, outlet, URL, language and tags from the page's
 * metadata, and the article's text without the page around it.
 * docs/split-header.md has the rules; internal.h says which file holds
 * which pass. */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

#include "article/article.h"

/* Flags for html_parse. */
enum {
	HTML_KEEP_BOILERPLATE = 1,	/* the whole visible text as the body */
	HTML_DECODED = 2		/* the page is UTF-8 text already */
};

/* 1 if s[0..n) is an HTML page by its first bytes: after a byte order
 * mark, white space and comments (or an XML declaration), a doctype
 * "html", <html> or <head>, in any case. */
int html_is_page(const char *s, size_t n);

/* Parse the page s[0..n) (any bytes) into *a, which the caller frees
 * with article_free.  The body is "" when the page holds no article
 * text; every string is valid UTF-8. */
void html_parse(struct article *a, const char *s, size_t n, int flags);

#endif
