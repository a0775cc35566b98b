/* The article engine's private header: what its files share.  Not
 * included outside lib/article/; the public interface is article.h.
 *
 * article_parse (article.c) runs the passes in order:
 *	clean.c		1. normalise the text; 2. strip inline markdown
 *	fields.c	   YAML front matter, before pass 2
 *	header.c	3a. title, deck, outlet, dates, bylines at the top
 *	body.c		3b. the body, boilerplate dropped by its shape
 * with what they ask of a line in lines.c (prose, dates, breadcrumbs,
 * prompts, markers, captions), credit.c (bylines and credit lines),
 * dateline.c (wire datelines), fields.c (what sets a field) and
 * tables.c (header keys, agencies, news sites). */
#ifndef ARTICLE_INTERNAL_H
#define ARTICLE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "article/article.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Line flags, set by pass 2 from the markdown it strips. */
enum {
	LF_HEADING = 1,		/* was a markdown heading */
	LF_H1 = 2,		/* "# ..." */
	LF_IMAGE = 4,		/* held a markdown image */
	LF_CREDITLINK = 8,	/* ends in a link whose text is a host name */
	LF_LISTED = 16,		/* in a list of other stories (zones.c) */
	LF_INDENT = 32		/* normalised lines: the line was indented */
};

struct line {
	size_t off, len;
	unsigned flags;
	unsigned gap;		/* normalised lines: the words before a wide gap
				 * (two blanks or a tab: inline parts of a
				 * page a copy joins), 0 if none, GAP_MANY if
				 * more than one */
};

#define GAP_MANY 0xFFFFu

/* A body line kept, as the body pass joins them. */
struct kept {
	const char *s;
	size_t n;
	size_t line;		/* the length of the whole line it was cut from */
	int gap;		/* a blank or dropped line came before it */
	int cont;		/* it goes on the line before (LI_CONT) */
	size_t rm;		/* the removed parts listed before it */
};

/* No line. */
#define NO_LINE ((size_t)-1)

/* What facts.c knows of a clean line (art_is). */
enum {
	LI_PROSE = 1,		/* art_is_prose */
	LI_PROMPT = 2,		/* art_is_prompt */
	LI_LOGIN = 4,		/* art_is_login_prompt */
	LI_CAPTION = 8,		/* art_is_caption */
	LI_CREDIT = 16,		/* a wire credit line (art_credit) */
	LI_MARKER = 32,		/* art_is_marker */
	LI_CRUMB = 64,		/* art_is_breadcrumb */
	LI_ANCHOR = 128,	/* a date or byline (art_anchor_line) */
	LI_CONT = 256,		/* goes on the line before (art_continues) */
	LI_SKIP = 512,		/* no headline: a date, byline... (art_header_line) */
	LI_HEAD = 1024,		/* a headline by its shape (art_headline_shape) */
	LI_FOOTER = 2048	/* metadata of a footer (art_footer_line) */
};

/* One clean line's facts (facts.c). */
struct fact {
	uint16_t known, is;	/* LI_ bits asked, and their answers */
	uint32_t words;		/* nwords capped at 41, plus one; 0 unknown */
	uint32_t para;		/* the paragraph starting here: words plus one */
	uint32_t span;		/* and its lines after this one */
};

/* One parse: the article being filled and the passes' lines. */
struct parse {
	struct article *a;
	int keep;		/* ARTICLE_KEEP_BOILERPLATE */
	int explain;		/* ARTICLE_EXPLAIN */
	int resplit;		/* ARTICLE_BODY: a body split before: no headline,
				 * no page navigation, no dates under a headline */
	char *norm, *clean;
	struct line *nl, *cl;	/* normalised and clean lines */
	size_t nnl, cnl, nlcap, clcap;
	size_t from;		/* normalised lines before clean line 0 */
	struct kept *kept;
	size_t nkept, keptcap;
	size_t tagcap, rmcap;
	/* The zones (zones.c), as clean line numbers: the header is before
	 * lead, the first paragraph of prose; dates and bylines may stand
	 * up to second, the paragraph after it; the footer starts at foot.
	 * page: the text is a copy of a whole web page, whose navigation
	 * stands before title_at (the headline) and from foot on. */
	size_t lead, second, foot, title_at;
	int page;
	size_t wrap;		/* the width the text is hard-wrapped at, 0 if none */
	const char *updated;	/* an "Updated ..." date, for want of another */
	size_t updated_len;
	int byline_guessed;	/* the byline is a date line's names, no by-word's */
	const char *signoff;	/* the agency the last line signs off with */
	const char *date_above;	/* a date over a page's headline */
	size_t date_above_len;
	const char *date_below;	/* a date right under a page's article */
	size_t date_below_len;
	struct fact *facts;	/* facts.c, one per clean line */
};

