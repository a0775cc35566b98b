/* article: raw article text to metadata and a clean body.
 *
 * Three passes, each linear in the input: normalise (BOM, line ends,
 * Unicode spaces), strip inline markdown line by line, then classify
 * lines: a header part (title, deck, outlet, dates, bylines, key: value
 * blocks) and a body part from which boilerplate is dropped by its shape
 * (breadcrumbs, prompts, captions, link lists, repeats, the tail after
 * the last sentence), never by matching known text of some site. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "buf.h"
#include "mem.h"
#include "text.h"

enum {
	LF_HEADING = 1,		/* was a markdown heading */
	LF_H1 = 2,		/* "# ..." */
	LF_IMAGE = 4,		/* held a markdown image */
	LF_CREDITLINK = 8	/* ends in a link whose text is a host name */
};

struct line {
	size_t off, len;
	unsigned flags;
};

struct seen {
	const char *s;
	size_t n;
	uint64_t h;
};

struct kept {
	const char *s;
	size_t n;
	int gap;		/* a blank or dropped line came before it */
};

struct parse {
	struct article *a;
	int keep;		/* ARTICLE_KEEP_BOILERPLATE */
	char *norm, *clean;
	struct line *nl, *cl;	/* normalised and clean lines */
	size_t nnl, cnl, nlcap, clcap;
	struct seen *set;
	size_t setcap;
	struct kept *kept;
	size_t nkept, keptcap;
	size_t tagcap;
};

/* Header keys, lower case; "key: value" lines and YAML front matter. */
enum field {
	F_NONE, F_TITLE, F_SUBTITLE, F_DATE, F_PUBLISHED, F_UPDATED, F_BYLINE,
	F_URL, F_SOURCE, F_OUTLET, F_AGENCY, F_TAGS
};

static const struct {
	const char *key;
	enum field f;
} keys[] = {
	{ "title", F_TITLE }, { "headline", F_TITLE },
	{ "subtitle", F_SUBTITLE }, { "deck", F_SUBTITLE },
	{ "subheadline", F_SUBTITLE }, { "subhead", F_SUBTITLE },
	{ "date", F_DATE }, { "dateline", F_DATE },
	{ "published", F_PUBLISHED }, { "published at", F_PUBLISHED },
	{ "published on", F_PUBLISHED }, { "publication date", F_PUBLISHED },
	{ "posted", F_PUBLISHED }, { "posted on", F_PUBLISHED },
	{ "first published", F_PUBLISHED }, { "pubdate", F_PUBLISHED },
	{ "updated", F_UPDATED }, { "last updated", F_UPDATED },
	{ "modified", F_UPDATED },
	{ "author", F_BYLINE }, { "authors", F_BYLINE }, { "byline", F_BYLINE },
	{ "by", F_BYLINE }, { "writer", F_BYLINE },
	{ "url", F_URL }, { "link", F_URL }, { "original url", F_URL },
	{ "source url", F_URL }, { "canonical", F_URL }, { "permalink", F_URL },
	{ "source", F_SOURCE },
	{ "outlet", F_OUTLET }, { "publication", F_OUTLET },
	{ "publisher", F_OUTLET }, { "site", F_OUTLET }, { "newspaper", F_OUTLET },
	{ "agency", F_AGENCY }, { "credit", F_AGENCY }, { "wire", F_AGENCY },
	{ "tags", F_TAGS }, { "keywords", F_TAGS }, { "topics", F_TAGS },
	{ "categories", F_TAGS }
};

/* Wire services and news agencies: variants, then the name we write. */
static const struct {
	const char *name, *canon;
} agencies[] = {
	{ "TASS", "TASS" }, { "ITAR-TASS", "TASS" },
	{ "Yonhap", "Yonhap" }, { "Yonhap News Agency", "Yonhap" },
	{ "Yonhap News", "Yonhap" },
	{ "AFP", "AFP" }, { "Agence France-Presse", "AFP" },
	{ "Agence France Presse", "AFP" },
	{ "Reuters", "Reuters" }, { "Thomson Reuters", "Reuters" },
	{ "AP", "AP" }, { "Associated Press", "AP" },
	{ "The Associated Press", "AP" },
	{ "Xinhua", "Xinhua" }, { "Xinhua News Agency", "Xinhua" },
	{ "Kyodo", "Kyodo" }, { "Kyodo News", "Kyodo" },
	{ "Jiji", "Jiji Press" }, { "Jiji Press", "Jiji Press" },
	{ "KCNA", "KCNA" }, { "Korean Central News Agency", "KCNA" },
	{ "UPI", "UPI" }, { "United Press International", "UPI" },
	{ "dpa", "dpa" }, { "Deutsche Presse-Agentur", "dpa" },
	{ "ANSA", "ANSA" }, { "EFE", "EFE" },
	{ "Interfax", "Interfax" }, { "RIA Novosti", "RIA Novosti" },
	{ "RIA", "RIA Novosti" }, { "Sputnik", "Sputnik" },
	{ "Bloomberg", "Bloomberg" }, { "PTI", "PTI" },
	{ "Press Trust of India", "PTI" }, { "ANI", "ANI" }, { "IANS", "IANS" },
	{ "Anadolu", "Anadolu" }, { "Anadolu Agency", "Anadolu" },
	{ "Bernama", "Bernama" }, { "Antara", "Antara" },
	{ "AAP", "AAP" }, { "Australian Associated Press", "AAP" },
	{ "Canadian Press", "The Canadian Press" },
	{ "The Canadian Press", "The Canadian Press" },
	{ "Europa Press", "Europa Press" }, { "Belga", "Belga" },
	{ "APA", "APA" }, { "PAP", "PAP" }, { "CTK", "CTK" },
	{ "Ukrinform", "Ukrinform" }, { "IRNA", "IRNA" }, { "WAFA", "WAFA" },
	{ "MENA", "MENA" }, { "SPA", "SPA" }, { "WAM", "WAM" },
	{ "Vietnam News Agency", "VNA" }, { "VNA", "VNA" },
	{ "Prensa Latina", "Prensa Latina" }, { "NTB", "NTB" }
};

