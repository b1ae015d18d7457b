#!/usr/bin/env bash
# Absence benchmarks (not tests; never part of ./mvnw verify): a 1,000,000-row import of 20,000
# pupils against plain PostgreSQL COPY of the same file, and the signals of those 20,000 pupils.
# Uses a throw-away database on DATASOURCES_DEFAULT_URL (user needs CREATEDB) or an embedded PostgreSQL.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/run.sh
set -euo pipefail
exec "$(dirname "$0")/java-main.sh" 1800 nl.casustafel.bench.AbsenceBench "$@"
