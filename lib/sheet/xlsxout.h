/* xlsxout: a table's rows as an .xlsx workbook, written by libxlsxwriter
 * in its constant-memory mode (one row in memory per sheet).
 *
 * Cells take their type from the field: text is a string cell (never a
 * formula, whatever it starts with), an integer or real a number, a
 * boolean a boolean, the "date" column (SHEET_DATE) a date or date-time
 * cell with a number format (UTC when the value had a zone).  The
 * header is bold, frozen and has an autofilter; column widths follow the
 * content, capped.  A sheet that reaches Excel's 1,048,576 rows goes on
 * in a sheet "NAME 2", with the header again and a warning.
 *
 * libxlsxwriter writes the zip when the workbook is closed, into a file
 * by name: with a path, a temporary file beside it that is renamed over
 * it on success; without one, a temporary file copied to stdout.  A
 * failure or a signal never leaves a half file. */
#ifndef XLSXOUT_H
#define XLSXOUT_H

#include "sheet/sheet.h"

struct xlsxout;
struct xlsxout_sheet;

/* A workbook for path, or for stdout when path is NULL.  Dies with
 * status 1 if its temporary file cannot be made. */
struct xlsxout *xlsxout_open(const char *path);
/* Add a sheet; its rows come through xlsxout_row. */
struct xlsxout_sheet *xlsxout_sheet(struct xlsxout *x, const char *name);
/* A sheet_row_fn: arg is the struct xlsxout_sheet. */
void xlsxout_row(const struct sheet_row *r, void *arg);
/* Data rows written so far, in every sheet. */
unsigned long xlsxout_rows(const struct xlsxout *x);
/* Write the workbook out and free x.  Returns 0, or 1 after a message. */
int xlsxout_close(struct xlsxout *x);

#endif
