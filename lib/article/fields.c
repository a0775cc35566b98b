/* fields: setting the article's fields: once each, from "key: value"
 * lines, YAML front matter, "Published ..." lines, tag lists, and the
 * metadata lines that may stand anywhere in the text (meta_line). */
#include <stdlib.h>
#include <string.h>

#include "article/internal.h"
#include "buf.h"
#include "mem.h"

void
art_set_once(char **dst, const char *s, size_t n)
{
	trim(&s, &n);
	if (*dst || n == 0)
		return;
	*dst = estrndup(s, n);
}

static void
add_tag(struct parse *p, const char *s, size_t n)
{
	struct article *a = p->a;
	size_t i;

	trim(&s, &n);
	while (n && (s[0] == '#' || s[0] == '"' || s[0] == '\'' || s[0] == '['))
		s++, n--;
	while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ']' || s[n - 1] == '.'))
		n--;
	trim(&s, &n);
	if (n == 0)
		return;
	for (i = 0; i < a->ntags; i++)
		if (strlen(a->tags[i]) == n && !memcmp(a->tags[i], s, n))
			return;
	a->tags = egrow(a->tags, &p->tagcap, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = estrndup(s, n);
}

/* A tag list splits at commas, semicolons, pipes or '#'; a list with
 * none of them is one tag: words alone cannot tell where
 * "New Zealand Jacinda Ardern" splits. */
static void
add_tags(struct parse *p, const char *s, size_t n)
{
	const char *seps = ",;|";
	size_t i, start = 0;
	int split = 0;

	for (i = 0; i < n; i++)
		if (strchr(seps, s[i]) || (s[i] == '#' && (i == 0 || s[i - 1] == ' ')))
			split = 1;
	if (!split) {
		add_tag(p, s, n);
		return;
	}
	for (i = 0; i <= n; i++) {
		if (i == n || (s[i] && strchr(seps, s[i]))
		    || (s[i] == '#' && (i == 0 || s[i - 1] == ' '))) {
			add_tag(p, s + start, i - start);
			start = i + 1;
		}
	}
}

static enum field published_line(const char *s, size_t n, const char **v, size_t *vn);
static void set_updated(struct parse *p, const char *v, size_t vn);

/* The words that say the update in a dated line ("March 4, 2024 |
 * Updated March 5, 2024") and the first publication ("Updated: ...
 * Published: ..."), in the languages news is read in. */
static const char *const update_marks[] = {
	"last updated", "updated", "last modified", "modified", "zuletzt aktualisiert",
	"aktualisiert", "mis \303\240 jour", "mise \303\240 jour", "actualizado",
	"actualizada", "aggiornato", "bijgewerkt", "zaktualizowano",
};
static const char *const publish_marks[] = {
	"first published", "published", "posted", "ver\303\266ffentlicht", "erschienen",
	"publi\303\251", "publicado", "publicada", "pubblicato", "gepubliceerd", "opublikowano",
};

/* Where in s a mark of list starts, after a word of the line: n if
 * none.  *after: where what it marks starts. */
static size_t
mark_in(const char *s, size_t n, const char *const *list, size_t len, size_t *after)
{
	size_t i, k, m;

	for (i = 1; i < n; i++) {
		if (s[i - 1] != ' ' && !strchr("|,;(", s[i - 1]))
			continue;
		for (k = 0; k < len; k++) {
			m = strlen(list[k]);
			if (n - i >= m && eq_ci(s + i, m, list[k]) && (n - i == m || !isalnum_a((unsigned char)s[i + m]))) {
				*after = i + m;
				return i;
			}
		}
	}
	return n;
}

/* The words between a mark and its date: "on", "am", "le", "el", "il",
 * a colon. */
static void
skip_date_words(const char **s, size_t *n)
{
	static const char *const words[] = { "on", "at", "am", "le", "el", "il", "op" };
	size_t k;

	for (;;) {
		while (*n && (**s == ' ' || **s == ':'))
			(*s)++, (*n)--;
		for (k = 0; k < LEN(words); k++)
			if (starts_word(*s, *n, words[k]) && *n > strlen(words[k]) && (*s)[strlen(words[k])] == ' ')
				break;
		if (k == LEN(words))
			return;
		*s += strlen(words[k]), *n -= strlen(words[k]);
	}
}

