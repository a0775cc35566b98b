/* token: a Unicode-aware word tokeniser and sentence splitter for news
 * text.  Tokens follow the CoNLL/Penn conventions closely enough for the
 * entity tagger: punctuation is split off, hyphenated words (Asia-Pacific,
 * Jong-un) stay whole, the possessive 's is its own token, and known
 * abbreviations (Aug., U.S., Gov.) keep their period and end no sentence.
 * A blank line, or a line break before anything but a lower-case word
 * (headings, captions and menus of web pages), also ends a sentence.
 * Every token knows its paragraph and its sentence, so nothing built on
 * tokens need run across either. */
#ifndef TOKEN_H
#define TOKEN_H

#include <stddef.h>

struct token {
	size_t off, len;	/* bytes into the text */
	size_t cp, cplen;	/* the same in code points */
	int sent;		/* 1: the first token of a sentence */
	int line;		/* 1: the first token after a line break */
	size_t para;		/* its paragraph (blank lines between), from 0 */
	size_t sno;		/* its sentence, from 0 */
};

struct token_list {
	struct token *v;
	size_t n, cap;
};

#define TOKEN_LIST_INIT { NULL, 0, 0 }

/* Tokenise the valid UTF-8 text s (n bytes) into l (emptied first);
 * returns the number of tokens. */
size_t token_split(const char *s, size_t n, struct token_list *l);
void token_list_free(struct token_list *l);

#endif
