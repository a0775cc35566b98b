/* normalize-date: one publication date per article, and every date
 * expression in its title and body, in ISO 8601 / TIMEX3 form. */
#include <ctype.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "date/date.h"
#include "diag.h"
#include "filter.h"
#include "lang/lang.h"
#include "opt.h"
#include "record.h"
#include "splice.h"
#include "text.h"
#include "date/timex.h"

static const char synopsis[] =
    "[--dmy] [--tz-china] [--ref DATE] [--strict] [--rejects FILE] [FILE...]";
static const char help[] =
    "Give each NDJSON article record a publication date (date, date_source)\n"
    "and list the date expressions of its title and body (dates).\n"
    "\n"
    "  --dmy           read 9/2/2025 as 9 February (default: by the record's\n"
    "                  language, day first in all but US English; with none,\n"
    "                  by the body's language)\n"
    "  --tz-china      read the zone CST as China (+08:00), not US Central\n"
    "  --ref DATE      reference date (YYYY-MM-DD) for articles without one\n"
    "  --strict        stop at the first line that is not a JSON object\n"
    "  --rejects FILE  append rejected lines to FILE\n"
    RECORD_HELP
    "  -h, --help      show this help\n"
    "  -V, --version   show the version\n"
    "\n"
    "Sources, most trusted first: date_raw (header), published_raw\n"
    "(published), dateline_date (dateline, year from the others or --ref),\n"
    "a date in the url path (url); otherwise date is null (none).  A web\n"
    "page's last update, date_modified_raw, gives date_modified in that form.\n"
    "\n"
    "Example:\n"
    "  split-header seeds/ | normalize-date | to-csv\n";

enum { OPT_DMY = OPT_FIRST_OWN, OPT_TZ_CHINA, OPT_REF };

static struct state {
	int dflags;		/* DATE_DMY, DATE_TZ_CHINA: the record's */
	int tflags;		/* TIMEX_DMY: the record's */
	int opt_dflags;		/* as the options say */
	int opt_tflags;
	int have_ref;
	struct date ref;	/* --ref */
	struct timex_list found;
} st;

/* The fields it reads and those it writes: the rest of each record is
 * passed through as it came (lib/splice.h). */
static const char *const reads[] = {
	"id", "title", "body", "date_raw", "published_raw", "dateline_date", "url",
	"language", "date_modified_raw", NULL
};
static const char *const owns[] = { "date", "date_source", "date_modified", "dates", NULL };

static void
setup(void)
{
	splice_use(reads, owns);
	st.dflags = st.opt_dflags = 0;
	st.tflags = st.opt_tflags = 0;
	st.have_ref = 0;
	memset(&st.ref, 0, sizeof st.ref);
}

static void
teardown(void *arg)
{
	(void)arg;
	timex_list_free(&st.found);
	splice_free();
}

static const char *
article_id(const json_t *rec)
{
	const char *id = record_str(rec, "id");

	return id ? id : "(no id)";
}

/* Parse a full date from field key; warn when it is there but wrong.
 * A partial date (a year alone) leaves its year in *year. */
static int
full_date(json_t *rec, const struct record_src *src, const char *key,
    struct date *d, int *year)
{
	size_t n;
	const char *s = record_strn(rec, key, &n);

	if (!s || !n)
		return 0;
	switch (date_parse(s, n, st.dflags, d)) {
	case DATE_OK:
		if (d->prec >= DATE_DAY)
			return 1;
		if (!*year)
			*year = d->year;
		return 0;
	case DATE_IMPOSSIBLE:
		record_warn(src, "%s: impossible date in %s: \"%s\"", article_id(rec), key, s);
		return 0;
	case DATE_AMBIGUOUS:
		record_warn(src, "%s: ambiguous date in %s: \"%s\"", article_id(rec), key, s);
		return 0;
	case DATE_UNKNOWN:
		break;
	}
	record_warn(src, "%s: unreadable date in %s: \"%s\"", article_id(rec), key, s);
	return 0;
}

/* The dateline gives a month and day; its year comes from year (another
 * source) or the one that puts it nearest --ref. */
