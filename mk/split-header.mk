# split-header benchmark: a generated corpus of at least 100 MB (copies of
# the test fixtures and seeds as separate files, one directory per copy,
# plus the same articles as one NDJSON file), timed on one core.
SH_BENCH     = build/bench/split-header
SH_BENCH_MB  = 100

$(SH_BENCH)/.done: $(wildcard tests/fixtures/split-header/*.*) $(wildcard seeds/*.txt)
	@mkdir -p $(SH_BENCH)
	python3 -c 'import glob, json, os, sys; \
	src = sorted(glob.glob("tests/fixtures/split-header/*.*") + glob.glob("seeds/*.txt")); \
	texts = [open(f, "rb").read() for f in src]; \
	size = sum(map(len, texts)); n = ($(SH_BENCH_MB) << 20) // size + 1; \
	nd = open("$(SH_BENCH)/all.ndjson", "w"); \
	[(os.makedirs("$(SH_BENCH)/files/%05d" % i, exist_ok=True), \
	  [open("$(SH_BENCH)/files/%05d/%s" % (i, os.path.basename(f)), "wb").write(t) for f, t in zip(src, texts)], \
	  [nd.write(json.dumps({"id": "%d-%d" % (i, j), "text": t.decode()}) + "\n") for j, t in enumerate(texts)]) \
	 for i in range(n)]'
	@touch $@

# MB/s counts the CPU time of the one process (user + system): the
# figure for one core, whatever else the machine is doing.
bench-split-header: $(BIN)/split-header $(SH_BENCH)/.done
	@for mode in files ndjson; do \
		if [ $$mode = files ]; then in=$(SH_BENCH)/files; opt=; else in=$(SH_BENCH)/all.ndjson; opt=--ndjson; fi; \
		bytes=$$(du -sb --apparent-size $$in | cut -f1); \
		/usr/bin/time -f '%e %U %S' -o $(SH_BENCH)/time $(BIN)/split-header $$opt $$in >$(SH_BENCH)/out.ndjson; \
		n=$$(wc -l <$(SH_BENCH)/out.ndjson); \
		read wall user sys <$(SH_BENCH)/time; \
		awk -v m=$$mode -v b=$$bytes -v n=$$n -v w=$$wall -v c="$$user + $$sys" 'BEGIN { split(c, x, " + "); s = x[1] + x[2]; \
		    printf "split-header (%s): %.1f MB, %d articles, %.2f s CPU (%.2f s wall): %.1f MB/s, %.0f articles/s\n", \
		    m, b / 1048576, n, s, w, b / 1048576 / s, n / s }'; \
	done

bench: bench-split-header

.PHONY: bench bench-split-header

# Texts split-header has not seen, made from those it has by deleting,
# repeating, joining and indenting lines (tools/mutate-check): no
# crash, no line lost, and how many split again differ.
MUTATE_N    = 300
MUTATE_SEED = 1
mutate-check: $(BIN)/split-header
	PATH="$(CURDIR)/$(BIN):$$PATH" tools/mutate-check --seed $(MUTATE_SEED) -n $(MUTATE_N) \
	    tests/fixtures/split-header/*.txt tests/fixtures/split-header/wire/*.txt \
	    tests/fixtures/split-header/pages/*.txt seeds/*.txt

.PHONY: mutate-check

# Invented page copies in many layouts (tools/page-layouts): how often
# the title, the authors and the day of the date come out right.
LAYOUTS_SEED = 1
LAYOUTS_N    = 1000
LAYOUTS      = $(B)/page-layouts

layouts-score: $(BIN)/split-header $(BIN)/normalize-date
	rm -rf $(LAYOUTS)
	tools/page-layouts --out $(LAYOUTS) --seed $(LAYOUTS_SEED) -n $(LAYOUTS_N)
	$(BIN)/split-header $(LAYOUTS)/ | $(BIN)/normalize-date \
	    | tools/page-layouts --score $(LAYOUTS) $(LAYOUTS_OPTS)

.PHONY: layouts-score
