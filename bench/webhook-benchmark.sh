#!/usr/bin/env bash
# Webhook benchmark: N destinations (default 1,000) x the daily top 10, delivered to local receivers
# through the outbox. Runs io.paperboy.bench.WebhookBenchmark. See docs/benchmarks.md.
#
#   bench/webhook-benchmark.sh [N]
set -euo pipefail

COUNT="${1:-1000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/webhook-benchmark.sh [N]" >&2; exit 2; }

WORK="$(mktemp -d /tmp/paperboy-webhook-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAVA="$(newest_java)"

./mvnw -q -B -Pbench test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")" \
  io.paperboy.bench.WebhookBenchmark "$COUNT"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
