#!/usr/bin/env bash
# Worker API over HTTP on PostgreSQL: <workers> external workers claiming jobs at once.
#   bench/claims-throughput.sh [seconds=30] [workers=8]
# Needs wrk (Debian: apt-get install wrk); a Java client took a third of a core of the same two cores.
# A fresh database custodian_bench_claims, Payara Micro (-Xmx512m) on port 18095 with
# custodian.job.external-types=bench-ext (bench/lib.sh: users ops, alice, worker). $JOBS (default 250,000) PENDING
# jobs of type bench-ext are inserted with SQL (no SUBMITTED events: only the worker calls are measured). Then
# bench/worker.lua (one wrk connection = one worker) runs, each phase <seconds> long:
#   warm-up  rounds of claim -> complete cycles (10 s), bare claims (5 s) and empty claims (5 s), not reported, until
#            the JIT has settled (see below)
#   pairs    claim -> complete cycles: a worker's whole round trip (two requests per job)
#   claims   claim calls only (the jobs stay RUNNING): the rate at which jobs are handed out
#   empty    10 s of claims for a type without jobs (204): what the request costs without the claim, the ceiling
# Afterwards the database must show: no job started twice, as many STARTED events as successful claims and as many
# COMPLETED jobs as completes (give or take the calls in flight when a phase stopped); and the server's heap after a full GC and its peak used heap. JFR=1 records a profile.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${1:-30}
WORKERS=${2:-8}
JOBS=${JOBS:-250000}
PORT=18095
WORK=target/bench-claims
DB=custodian_bench_claims
. bench/lib.sh
command -v wrk > /dev/null || { echo "bench/claims-throughput.sh needs wrk: apt-get install wrk" >&2; exit 1; }
mkdir -p "$WORK"
build_if_needed
trap 'stop_server; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT

fresh_database
start_server "$PWD/$WORK/data" custodian.job.external-types=bench-ext,bench-none
t0=$(date +%s.%N)
$PG -d "$DB" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO job (id, type, status, payload, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, version)
SELECT gen_random_uuid(), 'bench-ext', 'PENDING', '{"n":' || g || '}', 0, 3, 600, 'alice',
       now() - interval '1 hour' + g * interval '1 millisecond', now() - interval '1 hour', 0
FROM generate_series(1, $JOBS) g;
ANALYZE job;
SQL
echo "== worker API, $WORKERS workers, $JOBS PENDING jobs inserted with SQL in $(echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.1f') s, load average $(load_average), $(date -u +%FT%TZ)"

