#!/usr/bin/env bash
# Listing benchmark: latency of a month's page and of its API answer when the month features
# COUNT papers (a busy site auto-featuring a category), on SQLite and on PostgreSQL. One client
# asks again and again for SECONDS (at least 5 requests, at most 1000); each request carries a
# fresh dummy query parameter, so the page cache never answers: every request renders.
#
#   bench/listing-benchmark.sh [COUNT] [SECONDS]      # defaults: 20000 papers, 60 s per target
#
# Environment: PAPERBOY (default ./paperboy) is the command that runs Paperboy, e.g.
# "java -jar /tmp/old.jar" to measure an older build beside this one; PAPERBOY_BENCH_TARGETS
# (default "sqlite postgresql"). PostgreSQL is Debian's server, a throwaway cluster (bench/lib.sh).
# Prints the number of requests, p50, p99 and the slowest (ms) per target and store.
set -euo pipefail

COUNT="${1:-20000}"
DURATION="${2:-60}"
MONTH=2026-03
TARGETS="${PAPERBOY_BENCH_TARGETS:-sqlite postgresql}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
read -r -a RUN <<<"${PAPERBOY:-./paperboy}"

WORK="$(mktemp -d /tmp/paperboy-listing-bench.XXXXXX)"
chmod 755 "$WORK"
# shellcheck source=bench/lib.sh
source bench/lib.sh
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

INPUT="$WORK/month.json"
python3 bench/month_papers.py "$COUNT" "$MONTH" "$INPUT"
# Embeddings are off (hours for COUNT papers on 2 cores). Background work (the search index, key phrases) would share the cores with
# the measured requests: wait until the server's CPU time stands still.
wait_idle() {
  local pid="$1" before after
  for _ in $(seq 1 240); do
    before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    sleep 5
    after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
    (( after - before < 50 )) && return 0 # under 10 % of a core (clock ticks of 10 ms)
  done
}

measure() { # store name path: sequential requests for SECONDS (at least 5, at most 1000), each URL fresh
  local times="$WORK/times" start n=0
  : >"$times"
  start="$(date +%s)"
  while (( n < 5 || (n < 1000 && $(date +%s) - start < DURATION) )); do
    n=$((n + 1))
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$3$( [[ "$3" == *\?* ]] && echo '&' || echo '?')bench=$n-$RANDOM" >>"$times"
  done
  sort -g "$times" | awk -v store="$1" -v name="$2" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int(NR * 0.50 + 0.999)]; p99 = t[int(NR * 0.99 + 0.999)]
    printf "%-11s %-12s %9d %10.1f %10.1f %10.1f\n", store, name, NR, p50, p99, t[NR] }'
}

echo "machine: $(nproc) cores; $(date -u +%FT%TZ); $COUNT papers featured in $MONTH; one client, ${DURATION}s per target, every URL fresh"
for store in $TARGETS; do
  DATA="$WORK/data-$store"
  STORE_ARGS=(--data "$DATA")
  if [[ "$store" == postgresql ]]; then
    pg_start >&2
    STORE_ARGS+=(--db "$PG_URL")
  fi
  "${RUN[@]}" import "${STORE_ARGS[@]}" "$INPUT" >"$WORK/import-$store.log" 2>&1
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "${RUN[@]}" serve "${STORE_ARGS[@]}" --no-embeddings --port "$PORT" >"$WORK/serve-$store.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
  wait_idle "$(pgrep -P "$SERVER_PID" java || echo "$SERVER_PID")"
  # Warm-up: let the JIT compile the page paths before measuring.
  for i in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT/papers/month/$MONTH?warm=$i"; done
  printf '%-11s %-12s %9s %10s %10s %10s\n' store target requests p50-ms p99-ms max-ms
  measure "$store" month-page "/papers/month/$MONTH"
  measure "$store" month-api "/api/daily_papers?month=$MONTH"
  echo "$store month page: $(curl -s "http://127.0.0.1:$PORT/papers/month/$MONTH" | wc -c) bytes; API: $(curl -s "http://127.0.0.1:$PORT/api/daily_papers?month=$MONTH" | wc -c) bytes"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  if [[ "$store" == postgresql ]]; then pg_stop; rm -rf "$WORK/pg"; fi
done
