#!/usr/bin/env bash
# Purge of soft-deleted jobs through the cleanup API, against plain SQL, on PostgreSQL.
#   bench/purge.sh [jobs=1000000]      one size
#   bench/purge.sh both                100000 then 1000000, and the heap comparison of the two
# Per size: a fresh database custodian_bench_purge, Payara Micro (-Xmx512m) started once on port 18091 (Flyway creates
# the schema; admin ops, user alice; no cleanup at startup, schedule paused). bench/purge-data.sql generates N
# COMPLETED jobs submitted 1 ms apart in insertion order (SUBMITTED=same: all at one instant, the data of the figures
# before 2026-12-01), finished about 30 days ago and soft-deleted 10 days ago (so past the default 3d restore window; the API
# calls use the configured policy, no override), all with the same deleted_at as after one soft-delete run
# (SPREAD=1: one millisecond apart instead), each with 5 job_event rows. First a warm-up until the JIT has settled
# (rounds of WARMUP jobs, default 200,000, purged the same way with the probe reading, and reads: see warm_up;
# WARMUP=0 measures a cold server). Then, in the same run:
#   (a) dry run  POST /api/system/cleanup {"dryRun":true,"targets":["jobs"]}: time to answer; must report N
#   (b) purge    POST /api/system/cleanup {"dryRun":false,"targets":["jobs"]}: wall time, jobs/s; meanwhile
#       bench/ReadLatencyProbe.java reads 10 live jobs of alice (GET /api/jobs/{id}, one request every 20 ms) and
#       jstat -gc samples the used heap (S0U+S1U+EU+OU) every 500 ms; afterwards the heap after a full GC
# The generated rows are vacuumed before each side, as rows that old would be in production.
#   (c) the same data generated again, then DELETE FROM job WHERE deleted_at < now() - interval '3 days' (events by
#       ON DELETE CASCADE) timed with psql \timing; the service's rate over plain SQL's (target 0.8)
# Each side reports the WAL it wrote, the checkpoints that fell inside it and the machine's CPU (the service's split
# into the server's and PostgreSQL's).
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
WARMUP=${WARMUP:-200000}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-6}
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

# side_mark: what a side's report is measured from: the WAL position, the checkpoints so far (timed, requested), the
# autovacuums of the database's tables so far (a purge committed batch by batch leaves dead rows that autovacuum may
# start on during the run; one DELETE leaves none until it commits), the
# whole machine's CPU ticks (busy = user + nice + system + irq + softirq; iowait) and the server's and PostgreSQL's
# CPU (bench/lib.sh cpu_ms; a backend that has exited, as plain SQL's psql session has when it is read, is not in it)
side_mark() {
  echo "$($PG -d "$DB" -Atc "select pg_current_wal_lsn() || ' ' || checkpoints_timed || ' ' || checkpoints_req || ' '
      || (select sum(autovacuum_count) from pg_stat_user_tables) from pg_stat_bgwriter")" \
       "$(machine_ticks) $(cpu_ms)"
}
# machine_ticks: the whole machine's CPU ticks so far, "busy iowait"
machine_ticks() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $6}' /proc/stat
}
# side_report <mark> [with-server]: "<MB> MB WAL, <n> checkpoints during it (<timed> timed), <n> autovacuums; machine CPU busy <s> s
# (server <s> s, PostgreSQL <s> s), iowait <s> s"
side_report() {
  local lsn timed req vacuums busy iowait server pg busy1 iowait1 server1 pg1 hz; hz=$(getconf CLK_TCK)
  read -r lsn timed req vacuums busy iowait server pg <<< "$1"
  read -r busy1 iowait1 <<< "$(machine_ticks)"
  read -r server1 pg1 <<< "$(cpu_ms)"
  local split=""
  [ -z "${2:-}" ] || split=" (server $(seconds $((server1 - server))) s, PostgreSQL $(seconds $((pg1 - pg))) s)"
  echo "$($PG -d "$DB" -Atc "select round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn') / 1048576) || ' MB WAL, '
      || (checkpoints_timed - $timed + checkpoints_req - $req) || ' checkpoints during it ('
      || (checkpoints_timed - $timed) || ' timed), '
      || ((select sum(autovacuum_count) from pg_stat_user_tables) - $vacuums) || ' autovacuums' from pg_stat_bgwriter");" \
       "machine CPU busy $(echo "($busy1 - $busy) / $hz" | bc -l | xargs printf '%.1f') s$split, iowait $(echo "($iowait1 - $iowait) / $hz" | bc -l | xargs printf '%.1f') s"
}
seconds() {
  echo "$1 / 1000" | bc -l | xargs printf '%.1f'
}