/* The update a dated line gives after its date ("4 March 2024 • Last
 * updated 5 March 2024"). */
static void
update_in(struct parse *p, const char *s, size_t n)
{
	size_t after, b, e;

	if (mark_in(s, n, update_marks, LEN(update_marks), &after) < n
	    && art_date_span(s + after, n - after, &b, &e))
		set_updated(p, s + after + b, e - b);
}

/* A date of field f (the date, the first publication, the update) from
 * v, and the other one it holds after a mark: "March 4, 2024 | Updated
 * March 5, 2024" gives the update too, "Updated: ... Published: ..."
 * the first publication. */
static void
set_dates(struct parse *p, enum field f, const char *v, size_t vn)
{
	const char *const *marks = f == F_UPDATED ? publish_marks : update_marks;
	size_t len = f == F_UPDATED ? LEN(publish_marks) : LEN(update_marks), after, k, b, e;
	const char *o;
	size_t on;

	k = mark_in(v, vn, marks, len, &after);
	if (k < vn) {
		o = v + after, on = vn - after;
		skip_date_words(&o, &on);
		k = art_trim_marks(v, k);
		if (f == F_UPDATED)
			art_set_date(&p->a->published_raw, o, on);
		else if (on)
			set_updated(p, o, on);
		vn = k;
	}
	if (vn == 0)
		return;
	/* the author's name before the date ("Redaktion | 4. März 2024") */
	if (art_date_span(v, vn, &b, &e) && b > 0 && (k = art_trim_marks(v, b)) < b && k > 0
	    && (art_names_only(v, k) || art_is_newsroom(v, k)))
		v += b, vn = e - b;
	if (f == F_UPDATED)
		set_updated(p, v, vn);
	else
		art_set_date(f == F_DATE ? &p->a->date_raw : &p->a->published_raw, v, vn);
}

/* A byline's names before another credit's label ("Jan Novák, Foto:
 * Petr Malý"): their length, vn if none. */
static size_t
before_label(const char *v, size_t vn)
{
	size_t i, k;

	for (i = 1; i < vn; i++) {
		if (v[i] != ':')
			continue;
		for (k = i; k > 0 && v[k - 1] != ' '; k--)
			;
		if (k >= 2 && strchr(",;|/", v[k - 2]) && k - 2 > 0)
			return art_trim_marks(v, k - 2);
		return vn;
	}
	return vn;
}

/* A byline's names before a comma and a note on the author after it
 * ("Jane Doe, project lead in Tunis."): their length, vn if none. */
static size_t
before_note(const char *v, size_t vn)
{
	size_t k = span_to(v, vn, ","), w, rn;
	const char *r;

	if (k >= vn || k == 0 || !art_names_only(v, k) || (w = nwords(v, k, 5)) < 2 || w > 4)
		return vn;
	r = v + k + 1, rn = vn - k - 1;
	trim(&r, &rn);
	/* a second name is no note: a note has a lower-case word, more
	 * than four words or a period at its end (German capitalises
	 * its nouns: "Projektleiterin der Stiftung in Tunis.") */
	if (rn && art_names_only(r, rn) && nwords(r, rn, 5) <= 4 && r[rn - 1] != '.')
		return vn;
	return k;
}

/* A labelled byline with its date after a separator ("Autor: Jane
 * Doe | Stand: 14.02.2023"): the date is set, and the names' length
 * returned; vn if no date follows. */
static size_t
date_after(struct parse *p, const char *v, size_t vn)
{
	const char *d, *dv;
	size_t k, sl, dn, dvn, b, e;
	enum field f;

	for (k = 1; k < vn; k++) {
		if (!(sl = art_separator(v + k, vn - k)))
			continue;
		d = v + k + sl, dn = vn - k - sl;
		trim(&d, &dn);
		if ((f = published_line(d, dn, &dv, &dvn)) != F_NONE)
			set_dates(p, f, dv, dvn);
		else if (art_is_date_line(d, dn) || art_short_dated(d, dn, &b, &e))
			set_dates(p, F_DATE, d, dn);
		else
			continue;
		return k;
	}
	return vn;
}

