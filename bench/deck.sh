#!/usr/bin/env bash
# Meeting deck benchmark (JMH): a typical deck (30 practices, 60 answers, 11 questions, 24 months of data) written as
# .pptx with native charts; warm time per deck (p50), a batch of 200 decks and bytes allocated per deck, with the
# targets (p50 <= 300 ms, 200 decks <= 60 s, <= 64 MB allocated per deck) marked PASS/FAIL. Takes about 2 minutes.
#
#   bench/deck.sh [output-file]     (default docs/benchmarks/deck-<date>.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-docs/benchmarks/deck-$(date -u +%F).txt}"
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dk.samspil.bench.DeckBenchmark "$out"
