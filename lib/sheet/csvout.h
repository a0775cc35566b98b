/* csvout: CSV rows built in memory, fields quoted by libcsv's writer.
 *
 * A field is quoted (libcsv's csv_write2: surrounding quotes, inner
 * quotes doubled, RFC 4180) only when it has to be: when it holds the
 * delimiter, a double quote, CR or LF, or begins or ends with a space or
 * TAB (which some readers trim).  A row of one empty field is written as
 * "" so that it is not a blank line, which readers skip. */
#ifndef CSVOUT_H
#define CSVOUT_H

#include <stddef.h>

#include "buf.h"

struct csvout {
	struct buf row;		/* the row being built, then the finished row */
	struct buf tmp;		/* prefix and field joined, for quoting */
	unsigned char delim;
	const char *eol;	/* "\r\n" or "\n" */
	size_t nfields;		/* fields in the row; 0 after csvout_end */
};

/* Where a row stands, to build several rows that share their first fields. */
struct csvout_pos {
	size_t len, nfields;
};

void csvout_init(struct csvout *o, unsigned char delim, int crlf);
void csvout_free(struct csvout *o);
/* Add one field: pre (NULL for none) followed by s[0..n). */
void csvout_field(struct csvout *o, const char *pre, const char *s, size_t n);
/* End the row with the line end; it is o->row.s, o->row.len bytes long
 * until the next csvout_field starts a new row. */
void csvout_end(struct csvout *o);
struct csvout_pos csvout_tell(const struct csvout *o);
/* Go back to pos, in this row or the one just ended. */
void csvout_seek(struct csvout *o, struct csvout_pos pos);
/* 1 if s[0..n) is a plain decimal number: an optional sign, digits with
 * at most one decimal point (at least one digit in all), and an optional
 * exponent (e or E, optional sign, digits).  "-12.5", "+3", "1e5", ".5",
 * "5." are; "-", "1,5", " 1", "0x1F", "inf", "1e" are not. */
int csvout_is_number(const char *s, size_t n);

#endif
