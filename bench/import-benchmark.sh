#!/usr/bin/env bash
# Import benchmark: generates COUNT synthetic arXiv snapshot records (bench/SnapshotGenerator.java)
# and times `./paperboy import` of them into a fresh SQLite data folder and into a fresh
# PostgreSQL database, each with a 512 MB heap. Prints records, wall seconds, records/s, peak RSS
# and peak heap for each. See docs/benchmarks.md for the figures.
#
#   bench/import-benchmark.sh [COUNT]        # COUNT defaults to 1000000
#
# Environment: PAPERBOY_BENCH_INPUTS (default /tmp/paperboy-bench) keeps the generated input for
# re-runs; PAPERBOY_BENCH_SEED (default 1); PAPERBOY_BENCH_TARGETS (default "sqlite postgresql").
# PostgreSQL is Debian's server (apt-get install -y postgresql): a throwaway cluster with default
# settings (fsync and synchronous_commit on) in a temporary folder on a free port, run as the
# `postgres` user when this script runs as root. Everything but the input is deleted at the end.
set -euo pipefail

COUNT="${1:-1000000}"
SEED="${PAPERBOY_BENCH_SEED:-1}"
TARGETS="${PAPERBOY_BENCH_TARGETS:-sqlite postgresql}"
INPUTS="${PAPERBOY_BENCH_INPUTS:-/tmp/paperboy-bench}"
HEAP_MB=512
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/import-benchmark.sh [COUNT]" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

WORK="$(mktemp -d /tmp/paperboy-import-bench.XXXXXX)"
chmod 755 "$WORK" # the postgres user writes its cluster below it
# shellcheck source=bench/lib.sh
source bench/lib.sh
cleanup() {
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

generate_input() {
  # Keyed by the generator's and the vocabulary's content too, so a changed generator regenerates.
  local version; version="$(cat bench/SnapshotGenerator.java src/main/resources/demo/papers.jsonl | sha256sum | cut -c1-8)"
  INPUT="$INPUTS/snapshot-$COUNT-seed$SEED-$version.jsonl"
  if [[ -f "$INPUT" ]]; then
    echo "input: reusing $INPUT ($(stat -c %s "$INPUT") bytes)"
    return
  fi
  mkdir -p "$INPUTS"
  echo "input: generating $COUNT records…"
  "$(newest_java)" bench/SnapshotGenerator.java "$COUNT" "$INPUT.partial" "$SEED"
  mv "$INPUT.partial" "$INPUT"
}

# run_import LABEL STORE-ARGS…: one import under /usr/bin/time, then one result line.
run_import() {
  local label="$1"; shift
  local gc_log="$WORK/$label-gc.log" timing="$WORK/$label.time" out="$WORK/$label.out"
  if ! PAPERBOY_JAVA_OPTS="-Xmx${HEAP_MB}m -Xlog:gc:file=$gc_log ${PAPERBOY_BENCH_JAVA_OPTS:-}" \
      /usr/bin/time -v -o "$timing" ./paperboy import "$@" "$INPUT" >"$out" 2>&1; then
    echo "$label: import failed:" >&2; tail -n 20 "$out" >&2; exit 1
  fi
  local records wall rss heap
  records="$(sed -n 's/^\([0-9,]*\) records: .*/\1/p' "$out" | tail -n1 | tr -d ,)"
  [[ "$records" == "$COUNT" ]] || { echo "$label: stored '$records' records, expected $COUNT" >&2; tail -n 5 "$out" >&2; exit 1; }
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$timing" | awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s}')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing")"
  # Peak heap: the largest heap occupancy G1 reports before a collection ("123M->45M(256M)").
  heap="$(grep -o '[0-9]*[KMG]->[0-9]*[KMG]' "$gc_log" | awk -F'->' '
    function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1)
                     return u == "G" ? n * 1024 : u == "K" ? n / 1024 : n }
    { if (mb($1) > m) m = mb($1) } END { printf "%.0f", m }')"
  awk -v l="$label" -v n="$records" -v w="$wall" -v r="$rss" -v h="$heap" \
      -v c="$(sed -n 's/.*Percent of CPU this job got: //p' "$timing")" \
      'BEGIN { printf "%-11s %10d %9.1f %10.0f %12.0f %13s %6s\n", l, n, w, n / w, r / 1024, h, c }' >>"$WORK/results"
  tail -n1 "$WORK/results"
}

./paperboy --help >/dev/null # builds target/paperboy.jar when the sources are newer
generate_input
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -r); $(date -u +%FT%TZ)"
for target in $TARGETS; do
  case "$target" in
    sqlite) run_import sqlite --data "$WORK/sqlite"
            echo "sqlite: database $(du -sm "$WORK/sqlite" | cut -f1) MB" ;;
    postgresql) pg_start
                run_import postgresql --db "$PG_URL" ;;
    *) echo "unknown target '$target' (sqlite, postgresql)" >&2; exit 2 ;;
  esac
done
echo
printf '%-11s %10s %9s %10s %12s %13s %6s\n' target records "wall s" records/s "peak RSS MB" "peak heap MB" CPU
cat "$WORK/results"