/* What a header key ("key: value" lines, YAML front matter) sets. */
enum field {
	F_NONE, F_TITLE, F_SUBTITLE, F_DATE, F_PUBLISHED, F_UPDATED, F_BYLINE,
	F_URL, F_SOURCE, F_OUTLET, F_AGENCY, F_TAGS
};

/* ---- small helpers on (s, n) ----------------------------------------
 * Every file uses them; inline, as lib/hash.h's hash_fnv_step, so that
 * they need no prefix and read as they did in the one-file engine (an
 * extern words.c measured no faster or slower). */

static inline int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Byte i of s in lower case, the capitals of Latin-1 too (UTF-8 "\303"
 * and 0x80..0x9E but the sign 0x97: "\303\201" is "\303\241"), so that
 * "ÄHNLICHE ARTIKEL" reads as "ähnliche artikel". */
static inline int
lower_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return lower(c);
	if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c <= 0x9E && c != 0x97)
		return c | 0x20;
	return c;
}

static inline int
eq_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || (s[i] != w[i] && lower_at(s, i) != lower_at(w, i)))
			return 0;
	return w[n] == '\0';
}

static inline int
same_ci(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++)
		if (a[i] != b[i] && lower_at(a, i) != lower_at(b, i))
			return 0;
	return 1;
}

/* Length of the run of s[0..n) before any byte of stop: strcspn for a
 * buffer that has no NUL at its end. */
static inline size_t
span_to(const char *s, size_t n, const char *stop)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] && strchr(stop, s[i]))
			break;
	return i;
}

/* s holds w, a lower-case phrase, case aside. */
static inline int
has_ci(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (lower((unsigned char)s[i]) == w[0] && eq_ci(s + i, k, w))
			return 1;
	return 0;
}

/* s starts with word w (case-insensitive) followed by end or a non-letter. */
static inline int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n < k || !eq_ci(s, k, w))
		return 0;
	return n == k || !(((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z');
}

/* s ends with w (case-sensitive). */
static inline int
ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0;
}

static inline int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* s[0..n) holds an ASCII digit: eight bytes a step, as the lines a
 * date is looked for in are many and most have none. */
static inline int
has_digit(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t x, t;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		t = x ^ (ones * '0');
		if ((t - ones * 10) & ~t & highs)
			return 1;
	}
	for (; i < n; i++)
		if (isdig((unsigned char)s[i]))
			return 1;
	return 0;
}

static inline int
isalnum_a(int c)
{
	return isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static inline int
in_list(const char *s, size_t n, const char *const *list, size_t len)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (lower((unsigned char)s[0]) == list[i][0] && eq_ci(s, n, list[i]))
			return 1;
	return 0;
}

/* Words separated by single spaces (lines are collapsed), counted up to
 * cap so that a 50 MB line costs nothing. */
static inline size_t
nwords(const char *s, size_t n, size_t cap)
{
	const uint64_t lows = 0x7F7F7F7F7F7F7F7Fu, spaces = 0x2020202020202020u;
	uint64_t x, t;
	size_t i = 0, w = n > 0;

	/* eight bytes a step: the spaces of a chunk are its zero bytes
	 * after xor, counted by their high bits */
	for (; i + 8 <= n && w <= cap; i += 8) {
		memcpy(&x, s + i, 8);
		x ^= spaces;
		t = ~(((x & lows) + lows) | x | lows);
		while (t)
			w++, t &= t - 1;
	}
	for (; i < n && w <= cap; i++)
		if (s[i] == ' ')
			w++;
	return w;
}

