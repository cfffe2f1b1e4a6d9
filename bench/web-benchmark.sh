#!/usr/bin/env bash
# Web benchmark: requests/s and latency of the daily page and a paper page, 32 connections on
# loopback (wrk), beside nginx serving the same pages' saved HTML as static files in the same run.
# Prints each target's requests/s and p99, and Paperboy's share of nginx's throughput.
#
#   bench/web-benchmark.sh [SECONDS]        # per target; default 20
#
# Needs Debian's wrk and nginx (apt-get install -y wrk nginx). The store is a fresh SQLite folder
# holding the demo papers and the real Hugging Face sample (a day of 30 papers); everything is
# deleted at the end. Both servers get the same 2 cores; wrk shares them too, as a client must.
set -euo pipefail

DURATION="${1:-20}"
CONNECTIONS=32
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx: apt-get install -y wrk nginx" >&2; exit 1; }

WORK="$(mktemp -d /tmp/paperboy-web-bench.XXXXXX)"
chmod 755 "$WORK"
SERVER_PID="" NGINX_CONF=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [[ -n "$NGINX_CONF" ]] && nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

./paperboy import --data "$WORK/data" src/main/resources/demo/papers.jsonl \
  src/test/resources/samples/daily_papers-2026-06-12.json >/dev/null 2>&1
PORT="$(free_port)"
./paperboy serve --data "$WORK/data" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

DAILY="/papers/date/2026-06-12"
PAPER="/papers/2606.13681"
mkdir -p "$WORK/static/papers/date"
curl -sf "http://127.0.0.1:$PORT$DAILY" >"$WORK/static/daily.html"
curl -sf "http://127.0.0.1:$PORT$PAPER" >"$WORK/static/paper.html"

NGINX_PORT="$(free_port)"
NGINX_CONF="$WORK/nginx.conf"
cat >"$NGINX_CONF" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
  }
}
CONF
nginx -c "$NGINX_CONF"

# Warm-up: let the JIT compile the page paths before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$DAILY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$PAPER" >/dev/null

measure() { # name url -> "name rps p99"
  local out rps p99
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-22s %12s %10s\n' "$1" "$rps" "$p99"
  echo "$rps" >"$WORK/$1.rps"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%FT%TZ); wrk -t2 -c$CONNECTIONS -d${DURATION}s"
printf '%-22s %12s %10s\n' target requests/s p99
measure paperboy-daily "http://127.0.0.1:$PORT$DAILY"
measure nginx-daily "http://127.0.0.1:$NGINX_PORT/daily.html"
measure paperboy-paper "http://127.0.0.1:$PORT$PAPER"
measure nginx-paper "http://127.0.0.1:$NGINX_PORT/paper.html"
for page in daily paper; do
  awk -v p="$page" -v a="$(cat "$WORK/paperboy-$page.rps")" -v b="$(cat "$WORK/nginx-$page.rps")" \
    'BEGIN { printf "%s: paperboy / nginx = %.0f%%\n", p, 100 * a / b }'
done