static void
set_field(struct parse *p, enum field f, const char *v, size_t vn)
{
	struct article *a = p->a;
	const char *ag;

	trim(&v, &vn);
	if (vn >= 2 && ((v[0] == '"' && v[vn - 1] == '"') || (v[0] == '\'' && v[vn - 1] == '\'')))
		v++, vn -= 2;
	switch (f) {
	case F_TITLE: art_set_once(&a->title, v, vn); break;
	case F_SUBTITLE: art_set_once(&a->subtitle, v, vn); break;
	case F_DATE:
	case F_PUBLISHED: set_dates(p, f, v, vn); break;
	case F_BYLINE:
		if (starts_word(v, vn, "by") && vn > 3 && v[2] == ' ')
			v += 3, vn -= 3;
		art_set_once(&a->byline, v, before_note(v, before_label(v, date_after(p, v, vn))));
		break;
	case F_URL:
		unangle(&v, &vn);
		art_set_once(&a->url, v, vn);
		break;
	case F_SOURCE:
		unangle(&v, &vn);
		if (art_is_url(v, vn)) {
			art_set_once(&a->url, v, vn);
			break;
		}
		if ((ag = article_agency(v, vn)))
			art_set_once(&a->agency, ag, strlen(ag));
		art_set_once(&a->outlet, v, vn);
		break;
	case F_OUTLET: art_set_once(&a->outlet, v, vn); break;
	case F_AGENCY:
		if ((ag = article_agency(v, vn)))
			v = ag, vn = strlen(ag);
		art_set_once(&a->agency, v, vn);
		break;
	case F_TAGS:
		if (vn >= 2 && v[0] == '[' && v[vn - 1] == ']')
			v++, vn -= 2;
		add_tags(p, v, vn);
		break;
	case F_NONE:
	case F_UPDATED:
		break;
	}
}

/* The keys that say a byline only before names ("Text: Jane Doe", not
 * "Text: the full speech"; "Interview: Jane Doe", not "Interview: the
 * mayor on the budget"). */
static int
names_key(const char *s, size_t n)
{
	static const char *const words[] = {
		"text", "texte", "texto", "testo", "words", "interview", "text & fotos", "text und fotos",
		"text/fotos", "text & bilder", "text und bilder", "text & photos", "text and photos",
		"words & pictures", "words and pictures", "texte et photos", "texto y fotos",
	};

	return in_list(s, n, words, LEN(words));
}

/* "Key: value" with a known key; *v is the value, maybe empty. */
static enum field
key_value(const char *s, size_t n, const char **v, size_t *vn)
{
	enum field f;
	size_t kn;

	/* a separator from the line before ("| Updated: ...") */
	while (n > 2 && (s[0] == '|' || s[0] == '-') && s[1] == ' ')
		s += 2, n -= 2;
	while (n && s[0] == ' ')
		s++, n--;
	f = art_line_key(s, n, &kn, v, vn);
	/* "Text:" and "Words:" are a byline's only before names; a label
	 * alone ("Author:") has its name on the next line (split_byline) */
	if (f == F_BYLINE && (*vn == 0 || (names_key(s, kn) && !art_byline_names(*v, *vn))))
		return F_NONE;
	return f;
}

enum field
art_line_key(const char *s, size_t n, size_t *kn, const char **v, size_t *vn)
{
	const char *colon;
	enum field f;

	if (!(colon = memchr(s, ':', n < 24 ? n : 24)))
		return F_NONE;
	*kn = (size_t)(colon - s);
	while (*kn && s[*kn - 1] == ' ')
		(*kn)--;
	if ((f = art_key_field(s, *kn)) != F_NONE) {
		*v = colon + 1;
		*vn = (size_t)(s + n - *v);
		trim(v, vn);
	}
	return f;
}

/* "Published 30 Aug. 2025", "Updated on ...", "Publié le 4 mars
 * 2024" without a colon; the date may have the other one after it
 * ("..., mis à jour le 5 mars 2024": set_dates). */
