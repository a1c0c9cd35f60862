#!/usr/bin/env bash
# Tracking read benchmark (issue 14): builds the jar, starts Holdfast on a fresh data directory under /tmp, signs up a
# company, seeds N assets (Seed.java, default 1,000,000), gives P of them (default 100,000) a latest position (spread
# over a 50 km square, seen within the last 7 days, 30 % in their own Location), and measures GET
# /api/v1/assets/{id}/location and the first page of /api/v1/tracking/positions with each filter (PositionsLoad.java).
#   [SKIP_BUILD=1] bench/positions.sh [N] [P] [REQUESTS]
set -euo pipefail
N=${1:-1000000}
P=${2:-100000}
REQUESTS=${3:-300}
PORT=${PORT:-18185}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-positions-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jar"
  ./mvnw -B -q -o -pl server -am package -Dmaven.test.skip=true || ./mvnw -B -q -pl server -am package -Dmaven.test.skip=true
fi

echo "== starting the server (data in $DATA)"
. bench/common.sh
SERVER_XMX=512m start_holdfast
trap stop_holdfast EXIT
sign_up "Positions Bench"
echo "== company $TENANT"

PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
echo "== seeding $N assets"
SEED_START=$(date +%s)
java -cp "$PGJAR" bench/Seed.java "$DATA" "$TENANT" "$N"
echo "== seed took $(( $(date +%s) - SEED_START )) s; positioning $P of them"
java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "
  insert into asset_positions (tenant_id, asset_id, seen_at, since, lat, lon, accuracy_m, weight, location_id, source,
                               category_id, status_id)
  select tenant_id, id, now() - random() * interval '7 days', now() - interval '8 days', 48.0 + random() * 0.45,
         11.3 + random() * 0.7, 3 + random() * 12, 0.01, case when random() < 0.3 then location_id end, 'ble',
         category_id, status_id
  from assets where tenant_id = '$TENANT' order by md5(id::text) limit $P" "analyze asset_positions" "analyze assets"
echo "== measuring ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
java bench/PositionsLoad.java "$BASE" "$TOKEN" "$REQUESTS"
