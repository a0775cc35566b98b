/* names: the rules that give every mention of an entity its canonical
 * name, in one place (lib/entity/names.c):
 *
 *	in an article	names_article_resolve, on its mentions
 *	in a stream	names_seen_first, on the names of every record
 *
 * Two names are the same name when their keys are: the type and the
 * folded words (case, accents and compatibility forms folded by
 * text_fold(), apostrophes dropped, hyphens and other marks between
 * words), so Kim Jong-un, Kim Jong Un and KIM JONG UN are one name.
 * Names are never merged across types.  (Within a document the tagger's
 * second pass, not a rule here, makes the labels of a repeated word
 * agree: lib/entity/ner.h.) */
#ifndef NAMES_H
#define NAMES_H

#include <stddef.h>

#include "entity/ner.h"

/* One mention of an article, as the rules and the filter see it. */
struct names_mention {
	enum ner_type type;
	const char *s;		/* its text: s[0..len) */
	size_t len;
	size_t start, end;	/* code points into its field (the caller's) */
	int title;		/* 1: in the title, 0: in the body */
	size_t ntok;		/* tokens */
	char **words;		/* folded words */
	size_t nwords;
	size_t canon;		/* the mention naming it (its canonical name) */
	size_t times;		/* mentions of the same name in the article */
};

/* The mentions of one article in the order of its text, title first. */
struct names_article {
	struct names_mention *m;
	size_t n, cap;
};

#define NAMES_ARTICLE_INIT { NULL, 0, 0 }

/* Add a mention of s[0..len) (valid UTF-8) made of ntok tokens; until
 * names_article_resolve it is its own canonical name. */
struct names_mention *names_article_add(struct names_article *a,
    enum ner_type type, const char *s, size_t len, int title, size_t ntok);
/* Apply the article's rules, in this order:
 * - a one-word mention in the title takes the type of the same word
 *   standing alone in the body (headlines are in title case, which the
 *   training data never is);
 * - a name in capitals takes the same name in mixed case if the article
 *   has it (a dateline's BEIJING is the Beijing of the text);
 * - a person's surname or given name (the first or last token of a
 *   longer person's name), with or without a title (Mr, Dr,
 *   President), stands for that name, and so does the full name with a
 *   title; of several, the one named most often, then the longest, then
 *   the first;
 * - an organisation's shorter form stands for a longer one only when
 *   the longer adds designators (Inc, Corp, Co, Ltd, Group, plc...) or
 *   the shorter is its acronym (IBM, U.N.), chosen the same way;
 * - places and other names are left alone, as their names nest (Korea,
 *   North Korea). */
void names_article_resolve(struct names_article *a);
/* Forget the mentions, keeping the memory. */
void names_article_clear(struct names_article *a);
void names_article_free(struct names_article *a);

/* The names seen so far in a stream: the first name seen with a key
 * stands for every later one. */
struct names_seen;

struct names_seen *names_seen_new(void);
/* The first name seen with the key of name (a C string) of this type,
 * or NULL when this is the first, which is then kept.  The string is
 * valid until the next call. */
const char *names_seen_first(struct names_seen *seen, enum ner_type type,
    const char *name);
/* The same for name[0..len) (valid UTF-8 without NUL). */
const char *names_seen_firstn(struct names_seen *seen, enum ner_type type,
    const char *name, size_t len);
void names_seen_free(struct names_seen *seen);

#endif
