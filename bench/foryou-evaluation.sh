#!/usr/bin/env bash
# Offline evaluation of "for you" rankings (io.paperboy.bench.ForYouEvaluation): synthetic members'
# held-out upvotes on the real papers of ../shared/data, recall@10 per ranking. See docs/benchmarks.md.
#
#   bench/foryou-evaluation.sh [SHARED_DATA_DIR] [--users N] [--seed S]   # default ../shared/data
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${1:-../shared/data}"
shift || true
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAVA="$(newest_java)"
CLASSPATH_FILE="$(mktemp)"
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -Pbench test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Xmx1g \
  -cp "target/classes:target/test-classes:$(cat "$CLASSPATH_FILE")" io.paperboy.bench.ForYouEvaluation "$DATA" "$@"
