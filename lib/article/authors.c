/* authors: the names a byline holds, for the record's "authors" array;
 * one helper for the text engine (its "By" lines and credit lines) and
 * the HTML engine (bylines, meta author, JSON-LD names).
 *
 * "By Jane Doe and Omar Said, Staff Writers" gives "Jane Doe" and "Omar
 * Said": the lead word ("By", "Von", "Por"...) goes, the line splits at
 * commas, semicolons, '&', '|', '/' and "and" in a few languages, and a
 * part that only says a role ("Staff Writers"), an organisation's
 * initials after a name ("CNN") or a place after "in" goes.  What is
 * left is kept as written. */
#include <string.h>

#include "article/internal.h"
#include "buf.h"
#include "mem.h"

/* Words that open a byline, before the names ("Written by" is two). */
static const char *const leads[] = {
	"by", "von", "por", "par", "door", "di", "da", "av", "af", "text",
	"texte", "autor", "autorin", "author", "authors", "written", "posted",
	"reported", "byline", "de",
};

/* "and" between two names. */
static const char *const ands[] = {
	"and", "und", "y", "et", "e", "i", "og", "och", "ve", "a",
};

/* A part made only of these words (and "of", "the") names a role, not a
 * person: "Staff Writers", "Senior Political Correspondent". */
static const char *const roles[] = {
	"staff", "writer", "writers", "reporter", "reporters", "correspondent",
	"correspondents", "editor", "editors", "contributor", "contributors",
	"contributing", "columnist", "journalist", "photographer", "bureau",
	"chief", "senior", "political", "news", "desk", "special", "freelance",
	"deputy", "associate", "managing", "digital", "producer", "of", "the",
	"for",
};

static int
space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word of s[*i..n): its start and length; 0 at the end. */
static size_t
word_at(const char *s, size_t n, size_t *i, size_t *start)
{
	size_t e;

	while (*i < n && space(s[*i]))
		(*i)++;
	*start = *i;
	for (e = *i; e < n && !space(s[e]); e++)
		;
	*i = e;
	return e - *start;
}

/* Only role words: a title, not a name. */
static int
is_role(const char *s, size_t n)
{
	size_t i = 0, w, k, words = 0;

	while ((k = word_at(s, n, &i, &w)) > 0) {
		if (!in_list(s + w, k, roles, LEN(roles)))
			return 0;
		words++;
	}
	return words > 0;
}

/* A name, a comma and the author's role ("Jane Doe, Staff Writer",
 * "Jane Doe, Education editor"): the length of the name, or 0. */
size_t
art_name_comma_role(const char *s, size_t n)
{
	const char *c = memchr(s, ',', n);
	size_t k, rn;

	if (!c || memchr(c + 1, ',', (size_t)(s + n - c - 1)))
		return 0;
	k = (size_t)(c - s);
	rn = n - k - 1;
	c++;
	trim(&c, &rn);
	if (!art_names_only(s, k) || nwords(s, k, 5) < 2 || nwords(s, k, 5) > 4)
		return 0;
	return is_role(c, rn) || art_role_line(c, rn) ? k : 0;
}

/* The last word of an author's role line ("Business reporter",
 * "Technology correspondent", "Politikredakteurin" is one word). */
static const char *const role_nouns[] = {
	"writer", "reporter", "correspondent", "editor", "columnist",
	"journalist", "contributor", "producer", "photographer", "redakteur",
	"redakteurin", "korrespondent", "korrespondentin", "reporterin",
	"autorin", "corresponsal", "redactor", "redactora", "periodista",
	"journaliste", "correspondant", "correspondante", "r\303\251dacteur",
	"r\303\251dactrice", "giornalista", "corrispondente", "verslaggever",
	"redacteur", "dziennikarz", "dziennikarka"
};

/* Words before the place a role is held in ("Correspondent in Lima",
 * "Corresponsal en Lima", "Korrespondentin aus Paris"). */
static const char *const place_words[] = { "in", "en", "aus", "\303\240", "a", "em", "w", "at" };

