/* timex-score: measure lib/timex against TimeML gold annotations.
 *
 * For each .tml file: the DCT is the reference date, <TEXT> is stripped
 * of its tags (entities decoded) into plain text, and the extractor's
 * expressions are compared with the gold DATE and TIME TIMEX3 elements.
 * An extraction matches a gold expression when their extents overlap.
 * -v lists every miss, wrong value and spurious extraction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date/date.h"
#include "diag.h"
#include "mem.h"
#include "date/timex.h"

struct gold {
	size_t start, end;
	char type[16];
	char value[48];
	int hit;		/* index+1 of the matching extraction */
};

static int verbose;
static unsigned long ngold, nmatched, ncorrect, npred, npredok, npredother;

static char *
slurp(const char *path, size_t *n)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t r;
	FILE *fp = fopen(path, "r");

	if (!fp)
		die(1, "%s:", path);
	while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, r);
	if (ferror(fp))
		die(1, "%s: read error:", path);
	fclose(fp);
	*n = b.len;
	return buf_take(&b);
}

/* The value of attribute name in tag text [s, e), copied into out. */
static int
attr(const char *s, const char *e, const char *name, char *out, size_t outsz)
{
	size_t nl = strlen(name), i;
	const char *p;

	for (p = s + 1; p + nl + 2 < e; p++) {
		if (p[-1] != ' ' || strncmp(p, name, nl) != 0 || p[nl] != '=' || p[nl + 1] != '"')
			continue;
		p += nl + 2;
		for (i = 0; p < e && *p != '"' && i + 1 < outsz; p++, i++)
			out[i] = *p;
		out[i] = '\0';
		return 1;
	}
	return 0;
}

static void
score(const char *path)
{
	size_t n, i, ng = 0, gcap = 0, open = (size_t)-1;
	char *doc = slurp(path, &n), *t, *te, *dct, *p;
	struct buf plain = BUF_INIT;
	struct gold *g = NULL;
	struct timex_list xl = TIMEX_LIST_INIT;
	struct date ref;
	char v[48];

	if (!(dct = strstr(doc, "<DCT>")) || !(p = strstr(dct, "value=\""))
	    || date_parse(p + 7, 10, 0, &ref) != DATE_OK) {
		warn("%s: no DCT", path);
		free(doc);
		return;
	}
	if (!(t = strstr(doc, "<TEXT>")) || !(te = strstr(t, "</TEXT>"))) {
		warn("%s: no TEXT", path);
		free(doc);
		return;
	}
	for (p = t + 6; p < te;) {
		if (*p == '<') {
			char *end = memchr(p, '>', (size_t)(te - p));

			if (!end)
				break;
			if (!strncmp(p, "<TIMEX3 ", 8)) {
				g = egrow(g, &gcap, ng + 1, sizeof *g);
				memset(&g[ng], 0, sizeof *g);
				g[ng].start = plain.len;
				attr(p, end, "type", g[ng].type, sizeof g[ng].type);
				attr(p, end, "value", g[ng].value, sizeof g[ng].value);
				open = ng++;
			} else if (!strncmp(p, "</TIMEX3>", 9) && open != (size_t)-1) {
				g[open].end = plain.len;
				open = (size_t)-1;
			}
			p = end + 1;
		} else if (*p == '&') {
			static const char *const ent[][2] = {
				{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
				{ "&quot;", "\"" }, { "&apos;", "'" }
			};
			for (i = 0; i < 5; i++)
				if (!strncmp(p, ent[i][0], strlen(ent[i][0])))
					break;
			if (i < 5) {
				buf_adds(&plain, ent[i][1]);
				p += strlen(ent[i][0]);
			} else
				buf_addc(&plain, *p++);
		} else
			buf_addc(&plain, *p++);
	}
	ref.prec = DATE_DAY;
	timex_find(plain.s ? plain.s : "", plain.len, &ref, 0, &xl);
	npred += xl.n;
	for (i = 0; i < xl.n; i++) {
		const struct timex *x = &xl.v[i];
		size_t j;
		int ok = 0, other = 0;

		for (j = 0; j < ng; j++) {
			if (x->start >= g[j].end || g[j].start >= x->end)
				continue;
			if (!strcmp(g[j].type, "DATE") || !strcmp(g[j].type, "TIME")) {
				ok = 1;
				if (!g[j].hit)
					g[j].hit = (int)i + 1;
			} else
				other = 1;
		}
		npredok += ok;
		npredother += !ok && other;
		if (verbose && !ok)
			printf("%s\tspurious%s\t%.*s\t%s\n", path, other ? "(other type)" : "",
			    (int)(x->end - x->start), plain.s + x->start, x->value);
	}
	for (i = 0; i < ng; i++) {
		if (strcmp(g[i].type, "DATE") && strcmp(g[i].type, "TIME"))
			continue;
		ngold++;
		if (!g[i].hit) {
			if (verbose)
				printf("%s\tmissed\t%.*s\t%s\n", path,
				    (int)(g[i].end - g[i].start), plain.s + g[i].start, g[i].value);
			continue;
		}
		nmatched++;
		snprintf(v, sizeof v, "%s", xl.v[g[i].hit - 1].value);
		if (!strcmp(v, g[i].value))
			ncorrect++;
		else if (verbose)
			printf("%s\twrong\t%.*s\t%s\tgot %.*s\t%s\n", path,
			    (int)(g[i].end - g[i].start), plain.s + g[i].start, g[i].value,
			    (int)(xl.v[g[i].hit - 1].end - xl.v[g[i].hit - 1].start),
			    plain.s + xl.v[g[i].hit - 1].start, v);
	}
	timex_list_free(&xl);
	free(g);
	buf_free(&plain);
	free(doc);
}

static double
ratio(unsigned long a, unsigned long b)
{
	return b ? (double)a / (double)b : 0.0;
}

int
main(int argc, char **argv)
{
	double p, r;
	int i = 1;

	diag_init(argv[0]);
	if (argc > 1 && !strcmp(argv[1], "-v"))
		verbose = 1, i++;
	if (i >= argc)
		die(2, "usage: timex-score [-v] FILE.tml...");
	for (; i < argc; i++)
		score(argv[i]);
	p = ratio(ncorrect, npred);
	r = ratio(ncorrect, ngold);
	printf("gold DATE+TIME expressions  %lu\n", ngold);
	printf("extractions                 %lu (%lu overlap DATE/TIME gold, %lu only other types)\n",
	    npred, npredok, npredother);
	printf("extent precision            %.3f\n", ratio(npredok, npred));
	printf("extent recall (overlap)     %.3f\n", ratio(nmatched, ngold));
	printf("value accuracy (matched)    %.3f (%lu of %lu)\n", ratio(ncorrect, nmatched),
	    ncorrect, nmatched);
	printf("value strict (correct/gold) %.3f\n", r);
	printf("value precision             %.3f\n", p);
	printf("value F1                    %.3f\n", p + r > 0 ? 2 * p * r / (p + r) : 0.0);
	return 0;
}
