/* Unit test of lib/entity/names.c: each canonical-name rule on small
 * made-up articles (the names are invented).  Exits 1 on a failure. */
#include <stdio.h>
#include <string.h>

#include "entity/names.h"
#include "expect.h"


static void
expect_str(const char *what, const char *got, const char *want)
{
	if (got != want && (!got || !want || strcmp(got, want) != 0)) {
		printf("FAIL %s: got %s, want %s\n", what, got ? got : "NULL",
		    want ? want : "NULL");
		failed = 1;
	}
}

static struct names_mention *
add(struct names_article *a, enum ner_type t, const char *s, int title,
    size_t ntok)
{
	return names_article_add(a, t, s, strlen(s), title, ntok);
}

static void
article_test(void)
{
	struct names_article a = NAMES_ARTICLE_INIT;

	add(&a, NER_ORG, "Brakkenholm", 1, 1);		/* 0 title */
	add(&a, NER_PER, "Anna Brakkenholm", 0, 2);	/* 1 */
	add(&a, NER_PER, "Bram Olu Brakkenholm", 0, 3);	/* 2 */
	add(&a, NER_PER, "Anna Brakkenholm", 0, 2);	/* 3 */
	add(&a, NER_PER, "Brakkenholm", 0, 1);		/* 4 */
	add(&a, NER_PER, "Bram", 0, 1);			/* 5 */
	add(&a, NER_LOC, "North Velmora", 0, 2);	/* 6 */
	add(&a, NER_LOC, "Velmora", 0, 1);		/* 7 */
	add(&a, NER_LOC, "VELMORA", 0, 1);		/* 8 */
	add(&a, NER_ORG, "Tey-Orrin", 0, 1);		/* 9 */
	add(&a, NER_ORG, "Tey", 0, 1);			/* 10 */
	expect("words folded", (long)a.m[2].nwords, 3);
	expect("hyphen splits words", (long)a.m[9].nwords, 2);
	names_article_resolve(&a);
	expect("title takes the body's type", a.m[0].type, NER_PER);
	expect("times", (long)a.m[1].times, 2);
	expect("most often named wins", (long)a.m[4].canon, 1);
	expect("title word merged too", (long)a.m[0].canon, 1);
	expect("first words stand for the name", (long)a.m[5].canon, 2);
	expect("places nest", (long)a.m[7].canon, 7);
	expect("capitals take mixed case", (long)a.m[8].canon, 7);
	expect("an organisation's first word is not its name", (long)a.m[10].canon, 10);
	expect("a full name names itself", (long)a.m[2].canon, 2);
	names_article_clear(&a);
	expect("cleared", (long)a.n, 0);
	/* equal times: the longer name, then the first */
	add(&a, NER_PER, "Idris Tamsworth", 0, 2);
	add(&a, NER_PER, "Idris Kel Tamsworth", 0, 3);
	add(&a, NER_PER, "Ona Tamsworth", 0, 2);
	add(&a, NER_PER, "Tamsworth", 0, 1);
	add(&a, NER_PER, "Ona", 0, 1);
	add(&a, NER_ORG, "Sade Group", 0, 2);
	add(&a, NER_ORG, "Sade Ltd", 0, 2);
	add(&a, NER_ORG, "Sade", 0, 1);
	add(&a, NER_PER, "Group", 0, 1);
	names_article_resolve(&a);
	expect("longer on a tie", (long)a.m[3].canon, 1);
	expect("only one holds the first word", (long)a.m[4].canon, 2);
	expect("the first on a full tie", (long)a.m[7].canon, 5);
	expect("of the same type only", (long)a.m[8].canon, 8);
	names_article_free(&a);
}

