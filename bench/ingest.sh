#!/usr/bin/env bash
# Ingest benchmark (issue 6): builds the jars, starts Holdfast with -Xmx1g on a fresh data directory under /tmp (rate
# limits off), signs up a company, creates an enrolment code, runs the simulator in load mode (reference batches of
# 1,080 observations, gzip, fresh batch id per upload) with the in-process ceiling, then measures bytes on disk per
# observation and the time to drop one day of field data (DROP TABLE of the day partition as the schema owner — what
# the retention job does — once the partition is vacuumed, checkpointed and out of the page cache, as a day is when
# the retention reaches it).
#   [WARMUP=60s] [SIM_WARMUP=10s] [SERVER_JAVA_OPTS=…] [SIM_JAVA_OPTS=… (measured simulator)] bench/ingest.sh [DURATION=60s] [CONCURRENCY=64] [DEVICES=50]
# The measured run (and the CPU accounting) starts after WARMUP of the same load: the JIT compiler of a fresh JVM is
# busy with the upload path for about a minute, and on two cores it competes with the requests for the CPU. The
# simulator process of the measured run is fresh too, so it first uploads SIM_WARMUP uncounted (its own HTTP client
# code gets compiled there, not in the measured minute); the server CPU per batch covers that process's whole run and
# the batches stored in it.
set -euo pipefail
DURATION=${1:-60s}
CONCURRENCY=${2:-64}
DEVICES=${3:-50}
WARMUP=${WARMUP:-60s}
PORT=${PORT:-18182}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$(mktemp -d /tmp/holdfast-ingest-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "== building the jars"
  ./mvnw -B -q -o -pl server,simulator -am package -Dmaven.test.skip=true
fi

echo "== starting the server (-Xmx1g, data in $DATA)"
HOLDFAST_DATA_DIR=$DATA HOLDFAST_SIGNUP_OPEN=true PORT=$PORT HOLDFAST_RATE_LIMIT_ENABLED=false \
  java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar server/target/holdfast.jar >"$DATA/server.log" 2>&1 &
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
  -d "{\"company\":\"Ingest Bench\",\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}")
