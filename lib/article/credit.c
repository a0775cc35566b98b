/* credit: who wrote or sent the article: "By" lines, lone agency
 * credits ("(AP)", "(c) AFP 2025") and wire credit lines ("(Reporting
 * by Jane Doe in Seoul; Editing by John Roe)"). */
#include <string.h>

#include "article/internal.h"
#include "buf.h"

/* A lone credit line naming an agency: "Yonhap", "(AP)", "/ Reuters",
 * "© AFP 2025".  [YONHAP] in brackets is a photo credit: *photo = 1. */
const char *
art_lone_credit(const char *s, size_t n, int *photo)
{
	*photo = 0;
	if (n == 0 || n > 60)
		return NULL;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		*photo = article_agency(s + 1, n - 2) != NULL;
		return NULL;
	}
	for (;;) {
		if (n >= 2 && !memcmp(s, "\xC2\xA9", 2))
			s += 2, n -= 2;
		else if (n >= 3 && (!memcmp(s, "\xE2\x80\x94", 3) || !memcmp(s, "\xE2\x80\x93", 3)))
			s += 3, n -= 3;
		else if (n >= 3 && eq_ci(s, 3, "(c)"))
			s += 3, n -= 3;
		else if (n >= 9 && starts_word(s, n, "copyright"))
			s += 9, n -= 9;
		else if (n && (s[0] == '-' || s[0] == '/' || s[0] == ' '))
			s++, n--;
		else
			break;
	}
	while (n && (isdig((unsigned char)s[n - 1]) || s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
		s++, n -= 2;
	return article_agency(s, n);
}

/* The word a byline starts with, in the languages news is read in. */
static const char *const by_words[] = {
	"by", "von", "por", "par", "door", "przez"
};

/* The length of the byline word s starts with ("By", "Von"), 0 if none. */
size_t
art_by_word(const char *s, size_t n)
{
	size_t i, k;

	if (n < 2 || !strchr("bBvVpPdD", s[0]) || !s[0])
		return 0;
	/* Italian's "di", lower case as written ("Di Maio" is a name) */
	if (n > 3 && !memcmp(s, "di ", 3))
		return 2;
	for (i = 0; i < LEN(by_words); i++) {
		k = strlen(by_words[i]);
		if (n >= k && eq_ci(s, k, by_words[i]) && (n == k || s[k] == ' ' || s[k] == ':'))
			return k;
	}
	return 0;
}

/* Words that may stand lower case in a byline between names. */
static const char *const by_joiners[] = {
	"and", "in", "de", "van", "von", "und", "et", "y"
};

/* Words that join a second author's name to a byline, first on a line
 * of its own, in lower case as written. */
static const char *const joins[] = { "&", "and", "und", "y", "et" };

int
art_joins_names(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < LEN(joins); i++) {
		k = strlen(joins[i]);
		if (n > k + 1 && !memcmp(s, joins[i], k) && s[k] == ' ')
			return 1;
	}
	return 0;
}

int
art_two_names(const char *s, size_t n)
{
	size_t i, k, m, w, at = 0, len = 0;

	if (nwords(s, n, 9) > 8)
		return 0;
	for (i = 0; i < n; i = w + 1) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		for (k = 0; k < LEN(joins) && !(w - i == (m = strlen(joins[k])) && !memcmp(s + i, joins[k], m)); k++)
			;
		if (k < LEN(joins) && !at)
			at = i, len = w - i;
		else if (!((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0xC3))
			return 0;
	}
	return at > 1 && at + len + 1 < n && nwords(s, at - 1, 5) >= 2
	    && nwords(s + at + len + 1, n - at - len - 1, 5) >= 2;
}

int
art_is_join(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < LEN(joins); i++)
		if (n == strlen(joins[i]) && !memcmp(s, joins[i], n))
			return 1;
	return 0;
}

