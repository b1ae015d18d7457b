#!/usr/bin/env bash
# Live meeting fan-out (not a test; never part of ./mvnw verify): a verzuimoverleg of the demo region with 50 pupils on
# the agenda in a throw-away database, followed by 10, 25 and 50 screens that each re-read the meeting at their own
# user's level on the LiveMeetings pool; the chair's move and the last follower's read timed over 30 moves each.
# Bounded: about 2-4 minutes on 2 cores.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/live/run.sh [measured moves]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JDK="$candidate"; break; fi
done
timeout 900 "${JDK:?needs a JDK 21 or newer}/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  nl.casustafel.bench.LiveBench "$@"
