# newspipe: news articles to a clean, de-duplicated, tagged CSV.
# Every variable can be overridden: make PREFIX=/usr CFLAGS=-O0 ...
.SUFFIXES:

# The version, in one place: the file VERSION, read by the programs
# (-DVERSION), pipeline.sh, the man pages (built into build/man) and the tests.
VERSION    = $(shell cat VERSION)
PREFIX     = /usr/local
BINDIR     = $(PREFIX)/bin
MANDIR     = $(PREFIX)/share/man
DATADIR    = $(PREFIX)/share/newspipe
DESTDIR    =
CC         = cc
PKG_CONFIG = pkg-config
CFLAGS     = -O2 -g
CPPFLAGS   =
LDFLAGS    =
BATS       = bats

# SANITIZE=1 builds into build/san with AddressSanitizer and UBSan.
SANITIZE   =
SAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
B          = build/$(if $(SANITIZE),san,opt)
BIN        = $(if $(SANITIZE),$(B)/bin,bin)

PROGS      = split-header normalize-date tag-entities dedupe to-csv to-xlsx
MAN_SRC    = $(PROGS:%=man/%.1) man/newspipe.1
MANS       = $(MAN_SRC:man/%=build/man/%)

# Required flags come before the user's CFLAGS, so CFLAGS=-O0 keeps them.
REQ_CFLAGS = -std=c11 -Wall -Wextra -Werror -pedantic -D_POSIX_C_SOURCE=200809L \
             -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' -Ilib \
             $(shell $(PKG_CONFIG) --cflags jansson libutf8proc libxml-2.0) \
             $(if $(SANITIZE),$(SAN_FLAGS))
REQ_LDLIBS = $(shell $(PKG_CONFIG) --libs jansson libutf8proc) -lm
ALL_CFLAGS = $(REQ_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(if $(SANITIZE),$(SAN_FLAGS)) $(LDFLAGS)

LIB_SRC    = $(wildcard lib/*.c lib/*/*.c)
LIB_OBJ    = $(LIB_SRC:%.c=$(B)/%.o)
LIBA       = $(B)/libnewspipe.a

# Libraries only some programs link (libcsv has no .pc file in Debian).
LIBS_to-csv = -lcsv
LIBS_to-xlsx = $(shell $(PKG_CONFIG) --libs xlsxwriter)
# Threads: tag-entities tags in several (lib/parallel.c).
PTHREAD    = -pthread
LIBS_tag-entities = $(PTHREAD)
$(B)/lib/parallel.o $(B)/filters/tag-entities.o: REQ_CFLAGS += $(PTHREAD)
XML_LIBS = $(shell $(PKG_CONFIG) --libs libxml-2.0)
LIBS_split-header = $(XML_LIBS)
# The unit test and the fuzz target of lib/html (tests/unit/html.c, fuzz/html.c).
LIBS_html = $(XML_LIBS)

all: $(PROGS:%=$(BIN)/%) $(MANS)

# Man pages with the version filled in.
build/man/%.1: man/%.1 VERSION
	@mkdir -p $(@D)
	sed 's/@VERSION@/$(VERSION)/g' $< >$@

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The version is compiled into diag.o.
$(B)/lib/diag.o: VERSION

$(LIBA): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BIN)/%: $(B)/filters/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS_$*) $(REQ_LDLIBS)

# Tools that tests/*.bats run besides the programs (mk/*.mk add theirs).
CHECK_TOOLS =

# Fragments that add tools, models, benchmarks and fuzzers.
include $(sort $(wildcard mk/*.mk))

deps:
	@scripts/need-packages build

# Installs missing Debian packages (as root) or says how, then tests.
check:
	@scripts/need-packages build test xlsx-test
	@$(MAKE) --no-print-directory all unit faults $(CHECK_TOOLS)
	NEWSPIPE_BIN=$(CURDIR)/$(BIN) NEWSPIPE_UNIT=$(CURDIR)/$(B)/unit \
	    NEWSPIPE_TOOLS=$(CURDIR)/$(B)/tools NEWSPIPE_FAULTS=$(CURDIR)/$(B)/faults \
	    $(BATS) --formatter tap tests

# Every program's output against another commit's on the seeds, the
# fixtures and a generated corpus (scripts/same-output): make same-output
# REF=v0.1 [SAME_MB=30].  A refactor must leave it all "same".
SAME_MB = 30
same-output:
	@test -n "$(REF)" || { echo "make same-output REF=COMMIT [SAME_MB=30]" >&2; exit 2; }
	scripts/same-output $(REF) $(SAME_MB)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	for p in $(PROGS); do cp -f $(BIN)/$$p $(DESTDIR)$(BINDIR)/ || exit 1; done
	sed 's/^version=.*/version=$(VERSION)/' pipeline.sh >$(DESTDIR)$(BINDIR)/newspipe
	chmod 755 $(DESTDIR)$(BINDIR)/newspipe
	cp -f $(MANS) $(DESTDIR)$(MANDIR)/man1/
	for f in models/*; do [ -f "$$f" ] || continue; cp -f "$$f" $(DESTDIR)$(DATADIR)/ || exit 1; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	rm -f $(DESTDIR)$(BINDIR)/newspipe
	for m in $(MANS); do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#build/man/}; done
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build bin

.PHONY: all deps check same-output install uninstall clean
.PRECIOUS: $(B)/%.o $(B)/filters/%.o

-include $(wildcard $(B)/lib/*.d $(B)/lib/*/*.d $(B)/filters/*.d $(B)/tools/*.d)