static enum field
published_line(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t i, k, after, end;
	int upd;

	if (n > 120)
		return F_NONE;
	for (upd = 0; upd < 2; upd++) {
		const char *const *marks = upd ? update_marks : publish_marks;
		size_t len = upd ? LEN(update_marks) : LEN(publish_marks);

		for (i = 0; i < len; i++) {
			k = strlen(marks[i]);
			if (n <= k + 1 || !eq_ci(s, k, marks[i]) || s[k] != ' ')
				continue;
			*v = s + k + 1;
			*vn = n - k - 1;
			skip_date_words(v, vn);
			trim(v, vn);
			end = mark_in(*v, *vn, upd ? publish_marks : update_marks, upd ? LEN(publish_marks) : LEN(update_marks), &after);
			if (art_is_date_line(*v, art_trim_marks(*v, end)))
				return upd ? F_UPDATED : F_PUBLISHED;
		}
	}
	return F_NONE;
}

/* YAML front matter: "---" first, then "key: value" lines, "- item"
 * lists under tags, up to "---" or "...".  Returns the lines it took. */
size_t
art_front_matter(struct parse *p)
{
	size_t i, end = 0;
	enum field list = F_NONE, f;
	const char *s, *v;
	size_t n, vn;

	if (p->nnl < 2 || p->nl[0].len != 3 || memcmp(p->norm + p->nl[0].off, "---", 3))
		return 0;
	for (i = 1; i < p->nnl && i < 500; i++) {
		s = p->norm + p->nl[i].off;
		n = p->nl[i].len;
		if ((n == 3 && (!memcmp(s, "---", 3) || !memcmp(s, "...", 3)))) {
			end = i + 1;
			break;
		}
	}
	if (!end)
		return 0;
	for (i = 1; i + 1 < end; i++) {
		s = p->norm + p->nl[i].off;
		n = p->nl[i].len;
		if (n >= 2 && s[0] == '-' && s[1] == ' ') {
			if (list == F_TAGS)
				add_tag(p, s + 2, n - 2);
			continue;
		}
		f = key_value(s, n, &v, &vn);
		list = f == F_TAGS && vn == 0 ? F_TAGS : F_NONE;
		if (f != F_NONE)
			set_field(p, f, v, vn);
	}
	return end;
}

/* The reason ARTICLE_EXPLAIN gives for a line that set field f. */
static const char *
field_reason(enum field f)
{
	static const char *const names[] = {
		[F_NONE] = "metadata", [F_TITLE] = "title", [F_SUBTITLE] = "subtitle",
		[F_DATE] = "date_raw", [F_PUBLISHED] = "published_raw",
		[F_UPDATED] = "updated", [F_BYLINE] = "byline", [F_URL] = "url",
		[F_SOURCE] = "source", [F_OUTLET] = "outlet", [F_AGENCY] = "agency",
		[F_TAGS] = "tags"
	};

	return names[f];
}

/* An "Updated ..." date: the date of the text only when it gives no
 * other (article.c). */
static void
set_updated(struct parse *p, const char *v, size_t vn)
{
	if (!p->updated)
		p->updated = v, p->updated_len = vn;
}

/* A "key: value" line, or a key alone with a URL on the next line. */
static const char *
key_line(struct parse *p, size_t *i, int footer, int set)
{
	const char *s = line_s(p, *i), *v;
	size_t n = p->cl[*i].len, vn, j;
	enum field f = key_value(s, n, &v, &vn);
	int dated;

	if (f == F_NONE)
		return NULL;
	if (vn == 0 && (f == F_URL || f == F_SOURCE)) {
		j = next_nonblank(p, *i + 1);
		if (j < p->cnl && art_lone_url(line_s(p, j), p->cl[j].len)) {
			if (!set)
				return "url";
			art_drop(p, *i, "url");
			set_field(p, F_URL, line_s(p, j), p->cl[j].len);
			*i = j;
			return "url";
		}
	}
	dated = f == F_DATE || f == F_PUBLISHED || f == F_UPDATED;
	/* a date's label alone, the date on the next line ("Published:" /
	 * "03 December 2019") */
	if (vn == 0 && dated) {
		j = next_nonblank(p, *i + 1);
		if (j >= p->cnl || j > *i + 2 || !art_is_date_line(line_s(p, j), p->cl[j].len))
			return NULL;
		if (!set)
			return field_reason(f);
		art_drop(p, *i, field_reason(f));
		v = line_s(p, j), vn = p->cl[j].len, *i = j;
	}
	/* At the end of a text a source is a link or an agency, never a
	 * chart's "Source: ..." read as the outlet; the dates and the
	 * author there count for want of others (article.c). */
	if (footer && !((dated && art_is_date_line(v, vn)) || (f == F_BYLINE && art_byline_names(v, before_note(v, vn))))
	    && (f == F_SOURCE ? !art_is_url(v, vn) && !article_agency(v, vn)
	    : f != F_URL && f != F_TAGS && f != F_AGENCY))
		return NULL;
	if (!set)
		return field_reason(f);
	if (footer && dated && f != F_UPDATED) {
		if (!p->date_below)
			p->date_below = v, p->date_below_len = vn;
	} else if (f == F_UPDATED)
		set_dates(p, f, v, vn);
	else
		set_field(p, f, v, vn);
	return field_reason(f);
}

