#!/usr/bin/env bash
# Page load benchmark: builds the jar and the test classes, then runs dk.samspil.bench.PageLoadDriver, which starts
# target/samspil.jar on a fresh data folder, signs in demo users and measures the main signed-in pages closed-loop
# against /actuator/health with the same sessions (the framework's floor; target ratio >= 0.5), then an open load of
# 200 users asking for a page every 5 s (target p95 <= 50 ms, no error); then the application's resident memory
# (peak <= 600 MB) and, after a stop, the restart to the first page (<= 10 s). Takes about three minutes.
#
#   bench/pages.sh [--concurrency 50] [--seconds 10] [--warmup 5] [--users 200] [--think 5] [--open-seconds 30]
#                  [--out target/benchmarks/pages.txt] [--jar target/samspil.jar]
#
# Java: see bench/java.sh. The results file names the Java that ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/java.sh
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec "$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dk.samspil.bench.PageLoadDriver "$@"
