#!/usr/bin/env bash
# Shared by the benchmark scripts: builds the test classes and runs one bench main class on the same JDK (21 or newer)
# as ./mvnw picks, bounded by a timeout.
#   bench/java-main.sh <timeout seconds> <class> [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
limit="$1"; main="$2"; shift 2
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JDK="$candidate"; break; fi
done
exec timeout "$limit" "${JDK:?needs a JDK 21 or newer}/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  "$main" "$@"
