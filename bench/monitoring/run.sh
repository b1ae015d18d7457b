#!/usr/bin/env bash
# Monitoring at region scale (not a test; never part of ./mvnw verify): 100,000 pupils and 10,000,000 absence
# records loaded with COPY into a throw-away database, the summaries filled, each dashboard timed against COPY and a
# plain sequential scan of the same rows measured in the same run. Bounded: about 5-10 minutes on 2 cores.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/monitoring/run.sh [pupils] [records per pupil]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JDK="$candidate"; break; fi
done
timeout 1800 "${JDK:?needs a JDK 21 or newer}/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  nl.casustafel.bench.MonitoringBench "$@"
