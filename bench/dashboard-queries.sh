#!/usr/bin/env bash
# The dashboard's queries at 1,000,000 jobs in PostgreSQL (issue 16): the SQL the overview and the first page of the
# job list send on every refresh, timed in psql (the database's share of an answer; no HTTP, no server).
# Creates its own database (custodian_bench_dashboard), applies the migrations, inserts 1,000,000 jobs finished over
# the last 25 hours (60% COMPLETED, 10% each FAILED, CANCELLED, PENDING, RUNNING; 50 owners; 5% soft-deleted),
# VACUUM ANALYZE (what autovacuum keeps current), then runs each query 7 times and prints the median.
# Usage: bench/dashboard-queries.sh [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-1000000}
DB=custodian_bench_dashboard
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

if [ "${REUSE:-0}" != 1 ]; then  # REUSE=1: time the queries on the database a previous run left (it stops on errors)
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for f in $(ls src/main/resources/db/migration/*.sql | sort -V); do "${PSQL[@]}" -d $DB -f "$f"; done
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
"${PSQL[@]}" -c "DROP DATABASE $DB"
