/* splice: the record reader of a filter that reads a few fields and
 * owns a few (writes them): lib/scan.h checks each line as jansson
 * would and decodes only those fields; the line is written back as it
 * came, its owned fields replaced in place or appended after the
 * others, as docs/record.md says.
 *
 * A filter calls splice_use() before record_each(); its callback then
 * gets an object holding only the fields named that the record has, in
 * the record's order.  What it sets, changes or deletes among the owned
 * fields is written (by lib/jsonout, as every owned field); the other
 * fields are written as they were read, white space outside strings
 * dropped, their numbers and escapes as written.  A field it sets that
 * is not owned is a bug of the filter (it dies saying so). */
#ifndef SPLICE_H
#define SPLICE_H

#include "buf.h"
#include "record.h"
#include "scan.h"

/* Read (decode) the fields in read and own those in owned (NULL-ended
 * lists, kept by the caller); owned fields the record has are decoded
 * too. */
void splice_use(const char *const *read, const char *const *owned);
/* Of the owned fields, those in list (NULL-ended) are set by the filter
 * as strings holding their value's JSON text, compact, made by
 * lib/jsonout (what it writes of many small values without building
 * them in jansson); such a string is written as the text it holds. */
void splice_raw(const char *const *list);
/* Those fields of rec, a whole record to be written by record_write(),
 * made values again. */
void splice_whole(json_t *rec);
/* 1 after splice_use(). */
int splice_on(void);
/* What record_each() does with one line once splice_use() was called:
 * scan it, call fn on the fields, write what it keeps.  A line the
 * scanner refuses goes to record_parse(), which reports why. */
void splice_line(const struct record_src *src, record_fn *fn, void *arg);
/* The fields wanted of the line src as an object (what splice_line
 * gives its callback), scanned with sc (which the splice_write of it
 * needs); NULL when the scanner refuses the line: record_parse() then
 * says why or, should jansson read it after all, gives the whole
 * record, to be written by record_write().  Any thread may call it
 * with its own sc. */
json_t *splice_read(struct scan *sc, const struct record_src *src);
/* The line sc scanned, with rec's owned fields spliced in, onto b as
 * one compact JSON object (no newline). */
void splice_write(struct buf *b, const struct scan *sc, const json_t *rec);
/* In splice_line's callback: the field key of the record handled, a new
 * reference (NULL if it has none): from rec when rec holds it (a field
 * read or owned, or rec is the whole record), else decoded from the
 * line now, for a field the filter reads only sometimes. */
json_t *splice_member(const json_t *rec, const char *key);
/* In splice_line's callback: onto b, the line handled as splice_line
 * would write it with rec's owned fields (rec whole, if it is the whole
 * record), for a filter that writes it later itself. */
void splice_current(struct buf *b, const json_t *rec);
/* Free what splice_use() and the lines held. */
void splice_free(void);

#endif
