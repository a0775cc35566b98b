/* gen-corpus: write a deterministic corpus of invented raw news articles
 * in every layout split-header reads, with known near-duplicates.
 *
 * Everything is made up here: words and names are built from syllables
 * by a seeded generator, so the same seed always gives the same bytes
 * and nothing comes from real articles.  DIR/articles/ holds the
 * articles; DIR/truth.tsv lists every one with the id of the original
 * it duplicates (empty if none).
 *
 * With --stories the articles form a stream in date order (as crawled:
 * up to a day and a half late), and some are reports of one event by
 * several outlets: the same people, organisation and places, words of
 * the event's own, dates from two days before to four after it, each
 * report worded afresh.  DIR/events.tsv gives each article's event (its
 * own id for an article that is the only report of its event). */
#include "date/date.h"
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "opt.h"
#include "mem.h"

static const char synopsis[] =
    "[--seed N] [--count N | --size MB] [--dups PERCENT]\n"
    "       [--stories [--events PERCENT]] --out DIR";
static const char help[] =
    "Write invented raw news articles as DIR/articles/ID.txt, and\n"
    "DIR/truth.tsv: id, duplicate_of (empty for an original), kind, layout.\n"
    "\n"
    "  --seed N        generator seed (default 1); same seed, same bytes\n"
    "  --count N       write N articles (default 1000)\n"
    "  --size MB       write articles until they total MB x 10^6 bytes\n"
    "  --dups PERCENT  share of near-duplicates (default 10)\n"
    "  --stories       a dated stream with several reports per event, and\n"
    "                  DIR/events.tsv: id, event (needs --count)\n"
    "  --events PERCENT  share of articles that report an event covered\n"
    "                  more than once (default 50)\n"
    "  --out DIR       where to write (created if missing)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Example:\n"
    "  gen-corpus --seed 7 --size 100 --out bench/out/corpus\n";

enum { OPT_SEED = 256, OPT_COUNT, OPT_SIZE, OPT_DUPS, OPT_OUT, OPT_STORIES, OPT_EVENTS };

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rng_state;

static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t
pick(size_t n)
{
	return (size_t)(rnd() % n);
}

static int
chance(int percent)
{
	return (int)pick(100) < percent;
}

/* Between lo and hi inclusive. */
static int
between(int lo, int hi)
{
	return lo + (int)pick((size_t)(hi - lo + 1));
}

/* Rank-skewed pick: low indices much more often, as word use is. */
static size_t
zipf(size_t n)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;
	size_t i = (size_t)pow((double)n, u) - 1;

	return i < n ? i : n - 1;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const onsets[] = {
	"", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s",
	"t", "v", "w", "z", "br", "dr", "gr", "st", "tr", "pl", "kl", "sh",
	"ch", "th", "fr", "sk"
};
static const char *const vowels[] = {
	"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io", "y"
};
static const char *const codas[] = {
	"", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rk", "ng", "x"
};
/* Accented replacements for plain vowels in some names. */
static const char *const accents_a[] = { "á", "à", "ä", "å", "ã" };
static const char *const accents_e[] = { "é", "è", "ë", "ê" };
static const char *const accents_o[] = { "ó", "ö", "ø", "ô" };
static const char *const accents_u[] = { "ú", "ü", "û" };

/* English function words: the glue between generated content words. */
static const char *const glue[] = {
	"the", "the", "the", "of", "of", "and", "and", "to", "to", "in", "in",
	"a", "a", "said", "on", "for", "with", "that", "was", "is", "by", "at",
	"from", "as", "it", "its", "has", "have", "had", "will", "would", "be",
	"been", "not", "but", "after", "before", "over", "about", "their",
	"they", "which", "who", "also", "more", "than", "this", "into", "an",
	"were", "are", "up", "new", "two", "three", "first", "last", "could"
};
static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const mon_abbr[] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec."
};
static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};
static const char *const org_kinds[] = {
	"Council", "Union", "Institute", "Party", "Corporation", "Agency",
	"Ministry of %s", "Bank of %s", "%s Group", "%s Federation",
	"National Assembly of %s", "%s Holdings"
};
/* Credits as wire services write them; the names are generated. */
static const char *const sections[] = {
	"World", "Politics", "Economy", "Asia", "Europe", "Business",
	"National", "Science", "Culture", "Sports"
};
static const char *const boiler[] = {
	"Subscribe to our newsletter to get the latest stories in your inbox every morning.",
	"© All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
	"Share this article: Facebook · X · Email · Print",
	"Advertisement — Continue reading below",
	"Sign up for breaking news alerts and never miss a story."
};