static int
dateline(json_t *rec, const struct record_src *src, struct date *d, int year)
{
	size_t n;
	const char *s = record_strn(rec, "dateline_date", &n);
	long r, best = -1, dist;
	int y;

	if (!s || !n)
		return 0;
	if (date_parse(s, n, st.dflags, d) == DATE_OK && d->prec >= DATE_DAY)
		return 1;
	switch (date_parse_month_day(s, n, d)) {
	case DATE_OK:
		break;
	case DATE_IMPOSSIBLE:
		record_warn(src, "%s: impossible date in dateline_date: \"%s\"", article_id(rec), s);
		return 0;
	default:
		return 0;
	}
	if (year) {
		d->year = year;
	} else if (st.have_ref) {
		r = date_to_days(st.ref.year, st.ref.month, st.ref.day);
		for (y = st.ref.year - 1; y <= st.ref.year + 1; y++) {
			if (!date_valid(y, d->month, d->day))
				continue;
			dist = labs(date_to_days(y, d->month, d->day) - r);
			if (best < 0 || dist < best)
				best = dist, d->year = y;
		}
	} else
		return 0;
	if (date_valid(d->year, d->month, d->day))
		return 1;
	record_warn(src, "%s: impossible date in dateline_date: \"%s\" in %d",
	    article_id(rec), s, d->year);
	return 0;
}

/* A record that names no language: whether its body is in one that
 * puts the day first (lib/lang, by function words; English puts the
 * month first, as a language tag "en" does, unless it is spelled the
 * British way: "colour", "centre", "organise"). */
static int
body_day_first(const json_t *rec)
{
	size_t n;
	const char *s = record_strn(rec, "body", &n), *l;

	return s && (l = lang_guess(s, n)) && (strcmp(l, "en") != 0 || lang_british(s, n));
}

/* A numeric date of field key that reads both ways (03/11/2021: the
 * other order gives another day; a date with dots is day first either
 * way) in the order the record's URL dates it (/2021/11/03/), the
 * site's own; else, when the record names no language, in its body's.
 * The record's other dates are then read in that order too; --dmy
 * still rules. */
static void
settle_order(json_t *rec, const char *key, struct date *d)
{
	struct date u, o;
	size_t n, ulen;
	const char *s = record_strn(rec, key, &n), *url = record_strn(rec, "url", &ulen);
	int flip, dmy = st.dflags & DATE_DMY;

	if (st.opt_dflags & DATE_DMY || date_parse(s, n, st.dflags ^ DATE_DMY, &o) != DATE_OK
	    || o.prec < DATE_DAY || (o.month == d->month && o.day == d->day))
		return;
	if (url && date_from_url(url, ulen, &u) == DATE_OK
	    && ((o.year == u.year && o.month == u.month && o.day == u.day)
	    || (d->year == u.year && d->month == u.month && d->day == u.day)))
		flip = o.month == u.month && o.day == u.day;
	else
		flip = !record_str(rec, "language") && !dmy && body_day_first(rec);
	if (flip) {
		*d = o;
		st.dflags ^= DATE_DMY;
		st.tflags ^= TIMEX_DMY;
	}
}

static const char *
pub_date(json_t *rec, const struct record_src *src, struct date *d)
{
	struct date u;
	const char *url;
	size_t ulen;
	int year = 0;

	if (full_date(rec, src, "date_raw", d, &year)) {
		settle_order(rec, "date_raw", d);
		return "header";
	}
	if (full_date(rec, src, "published_raw", d, &year)) {
		settle_order(rec, "published_raw", d);
		return "published";
	}
	url = record_strn(rec, "url", &ulen);
	if (!year && url && date_from_url(url, ulen, &u) == DATE_OK)
		year = u.year;
	if (dateline(rec, src, d, year))
		return "dateline";
	if (url && date_from_url(url, ulen, d) == DATE_OK)
		return "url";
	return NULL;
}

/* date_modified: a web page's last update (date_modified_raw) in the
 * form of date, read in the order the publication date was; null when
 * it has none or none that is a full date. */
static void
modified(json_t *rec, const struct record_src *src)
{
	struct date d;
	char iso[64];
	int year = 0;

	if (full_date(rec, src, "date_modified_raw", &d, &year)) {
		date_format(&d, iso, sizeof iso);
		record_set_str(rec, "date_modified", iso);
	} else
		record_set_str(rec, "date_modified", NULL);
}

