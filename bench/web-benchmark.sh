#!/usr/bin/env bash
# Web benchmark: requests/s and latency of the daily page and a paper page, 32 connections on
# loopback (wrk), beside nginx serving the same pages' saved HTML as static files in the same run.
# Prints each target's requests/s and p99, and Paperboy's share of nginx's throughput: for clients
# that send no Accept-Encoding (wrk's default) and, for the daily page, for clients that ask for
# gzip as every browser does (nginx then serves the very gzip bytes Paperboy sent, precompressed).
#
#   bench/web-benchmark.sh [SECONDS]        # per target; default 20
#   PAPERBOY_JAR=/tmp/old.jar JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/web-benchmark.sh
#                                           # another build's jar, same script (before/after)
#
# It measures the steady state a visitor sees: the fresh folder's papers are embedded and their key
# phrases computed by the server's workers first (each batch moves the page cache's key and takes
# the CPU), so the script waits for them to finish (timeout WAIT_SECONDS, default 600) before the
# warm-up.
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

# An array, not a function: `serve &` must be the server's own process (./paperboy execs java), so
# that the cleanup's kill reaches it.
if [[ -n "${PAPERBOY_JAR:-}" ]]; then
  PAPERBOY=("${JAVA_HOME:?PAPERBOY_JAR needs JAVA_HOME (a JDK 21+)}/bin/java" --enable-native-access=ALL-UNNAMED
            --add-modules jdk.incubator.vector -jar "$PAPERBOY_JAR")
else
  PAPERBOY=(./paperboy)
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"${PAPERBOY[@]}" import --data "$WORK/data" src/main/resources/demo/papers.jsonl \
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
METRICS_PORT="$(free_port)"
"${PAPERBOY[@]}" serve --data "$WORK/data" --port "$PORT" --metrics-port "$METRICS_PORT" --github-stars --github-api-url http://127.0.0.1:9/ \
  --hub-links --hub-url http://127.0.0.1:9/ >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

# Idle: no paper waits for its embedding (the site's job) or for the node's index to read it
# (/metrics), and the key phrase worker's cursor has reached the store's newest paper change (it
# follows papers past its cursor; the store is read as the setup above writes it).
idle() {
  local figures
  figures="$(curl -sf "http://127.0.0.1:$METRICS_PORT/metrics")" || return 1
  awk '/^paperboy_embeddings_pending_papers / { e = $2 } /^paperboy_node_index_lag_(papers|embeddings)\{/ { l += $2 }
       END { exit !(e != "" && e + 0 == 0 && l + 0 == 0) }' <<<"$figures" || return 1
  python3 - "$WORK/data/paperboy.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
newest = db.execute("SELECT COALESCE(MAX(change_seq), 0) FROM papers").fetchone()[0]
cursor = db.execute("SELECT COALESCE(MAX(applied_seq), 0) FROM keyword_cursor").fetchone()[0]
sys.exit(0 if cursor >= newest else 1)
PY
}
WAIT_SECONDS="${WAIT_SECONDS:-600}"
started=$SECONDS
until idle; do
  if (( SECONDS - started >= WAIT_SECONDS )); then
    echo "the server's embedding and key phrase workers were still busy after ${WAIT_SECONDS}s; not measuring a" \
         "moving target (raise WAIT_SECONDS, or see $WORK/serve.log)" >&2
    grep -E 'embeddings:|keywords:' "$WORK/serve.log" | tail -n 3 >&2
    exit 1
  fi
  sleep 2
done
echo "background workers idle after $((SECONDS - started))s (embeddings and key phrases of every paper stored)"

DAILY="/papers/date/2026-06-12"
PAPER="/papers/2606.13681"
mkdir -p "$WORK/static/papers/date"
curl -sf "http://127.0.0.1:$PORT$DAILY" >"$WORK/static/daily.html"
curl -sf "http://127.0.0.1:$PORT$PAPER" >"$WORK/static/paper.html"
# The gzip bytes Paperboy sends, for nginx's gzip_static: both sides send the same compressed body.
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$DAILY" >"$WORK/static/daily.html.gz"
gzip -t "$WORK/static/daily.html.gz"
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
  # Keep-alive as Jetty keeps it: no limit of requests per connection (nginx closes after 1000).
  keepalive_requests 1000000000;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
  }
}
CONF
nginx -c "$NGINX_CONF"

# What each side sends, for the same request: status, length, encoding, connection handling.
for target in "paperboy http://127.0.0.1:$PORT$DAILY" "nginx http://127.0.0.1:$NGINX_PORT/daily.html"; do
  for encoding in identity gzip; do
    set -- $target
    printf '%-9s %-9s %s\n' "$1" "$encoding" "$(curl -s -o /dev/null -H "Accept-Encoding: $encoding" \
      -w 'HTTP %{http_code}, %{size_download} bytes, %{size_header} bytes of headers' "$2") $(curl -s -D - -o /dev/null \
      -H "Accept-Encoding: $encoding" "$2" | grep -iE '^(content-encoding|content-length|transfer-encoding|vary|connection):' \
      | tr -d '\r' | tr '\n' ';')"
  done
done

# Warm-up: let the JIT compile the page paths before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$DAILY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$DAILY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$PAPER" >/dev/null

measure() { # name url [wrk options] -> "name rps p99"
  local out rps p99 name="$1" url="$2"
  shift 2
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-22s %12s %10s %s\n' "$name" "$rps" "$p99" "$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr -s ' ')"
  echo "$rps" >"$WORK/$name.rps"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%FT%TZ); wrk -t2 -c$CONNECTIONS -d${DURATION}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %12s %10s\n' target requests/s p99
measure paperboy-daily "http://127.0.0.1:$PORT$DAILY"
measure nginx-daily "http://127.0.0.1:$NGINX_PORT/daily.html"
measure paperboy-paper "http://127.0.0.1:$PORT$PAPER"
measure nginx-paper "http://127.0.0.1:$NGINX_PORT/paper.html"
measure paperboy-daily-gzip "http://127.0.0.1:$PORT$DAILY" -H 'Accept-Encoding: gzip'
measure nginx-daily-gzip "http://127.0.0.1:$NGINX_PORT/daily.html" -H 'Accept-Encoding: gzip'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in daily paper daily-gzip; do
  awk -v p="$page" -v a="$(cat "$WORK/paperboy-$page.rps")" -v b="$(cat "$WORK/nginx-$page.rps")" \
    'BEGIN { printf "%s: paperboy / nginx = %.0f%%\n", p, 100 * a / b }'
done
