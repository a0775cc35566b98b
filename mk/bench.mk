# Benchmarks: make bench [BENCH_MB=100] [BENCH_RUNS=3] [BENCH_SEED=1]
# bench/run generates (and caches under bench/out/) a corpus with
# build/gen-corpus, times each program and the pipeline against cat,
# jq and mlr on the same input, and writes bench/results.md.
BENCH_MB   = 100
BENCH_RUNS = 3
BENCH_SEED = 1

build/gen-corpus: $(B)/bench/gen-corpus.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

bench: all build/gen-corpus
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
