#!/usr/bin/env bash
# Harvest benchmark: records/s parsed and stored by `paperboy harvest arxiv` from a local
# OAI-PMH replay server (bench/OaiReplayServer.java), politeness delay 0, into a fresh SQLite store.
# Usage: bench/harvest-benchmark.sh [RECORDS=100000] [PAGE_SIZE=1000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${1:-100000}"
PAGE_SIZE="${2:-1000}"
WORK="$(mktemp -d /tmp/paperboy-harvest-bench.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
JAVA="$(ls -d /usr/lib/jvm/temurin-2*/bin/java 2>/dev/null | sort -V | tail -n1)"
JAVA="${JAVA:-java}"

cd "$ROOT"
./paperboy --help >/dev/null   # builds target/paperboy.jar when stale
"$JAVA" bench/OaiReplayServer.java "$RECORDS" "$PAGE_SIZE" "$PORT" src/test/resources/samples/arxiv-oai-pmh &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/oai?verb=ListRecords&resumptionToken=b-0" && break
  sleep 0.2
done

PAPERBOY_JAVA_OPTS="${PAPERBOY_JAVA_OPTS:--Xmx512m}" /usr/bin/time -v -o "$WORK/time.txt" \
  ./paperboy harvest arxiv --set cs --delay-ms 0 --contact bench@paperboy.invalid \
  --base-url "http://127.0.0.1:$PORT/oai" --data "$WORK/data" 2> "$WORK/harvest.log"

wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$WORK/time.txt")"
secs="$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")"
cpu="$(sed -n 's/.*Percent of CPU this job got: //p' "$WORK/time.txt")"
grep -E '^Harvested' "$WORK/harvest.log"
printf 'records=%s page_size=%s wall_s=%.1f records_per_s=%.0f peak_rss_mb=%d cpu=%s\n' \
  "$RECORDS" "$PAGE_SIZE" "$secs" "$(echo "$RECORDS / $secs" | bc -l)" "$((rss / 1024))" "$cpu"
