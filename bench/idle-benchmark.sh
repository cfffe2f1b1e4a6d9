#!/usr/bin/env bash
# What an idle node costs: starts `serve --demo` from a jar in a throwaway folder, waits until its
# embeddings and key phrases are done and 20 s more, then measures SECONDS of idleness: CPU time
# (/proc/PID/stat) and what the process wrote (/proc/PID/io: bytes and write calls).
#   bench/idle-benchmark.sh [SECONDS]        (PAPERBOY_JAR: another build to compare; default target/paperboy.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_IDLE="${1:-90}"
JAR="${PAPERBOY_JAR:-target/paperboy.jar}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
cp "$JAR" "$WORK/paperboy.jar" # a rebuild of the jar under a running server would break it
PORT="$(free_port)"
"$(newest_java)" -jar "$WORK/paperboy.jar" serve --demo --data "$WORK/data" --port "$PORT" > "$WORK/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  grep -qs 'key phrases of' "$WORK/log" && break
  kill -0 "$PID" 2>/dev/null || { echo "serve stopped:" >&2; cat "$WORK/log" >&2; exit 1; }
  sleep 2
done
grep -qs 'key phrases of' "$WORK/log" || { echo "the demo site did not finish its key phrases" >&2; exit 1; }
sleep 20
read_io() { awk '/^wchar|^syscw/{printf "%s ", $2}' "/proc/$PID/io"; }
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
c1=$(cpu); read -r w1 s1 <<< "$(read_io)"
sleep "$SECONDS_IDLE"
c2=$(cpu); read -r w2 s2 <<< "$(read_io)"
tick=$(getconf CLK_TCK)
awk -v c=$((c2 - c1)) -v t="$tick" -v s="$SECONDS_IDLE" -v w=$((w2 - w1)) -v n=$((s2 - s1)) -v jar="$JAR" \
  'BEGIN { printf "%s idle %d s: CPU %.2f s (%.1f %% of a core), wrote %d bytes in %d write calls\n", jar, s, c / t, 100 * c / t / s, w, n }'
