#!/usr/bin/env bash
# bench/ingest-micro/cpu-per-batch.sh JAR PORT SECONDS CLIENTS
# Starts JAR on a fresh data directory, warms it up with a 20 s Upload run, then measures a SECONDS-long Upload run
# and the CPU time the server JVM and its embedded PostgreSQL spent on it: CPU milliseconds per accepted batch is a
# figure other processes on a shared machine hardly disturb (throughput is). Needs run-server.sh's layout below and
# Upload/IngestMicro compiled into /tmp/ingestperf/cls (see README.md).
JAR=$1; PORT=$2; SECS=$3; CLIENTS=$4
"$(dirname "$0")/run-server.sh" $JAR $PORT >/dev/null; sleep 2
DATA=$(cat /tmp/ingestperf/server.data); SPID=$(cat /tmp/ingestperf/server.pid)
jvmcpu() { read -r -a f < /proc/$SPID/stat; echo $((f[13] + f[14])); }
cpu() { # jiffies of server jvm + all postgres processes whose cmdline/parent is this data dir
  local total=0
  local pm=$(head -1 $DATA/pgdata/postmaster.pid)
  for p in $SPID $pm $(pgrep -P $pm); do
    [ -r /proc/$p/stat ] || continue
    read -r -a f < /proc/$p/stat
    # utime stime cutime cstime are fields 14-17 (index 13-16)
    total=$((total + f[13] + f[14] + f[15] + f[16]))
  done
  echo $total
}
# enrol etc. happen inside Upload before the timed phase; measure CPU around the whole run and subtract a warm-up-only run? keep simple: measure across the run
(cd "$(dirname "$0")/../.." && java -Xmx512m -cp protocol/target/classes:/tmp/ingestperf/cls Upload http://127.0.0.1:$PORT 20 $CLIENTS 50 >/dev/null 2>&1) # warm-up
J0=$(jvmcpu); C0=$(cpu); T0=$(date +%s.%N)
OUT=$(cd "$(dirname "$0")/../.." && java -Xmx512m -cp protocol/target/classes:/tmp/ingestperf/cls Upload http://127.0.0.1:$PORT $SECS $CLIENTS 200 2>&1)
J1=$(jvmcpu); C1=$(cpu); T1=$(date +%s.%N)
N=$(echo "$OUT" | grep -oE '[0-9]+ accepted' | grep -oE '[0-9]+')
echo "$OUT" | grep -E "accepted|latency"
python3 -c "print('server+postgres CPU: %.1f s for %d batches = %.2f ms CPU/batch -> %.0f batches/s on 2 cores if nothing else ran' % (($C1-$C0)/100, $N, ($C1-$C0)*10/$N, 2000/(($C1-$C0)*10/$N)))"
python3 -c "print('  of which server JVM %.2f ms/batch, PostgreSQL %.2f ms/batch' % (($J1-$J0)*10/$N, (($C1-$C0)-($J1-$J0))*10/$N))"
kill $SPID; sleep 4
