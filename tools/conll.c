#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conll.h"
#include "diag.h"
#include "mem.h"

static int
parse_tag(const char *s, int prev)
{
	int type;

	if (strcmp(s, "O") == 0)
		return NER_O;
	if (strlen(s) < 3 || (s[0] != 'I' && s[0] != 'B') || s[1] != '-')
		return -1;
	if ((type = ner_type_of(s + 2)) < 0)
		return -1;
	/* IOB1 to BIO: I- begins a mention unless it continues one */
	if (s[0] == 'B' || prev == NER_O || prev < 0 || NER_TYPE(prev) != type)
		return NER_B(type);
	return NER_I(type);
}

void
conll_read(struct conll *c, const char *path)
{
	FILE *fp;
	char *line = NULL, *f[4], *p;
	size_t cap = 0, dcap = 0, wcap = 0, tcap = 0, scap = 0, *offs = NULL, ocap = 0, i;
	ssize_t len;
	unsigned long lineno = 0;
	struct buf text = BUF_INIT;
	int k, prev = -1, tag;

	memset(c, 0, sizeof *c);
	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	c->sent = egrow(c->sent, &scap, 1, sizeof *c->sent);
	c->sent[0] = 0;
	c->doc = egrow(c->doc, &dcap, 1, sizeof *c->doc);
	c->doc[0] = 0;
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		for (k = 0, p = strtok(line, " \t"); p && k < 4;
		    p = strtok(NULL, " \t"))
			f[k++] = p;
		if (k == 0 || strcmp(f[0], "-DOCSTART-") == 0) {
			if (c->ntok > c->sent[c->nsent]) {
				c->nsent++;
				c->sent = egrow(c->sent, &scap, c->nsent + 1,
				    sizeof *c->sent);
				c->sent[c->nsent] = c->ntok;
			}
			if (k && c->nsent > c->doc[c->ndoc]) {
				c->doc = egrow(c->doc, &dcap, ++c->ndoc + 1,
				    sizeof *c->doc);
				c->doc[c->ndoc] = c->nsent;
			}
			prev = -1;
			continue;
		}
		if (k != 4 || (tag = parse_tag(f[3], prev)) < 0)
			die(1, "%s:%lu: not a CoNLL-2003 line", path, lineno);
		c->w = egrow(c->w, &wcap, c->ntok + 1, sizeof *c->w);
		c->tag = egrow(c->tag, &tcap, c->ntok + 1, sizeof *c->tag);
		offs = egrow(offs, &ocap, c->ntok + 1, sizeof *offs);
		offs[c->ntok] = text.len;
		c->w[c->ntok].len = strlen(f[0]);
		buf_add(&text, f[0], c->w[c->ntok].len);
		c->tag[c->ntok++] = tag;
		prev = tag;
	}
	if (ferror(fp))
		die(1, "%s:", path);
	fclose(fp);
	free(line);
	if (c->ntok > c->sent[c->nsent]) {
		c->nsent++;
		c->sent = egrow(c->sent, &scap, c->nsent + 1, sizeof *c->sent);
		c->sent[c->nsent] = c->ntok;
	}
	if (c->nsent > c->doc[c->ndoc]) {
		c->doc = egrow(c->doc, &dcap, ++c->ndoc + 1, sizeof *c->doc);
		c->doc[c->ndoc] = c->nsent;
	}
	c->text = buf_take(&text);
	for (i = 0; i < c->ntok; i++) {
		c->w[i].s = c->text + offs[i];
		c->w[i].brk = NER_BRK_NONE;
	}
	for (i = 0; i < c->nsent; i++)
		c->w[c->sent[i]].brk = NER_BRK_SENT;
	free(offs);
}

void
conll_free(struct conll *c)
{
	free(c->w);
	free(c->tag);
	free(c->sent);
	free(c->doc);
	free(c->text);
	memset(c, 0, sizeof *c);
}