/* Strip <...> around a URL. */
static inline void
unangle(const char **s, size_t *n)
{
	if (*n >= 2 && (*s)[0] == '<' && (*s)[*n - 1] == '>') {
		(*s)++;
		*n -= 2;
	}
}

static inline void
trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* ---- the clean lines ---------------------------------------------- */

static inline const char *
line_s(struct parse *p, size_t i)
{
	return p->clean + p->cl[i].off;
}

int art_fact(struct parse *p, size_t i, unsigned fact);

/* What clean line i is (an LI_ fact), asked once: facts.c. */
static inline int
art_is(struct parse *p, size_t i, unsigned f)
{
	if (p->facts && (p->facts[i].known & f))
		return (p->facts[i].is & f) != 0;
	return art_fact(p, i, f);
}

static inline size_t
next_nonblank(struct parse *p, size_t i)
{
	while (i < p->cnl && p->cl[i].len == 0)
		i++;
	return i;
}

/* The last non-blank line before line i, NO_LINE if none. */
static inline size_t
prev_nonblank(struct parse *p, size_t i)
{
	while (i > 0 && p->cl[i - 1].len == 0)
		i--;
	return i > 0 ? i - 1 : NO_LINE;
}

/* ---- what each file gives the others ------------------------------- */

/* tables.c */
/* The field a header key sets (s: the n bytes before the colon). */
enum field art_key_field(const char *s, size_t n);
/* The field of a "Key: value" line's key (F_NONE if none), *kn the
 * key's length, *v and *vn its value, trimmed, maybe empty (fields.c). */
enum field art_line_key(const char *s, size_t n, size_t *kn, const char **v, size_t *vn);

/* lines.c: what a line, or a token of one, is by its shape. */
int art_is_prose(const char *s, size_t n);		/* ends a sentence */
/* Cut in the middle of a sentence by a hard wrap: ends in a comma or a
 * short word in lower case ("... narrowed to"). */
int art_cut_line(const char *s, size_t n);
/* The same, whatever the line's length (a line that markdown's links
 * made shorter). */
int art_cut_end(const char *s, size_t n);
/* Line s goes on line pr, hard-wrapped: pr ends no sentence, and s
 * starts in lower case or with a comma, or pr was cut, or s is the
 * sentence's last word or two. */
int art_wraps(const char *pr, size_t pn, const char *s, size_t n);
int art_is_url(const char *s, size_t n);		/* starts with http(s):// */
int art_lone_url(const char *s, size_t n);		/* a URL and nothing else */
int art_is_month(const char *t, size_t n);
int art_is_weekday(const char *t, size_t n);
int art_is_date_line(const char *s, size_t n);		/* only a date */
int art_is_breadcrumb(const char *s, size_t n);		/* "Home > World" */
int art_is_arrow_link(const char *s, size_t n);		/* "<- Older post" */
/* The bytes of the quotation mark s starts with (" « » „ “ ” ‘ ’), 0
 * if none. */
size_t art_quote_mark(const char *s, size_t n);
int art_is_wiki_tagline(const char *s, size_t n);	/* "From Wikipedia, the free encyclopedia" */
int art_is_prompt(const char *s, size_t n);		/* "Share this article" */
int art_is_read_time(const char *s, size_t n);		/* "4 min read", "Temps de lecture 3 min." */
int art_is_login_prompt(const char *s, size_t n);	/* "Log in to comment.", "Sign up to our newsletter" */
int art_is_marker(const char *s, size_t n);		/* "Related articles" */
int art_is_caption(const char *s, size_t n, unsigned flags);
int art_caption_label(const char *s, size_t n);		/* "Image caption," */
/* A photo credit or copyright: "©", "Foto: ...", "(Jane Doe/Reuters)". */
int art_photo_credit(const char *s, size_t n);

/* credit.c */
/* The agency a lone credit line names, or NULL; *photo: it was a photo
 * credit in brackets. */