/* Common news sites: host (or a parent domain of it) and the name. */
static const struct {
	const char *host, *name;
} outlets[] = {
	{ "reuters.com", "Reuters" }, { "apnews.com", "AP News" },
	{ "ap.org", "AP" }, { "afp.com", "AFP" },
	{ "bbc.co.uk", "BBC" }, { "bbc.com", "BBC" },
	{ "nytimes.com", "The New York Times" },
	{ "washingtonpost.com", "The Washington Post" },
	{ "wsj.com", "The Wall Street Journal" },
	{ "theguardian.com", "The Guardian" }, { "ft.com", "Financial Times" },
	{ "economist.com", "The Economist" }, { "bloomberg.com", "Bloomberg" },
	{ "cnn.com", "CNN" }, { "nbcnews.com", "NBC News" },
	{ "cbsnews.com", "CBS News" }, { "abcnews.go.com", "ABC News" },
	{ "foxnews.com", "Fox News" }, { "npr.org", "NPR" },
	{ "usatoday.com", "USA Today" }, { "latimes.com", "Los Angeles Times" },
	{ "politico.com", "Politico" }, { "politico.eu", "Politico Europe" },
	{ "axios.com", "Axios" }, { "time.com", "Time" },
	{ "newsweek.com", "Newsweek" }, { "theatlantic.com", "The Atlantic" },
	{ "independent.co.uk", "The Independent" },
	{ "telegraph.co.uk", "The Telegraph" }, { "thetimes.co.uk", "The Times" },
	{ "aljazeera.com", "Al Jazeera" }, { "france24.com", "France 24" },
	{ "dw.com", "DW" }, { "euronews.com", "Euronews" },
	{ "lemonde.fr", "Le Monde" }, { "spiegel.de", "Der Spiegel" },
	{ "voanews.com", "Voice of America" },
	{ "rferl.org", "Radio Free Europe/Radio Liberty" },
	{ "themoscowtimes.com", "The Moscow Times" }, { "tass.com", "TASS" },
	{ "tass.ru", "TASS" }, { "ria.ru", "RIA Novosti" },
	{ "interfax.com", "Interfax" }, { "interfax.ru", "Interfax" },
	{ "meduza.io", "Meduza" }, { "kommersant.ru", "Kommersant" },
	{ "rt.com", "RT" }, { "kyivindependent.com", "The Kyiv Independent" },
	{ "yna.co.kr", "Yonhap News Agency" },
	{ "koreaherald.com", "The Korea Herald" },
	{ "koreatimes.co.kr", "The Korea Times" },
	{ "koreajoongangdaily.joins.com", "Korea JoongAng Daily" },
	{ "nknews.org", "NK News" }, { "japantimes.co.jp", "The Japan Times" },
	{ "asia.nikkei.com", "Nikkei Asia" }, { "nikkei.com", "Nikkei" },
	{ "kyodonews.net", "Kyodo News" }, { "scmp.com", "South China Morning Post" },
	{ "xinhuanet.com", "Xinhua" }, { "news.cn", "Xinhua" },
	{ "globaltimes.cn", "Global Times" }, { "chinadaily.com.cn", "China Daily" },
	{ "thehindu.com", "The Hindu" }, { "hindustantimes.com", "Hindustan Times" },
	{ "timesofindia.indiatimes.com", "The Times of India" },
	{ "abc.net.au", "ABC News (Australia)" }, { "cbc.ca", "CBC News" }
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec"
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun"
};

/* Words of share/print/log-in prompts, and words that neither make nor
 * break one ("Share this article", "Log in to your account"). */
static const char *const prompt_words[] = {
	"share", "shares", "print", "comment", "comments", "login", "log",
	"logout", "sign", "subscribe", "subscription", "newsletter",
	"advertisement", "advertising", "ad", "follow", "click", "icon", "email",
	"e-mail", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
	"reddit", "pinterest", "kakaotalk", "copy", "bookmark", "listen",
	"cookies", "cookie", "reply", "tweet", "save", "font", "size", "zoom",
	"menu", "search", "close", "register", "download", "app"
};
static const char *const filler_words[] = {
	"in", "up", "out", "this", "article", "story", "on", "to", "the", "a",
	"an", "via", "us", "our", "your", "page", "link", "now", "here", "or",
	"and", "with", "account", "accounts", "for", "of", "more", "text",
	"please"
};

/* Start of a list of other stories; only when the line is short. */
static const char *const markers[] = {
	"related", "read more", "read also", "also read", "see also",
	"more in", "more from", "more on", "more stories", "more news",
	"recommended", "most read", "most popular", "most viewed",
	"popular", "trending", "top stories", "latest news", "latest stories",
	"you may also like", "you might also like", "editor's picks",
	"other news", "further reading", "read next", "up next", "more to read"
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small predicates on (s, n) ------------------------------------ */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
eq_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || lower((unsigned char)s[i]) != lower((unsigned char)w[i]))
			return 0;
	return w[n] == '\0';
}

static int
same_ci(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* s starts with word w (case-insensitive) followed by end or a non-letter. */
static int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n < k || !eq_ci(s, k, w))
		return 0;
	return n == k || !(((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z');
}

/* s ends with w (case-sensitive). */
static int
ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalnum_a(int c)
{
	return isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static int
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
static size_t
nwords(const char *s, size_t n, size_t cap)
{
	size_t i, w = n > 0;

	for (i = 0; i < n && w <= cap; i++)
		if (s[i] == ' ')
			w++;
	return w;
}

/* Ends a sentence: . ! ? or an ellipsis, maybe inside closing quotes. */
static int
is_prose(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = s[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']')
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80
		    && (c == 0x9D || c == 0x99))	/* ” ’ */
			n -= 3;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB)	/* » */
			n -= 2;
		else
			break;
	}
	if (n == 0)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
		return 1;
	return ends_with(s, n, "\xE2\x80\xA6");
}

static int
ends_question(const char *s, size_t n)
{
	return n > 0 && (s[n - 1] == '?' || s[n - 1] == '!');
}

static int
is_url(const char *s, size_t n)
{
	return (n > 8 && eq_ci(s, 8, "https://")) || (n > 7 && eq_ci(s, 7, "http://"));
}

/* Strip <...> around a URL. */
static void
unangle(const char **s, size_t *n)
{
	if (*n >= 2 && (*s)[0] == '<' && (*s)[*n - 1] == '>') {
		(*s)++;
		*n -= 2;
	}
}

static int
lone_url(const char *s, size_t n)
{
	unangle(&s, &n);
	return is_url(s, n) && !memchr(s, ' ', n);
}

static void
trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* A token of a line, words split at spaces and commas. */
static int
next_token(const char *s, size_t n, size_t *i, const char **t, size_t *tn)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == ','))
		(*i)++;
	if (*i >= n)
		return 0;
	*t = s + *i;
	while (*i < n && s[*i] != ' ' && s[*i] != ',')
		(*i)++;
	*tn = (size_t)(s + *i - *t);
	return 1;
}