int
art_byline_names(const char *v, size_t vn)
{
	size_t i, e;

	if (vn == 0 || nwords(v, vn, 9) > 8 || !((v[0] >= 'A' && v[0] <= 'Z') || (unsigned char)v[0] >= 0xC3))
		return 0;
	for (i = 0; i + 1 < vn; i++) {
		if (v[i] != ' ' || !(v[i + 1] >= 'a' && v[i + 1] <= 'z'))
			continue;
		for (e = i + 1; e < vn && v[e] != ' '; e++)
			;
		if (!in_list(v + i + 1, e - i - 1, by_joiners, LEN(by_joiners)))
			return 0;
	}
	return 1;
}

/* The names of a byline before the outlet they wrote for ("Jane Doe
 * for The Example Times", "Jane Doe And John Roe For Example.com"):
 * the bytes before " for ", all of v if none. */
static size_t
before_for(const char *v, size_t vn)
{
	size_t i;

	for (i = 1; i + 5 < vn; i++)
		if (v[i] == ' ' && eq_ci(v + i + 1, 3, "for") && v[i + 4] == ' '
		    && ((v[i + 5] >= 'A' && v[i + 5] <= 'Z') || starts_word(v + i + 5, vn - i - 5, "the")))
			return i;
	return vn;
}

static size_t name_words(const char *s, size_t n);

/* The words a blog puts before its byline word ("Posted by"), and the
 * kinds of writing a page names there ("Analysis by", "Ein
 * Gastbeitrag von", "Blog Beitrag von"). */
static const char *const posted_words[] = {
	"posted", "written", "words", "text", "story", "article", "gepostet", "geschrieben", "ver\303\266ffentlicht",
	"publi\xC3\xA9", "publicado", "escrito", "pubblicato", "scritto", "geplaatst",
	"post", "blog", "guest", "analysis", "commentary", "column", "essay", "review", "report",
	"beitrag", "gastbeitrag", "blogbeitrag", "artikel", "kommentar", "analyse", "kolumne",
	"bericht", "rezension", "gastkommentar", "chronique", "tribune", "columna", "rese\303\261a",
};
/* An article before them ("A guest post by", "Ein Beitrag von"). */
static const char *const posted_articles[] = {
	"a", "an", "ein", "eine", "un", "une", "una", "uno",
};

/* "Posted by Jane Doe at 2:33 PM", "Gepostet von Jane Doe | Wohnen":
 * the capitalised name after the byline word, what follows it short
 * and no date (a dated line gives both, "Posted by Jane Doe 21.10.2019"). */
static int
posted_by(const char *s, size_t n, const char **v, size_t *vn)
{
	const char *sp;
	size_t k, m, b, e;

	/* a mark of the line before ("• words written by ...") */
	while (n > 4 && (k = art_separator(s, n)) > 0 && k < n && s[k] == ' ')
		s += k + 1, n -= k + 1;
	while (n && s[0] == ' ')
		s++, n--;
	sp = memchr(s, ' ', n < 16 ? n : 16);	/* the longest posted word and more */
	k = sp ? (size_t)(sp - s) : n;
	if (sp && in_list(s, k, posted_articles, LEN(posted_articles))) {
		s += k + 1, n -= k + 1;
		sp = memchr(s, ' ', n < 16 ? n : 16);
		k = sp ? (size_t)(sp - s) : n;
	}
	if (!sp || n > 120 || !in_list(s, k, posted_words, LEN(posted_words)) || nwords(s, n, 15) > 14
	    || art_date_span(s, n, &b, &e))
		return 0;
	s += k + 1, n -= k + 1;
	/* two of them ("words written by") */
	if ((sp = memchr(s, ' ', n < 16 ? n : 16)) && in_list(s, (size_t)(sp - s), posted_words, LEN(posted_words)))
		k = (size_t)(sp - s), s += k + 1, n -= k + 1;
	if (!(m = art_by_word(s, n)) || m + 1 >= n || s[m] != ' ')
		return 0;
	*v = s + m + 1;
	*vn = name_words(*v, n - m - 1);
	return *vn > 0;
}