const char *art_lone_credit(const char *s, size_t n, int *photo);
/* "By Jane Doe", "Von Anna Berg": 1, the names in *v. */
int art_byline(const char *s, size_t n, const char **v, size_t *vn);
/* The length of a byline word ("By", "Von") s starts with, 0 if none. */
size_t art_by_word(const char *s, size_t n);
/* The names after a byline word inside a line ("12 May 2024 | by Jane
 * Doe | Politics", "Par Jean Roe le 7 mai"): 1, the names in *v. */
int art_byline_within(const char *s, size_t n, const char **v, size_t *vn);
/* The length of a separator between the parts of a dated or credit
 * line at s ("|", ",", "·", " / ", " - ", " – "), 0 if none. */
size_t art_separator(const char *s, size_t n);
/* The length of s[0..n) without the separators it ends in (" | ",
 * " · ", " • ", " — ", ", "; dates.c). */
size_t art_trim_marks(const char *s, size_t n);
/* A part of a line between separators ("12 May 2024 | Jane Doe"), of
 * two to four capitalised words, no digit, no slash, no month or
 * weekday first, or in a line without them the words right before or
 * after its date ("Jane Doe 3/5/2022"): 1, the names in *v. */
int art_name_part(const char *s, size_t n, const char **v, size_t *vn);
/* s is a byline's label alone on its line: "By", "Von:", "Author",
 * "Autor/in", "Text:" (credit.c). */
int art_byline_label(const char *s, size_t n);
/* A labelled byline or date ("Author: Jane Doe", "Posted: March 4"):
 * a header key of them and a value after it (nav.c). */
int art_key_anchor(const char *s, size_t n);
/* s is the by-word alone, maybe with a colon: "By", "Von:", "By :". */
int art_by_alone(const char *s, size_t n);
/* s is a word or three and a by-word last ("Essay Von" over the
 * names): the byline's label, as a page joins it to a kicker. */
int art_by_last(const char *s, size_t n);
/* Line s, a kicker with the by-word last, stands over t, a person's
 * name ("Essay Von" over "Jan Berg"; "Supported by" over an
 * advertiser's, "Collected by" over a label are none). */
int art_by_kicker(const char *s, size_t n, const char *t, size_t tn);
/* A newsroom signing for its staff ("Redaktion", "Redacción", "Staff"),
 * alone (credit.c). */
int art_is_newsroom(const char *s, size_t n);
/* "By" alone on line s, the name t on the next. */
int art_byline_split(const char *s, size_t n, const char *t, size_t tn);
/* s starts with a word that joins a second author's name to a byline
 * ("& Jane Doe", "and John Roe"), in lower case as written. */
int art_joins_names(const char *s, size_t n);
/* An author's role alone on a line, four words at most, a role noun
 * last ("Business reporter", "Political correspondent"). */
int art_role_line(const char *s, size_t n);
/* The name's length in a name and role line ("Jane Doe Education
 * editor": "Jane Doe"), or 0. */
size_t art_name_before_role(const char *s, size_t n);
/* A name, a comma and the author's role ("Jane Doe, Staff Writer"): the
 * length of the name, or 0 (authors.c). */
size_t art_name_comma_role(const char *s, size_t n);
/* The names of a byline before the agency after its last comma ("Jane
 * Doe, AP", "Jeanne Dupont, avec AFP"): their length, *agency the
 * agency's name; n and NULL if none (credit.c). */
size_t art_agency_tail(const char *s, size_t n, const char **agency);
/* s is a joining word alone ("and", "&"), as between two authors'
 * names on lines of their own. */
int art_is_join(const char *s, size_t n);
/* Two names of two words or more joined ("Jane Doe and John Roe",
 * "Anna Berg & Jonas Keller"), eight words at most (credit.c). */
int art_two_names(const char *s, size_t n);
/* Names, maybe with places ("Omar Said in Cairo"): every word
 * capitalised but the joiners. */
int art_names_only(const char *s, size_t n);
/* A person's name: two to four capitalised words, no digit, no weekday
 * first (a month may be a first name: "Jan Berg"), no article first
 * ("The Daily Example"). */