static int
is_month(const char *t, size_t n)
{
	if (n > 1 && t[n - 1] == '.')
		n--;
	return in_list(t, n, months, NELEM(months));
}

static int
is_weekday(const char *t, size_t n)
{
	if (n > 1 && t[n - 1] == '.')
		n--;
	return in_list(t, n, weekdays, NELEM(weekdays));
}

/* A line that is only a date ("August 28, 2025", "2025-08-28 10:00 KST",
 * "Wednesday, 3 Sept. 2025"): at most one token that is not date-like. */
static int
is_date_line(const char *s, size_t n)
{
	size_t i = 0, tn, k, digits;
	const char *t;
	int year = 0, month = 0, other = 0;

	if (n == 0 || n > 60)
		return 0;
	while (next_token(s, n, &i, &t, &tn)) {
		for (k = digits = 0; k < tn; k++)
			digits += isdig((unsigned char)t[k]) != 0;
		if (tn >= 4 && digits == 4 && isdig((unsigned char)t[0]) && (t[0] == '1' || t[0] == '2')
		    && (tn == 4 || !isdig((unsigned char)t[4])))
			year = 1;
		else if (digits >= 6 && (memchr(t, '-', tn) || memchr(t, '/', tn) || memchr(t, '.', tn)))
			year = month = 1;
		else if (is_month(t, tn))
			month = 1;
		else if (digits && digits + 3 >= tn)
			;	/* 28, 28th, 09:53 */
		else if (is_weekday(t, tn) || eq_ci(t, tn, "am") || eq_ci(t, tn, "pm")
		    || eq_ci(t, tn, "a.m.") || eq_ci(t, tn, "p.m.") || eq_ci(t, tn, "at")
		    || eq_ci(t, tn, "on") || eq_ci(t, tn, "|") || eq_ci(t, tn, "-")
		    || eq_ci(t, tn, "of"))
			;
		else if (tn <= 4 && t[0] >= 'A' && t[0] <= 'Z' && t[tn - 1] >= 'A' && t[tn - 1] <= 'Z')
			;	/* time zone */
		else if (++other > 1)
			return 0;
	}
	return year && month;
}

/* "Home > National > Politics", "World | Asia | Korea". */
static int
is_breadcrumb(const char *s, size_t n)
{
	size_t i, parts = 1, words = 0, pipes = 0;

	if (n == 0 || n > 150 || is_prose(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '>' && i > 0 && s[i - 1] == ' ')
			parts++, words = 0;
		else if (s[i] == '|' && i > 0 && s[i - 1] == ' ')
			parts++, pipes++, words = 0;
		else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xBB)
			parts++, words = 0;
		else if (i + 2 < n && !memcmp(s + i, "\xE2\x80\xBA", 3))
			parts++, words = 0;
		else if (s[i] == ' ' && i + 1 < n && s[i + 1] != '>' && s[i + 1] != '|')
			if (++words > 4)
				return 0;
	}
	return pipes ? parts >= 3 && pipes + 1 == parts : parts >= 2;
}

/* Short, no sentence, and at least half of its words are about sharing,
 * printing, logging in... ("print dictionary print", "lock icon"). */
static int
is_prompt(const char *s, size_t n)
{
	size_t i = 0, tn, hit = 0, count = 0;
	const char *t;

	if (n == 0 || n > 100 || nwords(s, n, 9) > 8)
		return 0;
	while (i < n) {
		while (i < n && !isalnum_a((unsigned char)s[i]))
			i++;
		t = s + i;
		while (i < n && (isalnum_a((unsigned char)s[i]) || s[i] == '-'))
			i++;
		if ((tn = (size_t)(s + i - t)) == 0)
			break;
		if (in_list(t, tn, filler_words, NELEM(filler_words)))
			continue;
		count++;
		if (in_list(t, tn, prompt_words, NELEM(prompt_words)))
			hit++;
	}
	return hit > 0 && hit * 2 >= count;
}

static int
has_ci(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (lower((unsigned char)s[i]) == w[0] && eq_ci(s + i, k, w))
			return 1;
	return 0;
}

/* A sentence asking to log in ("To comment, please log in to your
 * account."): short, a log-in phrase and an account or comment word. */
static int
is_login_prompt(const char *s, size_t n)
{
	if (n > 200 || nwords(s, n, 16) > 15 || (!has_ci(s, n, "log") && !has_ci(s, n, "sign")))
		return 0;
	if (!has_ci(s, n, "log in") && !has_ci(s, n, "sign in") && !has_ci(s, n, "sign up")
	    && !has_ci(s, n, "logged in") && !has_ci(s, n, "log into"))
		return 0;
	return has_ci(s, n, "account") || has_ci(s, n, "please") || has_ci(s, n, "comment");
}

/* "Related Article", "More in Politics", "**Related article:** ...". */
static int
is_marker(const char *s, size_t n)
{
	size_t i, k;

	if (n == 0 || (nwords(s, n, 7) > 6 && (is_prose(s, n) || !memchr(s, ':', n < 40 ? n : 40))))
		return 0;
	for (i = 0; i < NELEM(markers); i++) {
		if (lower((unsigned char)s[0]) != markers[i][0])
			continue;
		k = strlen(markers[i]);
		if (!starts_word(s, n, markers[i]))
			continue;
		if (memchr(s, ':', n < k + 12 ? n : k + 12))
			return 1;
		return nwords(s, n, 7) <= 6;
	}
	return 0;
}

/* A caption: ends in a bracketed photo credit "... [YONHAP]", ends in a
 * link to a bare host name, or says it is a photo. */
static int
is_caption(const char *s, size_t n, unsigned flags)
{
	size_t i, letters = 0;

	if (flags & LF_CREDITLINK)
		return 1;
	if (n > 3 && s[n - 1] == ']') {
		for (i = n - 1; i > 0 && n - i < 48; i--) {
			unsigned char c = s[i - 1];

			if (c == '[')
				return i > 1 && letters >= 2;
			if (c >= 'A' && c <= 'Z')
				letters++;
			else if (!(c == ' ' || c == '/' || c == '-' || c == '.' || c == '&'
			    || c == '=' || isdig(c)))
				break;
		}
	}
	if (n == 0 || !strchr("pPiIcCfF([", s[0]))
		return 0;
	return starts_word(s, n, "photo") || starts_word(s, n, "image")
	    || starts_word(s, n, "picture") || starts_word(s, n, "caption")
	    || starts_word(s, n, "(photo") || starts_word(s, n, "[photo")
	    || starts_word(s, n, "photograph") || starts_word(s, n, "file photo");
}

