# dedupe: precision/recall and scale benchmarks (bench/dedupe-pr.c).
DEDUPE_PR   = $(B)/bench/dedupe-pr
DEDUPE_SET  = $(B)/bench/dedupe-set.ndjson
# Originals in the precision/recall set (about 2.5 records each).
DEDUPE_N    = 2000
DEDUPE_SCALE = 10000 100000 1000000

$(DEDUPE_PR): $(B)/bench/dedupe-pr.o $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

# Precision and recall of the duplicate pairs at the default threshold.
dedupe-pr: $(BIN)/dedupe $(DEDUPE_PR)
	$(DEDUPE_PR) gen -n $(DEDUPE_N) >$(DEDUPE_SET)
	$(BIN)/dedupe --mark $(DEDUPE_SET) | $(DEDUPE_PR) score

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
