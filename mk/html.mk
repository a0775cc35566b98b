# Article extraction scores on the annotated saved pages of ../shared/html
# (README there): make html-score (the pages as HTML) and make
# copies-score (the same pages as a browser's "select all, copy" gives
# them, made by its page_copies.py).  HTML_SCORE_OPTS='--misses' lists
# every miss.
HTML_DATA       = ../shared/html
HTML_SCORE_OPTS =
HTML_COPIES     = $(B)/html-copies

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

.PHONY: html-score copies-score
.PRECIOUS: $(B)/tools/%.o
CHECK_TOOLS += $(B)/tools/html-score