/* A lone credit line naming an agency: "Yonhap", "(AP)", "/ Reuters",
 * "© AFP 2025".  [YONHAP] in brackets is a photo credit: *photo = 1. */
static const char *
lone_credit(const char *s, size_t n, int *photo)
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

/* "By Jane Doe", "By Jane Doe and John Roe": a capitalised name. */
static int
byline(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t i, w;

	if (!starts_word(s, n, "by") || n < 4 || n > 80 || s[2] != ' ' || is_prose(s, n))
		return 0;
	*v = s + 3;
	*vn = n - 3;
	w = nwords(*v, *vn, 9);
	if (w > 8 || !((*v)[0] >= 'A' && (*v)[0] <= 'Z'))
		return 0;
	for (i = 0; i + 1 < *vn; i++)
		if ((*v)[i] == ' ' && (*v)[i + 1] >= 'a' && (*v)[i + 1] <= 'z'
		    && !starts_word(*v + i + 1, *vn - i - 1, "and")
		    && !starts_word(*v + i + 1, *vn - i - 1, "in")
		    && !starts_word(*v + i + 1, *vn - i - 1, "de")
		    && !starts_word(*v + i + 1, *vn - i - 1, "van")
		    && !starts_word(*v + i + 1, *vn - i - 1, "von"))
			return 0;
	return 1;
}

/* Words that may stand lower case inside a name or after it ("Omar
 * Said in Cairo", "Ana de la Cruz"). */
static const char *const name_joiners[] = {
	"and", "in", "de", "del", "la", "le", "van", "von", "der", "da", "di",
	"du", "al", "bin",
};

/* Names, maybe with places: every word capitalised but the joiners. */
static int
names_only(const char *s, size_t n)
{
	size_t i = 0, w;

	if (n == 0)
		return 0;
	while (i < n) {
		for (w = i; w < n && s[w] != ' '; w++)
			;
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80)
		    && !in_list(s + i, w - i, name_joiners, NELEM(name_joiners)))
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

	while (i < n && k < NELEM(name)) {
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

	if (n > 400)
		return 0;
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
		s++, n -= 2;
	else if (n >= 3 && s[0] == '(' && s[n - 2] == ')' && s[n - 1] == '.')
		s++, n -= 3;
	if (nwords(s, n, 41) <= 40 && (ends_with(s, n, " contributed to this report.")
	    || ends_with(s, n, " contributed to this story.")
	    || ends_with(s, n, " contributed reporting.")))
		return 1;
	for (k = 0; k < NELEM(leads); k++)
		if (n > strlen(leads[k]) && eq_ci(s, strlen(leads[k]), leads[k]))
			break;
	if (k == NELEM(leads))
		return 0;
	i = strlen(leads[k]);
	for (e = i; e < n && s[e] != ';'; e++)
		;
	while (e > i && (s[e - 1] == '.' || s[e - 1] == ' '))
		e--;
	if (!names_only(s + i, e - i))
		return 0;
	if (k <= 1)
		credit_names(s + i, e - i, by);
	return 1;
}

