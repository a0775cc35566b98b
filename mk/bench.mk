# Benchmarks: make bench [BENCH_MB=100] [BENCH_RUNS=3] [BENCH_SEED=1]
# bench/run generates (and caches under bench/out/) a corpus with
# build/gen-corpus, times each program and the pipeline against the
# jansson floor (build/json-floor), cat, jq and mlr on the same input,
# and writes bench/results.md.  build/cpu-time measures each run,
# build/count-tokens counts the tagger's tokens.
BENCH_MB   = 100
BENCH_RUNS = 3
BENCH_SEED = 1

build/gen-corpus: $(B)/bench/gen-corpus.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

# The floor is jansson alone: no lib/, none of our flags' libraries.
build/json-floor: $(B)/bench/json-floor.o
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(shell $(PKG_CONFIG) --libs jansson)

build/cpu-time: $(B)/bench/cpu-time.o
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $<

build/count-tokens: $(B)/bench/count-tokens.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

BENCH_TOOLS = build/gen-corpus build/json-floor build/cpu-time build/count-tokens

bench: all $(BENCH_TOOLS)
	@scripts/need-packages bench
	BENCH_MB=$(BENCH_MB) BENCH_RUNS=$(BENCH_RUNS) BENCH_SEED=$(BENCH_SEED) \
	    BIN=$(CURDIR)/$(BIN) CC="$(CC)" bench/run

# How pipeline.sh --jobs scales: make bench-jobs [BENCH_MB=50]
# [BENCH_JOBS="1 2 4 8 15"]; a markdown table on stdout.
bench-jobs: all build/gen-corpus
	@scripts/need-packages run
	@BENCH_MB=$(if $(filter command line,$(origin BENCH_MB)),$(BENCH_MB),50) \
	    BENCH_JOBS="$(BENCH_JOBS)" BIN=$(CURDIR)/$(BIN) bench/jobs-scaling

.PHONY: bench bench-jobs
.PRECIOUS: $(B)/bench/%.o
-include $(wildcard $(B)/bench/*.d)