enum { NVOCAB = 4000, NPERSON = 1500, NORG = 400, NPLACE = 600, NAGENCY = 12 };

static char *vocab[NVOCAB];
static char *persons[NPERSON], *orgs[NORG], *places[NPLACE];
static char *agencies[NAGENCY], *outlets[NAGENCY];

/* A lower-case word of syl syllables. */
static void
word(struct buf *b, int syl, int accent)
{
	int i;

	for (i = 0; i < syl; i++) {
		const char *v = vowels[pick(NELEM(vowels))];

		buf_adds(b, onsets[pick(NELEM(onsets))]);
		if (accent && chance(25) && v[1] == '\0') {
			switch (v[0]) {
			case 'a': v = accents_a[pick(NELEM(accents_a))]; break;
			case 'e': v = accents_e[pick(NELEM(accents_e))]; break;
			case 'o': v = accents_o[pick(NELEM(accents_o))]; break;
			case 'u': v = accents_u[pick(NELEM(accents_u))]; break;
			}
		}
		buf_adds(b, v);
		if (i == syl - 1 || chance(30))
			buf_adds(b, codas[pick(NELEM(codas))]);
	}
}

static void
capital(struct buf *b, int syl, int accent)
{
	size_t at = b->len;

	word(b, syl, accent);
	if (b->len > at && b->s[at] >= 'a' && b->s[at] <= 'z')
		b->s[at] -= 'a' - 'A';
	else if (b->len == at)
		buf_addc(b, 'X');
}

static void
utf8(struct buf *b, uint32_t cp)
{
	char s[4];

	if (cp < 0x800) {
		s[0] = (char)(0xC0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 2);
	} else {
		s[0] = (char)(0xE0 | cp >> 12);
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 3);
	}
}

static void
hangul(struct buf *b, int n)
{
	while (n--)
		utf8(b, 0xAC00 + (uint32_t)(pick(19) * 588 + pick(21) * 28 + pick(28)));
}

static void
han(struct buf *b, int n)
{
	while (n--)
		utf8(b, 0x4E00 + (uint32_t)pick(0x5000));
}

static char *
make_person(void)
{
	struct buf b = BUF_INIT;
	int kind = (int)pick(100);

	if (kind < 8) {			/* Korean, in Hangul */
		hangul(&b, 3);
	} else if (kind < 13) {		/* Chinese, in Han characters */
		han(&b, between(2, 3));
	} else if (kind < 25) {		/* romanised, family name first */
		capital(&b, 1, 0);
		buf_addc(&b, ' ');
		capital(&b, 1, 0);
		buf_addc(&b, '-');
		word(&b, 1, 0);
	} else {
		capital(&b, between(1, 3), chance(30));
		buf_addc(&b, ' ');
		if (chance(10)) {
			capital(&b, 1, 0);
			buf_adds(&b, ". ");
		}
		capital(&b, between(2, 3), chance(30));
	}
	return buf_take(&b);
}

static char *
make_place(void)
{
	struct buf b = BUF_INIT;

	capital(&b, between(2, 3), chance(15));
	if (chance(10)) {
		buf_addc(&b, ' ');
		capital(&b, 2, 0);
	}
	return buf_take(&b);
}

static char *
make_org(void)
{
	struct buf b = BUF_INIT, name = BUF_INIT;
	const char *k = org_kinds[pick(NELEM(org_kinds))];

	capital(&name, between(2, 3), chance(10));
	if (strstr(k, "%s")) {
		buf_printf(&b, k, name.s);
	} else {
		buf_printf(&b, "%s %s", name.s, k);
		if (chance(30))
			buf_printf(&b, " of %s", places[pick(NPLACE)]);
	}
	buf_free(&name);
	return buf_take(&b);
}