CLAIMS=0
COMPLETES=0
PHASES=0
workers() { # workers <mode> <seconds> <type> <out file>: bench/worker.lua on $WORKERS connections
  wrk -t"$WORKERS" -c"$WORKERS" -d"$2s" --timeout 10s -s bench/worker.lua "http://127.0.0.1:$PORT" \
    -- "$(printf worker:worker-pw | base64)" "$3" "$1" > "$4"
}
phase() { # phase <mode> <seconds> <label>
  local out="$WORK/wrk-$3.txt"
  workers "$1" "$2" bench-ext "$out"
  PHASES=$((PHASES + 1))
  local result; result=$(grep '^RESULT' "$out")
  CLAIMS=$((CLAIMS + $(sed 's/.* claims=\([0-9]*\).*/\1/' <<< "$result")))
  COMPLETES=$((COMPLETES + $(sed 's/.* completes=\([0-9]*\).*/\1/' <<< "$result")))
  grep -q ' empty=0 errors=0 ' <<< "$result" || { echo "  $3: the queue ran dry or a call failed: $result" >&2; exit 1; }
  [ "$3" = warm-up ] || echo "  $3: ${result#RESULT }"
}
# warm-up: rounds of pairs (10 s), bare claims (5 s) and empty claims (5 s) until the JIT has settled (its compiler
# threads used at most 5% of the round's time; at most WARMUP_ROUNDS rounds, default 8). A fresh server's C2 works
# through the request path for minutes: in bench/purge.sh's warm-up the same GET went from 965 to 3,182 requests/s
# over three rounds of 37 s. WARMUP_ROUNDS=1: a single round (until 2026-12-01's last session: 10 s of pairs).
warm_up_round() {
  phase pairs 10 warm-up
  phase claims 5 warm-up
  workers claims 5 bench-none "$WORK/wrk-warm-up-empty.txt"
}
warm_until_settled "${WARMUP_ROUNDS:-8}" warm_up_round
start_heap_sampler "$WORK/heap.samples"
thread_ticks > "$WORK/threads.measured"
read -r CPU_S0 CPU_P0 <<< "$(cpu_ms)"; C0=$CLAIMS
phase pairs "$RUN" pairs
read -r CPU_S1 CPU_P1 <<< "$(cpu_ms)"; C1=$CLAIMS
phase claims "$RUN" claims
read -r CPU_S2 CPU_P2 <<< "$(cpu_ms)"; C2=$CLAIMS
stop_heap_sampler
echo "  server CPU by thread during pairs and claims: $(thread_report "$WORK/threads.measured")"
# the container's share: claims of a type no job has (each answers 204 after authentication and one SELECT)
workers claims 10 bench-none "$WORK/wrk-empty.txt"
read -r CPU_S3 CPU_P3 <<< "$(cpu_ms)"
EMPTY_RESULT=$(grep '^RESULT' "$WORK/wrk-empty.txt")
EMPTY=$(sed 's/.* empty=\([0-9]*\).*/\1/' <<< "$EMPTY_RESULT")
per() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
echo "  CPU: per claim+complete pair server $(per $((CPU_S1 - CPU_S0)) $((C1 - C0))) ms, PostgreSQL $(per $((CPU_P1 - CPU_P0)) $((C1 - C0))) ms;" \
     "per bare claim server $(per $((CPU_S2 - CPU_S1)) $((C2 - C1))) ms, PostgreSQL $(per $((CPU_P2 - CPU_P1)) $((C2 - C1))) ms"
echo "  empty claims (no job of the type: 204): $(sed 's/.* requests_per_s=\([0-9]*\).*/\1/' <<< "$EMPTY_RESULT") requests/s; per request server" \
     "$(per $((CPU_S3 - CPU_S2)) "$EMPTY") ms, PostgreSQL $(per $((CPU_P3 - CPU_P2)) "$EMPTY") ms: the ceiling of the request alone"

read -r STARTED TWICE COMPLETED < <($PG -d "$DB" -AtF ' ' -c "SELECT
  (SELECT count(*) FROM job_event WHERE type = 'STARTED'),
  (SELECT count(*) FROM (SELECT job_id FROM job_event WHERE type = 'STARTED' GROUP BY job_id HAVING count(*) > 1) x),
  (SELECT count(*) FROM job WHERE status = 'COMPLETED')")
# wrk stops each phase with one call in flight per worker: the server may have done it without wrk counting it
echo "  check: $CLAIMS claims answered 200, $STARTED STARTED events, $TWICE jobs started twice; $COMPLETES completes, $COMPLETED COMPLETED jobs"
IN_FLIGHT=$((PHASES * WORKERS))
[ "$TWICE" -eq 0 ] && [ "$STARTED" -ge "$CLAIMS" ] && [ "$STARTED" -le $((CLAIMS + IN_FLIGHT)) ] \
  && [ "$COMPLETED" -ge "$COMPLETES" ] && [ "$COMPLETED" -le $((COMPLETES + IN_FLIGHT)) ] \
  || { echo "  check FAILED (allowed: up to $IN_FLIGHT calls in flight when the phases stopped)" >&2; exit 1; }
echo "  server heap: peak used $PEAK_USED MB ($SAMPLES samples), after full GC $(heap_after_gc) MB (-Xmx512m); load average $(load_average)"
