#!/usr/bin/env bash
# What refreshing one member's "for you" picks costs, through a real server with real BGE-small
# embeddings of the sample papers. Runs io.paperboy.bench.PickRefreshBenchmark. See docs/benchmarks.md.
#
#   bench/pick-refresh-benchmark.sh [--members 30] [--seed 1]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAVA="$(newest_java)"
CLASSPATH_FILE="$(mktemp)"
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -Pbench test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "target/classes:target/test-classes:$(cat "$CLASSPATH_FILE")" io.paperboy.bench.PickRefreshBenchmark "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
