#!/usr/bin/env bash
# Purge of soft-deleted jobs through the cleanup API, against plain SQL, on PostgreSQL.
#   bench/purge.sh [jobs=1000000]      one size
#   bench/purge.sh both                100000 then 1000000, and the heap comparison of the two
# Per size: a fresh database custodian_bench_purge, Payara Micro (-Xmx512m) started once on port 18091 (Flyway creates
# the schema; admin ops, user alice; no cleanup at startup, schedule paused). bench/purge-data.sql generates N
# COMPLETED jobs submitted 1 ms apart in insertion order (SUBMITTED=same: all at one instant, the data of the figures
# before 2026-12-01), finished about 30 days ago and soft-deleted 10 days ago (so past the default 3d restore window; the API
# calls use the configured policy, no override), all with the same deleted_at as after one soft-delete run
# (SPREAD=1: one millisecond apart instead), each with 5 job_event rows. Then, in the same run:
#   (a) dry run  POST /api/system/cleanup {"dryRun":true,"targets":["jobs"]}: time to answer; must report N
#   (b) purge    POST /api/system/cleanup {"dryRun":false,"targets":["jobs"]}: wall time, jobs/s; meanwhile
#       bench/ReadLatencyProbe.java reads 10 live jobs of alice (GET /api/jobs/{id}, one request every 20 ms) and
#       jstat -gc samples the used heap (S0U+S1U+EU+OU) every 500 ms; afterwards the heap after a full GC
# The generated rows are vacuumed before each side, as rows that old would be in production.
#   (c) the same data generated again, then DELETE FROM job WHERE deleted_at < now() - interval '3 days' (events by
#       ON DELETE CASCADE) timed with psql \timing; ratio service / plain SQL
# Target (`both`): heap after GC at 1,000,000 within 64 MB of that at 100,000 (the sampled peak is printed as well).
# BATCH=n sets custodian.cleanup.batch-size (default 1,000); PARALLELISM=n custodian.cleanup.purge-parallelism (default 2).
# Figures go to stdout; the server log and samples stay in target/bench-purge/ (the database is dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
ARG=${1:-1000000}
SPREAD=${SPREAD:-0}
SUBMITTED=${SUBMITTED:-spread}
PORT=18091
WORK=target/bench-purge
DB=custodian_bench_purge
LIVE_JOBS=10
. bench/lib.sh

mkdir -p "$WORK"
build_if_needed
trap 'touch "$WORK/probe.stop" 2>/dev/null; stop_server; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT

generate() {
  local t0=$SECONDS
  $PG -d "$DB" -v n="$1" -v spread="$SPREAD" -v submitted="$SUBMITTED" -f bench/purge-data.sql > /dev/null
  # as rows 30 days old are in production: vacuumed (hint bits set, visibility map built), so that neither side
  # pays for the first visit of freshly inserted rows, nor competes with an autovacuum of them
  $PG -d "$DB" -c "VACUUM (ANALYZE) job" -c "VACUUM (ANALYZE) job_event"
  echo "  generated $1 jobs + $(($1 * 5)) events in $((SECONDS - t0)) s (vacuumed)"
}

count() {
  $PG -d "$DB" -Atc "$1"
}

