# One article of 1, 10 and 50 MB through every program: peak memory as a
# multiple of the record's size, and time (bench/big-article.md):
#   make bench-big [BIG_MB="1 10 50"]
BIG_MB = 1 10 50

bench-big: all build/gen-corpus
	@scripts/need-packages bench
	BIN=$(CURDIR)/$(BIN) BIG_MB="$(BIG_MB)" bench/big-article

.PHONY: bench-big
