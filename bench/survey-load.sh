#!/usr/bin/env bash
# Survey load benchmark: builds the jar and the test classes, then runs dk.samspil.bench.SurveyLoadDriver, which
# starts target/samspil.jar on a fresh data folder, plays N respondents answering the questionnaire over HTTP and
# writes the results to target/benchmarks/survey-load.txt (survey-load-kill.txt with --kill).
#
#   bench/survey-load.sh [--invitees N] [--concurrency C] [--warmup W] [--kill] [--out FILE] [--jar PATH]
#
# Defaults: --invitees 10000 --concurrency 64 --warmup 6000 --jar target/samspil.jar
#
# Java: the driver and the application run on BENCH_JAVA_HOME if set; otherwise on the newest JDK of 21 or later
# under /usr/lib/jvm (Samspil answers on virtual threads there), else on the java on the PATH. The results file
# names the Java that ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

java_bin=java
if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
  java_bin="$BENCH_JAVA_HOME/bin/java"
else
  best=0
  for home in /usr/lib/jvm/*/; do
    [[ -x "$home/bin/java" ]] || continue
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best" ]]; then
      best=$major
      java_bin="$home/bin/java"
    fi
  done
fi
echo "bench: running on $("$java_bin" -version 2>&1 | head -1)"

# package compiles the tests too (-DskipTests only skips running them); the classpath file lists every
# test-scope dependency, the PostgreSQL driver among them.
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp

exec "$java_bin" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dk.samspil.bench.SurveyLoadDriver "$@"