run_size() {
  local n=$1 out="$WORK/result-$1"
  echo "== purge, N=$n jobs x 5 events (deleted_at: $([ "$SPREAD" = 1 ] && echo 'spread 1 ms apart' || echo 'one instant'), submitted: $([ "$SUBMITTED" = same ] && echo 'one instant' || echo '1 ms apart')), load average $(load_average), $(date -u +%FT%TZ)"
  fresh_database
  start_server "$PWD/$WORK/data" ${BATCH:+custodian.cleanup.batch-size=$BATCH} ${PARALLELISM:+custodian.cleanup.purge-parallelism=$PARALLELISM}
  generate "$n"
  local heap_before; heap_before=$(heap_after_gc)
  echo "  server heap after full GC, before the runs: $heap_before MB"

  # (a) dry run
  $PG -d "$DB" -c CHECKPOINT
  cleanup '{"dryRun":true,"targets":["jobs"]}' "$WORK/dry.json"
  local dry_wall=$WALL dry_matched; dry_matched=$(jq .targets.jobs.matched "$WORK/dry.json")
  echo "  (a) dry run: answered in $dry_wall s (target durationMs $(jq .targets.jobs.durationMs "$WORK/dry.json")), matched $dry_matched$([ "$dry_matched" = "$n" ] && echo ' = N' || echo " != N ($n): WRONG"), load average $(load_average)"

  # (b) real purge with the read probe and the heap sampler
  rm -f "$WORK/probe.stop"
  java bench/ReadLatencyProbe.java "http://127.0.0.1:$PORT" alice:alice-pw "$LIVE_JOBS" "$WORK/probe.stop" 20 > "$WORK/probe.log" 2>&1 &
  local probe=$! t0=$SECONDS
  until grep -q PROBING "$WORK/probe.log"; do
    kill -0 $probe 2>/dev/null && [ $((SECONDS - t0)) -lt 180 ] || { cat "$WORK/probe.log"; echo "probe did not start" >&2; exit 1; }
    sleep 0.2
  done
  $PG -d "$DB" -c CHECKPOINT
  start_heap_sampler "$WORK/heap-$n.samples"
  cleanup '{"dryRun":false,"targets":["jobs"]}' "$WORK/purge.json"
  local purge_wall=$WALL load_after; load_after=$(load_average)
  stop_heap_sampler
  touch "$WORK/probe.stop"
  wait $probe || { cat "$WORK/probe.log"; exit 1; }
  local deleted; deleted=$(jq .targets.jobs.deleted "$WORK/purge.json")
  local heap_after; heap_after=$(heap_after_gc)
  echo "  (b) purge: $purge_wall s wall (target durationMs $(jq .targets.jobs.durationMs "$WORK/purge.json")), deleted $deleted$([ "$deleted" = "$n" ] && echo ' = N' || echo " != N ($n): WRONG"),"\
       "$(echo "$deleted / $purge_wall" | bc -l | xargs printf '%.0f') jobs/s ($(echo "$deleted * 6 / $purge_wall" | bc -l | xargs printf '%.0f') rows/s with events), load average at the end $load_after"
  sed 's/^/      /' "$WORK/probe.log" | grep 'GET'
  echo "      heap: peak used during the purge $PEAK_USED MB (old gen peak $PEAK_OLD MB, $SAMPLES samples); after full GC $heap_after MB (before the runs $heap_before MB)"
  echo "      left: $(count "select count(*) from job") jobs (the $LIVE_JOBS live ones), $(count "select count(*) from job_event where id >= 1000000000000") generated events"

  # (c) plain SQL on the same data
  $PG -d "$DB" -c "VACUUM job" -c "VACUUM job_event"
  generate "$n"
  $PG -d "$DB" -c CHECKPOINT
  local sql_ms
  sql_ms=$(psql -h 127.0.0.1 -U postgres -X -d "$DB" -c '\timing on' -c "DELETE FROM job WHERE deleted_at < now() - interval '3 days'" \
             | tee "$WORK/sql.out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  local sql_s; sql_s=$(echo "$sql_ms / 1000" | bc -l | xargs printf '%.3f')
  echo "  (c) plain SQL: $(grep -o 'DELETE [0-9]*' "$WORK/sql.out") in $sql_s s ($(echo "$n / $sql_s" | bc -l | xargs printf '%.0f') jobs/s); left $(count "select count(*) from job_event where id >= 1000000000000") generated events"
  echo "  ratio service / plain SQL: $(ratio "$purge_wall" "$sql_s")   (dry run / plain SQL: $(ratio "$dry_wall" "$sql_s"))"
  printf 'heap_after=%s\npeak_used=%s\npurge_wall=%s\n' "$heap_after" "$PEAK_USED" "$purge_wall" > "$out"
  cp "$WORK/server.log" "$WORK/server-$n.log"
  stop_server
}

if [ "$ARG" = both ]; then
  run_size 100000
  run_size 1000000
  . "$WORK/result-100000"; small_after=$heap_after; small_peak=$peak_used; small_wall=$purge_wall
  . "$WORK/result-1000000"
  echo "== heap, 1,000,000 vs 100,000: after full GC $heap_after vs $small_after MB (difference $((heap_after - small_after)) MB," \
       "target <= 64: $([ $((heap_after - small_after)) -le 64 ] && echo met || echo MISSED)); sampled peak $peak_used vs $small_peak MB" \
       "(difference $((peak_used - small_peak)) MB, $([ $((peak_used - small_peak)) -le 64 ] && echo within || echo over) 64)"
  echo "== purge time, 1,000,000 vs 100,000: $purge_wall vs $small_wall s (x$(ratio "$purge_wall" "$small_wall") for 10x the jobs)"
else
  run_size "$ARG"
fi
echo "== load average at the end: $(load_average)"
