#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "jsonout.h"
#include "mem.h"
#include "opt.h"
#include "record.h"
#include "splice.h"

/* Bytes read at a time, and the most a line buffer keeps between
 * records (one far longer gives its memory back). */
#define CHUNK (1 << 16)
#define KEEP (1 << 22)

const struct option record_options[] = {
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "reject-log", required_argument, NULL, OPT_REJECT_LOG },
	{ "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
	{ "rejects-ok", no_argument, NULL, OPT_REJECTS_OK },
	{ NULL, 0, NULL, 0 }
};

static int strict, rejects_ok;
static FILE *rejects;
static const char *rejects_path;
static int reject_log = -1;	/* --reject-log, opened to append */
static const char *reject_log_path;
static size_t max_bytes = RECORD_MAX_BYTES;	/* 0: no limit */
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
	case OPT_REJECT_LOG:
		if (reject_log >= 0)
			close(reject_log);
		/* One write(2) a line into a file opened to append: lines of
		 * programs that share the file do not mix. */
		reject_log = open(arg, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
		if (reject_log < 0)
			die(1, "%s:", arg);
		reject_log_path = arg;
		return 1;
	case OPT_MAX_BYTES:
		max_bytes = opt_bytes("--max-bytes", arg);
		return 1;
	case OPT_REJECTS_OK:
		rejects_ok = 1;
		return 1;
	}
	return 0;
}

