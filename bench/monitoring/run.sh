#!/usr/bin/env bash
# Monitoring at region scale (not a test; never part of ./mvnw verify): 100,000 pupils and 10,000,000 absence
# records loaded with COPY into a throw-away database, the summaries filled, each dashboard timed against COPY and a
# plain sequential scan of the same rows measured in the same run. Bounded: about 5-10 minutes on 2 cores.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/monitoring/run.sh [pupils] [records per pupil]
set -euo pipefail
exec "$(dirname "$0")/../java-main.sh" 1800 nl.casustafel.bench.MonitoringBench "$@"