/* Short Title Case line ("Korea Herald", "The Daily Example"). */
static int
title_case_short(const char *s, size_t n, size_t maxwords)
{
	size_t i;

	if (n == 0 || n > 60 || nwords(s, n, maxwords + 1) > maxwords || is_prose(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (isdig(c) || c == ':' || c == ',' || c == '>' || c == '|')
			return 0;
		if ((i == 0 || s[i - 1] == ' ') && c >= 'a' && c <= 'z'
		    && !starts_word(s + i, n - i, "of") && !starts_word(s + i, n - i, "the")
		    && !starts_word(s + i, n - i, "and") && !starts_word(s + i, n - i, "de"))
			return 0;
	}
	return 1;
}

/* ---- setting fields ------------------------------------------------- */

static void
set_once(char **dst, const char *s, size_t n)
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

static void
set_field(struct parse *p, enum field f, const char *v, size_t vn)
{
	struct article *a = p->a;
	const char *ag;

	trim(&v, &vn);
	if (vn >= 2 && ((v[0] == '"' && v[vn - 1] == '"') || (v[0] == '\'' && v[vn - 1] == '\'')))
		v++, vn -= 2;
	switch (f) {
	case F_TITLE: set_once(&a->title, v, vn); break;
	case F_SUBTITLE: set_once(&a->subtitle, v, vn); break;
	case F_DATE: set_once(&a->date_raw, v, vn); break;
	case F_PUBLISHED: set_once(&a->published_raw, v, vn); break;
	case F_BYLINE:
		if (starts_word(v, vn, "by") && vn > 3 && v[2] == ' ')
			v += 3, vn -= 3;
		set_once(&a->byline, v, vn);
		break;
	case F_URL:
		unangle(&v, &vn);
		set_once(&a->url, v, vn);
		break;
	case F_SOURCE:
		unangle(&v, &vn);
		if (is_url(v, vn)) {
			set_once(&a->url, v, vn);
			break;
		}
		if ((ag = article_agency(v, vn)))
			set_once(&a->agency, ag, strlen(ag));
		set_once(&a->outlet, v, vn);
		break;
	case F_OUTLET: set_once(&a->outlet, v, vn); break;
	case F_AGENCY:
		if ((ag = article_agency(v, vn)))
			v = ag, vn = strlen(ag);
		set_once(&a->agency, v, vn);
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

/* "Key: value" with a known key; *v is the value, maybe empty. */
static enum field
key_value(const char *s, size_t n, const char **v, size_t *vn)
{
	const char *colon;
	size_t kn, i;

	if (!(colon = memchr(s, ':', n < 24 ? n : 24)))
		return F_NONE;
	kn = (size_t)(colon - s);
	while (kn && s[kn - 1] == ' ')
		kn--;
	for (i = 0; i < NELEM(keys); i++) {
		if (kn && lower((unsigned char)s[0]) == keys[i].key[0] && eq_ci(s, kn, keys[i].key)) {
			*v = colon + 1;
			*vn = (size_t)(s + n - *v);
			trim(v, vn);
			return keys[i].f;
		}
	}
	return F_NONE;
}

/* "Published 30 Aug. 2025", "Updated on ..." without a colon. */
static enum field
published_line(const char *s, size_t n, const char **v, size_t *vn)
{
	static const struct { const char *w; enum field f; } pre[] = {
		{ "published", F_PUBLISHED }, { "posted", F_PUBLISHED },
		{ "first published", F_PUBLISHED }, { "updated", F_UPDATED },
		{ "last updated", F_UPDATED }, { "modified", F_UPDATED }
	};
	size_t i, k;

	if (n > 80)
		return F_NONE;
	for (i = 0; i < NELEM(pre); i++) {
		k = strlen(pre[i].w);
		if (!starts_word(s, n, pre[i].w) || n <= k + 1 || s[k] != ' ')
			continue;
		*v = s + k + 1;
		*vn = n - k - 1;
		if (starts_word(*v, *vn, "on") || starts_word(*v, *vn, "at"))
			*v += 2, *vn -= 2;
		trim(v, vn);
		if (is_date_line(*v, *vn))
			return pre[i].f;
	}
	return F_NONE;
}

/* ---- pass 1: normalise -------------------------------------------- */

static void
push_line(struct line **v, size_t *nv, size_t *cap, size_t off, size_t len, unsigned flags)
{
	*v = egrow(*v, cap, *nv + 1, sizeof **v);
	(*v)[*nv].off = off;
	(*v)[*nv].len = len;
	(*v)[(*nv)++].flags = flags;
}

/* Lines without their ends, white space collapsed to one ASCII space,
 * trimmed; zero-width characters and the BOM dropped. */
static void
normalise(struct parse *p, const char *s, size_t n)
{
	size_t i = 0, o = 0, start = 0;
	int space = 0, len;
	int32_t cp;
	char *out;

	p->norm = out = emalloc(n + 1);
	while (i < n) {
		unsigned char c = s[i];

		if (c > 0x20 && c < 0x7f) {
			if (space && o > start)
				out[o++] = ' ';
			space = 0;
			/* A run of printable ASCII and single spaces. */
			do {
				out[o++] = (char)c;
				if (++i >= n)
					break;
				c = s[i];
				if (c == ' ' && i + 1 < n && (unsigned char)s[i + 1] > 0x20
				    && (unsigned char)s[i + 1] < 0x7f) {
					out[o++] = ' ';
					c = s[++i];
				}
			} while (c > 0x20 && c < 0x7f);
			continue;
		}
		if (c == '\n' || c == '\r') {
			push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, 0);
			i += c == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			start = o;
			space = 0;
			continue;
		}
		if (c < 0x80) {		/* blanks, controls, NUL, DEL */
			space = 1;
			i++;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		if (len <= 0) {		/* validated before; be safe anyway */
			i++;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029) {
			push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, 0);
			start = o;
			space = 0;
		} else if (cp == 0xFEFF || cp == 0x200B || cp == 0x2060 || cp == 0x00AD) {
			;
		} else if (cp < 0xA0 || text_is_space(cp)) {
			space = 1;
		} else {
			if (space && o > start)
				out[o++] = ' ';
			space = 0;
			memcpy(out + o, s + i, (size_t)len);
			o += (size_t)len;
		}
		i += (size_t)len;
	}
	if (o > start || p->nnl == 0)
		push_line(&p->nl, &p->nnl, &p->nlcap, start, o - start, 0);
}

/* ---- pass 2: inline markdown --------------------------------------- */

/* Position of the next c at or after i, remembered so that a line full
 * of '[' without ']' stays linear. */
struct next {
	size_t at;
	int valid;
};

static size_t
next_of(const char *s, size_t n, size_t i, char c, struct next *nx)
{
	const char *q;

	if (nx->valid && nx->at >= i)
		return nx->at;
	q = i < n ? memchr(s + i, c, n - i) : NULL;
	nx->at = q ? (size_t)(q - s) : n;
	nx->valid = 1;
	return nx->at;
}

static int
hr_line(const char *s, size_t n)
{
	size_t i, marks = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == '=')
			marks++;
		else if (s[i] != ' ')
			return 0;
	}
	return marks >= 3;
}

/* Bytes md_line must look at; spaces are collapsed already. */
static const unsigned char md_special[256] = {
	['['] = 1, ['!'] = 1, ['<'] = 1, ['*'] = 1, ['_'] = 1, ['\\'] = 1
};

static size_t
md_line(const char *s, size_t n, char *out, unsigned *fl)
{
	struct next rb = { 0, 0 }, rp = { 0, 0 }, gt = { 0, 0 };
	size_t i = 0, o = 0, k, close, paren, skip_at = (size_t)-1, skip_to = 0;
	size_t lt_b = 0, lt_e = 0;

	if (hr_line(s, n))
		return 0;
	for (k = 0; k < n && k < 6 && s[k] == '#'; k++)
		;
	if (k > 0 && k < n && s[k] == ' ') {
		*fl |= LF_HEADING | (k == 1 ? LF_H1 : 0);
		i = k + 1;
	} else if (n >= 2 && s[0] == '>' && s[1] == ' ') {
		i = 2;
	} else if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
		i = 2;
	}
	while (i < n) {
		unsigned char c = s[i];

		if (!md_special[c] && skip_at == (size_t)-1) {
			/* Copy a run of plain bytes at once. */
			k = i + 1;
			while (k < n && !md_special[(unsigned char)s[k]])
				k++;
			memcpy(out + o, s + i, k - i);
			o += k - i;
			i = k;
			continue;
		}
		if (skip_at != (size_t)-1 && i >= skip_at) {
			/* The text of a link ends here; its "(url)" goes. */
			i = skip_to;
			if (i >= n && lt_e > lt_b && !memchr(s + lt_b, ' ', lt_e - lt_b)
			    && memchr(s + lt_b, '.', lt_e - lt_b))
				*fl |= LF_CREDITLINK;
			skip_at = (size_t)-1;
			continue;
		}
		if ((c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) && skip_at == (size_t)-1) {
			k = c == '!' ? i + 1 : i;
			close = next_of(s, n, k + 1, ']', &rb);
			if (close + 1 < n && s[close + 1] == '(') {
				paren = next_of(s, n, close + 2, ')', &rp);
				if (paren < n) {
					if (c == '!') {
						*fl |= LF_IMAGE;
						i = paren + 1;
						continue;
					}
					lt_b = k + 1;
					lt_e = close;
					skip_at = close;
					skip_to = paren + 1;
					i = k + 1;
					continue;
				}
			}
		}
		if (c == '<' && is_url(s + i + 1, n - i - 1)) {
			close = next_of(s, n, i + 1, '>', &gt);
			if (close < n && !memchr(s + i, ' ', close - i)) {
				memcpy(out + o, s + i + 1, close - i - 1);
				o += close - i - 1;
				i = close + 1;
				continue;
			}
		}
		if (c == '*' || c == '_') {
			int prev = o ? (unsigned char)out[o - 1] : ' ';
			size_t run = 1;

			while (i + run < n && s[i + run] == (char)c)
				run++;
			{
				int next = i + run < n ? (unsigned char)s[i + run] : ' ';
				int inword = isalnum_a(prev) && isalnum_a(next);
				int spaced = prev == ' ' && next == ' ';

				if ((c == '*' && !inword && !spaced) || (c == '_' && !inword)) {
					i += run;
					continue;
				}
			}
			memcpy(out + o, s + i, run);
			o += run;
			i += run;
			continue;
		}
		if (c == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!<>", s[i + 1]) && s[i + 1]) {
			out[o++] = s[i + 1];
			i += 2;
			continue;
		}
		if (c == ' ') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			i++;
			continue;
		}
		out[o++] = (char)c;
		i++;
	}
	while (o && out[o - 1] == ' ')
		o--;
	k = 0;
	while (k < o && out[k] == ' ')
		k++;
	if (k)
		memmove(out, out + k, o -= k);
	return o;
}