/* Words between a byline's names and the agency it wrote with ("Jane
 * Doe, with AFP", "avec AFP", "mit dpa"). */
static const char *const with_words[] = {
	"with", "avec", "mit", "con", "amb", "com", "met", "z",
};

size_t
art_agency_tail(const char *s, size_t n, const char **agency)
{
	const char *c, *t;
	size_t k, tn, w;

	*agency = NULL;
	for (k = n; k > 0 && s[k - 1] != ','; k--)
		;
	if (k < 2)
		return n;
	c = s + k;
	tn = n - k;
	t = c;
	trim(&t, &tn);
	for (w = 0; w < tn && t[w] != ' '; w++)
		;
	if (w < tn && in_list(t, w, with_words, LEN(with_words)))
		t += w + 1, tn -= w + 1;
	if (!(*agency = article_agency(t, tn)))
		return n;
	return k - 1;
}

/* The names of a byline before the reading time after them ("von
 * Jane Doe Lesezeit: 4 Min."). */
static size_t
before_read_time(const char *s, size_t n)
{
	size_t b;

	for (b = 1; b < n; b++)
		if (s[b - 1] == ' ' && art_is_read_time(s + b, n - b)) {
			while (b > 0 && s[b - 1] == ' ')
				b--;
			return b;
		}
	return n;
}

/* "By Jane Doe", "By Jane Doe and John Roe", "Von Anna Berg": a
 * capitalised name after a byline word. */
int
art_byline(const char *s, size_t n, const char **v, size_t *vn)
{
	const char *ag;
	size_t k = art_by_word(s, n), last;

	if (!k)
		return posted_by(s, n, v, vn);
	if (n < k + 2 || n > 80)
		return 0;
	/* a period after the name ends no sentence: "By Jane Doe.", "By
	 * John Roe Jr." (the abbreviation keeps it) */
	if (s[n - 1] == '.' && s[n - 2] != '.') {
		for (last = n - 1; last > 0 && s[last - 1] != ' '; last--)
			;
		if (n - last > 3)
			n--;
	} else if (art_is_prose(s, n))
		return 0;
	*v = s + k + 1;
	*vn = n - k - 1;
	trim(v, vn);
	*vn = before_for(*v, *vn);
	*vn = before_read_time(*v, *vn);
	/* the agency after the names ("By Jane Doe, AP") is the
	 * caller's (art_agency_tail) */
	*vn = art_agency_tail(*v, *vn, &ag);
	return art_byline_names(*v, *vn);
}

/* The capitalised words from s on (joiners between them allowed), up
 * to a separator ("|", "·"), a digit or a word in lower case; their
 * length, 0 if none. */
static size_t
name_words(const char *s, size_t n)
{
	size_t i = 0, w, end = 0;
	unsigned char c;

	while (i < n) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		c = (unsigned char)s[i];
		if (has_digit(s + i, w - i) || art_separator(s + i, n - i))
			break;
		if ((c >= 'A' && c <= 'Z') || (c >= 0xC3 && c != 0xE2))	/* 0xE2: punctuation, "•" */
			end = w;
		else if (!in_list(s + i, w - i, by_joiners, LEN(by_joiners)))
			break;
		i = w + 1;
	}
	while (end && s[end - 1] == ',')
		end--;
	return end;
}

/* One word of letters, digits, '.', '_' or '-', a letter first, and
 * nothing after it: a user name; its length, 0 if none. */
static size_t
user_name(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	if (n == 0 || n > 30 || !(((unsigned char)s[0] | 0x20) >= 'a' && ((unsigned char)s[0] | 0x20) <= 'z'))
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (!isalnum_a(c) && !(c && strchr("._-", c)))
			return 0;
	}
	return n;
}

