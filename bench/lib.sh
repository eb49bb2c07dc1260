# Shared by bench/purge.sh and bench/file-sweep.sh (sourced, not run): start Payara Micro on a fresh PostgreSQL
# database, call the cleanup API and time it, sample the server's heap.
# Expects PORT, WORK (a directory under target/) and DB to be set, and the current directory to be the repository.

PG="psql -h 127.0.0.1 -U postgres -X -q"
ADMIN=ops:ops-pw
SERVER=

build_if_needed() {
  [ -f target/custodian.war ] && [ -f target/payara-micro.jar ] && [ -f target/server-lib/postgresql.jar ] \
    || mvn -B -o -q package -DskipTests
}

# fresh_database: drops and creates $DB, and removes $WORK/data: a data root belongs to one database (its
# .custodian-owner marker), so a server refuses to start on a new database with the old root
fresh_database() {
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  rm -rf "${WORK:?}/data"
}

# start_server <data dir> [extra properties...]: Payara Micro (-Xmx512m) on $PORT against $DB (DATABASE=h2: the
# embedded database under $WORK/h2 instead), users ops (admin),
# alice (user) and worker (worker), no cleanup at startup, the schedule far away and paused.
# JFR=1 records a profile to $WORK/server.jfr (written by stop_server).
start_server() {
  local data=$1; shift
  mkdir -p "$data"
  local database="--addLibs target/server-lib/postgresql.jar --postbootcommandfile server-config/payara/postgres.asadmin"
  if [ "${DATABASE:-postgres}" = h2 ]; then
    # the operator's H2 pool, with its file moved from ./data/db to this run's work directory
    sed "s|\./data/db/custodian|$PWD/$WORK/h2/custodian|" server-config/payara/h2.asadmin > "$WORK/h2.asadmin"
    database="--postbootcommandfile $WORK/h2.asadmin"
  fi
  {
    if [ "${DATABASE:-postgres}" != h2 ]; then
      echo "custodian.db.host=127.0.0.1"
      echo "custodian.db.port=5432"
      echo "custodian.db.name=$DB"
      echo "custodian.db.user=postgres"
      echo "custodian.db.password=unused"
    fi
    echo "custodian.data.dir=$data"
    echo "custodian.security.users=ops,alice,worker"
    echo "custodian.security.user.ops.password=plain:ops-pw"
    echo "custodian.security.user.ops.roles=admin"
    echo "custodian.security.user.alice.password=plain:alice-pw"
    echo "custodian.security.user.alice.roles=user"
    echo "custodian.security.user.worker.password=plain:worker-pw"
    echo "custodian.security.user.worker.roles=worker"
    echo "custodian.cleanup.run-at-startup=false"
    echo "custodian.cleanup.interval=24h"
    for p in "$@"; do echo "$p"; done
  } > "$WORK/bench.properties"
  : > "$WORK/server.log"  # a second start in one run must not find the first one's "ready in"
  LOG_LEVEL=warn java -Xmx512m ${SERVER_JAVA_OPTS:-} ${JFR:+-XX:StartFlightRecording=filename=$PWD/$WORK/server.jfr,settings=profile} \
    -jar target/payara-micro.jar --nocluster --port "$PORT" --contextroot / \
    $database --systemProperties "$WORK/bench.properties" --deploy target/custodian.war > "$WORK/server.log" 2>&1 &
  SERVER=$!
  local t0=$SECONDS
  until grep -q "ready in" "$WORK/server.log"; do
    kill -0 "$SERVER" 2>/dev/null || { tail -50 "$WORK/server.log"; echo "server died" >&2; exit 1; }
    [ $((SECONDS - t0)) -lt 300 ] || { echo "server not ready after 300 s" >&2; exit 1; }
    sleep 1
  done
  # Payara Micro's own start-up time, a yardstick of the machine's speed printed with the figures: about 10 s on the
  # machine most of the README's figures come from, 21-22 s on the slower one of the rows marked "slower machine"
  echo "  (server ready in $(grep -o 'ready in [0-9,]* (ms)' "$WORK/server.log" | head -1 | tr -dc '0-9' | awk '{printf "%.1f", $1 / 1000}') s)"
  curl -sf -u "$ADMIN" -X PUT -H 'Content-Type: application/json' -d '{"enabled":false}' \
    "http://127.0.0.1:$PORT/api/system/cleanup/schedule" > /dev/null
}

stop_server() {
  if [ -n "$SERVER" ]; then
    [ -z "${JFR:-}" ] || jcmd "$SERVER" JFR.dump filename="$PWD/$WORK/server.jfr" > /dev/null 2>&1 || true
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
}

# cleanup <json body> <out file>: POST /api/system/cleanup?wait=600s; when it answers 202 (ran longer), polls the run
# until it is no longer RUNNING. Writes the final run report to <out file>; sets WALL (seconds, 3 decimals).
cleanup() {
  local body=$1 out=$2 code t0 t1
  t0=$(date +%s.%N)
  code=$(curl -s -o "$out" -w '%{http_code}' -u "$ADMIN" -H 'Content-Type: application/json' -d "$body" \
    "http://127.0.0.1:$PORT/api/system/cleanup?wait=600s")
  if [ "$code" = 202 ]; then
    local id; id=$(jq -r .id "$out")
    echo "  (still running after 600 s: polling run $id every second)"
    for _ in $(seq 1 7200); do
      curl -sf -u "$ADMIN" "http://127.0.0.1:$PORT/api/system/cleanup/runs/$id" > "$out"
      [ "$(jq -r .status "$out")" = RUNNING ] || break
      sleep 1
    done
  elif [ "$code" != 200 ]; then
    echo "cleanup answered $code: $(cat "$out")" >&2
    exit 1
  fi
  t1=$(date +%s.%N)
  WALL=$(echo "$t1 - $t0" | bc -l | xargs printf '%.3f')
  [ "$(jq -r .status "$out")" = SUCCEEDED ] || { echo "cleanup run did not succeed: $(cat "$out")" >&2; exit 1; }
}

