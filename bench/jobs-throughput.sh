#!/usr/bin/env bash
# Submit -> complete throughput of the echo job type over HTTP, on PostgreSQL.
#   bench/jobs-throughput.sh [jobs=20000] [clients=8]
# Builds the WAR, starts Payara Micro on port 18090 against a fresh database custodian_bench, runs
# bench/SubmitThroughput.java, then prints the server's heap after a full GC and its peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-20000}
CLIENTS=${2:-8}
PORT=18090
WORK=target/bench
mkdir -p "$WORK"

[ -f target/custodian.war ] && [ -f target/payara-micro.jar ] || mvn -B -q package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS custodian_bench WITH (FORCE)" -c "CREATE DATABASE custodian_bench"

cat > "$WORK/bench.properties" <<PROPS
custodian.db.host=127.0.0.1
custodian.db.port=5432
custodian.db.name=custodian_bench
custodian.db.user=postgres
custodian.db.password=unused
custodian.data.dir=$PWD/$WORK/data
custodian.security.users=bench
custodian.security.user.bench.password=$(java -cp target/classes dev.custodian.platform.security.PasswordHash bench-pw 2>/dev/null || echo plain:bench-pw)
custodian.job.concurrency=${CONCURRENCY:-8}
PROPS

LOG_LEVEL=warn java -Xmx512m ${JFR:+-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$PWD/$WORK/server.jfr,settings=profile} -jar target/payara-micro.jar --nocluster --port $PORT --contextroot / \
  --addLibs target/server-lib/postgresql.jar --systemProperties "$WORK/bench.properties" \
  --postbootcommandfile server-config/payara/postgres.asadmin --deploy target/custodian.war > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
until grep -q "ready in" "$WORK/server.log"; do
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

# peak used heap (young + old, MB) sampled every 500 ms while the benchmark runs
(while kill -0 $SERVER 2>/dev/null; do jstat -gc $SERVER 2>/dev/null | awk 'NR==2 {print ($3+$4+$6+$8)/1024}'; sleep 0.5; done \
  | sort -n | tail -1 > "$WORK/peak-heap") &
SAMPLER=$!
java bench/SubmitThroughput.java "http://127.0.0.1:$PORT" bench:bench-pw "$JOBS" "$CLIENTS"

jcmd $SERVER GC.run > /dev/null
echo "server heap used after full GC: $(jcmd $SERVER GC.heap_info | awk '/garbage-first heap/ {print $(NF-2)}')"
[ -z "${JFR:-}" ] || jcmd $SERVER JFR.dump filename=$PWD/$WORK/server.jfr > /dev/null
echo "server peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' /proc/$SERVER/status)"
kill $SERVER; wait $SERVER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
echo "server peak used heap during the run: $(cut -d. -f1 "$WORK/peak-heap") MB (limit -Xmx512m)"