static char *
make_agency(int upper)
{
	struct buf b = BUF_INIT;
	size_t i;

	capital(&b, 2, 0);
	if (upper) {
		for (i = 0; i < b.len; i++)
			if (b.s[i] >= 'a' && b.s[i] <= 'z')
				b.s[i] -= 'a' - 'A';
	} else {
		buf_adds(&b, chance(50) ? " Press" : " News");
	}
	return buf_take(&b);
}

static void
make_tables(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < NVOCAB; i++) {
		buf_reset(&b);
		word(&b, i < 300 ? 1 : between(1, 3), 0);
		vocab[i] = estrdup(b.s ? b.s : "");
	}
	buf_free(&b);
	for (i = 0; i < NPLACE; i++)
		places[i] = make_place();
	for (i = 0; i < NPERSON; i++)
		persons[i] = make_person();
	for (i = 0; i < NORG; i++)
		orgs[i] = make_org();
	/* Real wire names appear in credits and datelines as in any paper. */
	agencies[0] = estrdup("AP");
	agencies[1] = estrdup("AFP");
	agencies[2] = estrdup("Reuters");
	agencies[3] = estrdup("Yonhap");
	for (i = 4; i < NAGENCY; i++)
		agencies[i] = make_agency(i % 2);
	for (i = 0; i < NAGENCY; i++) {
		b = (struct buf)BUF_INIT;
		capital(&b, 2, 0);
		buf_adds(&b, i % 3 ? " Daily" : " Herald");
		outlets[i] = buf_take(&b);
	}
}

/* An event covered by several outlets: its actors, place and words. */
enum { NTOPIC = 12 };
struct event {
	char id[16];
	const char *people[2], *org, *place[2];
	const char *topic[NTOPIC];
	long day;
};

/* One article, as a plain structure rendered in many layouts. */
struct article {
	const struct event *ev;	/* the event it reports, or NULL */
	int topic;		/* percent of its words that are the event's */
	char event[16];		/* its event's id (its own if alone) */
	char id[16];
	char *title, *deck, *city;
	struct buf *paras;
	int npara;
	int y, m, d, hh, mm;
	int outlet, agency, section;
	const char *people[4], *org[3], *place[3];
	char *tags[3];
	struct buf raw;		/* the text as written */
};

static void
phrase(struct buf *b, struct article *a)
{
	int k, m;

	if (a->ev && chance(a->topic)) {
		buf_adds(b, a->ev->topic[pick(NTOPIC)]);
		return;
	}
	k = (int)pick(1000);
	m = between(0, 11);
	if (k < 40)
		buf_adds(b, a->people[pick(4)]);
	else if (k < 60)
		buf_adds(b, a->org[pick(3)]);
	else if (k < 90)
		buf_printf(b, "in %s", a->place[pick(3)]);
	else if (k < 100)
		buf_printf(b, "on %s", weekdays[pick(7)]);
	else if (k < 110)
		buf_printf(b, "on %s %d", months[m], between(1, 28));
	else if (k < 117)
		buf_printf(b, "%d %s %d", between(1, 28), months[m], between(1990, 2026));
	else if (k < 120)
		buf_printf(b, "on %04d-%02d-%02d", between(1990, 2026), m + 1, between(1, 28));
	else if (k < 125)
		buf_printf(b, "%d.%d percent", between(1, 99), between(0, 9));
	else if (k < 560)
		buf_adds(b, glue[pick(NELEM(glue))]);
	else
		buf_adds(b, vocab[zipf(NVOCAB)]);
}

/* A sentence of about n words; some quoted with curly quotes, some with
 * an em dash aside. */
static void
sentence(struct buf *b, struct article *a, int n)
{
	int quoted = chance(12), i;
	size_t at;

	if (quoted)
		buf_adds(b, "“");
	at = b->len;
	for (i = 0; i < n; i++) {
		if (i) {
			if (chance(4))
				buf_adds(b, " — ");
			else if (chance(6))
				buf_adds(b, ", ");
			else
				buf_addc(b, ' ');
		}
		phrase(b, a);
	}
	if (b->s[at] >= 'a' && b->s[at] <= 'z')
		b->s[at] -= 'a' - 'A';
	if (quoted)
		buf_printf(b, ",” %s said.", a->people[pick(4)]);
	else
		buf_adds(b, chance(3) ? "…" : ".");
}

