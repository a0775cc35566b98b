# normalize-date: the TimeML scorer and the benchmark.
TIMEX_DATA = ../shared/timex

$(B)/tools/timex-score: $(B)/tools/timex-score.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(REQ_LDLIBS)

# Value accuracy of lib/timex on gold TIMEX3 annotations (TempEval-3).
timex-score: $(B)/tools/timex-score
	$(B)/tools/timex-score $(TIMEX_DATA)/*/*.tml

# MB/s of normalize-date on one core, on about 100 MB of records made by
# repeating its fixtures (dense in dates: a hard case).
BENCH_ND = build/bench/normalize-date.ndjson
BENCH_ND_SIZE = 100000000
$(BENCH_ND): tests/fixtures/normalize-date/bench.ndjson tests/fixtures/normalize-date/seeds.ndjson
	@mkdir -p $(@D)
	awk -v n=$(BENCH_ND_SIZE) '{ a[NR] = $$0 } END { while (t < n) for (i = 1; i <= NR && t < n; i++) { print a[i]; t += length(a[i]) + 1 } }' $^ > $@

bench-normalize-date: $(BIN)/normalize-date $(BENCH_ND)
	@s=$$(wc -c < $(BENCH_ND)); t0=$$(date +%s.%N); \
	$(BIN)/normalize-date $(BENCH_ND) > /dev/null || exit 1; \
	t1=$$(date +%s.%N); \
	awk -v s=$$s -v a=$$t0 -v b=$$t1 'BEGIN { printf "normalize-date: %d bytes in %.2f s: %.1f MB/s\n", s, b - a, s / (b - a) / 1e6 }'

bench: bench-normalize-date

.PHONY: timex-score bench bench-normalize-date
.PRECIOUS: $(B)/tools/%.o
