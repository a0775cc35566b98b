/* Unit test of lib/entity/names.c: each canonical-name rule on small
 * made-up articles (the names are invented).  Exits 1 on a failure. */
#include <stdio.h>
#include <string.h>

#include "entity/names.h"

static int failed;

static void
expect(const char *what, long got, long want)
{
	if (got != want) {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failed = 1;
	}
}

static void
expect_str(const char *what, const char *got, const char *want)
{
	if (got != want && (!got || !want || strcmp(got, want) != 0)) {
		printf("FAIL %s: got %s, want %s\n", what, got ? got : "NULL",
		    want ? want : "NULL");
		failed = 1;
	}
}

/* Words of a space-separated sentence (s is changed). */
static size_t
words(char *s, struct ner_word *w)
{
	size_t n = 0;
	char *p;

	for (p = strtok(s, " "); p; p = strtok(NULL, " ")) {
		w[n].s = p;
		w[n++].len = strlen(p);
	}
	return n;
}

#define B(t)	NER_B(NER_##t)
#define I(t)	NER_I(NER_##t)
#define O	NER_O

static void
doc_fix_test(void)
{
	char s[] = "Adaeze Quillfeather spoke . Quillfeather left ; "
	    "Adaeze Brakkenholm , quillfeather and Quillfeather Ltd came";
	int tags[] = { B(PER), I(PER), O, O, O, O, O,
	    O, B(PER), O, O, O, B(ORG), I(ORG), O };
	struct ner_word w[32];
	size_t n = words(s, w);

	expect("doc words", (long)n, (long)(sizeof tags / sizeof *tags));
	names_doc_fix(w, n, tags);
	expect("the last word alone is the person", tags[4], B(PER));
	expect("a first word before a person", tags[7], B(PER));
	expect("joins that person", tags[8], I(PER));
	expect("lower case stays", tags[10], O);
	expect("inside a longer name stays", tags[12], B(ORG));
	expect("full name kept", tags[1], I(PER));
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
	expect("one token of two words", (long)a.m[10].canon, 9);
	expect("a full name names itself", (long)a.m[2].canon, 2);
	names_article_clear(&a);
	expect("cleared", (long)a.n, 0);
	/* equal times: the longer name, then the first */
	add(&a, NER_PER, "Idris Tamsworth", 0, 2);
	add(&a, NER_PER, "Idris Kel Tamsworth", 0, 3);
	add(&a, NER_PER, "Ona Tamsworth", 0, 2);
	add(&a, NER_PER, "Tamsworth", 0, 1);
	add(&a, NER_PER, "Ona", 0, 1);
	add(&a, NER_ORG, "Sade Orrin", 0, 2);
	add(&a, NER_ORG, "Sade Pell", 0, 2);
	add(&a, NER_ORG, "Sade", 0, 1);
	add(&a, NER_PER, "Orrin", 0, 1);
	names_article_resolve(&a);
	expect("longer on a tie", (long)a.m[3].canon, 1);
	expect("only one holds the first word", (long)a.m[4].canon, 2);
	expect("the first on a full tie", (long)a.m[7].canon, 5);
	expect("of the same type only", (long)a.m[8].canon, 8);
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
	doc_fix_test();
	article_test();
	seen_test();
	if (!failed)
		printf("names: ok\n");
	return failed;
}
