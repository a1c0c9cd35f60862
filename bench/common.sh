# Shared by the benchmark scripts (sourced): start Holdfast on $DATA and $PORT, sign up a company, take a token.
# Needs DATA, PORT, BASE set. Extra environment for the server goes before the call: HOLDFAST_X=… start_holdfast.

# Starts server/target/holdfast.jar (-Xmx${SERVER_XMX:-1g}, sign-up open, rate limits off) and waits for its health;
# sets SERVER to its pid. Appends its log to $DATA/server.log.
start_holdfast() {
  HOLDFAST_DATA_DIR=$DATA HOLDFAST_SIGNUP_OPEN=true PORT=$PORT HOLDFAST_RATE_LIMIT_ENABLED=false \
    java -Xmx"${SERVER_XMX:-1g}" ${SERVER_JAVA_OPTS:-} -jar server/target/holdfast.jar "$@" >>"$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; exit 1; }
    sleep 1
  done
}

stop_holdfast() {
  kill $SERVER 2>/dev/null
  wait $SERVER 2>/dev/null || true
}

# Signs up the company named $1; sets TENANT and TOKEN (its Owner's API token).
sign_up() {
  local email="bench-$(date +%s%N)@example.test" password="correct horse battery staple 42" signup
  signup=$(curl -fs -X POST "$BASE/api/v1/signup" -H 'Content-Type: application/json' \
    -d "{\"company\":\"$1\",\"name\":\"Bench\",\"email\":\"$email\",\"password\":\"$password\"}")
  TENANT=$(echo "$signup" | sed -E 's/.*"tenantId":"([^"]+)".*/\1/')
  TOKEN=$(curl -fs -X POST "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"tenantId\":\"$TENANT\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

# An enrolment code of the company for $1 uses; sets CODE.
enrolment_code() {
  CODE=$(curl -fs -X POST "$BASE/api/v1/enrollment-codes" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"maxUses\":$1}" | sed -E 's/.*"code":"([^"]+)".*/\1/')
}
