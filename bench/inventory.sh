#!/usr/bin/env bash
# Inventory benchmark: builds the jar, starts Holdfast on a fresh data directory under /tmp, signs up a company,
# seeds N assets (default 1,000,000) and measures list pages, searches, export and import (see Load.java).
#   bench/inventory.sh [N] [REQUESTS_PER_SCENARIO] [IMPORT_ROWS]
set -euo pipefail
N=${1:-1000000}
REQUESTS=${2:-300}
IMPORT_ROWS=${3:-100000}
PORT=${PORT:-18181}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jar"
  ./mvnw -B -q -o -pl server -am package -Dmaven.test.skip=true
fi

echo "== starting the server (data in $DATA)"
HOLDFAST_DATA_DIR=$DATA HOLDFAST_SIGNUP_OPEN=true PORT=$PORT HOLDFAST_RATE_LIMIT_ENABLED=false HOLDFAST_IMPORT_AUDIT_EACH_UP_TO=10000 \
  java -Xmx512m -jar server/target/holdfast.jar \
  --management.metrics.distribution.percentiles-histogram.http.server.requests=true >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; exit 1; }
  sleep 1
done

EMAIL="bench-$(date +%s)@example.test"
PASSWORD="correct horse battery staple 42"
SIGNUP=$(curl -fs -X POST "$BASE/api/v1/signup" -H 'Content-Type: application/json' \
  -d "{\"company\":\"Bench Co\",\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
TENANT=$(echo "$SIGNUP" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')
TOKEN=$(curl -fs -X POST "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"tenantId\":\"$TENANT\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
echo "== company $TENANT"

PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
echo "== seeding $N assets"
SEED_START=$(date +%s)
java -cp "$PGJAR" bench/Seed.java "$DATA" "$TENANT" "$N"
echo "== seed took $(( $(date +%s) - SEED_START )) s"

echo "== measuring"
java -Xmx1g bench/Load.java "$BASE" "$TOKEN" "$N" "$REQUESTS" "$IMPORT_ROWS"
echo "== server heap after the run:"
curl -fs "$BASE/actuator/prometheus" | grep -E '^jvm_memory_(used|max)_bytes\{.*area="heap"' | head -6 || true