int art_person_like(const char *s, size_t n);
/* "Jane Doe", "Jane Doe and John Roe": names of at most eight words,
 * as a byline gives them (credit.c). */
int art_byline_names(const char *v, size_t vn);
/* A wire credit line: 1, its reporters set as the byline if set. */
int art_credit(struct parse *p, const char *s, size_t n, int set);

/* fields.c */
/* Set *dst to s, trimmed, unless set already or empty. */
void art_set_once(char **dst, const char *s, size_t n);
/* The normalised lines YAML front matter takes (0: none), its fields set. */
size_t art_front_matter(struct parse *p);
/* The field clean line *i of the header zone sets (its name, for
 * ARTICLE_EXPLAIN), its value set; NULL if it is no metadata.  *i may
 * move past a URL on the next line, or a name after "By". */
const char *art_meta_line(struct parse *p, size_t *i);
/* The same for a line of the footer zone: sign-offs, credit lines,
 * tags, links; set 0 only says whether it is one. */
const char *art_footer_line(struct parse *p, size_t *i, int set);
/* Dates, bylines and "Published" lines under the headline. */
const char *art_window_line(struct parse *p, size_t *i);
/* Why line i, in the header, is boilerplate (a breadcrumb, a prompt, a
 * caption, the title again), or NULL. */
const char *art_header_boilerplate(struct parse *p, size_t i);
/* A date line with the byline in it ("12 May 2024 | von Jane Doe"):
 * the byline, when none is set. */
void art_byline_in_date_line(struct parse *p, const char *s, size_t n);

/* clean.c */
/* Pass 1: s to p->norm and its lines p->nl. */
void art_normalise(struct parse *p, const char *s, size_t n);
/* Pass 2: normalised lines from on to p->clean and p->cl; p->wrap, and
 * a dump's flush lines flagged as headings. */
void art_clean_lines(struct parse *p, size_t from);
/* Clean line i + 1 starts with a word that would not have fitted on
 * line i, hard-wrapped at p->wrap: the wrap broke a paragraph there. */
int art_fills_line(struct parse *p, size_t i);

/* dateline.c */
/* The bytes a wire dateline spans at the start of s (0: none); set: its
 * place, date and agency go to the article. */
size_t art_dateline(struct parse *p, const char *s, size_t n, int set);

/* facts.c: art_is, above, and: */
/* nwords of clean line i, capped at 41. */
size_t art_nwords(struct parse *p, size_t i);
/* The paragraph of prose that starts at clean line i (zones.c), once
 * worked out: its words (0: none) and last line. */
int art_para_known(struct parse *p, size_t i, size_t *words, size_t *end);
void art_para_keep(struct parse *p, size_t i, size_t words, size_t end);

/* explain.c: what left the body (ARTICLE_EXPLAIN). */
void art_removed(struct parse *p, const char *s, size_t n, const char *reason);
/* The same, listed at position at of the removed parts (in text order,
 * for a part cut from a line kept earlier). */
void art_removed_at(struct parse *p, size_t at, const char *s, size_t n, const char *reason);
/* Clean line i left the body: its normalised text is recorded. */
void art_drop(struct parse *p, size_t i, const char *reason);

/* zones.c */
/* Find the zones of the clean lines from h on (struct parse). */
void art_zones(struct parse *p, size_t h);
/* Line i goes on the paragraph of line i - 1 (hard-wrapped text). */
int art_continues(struct parse *p, size_t i);
/* Clean line i is indented and the one over it is not. */
int art_indent_starts(struct parse *p, size_t i);
/* Line i ends a story list: a sentence of four words or more (a stamp's
 * "7 p.m." is none). */
int art_ends_list(struct parse *p, size_t i);
/* Four words or more, each capitalised, no punctuation, half of them
 * or more the names of a site's sections ("Home News Sport Weather
 * More"): a menu copied as one line. */
int art_is_menu_line(const char *s, size_t n);
/* A section's name alone, three words at most ("Culture", "News &
 * Politics"): a menu's item (lines.c). */