/* The length of s without a place after its role ("... in Lima"). */
static size_t
before_place(const char *s, size_t n)
{
	size_t i, k, m;

	for (i = 1; i < n; i++) {
		if (s[i - 1] != ' ')
			continue;
		for (k = 0; k < LEN(place_words); k++) {
			m = strlen(place_words[k]);
			if (i + m + 1 < n && !memcmp(s + i, place_words[k], m) && s[i + m] == ' '
			    && s[i + m + 1] >= 'A' && s[i + m + 1] <= 'Z' && nwords(s + i + m + 1, n - i - m - 1, 4) <= 3)
				return i - 1;
		}
	}
	return n;
}

int
art_role_line(const char *s, size_t n)
{
	size_t i = 0, w = 0, k, words = 0, last = 0, lastn = 0;

	if (n == 0 || n > 60 || memchr(s, '.', n) || memchr(s, ',', n) || memchr(s, ':', n))
		return 0;
	n = before_place(s, n);
	while ((k = word_at(s, n, &i, &w)) > 0) {
		if (isdig((unsigned char)s[w]) || ++words > 4)
			return 0;
		last = w, lastn = k;
	}
	return words && in_list(s + last, lastn, role_nouns, LEN(role_nouns));
}

/* A name with the author's role after it on one line ("Jane Doe
 * Education editor", "Jane Doe Senior political correspondent"): the
 * length of the name, two words or more, or 0.  The role is a role noun
 * last, the role words before it and one word of the beat
 * ("Education"). */
size_t
art_name_before_role(const char *s, size_t n)
{
	size_t b[8], e[8], k = 0, i = 0, w, len, j;

	while ((len = word_at(s, n, &i, &w)) > 0) {
		if (k == LEN(b))
			return 0;
		b[k] = w, e[k++] = w + len;
	}
	if (k < 3 || !in_list(s + b[k - 1], e[k - 1] - b[k - 1], role_nouns, LEN(role_nouns)))
		return 0;
	for (j = k - 1; j > 2 && in_list(s + b[j - 1], e[j - 1] - b[j - 1], roles, LEN(roles)); j--)
		;
	if (j > 2)
		j--;
	return e[j - 1];
}


/* Where the lead word(s) end: "By ", "Written by ", "Von:", any one
 * word with a colon ("Interview:"), a copyright sign; the short lead
 * words but "by" only in lower case ("di Marco Rossi", not "Di Maio"). */
static size_t
skip_lead(const char *s, size_t n)
{
	size_t i = 0, w, k, at = 0;

	while ((k = word_at(s, n, &i, &w)) > 0) {
		if (k == 2 && !memcmp(s + w, "\xC2\xA9", 2)) {
			at = i;
			continue;
		}
		if (k > 1 && s[w + k - 1] == ':') {
			at = i;
			continue;
		}
		if (!in_list(s + w, k, leads, LEN(leads))
		    || (k == 2 && s[w] >= 'A' && s[w] <= 'Z' && !eq_ci(s + w, 2, "by")))
			break;
		at = i;
	}
	while (at < n && (space(s[at]) || s[at] == ':'))
		at++;
	return at;
}

/* Words that lead a date after a name ("Jane Doe am 20.09.2020"). */
static const char *const date_leads[] = {
	"am", "on", "at", "le", "el", "il", "um", "em", "op", "den", "dnia",
};

/* A blog's count of comments after its author's name ("von Jane Doe
 * Ein Kommentar", "by jane No Comments"): the count word goes too. */
static const char *const comment_words[] = {
	"comment", "comments", "kommentar", "kommentare", "comentario",
	"comentarios", "commentaire", "commentaires", "commento", "commenti",
};
static const char *const count_words[] = {
	"one", "no", "a", "ein", "eine", "keine", "un", "une", "uno", "sin",
	"aucun", "nessun",
};

/* The length of the name at the start of part: up to " in Place",
 * " for The Paper", a parenthesis, an email address, a number ("am
 * 20.09.2020", "03:48 pm"), a label ("Stand:") or a count of comments;
 * a word that leads a date, left at its end ("lupa am"), goes too. */