/* The line under byline line i that names a second author ("& Jane Doe,
 * Director of Policy", "and John Roe"): a joining word, a capitalised
 * name, fifteen words at most, no sentence.  NO_LINE if none. */
static size_t
coauthor(struct parse *p, size_t i)
{
	size_t j = next_nonblank(p, i + 1), n, k;
	const char *s;

	if (j >= p->cnl || j > i + 2)
		return NO_LINE;
	s = line_s(p, j);
	n = p->cl[j].len;
	k = span_to(s, n, " ");
	if (k >= n || n > 160 || nwords(s, n, 16) > 15 || art_is_prose(s, n) || !art_joins_names(s, n)
	    || !art_names_only(s + k + 1, span_to(s + k + 1, n - k - 1, ",")))
		return NO_LINE;
	return j;
}

/* A byline its by-word names ("By Jane Doe", "By" over "Jane Doe"): it
 * wins over the names guessed in a date line above it ("Blog Home |
 * Gardening | 2 May 2023"). */
static void
set_by(struct parse *p, const char *v, size_t vn)
{
	if (p->byline_guessed) {
		free(p->a->byline);
		p->a->byline = NULL;
		p->byline_guessed = 0;
	}
	art_set_once(&p->a->byline, v, vn);
}

/* A byline, and the second author's line under it: the byline is both
 * names ("Jane Doe & John Roe"), without the second's role, which
 * would read as a third name. */
static void
set_byline(struct parse *p, size_t *i, const char *v, size_t vn)
{
	size_t j = coauthor(p, *i);
	struct buf by = BUF_INIT;
	const char *ag;

	/* the agency it wrote with ("By Jane Doe, AP") */
	art_agency_tail(line_s(p, *i), p->cl[*i].len, &ag);
	if (ag)
		art_set_once(&p->a->agency, ag, strlen(ag));
	if (j == NO_LINE) {
		set_by(p, v, vn);
		return;
	}
	buf_add(&by, v, vn);
	buf_addc(&by, ' ');
	buf_add(&by, line_s(p, j), span_to(line_s(p, j), p->cl[j].len, ","));
	set_by(p, by.s, by.len);
	buf_free(&by);
	art_drop(p, *i, "byline");
	*i = j;
}

/* A second author's name under the first's, a joining word alone
 * between ("Jane Doe" / "and" / "John Roe", as a page lays out links to
 * its authors): the line of the joining word, NO_LINE if none. */
static size_t
lone_join(struct parse *p, size_t j)
{
	size_t k = next_nonblank(p, j + 1), m;

	if (k >= p->cnl || k > j + 2 || !art_is_join(line_s(p, k), p->cl[k].len))
		return NO_LINE;
	m = next_nonblank(p, k + 1);
	if (m >= p->cnl || m > k + 2 || p->cl[m].len > 60 || nwords(line_s(p, m), p->cl[m].len, 6) > 5
	    || has_digit(line_s(p, m), p->cl[m].len) || art_is_prose(line_s(p, m), p->cl[m].len)
	    || !art_names_only(line_s(p, m), p->cl[m].len))
		return NO_LINE;
	return k;
}

/* "By" alone, the name on the next line (and a second name under it,
 * "and" between). */