/* A user name and a separator after it: the name's length, 0 if
 * none. */
static size_t
user_first(const char *s, size_t n)
{
	size_t e = span_to(s, n, " "), k = e;

	while (k < n && s[k] == ' ')
		k++;
	if (k >= n || !(art_separator(s + k, n - k) || (k > e && art_separator(s + k - 1, n - k + 1))))
		return 0;
	return user_name(s, e);
}

int
art_byline_within(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t k, m;

	for (k = 0; k < n; k++) {
		if (k && s[k - 1] != ' ')
			continue;
		m = art_by_word(s + k, n - k);
		if (!m || k + m + 1 >= n || s[k + m] != ' ')
			continue;
		*v = s + k + m + 1;
		if ((*vn = name_words(*v, n - k - m - 1)) > 0)
			return 1;
		/* a blog's user name last ("Posted on March 4, 2024 by
		 * jane"), or first, before a separator ("von jane ·
		 * 31. Oktober 2023") */
		if ((*vn = user_name(*v, n - k - m - 1)) > 0 || (k == 0 && (*vn = user_first(*v, n - m - 1)) > 0))
			return 1;
	}
	return 0;
}

size_t
art_separator(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == '|' || s[0] == ','))
		return 1;
	if (n >= 2 && !memcmp(s, "\xC2\xB7", 2))
		return 2;
	if (n >= 3 && !memcmp(s, "\xE2\x80\xA2", 3))		/* • */
		return 3;
	if (n >= 3 && (!memcmp(s, " - ", 3) || !memcmp(s, " / ", 3)))
		return 3;
	if (n >= 5 && (!memcmp(s, " \xE2\x80\x93 ", 5) || !memcmp(s, " \xE2\x80\x94 ", 5)))
		return 5;
	return 0;
}

/* A part of a date line without its label and its role in brackets
 * ("Redaktion: Jane Doe (Pressesprecherin)": "Jane Doe"). */
static void
name_of_part(const char **v, size_t *vn)
{
	const char *s = *v, *q;
	size_t n = *vn, k;

	for (k = 0; k < n && k < 20 && s[k] != ' '; k++)
		;
	if (k > 1 && k < n && s[k - 1] == ':')
		s += k + 1, n -= k + 1;
	if ((q = memchr(s, '(', n)) && q > s && s[n - 1] == ')')
		n = (size_t)(q - s);
	*v = s, *vn = n;
	trim(v, vn);
}

/* A name: two to four capitalised words, no digit, no slash, no
 * weekday first ("Montag Abend"); or a newsroom.  A month may be a
 * first name ("Jan Berg", "April Lee"). */
static int
name_like(const char *v, size_t vn)
{
	size_t w = nwords(v, vn, 5);

	return (w >= 2 && w <= 4 && !has_digit(v, vn) && !memchr(v, '/', vn) && art_names_only(v, vn)
	    && !art_is_weekday(v, strcspn(v, " ")))
	    || art_is_newsroom(v, vn);
}

/* Words an outlet's or a work's name starts with, no person's. */
static const char *const articles[] = {
	"the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "las", "il", "lo",
};

int
art_person_like(const char *v, size_t vn)
{
	return vn && name_like(v, vn) && !in_list(v, strcspn(v, " "), articles, LEN(articles));
}

/* The words right before the date in s or right after it, no mark
 * between ("Jane Doe 3/5/2022 22:41", "1. Februar 2022 Jane Doe 6"): a
 * count after them (of comments) goes; not in a photo's credit, not
 * a name with an article ("The Daily Example 3/5/2022"). */
