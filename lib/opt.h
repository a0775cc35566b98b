/* opt: command-line options the same way in every program: getopt_long
 * with the program's own messages, --help and --version, and checked
 * option values.  Bad usage of any kind prints "PROG: what is wrong",
 * the usage line and a pointer to --help on stderr, and exits 2. */
#ifndef OPT_H
#define OPT_H

#include <getopt.h>
#include <stddef.h>

/* The program's synopsis (after its name) and help text; set once,
 * before opt_next.  The help should end with an example. */
void opt_usage(const char *synopsis, const char *help);
/* getopt_long that handles -h/--help (help on stdout, exit 0; exit 1 if
 * it cannot be written) and -V/--version itself, and makes an unknown
 * option or a missing value bad usage.  longopts must map "help" to 'h'
 * and "version" to 'V'; shortopts must not start with ':'.  The record
 * options (record_options in record.h) are taken too, for
 * record_option(), whether longopts lists them or not. */
int opt_next(int argc, char **argv, const char *shortopts,
    const struct option *longopts);
/* Bad usage: fmt (NULL for none) is the message. */
_Noreturn void opt_bad(const char *fmt, ...);
/* The value of option opt as a whole number from min to max. */
long long opt_int(const char *opt, const char *arg, long long min, long long max);
/* The value of option opt as a number T with 0 < T <= 1. */
double opt_fraction(const char *opt, const char *arg);
/* The value of option opt as a number of bytes: digits, then K, M or G
 * for 2^10, 2^20 or 2^30 of them. */
size_t opt_bytes(const char *opt, const char *arg);

#endif