# start_probe / stop_probe: bench/ReadLatencyProbe.java reading its own LIVE_JOBS live jobs (it submits them first)
start_probe() {
  rm -f "$WORK/probe.stop"
  java bench/ReadLatencyProbe.java "http://127.0.0.1:$PORT" alice:alice-pw "$LIVE_JOBS" "$WORK/probe.stop" 20 > "$WORK/probe.log" 2>&1 &
  PROBE=$!
  LIVE=$((LIVE + LIVE_JOBS))
  local t0=$SECONDS
  until grep -q PROBING "$WORK/probe.log"; do
    kill -0 $PROBE 2>/dev/null && [ $((SECONDS - t0)) -lt 180 ] || { cat "$WORK/probe.log"; echo "probe did not start" >&2; exit 1; }
    sleep 0.2
  done
}
stop_probe() {
  touch "$WORK/probe.stop"
  wait $PROBE || { cat "$WORK/probe.log"; exit 1; }
}

# warm_up: a server in production has purged before (the schedule runs every custodian.cleanup.interval) and serves
# reads all the time, so its JIT has compiled those paths. A fresh one compiles them during the measured purge, on the
# two cores it shares with PostgreSQL: measured 3.9-5.0 s of the compiler threads' CPU within a 12 s purge of 1,000,000
# jobs (C2 compiling Hibernate's native query path, the pool's and the transaction manager's, and the request path
# the probe's GETs use), and 2.5-2.8 ms of server CPU per probe GET instead of 0.4-1. A single warm-up round left
# 3.4-4.6 s of it in the measured purge: C2 defers compiling while its queue is long, so a method made hot during the
# warm-up is compiled the next time it runs. So the warm-up repeats rounds, each WARMUP jobs (default 200,000)
# generated and purged the same way with the probe reading, then wrk (when installed) reading one live job for
# WARMUP_READS seconds (default 15) over 4 connections, until the JIT compilers used at most 5% of a round's time
# (at most WARMUP_ROUNDS rounds, default 6). WARMUP=0: no warm-up, a cold server.
warm_up() {
  [ "$WARMUP" -gt 0 ] || { echo "  no warm-up (WARMUP=0): the purge below runs on a cold JIT"; return; }
  warm_until_settled "$WARMUP_ROUNDS" warm_up_round
}
warm_up_round() {
  generate "$WARMUP" > /dev/null
  cleanup '{"dryRun":true,"targets":["jobs"]}' "$WORK/warm-up-dry.json"
  start_probe
  cleanup '{"dryRun":false,"targets":["jobs"]}' "$WORK/warm-up.json"
  local wall=$WALL reads="no reads: wrk is not installed (apt-get install wrk)"
  stop_probe
  $PG -d "$DB" -c "VACUUM job" -c "VACUUM job_event"
  if command -v wrk > /dev/null; then
    local job
    job=$(curl -sf -u alice:alice-pw -H 'Content-Type: application/json' -d '{"type":"echo","payload":{"warm-up":true}}' \
      "http://127.0.0.1:$PORT/api/jobs" | jq -r .id)
    LIVE=$((LIVE + 1))
    wrk -t2 -c4 -d"${WARMUP_READS:-15}s" -H "Authorization: Basic $(printf alice:alice-pw | base64)" \
      "http://127.0.0.1:$PORT/api/jobs/$job" > "$WORK/warm-up-reads.txt"
    reads="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/warm-up-reads.txt") reads/s for ${WARMUP_READS:-15} s"
  fi
  echo "    $(jq .targets.jobs.deleted "$WORK/warm-up.json") of $WARMUP generated jobs purged in $wall s, the probe reading; $reads"
}