/* YAML front matter: "---" first, then "key: value" lines, "- item"
 * lists under tags, up to "---" or "...".  Returns the lines it took. */
static size_t
front_matter(struct parse *p)
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

static void
clean_lines(struct parse *p, size_t from)
{
	size_t i, o = 0, len;
	unsigned fl;

	p->clean = emalloc(p->nnl ? p->nl[p->nnl - 1].off + p->nl[p->nnl - 1].len + 1 : 1);
	for (i = from; i < p->nnl; i++) {
		fl = 0;
		len = md_line(p->norm + p->nl[i].off, p->nl[i].len, p->clean + o, &fl);
		push_line(&p->cl, &p->cnl, &p->clcap, o, len, fl);
		o += len;
	}
}

/* ---- repeated lines ------------------------------------------------ */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL ^ n;
	size_t i;

	/* The ends of a line tell lines apart well enough; equal hashes
	 * are compared in full anyway. */
	if (n > 64) {
		for (i = 0; i < 32; i++)
			h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
		s += n - 32;
		n = 32;
	}
	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Remember s; 1 if it was seen before. */
static int
seen_before(struct parse *p, const char *s, size_t n)
{
	uint64_t h = hash(s, n);
	size_t i, mask = p->setcap - 1;

	for (i = (size_t)h & mask; p->set[i].s; i = (i + 1) & mask)
		if (p->set[i].h == h && p->set[i].n == n && !memcmp(p->set[i].s, s, n))
			return 1;
	p->set[i].s = s;
	p->set[i].n = n;
	p->set[i].h = h;
	return 0;
}

/* ---- wire datelines ------------------------------------------------ */

static int
place_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 100 || nwords(s, n, 11) > 10)
		return 0;
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (unsigned char)s[0] >= 0x80))
		return 0;
	for (i = 1; i < n; i++) {
		if (strchr("\":;!?", s[i]))
			return 0;
		if (s[i - 1] == ' ' && s[i] >= 'a' && s[i] <= 'z'
		    && !starts_word(s + i, n - i, "de") && !starts_word(s + i, n - i, "of")
		    && !starts_word(s + i, n - i, "am") && !starts_word(s + i, n - i, "upon"))
			return 0;
	}
	return 1;
}

static int
dash_at(const char *s, size_t n, size_t *i)
{
	if (*i + 1 < n && s[*i] == '-' && s[*i + 1] == '-')
		*i += 2;
	else if (*i < n && s[*i] == '-')
		*i += 1;
	else if (*i + 2 < n && (!memcmp(s + *i, "\xE2\x80\x94", 3) || !memcmp(s + *i, "\xE2\x80\x93", 3)
	    || !memcmp(s + *i, "\xE2\x80\x95", 3)))
		*i += 3;
	else
		return 0;
	return *i >= n || s[*i] == ' ';
}

/* Length of the run of s[0..n) before any byte of stop: strcspn for a
 * buffer that has no NUL at its end. */
static size_t
span_to(const char *s, size_t n, const char *stop)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] && strchr(stop, s[i]))
			break;
	return i;
}

/* "BEIJING, September 3. /TASS/.", "SEOUL, Aug. 30 (Yonhap) --",
 * "WASHINGTON (AP) —": fills the dateline fields and the agency;
 * returns the bytes it spans (with the space after), 0 if none. */
static size_t
dateline(struct parse *p, const char *s, size_t n, int set)
{
	size_t lim = n < 160 ? n : 160, i, k, after = 0, pre = 0, c, dn;
	const char *ag = NULL, *d;
	struct article *a = p->a;

	for (i = 0; i < lim && !ag; i++) {
		if (s[i] == '/' || s[i] == '(') {
			char endc = s[i] == '/' ? '/' : ')';
			const char *q = memchr(s + i + 1, endc, lim - i - 1);

			if (!q || q - s - (ptrdiff_t)i - 1 > 40)
				continue;
			k = (size_t)(q - s);
			if (!(ag = article_agency(s + i + 1, k - i - 1)))
				continue;
			after = k + 1;
			if (endc == '/') {
				if (after < n && s[after] == '.')
					after++;
				if (after < n && s[after] != ' ')
					ag = NULL;
			} else {
				while (after < n && s[after] == ' ')
					after++;
				if (!dash_at(s, n, &after))
					ag = NULL;
			}
			pre = i;
		}
	}
	if (!ag)
		return 0;
	while (pre && (s[pre - 1] == ' ' || s[pre - 1] == ',' || s[pre - 1] == '.'))
		pre--;
	if (pre && !place_ok(s, pre))
		return 0;
	if (!set)
		return after;
	if (!a->agency)
		a->agency = estrdup(ag);
	for (c = 0; c < pre; c++) {
		if (s[c] != ',')
			continue;
		d = s + c + 1;
		dn = pre - c - 1;
		trim(&d, &dn);
		if (dn && (isdig((unsigned char)d[0]) || is_month(d, span_to(d, dn, " "))
		    || is_weekday(d, span_to(d, dn, " ,")))) {
			set_once(&a->dateline_date, d, dn);
			break;
		}
	}
	if (pre)
		set_once(&a->dateline_place, s, c < pre ? c : pre);
	while (after < n && s[after] == ' ')
		after++;
	return after;
}

/* ---- pass 3: header and body -------------------------------------- */

static const char *
line_s(struct parse *p, size_t i)
{
	return p->clean + p->cl[i].off;
}

