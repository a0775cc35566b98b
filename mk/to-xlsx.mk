# to-xlsx: libxlsxwriter's header is included by lib/sheet/xlsxout.c only
# (Debian's xlsxwriter.pc gives no flags, but another system's may).
XLSX_CFLAGS = $(shell $(PKG_CONFIG) --cflags xlsxwriter)
$(B)/lib/sheet/xlsxout.o $(FB)/lib/sheet/xlsxout.o: REQ_CFLAGS += $(XLSX_CFLAGS)