TENANT=$(echo "$SIGNUP" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')
TOKEN=$(curl -fs -X POST "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"tenantId\":\"$TENANT\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
CODE=$(curl -fs -X POST "$BASE/api/v1/enrollment-codes" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"maxUses\":$((2 * DEVICES + 10))}" | sed -E 's/.*"code":"([^"]+)".*/\1/')
echo "== company $TENANT; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

# CPU seconds (user + system) of the server JVM and of PostgreSQL (postmaster, its backends, and reaped ones)
TICKS=$(getconf CLK_TCK)
PM=$(head -1 "$DATA/pgdata/postmaster.pid")
jvm_cpu() { awk -v t="$TICKS" '{printf "%.2f", ($14 + $15) / t}' /proc/$SERVER/stat; }
pg_cpu() {
  { awk '{print $14 + $15 + $16 + $17}' /proc/$PM/stat
    for c in $(pgrep -P "$PM"); do awk '{print $14 + $15}' /proc/$c/stat 2>/dev/null || true; done
  } | awk -v t="$TICKS" '{s += $1} END {printf "%.2f", s / t}'
}
# the JVM's CPU by thread kind (request threads, GC, JIT compiler, writers, …), to tell where a batch's CPU goes
jvm_threads() {
  for t in /proc/$SERVER/task/*; do
    name=$(tr -d '\n' <"$t/comm" 2>/dev/null | sed -E 's/[0-9]+//g; s/ +$//') || true
    awk -v n="$name" '{print n "\t" ($14 + $15)}' "$t/stat" 2>/dev/null || true # a thread may end meanwhile
  done | awk -F'\t' '{s[$1] += $2} END {for (k in s) print k "\t" s[k]}'
}

SIM_RC=0
if [ "$WARMUP" != "0s" ]; then
  echo "== warm-up: $WARMUP of the same load, not counted (a fresh JVM compiles the upload path for the first minute)"
  java -jar simulator/target/holdfast-sim.jar --mode load --server "$BASE" --code "$CODE" --devices "$DEVICES" \
    --concurrency "$CONCURRENCY" --duration "$WARMUP" --warmup 0s 2>&1 | grep -E "batches/s|errors" | sed 's/^/  /' || true
fi
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
STORED0=$(java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "select count(*) from field_batches" 2>/dev/null)
XACTS="select xact_commit from pg_stat_database where datname = current_database()"
XACT0=$(java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "$XACTS" 2>/dev/null)
jvm_threads >"$DATA/threads0"
JVM0=$(jvm_cpu); PG0=$(pg_cpu)
echo "== measured run"
java ${SIM_JAVA_OPTS:-} -jar simulator/target/holdfast-sim.jar --mode load --server "$BASE" --code "$CODE" --devices "$DEVICES" \
  --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "${SIM_WARMUP:-10s}" --ceiling || SIM_RC=$?
JVM1=$(jvm_cpu); PG1=$(pg_cpu)
jvm_threads >"$DATA/threads1"
echo "   load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

PARTITIONS="select c.oid, c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'field_batches'::regclass"
echo "== storage (all uploads of the run, warm-up included)"
java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "
  with p as ($PARTITIONS), o as (select count(*) as batches, sum(gps_count + ble_count + motion_count) as obs
                                 from field_batches)
  select 'field_batches partitions: ' || pg_size_pretty(sum(pg_total_relation_size(p.oid))) || ' for '
         || max(o.batches) || ' batches, ' || max(o.obs) || ' observations = '
         || round(sum(pg_total_relation_size(p.oid))::numeric / nullif(max(o.obs), 0), 2) || ' bytes per observation'
  from p, o" \
  "select 'ingest_receipts (idempotency, not counted above): ' || pg_size_pretty(pg_total_relation_size('ingest_receipts'))" \
  2>/dev/null

sleep 1 # the statistics collector reports with a delay
XACT1=$(java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "$XACTS" 2>/dev/null)
STORED1=$(java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "select count(*) from field_batches" 2>/dev/null)
BATCHES=$((STORED1 - STORED0))
awk -v j0="$JVM0" -v j1="$JVM1" -v p0="$PG0" -v p1="$PG1" -v n="$BATCHES" -v cores="$(nproc)" 'BEGIN {
  j = j1 - j0; p = p1 - p0; per = (j + p) / n * 1000;
  printf "== server CPU during the simulator run (its warm-up, ceiling and measured upload): JVM %.1f s + PostgreSQL %.1f s for the %d batches stored in it = %.2f ms per batch\n", j, p, n, per;
  printf "   CPU-bound estimate with the machine to itself (no simulator): %.0f batches/s on %d cores\n", cores * 1000 / per, cores }'

echo "   PostgreSQL transactions committed in the run (all of them, the group commits included): $((XACT1 - XACT0)), $(awk -v n="$BATCHES" -v x="$((XACT1 - XACT0))" 'BEGIN {printf "%.1f", n / (x > 0 ? x : 1)}') batches per transaction"
echo "   JVM CPU by thread kind (CPU seconds, ms per batch; threads that ended during the run are not counted):"
awk -F'\t' -v t="$TICKS" -v n="$BATCHES" 'NR == FNR {a[$1] = $2; next} {d = ($2 - a[$1]) / t; if (d > 0.05) printf "%8.1f s  %.3f ms  %s\n", d, d / n * 1000, $1}' \
  "$DATA/threads0" "$DATA/threads1" | sort -rn | head -12

DAY=$(java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "
  with p as ($PARTITIONS) select relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)) from p
  order by pg_total_relation_size(oid) desc limit 1" 2>/dev/null)
echo "== dropping one day of field data: $DAY"
# The retention job drops a day when it is older than the retention (30 days by default): long vacuumed, checkpointed and
# out of every cache. So first what autovacuum does within minutes of the load (it would otherwise still be scanning the
# partition, and a DROP waits deadlock_timeout, 1 s, before the worker is cancelled), a checkpoint, and the kernel's page
# cache emptied (as root); then what the retention job runs as the owner: DETACH PARTITION … CONCURRENTLY (uploads go on
# meanwhile) and DROP TABLE of the detached day.
java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "vacuum ${DAY%% *}" 2>&1 | sed 's/^--/  /'
SQL_AS=postgres java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "checkpoint" 2>&1 | sed 's/^--/  /'
sync
if [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; echo "   page cache dropped"; fi
java -cp "$PGJAR" bench/Sql.java "$DATA" "$TENANT" "alter table field_batches detach partition ${DAY%% *} concurrently" \
  "drop table ${DAY%% *}" 2>&1 | sed 's/^--/  /'
exit $SIM_RC
