#include <string.h>
#include <csv.h>

#include "buf.h"
#include "sheet/csvout.h"
#include "diag.h"
#include "mem.h"

void
csvout_init(struct csvout *o, unsigned char delim, int crlf)
{
	struct buf empty = BUF_INIT;

	o->row = empty;
	o->tmp = empty;
	o->delim = delim;
	o->eol = crlf ? "\r\n" : "\n";
	o->nfields = 0;
}

void
csvout_free(struct csvout *o)
{
	buf_free(&o->row);
	buf_free(&o->tmp);
}

static int
needs_quotes(const struct csvout *o, const char *s, size_t n)
{
	size_t i;

	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* Everything above '"' other than the delimiter is safe. */
		if (c > '"' && c != o->delim)
			continue;
		if (c == '"' || c == '\r' || c == '\n' || c == o->delim)
			return 1;
	}
	return 0;
}

static void
quoted(struct csvout *o, const char *s, size_t n)
{
	struct buf *b = &o->row;
	size_t room;

	if (n > ((size_t)-1 - b->len) / 2 - 4)
		die(1, "out of memory");
	room = 2 * n + 2;
	b->s = egrow(b->s, &b->cap, b->len + room + 1, 1);
	b->len += csv_write2(b->s + b->len, room, s, n, '"');
	b->s[b->len] = '\0';
}

void
csvout_field(struct csvout *o, const char *pre, const char *s, size_t n)
{
	size_t np = pre ? strlen(pre) : 0;

	if (o->nfields == 0)
		buf_reset(&o->row);
	else
		buf_addc(&o->row, (char)o->delim);
	o->nfields++;
	if (np) {
		buf_reset(&o->tmp);
		buf_add(&o->tmp, pre, np);
		buf_add(&o->tmp, s, n);
		s = o->tmp.s;
		n = o->tmp.len;
	}
	if (needs_quotes(o, s, n))
		quoted(o, s, n);
	else
		buf_add(&o->row, s, n);
}

void
csvout_end(struct csvout *o)
{
	if (o->nfields == 1 && o->row.len == 0)
		buf_adds(&o->row, "\"\"");
	if (o->nfields == 0)
		buf_reset(&o->row);
	buf_adds(&o->row, o->eol);
	o->nfields = 0;
}

struct csvout_pos
csvout_tell(const struct csvout *o)
{
	struct csvout_pos pos = { o->row.len, o->nfields };

	return pos;
}

void
csvout_seek(struct csvout *o, struct csvout_pos pos)
{
	o->row.len = pos.len;
	o->nfields = pos.nfields;
	if (o->row.s)
		o->row.s[pos.len] = '\0';
}

static size_t
digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

int
csvout_is_number(const char *s, size_t n)
{
	size_t i = 0, d, e;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	d = digits(s + i, n - i);
	i += d;
	if (i < n && s[i] == '.') {
		i++;
		e = digits(s + i, n - i);
		i += e;
		d += e;
	}
	if (d == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if ((e = digits(s + i, n - i)) == 0)
			return 0;
		i += e;
	}
	return i == n;
}
