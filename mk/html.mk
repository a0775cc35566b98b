# Article extraction scores on the annotated saved pages of ../shared/html
# (README there): make html-score (the pages as HTML) and make
# copies-score (the same pages as a browser's "select all, copy" gives
# them, made by its page_copies.py).  make dumps-score: the same pages
# as text browsers dump them (w3m -dump and lynx -dump at 80 columns:
# hard-wrapped, bulleted, indented), a shape page_copies.py does not
# make.  HTML_SCORE_OPTS='--misses' lists every miss.
HTML_DATA       = ../shared/html
HTML_SCORE_OPTS =
HTML_COPIES     = $(B)/html-copies
HTML_DUMPS      = $(B)/html-dumps

$(B)/tools/html-score: $(B)/tools/html-score.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

html-score: $(B)/tools/html-score $(BIN)/split-header $(BIN)/normalize-date
	$(BIN)/split-header $(HTML_DATA)/pages/ | $(BIN)/normalize-date \
	    | $(B)/tools/html-score $(HTML_SCORE_OPTS) $(HTML_DATA)/gold.ndjson -

$(HTML_COPIES)/.done: $(HTML_DATA)/page_copies.py
	rm -rf $(HTML_COPIES)
	mkdir -p $(HTML_COPIES)
	python3 $(HTML_DATA)/page_copies.py $(HTML_DATA)/pages/ $(HTML_COPIES)/
	@touch $@

copies-score: $(B)/tools/html-score $(BIN)/split-header $(BIN)/normalize-date $(HTML_COPIES)/.done
	$(BIN)/split-header $(HTML_COPIES)/ | $(BIN)/normalize-date \
	    | $(B)/tools/html-score $(HTML_SCORE_OPTS) $(HTML_DATA)/gold.ndjson -

$(HTML_DUMPS)/.done:
	@scripts/need-packages dumps
	rm -rf $(HTML_DUMPS)
	mkdir -p $(HTML_DUMPS)/w3m $(HTML_DUMPS)/lynx
	for f in $(HTML_DATA)/pages/*.html; do \
	    id=$$(basename "$$f" .html); \
	    w3m -dump -T text/html -cols 80 -O UTF-8 "$$f" > "$(HTML_DUMPS)/w3m/$$id.txt" 2>/dev/null; \
	    lynx -dump -nolist -width=80 -assume_charset=utf-8 -display_charset=utf-8 "$$f" \
	        > "$(HTML_DUMPS)/lynx/$$id.txt" 2>/dev/null; \
	done
	@touch $@

dumps-score: $(B)/tools/html-score $(BIN)/split-header $(BIN)/normalize-date $(HTML_DUMPS)/.done
	@for d in w3m lynx; do echo "$$d -dump:"; \
	    $(BIN)/split-header $(HTML_DUMPS)/$$d/ | $(BIN)/normalize-date 2>/dev/null \
	    | $(B)/tools/html-score $(HTML_SCORE_OPTS) $(HTML_DATA)/gold.ndjson - || exit 1; done

.PHONY: html-score copies-score dumps-score
.PRECIOUS: $(B)/tools/%.o
CHECK_TOOLS += $(B)/tools/html-score
