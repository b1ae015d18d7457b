#!/usr/bin/env bash
# The main API reads at region scale (issue 14; not a test, never part of ./mvnw verify): 50 schools (one of 5,000 pupils),
# 100,000 pupils, 500 users and 10,000,000 absence records loaded with COPY into a throw-away database; each main read
# timed (first, p50, p95 of 20) next to its goal and to COPY, an index lookup and a sequential count. Bounded: 30 minutes.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/region/run.sh [pupils] [records per pupil] [pupils of the big school]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JDK="$candidate"; break; fi
done
timeout 1800 "${JDK:?needs a JDK 21 or newer}/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  nl.casustafel.bench.RegionBench "$@"
