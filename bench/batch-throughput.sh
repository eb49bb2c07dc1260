#!/usr/bin/env bash
# The batch calls (issue 18) against db-scheduler and JobRunr on the same PostgreSQL, on an empty table and again with
# SIZE finished jobs in it, then a purge of those SIZE jobs through a real cleanup run against a plain SQL DELETE on an
# identical copy.
#   bench/batch-throughput.sh [size=10000000] [jobs=50000] [seconds=30]
# Size 0 runs the empty-table round alone (peers and Custodian), a few minutes: for comparing builds.
# Ports 19095 (server); databases custodian_bench_batch (+ _copy, _dbscheduler, _jobrunr), all dropped at the end.
# Each "rates" round measures, JOBS jobs each:
#   peers       bench/peers/db-scheduler and bench/peers/jobrunr (pinned versions, built here with Maven): JOBS no-op
#               jobs submitted in batches and run in-process with 8 threads; submit and end-to-end jobs/s
#   batch e2e   bench/BatchDriver.java submit: 8 clients POST /api/jobs/batch of 100 echo jobs until JOBS are
#               submitted; the in-process executor runs them; end to end = JOBS / (first created_at .. last finished_at)
#   workers     JOBS PENDING jobs of the external type bench-ext inserted with SQL; 8 workers (BatchDriver workers),
#               each claiming {max: 25} then one completions call, for at most SECONDS or until the queue is empty;
#               claim+complete jobs/s; then SQL checks that no job was started twice and that every completed job
#               has its STARTED and COMPLETED events
#   reads       GET /api/jobs?limit=50 (first page), ?status=FAILED&type=echo&limit=50 (a filtered page) and
#               /metrics (the status counts, cached by the server for a few seconds), 200 times each, p50/p99;
#               and the status-count query itself (what /metrics runs) timed in psql
# Between the rounds the server is stopped, bench/finished-data.sql loads SIZE finished jobs with 5 events each,
# the database is vacuumed and copied (CREATE DATABASE ... TEMPLATE), and the server is started again (a short
# warm-up: one rates round is not reported). Then the purge: POST /api/system/cleanup {"dryRun":false,"targets":
# ["jobs"],"jobs":{"completedTtl":"1d","failedTtl":"1d","restoreWindow":"0s"}} (one stage: purged at once, no soft delete)
# while bench/ReadLatencyProbe.java reads live jobs every 20 ms (p99) and jstat samples the heap; and on the copy
# DELETE FROM job WHERE finished_at < now() - interval '1 day' (events by cascade), timed by psql.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-10000000}
JOBS=${2:-50000}
RUN=${3:-30}
PORT=19095
WORK=target/bench-batch
DB=custodian_bench_batch
COPY=${DB}_copy
BASE="http://127.0.0.1:$PORT"
. bench/lib.sh
mkdir -p "$WORK"
build_if_needed
drop_all() {
  for d in $DB $COPY ${DB}_dbscheduler ${DB}_jobrunr; do $PG -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" 2>/dev/null || true; done
}
trap 'touch "$WORK/probe.stop" 2>/dev/null; stop_server; drop_all' EXIT