static char *
title_case(struct article *a, int words)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < words; i++) {
		size_t at;

		if (i)
			buf_addc(&b, ' ');
		if (chance(15)) {
			buf_adds(&b, a->people[pick(4)]);
			continue;
		}
		if (chance(10)) {
			buf_adds(&b, a->place[pick(3)]);
			continue;
		}
		at = b.len;
		if (a->ev && chance(50))
			buf_adds(&b, a->ev->topic[pick(NTOPIC)]);
		else
			buf_adds(&b, chance(25) ? glue[pick(NELEM(glue))] : vocab[zipf(NVOCAB)]);
		if (b.s[at] >= 'a' && b.s[at] <= 'z')
			b.s[at] -= 'a' - 'A';
	}
	if (chance(10))
		buf_adds(&b, ": report");
	return buf_take(&b);
}

/* An event's report takes its actors and places (the first person
 * twice as often; the second and the organisation not in every
 * report) and 5-15% of its words from the event's, twice that in
 * the first paragraph; a day gives its date. */
static void
cast(struct article *a, const struct event *ev, long day)
{
	int i;

	if (ev) {
		a->ev = ev;
		a->topic = 2 * between(5, 15);
		a->people[0] = a->people[3] = ev->people[0];
		if (chance(70))
			a->people[1] = ev->people[1];
		if (chance(60))
			a->org[0] = a->org[1] = ev->org;
		a->place[0] = ev->place[0];
		a->place[1] = ev->place[1];
		free(a->city);
		a->city = estrdup(a->place[0]);
		for (i = 0; a->city[i]; i++)
			if (a->city[i] >= 'a' && a->city[i] <= 'z')
				a->city[i] -= 'a' - 'A';
	}
	if (day >= 0)
		date_from_days(date_to_days(2024, 1, 1) + day, &a->y, &a->m, &a->d);
}

/* An article; for --stories, a report of ev (or alone: NULL) on a day. */
static void
make_article(struct article *a, unsigned long n, const struct event *ev, long day)
{
	int words = between(300, 1500), i, left;

	memset(a, 0, sizeof *a);
	snprintf(a->id, sizeof a->id, "art%07lu", n);
	for (i = 0; i < 4; i++)
		a->people[i] = persons[zipf(NPERSON)];
	for (i = 0; i < 3; i++) {
		a->org[i] = orgs[zipf(NORG)];
		a->place[i] = places[zipf(NPLACE)];
		a->tags[i] = estrdup(vocab[zipf(NVOCAB)]);
	}
	a->city = estrdup(a->place[0]);
	for (i = 0; a->city[i]; i++)
		if (a->city[i] >= 'a' && a->city[i] <= 'z')
			a->city[i] -= 'a' - 'A';
	a->y = between(2018, 2026);
	a->m = between(1, 12);
	a->d = between(1, 28);
	a->hh = between(0, 23);
	a->mm = between(0, 59);
	a->outlet = (int)pick(NAGENCY);
	a->agency = (int)pick(NAGENCY);
	a->section = (int)pick(NELEM(sections));
	cast(a, ev, day);
	a->title = title_case(a, between(5, 12));
	a->deck = chance(50) ? title_case(a, between(8, 16)) : NULL;
	a->paras = ecalloc(words / 20 + 2, sizeof *a->paras);
	for (left = words; left > 0; a->npara++) {
		struct buf *p = &a->paras[a->npara];
		int pw = left < 30 ? left : between(30, 110), done = 0;

		if (pw > left)
			pw = left;
		while (done < pw) {
			int sw = between(8, 24);

			if (done)
				buf_addc(p, ' ');
			sentence(p, a, sw);
			done += sw;
		}
		left -= done;
		/* The lead states the event; the rest gives background. */
		if (a->ev && a->npara == 0)
			a->topic /= 2;
	}
}

