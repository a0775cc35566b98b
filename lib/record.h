/* record: the NDJSON contract every filter shares.
 *
 * A filter parses its options, then calls record_each() with a callback
 * that changes each record in place; record_each() reads the operands
 * (or stdin), reports and skips lines that are not JSON objects, and
 * writes what the callback keeps.  main() returns record_done(status). */
#ifndef RECORD_H
#define RECORD_H

#include <getopt.h>
#include <stdio.h>
#include <stddef.h>
#include <jansson.h>

#include "buf.h"

/* Where a record came from, for messages. */
struct record_src {
	const char *file;	/* "<stdin>" for standard input */
	unsigned long line;	/* 1-based; 0 when the record is a whole file */
	const char *raw;	/* the input as read, without its newline */
	size_t len;
};

enum record_verdict {
	RECORD_WRITE,		/* write the (possibly changed) record */
	RECORD_SKIP,		/* drop it on purpose (e.g. a duplicate) */
	RECORD_REJECT		/* the callback called record_reject() */
};

typedef enum record_verdict record_fn(json_t *rec, const struct record_src *src,
    void *arg);

/* Long options every filter takes; programs number their own from
 * OPT_FIRST_OWN.  "--strict", "--rejects FILE", "--reject-log FILE",
 * "--max-bytes N" and "--rejects-ok" (rejected input alone does not make
 * the exit status 1); opt_next() adds them to every program's own. */
enum {
	OPT_STRICT = 256, OPT_REJECTS, OPT_REJECT_LOG, OPT_MAX_BYTES, OPT_REJECTS_OK,
	OPT_FIRST_OWN
};
extern const struct option record_options[];
/* The help lines of the record options after --strict and --rejects,
 * for every program's --help. */
#define RECORD_HELP \
    "  --reject-log FILE   append a JSON line for each rejected input to\n" \
    "                      FILE: program, file, line, reason, input\n" \
    "  --max-bytes N       reject input (a line, an article) over N bytes;\n" \
    "                      K, M, G for 2^10, 2^20, 2^30; 0: no limit\n" \
    "                      (default 64M)\n" \
    "  --rejects-ok        exit 0 if rejected input was all that went wrong\n"
/* The limit on one record or article without --max-bytes: 64 MiB. */
#define RECORD_MAX_BYTES (64UL << 20)

/* Handle a shared option; returns 1 if it was one. */
int record_option(int opt, const char *arg);
/* Run fn over every record of the files in argv[0..argc-1] ("-" or none:
 * stdin).  Returns 0, or 1 if a file could not be read (rejected lines
 * count in record_done). */
int record_each(int argc, char **argv, record_fn *fn, void *arg);
/* What record_each() does before it parses: call fn on every line of
 * the files that is not blank (its newline cut), with its place in
 * src.  Returns 0, or 1 if a file could not be read (said on stderr).
 * A line over --max-bytes is rejected and counted here, not given to
 * fn; the caller counts each other record (record_count_one). */
typedef void record_line_fn(const struct record_src *src, void *arg);
int record_lines(int argc, char **argv, record_line_fn *fn, void *arg);

/* The messages and rejects of records handled in a worker thread, held
 * to be given out in input order (lib/parallel.h).  Between
 * record_log_begin and record_log_end, this thread's messages (warn,
 * record_warn, record_reject) go to log->msg and its rejected lines to
 * log->rej, counted in log->nrej; --strict does not stop there.
 * record_log_flush writes them out as they would have been, counts the
 * rejects, then stops the program if --strict and there was one. */
struct record_log {
	struct buf msg, rej, logged;	/* logged: --reject-log's lines */
	unsigned long nrej, nread;	/* nread: lines the reader rejected
					 * by their size */
};
void record_log_begin(struct record_log *log);
void record_log_end(void);
void record_log_flush(struct record_log *log);
void record_log_free(struct record_log *log);

/* Parse one line (src->raw, src->len, no newline) into a record: the
 * object, or NULL after record_reject() says why it is none.  This is
 * what record_each() does per line, without I/O, for fuzzing. */
json_t *record_parse(const struct record_src *src);
/* Write rec as one compact JSON line.  A closed pipe ends the program
 * quietly with status 0; any other write error ends it with status 1. */
void record_write(const json_t *rec);
/* Write raw bytes to the output (for filters whose output is not JSON). */
void record_out(const char *buf, size_t len);
/* Read all of fp, named name in messages (a file is a record of its
 * own, as split-header reads them), into b.  Returns 0; 1 after a read
 * error, reported; -1 when it is over --max-bytes, then rejected and
 * counted as a record read (b is left empty: it is not kept). */
int record_read_all(FILE *fp, const char *name, struct buf *b);
/* Report src as rejected: "PROG: FILE:LINE: message", copy its raw bytes
 * to the --rejects file, add a line to the --reject-log file, and count
 * it.  With --strict, exits 1. */
void record_reject(const struct record_src *src, const char *fmt, ...);
/* A warning about a record that is still written: "PROG: FILE:LINE: ...". */
void record_warn(const struct record_src *src, const char *fmt, ...);
/* Counters, for summaries. */
unsigned long record_count_read(void);
/* Count one record read by a program that reads no NDJSON (split-header
 * reading whole files), so that the reject summary has its total. */
void record_count_one(void);
unsigned long record_count_rejected(void);
/* Print the reject summary, flush and close stdout; returns the final
 * exit status: status, or 1 on a write error or (without --rejects-ok)
 * rejected input. */
int record_done(int status);

/* Field access.  record_str() is NULL unless key holds a string;
 * record_strn() also gives its length in bytes (0 when it is NULL). */
const char *record_str(const json_t *rec, const char *key);
const char *record_strn(const json_t *rec, const char *key, size_t *len);
/* Set key to a string (copied), or to null when val is NULL. */
void record_set_str(json_t *rec, const char *key, const char *val);
void record_set_strn(json_t *rec, const char *key, const char *val, size_t n);
void record_set(json_t *rec, const char *key, json_t *val);

#endif