static const char *
split_byline(struct parse *p, size_t *i)
{
	size_t j = next_nonblank(p, *i + 1), k, m;
	struct buf by = BUF_INIT;

	if (j >= p->cnl || j > *i + 2
	    || !art_byline_split(line_s(p, *i), p->cl[*i].len, line_s(p, j), p->cl[j].len))
		return NULL;
	art_drop(p, *i, "byline");
	if ((k = lone_join(p, j)) == NO_LINE) {
		set_by(p, line_s(p, j), p->cl[j].len);
		*i = j;
		return "byline";
	}
	m = next_nonblank(p, k + 1);
	buf_add(&by, line_s(p, j), p->cl[j].len);
	buf_addc(&by, ' ');
	buf_add(&by, line_s(p, k), p->cl[k].len);
	buf_addc(&by, ' ');
	buf_add(&by, line_s(p, m), p->cl[m].len);
	set_by(p, by.s, by.len);
	buf_free(&by);
	art_drop(p, j, "byline");
	art_drop(p, k, "byline");
	*i = m;
	return "byline";
}

/* Line i is the first under the title. */
static int
under_title(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);

	return k != NO_LINE && k == p->title_at;
}

/* Line k is the text's subtitle. */
static int
is_subtitle(struct parse *p, size_t k)
{
	const char *t = p->a->subtitle;

	return t && strlen(t) == p->cl[k].len && !memcmp(t, line_s(p, k), p->cl[k].len);
}

/* The line over line i is a sentence right under the title, or the
 * deck taken there (no period last): its deck. */
static int
under_deck(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i);

	return k != NO_LINE && under_title(p, k) && (art_is(p, k, LI_PROSE) || is_subtitle(p, k))
	    && art_nwords(p, k) <= 40;
}

/* The line over line i is a date, right under the headline. */
static int
dated_above(struct parse *p, size_t i)
{
	size_t k = prev_nonblank(p, i), b, e;

	return k != NO_LINE && (under_title(p, k) || under_deck(p, k)) && art_is(p, k, LI_ANCHOR)
	    && art_date_span(line_s(p, k), p->cl[k].len, &b, &e);
}

/* Line j may stand between an author's name and the date under it, as
 * the k-th such line: the author's role and handle ("Political
 * Editor", "@janedoe"), two lines of a word or two; in a page three,
 * and prompts too ("Follow", "5 min read", "·"). */
static int
name_to_date(struct parse *p, size_t j, size_t k)
{
	if (art_is(p, j, LI_ANCHOR) || (!p->page && art_is(p, j, LI_PROMPT)))
		return 0;
	if (art_nwords(p, j) <= 2)
		return k < 2 || p->page;
	return p->page && art_is(p, j, LI_PROMPT);
}

/* Line j comes right under line at, under an author's name: the next
 * line, or one blank line between, once (*blank) or beside a prompt
 * ("Jane Doe" / "Twitter" / "4 May 2023"). */
static int
close_under(struct parse *p, size_t at, size_t j, int *blank)
{
	size_t x, blanks = 0;

	/* a line of markup only ("](../)" of a link around the name)
	 * is no blank line */
	if (j > at + 4)
		return 0;
	for (x = at + 1; x < j; x++)
		blanks += p->nl[x + p->from].len == 0;
	if (blanks == 0)
		return 1;
	if (blanks > 1)
		return 0;
	if (art_is(p, at, LI_PROMPT) || art_is(p, j, LI_PROMPT))
		return 1;
	return (*blank)-- > 0;
}

/* In a page, a name alone under the headline ("Jane Doe"), right over
 * a date: the author's line, written without "By" ("Jane Doe," over
 * "11.12.2022 - 05:00"); over a byline, it is a caption's name.  In
 * any text, the same right under the title over a date or a prompt (a
 * reader view's reading time), a mark maybe between ("|", "·").  Two to
 * four capitalised words (no sign like "©" first), no digit, no comma
 * but a last one (a list of sections), no sentence, no prompt. */
