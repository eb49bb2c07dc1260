#!/usr/bin/env bash
# Submit -> complete throughput of the echo job type over HTTP, on PostgreSQL.
#   bench/jobs-throughput.sh [seconds=30] [clients=8]
# Needs wrk (Debian: apt-get install wrk). A fresh database custodian_bench, Payara Micro (-Xmx512m) on port 18090
# (bench/lib.sh; custodian.job.concurrency=$CONCURRENCY, default 8). bench/submit.lua (one wrk connection = one
# client) submits echo jobs as alice: warm-up rounds of 20 s (then the queue drains) until the JIT has settled, then
# <seconds> measured. The in-process executor runs every job. Reported from the database for the measured jobs:
# end-to-end rate = jobs / (last finished_at - first created_at), so a backlog the executor works off after the
# clients stop counts against it; all must end COMPLETED. Then the server's peak used heap and heap after a full GC,
# and how often autovacuum ran on job and job_event while measured. JFR=1 records a profile; VACUUM=1 vacuums and
# analyzes the warm-up's jobs before the measured run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${1:-30}
CLIENTS=${2:-8}
PORT=18090
WORK=target/bench
DB=custodian_bench
. bench/lib.sh
command -v wrk > /dev/null || { echo "bench/jobs-throughput.sh needs wrk: apt-get install wrk" >&2; exit 1; }
mkdir -p "$WORK"
build_if_needed
trap 'stop_server; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT

fresh_database
start_server "$PWD/$WORK/data" "custodian.job.concurrency=${CONCURRENCY:-8}"
echo "== echo jobs, $CLIENTS clients, concurrency ${CONCURRENCY:-8}, load average $(load_average), $(date -u +%FT%TZ)"

drain() { # waits until no job is PENDING or RUNNING (at most 10 minutes)
  for _ in $(seq 1 1200); do
    [ "$($PG -d "$DB" -Atc "SELECT count(*) FROM job WHERE status IN ('PENDING', 'RUNNING')")" = 0 ] && return
    sleep 0.5
  done
  echo "jobs still unfinished after 10 minutes" >&2; exit 1
}
submit() { # submit <seconds> <label>
  wrk -t"$CLIENTS" -c"$CLIENTS" -d"$1s" --timeout 10s -s bench/submit.lua "http://127.0.0.1:$PORT" \
    -- "$(printf alice:alice-pw | base64)" > "$WORK/wrk-$2.txt"
  RESULT=$(grep '^RESULT' "$WORK/wrk-$2.txt")
  grep -q ' errors=0 ' <<< "$RESULT" || { echo "  $2: a submission failed: $RESULT" >&2; exit 1; }
}

# warm-up: rounds of 20 s of submissions (then the queue drains) until the JIT has settled: its compiler threads used
# at most 5% of the round's time, at most WARMUP_ROUNDS rounds (default 8; WARMUP_ROUNDS=1: the single 20 s round
# of the figures until 2026-12-01's last session, after which the compilers still used 13 s of the 30 measured)
warm_up_round() {
  submit 20 warm-up
  drain
}
warm_until_settled "${WARMUP_ROUNDS:-8}" warm_up_round
# the warm-up's jobs stay, with their dead row versions and the statistics autovacuum took of them (often while
# nothing was PENDING): the state a burst after a busy hour meets. VACUUM=1 vacuums and analyzes them first.
if [ "${VACUUM:-0}" = 1 ]; then
  T0=$(date +%s.%N)
  $PG -d "$DB" -qc "VACUUM ANALYZE job" -c "VACUUM ANALYZE job_event"
  echo "  after the warm-up: $($PG -d "$DB" -Atc "SELECT count(*) FROM job") jobs, vacuumed in $(echo "$(date +%s.%N) - $T0" | bc | xargs printf '%.1f') s"
fi
autovacuums() { $PG -d "$DB" -Atc "SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_user_tables WHERE relname IN ('job', 'job_event')"; }
AUTOVACUUMS0=$(autovacuums)
MARK=$($PG -d "$DB" -Atc "SELECT now()")
start_heap_sampler "$WORK/heap.samples"
read -r CPU_SERVER0 CPU_PG0 <<< "$(cpu_ms)"
thread_ticks > "$WORK/threads.measured"
submit "$RUN" measured
drain
read -r CPU_SERVER1 CPU_PG1 <<< "$(cpu_ms)"
THREADS=$(thread_report "$WORK/threads.measured")
stop_heap_sampler
echo "  submit: ${RESULT#RESULT }"
$PG -d "$DB" -AtF ' ' -c "SELECT count(*), count(*) FILTER (WHERE status = 'COMPLETED'),
    extract(epoch FROM max(finished_at) - min(created_at)) FROM job WHERE created_at >= '$MARK'" | {
  read -r N DONE SPAN
  echo "  end to end: $N jobs, $DONE COMPLETED, first submitted -> last finished $(printf '%.2f' "$SPAN") s:" \
       "$(echo "$N / $SPAN" | bc -l | xargs printf '%.0f') jobs/s"
  [ "$N" = "$DONE" ] || { echo "  not every job COMPLETED" >&2; exit 1; }
  # events are never updated, so an event row's xmin is the transaction that inserted it: jobs per submit, claim and
  # completion transaction
  echo "  jobs per transaction: $($PG -d "$DB" -AtF ' ' -c "SELECT string_agg(type || ' ' || round(n::numeric / t, 1), ', ')
      FROM (SELECT e.type, count(*) n, count(DISTINCT e.xmin::text) t FROM job_event e JOIN job j ON j.id = e.job_id
            WHERE j.created_at >= '$MARK' AND e.type IN ('SUBMITTED', 'STARTED', 'COMPLETED') GROUP BY e.type) x")"
  echo "  CPU per job: server $(echo "($CPU_SERVER1 - $CPU_SERVER0) / $N" | bc -l | xargs printf '%.2f') ms," \
       "PostgreSQL $(echo "($CPU_PG1 - $CPU_PG0) / $N" | bc -l | xargs printf '%.2f') ms"
}
echo "  server CPU by thread while measured: $THREADS"
echo "  autovacuum and autoanalyze runs on job and job_event while measured: $(( $(autovacuums) - AUTOVACUUMS0 ))"
echo "  server heap: peak used $PEAK_USED MB ($SAMPLES samples), after full GC $(heap_after_gc) MB (-Xmx512m); load average $(load_average)"
