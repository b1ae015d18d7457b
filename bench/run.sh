#!/usr/bin/env bash
# Absence benchmarks (not tests; never part of ./mvnw verify): a 1,000,000-row import of 20,000
# pupils against plain PostgreSQL COPY of the same file, and the signals of those 20,000 pupils.
# Uses a throw-away database on DATASOURCES_DEFAULT_URL (user needs CREATEDB) or an embedded PostgreSQL.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# the same JDK (21 or newer) as ./mvnw picks
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JDK="$candidate"; break; fi
done
"${JDK:?needs a JDK 21 or newer}/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  nl.casustafel.bench.AbsenceBench
