#!/usr/bin/env bash
# Live meeting fan-out (not a test; never part of ./mvnw verify): a verzuimoverleg of the demo region with 50 pupils on
# the agenda in a throw-away database, followed by 10, 25 and 50 screens that each re-read the meeting at their own
# user's level on the LiveMeetings pool; the chair's move and the last follower's read timed over 30 moves each.
# Bounded: about 2-4 minutes on 2 cores.
#   DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/test DATASOURCES_DEFAULT_USERNAME=root bench/live/run.sh [measured moves]
set -euo pipefail
exec "$(dirname "$0")/../java-main.sh" 900 nl.casustafel.bench.LiveBench "$@"
