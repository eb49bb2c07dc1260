#!/usr/bin/env bash
# The temp/ sweep of the files target through the cleanup API, against find(1), on a generated tree.
#   bench/file-sweep.sh [files=200000] [dirs=2000]
# bench/make-tree.py builds <files> files (1-4000 bytes) in <dirs> leaf directories (groups of 100): half the files,
# in half the directories, have an mtime 10 days back (and so have those directories), the other half are new.
# cp -a copies that tree twice, to target/bench-files/data/temp/ (swept) and to target/bench-files/copy (outside
# the data root, for find), then the generated tree is removed: both sides get the same kind of copy, laid out
# alike on disk (make-tree.py writes the files round robin over the directories, so a directory's inodes lie
# scattered, which costs its deletions more metadata I/O than in a copy, where they lie together).
# Payara Micro (-Xmx512m, port 18092, fresh database custodian_bench_files) runs with custodian.data.dir on
# target/bench-files/data and the default temp-max-age 7d. Then, in the same run:
#   (a) dry run  POST /api/system/cleanup {"dryRun":true,"targets":["files"]}: time; must match files/2
#   (b) sweep    POST /api/system/cleanup {"dryRun":false,"targets":["files"]}: wall time, deleted, directories pruned
#       (jstat samples the used heap meanwhile)
#   (c) find COPY -type f -mtime +7 -delete on the copy: wall time, and ratio API / find; then, for the directories,
#       find COPY -mindepth 1 -depth -type d -empty -delete (all empty directories, whatever their age: close to
#       what the sweep prunes here) and the ratio API / (both finds)
# Both trees are warm in the page cache (just written). Before each timed deletion (b) and (c), sync(1) writes back
# whatever is dirty (the generated trees, the other side's deletions), so that neither pays for the other's
# writeback; the copy and (b) would otherwise overlap the writeback of the 1.6 GB just generated.
# TREES=/dev/shm/x puts both trees on another file system (there tmpfs: no disk, the walk's own CPU shows most);
# default target/bench-files. The generated trees are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-200000}
DIRS=${2:-2000}
PORT=18092
WORK=target/bench-files
DB=custodian_bench_files
TREES=${TREES:-$PWD/$WORK}
ROOT=$TREES/data
COPY=$TREES/copy
GEN=$TREES/generated
. bench/lib.sh

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.3f'; }
synced() { local t; t=$(now); sync; echo "      (sync before: $(since "$t") s)"; }
leaf_dirs() { find "$1" -mindepth 2 -maxdepth 2 -type d | wc -l; }
files_in() { find "$1" -type f | wc -l; }

mkdir -p "$WORK" "$TREES"
build_if_needed
trap 'stop_server; rm -rf "$ROOT" "$COPY" "$GEN"; $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true' EXIT
rm -rf "$ROOT" "$COPY" "$GEN"
echo "== file sweep, $FILES files in $DIRS directories under $TREES ($(df -T "$TREES" | awk 'NR==2 {print $2}')), load average $(load_average), $(date -u +%FT%TZ)"
t=$(now)
python3 bench/make-tree.py "$GEN" "$FILES" "$DIRS" | sed 's/^/  /'
echo "  generated in $(since "$t") s"
t=$(now)
mkdir -p "$ROOT"
cp -a "$GEN" "$ROOT/temp"
cp -a "$GEN" "$COPY"
rm -rf "$GEN"
echo "  copied twice (cp -a) in $(since "$t") s; $(du -sh "$COPY" | cut -f1) on disk per tree"

fresh_database
start_server "$ROOT"
expected=$((FILES / 2))

# (a) dry run
cleanup '{"dryRun":true,"targets":["files"]}' "$WORK/dry.json"
dry_wall=$WALL
dry_matched=$(jq .targets.files.matched "$WORK/dry.json")
echo "  (a) dry run: answered in $dry_wall s (target durationMs $(jq .targets.files.durationMs "$WORK/dry.json")), matched $dry_matched$([ "$dry_matched" = "$expected" ] && echo ' = files/2' || echo " != files/2 ($expected): WRONG"), $(jq .targets.files.bytesFreed "$WORK/dry.json") bytes, load average $(load_average)"

# (b) real sweep
synced
start_heap_sampler "$WORK/heap.samples"
cleanup '{"dryRun":false,"targets":["files"]}' "$WORK/sweep.json"
api_wall=$WALL
stop_heap_sampler
deleted=$(jq .targets.files.deleted "$WORK/sweep.json")
echo "  (b) sweep: $api_wall s wall (target durationMs $(jq .targets.files.durationMs "$WORK/sweep.json")), deleted $deleted$([ "$deleted" = "$expected" ] && echo ' = files/2' || echo " != files/2 ($expected): WRONG"),"\
     "$(echo "$deleted / $api_wall" | bc -l | xargs printf '%.0f') files/s, $(jq .targets.files.bytesFreed "$WORK/sweep.json") bytes, errors $(jq .targets.files.errors "$WORK/sweep.json"), load average $(load_average)"
echo "      left: $(files_in "$ROOT/temp") files, $(leaf_dirs "$ROOT/temp") of $DIRS leaf directories (old ones emptied and pruned: $((DIRS - $(leaf_dirs "$ROOT/temp"))))"
echo "      heap: peak used during the sweep $PEAK_USED MB ($SAMPLES samples), after full GC $(heap_after_gc) MB"
cp "$WORK/server.log" "$WORK/server-files.log"
stop_server

# (c) find on the copy
synced
t=$(now)
find "$COPY" -type f -mtime +7 -delete
find_wall=$(since "$t")
left=$(files_in "$COPY")
echo "  (c) find -type f -mtime +7 -delete: $find_wall s, deleted $((FILES - left)) ($(echo "($FILES - $left) / $find_wall" | bc -l | xargs printf '%.0f') files/s)"
t=$(now)
find "$COPY" -mindepth 1 -depth -type d -empty -delete
dirs_wall=$(since "$t")
echo "      find -mindepth 1 -depth -type d -empty -delete: $dirs_wall s, $(leaf_dirs "$COPY") leaf directories left"
echo "  ratio API / find (files): $(ratio "$api_wall" "$find_wall")   API / (both finds): $(ratio "$api_wall" "$(echo "$find_wall + $dirs_wall" | bc -l)")   dry run / find: $(ratio "$dry_wall" "$find_wall")"
echo "== load average at the end: $(load_average)"
