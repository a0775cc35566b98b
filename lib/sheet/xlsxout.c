/* The workbook: typed cells, the header's looks, the file's safe arrival. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "diag.h"
#include "mem.h"
#include "record.h"
#include "text.h"
#include "sheet/xlsxout.h"

/* Columns get as wide as their widest line, up to this many characters. */
#define WIDTH_MAX 60
/* Integers with more digits than Excel shows (15) are written as text,
 * so that no digit is lost. */
#define EXACT_MAX 999999999999999LL
/* Excel's longest sheet name. */
#define NAME_MAX_LEN 31

struct xlsxout_sheet {
	struct xlsxout *x;
	char *name;
	lxw_worksheet *ws;
	int part;		/* 1, then 2, 3... when rows overflow */
	lxw_row_t row;		/* the next row */
	size_t ncols;
	size_t *width;		/* widest cell per column, in characters */
	char **header;		/* the header's text, for the next part */
};

struct xlsxout {
	lxw_workbook *wb;
	char *path;		/* the file to make, or NULL for stdout */
	int fd;			/* stdout: the temporary file, read back */
	lxw_format *bold;
	lxw_format *date[4][2];	/* by precision, and UTC or not */
	struct xlsxout_sheet **sheets;
	size_t nsheets, capsheets;
	struct buf text;	/* a cell's text made for libxlsxwriter */
	unsigned long rows;
};

/* The temporary file, removed on exit or a signal unless it was renamed. */
static char *tmp_path;

static void
remove_tmp(void)
{
	if (tmp_path) {
		unlink(tmp_path);
		free(tmp_path);
		tmp_path = NULL;
	}
}

static void
on_signal(int sig)
{
	if (tmp_path)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Remove the temporary file on sig, unless sig was ignored when we
 * started (nohup, a background job): then it stays ignored. */
static void
catch(int sig)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_IGN)
		signal(sig, on_signal);
}

/* DIR/.NAME.XXXXXX beside path, or $TMPDIR/to-xlsx.XXXXXX for stdout. */
static char *
temp_template(const char *path)
{
	struct buf b = BUF_INIT;
	const char *slash, *dir = getenv("TMPDIR");

	if (!path) {
		buf_printf(&b, "%s/%s.XXXXXX", dir && *dir ? dir : "/tmp", progname);
	} else if ((slash = strrchr(path, '/'))) {
		buf_add(&b, path, (size_t)(slash - path + 1));
		buf_printf(&b, ".%s.XXXXXX", slash + 1);
	} else {
		buf_printf(&b, ".%s.XXXXXX", path);
	}
	return buf_take(&b);
}

static void
make_temp(struct xlsxout *x, const char *path)
{
	static int handlers;
	char *name = temp_template(path);
	mode_t mask;
	int fd;

	if ((fd = mkstemp(name)) < 0)
		die(1, "%s: cannot make the temporary file %s:", path ? path : "stdout", name);
	tmp_path = name;
	if (!handlers) {
		atexit(remove_tmp);
		catch(SIGINT);
		catch(SIGTERM);
		catch(SIGHUP);
		handlers = 1;
	}
	if (!path) {
		x->fd = fd;
		return;
	}
	/* mkstemp makes it 0600; the file should get what a new file gets. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0)
		die(1, "%s:", name);
}

struct xlsxout *
xlsxout_open(const char *path)
{
	struct xlsxout *x = ecalloc(1, sizeof *x);
	lxw_workbook_options o = { LXW_TRUE, NULL, LXW_FALSE };
	char *dir = getenv("TMPDIR");

	x->fd = -1;
	x->path = path ? estrdup(path) : NULL;
	make_temp(x, path);
	/* Constant memory: each sheet's rows go to a temporary file. */
	if (dir && *dir)
		o.tmpdir = dir;
	if (!(x->wb = workbook_new_opt(tmp_path, &o)) || !(x->bold = workbook_add_format(x->wb)))
		die(1, "out of memory");
	format_set_bold(x->bold);
	return x;
}

struct xlsxout_sheet *
xlsxout_sheet(struct xlsxout *x, const char *name)
{
	struct xlsxout_sheet *s = ecalloc(1, sizeof *s);

	s->x = x;
	s->name = estrdup(name);
	s->part = 1;
	if (!(s->ws = workbook_add_worksheet(x->wb, name)))
		die(1, "cannot add a sheet named '%s'", name);
	x->sheets = egrow(x->sheets, &x->capsheets, x->nsheets + 1, sizeof *x->sheets);
	x->sheets[x->nsheets++] = s;
	return s;
}

unsigned long
xlsxout_rows(const struct xlsxout *x)
{
	return x->rows;
}

static void
widen(struct xlsxout_sheet *s, size_t col, size_t w)
{
	if (col < s->ncols && w > s->width[col])
		s->width[col] = w;
}

