# to-csv: throughput beside Miller and jq (make bench-to-csv BENCH_MB=100).
BENCH_MB = 100

bench-to-csv: $(BIN)/to-csv
	NEWSPIPE_BIN=$(BIN) scripts/bench-to-csv.sh $(BENCH_MB)

.PHONY: bench-to-csv