static size_t
next_nonblank(struct parse *p, size_t i)
{
	while (i < p->cnl && p->cl[i].len == 0)
		i++;
	return i;
}

/* A credit line is metadata: its reporters become the byline when the
 * text named none before. */
static int
credit(struct parse *p, const char *s, size_t n)
{
	struct buf by = BUF_INIT;
	int is = credit_line(s, n, &by);

	if (by.len)
		set_once(&p->a->byline, by.s, by.len);
	buf_free(&by);
	return is;
}

/* Metadata lines that may stand anywhere; 1 if line *i was one (*i may
 * move past a URL on the next line). */
static int
meta_line(struct parse *p, size_t *i, int header)
{
	struct article *a = p->a;
	const char *s = line_s(p, *i), *v, *ag;
	size_t n = p->cl[*i].len, vn, j;
	enum field f;
	int photo;

	f = key_value(s, n, &v, &vn);
	if (f != F_NONE && !header && f != F_URL && f != F_SOURCE && f != F_TAGS
	    && f != F_PUBLISHED && f != F_UPDATED && f != F_BYLINE && f != F_AGENCY)
		f = F_NONE;
	if (f != F_NONE && vn == 0 && (f == F_URL || f == F_SOURCE)) {
		j = next_nonblank(p, *i + 1);
		if (j < p->cnl && lone_url(line_s(p, j), p->cl[j].len)) {
			set_field(p, F_URL, line_s(p, j), p->cl[j].len);
			*i = j;
			return 1;
		}
	}
	if (f != F_NONE && (header || vn == 0 || nwords(v, vn, 13) <= 12)) {
		set_field(p, f, v, vn);
		return 1;
	}
	if ((f = published_line(s, n, &v, &vn)) != F_NONE) {
		set_field(p, f, v, vn);
		return 1;
	}
	if (starts_word(s, n, "tags") && n > 5 && s[4] == ' ' && !is_prose(s, n)) {
		add_tags(p, s + 5, n - 5);
		return 1;
	}
	if (lone_url(s, n) && (header || !a->url)) {
		set_field(p, F_URL, s, n);
		return 1;
	}
	if ((ag = lone_credit(s, n, &photo))) {
		set_once(&a->agency, ag, strlen(ag));
		return 1;
	}
	if (photo)
		return 1;
	if (byline(s, n, &v, &vn)) {
		set_once(&a->byline, v, vn);
		return 1;
	}
	return !header && credit(p, s, n);
}

/* A line that may be a headline: short, and not a sentence unless a
 * short question or exclamation. */
static int
title_like(struct parse *p, const char *s, size_t n)
{
	size_t w = nwords(s, n, 41);

	if (n == 0 || n > 300 || w > 40)
		return 0;
	if (is_prose(s, n) && !(ends_question(s, n) && w <= 20))
		return 0;
	/* A dateline starts a body, never a headline. */
	return dateline(p, s, n, 0) == 0;
}

static void
keep_line(struct parse *p, const char *s, size_t n, int gap)
{
	p->kept = egrow(p->kept, &p->keptcap, p->nkept + 1, sizeof *p->kept);
	p->kept[p->nkept].s = s;
	p->kept[p->nkept].n = n;
	p->kept[p->nkept++].gap = gap;
}

/* "date 2025-08-30", maybe followed by a headline or the body. */
static size_t
date_first_line(struct parse *p, size_t i)
{
	struct line *l = &p->cl[i];
	const char *s = line_s(p, i), *r;
	size_t n = l->len, k, rn;

	if (n < 15 || !eq_ci(s, 5, "date ") || (n > 15 && s[15] != ' '))
		return i;
	for (k = 5; k < 15; k++)
		if ((k == 9 || k == 12) ? s[k] != '-' : !isdig((unsigned char)s[k]))
			return i;
	set_once(&p->a->date_raw, s + 5, 10);
	r = s + 15;
	rn = n - 15;
	trim(&r, &rn);
	if (rn == 0)
		return i + 1;
	if (title_like(p, r, rn)) {
		set_once(&p->a->title, r, rn);
		return i + 1;
	}
	l->off += (size_t)(r - s);
	l->len = rn;
	return i;
}

static size_t
header(struct parse *p, size_t i)
{
	struct article *a = p->a;
	const char *s;
	size_t n, blanks = 0, after_title = 0, j;

	i = next_nonblank(p, i);
	if (i < p->cnl)
		i = date_first_line(p, i);
	if (a->title)
		after_title = 1;
	for (; i < p->cnl; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0) {
			blanks++;
			continue;
		}
		if (meta_line(p, &i, 1))
			goto dropped;
		if (is_breadcrumb(s, n) || is_prompt(s, n) || is_caption(s, n, p->cl[i].flags)
		    || (a->title && same_ci(s, n, a->title, strlen(a->title)))) {
			if (p->keep)
				keep_line(p, s, n, 1);
			goto dropped;
		}
		if (is_date_line(s, n)) {
			set_once(&a->date_raw, s, n);
			goto dropped;
		}
		if (is_marker(s, n))
			break;
		if (!a->title) {
			if (!(p->cl[i].flags & LF_H1) && !title_like(p, s, n))
				break;
			j = next_nonblank(p, i + 1);
			if (!a->outlet && !(p->cl[i].flags & LF_HEADING) && title_case_short(s, n, 5)
			    && j < p->cnl && is_breadcrumb(line_s(p, j), p->cl[j].len)) {
				set_once(&a->outlet, s, n);
				continue;
			}
			set_once(&a->title, s, n);
			after_title = 1;
			blanks = 0;
			continue;
		}
		if (after_title == 1 && !a->outlet && title_case_short(s, n, 5)) {
			j = next_nonblank(p, i + 1);
			if (j < p->cnl && !is_prose(line_s(p, j), p->cl[j].len)) {
				set_once(&a->outlet, s, n);
				after_title = 0;
				continue;
			}
		}
		if (after_title == 1 && blanks <= 1 && !a->subtitle && !is_prose(s, n)
		    && n <= 400 && nwords(s, n, 4) >= 3 && !(p->cl[i].flags & LF_HEADING)
		    && title_like(p, s, n)) {
			set_once(&a->subtitle, s, n);
			after_title = 0;
			continue;
		}
		break;
dropped:
		after_title = 0;
	}
	return i;
}

