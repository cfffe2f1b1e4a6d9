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
# Rich cards: every paper of the measured day with code gets GitHub stars, and every one Hub links, as
# the --github-stars and --hub-links workers store them; the workers point at a closed port, so the
# run asks nothing of GitHub or the Hub (and the day is older than the 30 days they refresh anyway).
python3 - "$WORK/data/paperboy.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
top = json.dumps({"models": [{"id": "org/model-%d" % i, "likes": 90 - i, "downloads": 9000 - i} for i in range(5)],
                  "datasets": [{"id": "org/data", "likes": 12, "downloads": 300}], "spaces": [{"id": "org/demo", "likes": 40}]})
for n, (pid, links) in enumerate(db.execute("SELECT p.id, p.links FROM papers p JOIN listings l ON l.paper_id = p.id "
                                           "WHERE l.day = '2026-06-12'").fetchall()):
    if '"github"' in (links or ""):
        db.execute("INSERT INTO github_stars (paper_id, repo, stars, status, fetched_at, due_at) "
                   "VALUES (?, 'o/r', ?, 'ok', '2026-06-12T00:00:00Z', '2099-01-01T00:00:00Z')", (pid, 37 * n * n + 5))
    db.execute("INSERT INTO hub_links (paper_id, models, datasets, spaces, top, status, fetched_at, due_at) "
               "VALUES (?, ?, 1, 1, ?, 'ok', '2026-06-12T00:00:00Z', '2099-01-01T00:00:00Z')", (pid, 5 + n, top))
db.commit()
PY
PORT="$(free_port)"
./paperboy serve --data "$WORK/data" --port "$PORT" --github-stars --github-api-url http://127.0.0.1:9/ \
  --hub-links --hub-url http://127.0.0.1:9/ >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

DAILY="/papers/date/2026-06-12"
PAPER="/papers/2606.13681"
mkdir -p "$WORK/static/papers/date"
curl -sf "http://127.0.0.1:$PORT$DAILY" >"$WORK/static/daily.html"
curl -sf "http://127.0.0.1:$PORT$PAPER" >"$WORK/static/paper.html"
echo "rich cards: $(grep -c 'class="stars"' "$WORK/static/daily.html") with stars, $(grep -c 'class="badge hub"' "$WORK/static/daily.html") with Hub links; daily page $(wc -c <"$WORK/static/daily.html") bytes"

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
