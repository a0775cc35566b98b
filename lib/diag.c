#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

const char *progname = "newspipe";

void
diag_init(const char *argv0)
{
	const char *slash;

	if (!argv0 || !*argv0)
		return;
	slash = strrchr(argv0, '/');
	progname = slash ? slash + 1 : argv0;
}

/* The buffer this thread's messages are held in (diag_hold), or NULL. */
static _Thread_local struct buf *held;

void
diag_hold(struct buf *b)
{
	held = b;
}

void
diag_vprintf(const char *fmt, va_list ap)
{
	if (held)
		buf_vprintf(held, fmt, ap);
	else
		vfprintf(stderr, fmt, ap);
}

void
diag_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
}

/* A fatal message is never held (the program ends): what this thread
 * held goes out first, then the message, without allocating. */
static void
vwarn(const char *fmt, va_list ap, int fatal)
{
	int saved = errno;
	size_t n = strlen(fmt);

	if (fatal && held) {
		if (held->len)
			fwrite(held->s, 1, held->len, stderr);
		held = NULL;
	}
	diag_printf("%s: ", progname);
	diag_vprintf(fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		diag_printf(" %s", strerror(saved));
	diag_printf("\n");
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 0);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 1);
	va_end(ap);
	exit(status);
}

void
diag_version(void)
{
	printf("%s (newspipe) %s\n", progname, VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(1, "write error:");
	exit(0);
}