static int
drop_in_body(struct parse *p, const char *s, size_t n, unsigned fl, int *headlines)
{
	const char *t = p->a->title;

	if (seen_before(p, s, n) || is_caption(s, n, fl) || is_breadcrumb(s, n)
	    || (!is_prose(s, n) && is_prompt(s, n)) || is_login_prompt(s, n)
	    || (t && same_ci(s, n, t, strlen(t))))
		return 1;
	if (is_marker(s, n)) {
		*headlines = 1;
		return 1;
	}
	if (is_prose(s, n)) {
		*headlines = 0;
		return 0;
	}
	return *headlines;
}

static void
body(struct parse *p, size_t i)
{
	struct article *a = p->a;
	const char *s;
	size_t n, d, last = 0, k;
	int gap = 1, headlines = 0, first = 1;

	if (a->title)
		seen_before(p, a->title, strlen(a->title));
	if (a->subtitle)
		seen_before(p, a->subtitle, strlen(a->subtitle));
	for (; i < p->cnl; i++) {
		s = line_s(p, i);
		n = p->cl[i].len;
		if (n == 0 || meta_line(p, &i, 0)) {
			gap = 1;
			continue;
		}
		if (!p->keep && drop_in_body(p, s, n, p->cl[i].flags, &headlines)) {
			gap = 1;
			continue;
		}
		/* A wire story's end mark: "... approval. (END)". */
		if (ends_with(s, n, "(END)")) {
			n -= 5;
			while (n && s[n - 1] == ' ')
				n--;
			if (n == 0)
				continue;
		}
		if (first) {
			first = 0;
			d = dateline(p, s, n, 1);
			s += d;
			n -= d;
			if (n == 0)
				continue;
		}
		keep_line(p, s, n, gap);
		gap = 0;
		/* "help-image Social comment?" is no sentence of the article. */
		if (is_prose(s, n) && (nwords(s, n, 4) >= 4 || s[n - 1] == '.'))
			last = p->nkept;
	}
	/* After the last sentence come link lists, prompts and widgets. */
	if (!p->keep && last)
		p->nkept = last;
	{
		struct buf b = BUF_INIT;

		for (k = 0; k < p->nkept; k++) {
			struct kept *c = &p->kept[k], *pr = k ? &p->kept[k - 1] : NULL;

			if (pr && !c->gap && !is_prose(pr->s, pr->n)
			    && ((c->s[0] >= 'a' && c->s[0] <= 'z') || pr->n >= 60))
				buf_addc(&b, ' ');
			else if (pr)
				buf_add(&b, "\n\n", 2);
			buf_add(&b, c->s, c->n);
		}
		a->body_len = b.len;
		a->body = buf_take(&b);
	}
}

/* ---- public -------------------------------------------------------- */

const char *
article_agency(const char *s, size_t n)
{
	size_t i;

	trim(&s, &n);
	if (n == 0 || n > 40)
		return NULL;
	for (i = 0; i < NELEM(agencies); i++)
		if (lower((unsigned char)s[0]) == lower((unsigned char)agencies[i].name[0])
		    && eq_ci(s, n, agencies[i].name))
			return agencies[i].canon;
	return NULL;
}

char *
article_outlet_for_url(const char *url)
{
	const char *h, *e;
	size_t n, i, k;

	if (!(h = strstr(url, "://")))
		return NULL;
	h += 3;
	e = h + strcspn(h, "/?#");
	for (i = 0; h + i < e; i++)
		if (h[i] == '@')
			h += i + 1, i = 0;
	n = strcspn(h, ":/?#");
	if (h + n > e)
		n = (size_t)(e - h);
	if (n > 4 && eq_ci(h, 4, "www."))
		h += 4, n -= 4;
	while (n && h[n - 1] == '.')
		n--;
	if (n == 0)
		return NULL;
	for (i = 0; i < NELEM(outlets); i++) {
		k = strlen(outlets[i].host);
		if (n >= k && eq_ci(h + n - k, k, outlets[i].host)
		    && (n == k || h[n - k - 1] == '.'))
			return estrdup(outlets[i].name);
	}
	{
		char *r = estrndup(h, n);

		for (i = 0; i < n; i++)
			r[i] = (char)lower((unsigned char)r[i]);
		return r;
	}
}

size_t
article_words(const char *s, size_t n)
{
	size_t i = 0, words = 0;
	int in = 0, len;
	int32_t cp;

	while (i < n) {
		unsigned char c = s[i];
		int alnum, joiner;

		if (c < 0x80) {
			alnum = isdig(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
			if (alnum && in) {
				/* Inside a word: skip the rest of its ASCII letters. */
				while (++i < n && (isdig((unsigned char)s[i])
				    || (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z')))
					;
				continue;
			}
			joiner = c == '\'' || c == '-';
			len = 1;
		} else {
			if ((len = text_decode(s + i, n - i, &cp)) <= 0)
				len = 1, cp = 0;
			alnum = text_is_alpha(cp) || text_is_digit(cp);
			joiner = cp == 0x2019 || cp == 0x2010 || cp == 0x2011;
		}
		if (alnum) {
			if (!in)
				words++;
			in = 1;
		} else if (!(joiner && in && i + (size_t)len < n
		    && isalnum_a((unsigned char)s[i + (size_t)len]))) {
			in = 0;
		}
		i += (size_t)len;
	}
	return words;
}

int
article_parse(struct article *a, const char *text, size_t len, int flags, size_t *bad)
{
	struct parse p;
	size_t at, i;

	memset(a, 0, sizeof *a);
	if ((at = text_invalid_at(text, len)) < len) {
		if (bad)
			*bad = at;
		return -1;
	}
	memset(&p, 0, sizeof p);
	p.a = a;
	p.keep = flags & ARTICLE_KEEP_BOILERPLATE;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	normalise(&p, text, len);
	clean_lines(&p, front_matter(&p));
	for (p.setcap = 16; p.setcap < 2 * p.cnl + 8; p.setcap *= 2)
		;
	p.set = ecalloc(p.setcap, sizeof *p.set);
	i = header(&p, 0);
	body(&p, i);
	if (!a->outlet && a->url)
		a->outlet = article_outlet_for_url(a->url);
	a->word_count = article_words(a->body, a->body_len);
	free(p.norm);
	free(p.clean);
	free(p.nl);
	free(p.cl);
	free(p.set);
	free(p.kept);
	return 0;
}

void
article_free(struct article *a)
{
	size_t i;

	free(a->title);
	free(a->subtitle);
	free(a->outlet);
	free(a->agency);
	free(a->byline);
	free(a->url);
	free(a->dateline_place);
	free(a->dateline_date);
	free(a->date_raw);
	free(a->published_raw);
	for (i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a->body);
	memset(a, 0, sizeof *a);
}
