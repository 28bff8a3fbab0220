#!/usr/bin/env bash
# Register import benchmark: generates a national-size service file (~1,000,000 rows), imports it through the import
# page's code on an embedded PostgreSQL (fsync on), compares with a bare COPY of the same rows, and writes
# target/benchmarks/register-import.txt. The JVM gets -Xmx256m: the heap the target allows.
#
#   bench/register-import.sh [output-file]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dk.samspil.bench.RegisterImportBenchmark "$@"
