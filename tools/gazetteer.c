/* gazetteer: the name lists of ner-train (see gazetteer.h).  An entry is
 * stored as the key of its lower-cased tokens (ner_gaz_key) with its
 * class bits; each proper prefix of an entry is stored too, marked
 * NER_GAZ_PREFIX, so the tagger's matching stops at the first miss. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "entity/token.h"
#include "gazetteer.h"
#include "mem.h"
#include "opt.h"
#include "text.h"

struct gent {
	uint64_t key;
	uint16_t cls;
};

static struct gent *gents;
static size_t ngents, gcap;
static unsigned gmaxlen;
static struct ner_table common;	/* keys of the common words */

static void
put(uint64_t key, uint16_t cls)
{
	gents = egrow(gents, &gcap, ngents + 1, sizeof *gents);
	gents[ngents].key = key;
	gents[ngents++].cls = cls;
}

/* Add entry s; common: 0 keeps a one-word entry that is a common word
 * (a city called Nice). */
static void
add(const char *s, uint16_t cls, int keep_common)
{
	static struct token_list tl = TOKEN_LIST_INIT;
	struct ner_word w[16];
	size_t i, n;
	uint64_t key;

	n = token_split(s, strlen(s), &tl);
	if (n == 0 || n > 15)
		return;
	for (i = 0; i < n; i++) {
		w[i].s = s + tl.v[i].off;
		w[i].len = tl.v[i].len;
		w[i].brk = NER_BRK_NONE;
	}
	key = ner_gaz_key(w, n);
	if (n == 1 && !keep_common && ner_table_find(&common, key) >= 0)
		return;
	put(key, cls);
	for (i = 1; i < n; i++)
		put(ner_gaz_key(w, i), NER_GAZ_PREFIX);
	if (n > gmaxlen)
		gmaxlen = (unsigned)n;
}

/* ---- iso-codes (LGPL-2.1+) ---- */

static json_t *
load_json(const char *dir, const char *file)
{
	char path[4096];
	json_error_t err;
	json_t *root;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((root = json_load_file(path, 0, &err)) == NULL)
		die(1, "%s: %s", path, err.text);
	return root;
}

/* Each name, and its parts before a comma or semicolon: "Korea, Republic
 * of" is also "Korea", "Spanish; Castilian" also "Spanish". */
static void
add_parts(const char *name, uint16_t cls)
{
	char *s = estrdup(name), *p, *save = NULL;

	add(name, cls, 1);
	for (p = strtok_r(s, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		while (*p == ' ')
			p++;
		p[strcspn(p, ",")] = '\0';
		if (*p && strcmp(p, name) != 0)
			add(p, cls, 1);
	}
	free(s);
}

static void
iso(const char *dir, const char *file, const char *array, uint16_t cls)
{
	static const char *const fields[] = { "name", "common_name",
	    "official_name" };
	json_t *root = load_json(dir, file), *e, *v;
	size_t i, k;

	json_array_foreach(json_object_get(root, array), i, e)
		for (k = 0; k < 3; k++)
			if (json_is_string(v = json_object_get(e, fields[k])))
				add_parts(json_string_value(v), cls);
	json_decref(root);
}

/* ---- GeoNames city names (CC BY 4.0), from libgeonames-common ---- */

static uint32_t
le32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* The translations of a GNU .mo file (the English names of GeoNames'
 * ids): magic, revision, count, table of originals, table of
 * translations, each entry a length and an offset. */
static void
geonames(const char *path)
{
	FILE *fp;
	unsigned char *d = NULL;
	size_t n = 0, cap = 0, r, i, cnt, tab, len, off;
	char *s;

	if ((fp = fopen(path, "rb")) == NULL)
		die(1, "%s:", path);
	do {
		d = egrow(d, &cap, n + 65536, 1);
		n += r = fread(d + n, 1, cap - n, fp);
	} while (r > 0);
	if (ferror(fp))
		die(1, "%s:", path);
	fclose(fp);
	if (n < 20 || le32(d) != 0x950412de)
		die(1, "%s: not a little-endian .mo file", path);
	cnt = le32(d + 8);
	tab = le32(d + 16);
	for (i = 0; i < cnt; i++) {
		if (tab + 8 * i + 8 > n)
			die(1, "%s: truncated", path);
		len = le32(d + tab + 8 * i);
		off = le32(d + tab + 8 * i + 4);
		if (off + len > n)
			die(1, "%s: truncated", path);
		s = estrndup((const char *)d + off, len);
		if (*s && !strpbrk(s, "0123456789\n") &&
		    text_invalid_at(s, len) == len)
			add(s, NER_GAZ_CITY, 0);
		free(s);
	}
	free(d);
}

/* ---- census first names and surnames, from Text::Names ---- */

/* The names of the here-documents of Text/Names.pm: lines "NAME  freq
 * cumulative rank" between "$VAR = <<ENDNAMES;" and "ENDNAMES". */
static void
census(const char *path)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	uint16_t cls = 0;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (strncmp(line, "ENDNAMES", 8) == 0)
			cls = 0;
		else if (strstr(line, "FIRSTNAMES = <<ENDNAMES"))
			cls = NER_GAZ_FIRST;
		else if (strstr(line, "SURNAMES = <<ENDNAMES"))
			cls = NER_GAZ_SURNAME;
		else if (cls) {
			line[strcspn(line, " \t\n")] = '\0';
			if (*line)
				add(line, cls, 1);
		}
	}
	free(line);
	fclose(fp);
}

