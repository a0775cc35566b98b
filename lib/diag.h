/* diag: messages on stderr, always prefixed with the program's name. */
#ifndef DIAG_H
#define DIAG_H

#include <stdarg.h>

struct buf;

extern const char *progname;

/* Set the name used as prefix: the last component of argv[0]. */
void diag_init(const char *argv0);
/* "PROG: message"; a format ending in ':' appends strerror(errno). */
void warn(const char *fmt, ...);
/* warn, then exit with status. */
_Noreturn void die(int status, const char *fmt, ...);
/* Hold this thread's messages in b instead of writing them (NULL:
 * write them again), so that a worker thread's messages can be given
 * out later in input order (lib/parallel.h); die() never holds.  Each
 * thread starts writing. */
void diag_hold(struct buf *b);
/* Part of a message: onto this thread's held buffer, or stderr. */
void diag_printf(const char *fmt, ...);
void diag_vprintf(const char *fmt, va_list ap);
/* Print "PROG VERSION" on stdout and exit 0 (for --version). */
_Noreturn void diag_version(void);

#endif