static void
free_article(struct article *a)
{
	int i;

	free(a->title);
	free(a->deck);
	free(a->city);
	for (i = 0; i < a->npara; i++)
		buf_free(&a->paras[i]);
	free(a->paras);
	for (i = 0; i < 3; i++)
		free(a->tags[i]);
	buf_free(&a->raw);
}

static void
body(struct buf *b, const struct article *a, const char *sep, int from)
{
	int i;

	for (i = from; i < a->npara; i++) {
		buf_add(b, a->paras[i].s, a->paras[i].len);
		buf_adds(b, sep);
	}
}

/* The wire dateline that opens the first paragraph, in one of three
 * house styles. */
static void
dateline(struct buf *b, const struct article *a)
{
	switch (pick(3)) {
	case 0:
		buf_printf(b, "%s, %s %d (%s) -- ", a->city, months[a->m - 1], a->d,
		    agencies[a->agency]);
		break;
	case 1:
		buf_printf(b, "%s, %s %d. /TASS/. ", a->city, months[a->m - 1], a->d);
		break;
	default:
		buf_printf(b, "%s (%s) — ", a->city, agencies[a->agency]);
		break;
	}
}

static void
url(struct buf *b, const struct article *a)
{
	const char *o = outlets[a->outlet];
	size_t i;

	buf_adds(b, "https://www.");
	for (; *o && *o != ' '; o++)
		buf_addc(b, (char)(*o | 0x20));
	buf_printf(b, ".example/%s/%04d/%02d/%02d/", sections[a->section], a->y, a->m, a->d);
	for (i = 0; a->title[i] && i < 60; i++) {
		unsigned char c = (unsigned char)a->title[i];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			buf_addc(b, (char)(c | 0x20));
		else if (c == ' ')
			buf_addc(b, '-');
	}
}

static void
fmt_dateline_first(struct buf *b, const struct article *a)
{
	/* 1: "date YYYY-MM-DD" then the title, or the body, on the line. */
	buf_printf(b, "%sdate %04d-%02d-%02d ", chance(50) ? " " : "", a->y, a->m, a->d);
	if (chance(50)) {
		buf_printf(b, " %s\n\n", a->title);
		body(b, a, "\n\n", 0);
	} else {
		dateline(b, a);
		body(b, a, "\n\n", 0);
	}
}

static void
fmt_plain(struct buf *b, const struct article *a)
{
	/* 2: title, optional deck, body; no date. */
	buf_printf(b, "%s\n", a->title);
	if (a->deck)
		buf_printf(b, "%s\n", a->deck);
	body(b, a, "\n", 0);
}

static void
fmt_markdown(struct buf *b, const struct article *a)
{
	int i;

	buf_printf(b, "\n\n# %s\n\n%s %d, %d\n\n\n\n", a->title, months[a->m - 1], a->d, a->y);
	buf_printf(b, "%s and %s. [%s](https://%s.example)\n\n", a->people[0],
	    a->people[1], vocab[pick(NVOCAB)], vocab[pick(NVOCAB)]);
	for (i = 0; i < a->npara; i++) {
		const char *p = a->paras[i].s, *sp = strchr(p, ' ');

		if (i % 3 == 1 && sp) {
			/* Link the first word, embolden the rest of a lead. */
			buf_printf(b, "[%.*s](https://%s.example/%d) **", (int)(sp - p), p,
			    vocab[pick(NVOCAB)], i);
			buf_add(b, sp + 1, a->paras[i].len - (size_t)(sp + 1 - p));
			buf_adds(b, "**\n\n");
		} else {
			buf_printf(b, "%s\n\n", p);
		}
		if (i == 1)
			buf_printf(b, "![%s](https://img.example/%d.jpg)\n\n", a->title, i);
	}
	buf_adds(b, "Original url: ");
	url(b, a);
	buf_addc(b, '\n');
}

