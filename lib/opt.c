#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "opt.h"

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
	c = getopt_long(argc, argv, quiet.s, longopts, NULL);
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
