#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "jsonout.h"
#include "record.h"
#include "splice.h"

static int strict;
static FILE *rejects;
static const char *rejects_path;
static unsigned long nread, nrejected;
static int outbuf_set;

int
record_option(int opt, const char *arg)
{
	switch (opt) {
	case OPT_STRICT:
		strict = 1;
		return 1;
	case OPT_REJECTS:
		if (rejects)
			fclose(rejects);
		rejects = fopen(arg, "a");
		if (!rejects)
			die(1, "%s:", arg);
		rejects_path = arg;
		return 1;
	}
	return 0;
}

static void
out_init(void)
{
	if (outbuf_set)
		return;
	/* A closed pipe must show up as EPIPE, not kill us: `| head` is fine. */
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	outbuf_set = 1;
}

static _Noreturn void
out_failed(void)
{
	if (errno == EPIPE)
		exit(record_done(0));
	die(1, "write error:");
}

void
record_out(const char *buf, size_t len)
{
	out_init();
	if (len && fwrite(buf, 1, len, stdout) != len)
		out_failed();
}

void
record_write(const json_t *rec)
{
	static struct buf line = BUF_INIT;

	buf_reset(&line);
	jsonout_value(&line, rec);
	buf_addc(&line, '\n');
	record_out(line.s, line.len);
}

/* The log this thread's records report to (record_log_begin), or NULL. */
static _Thread_local struct record_log *logging;

void
record_log_begin(struct record_log *log)
{
	logging = log;
	diag_hold(&log->msg);
}

void
record_log_end(void)
{
	logging = NULL;
	diag_hold(NULL);
}

void
record_log_flush(struct record_log *log)
{
	if (log->msg.len)
		fwrite(log->msg.s, 1, log->msg.len, stderr);
	if (rejects && log->rej.len && (fwrite(log->rej.s, 1, log->rej.len,
	    rejects) != log->rej.len || fflush(rejects) == EOF))
		die(1, "%s:", rejects_path);
	nrejected += log->nrej;
	buf_reset(&log->msg);
	buf_reset(&log->rej);
	if (log->nrej && strict) {
		warn("stopped at the first rejected record (--strict)");
		exit(record_done(1));
	}
	log->nrej = 0;
}

void
record_log_free(struct record_log *log)
{
	buf_free(&log->msg);
	buf_free(&log->rej);
	log->nrej = 0;
}

static void
vreport(const struct record_src *src, const char *what, const char *fmt, va_list ap)
{
	if (src->line)
		diag_printf("%s: %s:%lu: %s", progname, src->file, src->line, what);
	else
		diag_printf("%s: %s: %s", progname, src->file, what);
	diag_vprintf(fmt, ap);
	diag_printf("\n");
}

void
record_warn(const struct record_src *src, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(src, "warning: ", fmt, ap);
	va_end(ap);
}

void
record_reject(const struct record_src *src, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(src, "", fmt, ap);
	va_end(ap);
	if (logging) {		/* counted and copied when the log is flushed */
		logging->nrej++;
		if (rejects && src->raw) {
			buf_add(&logging->rej, src->raw, src->len);
			buf_addc(&logging->rej, '\n');
		}
		return;
	}
	nrejected++;
	if (rejects && src->raw) {
		if (fwrite(src->raw, 1, src->len, rejects) != src->len
		    || fputc('\n', rejects) == EOF || fflush(rejects) == EOF)
			die(1, "%s:", rejects_path);
	}
	if (strict) {
		warn("stopped at the first rejected record (--strict)");
		exit(record_done(1));
	}
}

unsigned long
record_count_read(void)
{
	return nread;
}

unsigned long
record_count_rejected(void)
{
	return nrejected;
}

static int
blank(const char *s, size_t n)
{
	for (; n; s++, n--)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

static const char *
json_kind(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "an object";
	}
}