static int
name_by_date(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t b, e;

	if (art_photo_credit(s, n) || !art_date_span(s, n, &b, &e))
		return 0;
	*v = s, *vn = b;
	trim(v, vn);
	/* the date's label after the name ("Jane Doe Stand: 5 May 2024") */
	while (*vn && (*v)[*vn - 1] == ':')
		for ((*vn)--; *vn && (*v)[*vn - 1] != ' '; (*vn)--)
			;
	trim(v, vn);
	if (art_person_like(*v, *vn))
		return 1;
	*v = s + e, *vn = n - e;
	while (*vn && (isdig((unsigned char)(*v)[*vn - 1]) || (*v)[*vn - 1] == ' '))
		(*vn)--;
	/* the time of the date ("22:41", "13:56 Uhr") is no name */
	trim(v, vn);
	return art_person_like(*v, *vn);
}

int
art_name_part(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t b = 0, i = 0, k;

	for (;;) {
		k = i < n ? art_separator(s + i, n - i) : 0;
		if (i == n || k) {
			*v = s + b;
			*vn = i - b;
			trim(v, vn);
			name_of_part(v, vn);
			if ((b > 0 || i < n) && name_like(*v, *vn))
				return 1;
			if (i == n)
				return b == 0 && name_by_date(s, n, v, vn);
			b = i += k;
			continue;
		}
		i++;
	}
}

/* The newsroom signing a story for its staff, in the languages news is
 * read in ("Redaktion", "Redacción", "Staff"). */
static const char *const newsrooms[] = {
	"redaktion", "redacci\303\263n", "r\303\251daction", "redazione", "redakcja", "redactie",
	"reda\303\247\303\243o", "staff", "newsroom", "editorial staff", "online-redaktion",
};

int
art_is_newsroom(const char *s, size_t n)
{
	return in_list(s, n, newsrooms, LEN(newsrooms));
}

/* The labels a page puts over its author's name, on a line of their
 * own ("AUTHOR", "Autor/in", "Text:"). */
static const char *const author_labels[] = {
	"author", "authors", "autor", "autorin", "autoren", "autor/in", "autor:in",
	"autor*in", "autorin/autor", "auteur", "auteure", "auteurs", "autore",
	"autora", "autori", "written by", "words", "text", "texte", "texto",
};

/* s without its colon, and the space a French colon has before it
 * ("By :"). */
static size_t
label_len(const char *s, size_t n)
{
	if (n && s[n - 1] == ':')
		n--;
	while (n && s[n - 1] == ' ')
		n--;
	return n;
}

int
art_by_alone(const char *s, size_t n)
{
	n = label_len(s, n);
	return n && art_by_word(s, n) == n;
}

int
art_by_last(const char *s, size_t n)
{
	size_t k = n;

	while (k > 0 && s[k - 1] != ' ')
		k--;
	return k > 0 && nwords(s, k, 5) <= 3 && art_by_alone(s + k, n - k);
}

int
art_by_kicker(const char *s, size_t n, const char *t, size_t tn)
{
	return art_by_last(s, n) && !memchr(t, ':', tn) && art_person_like(t, tn);
}

int
art_byline_label(const char *s, size_t n)
{
	if (art_by_alone(s, n))
		return 1;
	n = label_len(s, n);
	return n && in_list(s, n, author_labels, LEN(author_labels));
}

/* "By" alone, the name on the next line: 1 if s is the byline word and
 * t (the next line) a name. */
int
art_byline_split(const char *s, size_t n, const char *t, size_t tn)
{
	/* a name may end in an initial ("Joe S."), no sentence */
	int initial = tn >= 3 && t[tn - 1] == '.' && t[tn - 2] >= 'A' && t[tn - 2] <= 'Z' && t[tn - 3] == ' ';

	if (!art_byline_label(s, n) && !art_by_kicker(s, n, t, tn))
		return 0;
	return tn <= 60 && art_byline_names(t, tn)
	    && (!art_is_prose(t, tn) || (initial && nwords(t, tn, 5) <= 4));
}

/* Words that may stand lower case inside a name or after it ("Omar
 * Said in Cairo", "Ana de la Cruz"). */