static void
check(const struct xlsxout_sheet *s, lxw_error err)
{
	if (err != LXW_NO_ERROR)
		die(1, "sheet %s, row %lu: %s", s->name, (unsigned long)s->row + 1,
		    lxw_strerror(err));
}

/* The number format of a date cell, made when first needed. */
static lxw_format *
date_format(struct xlsxout *x, const struct sheet_date *d, size_t *width)
{
	static const char *const codes[] = {
		"yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm:ss",
		"yyyy-mm-dd hh:mm:ss.000"
	};
	static const size_t widths[] = { 10, 16, 19, 23 };
	lxw_format **f = &x->date[d->prec][d->utc];
	char code[64];

	*width = widths[d->prec] + (d->utc ? 4 : 0);
	if (*f)
		return *f;
	snprintf(code, sizeof code, "%s%s", codes[d->prec], d->utc ? " \"UTC\"" : "");
	if (!(*f = workbook_add_format(x->wb)))
		die(1, "out of memory");
	format_set_num_format(*f, code);
	return *f;
}

/* 1 if s[i..n) starts with _xHHHH_, which a reader takes for the
 * character U+HHHH (ECMA-376's escape in string cells). */
static int
escape_like(const char *s, size_t n, size_t i)
{
	size_t k;

	if (i + 7 > n || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_')
		return 0;
	for (k = i + 2; k < i + 6; k++)
		if (!s[k] || !strchr("0123456789ABCDEFabcdef", s[k]))
			return 0;
	return 1;
}

/* c's text, n bytes of it, as libxlsxwriter is to get it: NUL-ended,
 * and with every _xHHHH_ written _x005F_xHHHH_ so that it reads back as
 * itself.  libxlsxwriter counts the escapes toward the cell's limit, so
 * a cell full to the limit may lose a few more characters. */
static const char *
cell_text(struct xlsxout *x, const struct sheet_row *r, const struct sheet_cell *c, size_t n)
{
	size_t i, used = 0, kept = 0;
	int esc, lead, any = 0;

	for (i = 0; i < n && !any; i++)
		any = c->s[i] == '_' && escape_like(c->s, n, i);
	if (!any && n == c->n)
		return c->s;
	buf_reset(&x->text);
	for (i = 0; i < n; i++) {
		esc = any && c->s[i] == '_' && escape_like(c->s, n, i);
		lead = ((unsigned char)c->s[i] & 0xC0) != 0x80;
		if (lead && used + 1 + 6 * esc > SHEET_CELL_MAX) {
			if (r->header)
				warn("warning: a header cell was cut to %zu characters, its _x escapes counted", kept);
			else
				record_warn(r->src, "record %s: column %s cut to %zu characters, its _x escapes counted",
				    r->id ? r->id : "without id", c->col, kept);
			break;
		}
		if (esc)
			buf_adds(&x->text, "_x005F");
		buf_addc(&x->text, c->s[i]);
		used += (size_t)lead + 6 * (size_t)esc;
		/* Characters as Excel counts them: UTF-16 units. */
		kept += lead ? 1 + ((unsigned char)c->s[i] >= 0xF0) : 0;
	}
	return x->text.s ? x->text.s : "";
}

/* A text cell; returns the text as written, until the next cell. */
static const char *
string_cell(struct xlsxout_sheet *s, const struct sheet_row *r,
    const struct sheet_cell *c, size_t col, lxw_format *f)
{
	size_t n = sheet_fit(r, c, c->s, c->n, 0);
	const char *text = cell_text(s->x, r, c, n);

	widen(s, col, text_columns(c->s, n, WIDTH_MAX) + (r->header ? 3 : 0));
	check(s, worksheet_write_string(s->ws, s->row, (lxw_col_t)col, text, f));
	return text;
}

/* The date column: a date cell, or 0 when the value is none. */
static int
date_cell(struct xlsxout_sheet *s, const struct sheet_row *r,
    const struct sheet_cell *c, size_t col)
{
	struct sheet_date d;
	lxw_format *f;
	size_t w;

	if (c->type != SHEET_TEXT || !sheet_date(c->s, c->n, &d)) {
		record_warn(r->src, "record %s: %s '%.40s' is not an ISO 8601 date from 1900-03-01 to 9999-12-31: written as it is",
		    r->id ? r->id : "without id", c->col, c->s);
		return 0;
	}
	f = date_format(s->x, &d, &w);
	widen(s, col, w);
	check(s, worksheet_write_number(s->ws, s->row, (lxw_col_t)col, d.serial, f));
	return 1;
}

static void
write_cell(struct xlsxout_sheet *s, const struct sheet_row *r,
    const struct sheet_cell *c, size_t col)
{
	lxw_col_t k = (lxw_col_t)col;

	if (c->type == SHEET_EMPTY)
		return;
	if (r->header) {
		/* Kept for the sheets that continue this one. */
		s->header[col] = estrdup(string_cell(s, r, c, col, s->x->bold));
		return;
	}
	if (c->role == SHEET_DATE && date_cell(s, r, c, col))
		return;
	if (c->role == SHEET_DATE_TEXT || c->type == SHEET_TEXT
	    || (c->type == SHEET_INTEGER && (c->integer > EXACT_MAX || c->integer < -EXACT_MAX))) {
		string_cell(s, r, c, col, NULL);
		return;
	}
	widen(s, col, c->type == SHEET_BOOL ? 5 : c->n);
	if (c->type == SHEET_BOOL)
		check(s, worksheet_write_boolean(s->ws, s->row, k, c->num != 0, NULL));
	else
		check(s, worksheet_write_number(s->ws, s->row, k, c->num, NULL));
}

/* Widths, the frozen header and its autofilter, once the rows are in. */
static void
finish(struct xlsxout_sheet *s)
{
	size_t i, w;

	if (!s->ncols)
		return;
	for (i = 0; i < s->ncols; i++) {
		w = s->width[i] + 1 < WIDTH_MAX ? s->width[i] + 1 : WIDTH_MAX;
		check(s, worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, (double)w, NULL));
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	check(s, worksheet_autofilter(s->ws, 0, 0, s->row ? s->row - 1 : 0,
	    (lxw_col_t)(s->ncols - 1)));
}

/* The sheet is full: go on in "NAME 2" (3...), the header first. */
static void
next_part(struct xlsxout_sheet *s, const struct sheet_row *r)
{
	char name[NAME_MAX_LEN + 16];
	size_t i;
	int len;

	finish(s);
	s->part++;
	len = snprintf(name, sizeof name, " %d", s->part);
	snprintf(name, sizeof name, "%.*s %d", NAME_MAX_LEN - len, s->name, s->part);
	record_warn(r->src, "sheet %s is full (%d rows): the rows go on in sheet %s",
	    s->ws->name, LXW_ROW_MAX, name);
	if (!(s->ws = workbook_add_worksheet(s->x->wb, name)))
		die(1, "cannot add a sheet named '%s'", name);
	s->row = 0;
	for (i = 0; i < s->ncols; i++)
		if (s->header[i])
			check(s, worksheet_write_string(s->ws, 0, (lxw_col_t)i, s->header[i], s->x->bold));
	s->row = 1;
}

static void
start(struct xlsxout_sheet *s, const struct sheet_row *r)
{
	if (r->n > LXW_COL_MAX)
		die(1, "%zu columns: a sheet holds at most %d", r->n, LXW_COL_MAX);
	s->ncols = r->n;
	s->width = ecalloc(r->n ? r->n : 1, sizeof *s->width);
	s->header = ecalloc(r->n ? r->n : 1, sizeof *s->header);
}

void
xlsxout_row(const struct sheet_row *r, void *arg)
{
	struct xlsxout_sheet *s = arg;
	size_t i;

	if (r->header)
		start(s, r);
	else if (s->row >= LXW_ROW_MAX)
		next_part(s, r);
	for (i = 0; i < r->n; i++)
		write_cell(s, r, &r->cells[i], i);
	s->row++;
	if (!r->header)
		s->x->rows++;
}

/* The finished workbook to stdout. */
static int
copy_out(int fd)
{
	char buf[1 << 16];
	ssize_t got;

	if (lseek(fd, 0, SEEK_SET) != 0) {
		warn("%s:", tmp_path);
		return 1;
	}
	while ((got = read(fd, buf, sizeof buf)) > 0)
		record_out(buf, (size_t)got);
	if (got < 0) {
		warn("%s:", tmp_path);
		return 1;
	}
	return 0;
}

static void
free_sheet(struct xlsxout_sheet *s)
{
	size_t i;

	for (i = 0; i < s->ncols; i++)
		free(s->header[i]);
	free(s->header);
	free(s->width);
	free(s->name);
	free(s);
}

int
xlsxout_close(struct xlsxout *x)
{
	lxw_error err;
	size_t i;
	int status = 0;

	for (i = 0; i < x->nsheets; i++)
		finish(x->sheets[i]);
	errno = 0;
	if ((err = workbook_close(x->wb)) != LXW_NO_ERROR) {
		/* The library's message names no cause; errno may. */
		if (errno)
			warn("%s: %s:", x->path ? x->path : "stdout", lxw_strerror(err));
		else
			warn("%s: %s", x->path ? x->path : "stdout", lxw_strerror(err));
		status = 1;
	} else if (x->path && rename(tmp_path, x->path) != 0) {
		warn("%s:", x->path);
		status = 1;
	} else if (x->path) {
		free(tmp_path);
		tmp_path = NULL;
	} else {
		status = copy_out(x->fd);
	}
	if (x->fd >= 0)
		close(x->fd);
	remove_tmp();
	for (i = 0; i < x->nsheets; i++)
		free_sheet(x->sheets[i]);
	free(x->sheets);
	buf_free(&x->text);
	free(x->path);
	free(x);
	return status;
}