# heap sampler: every 500 ms one line "used_MB old_MB" (S0U+S1U+EU+OU, OU) from jstat -gc, until stop_heap_sampler
start_heap_sampler() {
  HEAP_SAMPLES=$1
  : > "$HEAP_SAMPLES"
  (while [ ! -f "$HEAP_SAMPLES.stop" ] && kill -0 "$SERVER" 2>/dev/null; do
     jstat -gc "$SERVER" 2>/dev/null | awk 'NR==2 {printf "%.1f %.1f\n", ($3+$4+$6+$8)/1024, $8/1024}'
     sleep 0.5
   done >> "$HEAP_SAMPLES") &
  SAMPLER=$!
}

# sets PEAK_USED, PEAK_OLD (MB) and SAMPLES
stop_heap_sampler() {
  touch "$HEAP_SAMPLES.stop"
  wait "$SAMPLER" 2>/dev/null || true
  rm -f "$HEAP_SAMPLES.stop"
  PEAK_USED=$(awk '$1 > m {m = $1} END {printf "%d", m}' "$HEAP_SAMPLES")
  PEAK_OLD=$(awk '$2 > m {m = $2} END {printf "%d", m}' "$HEAP_SAMPLES")
  SAMPLES=$(wc -l < "$HEAP_SAMPLES")
}

# used heap (MB) after a full GC
heap_after_gc() {
  jcmd "$SERVER" GC.run > /dev/null
  jstat -gc "$SERVER" | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)/1024}'
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

ratio() {
  echo "$1 / $2" | bc -l | xargs printf '%.2f'
}

# CPU time (ms, user + system) used so far by the server and by all PostgreSQL processes: "server_ms postgres_ms".
# Taken before and after a measured phase, it gives the CPU each job costs, which other load on the machine
# does not change the way it changes rates.
cpu_ms() {
  local hz; hz=$(getconf CLK_TCK)
  local s; s=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
  local p; p=$(for pid in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done | awk '{t += $1} END {print t + 0}')
  echo "$((s * 1000 / hz)) $((p * 1000 / hz))"
}

# thread_ticks: the server's CPU ticks per thread so far, "tid ticks name" lines (name from /proc: 15 characters).
# A thread may end between the listing and the read: skipped (under set -e its awk's exit 2 ended the whole script)
thread_ticks() {
  local t
  for t in /proc/"$SERVER"/task/*; do
    awk -v name="$(cat "$t/comm" 2>/dev/null | tr ' ' '_')" -v tid="${t##*/}" '{sub(/.*\) /, ""); print tid, $12 + $13, name}' "$t/stat" 2>/dev/null || true
  done
}
# thread_report <file written by thread_ticks>: the server's CPU since then by thread group (digits in names folded),
# the largest first: "CN_CompilerThre 4.9 s, http-thread-poo 2.1 s, ..." (spaces in names as _)
thread_report() {
  local hz; hz=$(getconf CLK_TCK)
  thread_ticks | awk -v hz="$hz" 'NR == FNR {before[$1] = $2; next}
      {n = $3; gsub(/[0-9]+/, "N", n); sum[n] += $2 - before[$1]}
      END {for (n in sum) if (sum[n] > 0) printf "%s %.1f\n", n, sum[n] / hz}' "$1" - \
    | sort -k2 -rn | head -6 | awk '{printf "%s%s %s s", (NR > 1 ? ", " : ""), $1, $2}'
}
# compiler_seconds <file written by thread_ticks>: the CPU seconds the server's JIT compiler threads used since then
compiler_seconds() {
  local hz; hz=$(getconf CLK_TCK)
  thread_ticks | awk -v hz="$hz" 'NR == FNR {before[$1] = $2; next}
      $3 ~ /^C[12]_CompilerThre/ {sum += $2 - before[$1]} END {printf "%.1f\n", sum / hz}' "$1" -
}
# jit_settled <file written by thread_ticks> <seconds since>: true when the JIT compiler threads used at most 5% of
# that time; prints their CPU seconds
jit_settled() {
  local compiler; compiler=$(compiler_seconds "$1")
  echo "$compiler"
  [ "$(echo "$compiler * 20 <= $2" | bc)" = 1 ]
}
# warm_until_settled <max rounds> <command> [args...]: warm-up rounds, each the command (which may print what it
# did), until a round leaves the JIT settled (jit_settled), at most <max rounds>; after each round prints
# "  warm-up <n>: <s> s, JIT compilers' CPU <s> s". A fresh server's C2 works through the request path for minutes,
# and defers compiling while its queue is long, so one round of any length leaves compiling to the measured phase.
warm_until_settled() {
  local max=$1 round r0 compiler settled; shift
  for round in $(seq 1 "$max"); do
    r0=$SECONDS; thread_ticks > "$WORK/threads.warm-up"
    "$@"
    settled=true; compiler=$(jit_settled "$WORK/threads.warm-up" $((SECONDS - r0))) || settled=false
    echo "  warm-up $round: $((SECONDS - r0)) s, JIT compilers' CPU $compiler s"
    $settled && return
  done
  echo "  (the JIT had not settled after $max warm-up rounds)"
}
