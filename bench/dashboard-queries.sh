#!/usr/bin/env bash
# The dashboard's queries at 1,000,000 jobs in PostgreSQL (issue 16): the SQL the overview and the first page of the
# job list send on every refresh, timed in psql (the database's share of an answer; no HTTP, no server).
# Creates its own database (custodian_bench_dashboard), applies the migrations, inserts 1,000,000 jobs finished over
# the last 25 hours (60% COMPLETED, 10% each FAILED, CANCELLED, PENDING, RUNNING; 50 owners; 5% soft-deleted),
# VACUUM ANALYZE (what autovacuum keeps current), then runs each query 7 times and prints the median.
# Then the same answers over HTTP (HTTP=0 leaves this out): a server on port 18096 against that database, and each
# call the dashboard makes on a refresh timed by curl, sequentially as one browser tab sends it, `CALLS` (100) times
# after 5 warm-up calls: p50, p99 and max. The overview's first load (the whole last day counted once per server)
# is timed on its own, before the warm-up.
# Usage: bench/dashboard-queries.sh [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-1000000}
DB=custodian_bench_dashboard
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

PORT=18096 WORK=target/bench/dashboard
# with_server <command...>: runs the command while a server (bench/lib.sh: PostgreSQL $DB, users ops and alice) is up
with_server() {
  mkdir -p "$WORK"
  . bench/lib.sh
  build_if_needed
  trap stop_server EXIT
  start_server "$PWD/$WORK/data"
  "$@"
  stop_server
  trap - EXIT
}

if [ "${REUSE:-0}" != 1 ]; then  # REUSE=1: time the queries on the database a previous run left (it stops on errors)
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
rm -rf "$WORK/data"  # a data root belongs to one database (its owner marker): a new database needs a new root
if [ "${HTTP:-1}" = 1 ]; then  # the server's Flyway makes the schema, so that the same server can start on it later
  with_server true
else
  for f in $(ls src/main/resources/db/migration/*.sql | sort -V); do "${PSQL[@]}" -d $DB -f "$f"; done
fi
"${PSQL[@]}" -d $DB -c "
INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, started_at,
                 finished_at, deleted_at, version)
SELECT gen_random_uuid(), (ARRAY['echo','gzip','csv-summary'])[1 + i % 3], s, 1, 3, 600, 'user' || (i % 50), t, t,
       CASE WHEN s <> 'PENDING' THEN t END,
       CASE WHEN s IN ('COMPLETED','FAILED','CANCELLED') THEN t + interval '2 seconds' END,
       CASE WHEN i % 20 = 0 AND s IN ('COMPLETED','FAILED') THEN t + interval '1 hour' END, 0
FROM (SELECT i, now() - (i * (interval '25 hours' / $JOBS)) AS t,
             (ARRAY['COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','FAILED','CANCELLED',
                    'PENDING','RUNNING'])[1 + i % 10] AS s
      FROM generate_series(1, $JOBS) i) x" -c "VACUUM ANALYZE job"
fi

time_query() {
  local name=$1 sql=$2
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    times+=("$("${PSQL[@]}" -d $DB -c '\timing on' -c "$sql" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)")
  done
  printf '%-34s median %7.1f ms  (min %s, max %s)\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)"
}

BUCKETS="SELECT b, status, COUNT(*) FROM (SELECT FLOOR(EXTRACT(EPOCH FROM finished_at) / STEP) AS b, status FROM job
  WHERE status IN ('COMPLETED','FAILED','CANCELLED') AND finished_at >= FROM_ AND finished_at < now() + interval '1 second') t GROUP BY b, status"
time_query "counts by status (admin)" "SELECT status, count(*) FROM job WHERE deleted_at IS NULL GROUP BY status"
time_query "counts by status (one user)" "SELECT status, count(*) FROM job WHERE deleted_at IS NULL AND owner = 'user7' GROUP BY status"
time_query "first page, newest first" "SELECT * FROM job WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 26"
time_query "first page, FAILED" "SELECT * FROM job WHERE deleted_at IS NULL AND status = 'FAILED' ORDER BY created_at DESC, id DESC LIMIT 26"
time_query "total (capped at 10,001)" "SELECT id FROM job WHERE deleted_at IS NULL LIMIT 10001"
time_query "deleted, purge order" "SELECT * FROM job WHERE deleted_at IS NOT NULL ORDER BY deleted_at, id LIMIT 101"
B60=${BUCKETS//STEP/60}
B3600=${BUCKETS//STEP/3600}
HOUR="now() - interval '1 hour'"
DAY="now() - interval '24 hours'"
TWO_MINUTES="now() - interval '2 minutes'"
time_query "per minute, whole last hour" "${B60//FROM_/$HOUR}"
time_query "per hour, whole last day (first load)" "${B3600//FROM_/$DAY}"
time_query "per hour, open hour at its fullest" "${B3600//FROM_/$HOUR}"
time_query "per minute, open minutes (refresh)" "${B60//FROM_/$TWO_MINUTES}"

time_http() {
  local name=$1 user=$2 path=$3 out="$WORK/times.txt"
  for _ in 1 2 3 4 5; do once "$user" "$path" > /dev/null; done
  : > "$out"
  for _ in $(seq "${CALLS:-100}"); do once "$user" "$path" >> "$out"; done
  local bad; bad=$(awk '$1 != 200' "$out" | wc -l)
  sort -k2 -n "$out" | awk -v name="$name" -v bad="$bad" '{t[NR] = $2 * 1000} END {
    p50 = t[int(NR * 0.50 + 0.5)]; p99 = t[int(NR * 0.99 + 0.5)];
    printf "%-46s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%s\n", name, p50, p99, t[NR], (bad ? "  (" bad " not 200)" : "") }'
}
once() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$1" "http://127.0.0.1:$PORT/api/$2"; }
http_timings() {
  local first; first=$(once "$ADMIN" "jobs/stats")
  printf '%-46s %7.1f ms (HTTP %s)\n' "overview stats, first load" "$(echo "$first" | awk '{print $2 * 1000}')" "${first%% *}"
  time_http "overview stats (admin)" "$ADMIN" "jobs/stats"
  time_http "overview stats (a user)" "alice:alice-pw" "jobs/stats"
  time_http "cleanup status" "$ADMIN" "system/cleanup/status"
  time_http "last runs" "$ADMIN" "system/cleanup/runs?limit=5"
  time_http "nodes" "$ADMIN" "system/nodes"
  time_http "first page of jobs with total" "$ADMIN" "jobs?limit=25&count=true"
  time_http "first page, status=FAILED" "$ADMIN" "jobs?limit=25&status=FAILED"
  time_http "deleted jobs, purge order, with total" "$ADMIN" "jobs?deleted=true&count=true&limit=100"
}
if [ "${HTTP:-1}" = 1 ]; then
  echo "HTTP, one tab (server on $DB):"
  with_server http_timings
fi
"${PSQL[@]}" -c "DROP DATABASE $DB"
