/* gazetteer: ner-train's name lists, read from openly licensed Debian
 * packages and the project's own lists, and the word cluster file, into
 * the model's tables (lib/entity/ner.h). */
#ifndef GAZETTEER_H
#define GAZETTEER_H

#include "conll.h"
#include "entity/ner.h"

struct gaz_sources {
	const char *iso;	/* iso-codes JSON directory */
	const char *geonames;	/* GeoNames' English city names (a .mo file) */
	const char *names;	/* Text::Names (census first names, surnames) */
	const char *lists[16];	/* CLASS<TAB>ENTRY files */
	int nlists;
	int only_own;		/* 1: iso-codes and the lists only */
};

#define GAZ_SOURCES_INIT { "/usr/share/iso-codes/json", \
	"/usr/share/locale/en/LC_MESSAGES/geonames.mo", \
	"/usr/share/perl5/Text/Names.pm", { NULL }, 0, 0 }

#define GAZ_OPTS "i:G:N:g:"
#define GAZ_HELP \
    "  -i ISODIR    iso-codes JSON directory (default /usr/share/iso-codes/json)\n" \
    "  -G MOFILE    GeoNames city names (default: libgeonames-common's\n" \
    "               /usr/share/locale/en/LC_MESSAGES/geonames.mo; '': none)\n" \
    "  -N PMFILE    census first names and surnames (default: libtext-names-\n" \
    "               perl's /usr/share/perl5/Text/Names.pm; '': none)\n" \
    "  -g LIST      gazetteer list: lines CLASS<TAB>ENTRY (repeatable)\n"

/* Take option c (one of GAZ_OPTS) with its argument; 0 if it is not one. */
int gaz_option(struct gaz_sources *src, int c, const char *arg);
/* Build the gazetteer of the sources, with the common words of train. */
void gaz_build(struct ner_gaz *g, const struct gaz_sources *src,
    const struct conll *train);
/* Read a cluster file (BITS<TAB>WORD[<TAB>COUNT] lines, # comments). */
void gaz_clusters(struct ner_clusters *cl, const char *path);

#endif
