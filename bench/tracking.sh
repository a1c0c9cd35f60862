#!/usr/bin/env bash
# Tracking throughput benchmark (issue 14). Builds the jars, then, on a fresh data directory under /tmp:
#  1. Correlation alone. Holdfast runs without correlation workers (HOLDFAST_TRACKING_WORKERS=0) while the simulator's
#     load mode registers 50 tags on assets (the reference batches' own and made-up ones) and a Location around each
#     batch's yard, and uploads reference batches (1,080 observations, 900 sightings) for LOAD. Holdfast restarts with
#     WORKERS correlation workers and nothing else to do; the script waits until the backlog is empty and prints batches
#     correlated per second (from the batches' processed_at times) and the rows written.
#  2. Correlation under load. The simulator uploads RATE batches/s for DURATION while the workers correlate; the
#     correlation lag (holdfast_tracking_lag_seconds) is sampled every 2 s; its maximum and the backlog at the end are
#     printed, and the time the backlog took to empty after the load.
#   [SKIP_BUILD=1] [WORKERS=1] [RATE=1000] [DURATION=60s] [SERVER_JAVA_OPTS=…] bench/tracking.sh [LOAD=30s]
set -euo pipefail
LOAD=${1:-30s}
WORKERS=${WORKERS:-1}
RATE=${RATE:-1000}
DURATION=${DURATION:-60s}
PORT=${PORT:-18184}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-tracking-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT
JDBC=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jars"
  ./mvnw -B -q -o -pl server,simulator -am package -Dmaven.test.skip=true \
    || ./mvnw -B -q -pl server,simulator -am package -Dmaven.test.skip=true
fi

. bench/common.sh
trap stop_holdfast EXIT
sql() { java -cp "$JDBC" bench/Sql.java "$DATA" "$TENANT" "$@" 2>/dev/null; }
gauge() { curl -fs "$BASE/actuator/prometheus" | awk -v m="$1" '$1 == m {print $2}'; }

echo "== starting the server without correlation workers (data in $DATA)"
HOLDFAST_TRACKING_WORKERS=0 start_holdfast
sign_up "Tracking Bench"
enrolment_code 200
echo "== company $TENANT; $(nproc) cores"

echo "== 1. uploading reference batches for $LOAD (no correlation yet)"
java -jar simulator/target/holdfast-sim.jar --mode load --server "$BASE" --code "$CODE" --token "$TOKEN" \
  --devices 50 --concurrency 32 --batches 4 --seed 1 --duration "$LOAD" | grep -E "registered|accepted|batches/s|errors"
stop_holdfast
echo "== restarting with $WORKERS correlation worker(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
T0=$(date +%s.%N)
HOLDFAST_TRACKING_WORKERS=$WORKERS start_holdfast
while true; do
  LEFT=$(sql "select count(*) from field_batches where processed_at is null")
  [ "$LEFT" = "0" ] && break
  if [ -n "${PROFILE:-}" ]; then # what the correlation thread and the database are doing meanwhile
    for _ in 1 2 3 4; do
      jstack $SERVER 2>/dev/null | grep -A 60 '"correlation-0"' | grep -m 2 "at dev\.holdfast\.tracking\|at dev\.holdfast\.ingest\|at dev\.holdfast\.inventory" | sed 's/^/   jvm: /' | tr '\n' ' ' || true
      echo
    done
    SQL_AS=postgres java -cp "$JDBC" bench/Sql.java "$DATA" "$TENANT" "select left(regexp_replace(query, '\s+', ' ', 'g'), 110), wait_event from pg_stat_activity where state = 'active' and backend_type = 'client backend' and query not like '%pg_stat_activity%'" 2>/dev/null
  fi
  sleep 1
done
T1=$(date +%s.%N)
echo "   drained in $(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}') s wall time (including the restart)"
sql "select count(*) || ' batches correlated in ' || round(extract(epoch from max(processed_at) - min(processed_at))::numeric, 1)
       || ' s: ' || round((count(*) / greatest(extract(epoch from max(processed_at) - min(processed_at)), 0.001))::numeric)
       || ' batches/s' from field_batches" \
    "select 'rows: ' || (select count(*) from asset_sightings) || ' pass estimates, '
       || (select count(*) from asset_handling) || ' handlings, ' || (select count(*) from asset_visits) || ' visits, '
       || (select count(*) from asset_positions) || ' positions'"

echo "== 2. uploading $RATE batches/s for $DURATION while correlating"
( while true; do echo "$(date +%s) $(gauge holdfast_tracking_lag_seconds) $(gauge holdfast_tracking_backlog)"; sleep 2; done ) \
  >"$DATA/lag.txt" 2>/dev/null &
SAMPLER=$!
java -jar simulator/target/holdfast-sim.jar --mode load --server "$BASE" --code "$CODE" \
  --devices 50 --concurrency 16 --batches 4 --seed 1 --rate "$RATE" --duration "$DURATION" | grep -E "accepted|batches/s|latency|errors"
T2=$(date +%s.%N)
while [ "$(sql "select count(*) from field_batches where processed_at is null")" != "0" ]; do sleep 1; done
T3=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true
awk '{ if ($2 > max) max = $2; n++ } END { printf "   lag: max %.0f s over %d samples\n", max, n }' "$DATA/lag.txt"
echo "   backlog emptied $(awk -v a="$T2" -v b="$T3" 'BEGIN {printf "%.1f", b - a}') s after the load ended"
sql "select 'after both: ' || count(*) || ' batches, ' || (select count(*) from asset_sightings) || ' pass estimates, '
       || (select count(*) from asset_visits) || ' visits' from field_batches"