run_size() {
  local n=$1 out="$WORK/result-$1"
  echo "== purge, N=$n jobs x 5 events (deleted_at: $([ "$SPREAD" = 1 ] && echo 'spread 1 ms apart' || echo 'one instant'), submitted: $([ "$SUBMITTED" = same ] && echo 'one instant' || echo '1 ms apart')), load average $(load_average), $(date -u +%FT%TZ)"
  fresh_database
  start_server "$PWD/$WORK/data" ${BATCH:+custodian.cleanup.batch-size=$BATCH} ${PARALLELISM:+custodian.cleanup.purge-parallelism=$PARALLELISM}
  LIVE=0
  warm_up
  generate "$n"
  local heap_before; heap_before=$(heap_after_gc)
  echo "  server heap after full GC, before the runs: $heap_before MB"

  # (a) dry run
  $PG -d "$DB" -c CHECKPOINT
  cleanup '{"dryRun":true,"targets":["jobs"]}' "$WORK/dry.json"
  local dry_wall=$WALL dry_matched; dry_matched=$(jq .targets.jobs.matched "$WORK/dry.json")
  echo "  (a) dry run: answered in $dry_wall s (target durationMs $(jq .targets.jobs.durationMs "$WORK/dry.json")), matched $dry_matched$([ "$dry_matched" = "$n" ] && echo ' = N' || echo " != N ($n): WRONG"), load average $(load_average)"

  # (b) real purge with the read probe and the heap sampler
  start_probe
  $PG -d "$DB" -c CHECKPOINT
  start_heap_sampler "$WORK/heap-$n.samples"
  local mark; mark=$(side_mark); thread_ticks > "$WORK/threads.before"
  cleanup '{"dryRun":false,"targets":["jobs"]}' "$WORK/purge.json"
  local purge_wall=$WALL load_after report threads; load_after=$(load_average); report=$(side_report "$mark" with-server)
  threads=$(thread_report "$WORK/threads.before")
  stop_heap_sampler
  stop_probe
  local deleted; deleted=$(jq .targets.jobs.deleted "$WORK/purge.json")
  local heap_after; heap_after=$(heap_after_gc)
  echo "  (b) purge: $purge_wall s wall (target durationMs $(jq .targets.jobs.durationMs "$WORK/purge.json")), deleted $deleted$([ "$deleted" = "$n" ] && echo ' = N' || echo " != N ($n): WRONG"),"\
       "$(echo "$deleted / $purge_wall" | bc -l | xargs printf '%.0f') jobs/s ($(echo "$deleted * 6 / $purge_wall" | bc -l | xargs printf '%.0f') rows/s with events), load average at the end $load_after"
  echo "      $report"
  echo "      server CPU by thread: $threads"
  sed 's/^/      /' "$WORK/probe.log" | grep 'GET'
  echo "      heap: peak used during the purge $PEAK_USED MB (old gen peak $PEAK_OLD MB, $SAMPLES samples); after full GC $heap_after MB (before the runs $heap_before MB)"
  echo "      left: $(count "select count(*) from job") jobs (the $LIVE live ones), $(count "select count(*) from job_event where id >= 1000000000000") generated events"

  # (c) plain SQL on the same data
  $PG -d "$DB" -c "VACUUM job" -c "VACUUM job_event"
  generate "$n"
  $PG -d "$DB" -c CHECKPOINT
  local sql_ms; mark=$(side_mark)
  sql_ms=$(psql -h 127.0.0.1 -U postgres -X -d "$DB" -c '\timing on' -c "DELETE FROM job WHERE deleted_at < now() - interval '3 days'" \
             | tee "$WORK/sql.out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  local sql_s; sql_s=$(echo "$sql_ms / 1000" | bc -l | xargs printf '%.3f')
  report=$(side_report "$mark")
  echo "  (c) plain SQL: $(grep -o 'DELETE [0-9]*' "$WORK/sql.out") in $sql_s s ($(echo "$n / $sql_s" | bc -l | xargs printf '%.0f') jobs/s); left $(count "select count(*) from job_event where id >= 1000000000000") generated events"
  echo "      $report"
  echo "  rate, service / plain SQL: $(ratio "$sql_s" "$purge_wall") (target 0.8; time $(ratio "$purge_wall" "$sql_s") x plain SQL's; dry run $(ratio "$dry_wall" "$sql_s") x)"
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
