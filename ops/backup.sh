#!/usr/bin/env bash
# Backs up Samspil's database while Samspil runs: every table in one consistent snapshot, in one file.
# The embedded PostgreSQL is found by its pid file in the data folder; for an external PostgreSQL set
# SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) as for the application.
#
#   ops/backup.sh [backup-file] [data-dir]     (default backups/samspil-<UTC time>.backup, data dir ./data)
#
# Restore into a fresh database (an empty data folder, or an empty external database) by starting Samspil on it with
#   java -jar samspil.jar --samspil.data-dir=<new-dir> --samspil.restore-from=<backup-file>
set -euo pipefail
jar="${SAMSPIL_JAR:-$(dirname "${BASH_SOURCE[0]}")/../target/samspil.jar}"
out="${1:-backups/samspil-$(date -u +%Y%m%dT%H%M%SZ).backup}"
mkdir -p "$(dirname "$out")"
exec java -jar "$jar" "--backup=$out" "--samspil.data-dir=${2:-data}"
