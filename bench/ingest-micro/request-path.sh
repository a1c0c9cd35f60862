#!/usr/bin/env bash
# bench/ingest-micro/request-path.sh [PORT=18195] — what an upload costs besides decoding: starts the server jar on a
# fresh data directory, uploads a batch of ONE observation (Upload with TINY=1; set TINY= for the reference batch)
# from 16 clients for 70 s, and over a 25 s window after 35 s of load prints the server's CPU per upload by thread
# kind (request threads, group-commit writers, JIT compiler, GC), PostgreSQL's CPU per upload and the machine's
# context switches per upload. Needs the jars built and Upload/IngestMicro compiled into /tmp/ingestperf/cls
# (README.md).
set -euo pipefail
PORT=${1:-18195}
cd "$(dirname "$0")/../.."
bash bench/ingest-micro/run-server.sh server/target/holdfast.jar "$PORT" >/dev/null
SP=$(cat /tmp/ingestperf/server.pid); DATA=$(cat /tmp/ingestperf/server.data)
trap 'kill $SP 2>/dev/null || true' EXIT
(TINY=${TINY-1} java -Xmx512m -cp protocol/target/classes:/tmp/ingestperf/cls Upload "http://127.0.0.1:$PORT" 70 16 50 \
  >/tmp/ingestperf/request-path.out 2>&1 &)
sleep 35
snap() {
  for t in /proc/$SP/task/*; do
    echo "$(tr -d '0-9\n' <"$t/comm" | tr ' ' '_') $(awk '{print $14 + $15}' "$t/stat")"
  done | awk '{s[$1] += $NF} END {for (k in s) print k, s[k]}' | sort
}
PM=$(head -1 "$DATA/pgdata/postmaster.pid")
pg() {
  { awk '{print $14 + $15 + $16 + $17}' /proc/$PM/stat
    for c in $(pgrep -P "$PM"); do awk '{print $14 + $15}' /proc/$c/stat 2>/dev/null || true; done; } | awk '{s += $1} END {print s}'
}
ctx() { awk '/^ctxt/ {print $2}' /proc/stat; }
snap >/tmp/ingestperf/snap0; P0=$(pg); C0=$(ctx)
sleep 25
snap >/tmp/ingestperf/snap1; P1=$(pg); C1=$(ctx)
sleep 12
N=$(grep -oE '[0-9]+ accepted' /tmp/ingestperf/request-path.out | grep -oE '[0-9]+')
R=$(awk -v n="$N" 'BEGIN {printf "%.0f", n / 70}') # the run's mean rate, for the window's upload count
grep -E "batch:|accepted" /tmp/ingestperf/request-path.out
TICK=$(getconf CLK_TCK)
awk -v p=$((P1 - P0)) -v c=$((C1 - C0)) -v n=$((R * 25)) -v t="$TICK" 'BEGIN {
  printf "window 25 s at about %d uploads/s: PostgreSQL %.3f ms per upload; %.1f context switches per upload\n",
    n / 25, p * 1000 / t / n, c / n }'
join /tmp/ingestperf/snap0 /tmp/ingestperf/snap1 | awk -v n=$((R * 25)) -v t="$TICK" \
  '{d = $3 - $2; if (d > 5) printf "%8.3f ms per upload  %s\n", d * 1000 / t / n, $1}' | sort -rn
