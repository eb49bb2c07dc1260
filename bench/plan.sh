#!/usr/bin/env bash
# Stored cleanup plans on PostgreSQL: what a dry run that stores its plan costs, and applying that plan.
#   bench/plan.sh [jobs=1000000]
# A fresh database custodian_bench_plan, Payara Micro (-Xmx512m) on port 18092 (no cleanup at startup, schedule
# paused); bench/purge-data.sql generates N soft-deleted COMPLETED jobs past the restore window (5 events each),
# vacuumed. Then, no warm-up:
#   (a) dry run  POST /api/system/cleanup {"dryRun":true,"targets":["jobs"]}: wall time, matched (must be N), the
#       plan's rows and size on disk (cleanup_plan_item with its primary key), the server's used heap after a full GC
#   (a') the floor: the same rows written into the plan table by one INSERT ... SELECT in psql (removed again)
#   (b) apply    POST /api/system/cleanup/runs/{id}/apply: wall time, deleted (must be N), skipped (must be 0)
#   (c) the same data again; a real run of the jobs target without a plan, for comparison with (b)
# Figures go to stdout; the server log stays in target/bench-plan/ (the database is dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
PORT=18092
WORK=target/bench-plan
DB=custodian_bench_plan
. bench/lib.sh

mkdir -p "$WORK"
build_if_needed
trap 'stop_server; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT

generate() {
  local t0=$SECONDS
  $PG -d "$DB" -v n="$N" -v spread=0 -v submitted=spread -f bench/purge-data.sql > /dev/null
  $PG -d "$DB" -c "VACUUM (ANALYZE) job" -c "VACUUM (ANALYZE) job_event"
  echo "  generated $N jobs + $((N * 5)) events in $((SECONDS - t0)) s (vacuumed)"
}

fresh_database
start_server "$WORK/data"
generate
echo "== $N jobs, $(nproc) cores, load average $(load_average)"

cleanup '{"dryRun":true,"targets":["jobs"]}' "$WORK/dry.json"
RUN=$(jq -r .id "$WORK/dry.json")
echo "  (a) dry run with its plan stored: $WALL s (target durationMs $(jq .targets.jobs.durationMs "$WORK/dry.json")), matched $(jq .targets.jobs.matched "$WORK/dry.json");" \
     "plan $($PG -d "$DB" -Atc "select count(*) from cleanup_plan_item where run_id = '$RUN'") rows," \
     "$($PG -d "$DB" -Atc "select pg_size_pretty(pg_total_relation_size('cleanup_plan_item'))") on disk; heap after GC $(heap_after_gc) MB"

# the floor for (a): the same rows written by one INSERT ... SELECT in psql, one transaction (then removed again)
PEER=00000000-0000-0000-0000-00000000beef
t0=$(date +%s.%N)
$PG -d "$DB" -c "INSERT INTO cleanup_plan_item (run_id, target, item, step, reason, bytes)
  SELECT '$PEER', 'jobs', CAST(j.id AS varchar), 'purge', 'restore window 3d', CASE WHEN j.output_file IS NULL THEN 0 END
  FROM job j WHERE j.deleted_at <= now() - interval '3 days' AND j.status <> 'RUNNING'" > /dev/null
echo "  (a') plain SQL, the same plan rows by one INSERT ... SELECT: $(echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.3f') s"
$PG -d "$DB" -c "DELETE FROM cleanup_plan_item WHERE run_id = '$PEER'" -c "VACUUM cleanup_plan_item" > /dev/null

t0=$(date +%s.%N)
code=$(curl -s -o "$WORK/apply.json" -w '%{http_code}' -u "$ADMIN" -X POST "http://127.0.0.1:$PORT/api/system/cleanup/runs/$RUN/apply?wait=600s")
if [ "$code" = 202 ]; then
  APPLY=$(jq -r .id "$WORK/apply.json")
  echo "  (apply still running after 600 s: polling run $APPLY every second)"
  for _ in $(seq 1 7200); do
    curl -sf -u "$ADMIN" "http://127.0.0.1:$PORT/api/system/cleanup/runs/$APPLY" > "$WORK/apply.json"
    [ "$(jq -r .status "$WORK/apply.json")" = RUNNING ] || break
    sleep 1
  done
elif [ "$code" != 200 ]; then
  echo "apply answered $code: $(cat "$WORK/apply.json")" >&2
  exit 1
fi
WALL=$(echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.3f')
echo "  (b) apply: $WALL s, deleted $(jq .targets.jobs.deleted "$WORK/apply.json"), skipped $(jq .targets.jobs.skipped "$WORK/apply.json")"

generate
cleanup '{"dryRun":false,"targets":["jobs"]}' "$WORK/real.json"
echo "  (c) real run without a plan: $WALL s, deleted $(jq .targets.jobs.deleted "$WORK/real.json")"