static int
name_alone(struct parse *p, size_t i)
{
	const char *s = line_s(p, i);
	size_t n = p->cl[i].len, w, j = next_nonblank(p, i + 1), k, at = i, words = 0;
	int roled = 0, blank = 1;
	const char *ag = NULL;

	if (n && s[n - 1] == ',')
		n--;
	/* the role after the name ("Jane Doe Education editor", "Jane
	 * Doe, Staff Writer") */
	if ((k = art_name_comma_role(s, n)) > 0 || (!art_names_only(s, n) && (k = art_name_before_role(s, n)) > 0))
		n = k, roled = 1;
	/* the agency after a comma ("Jeanne Dupont, avec AFP") */
	else if ((k = art_agency_tail(s, n, &ag)) < n)
		n = k, roled = 1;
	w = nwords(s, n, 9);
	/* a newsroom signs as one word ("Redaktion" over the date); two
	 * names joined ("Jane Doe and John Roe") may have eight */
	if (art_is_newsroom(s, n))
		w = 2;
	else if (w > 4 && w <= 8 && art_two_names(s, n))
		w = 4;
	if (!p->a->title || i == p->title_at || p->a->byline || n > 50 || w < 2 || w > 4
	    || has_digit(s, n) || art_is_prose(s, n) || memchr(s, ',', n) || memchr(s, ':', n) || art_is(p, i, LI_PROMPT)
	    || (!art_names_only(s, n) && !art_two_names(s, n)) || art_role_line(s, n) || art_by_last(s, n))
		return 0;
	for (k = 0; k < n; k++)
		if ((k == 0 || s[k - 1] == ' ') && (unsigned char)s[k] >= 0x80 && (unsigned char)s[k] < 0xC3)
			return 0;
	/* the role on the line under it ("Staff Writer"; role_under
	 * takes it) */
	if (j < p->cnl && j <= i + 2 && art_role_line(line_s(p, j), p->cl[j].len))
		at = j, j = next_nonblank(p, j + 1), roled = 1;
	/* with the author's role, right under the headline is enough; so
	 * is right under the date right under it, over the article */
	if ((roled && under_title(p, i))
	    || (dated_above(p, i) && j < p->cnl && (art_para(p, j) || (p->page && art_is(p, j, LI_PROMPT))))) {
		art_set_once(&p->a->byline, s, n);
		if (ag)
			art_set_once(&p->a->agency, ag, strlen(ag));
		return 1;
	}
	for (k = 0; j < p->cnl; k++) {
		if (!close_under(p, at, j, &blank))
			return 0;
		if (k == 3 || !name_to_date(p, j, k))
			break;
		/* a mark between a name and its date ("|", "·") is no word */
		words += art_trim_marks(line_s(p, j), p->cl[j].len) > 0;
		at = j, j = next_nonblank(p, j + 1);
	}
	if (j >= p->cnl || art_by_word(line_s(p, j), p->cl[j].len))
		return 0;
	/* in a text, right under the title, over a date or a reading time
	 * ("5-6 minutes", as a reader view copies it) */
	/* in a page, over a date, or under the headline (or its deck) when
	 * the date stands over the headline */
	if (p->page ? !art_is(p, j, LI_ANCHOR) && !(p->date_above && (under_title(p, i) || under_deck(p, i)))
	    : words || !(under_title(p, i) || under_deck(p, i)) || !(art_is(p, j, LI_ANCHOR) || art_is(p, j, LI_PROMPT)))
		return 0;
	art_set_once(&p->a->byline, s, n);
	if (ag)
		art_set_once(&p->a->agency, ag, strlen(ag));
	return 1;
}

/* The author's role on the line under byline line *i ("By Jane Doe" /
 * "Business reporter") goes with it: *i moves onto it. */
static void
role_under(struct parse *p, size_t *i)
{
	size_t j = next_nonblank(p, *i + 1);

	if (j < p->cnl && j <= *i + 2 && art_role_line(line_s(p, j), p->cl[j].len)) {
		art_drop(p, *i, "byline");
		*i = j;
	}
}

/* A byline whose names hold no date: "von Jane Doe · 22. Oktober
 * 2019" is a dated line, which reads both. */
static int
undated_byline(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t b, e;

	return art_byline(s, n, v, vn) && !art_date_span(*v, *vn, &b, &e);
}

