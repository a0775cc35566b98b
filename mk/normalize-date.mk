# normalize-date: the TimeML scorer and the benchmark.
TIMEX_DATA = ../shared/timex

$(B)/tools/timex-score: $(B)/tools/timex-score.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

# Value accuracy of lib/timex on gold TIMEX3 annotations (TempEval-3).
timex-score: $(B)/tools/timex-score
	$(B)/tools/timex-score $(TIMEX_DATA)/*/*.tml

# MB/s of normalize-date on about 100 MB of generated records.
BENCH_ND = build/bench/normalize-date.ndjson
$(BENCH_ND): tests/fixtures/normalize-date/bench.ndjson
	@mkdir -p $(@D)
	scripts/../tests/fixtures/normalize-date/replicate $< 100000000 > $@

bench-normalize-date: $(BIN)/normalize-date $(BENCH_ND)
	@s=$$(wc -c < $(BENCH_ND)); t0=$$(date +%s.%N); \
	$(BIN)/normalize-date $(BENCH_ND) > /dev/null || exit 1; \
	t1=$$(date +%s.%N); \
	echo "normalize-date: $$s bytes in $$(echo "$$t1 - $$t0" | bc) s: $$(echo "scale=1; $$s / ($$t1 - $$t0) / 1000000" | bc) MB/s"

bench: bench-normalize-date

.PHONY: timex-score bench bench-normalize-date
.PRECIOUS: $(B)/tools/%.o
