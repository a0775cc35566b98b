# dedupe: precision/recall and scale benchmarks (bench/dedupe-pr.c).
DEDUPE_PR   = $(B)/bench/dedupe-pr
DEDUPE_SET  = $(B)/bench/dedupe-set.ndjson
# Originals in the precision/recall set (about 2.5 records each).
DEDUPE_N    = 2000
DEDUPE_SCALE = 10000 100000 1000000

$(DEDUPE_PR): $(B)/bench/dedupe-pr.o $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

# Precision and recall of the duplicate pairs at the default threshold,
# per variant (trimmed copies, short notices and their name and date
# swaps among them); then the notices with no text short (--short 0:
# the names rule off), to show what the rule does.
dedupe-pr: $(BIN)/dedupe $(DEDUPE_PR)
	$(DEDUPE_PR) gen -n $(DEDUPE_N) >$(DEDUPE_SET)
	$(BIN)/dedupe --mark $(DEDUPE_SET) | $(DEDUPE_PR) score
	@echo "with --short 0 (names rule off):"
	@$(BIN)/dedupe --mark --short 0 $(DEDUPE_SET) | $(DEDUPE_PR) score | grep -E '^(precision|  (notice|name-swap|date-swap))'

# The same with re-worded copies close to the threshold: the rates per
# band of true similarity are the false-positive/negative rates.
dedupe-pr-stress: $(BIN)/dedupe $(DEDUPE_PR)
	$(DEDUPE_PR) gen -n $(DEDUPE_N) -s 2 -L 0.84,0.82,0.78,0.76 >$(DEDUPE_SET)
	$(BIN)/dedupe --mark $(DEDUPE_SET) | $(DEDUPE_PR) score

# Time and peak memory for 10k, 100k and 1M short distinct articles.
dedupe-scale: $(BIN)/dedupe $(DEDUPE_PR)
	for n in $(DEDUPE_SCALE); do $(DEDUPE_PR) scale $$n $(BIN)/dedupe || exit 1; done

bench: dedupe-pr

.PHONY: dedupe-pr dedupe-pr-stress dedupe-scale bench

-include $(wildcard $(B)/bench/*.d)

# Story groups (dedupe --stories) on a generated labelled stream: pair
# precision, recall and F1 (bench/dedupe-stories).
dedupe-stories: all build/gen-corpus $(DEDUPE_PR)
	BIN=$(CURDIR)/$(BIN) DEDUPE_PR=$(DEDUPE_PR) bench/dedupe-stories

.PHONY: dedupe-stories

# This dedupe against another build: make dedupe-vs REF=path/to/dedupe
dedupe-vs: all build/gen-corpus $(DEDUPE_PR)
	@test -n "$(REF)" || { echo "make dedupe-vs REF=path/to/other/dedupe" >&2; exit 2; }
	BIN=$(CURDIR)/$(BIN) DEDUPE_PR=$(DEDUPE_PR) bench/dedupe-vs $(REF)

.PHONY: dedupe-vs