void
art_byline_in_date_line(struct parse *p, const char *s, size_t n)
{
	const char *v;
	size_t vn;

	if (p->a->byline)
		return;
	if (art_byline_within(s, n, &v, &vn))
		art_set_once(&p->a->byline, v, vn);
	else if (art_name_part(s, n, &v, &vn)) {
		art_set_once(&p->a->byline, v, vn);
		p->byline_guessed = 1;
	}
}

const char *
art_window_line(struct parse *p, size_t *i)
{
	const char *s = line_s(p, *i), *v;
	size_t n = p->cl[*i].len, vn, b, e, kn;
	enum field f;

	if ((f = published_line(s, n, &v, &vn)) != F_NONE) {
		set_dates(p, f, v, vn);
		return field_reason(f);
	}
	if (art_is_date_line(s, n)) {
		set_dates(p, F_DATE, s, n);
		art_byline_in_date_line(p, s, n);
		return "date_raw";
	}
	if (undated_byline(s, n, &v, &vn)) {
		set_byline(p, i, v, vn);
		role_under(p, i);
		return "byline";
	}
	/* a labelled byline ("Autor: Jane Doe", maybe with its date) */
	if (art_line_key(s, n, &kn, &v, &vn) == F_BYLINE && vn && art_byline_names(v, vn)) {
		set_field(p, F_BYLINE, v, vn);
		return "byline";
	}
	if (split_byline(p, i) || name_alone(p, *i)) {
		role_under(p, i);
		return "byline";
	}
	if (art_dated_line(p, s, n)) {
		art_byline_in_date_line(p, s, n);
		update_in(p, s, n);
		return "date_raw";
	}
	/* a page's line of facts under its headline */
	if (p->page && *i < p->lead && art_date_opens(s, n, &b, &e)) {
		art_set_once(&p->a->date_raw, s + b, e - b);
		update_in(p, s, n);
		return "date_raw";
	}
	return NULL;
}

const char *
art_meta_line(struct parse *p, size_t *i)
{
	struct article *a = p->a;
	const char *s = line_s(p, *i), *r, *ag;
	size_t n = p->cl[*i].len;
	int photo;

	if ((r = key_line(p, i, 0, 1)) || (r = art_window_line(p, i)))
		return r;
	if (starts_word(s, n, "tags") && n > 5 && s[4] == ' ' && !art_is_prose(s, n)) {
		add_tags(p, s + 5, n - 5);
		return "tags";
	}
	if (art_lone_url(s, n)) {
		set_field(p, F_URL, s, n);
		return "url";
	}
	if ((ag = art_lone_credit(s, n, &photo))) {
		art_set_once(&a->agency, ag, strlen(ag));
		return "agency";
	}
	return photo ? "caption" : NULL;
}

const char *
art_footer_line(struct parse *p, size_t *i, int set)
{
	struct article *a = p->a;
	const char *s = line_s(p, *i), *ag, *r, *v;
	size_t n = p->cl[*i].len, j = *i, k, vn;
	int photo;

	/* "...a bank official told\nReuters." ends a sentence: no sign-off. */
	if (art_signoff(s, n, &ag) && !(s[n - 1] == '.' && *i > 0 && p->cl[*i - 1].len
	    && !art_is_prose(line_s(p, *i - 1), p->cl[*i - 1].len))) {
		if (set && ag)
			art_set_once(&a->agency, ag, strlen(ag));
		return "sign-off";
	}
	if (!art_lone_credit(s, n, &photo) && photo)
		return "caption";
	if (art_credit(p, s, n, set))
		return "credit";
	if (starts_word(s, n, "tags") && n > 5 && s[4] == ' ' && !art_is_prose(s, n)) {
		if (set)
			add_tags(p, s + 5, n - 5);
		return "tags";
	}
	if (art_lone_url(s, n)) {
		if (set)
			set_field(p, F_URL, s, n);
		return "url";
	}
	/* the author signing under the last paragraph ("Von Jane Doe"),
	 * for want of a byline above */
	if (!(p->cl[*i].flags & LF_LISTED) && (k = prev_nonblank(p, *i)) != NO_LINE && art_is(p, k, LI_PROSE)
	    && undated_byline(s, n, &v, &vn)) {
		if (set)
			art_set_once(&a->byline, v, vn);
		return "byline";
	}
	r = key_line(p, &j, 1, set);
	*i = j;
	return r;
}
