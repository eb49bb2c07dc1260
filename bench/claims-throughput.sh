#!/usr/bin/env bash
# Claim -> complete throughput of the worker API (external workers over HTTP), on PostgreSQL.
#   bench/claims-throughput.sh [jobs=20000] [workers=8]
# Builds the WAR if missing, starts Payara Micro on port 18095 against a fresh database
# custodian_bench_claims with custodian.job.external-types=bench-ext, a user "bench" (role user, owner of
# the jobs) and a user "worker" (role worker). Once Flyway has created the schema, <jobs> + 500 (warm-up)
# PENDING jobs of type bench-ext are inserted directly with SQL (no SUBMITTED events: only the claim path
# is measured). bench/ClaimThroughput.java then runs <workers> threads that each loop claim -> complete
# until 204, and prints pairs per second and claim/complete latency percentiles. The script then checks in
# the database that every job was started exactly once and is COMPLETED, and prints the server's heap
# after a full GC, its peak used heap during the run and its peak RSS.
# Environment: WARMUP (500) pre-loaded warm-up jobs; JFR=1 records a profile to target/bench-claims/server.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-20000}
WORKERS=${2:-8}
WARMUP=${WARMUP:-500}
PORT=18095
DB=custodian_bench_claims
WORK=target/bench-claims
export PGOPTIONS='--client-min-messages=warning'
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$WORK"

[ -f target/custodian.war ] && [ -f target/payara-micro.jar ] || mvn -B -q package -DskipTests
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

hash() { java -cp target/classes dev.custodian.platform.security.PasswordHash "$1" 2>/dev/null || echo "plain:$1"; }
cat > "$WORK/bench.properties" <<PROPS
custodian.db.host=127.0.0.1
custodian.db.port=5432
custodian.db.name=$DB
custodian.db.user=postgres
custodian.db.password=unused
custodian.data.dir=$PWD/$WORK/data
custodian.job.external-types=bench-ext
custodian.security.users=bench,worker
custodian.security.user.bench.password=$(hash bench-pw)
custodian.security.user.bench.roles=user
custodian.security.user.worker.password=$(hash worker-pw)
custodian.security.user.worker.roles=worker
PROPS

LOG_LEVEL=warn java -Xmx512m ${JFR:+-XX:StartFlightRecording=filename=$PWD/$WORK/server.jfr,settings=profile} -jar target/payara-micro.jar --nocluster --port $PORT --contextroot / \
  --addLibs target/server-lib/postgresql.jar --systemProperties "$WORK/bench.properties" \
  --postbootcommandfile server-config/payara/postgres.asadmin --deploy target/custodian.war > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
until grep -q "ready in" "$WORK/server.log"; do
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

# pre-load: PENDING, eligible since an hour ago in insertion order, attempt 0 of 3, timeout 600 s
TOTAL=$((JOBS + WARMUP))
LOAD_START=$(date +%s.%N)
"${PSQL[@]}" -d $DB <<SQL
INSERT INTO job (id, type, status, payload, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, version)
SELECT gen_random_uuid(), 'bench-ext', 'PENDING', '{"n":' || g || '}', 0, 3, 600, 'bench',
       now() - interval '1 hour' + g * interval '1 millisecond', now() - interval '1 hour', 0
FROM generate_series(1, $TOTAL) g;
ANALYZE job;
SQL
awk -v n=$TOTAL -v t0=$LOAD_START -v t1="$(date +%s.%N)" 'BEGIN {printf "pre-loaded %d PENDING jobs with SQL in %.1f s\n", n, t1 - t0}'

# peak used heap (young + old, MB) sampled every 500 ms while the benchmark runs
(while kill -0 $SERVER 2>/dev/null; do jstat -gc $SERVER 2>/dev/null | awk 'NR==2 {print ($3+$4+$6+$8)/1024}'; sleep 0.5; done \
  | sort -n | tail -1 > "$WORK/peak-heap") &
SAMPLER=$!
echo "jobs=$JOBS workers=$WORKERS warm-up=$WARMUP"
java bench/ClaimThroughput.java "http://127.0.0.1:$PORT" worker:worker-pw bench-ext "$WARMUP" "$WORKERS"

# every job started exactly once and completed, nothing left behind
read -r STARTED TWICE COMPLETED OTHER < <("${PSQL[@]}" -F ' ' -d $DB -c "SELECT
  (SELECT COUNT(*) FROM job_event WHERE type = 'STARTED'),
  (SELECT COUNT(*) FROM (SELECT job_id FROM job_event WHERE type = 'STARTED' GROUP BY job_id HAVING COUNT(*) > 1) x),
  (SELECT COUNT(*) FROM job WHERE status = 'COMPLETED'),
  (SELECT COUNT(*) FROM job WHERE status <> 'COMPLETED')")
echo "check: $STARTED STARTED events for $TOTAL jobs, $TWICE jobs started more than once, $COMPLETED COMPLETED, $OTHER in another status"
[ "$STARTED" -eq $TOTAL ] && [ "$TWICE" -eq 0 ] && [ "$COMPLETED" -eq $TOTAL ] && [ "$OTHER" -eq 0 ] \
  || { echo "check FAILED"; exit 1; }

jcmd $SERVER GC.run > /dev/null
echo "server heap used after full GC: $(jcmd $SERVER GC.heap_info | awk '/garbage-first heap/ {print $(NF-2)}')"
[ -z "${JFR:-}" ] || jcmd $SERVER JFR.dump filename=$PWD/$WORK/server.jfr > /dev/null
echo "server peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' /proc/$SERVER/status)"
kill $SERVER; wait $SERVER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
echo "server peak used heap during the run: $(cut -d. -f1 "$WORK/peak-heap") MB (limit -Xmx512m)"
