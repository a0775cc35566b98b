/* diag: messages on stderr, always prefixed with the program's name. */
#ifndef DIAG_H
#define DIAG_H

extern const char *progname;

/* Set the name used as prefix: the last component of argv[0]. */
void diag_init(const char *argv0);
/* "PROG: message"; a format ending in ':' appends strerror(errno). */
void warn(const char *fmt, ...);
/* warn, then exit with status. */
_Noreturn void die(int status, const char *fmt, ...);
/* Print "PROG VERSION" on stdout and exit 0 (for --version). */
_Noreturn void diag_version(void);

#endif
