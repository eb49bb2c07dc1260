#!/usr/bin/env bash
# Hostile load: 20 clients for 60 s mixing good jobs with oversized bodies, malformed JSON and invalid values.
#   bench/hostile-load.sh [seconds=60] [clients=20]          DATABASE=h2 for the embedded database
# Needs wrk and jq. Payara Micro (-Xmx512m) on port 18091, on a fresh PostgreSQL database custodian_hostile (or H2
# under target/bench-hostile/h2), custodian.upload.max-size=8MB. Each wrk connection (bench/hostile-load.lua) sends,
# in turn: two echo jobs, a 64 KiB gzip upload, malformed JSON, a wrapping timeoutSeconds, an unknown type, a 50 MB
# JSON body and an upload over the limit. Then, once the executor has drained the queue, it checks what the service
# promises: no 5xx answer, every 201 job exists and finished, the server still ready, no wrk connection that could
# not connect or timed out, no OutOfMemoryError in the server's log, and the heap after a full GC within 64 MB of
# where it was before the run (exit 1 otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${1:-60}
CLIENTS=${2:-20}
PORT=18091
WORK=target/bench-hostile
DB=custodian_hostile
UPLOAD_LIMIT=$((8 * 1024 * 1024))
. bench/lib.sh
for tool in wrk jq; do
  command -v $tool > /dev/null || { echo "bench/hostile-load.sh needs $tool: apt-get install $tool" >&2; exit 1; }
done
rm -rf "$WORK"; mkdir -p "$WORK"
build_if_needed
trap 'stop_server; [ "${DATABASE:-postgres}" = h2 ] || $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT

[ "${DATABASE:-postgres}" = h2 ] || fresh_database
start_server "$PWD/$WORK/data" "custodian.upload.max-size=8MB"
BASE=http://127.0.0.1:$PORT
echo "== hostile load on ${DATABASE:-postgres}: $CLIENTS clients for $RUN s, load average $(load_average), $(date -u +%FT%TZ)"

HEAP_BEFORE=$(heap_after_gc)
start_heap_sampler "$WORK/heap.samples"
wrk -t"$CLIENTS" -c"$CLIENTS" -d"${RUN}s" --timeout 30s -s bench/hostile-load.lua "$BASE" \
  -- "$(printf alice:alice-pw | base64)" "$PWD/$WORK/accepted" "$UPLOAD_LIMIT" > "$WORK/wrk.txt"
RESULT=$(grep '^RESULT' "$WORK/wrk.txt")
echo "  ${RESULT#RESULT }" | sed 's/ answers: /\n  answers: /'

# wait (at most 10 minutes) until the executor has finished every job: nothing PENDING or RUNNING
unfinished() {
  local s n=0
  for s in PENDING RUNNING; do
    n=$((n + $(curl -sf -u "$ADMIN" "$BASE/api/jobs?status=$s&limit=1" | jq '.items | length')))
  done
  echo $n
}
for _ in $(seq 1 600); do [ "$(unfinished)" = 0 ] && break; sleep 1; done
stop_heap_sampler

# every job the clients were told was accepted, with its status, from the admin's list (500 a page)
cat "$WORK"/accepted-*.ids | sort -u > "$WORK/accepted.ids"
: > "$WORK/listed.tsv"
cursor=
while :; do
  curl -sf -u "$ADMIN" "$BASE/api/jobs?limit=500${cursor:+&cursor=$cursor}" > "$WORK/page.json"
  jq -r '.items[] | [.id, .status] | @tsv' "$WORK/page.json" >> "$WORK/listed.tsv"
  cursor=$(jq -r '.nextCursor // empty' "$WORK/page.json")
  [ -n "$cursor" ] || break
done
ACCEPTED=$(wc -l < "$WORK/accepted.ids")
LOST=$(cut -f1 "$WORK/listed.tsv" | sort -u | comm -23 "$WORK/accepted.ids" - | wc -l)
STATES=$(cut -f2 "$WORK/listed.tsv" | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}')
# answers as "kind status=count": a good request must get 201, a hostile one a 4xx
ANSWERS=$(sed 's/.*answers: //' <<< "$RESULT" | tr ',' '\n' | sed 's/^ *//')
FIVES=$(grep -E ' 5[0-9]{2}=' <<< "$ANSWERS" | paste -sd, - || true)
WRONG=$(awk '($1 ~ /^good-/ && $2 !~ /^201=/) || ($1 !~ /^good-/ && $2 !~ /^4[0-9][0-9]=/)' <<< "$ANSWERS" | paste -sd, - || true)
READY=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")
# wrk's socket errors as connect/read/write/timeout: a read or write error is a connection the server closed after
# refusing an oversized body before reading it all (the 413 may not reach a client still writing); a connect error or
# a timeout is a server that did not take or did not answer a request
read -r CONNECT READS WRITES TIMEOUTS < <(sed 's/.*socket_errors=\([0-9/]*\).*/\1/' <<< "$RESULT" | tr '/' ' ')
OOM=$(grep -c OutOfMemoryError "$WORK/server.log" || true)
HEAP_AFTER=$(heap_after_gc)
# a request that timed out on the client may still have created its job: listed jobs can outnumber the 201s
echo "  accepted (201): $ACCEPTED jobs; listed afterwards: $STATES; accepted but missing: $LOST"
echo "  5xx answers: ${FIVES:-none}; answers other than expected (201 for good, 4xx for hostile): ${WRONG:-none}"
echo "  /health/ready after the run: $READY"
echo "  wrk socket errors: $CONNECT connect, $READS read, $WRITES write, $TIMEOUTS timeouts; OutOfMemoryError in the log: $OOM"
echo "  server heap: peak used $PEAK_USED MB ($SAMPLES samples), after full GC $HEAP_AFTER MB (before the run $HEAP_BEFORE MB; -Xmx512m); load average $(load_average)"
[ "$LOST" = 0 ] && [ -z "$WRONG" ] && [ "$READY" = 200 ] \
  || { echo "  FAILED: the service lost a job, answered other than expected, or is not ready" >&2; exit 1; }
[ "$CONNECT" = 0 ] && [ "$TIMEOUTS" = 0 ] \
  || { echo "  FAILED: a client could not connect or got no answer within 30 s" >&2; exit 1; }
[ "$OOM" = 0 ] && [ "$HEAP_AFTER" -le $((HEAP_BEFORE + 64)) ] \
  || { echo "  FAILED: the heap is not bounded (OutOfMemoryError, or more than 64 MB kept after the run)" >&2; exit 1; }
echo "  PASSED: every answer as expected (no 5xx), no lost job, still ready, every request answered, heap back within 64 MB"
