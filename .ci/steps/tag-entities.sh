#!/usr/bin/env bash
# tag-entities: CoNLL scores of the committed model on dev.txt, and its
# speed (reported, never asserted).  The data lives outside the project.
set -eu
cd "$(dirname "$0")/../.."
make --no-print-directory ner-score
make --no-print-directory ner-bench
