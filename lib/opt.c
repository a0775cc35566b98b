#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "opt.h"
#include "record.h"

static const char *usage_synopsis = "[options]", *usage_help = "";

void
opt_usage(const char *synopsis, const char *help)
{
	usage_synopsis = synopsis;
	usage_help = help;
}

static _Noreturn void
help(void)
{
	printf("usage: %s %s\n%s", progname, usage_synopsis, usage_help);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(1, "write error:");
	exit(0);
}

void
opt_bad(const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", progname);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "usage: %s %s\nTry '%s --help' for more information.\n",
	    progname, usage_synopsis, progname);
	exit(2);
}

/* What getopt_long refused in arg: "--mark=1" gives a value to an
 * option that takes none; anything else is unknown. */
static _Noreturn void
bad_option(const char *arg)
{
	if (strncmp(arg, "--", 2) == 0 && strchr(arg, '='))
		opt_bad("option '%.*s' takes no value, or is unknown",
		    (int)(strchr(arg, '=') - arg), arg);
	if (strncmp(arg, "--", 2) == 0 || optopt == 0)
		opt_bad("unknown option '%s'", arg);
	opt_bad("unknown option '-%c'", optopt);
}

static int
listed(const struct option *o, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(o[i].name, name) == 0)
			return 1;
	return 0;
}

/* longopts and, after them, the record options (record.h) that it does
 * not list: every program takes those, new ones too. */
static const struct option *
with_record_options(const struct option *longopts)
{
	static const struct option *from;
	static struct option *all;
	size_t n = 0, k, i;

	if (all && from == longopts)
		return all;
	while (longopts && longopts[n].name)
		n++;
	for (k = 0; record_options[k].name; k++)
		;
	free(all);
	all = ecalloc(n + k + 1, sizeof *all);
	if (n)
		memcpy(all, longopts, n * sizeof *all);
	for (i = 0; i < k; i++)
		if (!listed(all, n, record_options[i].name))
			all[n++] = record_options[i];
	from = longopts;
	return all;
}

int
opt_next(int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	static struct buf quiet;	/* ":" + shortopts: getopt says nothing */
	int c;

	if (!quiet.len || strcmp(quiet.s + 1, shortopts) != 0) {
		buf_reset(&quiet);
		buf_addc(&quiet, ':');
		buf_adds(&quiet, shortopts);
	}
	c = getopt_long(argc, argv, quiet.s, with_record_options(longopts), NULL);
	switch (c) {
	case 'h':
		help();
	case 'V':
		diag_version();
	case ':':
		opt_bad("option '%s' needs a value", argv[optind - 1]);
	case '?':
		bad_option(argv[optind - 1]);
	}
	return c;
}

long long
opt_int(const char *opt, const char *arg, long long min, long long max)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (end == arg || *end || errno || n < min || n > max)
		opt_bad("bad %s '%s': want a whole number, %lld to %lld", opt, arg,
		    min, max);
	return n;
}

double
opt_fraction(const char *opt, const char *arg)
{
	char *end;
	double t;

	errno = 0;
	t = strtod(arg, &end);
	if (end == arg || *end || errno || !(t > 0 && t <= 1))
		opt_bad("bad %s '%s': want a number, 0 < T <= 1", opt, arg);
	return t;
}

size_t
opt_bytes(const char *opt, const char *arg)
{
	char *end;
	unsigned long long n;
	int shift = 0;

	errno = 0;
	n = strtoull(arg, &end, 10);
	if (end != arg && *arg != '-' && !errno) {
		switch (*end) {
		case 'K': case 'k': shift = 10; end++; break;
		case 'M': case 'm': shift = 20; end++; break;
		case 'G': case 'g': shift = 30; end++; break;
		}
		if (!*end && n <= (SIZE_MAX >> shift))
			return (size_t)n << shift;
	}
	opt_bad("bad %s '%s': want a whole number of bytes, with K, M or G for 2^10, 2^20, 2^30",
	    opt, arg);
}
