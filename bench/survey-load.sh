#!/usr/bin/env bash
# Survey load benchmark: builds the jar and the test classes, then runs dk.samspil.bench.SurveyLoadDriver, which
# starts target/samspil.jar on a fresh data folder, plays N respondents answering the questionnaire over HTTP and
# writes the results to target/benchmarks/survey-load.txt (survey-load-kill.txt with --kill).
#
#   bench/survey-load.sh [--invitees N] [--concurrency C] [--warmup W] [--kill] [--instances 1|2] [--out FILE] [--jar PATH]
#
# Defaults: --invitees 10000 --concurrency 64 --warmup 6000 --jar target/samspil.jar
#
# Java: see bench/java.sh. The results file names the Java that ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source bench/java.sh

# package compiles the tests too (-DskipTests only skips running them); the classpath file lists every
# test-scope dependency, the PostgreSQL driver among them.
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp

exec "$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dk.samspil.bench.SurveyLoadDriver "$@"
