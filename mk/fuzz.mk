# Fuzzing with libFuzzer (clang), under AddressSanitizer and UBSan.
#   make fuzz [FUZZ_SECONDS=60]   fuzz every target for N seconds each;
#                                 fails on the first crash (kept in fuzz/out/)
#   make fuzz-regress             replay fuzz/corpus/* once, no fuzzing (CI)
#   make fuzz-build               build the targets into build/fuzz/bin/
# A target NAME is fuzz/NAME.c with LLVMFuzzerTestOneInput and seeds in
# fuzz/corpus/NAME/.  To add one, write those and add its name here:
FUZZ_TARGETS = record_line scan text date token article html
# Every program also gets a target filter-PROG: fuzz/filter.c linked with
# the program's own object, driven through its `struct filter filter`
# (lib/filter.h); its main() is made a local symbol so libFuzzer's runs.

FUZZ_CC      = clang
FUZZ_SECONDS = 60
FUZZ_FLAGS   = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer -g -O1
# Extra libFuzzer options, e.g. FUZZ_OPTS='-max_len=65536 -jobs=2'.
FUZZ_OPTS    = -max_len=65536 -timeout=10 -rss_limit_mb=2048
# A cap on the inputs each target runs (none when empty); FUZZ_RUNS_NAME
# sets one target's (e.g. FUZZ_RUNS_html=12000).
FUZZ_RUNS    =
fuzz_runs    = $(if $(or $(FUZZ_RUNS_$(1)),$(FUZZ_RUNS)),-runs=$(or $(FUZZ_RUNS_$(1)),$(FUZZ_RUNS)))
FB           = build/fuzz
FUZZ_ALL     = $(FUZZ_TARGETS) $(PROGS:%=filter-%)
FUZZ_BINS    = $(FUZZ_ALL:%=$(FB)/bin/%)
FUZZ_CFLAGS  = $(filter-out -fsanitize=%,$(REQ_CFLAGS)) $(CPPFLAGS) \
               $(subst fuzzer,fuzzer-no-link,$(FUZZ_FLAGS)) -MMD -MP
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(FB)/%.o)

# Say which Debian packages are missing before clang fails.
fuzz-deps:
	@scripts/need-packages fuzz

$(FB)/lib/%.o: lib/%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FB)/libnewspipe.a: $(FUZZ_LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_LIB_OBJ)

$(FB)/fuzz/%.o: fuzz/%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FB)/filters/%.o: filters/%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MF $(@:.o=.d) -MT $@ -c -o $@.tmp $<
	objcopy --localize-symbol=main $@.tmp $@
	rm -f $@.tmp

$(FB)/bin/filter-%: $(FB)/fuzz/filter.o $(FB)/filters/%.o $(FB)/libnewspipe.a
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(LDFLAGS) -o $@ $(FB)/fuzz/filter.o $(FB)/filters/$*.o \
	    $(FB)/libnewspipe.a $(LIBS_$*) $(REQ_LDLIBS)

$(FB)/bin/%: $(FB)/fuzz/%.o $(FB)/libnewspipe.a
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(LDFLAGS) -o $@ $< $(FB)/libnewspipe.a $(LIBS_$*) $(REQ_LDLIBS)

fuzz-build: $(FUZZ_BINS)

# New inputs go to fuzz/out/corpus/NAME (ignored); the committed seeds in
# fuzz/corpus/NAME are only read.  A crash ends that target's run (its
# input is fuzz/out/NAME/crash-*), the others still run, and make fails.
# Minimise the input (-minimize_crash=1), commit it to fuzz/corpus/NAME/
# and fix the bug: fuzz-regress replays it from then on.  Each target is
# its own make goal (fuzz-run-NAME), so make -jN fuzz runs N at once; with
# FUZZ_OPTS='-fork=K' each of them also uses K processes.
fuzz: fuzz-build
	@$(MAKE) --no-print-directory -k $(FUZZ_ALL:%=fuzz-run-%)

# The run count: the final stats, or in -fork mode the last status line.
$(FUZZ_ALL:%=fuzz-run-%): fuzz-run-%: $(FB)/bin/%
	@mkdir -p fuzz/out/$* fuzz/out/corpus/$* fuzz/corpus/$*
	@if $(FB)/bin/$* $(FUZZ_OPTS) $(call fuzz_runs,$*) -max_total_time=$(FUZZ_SECONDS) \
	    -close_fd_mask=1 -print_final_stats=1 \
	    -artifact_prefix=fuzz/out/$*/ \
	    fuzz/out/corpus/$* fuzz/corpus/$* >fuzz/out/$*.log 2>&1; then \
		runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' fuzz/out/$*.log); \
		[ -n "$$runs" ] || runs=$$(sed -n 's/^#\([0-9]*\): cov.*/\1/p' fuzz/out/$*.log | tail -n 1); \
		echo "fuzz: $* ok, $(FUZZ_SECONDS) s, $$runs runs"; \
	else \
		grep -A 30 -E '^==[0-9]+==|runtime error|deadly signal|timeout' fuzz/out/$*.log | head -n 40; \
		echo "fuzz: $* FAILED, input in fuzz/out/$*/, log fuzz/out/$*.log"; exit 1; \
	fi

# Runs every committed input once (-runs=0 only loads the corpus).
fuzz-regress: fuzz-build
	@mkdir -p fuzz/out; failed=; for t in $(FUZZ_ALL); do \
		mkdir -p fuzz/corpus/$$t || exit 1; \
		if $(FB)/bin/$$t -runs=0 -close_fd_mask=1 fuzz/corpus/$$t >fuzz/out/regress-$$t.log 2>&1; then \
			echo "fuzz-regress: $$t ok, $$(ls fuzz/corpus/$$t | wc -l) inputs"; \
		else \
			tail -n 40 fuzz/out/regress-$$t.log; echo "fuzz-regress: $$t FAILED"; failed=1; \
		fi; \
	done; test -z "$$failed"

fuzz-list:
	@echo $(FUZZ_ALL)

.PHONY: fuzz fuzz-build fuzz-deps fuzz-regress fuzz-list $(FUZZ_ALL:%=fuzz-run-%)
.PRECIOUS: $(FB)/fuzz/%.o $(FB)/filters/%.o $(FB)/lib/%.o

-include $(wildcard $(FB)/lib/*.d $(FB)/lib/*/*.d $(FB)/fuzz/*.d $(FB)/filters/*.d)
