#!/usr/bin/env bash
# How long the jobs of a SIGKILLed instance stay stuck: from the kill to each job's LEASE_EXPIRED event.
#   bench/detection-latency.sh [gzip-jobs=40] [echo-jobs=2000]
# Builds the WAR if missing and starts two Payara Micro instances on one fresh PostgreSQL database
# custodian_bench_detection: A (node id bench-a, port 18211) and B (bench-b, port 18212), both with
# custodian.job.lease=$LEASE s and custodian.stuck.check-interval=$CHECK s. They share one data root, as
# instances share a volume, because a job's input file is read by whichever instance claims it. Once both are up, <gzip-jobs> gzip jobs of a generated $FILE_MB MB
# text file (seconds each) are inserted with SQL, PENDING, each input a hard link of that file (uploading them
# is far slower than running them, and A, woken by every upload it accepts, would take them all), while
# bench/DetectionLatency.java submits <echo-jobs> echo jobs to A over HTTP. Both claim gzip jobs at once; when B
# holds $HOLD RUNNING gzip jobs (psql polls), B gets kill -9. For every job B held at that moment the script
# prints, from job_event.at: kill -> LEASE_EXPIRED (min/median/max), compared with 1.5 x (lease +
# check-interval); the lease left at the kill; and lease expiry -> LEASE_EXPIRED (the detector's part, at
# most one check-interval). It then waits until A has finished everything and checks that every job is
# COMPLETED and none was ever started while it was RUNNING.
# Environment: LEASE (10, seconds), CHECK (5, seconds), FILE_MB (200), CONCURRENCY (4, per instance),
# HOLD (jobs B must hold before the kill; default min(CONCURRENCY, gzip-jobs)), DRAIN_TIMEOUT (1800 s).
set -euo pipefail
cd "$(dirname "$0")/.."
GZIP_JOBS=${1:-40}
ECHO_JOBS=${2:-2000}
LEASE=${LEASE:-10}
CHECK=${CHECK:-5}
FILE_MB=${FILE_MB:-200}
CONCURRENCY=${CONCURRENCY:-4}
HOLD=${HOLD:-$((CONCURRENCY < GZIP_JOBS ? CONCURRENCY : GZIP_JOBS))}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-1800}
DB=custodian_bench_detection
WORK=target/bench-detection
export PGOPTIONS='--client-min-messages=warning'
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
q() { "${PSQL[@]}" -d $DB -c "$1"; }
now() { date +%s.%N; }
mkdir -p "$WORK"

[ -f target/custodian.war ] && [ -f target/payara-micro.jar ] || mvn -B -q package -DskipTests
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
rm -rf "$WORK/data"
INPUT="$WORK/input-${FILE_MB}mb.txt"
[ "$(stat -c %s "$INPUT" 2>/dev/null || echo 0)" -eq $((FILE_MB << 20)) ] \
  || head -c $((FILE_MB << 20)) < <(base64 -w 100 /dev/urandom) > "$INPUT"

PASSWORD=$(java -cp target/classes dev.custodian.platform.security.PasswordHash bench-pw 2>/dev/null || echo plain:bench-pw)
start_node() { # name port
  cat > "$WORK/$1.properties" <<PROPS
custodian.db.host=127.0.0.1
custodian.db.port=5432
custodian.db.name=$DB
custodian.db.user=postgres
custodian.db.password=unused
custodian.node.id=$1
custodian.data.dir=$PWD/$WORK/data
custodian.job.lease=${LEASE}s
custodian.stuck.check-interval=${CHECK}s
custodian.job.concurrency=$CONCURRENCY
custodian.security.users=bench
custodian.security.user.bench.password=$PASSWORD
PROPS
  LOG_LEVEL=warn java -Xmx512m -jar target/payara-micro.jar --nocluster --port $2 --contextroot / \
    --addLibs target/server-lib/postgresql.jar --systemProperties "$WORK/$1.properties" \
    --postbootcommandfile server-config/payara/postgres.asadmin --deploy target/custodian.war > "$WORK/$1.log" 2>&1 &
}
start_node bench-a 18211; A=$!
start_node bench-b 18212; B=$!
trap 'kill $A $B 2>/dev/null; wait $A $B 2>/dev/null' EXIT
for node in bench-a bench-b; do
  until grep -q "ready in" "$WORK/$node.log"; do
    kill -0 $A 2>/dev/null && kill -0 $B 2>/dev/null || { cat "$WORK/$node.log"; exit 1; }
    sleep 1
  done
done
echo "lease=${LEASE}s check-interval=${CHECK}s concurrency=$CONCURRENCY per instance; $GZIP_JOBS gzip jobs of $FILE_MB MB, $ECHO_JOBS echo jobs"

# gzip jobs: the input links exist before the rows, so no instance can claim a job without its input
mapfile -t IDS < <(q "SELECT gen_random_uuid() FROM generate_series(1, $GZIP_JOBS)")
for id in "${IDS[@]}"; do ln "$INPUT" "$WORK/data/input/$id.input" 2>/dev/null || cp "$INPUT" "$WORK/data/input/$id.input"; done
q "INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds, owner, input_file, run_at, created_at, version)
   SELECT id::uuid, 'gzip', 'PENDING', 0, 3, 600, 'bench', id || '.input', now(), now(), 0
   FROM unnest(string_to_array('${IDS[*]}', ' ')) id"