/* A surname or given name with a title; a full name with one. */
static void
title_test(void)
{
	struct names_article a = NAMES_ARTICLE_INIT;

	add(&a, NER_PER, "Gerrit Vandermolen", 0, 2);	/* 0 */
	add(&a, NER_PER, "Mr Vandermolen", 0, 2);	/* 1 */
	add(&a, NER_PER, "Mr. Vandermolen", 0, 2);	/* 2 */
	add(&a, NER_PER, "Vandermolen", 0, 1);		/* 3 */
	add(&a, NER_PER, "President Gerrit Vandermolen", 0, 3);	/* 4 */
	add(&a, NER_PER, "Dr Gerrit", 0, 2);		/* 5 */
	add(&a, NER_ORG, "Vandermolen", 0, 1);		/* 6 */
	add(&a, NER_PER, "Mr Oskarsen", 0, 2);		/* 7 */
	add(&a, NER_PER, "Mr", 0, 1);			/* 8 */
	names_article_resolve(&a);
	expect("Mr and a surname", (long)a.m[1].canon, 0);
	expect("Mr. and a surname", (long)a.m[2].canon, 0);
	expect("the surname alone", (long)a.m[3].canon, 0);
	expect("a title before the full name", (long)a.m[4].canon, 0);
	expect("a title and the given name", (long)a.m[5].canon, 0);
	expect("never across types", (long)a.m[6].canon, 6);
	expect("no full name: itself", (long)a.m[7].canon, 7);
	expect("a title alone is itself", (long)a.m[8].canon, 8);
	names_article_free(&a);
}

/* Organisations: only designators or an acronym make a longer name. */
static void
org_test(void)
{
	struct names_article a = NAMES_ARTICLE_INIT;

	add(&a, NER_ORG, "Velcor", 0, 1);			/* 0 */
	add(&a, NER_ORG, "Velcor Europe", 0, 2);		/* 1 */
	add(&a, NER_ORG, "Brannock Electric", 0, 2);		/* 2 */
	add(&a, NER_ORG, "Brannock Electric Co", 0, 3);		/* 3 */
	add(&a, NER_ORG, "BE", 0, 1);				/* 4 */
	add(&a, NER_ORG, "Tarnwell Holdings Ltd", 0, 3);	/* 5 */
	add(&a, NER_ORG, "Tarnwell", 0, 1);			/* 6 */
	add(&a, NER_ORG, "Office of Harbour Affairs", 0, 4);	/* 7 */
	add(&a, NER_ORG, "OHA", 0, 1);				/* 8 */
	add(&a, NER_ORG, "Oha", 0, 1);				/* 9 */
	add(&a, NER_ORG, "US", 0, 1);				/* 10 */
	add(&a, NER_ORG, "US Harbour Exchange Board", 0, 4);	/* 11 */
	add(&a, NER_LOC, "Brannock", 0, 1);			/* 12 */
	names_article_resolve(&a);
	expect("another word is no designator", (long)a.m[0].canon, 0);
	expect("a designator added", (long)a.m[2].canon, 3);
	expect("an acronym, then its designator", (long)a.m[4].canon, 3);
	expect("two designators", (long)a.m[6].canon, 5);
	expect("an acronym without the small words", (long)a.m[8].canon, 7);
	expect("an acronym is in capitals", (long)a.m[9].canon, 9);
	expect("the first word is no acronym", (long)a.m[10].canon, 10);
	expect("places are left alone", (long)a.m[12].canon, 12);
	names_article_free(&a);
}

static void
seen_test(void)
{
	struct names_seen *s = names_seen_new();

	expect_str("first", names_seen_first(s, NER_PER, "Olu Bran-Tey"), NULL);
	expect_str("capitals, spaces", names_seen_first(s, NER_PER, "OLU BRAN TEY"),
	    "Olu Bran-Tey");
	expect_str("accents", names_seen_first(s, NER_PER, "\xc3\x93lu Bran Tey"),
	    "Olu Bran-Tey");
	expect_str("another type", names_seen_first(s, NER_ORG, "Olu Bran-Tey"), NULL);
	expect_str("apostrophes dropped", names_seen_first(s, NER_ORG,
	    "O'Velk"), NULL);
	expect_str("curly apostrophe", names_seen_first(s, NER_ORG,
	    "O\xe2\x80\x99Velk"), "O'Velk");
	expect_str("other words", names_seen_first(s, NER_PER, "Olu Bran"), NULL);
	names_seen_free(s);
}

int
main(void)
{
	article_test();
	title_test();
	org_test();
	seen_test();
	if (!failed)
		printf("names: ok\n");
	return failed;
}
