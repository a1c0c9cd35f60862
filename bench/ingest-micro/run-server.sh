#!/usr/bin/env bash
# usage: bench/ingest-micro/run-server.sh JAR PORT — starts JAR with -Xmx1g on a fresh data dir under /tmp/ingestperf
mkdir -p /tmp/ingestperf
JAR=$1; PORT=$2
DATA=$(mktemp -d /tmp/ingestperf/data.XXXXXX)
HOLDFAST_DATA_DIR=$DATA HOLDFAST_SIGNUP_OPEN=true PORT=$PORT HOLDFAST_RATE_LIMIT_ENABLED=false \
  nohup java -Xmx1g $EXTRA -jar $JAR >"$DATA/server.log" 2>&1 &
echo $! > /tmp/ingestperf/server.pid
echo "$DATA" > /tmp/ingestperf/server.data
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && { echo "up pid $(cat /tmp/ingestperf/server.pid) data $DATA"; exit 0; }
  sleep 1
done
echo "not up"; tail -30 $DATA/server.log
