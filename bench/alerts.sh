#!/usr/bin/env bash
# Alerts benchmark: builds the jar, starts Holdfast on a fresh data directory under /tmp (with an operator and the
# scheduled alert job off), signs up a company, seeds N assets with Seed.java (purchase dates 2018..2025, warranties of
# 12/24/36 months, so a few thousand warranties end within the default 30 days), then has the operator run the alert
# evaluation now (AlertsRun.java) and prints how long each run took.
#   bench/alerts.sh [N=1000000] [RUNS=3]
# Licences: bench/SeedLicences.java (args: DATA_DIR TENANT_ID COUNT) adds vendors, contracts and LICENSES (default
# 10000) licences with their seats before the evaluation.
set -euo pipefail
N=${1:-1000000}
RUNS=${2:-3}
LICENSES=${LICENSES:-10000}
PORT=${PORT:-18182}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-bench-alerts.XXXXXX)
BASE=http://127.0.0.1:$PORT
OPERATOR_EMAIL="operator-$(date +%s)@example.test"
PASSWORD="correct horse battery staple 42"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jar"
  ./mvnw -B -q -o -pl server -am package -Dmaven.test.skip=true
fi

echo "== starting the server (data in $DATA)"
HOLDFAST_DATA_DIR=$DATA HOLDFAST_SIGNUP_OPEN=true PORT=$PORT HOLDFAST_RATE_LIMIT_ENABLED=false \
  HOLDFAST_ADMIN_EMAIL=$OPERATOR_EMAIL HOLDFAST_ADMIN_PASSWORD="$PASSWORD" HOLDFAST_ALERTS_CRON=- \
  java -Xmx512m -jar server/target/holdfast.jar >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; exit 1; }
  sleep 1
done

EMAIL="bench-$(date +%s)@example.test"
SIGNUP=$(curl -fs -X POST "$BASE/api/v1/signup" -H 'Content-Type: application/json' \
  -d "{\"company\":\"Bench Co\",\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
TENANT=$(echo "$SIGNUP" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')
echo "== company $TENANT"

PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
echo "== seeding $N assets"
SEED_START=$(date +%s)
java -cp "$PGJAR" bench/Seed.java "$DATA" "$TENANT" "$N"
echo "== seed took $(( $(date +%s) - SEED_START )) s"
if [ -f bench/SeedLicences.java ]; then
  echo "== seeding $LICENSES licences"
  java -cp "$PGJAR" bench/SeedLicences.java "$DATA" "$TENANT" "$LICENSES"
fi

echo "== running the alert evaluation $RUNS times (target: <= 30 s each)"
java bench/AlertsRun.java "$BASE" "$OPERATOR_EMAIL" "$PASSWORD" "$RUNS"
grep -E "Alerts [A-Z_]+ of company" "$DATA/server.log" | tail -5 || true