static void
fmt_webpage(struct buf *b, const struct article *a)
{
	int i;
	char *caption;
	struct buf cb = BUF_INIT;

	buf_printf(&cb, "%s speaks in %s on %s. [%s]", a->people[0], a->place[1],
	    weekdays[pick(7)], agencies[a->agency]);
	caption = buf_take(&cb);
	buf_printf(b, "%s\n\nHome > %s > %s\n\nprint dictionary print\n\n%s\n\n",
	    outlets[a->outlet], sections[a->section], sections[pick(NELEM(sections))],
	    a->title);
	buf_printf(b, "Published: %d %s %d, %02d:%02d\n", a->d, mon_abbr[a->m - 1], a->y,
	    a->hh, a->mm);
	buf_printf(b, "%s\n\n%s\n\n", caption, caption);
	for (i = 0; i < a->npara; i++) {
		buf_printf(b, "%s\n\n", a->paras[i].s);
		if (i == a->npara / 2)
			buf_printf(b, "Related Article\n\n%s\n\n", a->deck ? a->deck : a->title);
	}
	buf_printf(b, "%s\n\ntags %s %s %s\n\nMore in %s\n\n", agencies[a->agency],
	    a->tags[0], a->tags[1], a->tags[2], sections[a->section]);
	for (i = 0; i < 4; i++)
		buf_printf(b, "%s %s %s\n\n", places[pick(NPLACE)], vocab[zipf(NVOCAB)],
		    vocab[zipf(NVOCAB)]);
	buf_adds(b, "Log in to leave a comment\n\nComments (0)\n");
	free(caption);
}

static void
fmt_header(struct buf *b, const struct article *a)
{
	if (chance(50)) {
		buf_printf(b, "Title: %s\nAuthor: %s\nDate: %04d-%02d-%02d\nSource: %s\nURL: ",
		    a->title, a->people[2], a->y, a->m, a->d, outlets[a->outlet]);
		url(b, a);
		buf_adds(b, "\n\n");
	} else {
		buf_printf(b, "---\ntitle: \"%s\"\ndate: %04d-%02d-%02dT%02d:%02d:00Z\n"
		    "author: %s\ntags: [%s, %s]\n---\n\n", a->title, a->y, a->m, a->d,
		    a->hh, a->mm, a->people[2], a->tags[0], a->tags[1]);
	}
	body(b, a, "\n\n", 0);
}

static void
fmt_wire(struct buf *b, const struct article *a)
{
	buf_printf(b, "%s\n\n", a->title);
	dateline(b, a);
	body(b, a, "\n\n", 0);
}

typedef void fmt_fn(struct buf *, const struct article *);
static fmt_fn *const formats[] = {
	fmt_dateline_first, fmt_plain, fmt_markdown, fmt_webpage, fmt_header,
	fmt_wire
};

static const char *const dup_kinds[] = {
	"exact", "reheadlined", "trimmed", "boilerplate"
};

/* Turn a copy of the original's text into a near-duplicate of kind k. */
static void
mutate(struct article *a, int k)
{
	int i;

	switch (k) {
	case 1:
		free(a->title);
		a->title = title_case(a, between(5, 12));
		break;
	case 2:
		if (a->npara > 2)
			buf_free(&a->paras[--a->npara]);
		break;
	case 3:
		i = a->npara;
		a->paras = erealloc(a->paras, (size_t)(i + 2) * sizeof *a->paras);
		a->paras[i] = (struct buf)BUF_INIT;
		a->paras[i + 1] = (struct buf)BUF_INIT;
		buf_adds(&a->paras[i], boiler[pick(NELEM(boiler))]);
		buf_adds(&a->paras[i + 1], boiler[pick(NELEM(boiler))]);
		a->npara += 2;
		break;
	}
}

static struct article *
copy_article(const struct article *o)
{
	struct article *a = emalloc(sizeof *a);
	int i;

	*a = *o;
	a->title = estrdup(o->title);
	a->deck = o->deck ? estrdup(o->deck) : NULL;
	a->city = estrdup(o->city);
	a->paras = ecalloc((size_t)o->npara, sizeof *a->paras);
	for (i = 0; i < o->npara; i++)
		buf_add(&a->paras[i], o->paras[i].s, o->paras[i].len);
	for (i = 0; i < 3; i++)
		a->tags[i] = estrdup(o->tags[i]);
	a->raw = (struct buf)BUF_INIT;
	return a;
}