static void
out_init(void)
{
	static char outbuf[CHUNK];

	if (outbuf_set)
		return;
	/* A closed pipe must show up as EPIPE, not kill us: `| head` is fine. */
	signal(SIGPIPE, SIG_IGN);
	/* With no buffer given, glibc would keep its own of 4 kB. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	/* jansson out of memory is the program out of memory, said once,
	 * here, rather than a field quietly missing. */
	json_set_alloc_funcs(emalloc, free);
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

static void
out_flush(struct buf *b)
{
	record_out(b->s, b->len);
	buf_reset(b);
}

void
record_write(const json_t *rec)
{
	static struct buf line = BUF_INIT;

	buf_reset(&line);
	jsonout_stream(&line, rec, out_flush);
	buf_addc(&line, '\n');
	out_flush(&line);
}

static void
write_all(int fd, const char *s, size_t n, const char *path)
{
	ssize_t k;

	for (; n; s += k, n -= (size_t)k)
		if ((k = write(fd, s, n)) < 0 && errno != EINTR)
			die(1, "%s:", path);
		else if (k < 0)
			k = 0;
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
	if (reject_log >= 0 && log->logged.len)
		write_all(reject_log, log->logged.s, log->logged.len, reject_log_path);
	nrejected += log->nrej;
	nread += log->nread;
	buf_reset(&log->msg);
	buf_reset(&log->rej);
	buf_reset(&log->logged);
	log->nread = 0;
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
	buf_free(&log->logged);
	log->nrej = log->nread = 0;
}

static void
report(const struct record_src *src, const char *what, const char *msg)
{
	if (src->line)
		diag_printf("%s: %s:%lu: %s%s\n", progname, src->file, src->line, what, msg);
	else
		diag_printf("%s: %s: %s%s\n", progname, src->file, what, msg);
}

void
record_warn(const struct record_src *src, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;	/* not static: workers report too */
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	report(src, "warning: ", msg.s);
	buf_free(&msg);
}

/* Bytes of a rejected input to the --rejects file. */
static void
copy_rejected(const char *s, size_t n)
{
	if (rejects && n && fwrite(s, 1, n, rejects) != n)
		die(1, "%s:", rejects_path);
}

static void
copy_rejected_end(void)
{
	if (rejects && (fputc('\n', rejects) == EOF || fflush(rejects) == EOF))
		die(1, "%s:", rejects_path);
}

/* One NDJSON line for --reject-log onto b: program, file, line (for a
 * line of NDJSON), reason, and the line itself when it was kept. */
static void
log_line(struct buf *b, const struct record_src *src, const char *reason)
{
	buf_adds(b, "{\"program\":");
	jsonout_string_lossy(b, progname, strlen(progname));
	buf_adds(b, ",\"file\":");
	jsonout_string_lossy(b, src->file, strlen(src->file));
	if (src->line)
		buf_printf(b, ",\"line\":%lu", src->line);
	buf_adds(b, ",\"reason\":");
	jsonout_string_lossy(b, reason, strlen(reason));
	if (src->line && src->raw) {
		buf_adds(b, ",\"input\":");
		jsonout_string_lossy(b, src->raw, src->len);
	}
	buf_adds(b, "}\n");
}

static void
log_rejected(const struct record_src *src, const char *reason)
{
	static struct buf b = BUF_INIT;

	if (reject_log < 0)
		return;
	if (logging) {		/* written when the log is flushed */
		log_line(&logging->logged, src, reason);
		return;
	}
	buf_reset(&b);
	log_line(&b, src, reason);
	write_all(reject_log, b.s, b.len, reject_log_path);
	if (b.cap > KEEP)
		buf_free(&b);
}

/* Report and count src as rejected; its bytes go to --rejects unless
 * the caller copied them already. */
static void
reject(const struct record_src *src, const char *msg, int copy)
{
	report(src, "", msg);
	if (logging) {		/* counted and copied when the log is flushed */
		logging->nrej++;
		if (copy && rejects && src->raw) {
			buf_add(&logging->rej, src->raw, src->len);
			buf_addc(&logging->rej, '\n');
		}
		log_rejected(src, msg);
		return;
	}
	nrejected++;
	if (copy && rejects && src->raw) {
		copy_rejected(src->raw, src->len);
		copy_rejected_end();
	}
	log_rejected(src, msg);
	if (strict) {
		warn("stopped at the first rejected record (--strict)");
		exit(record_done(1));
	}
}

void
record_reject(const struct record_src *src, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	reject(src, msg.s, 1);
	buf_free(&msg);
}

/* what (an article, a line) of n bytes is over --max-bytes. */
static void
reject_size(const struct record_src *src, const char *what, size_t n)
{
	static struct buf msg = BUF_INIT;

	buf_reset(&msg);
	buf_printf(&msg, "%s of %zu bytes, over --max-bytes %zu", what, n, max_bytes);
	reject(src, msg.s, 0);
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

/* The lines of one input.  A line over --max-bytes is not kept: it is
 * read on to its end, copied to the --rejects file as it goes, and
 * counted in over. */
struct lines {
	FILE *fp;
	char *chunk;
	size_t pos, end;
	struct buf line;
	size_t over;
	int err;		/* errno of a read error, or 0 */
};

static int
fill(struct lines *r)
{
	r->pos = 0;
	r->end = fread(r->chunk, 1, CHUNK, r->fp);
	if (r->end == 0 && ferror(r->fp))
		r->err = errno ? errno : EIO;
	return r->end > 0;
}

static void
keep(struct lines *r, const char *s, size_t n)
{
	if (r->over) {
		copy_rejected(s, n);
		r->over += n;
	} else if (max_bytes && n > max_bytes - r->line.len) {
		copy_rejected(r->line.s, r->line.len);
		copy_rejected(s, n);
		r->over = r->line.len + n;
		buf_free(&r->line);
	} else {
		buf_add(&r->line, s, n);
	}
}

/* The next line, without its newline, in r->line (or counted in
 * r->over); 0 at the end of the input or after a read error. */
static int
next_line(struct lines *r)
{
	const char *nl;
	size_t n;
	int any = 0;

	if (r->line.cap > KEEP)
		buf_free(&r->line);
	buf_reset(&r->line);
	r->over = 0;
	for (;;) {
		if (r->pos == r->end && !fill(r))
			return any && !r->err;
		any = 1;
		nl = memchr(r->chunk + r->pos, '\n', r->end - r->pos);
		n = (nl ? (size_t)(nl - r->chunk) : r->end) - r->pos;
		keep(r, r->chunk + r->pos, n);
		r->pos += n;
		if (nl) {
			r->pos++;
			return 1;
		}
	}
}

static int
each_line(FILE *fp, const char *name, record_line_fn *fn, void *arg)
{
	static char chunk[CHUNK];
	struct record_src src = { name, 0, NULL, 0 };
	struct lines r = { fp, chunk, 0, 0, BUF_INIT, 0, 0 };
	int status = 0;

	while (next_line(&r)) {
		src.line++;
		if (r.over) {
			if (logging)	/* the reader of lib/parallel */
				logging->nread++;
			else
				nread++;
			copy_rejected_end();
			src.raw = NULL;	/* not kept: not the line before */
			src.len = 0;
			reject_size(&src, "a line", r.over);
			continue;
		}
		if (blank(r.line.s, r.line.len))
			continue;
		src.raw = r.line.s;
		src.len = r.line.len;
		fn(&src, arg);
	}
	if (r.err) {
		errno = r.err;
		warn("%s: read error:", name);
		status = 1;
	}
	buf_free(&r.line);
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

	return record_lines(argc, argv, one_line, &e);
}

int
record_read_all(FILE *fp, const char *name, struct buf *b)
{
	static char chunk[CHUNK];
	struct record_src src = { name, 0, NULL, 0 };
	struct stat st;
	size_t n, total = 0;
	int file = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);

	out_init();
	buf_reset(b);
	/* A file's size is known: one too big is not even read. */
	if (max_bytes && file && (uintmax_t)st.st_size > max_bytes)
		total = (size_t)st.st_size;
	while (!total && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (max_bytes && n > max_bytes - b->len) {
			total = b->len + n;
			buf_free(b);
		} else {
			buf_add(b, chunk, n);
		}
	}
	/* On a pipe the rest is counted, for the message, not kept. */
	while (total && !file && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		total += n;
	if (ferror(fp)) {
		warn("%s: read error:", name);
		return 1;
	}
	if (!total)
		return 0;
	nread++;
	reject_size(&src, "an article", total);
	return -1;
}

int
record_done(int status)
{
	if (nrejected && !rejects_ok)
		status = 1;
	if (nrejected)
		warn("%lu of %lu records rejected%s%s", nrejected, nread,
		    rejects_path ? ", copied to " : "", rejects_path ? rejects_path : "");
	if (rejects && fclose(rejects) == EOF) {
		warn("%s:", rejects_path);
		status = 1;
	}
	rejects = NULL;
	if (reject_log >= 0 && close(reject_log) != 0) {
		warn("%s:", reject_log_path);
		status = 1;
	}
	reject_log = -1;
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