/* Append the expressions of field key to arr, offsets in code points. */
static void
add_dates(json_t *arr, const json_t *rec, const char *key, const struct date *ref)
{
	size_t n, i, pos = 0, cp = 0, cs, ce;
	const char *s = record_strn(rec, key, &n);
	json_t *o;

	if (!s)
		return;
	st.found.n = 0;
	timex_find(s, n, ref, st.tflags, &st.found);
	for (i = 0; i < st.found.n; i++) {
		const struct timex *x = &st.found.v[i];

		cs = cp + text_cplen(s + pos, x->start - pos);
		ce = cs + text_cplen(s + x->start, x->end - x->start);
		pos = x->end, cp = ce;
		o = json_object();
		record_set(o, "text", json_stringn(s + x->start, x->end - x->start));
		record_set(o, "start", json_integer((json_int_t)cs));
		record_set(o, "end", json_integer((json_int_t)ce));
		record_set_str(o, "value", x->value[0] ? x->value : NULL);
		if (!strcmp(key, "title"))
			record_set_str(o, "field", "title");
		if (json_array_append_new(arr, o) != 0)
			die(1, "cannot add to field dates");
	}
}

/* A language tag (BCP 47 "en-GB", or "en_GB") whose numeric dates put
 * the day first: every language but English of the United States, the
 * Philippines and Canada, and English of no country, which US sites
 * write most.  Anything else in the field ("English") says nothing. */
static int
day_first(const char *l, size_t n)
{
	static const char *const month_first[] = { "us", "ph", "ca", NULL };
	size_t i;

	if (n < 2 || !isalpha((unsigned char)l[0]) || !isalpha((unsigned char)l[1])
	    || (n > 2 && l[2] != '-' && l[2] != '_'))
		return 0;
	if (tolower((unsigned char)l[0]) != 'e' || tolower((unsigned char)l[1]) != 'n')
		return 1;
	if (n < 5)
		return 0;
	for (i = 0; month_first[i]; i++)
		if (tolower((unsigned char)l[3]) == month_first[i][0]
		    && tolower((unsigned char)l[4]) == month_first[i][1]
		    && (n == 5 || !isalpha((unsigned char)l[5])))
			return 0;
	return 1;
}

/* The order of numbers in this record's dates: --dmy, else its
 * language's, else month first (settle_order may turn it). */
static void
date_order(const json_t *rec)
{
	size_t n;
	const char *l = record_strn(rec, "language", &n);
	int dmy = l && day_first(l, n);

	st.dflags = st.opt_dflags;
	st.tflags = st.opt_tflags;
	if (dmy && !(st.opt_dflags & DATE_DMY)) {
		st.dflags |= DATE_DMY;
		st.tflags |= TIMEX_DMY;
	}
}

static enum record_verdict
each(json_t *rec, const struct record_src *src, void *arg)
{
	struct date d, day;
	const struct date *ref = NULL;
	const char *from;
	char iso[64];
	json_t *arr;

	(void)arg;
	date_order(rec);
	if ((from = pub_date(rec, src, &d))) {
		date_format(&d, iso, sizeof iso);
		record_set_str(rec, "date", iso);
		day = d;
		day.prec = DATE_DAY;
		ref = &day;
	} else {
		record_set_str(rec, "date", NULL);
		from = "none";
		if (st.have_ref)
			ref = &st.ref;
	}
	record_set_str(rec, "date_source", from);
	modified(rec, src);
	arr = json_array();
	if (!arr)
		die(1, "out of memory");
	add_dates(arr, rec, "title", ref);
	add_dates(arr, rec, "body", ref);
	record_set(rec, "dates", arr);
	return RECORD_WRITE;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ "dmy", no_argument, NULL, OPT_DMY },
		{ "tz-china", no_argument, NULL, OPT_TZ_CHINA },
		{ "ref", required_argument, NULL, OPT_REF },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	diag_init(argv[0]);
	opt_usage(synopsis, help);
	setup();
	while ((c = opt_next(argc, argv, "hV", longopts)) != -1) {
		switch (c) {
		case OPT_DMY:
			st.opt_dflags |= DATE_DMY;
			st.opt_tflags |= TIMEX_DMY;
			break;
		case OPT_TZ_CHINA:
			st.opt_dflags |= DATE_TZ_CHINA;
			break;
		case OPT_REF:
			if (date_parse(optarg, strlen(optarg), 0, &st.ref) != DATE_OK
			    || st.ref.prec < DATE_DAY)
				opt_bad("bad --ref '%s': want a calendar date, such as 2025-09-02", optarg);
			st.ref.prec = DATE_DAY;
			st.have_ref = 1;
			break;
		default:
			if (!record_option(c, optarg))
				opt_bad(NULL);
		}
	}
	c = record_each(argc - optind, argv + optind, each, NULL);
	teardown(NULL);
	return record_done(c);
}

/* For the fuzz target (lib/filter.h). */
static void *
filter_setup(void)
{
	setup();
	return NULL;
}

const struct filter filter = { "normalize-date", filter_setup, each, NULL,
    teardown };