static const char *const name_joiners[] = {
	"and", "in", "de", "del", "la", "le", "van", "von", "der", "da", "di",
	"du", "al", "bin",
};

int
art_names_only(const char *s, size_t n)
{
	size_t i = 0, w;

	if (n == 0)
		return 0;
	while (i < n) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80)
		    && !in_list(s + i, w - i, name_joiners, LEN(name_joiners)))
			return 0;
		i = w + 1;
	}
	return 1;
}

/* s starts with the word w, in lower case as written: the "in" of a
 * place, not the "In" of "Lee In-ho". */
static int
lower_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s, w, k) == 0 && (n == k || s[k] == ' ');
}

/* "Jane Doe in London and Omar Said in Cairo" to "Jane Doe and Omar
 * Said" in *by: the names without their places, the last after "and". */
static void
credit_names(const char *s, size_t n, struct buf *by)
{
	const char *name[16];
	size_t len[16], k = 0, i = 0, j, e;

	while (i < n && k < LEN(name)) {
		for (e = i; e < n && s[e] != ','; e++)
			if (e > i && s[e - 1] == ' ' && lower_word(s + e, n - e, "and"))
				break;
		j = e;
		while (j > i && s[j - 1] == ' ')
			j--;
		name[k] = s + i;
		len[k] = j - i;
		for (j = i; j < e; j++)
			if (s[j] == ' ' && lower_word(s + j + 1, e - j - 1, "in")) {
				len[k] = j - i;
				break;
			}
		if (len[k])
			k++;
		i = e < n && s[e] == ',' ? e + 1 : e + 3;
		while (i < n && s[i] == ' ')
			i++;
	}
	for (i = 0; i < k; i++) {
		if (i)
			buf_adds(by, i + 1 == k ? " and " : ", ");
		buf_add(by, name[i], len[i]);
	}
}

/* A wire story's credit line: "(Reporting by Jane Doe in Seoul; Editing
 * by John Roe)", "Writing by ...", "... contributed to this report." The
 * reporters of "Reporting by" go to *by, the byline; the others only
 * helped. */
static int
credit_line(const char *s, size_t n, struct buf *by)
{
	static const char *const leads[] = {
		"reporting by ", "reporting and writing by ", "additional reporting by ",
		"writing by ", "editing by ", "compiled by ", "graphics by ",
	};
	size_t i, k, e;

	/* the words the lines start with, or "... contributed ... ." */
	if (n > 400 || n < 8 || (!strchr("(rRwWeEaAcCgG", s[0]) && s[n - 1] != '.'))
		return 0;
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
		s++, n -= 2;
	else if (n >= 3 && s[0] == '(' && s[n - 2] == ')' && s[n - 1] == '.')
		s++, n -= 3;
	if (nwords(s, n, 41) <= 40 && (ends_with(s, n, " contributed to this report.")
	    || ends_with(s, n, " contributed to this story.")
	    || ends_with(s, n, " contributed reporting.")))
		return 1;
	for (k = 0; k < LEN(leads); k++)
		if (n > strlen(leads[k]) && eq_ci(s, strlen(leads[k]), leads[k]))
			break;
	if (k == LEN(leads))
		return 0;
	i = strlen(leads[k]);
	for (e = i; e < n && s[e] != ';'; e++)
		;
	while (e > i && (s[e - 1] == '.' || s[e - 1] == ' '))
		e--;
	if (!art_names_only(s + i, e - i))
		return 0;
	if (k <= 1)
		credit_names(s + i, e - i, by);
	return 1;
}

/* A credit line is metadata: its reporters become the byline when the
 * text named none before. */
int
art_credit(struct parse *p, const char *s, size_t n, int set)
{
	struct buf by = BUF_INIT;
	int is = credit_line(s, n, &by);

	if (by.len && set)
		art_set_once(&p->a->byline, by.s, by.len);
	buf_free(&by);
	return is;
}