int art_is_section_name(const char *s, size_t n);
/* Line i starts a paragraph of prose. */
int art_para(struct parse *p, size_t i);
/* A line that may close an article's text: a sentence, a paragraph
 * without its period, a row of figures. */
int art_body_like(const char *s, size_t n);

/* nav.c: copies of whole web pages. */
/* The headline: the line the byline, date and deck lines under it
 * anchor (*anchored), above clean line lead and from line from on;
 * NO_LINE if none. */
size_t art_headline(struct parse *p, size_t from, size_t lead, int *anchored);
/* The headline (title_at) stands further over the first paragraph than
 * a headline is looked for but for one its byline or date anchors. */
int art_headline_far(struct parse *p);
/* A date or byline among the next lines non-blank lines from line i,
 * down to end (exclusive) or up to end (inclusive). */
int art_anchor_near(struct parse *p, size_t i, size_t end, int down, size_t lines);
/* Line i is a headline with a date or byline under it. */
int art_is_headline(struct parse *p, size_t i);
/* A date or byline line, as anchors a headline. */
int art_anchor_line(const char *s, size_t n);
/* Clean line i stands between a headline and its article but is none:
 * a date, a byline, a prompt, a caption, a credit, two words or fewer. */
int art_header_line(struct parse *p, size_t i);
/* Clean line i may be a headline: 3 to 40 words, no sentence unless a
 * short question or exclamation, no dateline, no story-list marker, no
 * sign like "&" or "|" first, no label (':' last), no arrow link. */
int art_headline_shape(struct parse *p, size_t i);
/* A firm's or a society's name, its legal form last ("Example Verlag
 * GmbH", "Example Society e.V.", "Acme Inc."), eight words at most: a
 * credit's, no headline or deck (nav.c). */
int art_is_legal_name(const char *s, size_t n);
/* Whether the lines from h to lead are a page's navigation. */
int art_page_top(struct parse *p, size_t h, size_t lead);

/* wire.c: sign-offs. */
/* A line that only signs a story off ("Reuter", "(AFP)", "-- AP",
 * "###", "[END]"): 1, and *agency the agency it names or NULL. */
int art_signoff(const char *s, size_t n, const char **agency);
/* A rights notice or a licence ("© 2024 Example Media. All rights
 * reserved.", "... licensed under a Creative Commons ..."), of forty
 * words at most, no quotation (wire.c). */
int art_rights_notice(const char *s, size_t n);
/* The bytes of a sign-off at the end of a sentence ("... stake.
 * Reuter"), 0 if none; *agency as art_signoff. */
size_t art_signoff_tail(const char *s, size_t n, const char **agency);

/* dates.c: dates inside a line. */
/* The first full date in s (a day, a month and a year, in any order
 * date_parse reads): 1 with its bytes [*b, *e). */
int art_date_span(const char *s, size_t n, size_t *b, size_t *e);
/* Set *dst (once) to the date s: all of it if date_parse reads it, else
 * the date inside ("Stand: 26.10.2021"). */
void art_set_date(char **dst, const char *s, size_t n);
/* A short line around a date ("Veröffentlicht am 26. Oktober 2023",
 * "By Jane Doe, August 14, 2020 2:30 pm"): its date and byline set;
 * 1 if it was one. */
int art_dated_line(struct parse *p, const char *s, size_t n);
/* The same without setting the date: its bytes [*b, *e). */
int art_dated_span(struct parse *p, const char *s, size_t n, size_t *b, size_t *e);
/* The same, setting nothing: fourteen words at most, and no sentence
 * of eight or more unless the date is all of it but four. */
int art_short_dated(const char *s, size_t n, size_t *b, size_t *e);
/* A line of any length, no sentence, that opens with a date (in its
 * first 24 bytes): a post's facts ("Veröffentlicht: 05.01.2020 |
 * Autor: ... | Tags: ..."); its bytes [*b, *e). */
int art_date_opens(const char *s, size_t n, size_t *b, size_t *e);

/* header.c, body.c: pass 3. */
size_t art_header(struct parse *p, size_t i);
void art_keep_line(struct parse *p, const char *s, size_t n, int gap);
void art_body(struct parse *p, size_t i);

#endif
