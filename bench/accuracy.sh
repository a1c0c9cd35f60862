#!/usr/bin/env bash
# Tracking accuracy benchmark: builds the jars, starts Holdfast on a fresh data directory under /tmp (sign-up open, rate
# limits off), signs up a company, takes an API token (the company's Owner, so Manager rights and more) and an
# enrolment code, and runs the simulator in accuracy mode: a scenario with a known ground truth over WINDOW ending now
# (TAGS BLE tags at and between a few locations, DEVICES collectors walking among them and carrying tags elsewhere),
# uploaded as 15-minute batches; once the server has correlated them, its positions, visits and handlings are compared
# with the truth and the figures printed. See bench/README.md, "Accuracy".
#   [SKIP_BUILD=1] [HOLD=seconds to keep the server up afterwards] [GPS_SIGMA=4.5] [RSSI_SIGMA=4] [SEED=1] [SETTLE=5m] [PORT=18183] [SERVER_JAVA_OPTS=…] \
#   bench/accuracy.sh [WINDOW=3h] [TAGS=30] [DEVICES=5]
set -euo pipefail
WINDOW=${1:-3h}
TAGS=${2:-30}
DEVICES=${3:-5}
GPS_SIGMA=${GPS_SIGMA:-4.5}
RSSI_SIGMA=${RSSI_SIGMA:-4}
SEED=${SEED:-1}
SETTLE=${SETTLE:-5m}
PORT=${PORT:-18183}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-accuracy-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jars"
  ./mvnw -B -q -o -pl server,simulator -am package -Dmaven.test.skip=true \
    || ./mvnw -B -q -pl server,simulator -am package -Dmaven.test.skip=true # offline lacks a plugin: fetch it
fi

echo "== starting the server (-Xmx1g, data in $DATA)"
. bench/common.sh
start_holdfast
trap stop_holdfast EXIT
sign_up "Accuracy Bench"
enrolment_code $((DEVICES + 10))
echo "== company $TENANT; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

SIM_RC=0
java -jar simulator/target/holdfast-sim.jar --mode accuracy --server "$BASE" --code "$CODE" --token "$TOKEN" \
  --tags "$TAGS" --devices "$DEVICES" --window "$WINDOW" --gps-sigma "$GPS_SIGMA" --rssi-sigma "$RSSI_SIGMA" \
  --seed "$SEED" --settle "$SETTLE" --data-dir "$DATA/collectors" || SIM_RC=$?
if grep -qE ' ERROR ' "$DATA/server.log"; then
  echo "== errors in the server log ($DATA/server.log):"
  grep -E ' ERROR ' "$DATA/server.log" | head -5 | cut -c1-300
fi
if [ -n "${HOLD:-}" ]; then # keep the server up for a look at its database (bench/Sql.java), e.g. HOLD=600
  echo "== holding the server on $BASE for ${HOLD}s (data in $DATA)"
  sleep "$HOLD"
fi
exit $SIM_RC