json_t *
record_parse(const struct record_src *src)
{
	json_error_t err;
	json_t *rec;
	const char *nul;

	if ((nul = memchr(src->raw, '\0', src->len))) {
		record_reject(src, "NUL byte at byte %zu", (size_t)(nul - src->raw) + 1);
		return NULL;
	}
	rec = json_loadb(src->raw, src->len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
	if (!rec) {
		record_reject(src, "invalid JSON at column %d: %s", err.column, err.text);
		return NULL;
	}
	if (!json_is_object(rec)) {
		record_reject(src, "not a JSON object but %s", json_kind(rec));
		json_decref(rec);
		return NULL;
	}
	return rec;
}

struct each {
	record_fn *fn;
	void *arg;
};

static void
one_line(const struct record_src *src, void *arg)
{
	const struct each *e = arg;
	json_t *rec;

	nread++;
	if (splice_on()) {	/* the filter reads only some fields */
		splice_line(src, e->fn, e->arg);
		return;
	}
	if (!(rec = record_parse(src)))
		return;
	if (e->fn(rec, src, e->arg) == RECORD_WRITE)
		record_write(rec);
	json_decref(rec);
}

static int
each_line(FILE *fp, const char *name, record_line_fn *fn, void *arg)
{
	struct record_src src = { name, 0, NULL, 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int status = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		src.line++;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (blank(line, (size_t)n))
			continue;
		src.raw = line;
		src.len = (size_t)n;
		fn(&src, arg);
	}
	if (ferror(fp)) {
		warn("%s: read error:", name);
		status = 1;
	}
	free(line);
	return status;
}

int
record_lines(int argc, char **argv, record_line_fn *fn, void *arg)
{
	int status = 0, i;
	FILE *fp;

	out_init();
	if (argc == 0)
		return each_line(stdin, "<stdin>", fn, arg);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			status |= each_line(stdin, "<stdin>", fn, arg);
			continue;
		}
		if (!(fp = fopen(argv[i], "r"))) {
			warn("%s:", argv[i]);
			status = 1;
			continue;
		}
		status |= each_line(fp, argv[i], fn, arg);
		fclose(fp);
	}
	return status;
}

int
record_each(int argc, char **argv, record_fn *fn, void *arg)
{
	struct each e = { fn, arg };

	return record_lines(argc, argv, one_line, &e) | (nrejected > 0);
}

int
record_done(int status)
{
	if (nrejected)
		warn("%lu of %lu records rejected%s%s", nrejected, nread,
		    rejects_path ? ", copied to " : "", rejects_path ? rejects_path : "");
	if (rejects && fclose(rejects) == EOF) {
		warn("%s:", rejects_path);
		status = 1;
	}
	rejects = NULL;
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno != EPIPE) {
			warn("write error:");
			status = 1;
		}
	}
	if (fclose(stdout) == EOF && errno != EPIPE && status == 0) {
		warn("write error:");
		status = 1;
	}
	return status ? 1 : 0;
}

const char *
record_str(const json_t *rec, const char *key)
{
	return json_string_value(json_object_get(rec, key));
}

const char *
record_strn(const json_t *rec, const char *key, size_t *len)
{
	const json_t *v = json_object_get(rec, key);

	*len = json_is_string(v) ? json_string_length(v) : 0;
	return json_string_value(v);
}

void
record_set(json_t *rec, const char *key, json_t *val)
{
	if (!val)
		die(1, "cannot make a value for field %s (out of memory or bad UTF-8)", key);
	if (json_object_set_new(rec, key, val) != 0)
		die(1, "cannot set field %s", key);
}

void
record_set_strn(json_t *rec, const char *key, const char *val, size_t n)
{
	record_set(rec, key, val ? json_stringn(val, n) : json_null());
}

void
record_set_str(json_t *rec, const char *key, const char *val)
{
	record_set(rec, key, val ? json_string(val) : json_null());
}

void
record_count_one(void)
{
	nread++;
}
