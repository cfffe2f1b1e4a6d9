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
# PAPERBOY_BENCH_SEED (default 1). PostgreSQL is Debian's server (apt-get install -y postgresql),
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
PG_DATA="" PG_BIN=""
cleanup() {
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

as_postgres() {
  if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi
}

newest_java() {
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" && ! -L "$dir" && -f "$dir/release" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
    if [[ -n "$major" ]] && (( major > best_major )); then best="$dir/bin/java" best_major="$major"; fi
  done
  echo "${best:-java}"
}
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

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 55432-55532" >&2; return 1
}

start_postgres() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [[ -x "$PG_BIN/initdb" ]] || { echo "needs Debian's PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }
  PG_DATA="$WORK/pg"
  mkdir "$PG_DATA"
  (( EUID == 0 )) && chown postgres: "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C >"$WORK/initdb.log"
  local port; port="$(free_port)"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB" start >/dev/null
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres paperboy_bench
  PG_URL="jdbc:postgresql://127.0.0.1:$port/paperboy_bench?user=postgres"
  echo "postgresql: $("$PG_BIN/postgres" --version), port $port"
}

./mvnw -q -B test-compile
CLASSPATH_FILE="$WORK/classpath"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
generate_input
start_postgres
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Xmx2g \
  -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" \
  io.paperboy.bench.SearchSpeedBenchmark "$INPUT" --count "$COUNT" --pg "$PG_URL" --work "$WORK/engines" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