/* ---- the project's lists ---- */

static void
list(const char *path)
{
	static const char *const names[] = { "country", "region", "org",
	    "agency", "govword", "title", "demonym", "city", "first",
	    "surname", "desig", "lang" };
	FILE *fp;
	char *line = NULL, *tab;
	size_t cap = 0, k;
	ssize_t len;
	unsigned long lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if ((tab = strchr(line, '\t')) == NULL)
			die(1, "%s:%lu: no tab", path, lineno);
		*tab = '\0';
		for (k = 0; k < sizeof names / sizeof *names; k++)
			if (strcmp(line, names[k]) == 0)
				break;
		if (k == sizeof names / sizeof *names)
			die(1, "%s:%lu: unknown class '%s'", path, lineno, line);
		add(tab + 1, (uint16_t)(1u << k), 1);
	}
	free(line);
	fclose(fp);
}

/* ---- common words ---- */

/* egrow, the new elements zeroed. */
static void *
egrow_zero(void *p, size_t *cap, size_t need, size_t size)
{
	size_t old = *cap;

	p = egrow(p, cap, need, size);
	memset((char *)p + old * size, 0, (*cap - old) * size);
	return p;
}

/* Words the training text writes in lower case at least 3 times and
 * more often than capitalised (not counting sentence starts). */
