# Wire copy: how split-header reads the invented wire stories of
# tests/fixtures/split-header/wire (tools/wire-score): dateline place,
# agency and clean body rates, and the stories whose last words were
# kept.  WIRE_SCORE_OPTS='--min 0.95' makes it fail below a rate.
WIRE_FIXTURES   = tests/fixtures/split-header/wire/expected.tsv
WIRE_SCORE_OPTS =

wire-score: $(BIN)/split-header
	PATH="$(CURDIR)/$(BIN):$$PATH" tools/wire-score $(WIRE_SCORE_OPTS) $(WIRE_FIXTURES)

.PHONY: wire-score
