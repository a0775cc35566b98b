/* Unit test of article_add_authors (lib/article/authors.c): the names a
 * byline holds, as the text and HTML engines read them. */
#include <stdio.h>
#include <string.h>

#include "article/article.h"

static int failed;

/* The names of byline, joined with '|', against want. */
static void
check(const char *byline, const char *want)
{
	struct article a;
	char got[512] = "";
	size_t i;

	memset(&a, 0, sizeof a);
	article_add_authors(&a, byline, strlen(byline));
	for (i = 0; i < a.nauthors; i++) {
		if (i)
			strcat(got, "|");
		strncat(got, a.authors[i], sizeof got - strlen(got) - 2);
	}
	if (strcmp(got, want) != 0)
		printf("FAIL '%s': got '%s', want '%s'\n", byline, got, want), failed = 1;
	article_free(&a);
}

int
main(void)
{
	check("By Jane Doe and Omar Said, Staff Writers", "Jane Doe|Omar Said");
	check("Jane Doe", "Jane Doe");
	check("by JANE DOE", "JANE DOE");
	check("Von Anna Berg und Jonas Keller", "Anna Berg|Jonas Keller");
	check("Por María López y Juan Pérez", "María López|Juan Pérez");
	check("Jane Doe in London and Omar Said in Cairo", "Jane Doe|Omar Said");
	check("Jane Doe; Omar Said & Li Wei", "Jane Doe|Omar Said|Li Wei");
	check("Jane Doe | Senior Political Correspondent", "Jane Doe");
	check("Staff Writer", "Staff Writer");
	check("Written by Jane Doe", "Jane Doe");
	check("Interview: Jane Doe", "Jane Doe");
	check("\xc2\xa9 Jane Doe", "Jane Doe");
	check("Jane Doe (AP)", "Jane Doe");
	/* an organisation's initials after the names, not before them */
	check("By Jane Doe, CNN", "Jane Doe");
	check("JANE DOE and JOHN ROE, AP", "JANE DOE|JOHN ROE");
	check("CNN", "CNN");
	/* a blog's count of comments after the name */
	check("von KleineGrueneMonster Ein Kommentar", "KleineGrueneMonster");
	check("by jane No Comments", "jane");
	check("Jane Doe 2 Comments", "Jane Doe");
	check("Jane Doe am 20.09.2020", "Jane Doe");
	check("Jane Doe Stand: 05. Februar 2020", "Jane Doe");
	check("Jane Doe for The Daily Example", "Jane Doe");
	check("Ana de la Cruz", "Ana de la Cruz");
	check("di Marco Rossi", "Marco Rossi");
	check("Di Maio", "Di Maio");
	check("jane.doe@example.com", "");
	check("https://example.com/authors/jane", "");
	check("mehr lesen", "");
	check("lupa am 26.10.2013", "lupa");
	check("user123", "user123");
	check("Jane Doe, jane doe", "Jane Doe");
	check("", "");
	if (!failed)
		puts("authors: ok");
	return failed;
}