static size_t
name_len(const char *s, size_t n)
{
	size_t i = 0, w, k, end = 0, last = 0, before = 0;

	while ((k = word_at(s, n, &i, &w)) > 0) {
		if (s[w] == '(' || memchr(s + w, '@', k) || isdig((unsigned char)s[w]))
			break;
		if (end && in_list(s + w, k, comment_words, LEN(comment_words))) {
			if (before && in_list(s + last, end - last, count_words, LEN(count_words)))
				end = before, last = 0;
			break;
		}
		if (end && ((k == 2 && !memcmp(s + w, "in", 2)) || eq_ci(s + w, k, "for")))
			break;
		if (end && k > 1 && s[w + k - 1] == ':')
			break;
		before = end;
		last = w;
		end = w + k;
	}
	while (end && last && in_list(s + last, end - last, date_leads, LEN(date_leads))) {
		end = last;
		while (end && space(s[end - 1]))
			end--;
		for (last = end; last && !space(s[last - 1]); last--)
			;
	}
	while (end && strchr(",;:-", s[end - 1]))
		end--;
	return end;
}

/* Two words or more, all lower case: a phrase ("publiziert am"), not a
 * name; a lone lower-case word may be a user name. */
static int
lower_phrase(const char *s, size_t n)
{
	size_t i = 0, w, k, words = 0;

	while ((k = word_at(s, n, &i, &w)) > 0) {
		if (!(s[w] >= 'a' && s[w] <= 'z'))
			return 0;
		words++;
	}
	return words >= 2;
}

static void
add_one(struct article *a, const char *s, size_t n)
{
	size_t i;

	trim(&s, &n);
	n = name_len(s, n);
	if (n == 0 || n > 80 || art_is_url(s, n) || (n >= 4 && eq_ci(s, 4, "www."))
	    || lower_phrase(s, n))
		return;
	for (i = 0; i < a->nauthors; i++)
		if (same_ci(a->authors[i], strlen(a->authors[i]), s, n))
			return;
	a->authors = erealloc(a->authors, (a->nauthors + 1) * sizeof *a->authors);
	a->authors[a->nauthors++] = estrndup(s, n);
}

/* The length of a separator between names at s (0: none): , ; & | /
 * and the middle dots U+00B7 and U+2022. */
static size_t
sep_len(const char *s, size_t n)
{
	if (strchr(",;&|/", s[0]))
		return 1;
	if (n >= 2 && !memcmp(s, "\xC2\xB7", 2))
		return 2;
	if (n >= 3 && !memcmp(s, "\xE2\x80\xA2", 3))
		return 3;
	return 0;
}

/* The end of the part that starts at s[i]: a separator or an "and"
 * ("and" and "und" in any case; the one-letter ones lower case only).
 * *next: where the next part starts. */
static size_t
part_end(const char *s, size_t n, size_t i, size_t *next)
{
	size_t e, w, k, j, sl;

	for (e = i; e < n; e++) {
		if ((sl = sep_len(s + e, n - e)) > 0) {
			*next = e + sl;
			return e;
		}
		if (space(s[e]) && e > i) {
			j = e;
			if ((k = word_at(s, n, &j, &w)) > 0 && j < n
			    && in_list(s + w, k, ands, LEN(ands))
			    && (k > 1 || (s[w] >= 'a' && s[w] <= 'z'))) {
				*next = j;
				return e;
			}
		}
	}
	*next = n;
	return n;
}

/* One word of two to six capitals: an organisation's initials after a
 * name ("Jane Doe, CNN", "John Roe, AP"), no person. */
static int
initials(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 6)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

void
article_add_authors(struct article *a, const char *s, size_t n)
{
	size_t i, e, next, lead, before = a->nauthors;
	const char *p, *role = NULL;
	size_t pn, rolen = 0;

	trim(&s, &n);
	if (art_is_url(s, n) || (n >= 4 && eq_ci(s, 4, "www.")))
		return;
	i = skip_lead(s, n);
	while (i < n) {
		e = part_end(s, n, i, &next);
		p = s + i;
		pn = e - i;
		trim(&p, &pn);
		lead = skip_lead(p, pn);
		p += lead, pn -= lead;
		/* a role, of role words or of a beat and a role noun
		 * ("Transport Correspondent") */
		if (pn && (is_role(p, pn) || art_role_line(p, pn))) {
			if (!role)
				role = p, rolen = pn;
		} else if (pn && !(a->nauthors > before && initials(p, pn))) {
			add_one(a, p, pn);
		}
		i = next;
	}
	/* "Staff Writer" alone is all the page says: keep it. */
	if (a->nauthors == before && role)
		add_one(a, role, rolen);
}
