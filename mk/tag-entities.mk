# tag-entities: the tagger's trainer and scorer (built, never installed),
# the committed model, and its benchmark.
NER_DATA   = ../shared/ner
NER_EPOCHS = 20
NER_SEED   = 1
# make ner-score fails below this overall F1 on dev.txt (the committed
# model's figure is deterministic, so this guards against regressions).
NER_MIN_F1 = 0.91
NER_TOOLS  = $(B)/tools/ner-train $(B)/tools/ner-score $(B)/tools/ner-clusters

NER_TOOL_OBJ = $(B)/tools/conll.o $(B)/tools/gazetteer.o

$(NER_TOOLS): $(B)/tools/%: $(B)/tools/%.o $(NER_TOOL_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(NER_TOOL_OBJ) $(LIBA) $(REQ_LDLIBS)

# Training takes about 10 s; the model is committed, so users never train.
model: $(B)/tools/ner-train
	nice $(B)/tools/ner-train -e $(NER_EPOCHS) -s $(NER_SEED) \
	    -g data/ner-gazetteer.tsv -o models/ner.model.tmp \
	    $(NER_DATA)/train.txt $(NER_DATA)/dev.txt
	mv models/ner.model.tmp models/ner.model

# CoNLL scores (exact span and type) of the committed model on dev.txt.
ner-score: $(B)/tools/ner-score
	$(B)/tools/ner-score --min-f1 $(NER_MIN_F1) --model models/ner.model $(NER_DATA)/dev.txt

# The tagger alone on dev.txt, then the whole filter (JSON in and out) on
# the seeds repeated 200 times.
ner-bench: $(B)/tools/ner-score $(BIN)/tag-entities $(BIN)/split-header
	$(B)/tools/ner-score --bench --model models/ner.model $(NER_DATA)/dev.txt
	@i=0; while [ $$i -lt 200 ]; do $(BIN)/split-header seeds/; i=$$((i + 1)); done >$(B)/ner-bench.ndjson
	@s=$$(date +%s.%N); $(BIN)/tag-entities --no-mentions $(B)/ner-bench.ndjson >/dev/null; \
	e=$$(date +%s.%N); \
	awk -v b=$$(wc -c <$(B)/ner-bench.ndjson) -v s=$$s -v e=$$e 'BEGIN { \
	    printf "tag-entities: %d bytes of records in %.2f s: %.2f MB/s\n", b, e - s, b / (e - s) / 1e6 }'

bench: ner-bench

.PHONY: model ner-score ner-bench bench
.PRECIOUS: $(B)/tools/%.o
