#!/bin/sh
# Absence benchmarks (not tests; never part of ./mvnw verify): a 1,000,000-row import of 20,000
# pupils against plain PostgreSQL COPY of the same file, and the signals of those 20,000 pupils.
# Uses a throw-away database on DATASOURCES_DEFAULT_URL (user needs CREATEDB) or an embedded PostgreSQL.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/run.sh
set -e
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.casustafel.bench.AbsenceBench
