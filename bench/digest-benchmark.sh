#!/usr/bin/env bash
# Digest benchmark: composes the digests of N synthetic subscribers (default 100,000) over 20,000
# synthetic papers, excluding SMTP, then delivers 2,000 digests to a local GreenMail through the
# outbox. Runs io.paperboy.bench.DigestBenchmark with a 2 GB heap. See docs/benchmarks.md.
#
#   bench/digest-benchmark.sh [N] [BENCHMARK-OPTIONS…]      # e.g. bench/digest-benchmark.sh 10000 --deliver 500
set -euo pipefail

COUNT="${1:-100000}"
shift || true
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/digest-benchmark.sh [N] [OPTIONS…]" >&2; exit 2; }

WORK="$(mktemp -d /tmp/paperboy-digest-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAVA="$(newest_java)"

./mvnw -q -B -Pbench test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g \
  -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")" \
  io.paperboy.bench.DigestBenchmark --subscribers "$COUNT" --work "$WORK" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
