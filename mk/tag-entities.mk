# tag-entities: the tagger's trainer and scorer (built, never installed),
# the committed model, and its benchmark.
NER_DATA   = ../shared/ner
NER_EPOCHS = 12
NER_FOLDS  = 5
NER_SEED   = 1
# Word clusters (make clusters): Brown clusters of the unlabeled news and
# Wikipedia text in $(NER_DATA)/unlabeled and of the training text.
NER_CLUSTERS = data/ner-clusters.tsv
NER_CLASSES  = 512
NER_CL_MIN   = 2
NER_UNLABELED = $(NER_DATA)/unlabeled/agnews.txt $(NER_DATA)/unlabeled/bbc.txt \
	    $(NER_DATA)/unlabeled/wikitext2.txt
# make ner-score fails below this overall F1 on dev.txt (the committed
# model's figure is deterministic, so this guards against regressions).
NER_MIN_F1 = 0.93
NER_TOOLS  = $(B)/tools/ner-train $(B)/tools/ner-score $(B)/tools/ner-clusters

NER_TOOL_OBJ = $(B)/tools/conll.o $(B)/tools/gazetteer.o

$(NER_TOOLS): $(B)/tools/%: $(B)/tools/%.o $(NER_TOOL_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(NER_TOOL_OBJ) $(LIBA) $(REQ_LDLIBS)

# The clusters and the model are committed, so users never train.
# Clustering takes a few minutes, training a few more (both niced); two
# runs of either write byte-identical files.  dev.txt is only scored.
clusters: $(B)/tools/ner-clusters
	nice $(B)/tools/ner-clusters -c $(NER_CLASSES) -m $(NER_CL_MIN) \
	    -t $(NER_DATA)/train.txt -o $(NER_CLUSTERS).tmp $(NER_UNLABELED)
	mv $(NER_CLUSTERS).tmp $(NER_CLUSTERS)

model: $(B)/tools/ner-train
	@scripts/need-packages model
	nice $(B)/tools/ner-train -e $(NER_EPOCHS) -f $(NER_FOLDS) -s $(NER_SEED) \
	    -k $(NER_CLUSTERS) -g data/ner-gazetteer.tsv -d $(NER_DATA)/dev.txt \
	    -o models/ner.model.tmp $(NER_DATA)/train.txt
	mv models/ner.model.tmp models/ner.model

# CoNLL scores (exact span and type) of the committed model on dev.txt.
ner-score: $(B)/tools/ner-score
	$(B)/tools/ner-score --min-f1 $(NER_MIN_F1) --model models/ner.model $(NER_DATA)/dev.txt

# The tagger alone on dev.txt, then the whole filter (JSON in and out) on
# the seeds repeated 200 times: tokens per CPU second (user + system,
# best of 5, so other jobs on the machine count less).
ner-bench: $(B)/tools/ner-score $(BIN)/tag-entities $(BIN)/split-header
	@scripts/need-packages bench
	$(B)/tools/ner-score --bench --model models/ner.model $(NER_DATA)/dev.txt
	@i=0; while [ $$i -lt 200 ]; do $(BIN)/split-header seeds/; i=$$((i + 1)); done >$(B)/ner-bench.ndjson
	@n=$$($(B)/tools/ner-score --tokens $(B)/ner-bench.ndjson); best=; \
	for i in 1 2 3 4 5; do \
	    t=$$( { /usr/bin/time -f '%U %S' $(BIN)/tag-entities --no-mentions $(B)/ner-bench.ndjson >/dev/null; } 2>&1 | awk '{ print $$1 + $$2 }'); \
	    best=$$(echo "$$t $$best" | awk '{ print ($$2 == "" || $$1 < $$2) ? $$1 : $$2 }'); \
	done; \
	awk -v n=$$n -v t=$$best -v b=$$(wc -c <$(B)/ner-bench.ndjson) 'BEGIN { \
	    printf "tag-entities: %d tokens (%d bytes of records) in %.2f CPU s: %.0f tokens per CPU second, %.2f MB/s\n", n, b, t, n / t, b / t / 1e6 }'
	@ls -l models/ner.model $(NER_CLUSTERS) | awk '{ printf "%s: %.2f MB\n", $$NF, $$5 / 1048576 }'

bench: ner-bench

.PHONY: clusters model ner-score ner-bench bench
.PRECIOUS: $(B)/tools/%.o