/* Originals kept to copy from; a duplicate copies one of the last few. */
enum { KEEP = 64 };

/* --stories: the articles of the stream in order, each on its day and
 * reporting one of the events or none (-1). */
struct slot {
	double arrive;
	long day;
	long ev;
};

static struct event *events;
static size_t nevents;

static int
slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return x->arrive < y->arrive ? -1 : x->arrive > y->arrive;
}

/* A new event on a day of the span; three in ten share their first
 * actor with an event of the same week (a leader's busy week). */
static struct event *
new_event(long span)
{
	struct event *ev;
	size_t i;

	events = erealloc(events, (nevents + 1) * sizeof(*events));
	ev = &events[nevents];
	snprintf(ev->id, sizeof ev->id, "ev%05zu", nevents);
	ev->day = (long)pick((size_t)span);
	ev->people[0] = persons[zipf(NPERSON)];
	do
		ev->people[1] = persons[zipf(NPERSON)];
	while (ev->people[1] == ev->people[0]);
	if (nevents && chance(30)) {
		const struct event *o = &events[pick(nevents)];

		ev->people[0] = o->people[0];
		if (ev->people[1] == ev->people[0])
			ev->people[1] = persons[pick(NPERSON)];
		ev->day = o->day + between(-3, 3);
		if (ev->day < 0)
			ev->day = 0;
	}
	ev->org = orgs[zipf(NORG)];
	ev->place[0] = places[zipf(NPLACE)];
	ev->place[1] = places[zipf(NPLACE)];
	for (i = 0; i < NTOPIC; i++)
		ev->topic[i] = vocab[300 + pick(NVOCAB - 300)];
	nevents++;
	return ev;
}

/* count articles over count / 40 days (at least two weeks), percent of
 * them reports of events with two to six reports each. */
static struct slot *
plan(unsigned long count, unsigned long percent)
{
	long span = count / 40 < 14 ? 14 : (long)(count / 40), day;
	unsigned long want = count * percent / 100, n = 0, k, j;
	struct slot *v = emalloc((count ? count : 1) * sizeof(*v));
	struct event *ev;

	while (n + 2 <= want) {
		k = 2 + pick(5);
		if (k > want - n)
			k = want - n;
		ev = new_event(span);
		for (j = 0; j < k; j++, n++) {
			day = ev->day + between(-2, 4);
			v[n].day = day < 0 ? 0 : day;
			v[n].ev = (long)nevents - 1;
		}
	}
	for (; n < count; n++) {
		v[n].day = (long)pick((size_t)span);
		v[n].ev = -1;
	}
	for (n = 0; n < count; n++)
		v[n].arrive = (double)v[n].day + 1.5 * (double)(rnd() >> 11) / 9007199254740992.0;
	qsort(v, count, sizeof(*v), slot_cmp);
	return v;
}

static void
write_text(const char *dir, const char *name, const struct buf *b)
{
	struct buf path = BUF_INIT;
	FILE *fp;

	buf_printf(&path, "%s/%s", dir, name);
	if (!(fp = fopen(path.s, "w")))
		die(1, "%s:", path.s);
	if (fwrite(b->s, 1, b->len, fp) != b->len || fclose(fp) == EOF)
		die(1, "%s: write error:", path.s);
	buf_free(&path);
}

static void
write_file(const char *dir, const char *id, const struct buf *b)
{
	struct buf name = BUF_INIT;

	buf_printf(&name, "articles/%s.txt", id);
	write_text(dir, name.s, b);
	buf_free(&name);
}

