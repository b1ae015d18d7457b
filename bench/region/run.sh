#!/usr/bin/env bash
# The main API reads at region scale (issue 14; not a test, never part of ./mvnw verify): 50 schools (one of 5,000 pupils),
# 100,000 pupils, 500 users and 10,000,000 absence records loaded with COPY into a throw-away database; each main read
# timed (first, p50, p95 of 20) next to its goal and to COPY, an index lookup and a sequential count. Bounded: 30 minutes.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/region/run.sh [pupils] [records per pupil] [pupils of the big school]
set -euo pipefail
exec "$(dirname "$0")/../java-main.sh" 1800 nl.casustafel.bench.RegionBench "$@"