static void
common_words(const struct conll *c)
{
	struct ner_table words = { 0 };
	struct { unsigned low, cap; } *v = NULL;
	size_t vcap = 0, s, i, j;
	const char *w;

	for (s = 0; s < c->nsent; s++)
		for (i = c->sent[s]; i < c->sent[s + 1]; i++) {
			w = c->w[i].s;
			if (!((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z')))
				continue;
			j = ner_table_put(&words, ner_gaz_key(&c->w[i], 1));
			v = egrow_zero(v, &vcap, words.n, sizeof *v);
			if (*w >= 'a' && *w <= 'z')
				v[j].low++;
			else if (i > c->sent[s])
				v[j].cap++;
		}
	for (j = 0; j < words.n; j++)
		if (v[j].low >= 3 && v[j].low > v[j].cap) {
			ner_table_put(&common, words.keys[j]);
			put(words.keys[j], NER_GAZ_COMMON);
		}
	ner_table_free(&words);
	free(v);
}

/* ---- the table ---- */

int
gaz_option(struct gaz_sources *src, int c, const char *arg)
{
	switch (c) {
	case 'i':
		src->iso = arg;
		return 1;
	case 'G':
		src->geonames = arg;
		return 1;
	case 'N':
		src->names = arg;
		return 1;
	case 'g':
		if (src->nlists == 16)
			opt_bad("at most 16 -g lists");
		src->lists[src->nlists++] = arg;
		return 1;
	}
	return 0;
}

static int
cmp_gent(const void *a, const void *b)
{
	uint64_t x = ((const struct gent *)a)->key, y = ((const struct gent *)b)->key;

	return x < y ? -1 : x > y;
}

void
gaz_build(struct ner_gaz *g, const struct gaz_sources *src,
    const struct conll *train)
{
	size_t i, n = 0;
	int k;

	common_words(train);
	iso(src->iso, "iso_3166-1.json", "3166-1", NER_GAZ_COUNTRY);
	iso(src->iso, "iso_3166-2.json", "3166-2", NER_GAZ_REGION);
	if (!src->only_own) {
		iso(src->iso, "iso_639-2.json", "639-2", NER_GAZ_LANG);
		if (*src->geonames)
			geonames(src->geonames);
		if (*src->names)
			census(src->names);
	}
	for (k = 0; k < src->nlists; k++)
		list(src->lists[k]);
	qsort(gents, ngents, sizeof *gents, cmp_gent);
	for (i = 0; i < ngents; i++) {
		if (n && gents[n - 1].key == gents[i].key)
			gents[n - 1].cls |= gents[i].cls;
		else
			gents[n++] = gents[i];
	}
	g->t.n = n;
	g->t.keys = emalloc((n + 1) * sizeof *g->t.keys);
	g->cls = emalloc((n + 1) * sizeof *g->cls);
	for (i = 0; i < n; i++) {
		g->t.keys[i] = gents[i].key;
		g->cls[i] = gents[i].cls;
	}
	g->maxlen = gmaxlen;
	ner_table_index(&g->t);
	free(gents);
	gents = NULL;
	ngents = gcap = 0;
	ner_table_free(&common);
}

/* ---- word clusters ---- */

struct cent {
	uint64_t key;
	uint32_t path;
};

static int
cmp_cent(const void *a, const void *b)
{
	uint64_t x = ((const struct cent *)a)->key, y = ((const struct cent *)b)->key;

	return x < y ? -1 : x > y;
}

void
gaz_clusters(struct ner_clusters *cl, const char *path)
{
	FILE *fp;
	char *line = NULL, *tab, *word, *p;
	size_t cap = 0, n = 0, ecap = 0, i, len;
	struct cent *e = NULL;
	unsigned long lineno = 0;
	uint32_t code;

	if ((fp = fopen(path, "r")) == NULL)
		die(1, "%s:", path);
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			die(1, "%s:%lu: no tab", path, lineno);
		word = tab + 1;
		word[strcspn(word, "\t")] = '\0';
		/* the bits under a leading 1; deeper than 30 is cut */
		for (code = 1, p = line, len = 0; p < tab; p++, len++) {
			if (*p != '0' && *p != '1')
				die(1, "%s:%lu: bits are 0 and 1", path, lineno);
			if (len < 30)
				code = code << 1 | (uint32_t)(*p - '0');
		}
		e = egrow(e, &ecap, n + 1, sizeof *e);
		e[n].key = ner_cluster_key(word, strlen(word));
		e[n++].path = code;
	}
	free(line);
	fclose(fp);
	qsort(e, n, sizeof *e, cmp_cent);
	cl->t.keys = emalloc((n + 1) * sizeof *cl->t.keys);
	cl->path = emalloc((n + 1) * sizeof *cl->path);
	for (i = 0; i < n; i++) {
		cl->t.keys[i] = e[i].key;
		cl->path[i] = e[i].path;
	}
	cl->t.n = n;
	ner_table_index(&cl->t);
	free(e);
}
