#!/usr/bin/env bash
# Search speed benchmark: generates COUNT synthetic arXiv snapshot records (bench/SnapshotGenerator.java),
# starts a throwaway PostgreSQL, and runs io.paperboy.bench.SearchSpeedBenchmark with a 2 GB heap:
# Lucene index build (text + random vectors), BM25 / vector / hybrid latency and 8-client throughput,
# and the same queries on SQLite FTS5 and PostgreSQL full-text search. See docs/benchmarks.md.
#
#   bench/search-benchmark.sh [COUNT] [BENCHMARK-OPTIONS…]   # COUNT defaults to 1000000
#   bench/search-benchmark.sh 50000 --queries 200            # a quick run
#
# Environment: PAPERBOY_BENCH_INPUTS (default /tmp/paperboy-bench) keeps the generated input;
# PAPERBOY_BENCH_SEED (default 1); PAPERBOY_BENCH_JVM_OPTS adds JVM options (e.g. a flight recording:
# -XX:StartFlightRecording=filename=/tmp/search.jfr). PostgreSQL is Debian's server (apt-get install -y postgresql),
# a cluster in a temporary folder on a free port, run as the `postgres` user when this script runs
# as root, with shared_buffers=2GB and work_mem=64MB (more than the defaults: the comparison should
# not be won by a starved server). Everything but the input is deleted at the end.
set -euo pipefail

COUNT="${1:-1000000}"
shift || true
SEED="${PAPERBOY_BENCH_SEED:-1}"
INPUTS="${PAPERBOY_BENCH_INPUTS:-/tmp/paperboy-bench}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/search-benchmark.sh [COUNT] [OPTIONS…]" >&2; exit 2; }

WORK="$(mktemp -d /tmp/paperboy-search-bench.XXXXXX)"
chmod 755 "$WORK"
# shellcheck source=bench/lib.sh
source bench/lib.sh
cleanup() {
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

JAVA="$(newest_java)"

# The whole 1 M file serves smaller counts too: the benchmark reads its first COUNT lines.
generate_input() {
  local version; version="$(cat bench/SnapshotGenerator.java src/main/resources/demo/papers.jsonl | sha256sum | cut -c1-8)"
  INPUT="$INPUTS/snapshot-1000000-seed$SEED-$version.jsonl"
  (( COUNT > 1000000 )) && INPUT="$INPUTS/snapshot-$COUNT-seed$SEED-$version.jsonl"
  if [[ -f "$INPUT" ]]; then echo "input: reusing $INPUT"; return; fi
  mkdir -p "$INPUTS"
  local records=$(( COUNT > 1000000 ? COUNT : 1000000 ))
  echo "input: generating $records records…"
  "$JAVA" bench/SnapshotGenerator.java "$records" "$INPUT.partial" "$SEED"
  mv "$INPUT.partial" "$INPUT"
}

./mvnw -q -B -Pbench test-compile
CLASSPATH_FILE="$WORK/classpath"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
generate_input
pg_start shared_buffers=2GB work_mem=64MB
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Xmx2g ${PAPERBOY_BENCH_JVM_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" \
  io.paperboy.bench.SearchSpeedBenchmark "$INPUT" --count "$COUNT" --pg "$PG_URL" --work "$WORK/engines" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