java bench/DetectionLatency.java http://127.0.0.1:18211 bench:bench-pw "$ECHO_JOBS" 2 &
CLIENT=$!
DEADLINE=$((SECONDS + 300))
until [ "$(q "SELECT COUNT(*) FROM job WHERE status = 'RUNNING' AND worker_id = 'bench-b' AND type = 'gzip'")" -ge "$HOLD" ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "B never held $HOLD gzip jobs"; exit 1; }
  sleep 0.2
done

KILLED=$(now)
kill -9 $B
wait $B 2>/dev/null || true
# what B held when it died: its connections are gone, so these rows cannot change until the detector moves them
q "CREATE TABLE bench_held AS SELECT id, type, lease_expires_at FROM job WHERE status = 'RUNNING' AND worker_id = 'bench-b'"
echo "killed B (kill -9) holding $(q "SELECT COUNT(*) || ' jobs (' || COUNT(*) FILTER (WHERE type = 'gzip') || ' gzip)' FROM bench_held")"

DEADLINE=$((SECONDS + 3 * (LEASE + CHECK) + 30))
until [ "$(q "SELECT COUNT(*) FROM bench_held h WHERE NOT EXISTS
             (SELECT 1 FROM job_event e WHERE e.job_id = h.id AND e.type = 'LEASE_EXPIRED')")" -eq 0 ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "not every job of B got LEASE_EXPIRED within $((3 * (LEASE + CHECK) + 30)) s"; exit 1; }
  sleep 0.5
done
"${PSQL[@]}" -d $DB <<SQL
CREATE TEMP TABLE d AS
  SELECT (extract(epoch FROM MIN(e.at)) - $KILLED)::float8 AS stuck,
         (extract(epoch FROM h.lease_expires_at) - $KILLED)::float8 AS lease_left,
         extract(epoch FROM MIN(e.at) - h.lease_expires_at)::float8 AS detection
  FROM bench_held h JOIN job_event e ON e.job_id = h.id AND e.type = 'LEASE_EXPIRED'
  GROUP BY h.id, h.lease_expires_at;
CREATE FUNCTION pg_temp.r(x float8) RETURNS numeric LANGUAGE sql AS 'SELECT round(x::numeric, 2)';
SELECT format('kill -> LEASE_EXPIRED (%s jobs): min %s s, median %s s, max %s s; 1.5 x (lease + check-interval) = %s s: %s',
              COUNT(*), pg_temp.r(MIN(stuck)), pg_temp.r(percentile_cont(0.5) WITHIN GROUP (ORDER BY stuck)),
              pg_temp.r(MAX(stuck)), 1.5 * ($LEASE + $CHECK),
              CASE WHEN MAX(stuck) <= 1.5 * ($LEASE + $CHECK) THEN 'within' ELSE 'EXCEEDED' END) FROM d;
SELECT format('lease left at the kill: min %s s, max %s s (lease %s s, renewed every lease/3)',
              pg_temp.r(MIN(lease_left)), pg_temp.r(MAX(lease_left)), $LEASE) FROM d;
SELECT format('lease expiry -> LEASE_EXPIRED: min %s s, median %s s, max %s s (check-interval %s s)',
              pg_temp.r(MIN(detection)), pg_temp.r(percentile_cont(0.5) WITHIN GROUP (ORDER BY detection)),
              pg_temp.r(MAX(detection)), $CHECK) FROM d;
SQL

wait $CLIENT
TOTAL=$((GZIP_JOBS + ECHO_JOBS))
DEADLINE=$((SECONDS + DRAIN_TIMEOUT))
until [ "$(q "SELECT COUNT(*) FROM job WHERE status IN ('PENDING', 'RUNNING')")" -eq 0 ]; do
  [ $SECONDS -lt $DEADLINE ] || { echo "jobs still PENDING or RUNNING after $DRAIN_TIMEOUT s"; exit 1; }
  sleep 1
done
# between two STARTED events of one job there must be an event that took it out of RUNNING
read -r COMPLETED HELD_DONE OVERLAPS < <("${PSQL[@]}" -d $DB -F ' ' -c "SELECT
  (SELECT COUNT(*) FROM job WHERE status = 'COMPLETED'),
  (SELECT COUNT(*) FROM bench_held h JOIN job j ON j.id = h.id WHERE j.status = 'COMPLETED'),
  (SELECT COUNT(*) FROM (SELECT type, LAG(type) OVER (PARTITION BY job_id ORDER BY at, id) AS before
                         FROM job_event) x WHERE type = 'STARTED' AND before = 'STARTED')")
echo "check: $COMPLETED of $TOTAL jobs COMPLETED, $HELD_DONE of B's $(q "SELECT COUNT(*) FROM bench_held") completed by A, $OVERLAPS starts while RUNNING"
kill $A; wait $A 2>/dev/null || true
rm -rf "$WORK/data"
[ "$COMPLETED" -eq $TOTAL ] && [ "$HELD_DONE" -eq "$(q "SELECT COUNT(*) FROM bench_held")" ] && [ "$OVERLAPS" -eq 0 ] \
  || { echo "check FAILED"; exit 1; }
