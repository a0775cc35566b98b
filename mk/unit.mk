# Unit tests of the engines in C: tests/unit/NAME.c is built into
# $(B)/unit/NAME against the library; tests/unit.bats runs each one, and
# a non-zero exit (with its message) fails that test.
UNIT_SRC  = $(wildcard tests/unit/*.c)
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)

$(B)/unit/%: $(B)/tests/unit/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS_$*) $(REQ_LDLIBS)

unit: $(UNIT_BINS)

.PHONY: unit
.PRECIOUS: $(B)/tests/unit/%.o
-include $(wildcard $(B)/tests/unit/*.d)