for peer in db-scheduler jobrunr; do
  (cd bench/peers/$peer && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
done
javac -d "$WORK/classes" bench/BatchDriver.java
driver() { java -cp "$WORK/classes" BatchDriver "$@"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }

peers() { # peers <label>: both peers on fresh databases of their own, JOBS jobs, 8 threads
  $PG -d postgres -c "DROP DATABASE IF EXISTS ${DB}_dbscheduler WITH (FORCE)" -c "CREATE DATABASE ${DB}_dbscheduler" \
      -c "DROP DATABASE IF EXISTS ${DB}_jobrunr WITH (FORCE)" -c "CREATE DATABASE ${DB}_jobrunr" 2>/dev/null
  $PG -d ${DB}_dbscheduler -f bench/peers/db-scheduler/tables.sql
  local r
  r=$(java -cp "bench/peers/db-scheduler/target/classes:$(cat bench/peers/db-scheduler/target/cp.txt)" DbSchedulerPeer \
      "jdbc:postgresql://127.0.0.1:5432/${DB}_dbscheduler" "$JOBS" 8 2>/dev/null | grep '^RESULT')
  echo "  $1 db-scheduler 16.12.0 (in-process, lock-and-fetch, 8 threads): submit $(field submit_per_s "$r") jobs/s, end to end $(field end_to_end_per_s "$r") jobs/s"
  DBS_RATE=$(field end_to_end_per_s "$r")
  r=$(java -cp "bench/peers/jobrunr/target/classes:$(cat bench/peers/jobrunr/target/cp.txt)" JobRunrPeer \
      "jdbc:postgresql://127.0.0.1:5432/${DB}_jobrunr" "$JOBS" 8 2>/dev/null | grep '^RESULT')
  echo "  $1 JobRunr 8.7.0 (in-process, 8 workers, 5 s poll): submit $(field submit_per_s "$r") jobs/s, end to end $(field end_to_end_per_s "$r") jobs/s"
}

rates() { # rates <label>: Custodian's rates and reads
  local label=$1 r
  # batch submission + in-process execution
  local t0; t0=$($PG -d "$DB" -Atc "select now()")
  r=$(driver submit "$BASE" alice:alice-pw echo 8 100 "$JOBS" | grep '^RESULT')
  until [ "$($PG -d "$DB" -Atc "select count(*) from job where type = 'echo' and created_at >= '$t0' and status in ('PENDING','RUNNING')")" = 0 ]; do sleep 0.5; done
  local e2e; e2e=$($PG -d "$DB" -Atc "select round(count(*) / extract(epoch from max(finished_at) - min(created_at))) from job
      where type = 'echo' and created_at >= '$t0'")
  echo "  $label batch submission (8 clients, 100 jobs a call): $(field jobs_per_s "$r") jobs/s submitted (call p99 $(field batch_p99_ms "$r") ms), end to end $e2e jobs/s (executor concurrency 8)"
  E2E_RATE=$e2e
  # external workers
  $PG -d "$DB" -v ON_ERROR_STOP=1 -c "INSERT INTO job (id, type, status, payload, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, version)
    SELECT gen_random_uuid(), 'bench-ext', 'PENDING', '{\"n\":' || g || '}', 0, 3, 600, 'alice',
           now() - interval '1 hour' + g * interval '1 microsecond', now() - interval '1 hour', 0 FROM generate_series(1, $JOBS) g" \
    -c "ANALYZE job"
  r=$(driver workers "$BASE" worker:worker-pw bench-ext 8 25 "$RUN" | grep '^RESULT')
  local twice incomplete
  read -r twice incomplete < <($PG -d "$DB" -AtF ' ' -c "select
      (select count(*) from (select job_id from job_event e join job j on j.id = e.job_id where j.type = 'bench-ext' and e.type = 'STARTED' group by job_id having count(*) > 1) x),
      (select count(*) from job j where j.type = 'bench-ext' and j.status = 'COMPLETED' and
         (select count(*) from job_event e where e.job_id = j.id and e.type in ('STARTED', 'COMPLETED')) <> 2)")
  echo "  $label workers (8, claim max 25 + one completions call): $(field jobs_per_s "$r") jobs/s claimed and completed ($(field jobs "$r") jobs in $(field seconds "$r") s;" \
       "claim p99 $(field claim_p99_ms "$r") ms, completions p99 $(field completions_p99_ms "$r") ms; lease lost $(field lost "$r"), errors $(field errors "$r"));" \
       "check: $twice jobs started twice, $incomplete completed jobs without their STARTED and COMPLETED events"
  WORKER_RATE=$(field jobs_per_s "$r")
  $PG -d "$DB" -c "DELETE FROM job WHERE type = 'bench-ext'"
  # reads
  driver latency "$BASE" ops:ops-pw 200 "/api/jobs?limit=50" "/api/jobs?status=FAILED&type=echo&limit=50" "/metrics" \
    | sed "s/^LATENCY/  $label GET/"
  local ms; ms=$(psql -h 127.0.0.1 -U postgres -X -d "$DB" -c '\timing on' \
      -c "select status, count(*) from job where deleted_at is null group by status" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  echo "  $label status counts query (what /metrics runs, uncached): $ms ms"
}

echo "== batch calls and peers, SIZE=$SIZE, JOBS=$JOBS, load average $(load_average), $(date -u +%FT%TZ), build ${BUILD:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
drop_all
fresh_database
start_server "$PWD/$WORK/data" custodian.job.external-types=bench-ext custodian.job.concurrency=8
rates warm-up > /dev/null
peers "empty:"
rates "empty:"
EMPTY_E2E=$E2E_RATE; EMPTY_WORKERS=$WORKER_RATE
stop_server
if [ "$SIZE" = 0 ]; then echo "== SIZE 0: the empty round only; load average at the end: $(load_average)"; exit 0; fi

t0=$SECONDS
$PG -d "$DB" -v n="$SIZE" -f bench/finished-data.sql > /dev/null
$PG -d "$DB" -c "VACUUM (ANALYZE) job" -c "VACUUM (ANALYZE) job_event"
echo "  loaded $SIZE finished jobs + $((SIZE * 5)) events in $((SECONDS - t0)) s (vacuumed); database $($PG -d "$DB" -Atc "select pg_size_pretty(pg_database_size('$DB'))"), load average $(load_average)"
t0=$SECONDS
$PG -d postgres -c "CREATE DATABASE $COPY TEMPLATE $DB"
echo "  copied to $COPY in $((SECONDS - t0)) s"

start_server "$PWD/$WORK/data" custodian.job.external-types=bench-ext custodian.job.concurrency=8
rates warm-up > /dev/null
peers "$SIZE:"
rates "$SIZE:"
echo "  with $SIZE jobs / empty: batch end to end $(ratio "$E2E_RATE" "$EMPTY_E2E"), workers $(ratio "$WORKER_RATE" "$EMPTY_WORKERS") (target >= 0.80)"

# the purge, the probe reading live jobs, the heap sampled
heap_before=$(heap_after_gc)
rm -f "$WORK/probe.stop"
java bench/ReadLatencyProbe.java "$BASE" alice:alice-pw 10 "$WORK/probe.stop" 20 > "$WORK/probe.log" 2>&1 &
PROBE=$!
until grep -q PROBING "$WORK/probe.log"; do kill -0 $PROBE; sleep 0.2; done
$PG -d "$DB" -c CHECKPOINT
start_heap_sampler "$WORK/heap.samples"
cleanup '{"dryRun":false,"targets":["jobs"],"jobs":{"completedTtl":"1d","failedTtl":"1d","restoreWindow":"0s"}}' "$WORK/purge.json"
purge_wall=$WALL
stop_heap_sampler
touch "$WORK/probe.stop"; wait $PROBE
echo "  purge through a real cleanup run: $(jq .targets.jobs.deleted "$WORK/purge.json") purged in $purge_wall s," \
     "$(echo "$SIZE / $purge_wall" | bc -l | xargs printf '%.0f') jobs/s; left $($PG -d "$DB" -Atc "select count(*) from job where finished_at < now() - interval '1 day'") old jobs"
sed 's/^/      /' "$WORK/probe.log" | grep 'GET' || true
echo "      heap: peak used $PEAK_USED MB, after full GC $(heap_after_gc) MB (before the purge $heap_before MB)"
stop_server
$PG -d "$COPY" -c CHECKPOINT
sql_ms=$(psql -h 127.0.0.1 -U postgres -X -d "$COPY" -c '\timing on' -c "DELETE FROM job WHERE finished_at < now() - interval '1 day'" \
           | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
sql_s=$(echo "$sql_ms / 1000" | bc -l | xargs printf '%.3f')
echo "  plain SQL DELETE on the copy: $sql_s s ($(echo "$SIZE / $sql_s" | bc -l | xargs printf '%.0f') jobs/s); service / plain SQL rate $(ratio "$sql_s" "$purge_wall") (target >= 0.9)"
echo "== load average at the end: $(load_average)"