static unsigned long
parse_num(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-') {
		warn("invalid %s: %s", what, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "count", required_argument, NULL, OPT_COUNT },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "dups", required_argument, NULL, OPT_DUPS },
		{ "out", required_argument, NULL, OPT_OUT },
		{ "stories", no_argument, NULL, OPT_STORIES },
		{ "events", required_argument, NULL, OPT_EVENTS },
		{ NULL, 0, NULL, 0 }
	};
	struct article *kept[KEEP] = { NULL };
	unsigned long count = 1000, size = 0, dups = 10, n, nkept = 0, percent = 50;
	unsigned long long total = 0;
	const char *out = NULL;
	struct buf text = BUF_INIT, truth = BUF_INIT, evtruth = BUF_INIT;
	struct slot *slots = NULL;
	int c, i, stories = 0;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	rng_state = 1;
	while ((c = opt_next(argc, argv, "h", longopts)) != -1) {
		switch (c) {
		case OPT_SEED: rng_state = parse_num(optarg, "seed"); break;
		case OPT_COUNT: count = parse_num(optarg, "count"); size = 0; break;
		case OPT_SIZE: size = parse_num(optarg, "size"); break;
		case OPT_DUPS: dups = parse_num(optarg, "percent"); break;
		case OPT_OUT: out = optarg; break;
		case OPT_STORIES: stories = 1; break;
		case OPT_EVENTS: percent = parse_num(optarg, "percent"); break;
		default:
			opt_bad(NULL);
		}
	}
	if (!out || optind != argc || dups > 100 || percent > 100)
		opt_bad(NULL);
	if (stories && size)
		opt_bad("--stories needs --count, not --size");
	buf_printf(&text, "%s/articles", out);
	if ((mkdir(out, 0777) != 0 && errno != EEXIST)
	    || (mkdir(text.s, 0777) != 0 && errno != EEXIST))
		die(1, "%s:", text.s);
	make_tables();
	if (stories) {
		slots = plan(count, percent);
		buf_adds(&evtruth, "id\tevent\n");
	}
	buf_adds(&truth, "id\tduplicate_of\tkind\tformat\n");
	for (n = 1; size ? total < (unsigned long long)size * 1000000 : n <= count; n++) {
		struct article *a;
		const char *kind = "original", *of = "";
		int f = (int)pick(NELEM(formats));

		buf_reset(&text);

		if (nkept && chance((int)dups)) {
			const struct article *o = kept[pick(nkept < KEEP ? nkept : KEEP)];
			int k = (int)pick(NELEM(dup_kinds));

			a = copy_article(o);
			of = o->id;
			kind = dup_kinds[k];
			mutate(a, k);
			if (k == 0)
				buf_add(&text, o->raw.s, o->raw.len);
		} else {
			a = emalloc(sizeof *a);
			if (slots)
				make_article(a, n, slots[n - 1].ev < 0 ? NULL : &events[slots[n - 1].ev],
				    slots[n - 1].day);
			else
				make_article(a, n, NULL, -1);
			snprintf(a->event, sizeof a->event, "%s",
			    a->ev ? a->ev->id : "");
		}
		if (!text.len) {
			/* The outlet decides the layout; a copy elsewhere may differ. */
			a->outlet = f + (int)NELEM(formats) * (int)pick(2);
			formats[f](&text, a);
		}
		f = a->outlet % (int)NELEM(formats);
		snprintf(a->id, sizeof a->id, "art%07lu", n);
		write_file(out, a->id, &text);
		total += text.len;
		buf_add(&a->raw, text.s, text.len);
		buf_printf(&truth, "%s\t%s\t%s\t%d\n", a->id, of, kind, f + 1);
		if (!a->event[0])	/* alone: its own event */
			snprintf(a->event, sizeof a->event, "%s", a->id);
		if (stories)
			buf_printf(&evtruth, "%s\t%s\n", a->id, a->event);
		if (strcmp(kind, "original") == 0) {
			if (kept[nkept % KEEP]) {
				free_article(kept[nkept % KEEP]);
				free(kept[nkept % KEEP]);
			}
			kept[nkept++ % KEEP] = a;
		} else {
			free_article(a);
			free(a);
		}
	}
	write_text(out, "truth.tsv", &truth);
	if (stories)
		write_text(out, "events.tsv", &evtruth);
	fprintf(stderr, "%s: %lu articles, %llu bytes in %s\n", progname, n - 1, total, out);
	for (i = 0; i < KEEP; i++)
		if (kept[i]) {
			free_article(kept[i]);
			free(kept[i]);
		}
	buf_free(&text);
	buf_free(&truth);
	buf_free(&evtruth);
	free(slots);
	free(events);
	return 0;
}
