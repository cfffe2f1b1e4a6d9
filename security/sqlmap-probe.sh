#!/usr/bin/env bash
# Probes a live Paperboy with sqlmap (Debian's package) for SQL injection in the parameters users
# type: login (email, password, next), search (the page and the API), submit (arxiv) and the
# member's settings (display name, API token label, digest settings). See
# docs/security.md for the last run's summary.
#
#   security/sqlmap-probe.sh [--level N] [--risk N] [--only a,b]   # defaults: level 3, risk 2, every target
#
# --only takes target names (login, search-page, search-api, submit, settings-profile, settings-token,
# settings-digest): on a shared machine a level-3 run of every form takes hours, so it can be split.
#
# It starts `./paperboy serve --demo` on a free port with a throwaway data folder (SQLite), signs a
# member up through the pages (confirming through the .eml the server writes, since no SMTP relay
# is configured), and runs sqlmap against each form with that member's session and CSRF tokens.
# Failed logins and requested mails are not throttled here (--failed-logins-per-*, --mails-per-*): throttling
# would answer sqlmap's requests with 429 before they reach the database, and prove nothing.
# Needs: apt-get install sqlmap curl. Everything but the summary is deleted at the end.
set -euo pipefail

LEVEL=3
RISK=2
ONLY=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --level) LEVEL="$2"; shift 2 ;;
    --risk) RISK="$2"; shift 2 ;;
    --only) ONLY=",$2,"; shift 2 ;;
    *) echo "usage: security/sqlmap-probe.sh [--level N] [--risk N] [--only a,b]" >&2; exit 2 ;;
  esac
done
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install sqlmap" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
WORK="$(mktemp -d /tmp/paperboy-sqlmap.XXXXXX)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

./paperboy serve --demo --data "$WORK/data" --port "$PORT" --failed-logins-per-account 1000000 --failed-logins-per-address 1000000 \
  --mails-per-mailbox 1000000 --mails-per-address 1000000 \
  --arxiv-api-url "http://127.0.0.1:1/api/query" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

JAR="$WORK/cookies.txt"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
cookie_of() { awk -v name="$1" '$6 == name { print $7 }' "$JAR"; }

# A confirmed member, signed in, for the submit form.
token="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/signup" | csrf_of)"
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" --data-urlencode "email=probe@example.org" \
  --data-urlencode "name=probe" --data-urlencode "display_name=Probe" --data-urlencode "password=probe password 1" "$BASE/signup"
# Sign-up does not sign in, and the confirmation link works for its signed-in owner: log in first.
token="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | csrf_of)"
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" --data-urlencode "email=probe@example.org" \
  --data-urlencode "password=probe password 1" "$BASE/login"
mail="$(ls -t "$WORK"/data/mail/*.eml | head -1)"
verify="$(grep -o 'http://[^ ]*/verify?token=[A-Za-z0-9_%=-]*' "$mail" | head -1)"
curl -fs -o /dev/null -c "$JAR" -b "$JAR" "$verify"
SESSION="$(cookie_of pb_session)"
[[ -n "$SESSION" ]] || { echo "could not sign the probe member in" >&2; exit 1; }

SUMMARY="$WORK/summary.txt"
probe() {
  local name="$1"; shift
  [[ -z "$ONLY" || "$ONLY" == *",$name,"* ]] || return 0
  echo "== $name" | tee -a "$SUMMARY"
  sqlmap --batch --level "$LEVEL" --risk "$RISK" --flush-session --output-dir "$WORK/sqlmap" "$@" >"$WORK/$name.log" 2>&1 || true
  grep -E "appears to be|is vulnerable|do not appear to be injectable|might not be injectable|injectable|CRITICAL|sqlmap identified" \
    "$WORK/$name.log" | sed 's/^\[[0-9:]*\] //' | sort -u | tee -a "$SUMMARY"
  { grep -cE "^\[[0-9:]+\] \[(INFO|WARNING)\] testing '" "$WORK/$name.log" || true; } | sed 's/^/techniques tried: /' | tee -a "$SUMMARY"
  # Which answers sqlmap got besides 200: 422s (HTML forms) and 400s (the JSON API) mean the input
  # reached the handler and was refused;
  # 403 (CSRF) or 429 (throttle) in bulk would mean the payloads never reached the store.
  { grep -A1 "HTTP error codes detected" "$WORK/$name.log" || echo "none"; } | tail -1 | sed 's/^/answers besides 200: /' | tee -a "$SUMMARY"
}

probe login -u "$BASE/login" --data "email=someone%40example.org&password=guess&next=%2F&_csrf=x" \
  -p "email,password,next" --csrf-token=_csrf --csrf-url="$BASE/login"
probe search-page -u "$BASE/papers?q=diffusion" -p q
probe search-api -u "$BASE/api/papers/search?q=diffusion&limit=5" -p "q,limit"
probe submit -u "$BASE/submit" --data "arxiv=2401.00001&_csrf=x" -p arxiv \
  --cookie "pb_session=$SESSION" --csrf-token=_csrf --csrf-url="$BASE/submit"
probe settings-profile -u "$BASE/settings/profile" --data "display_name=Probe&_csrf=x" -p display_name \
  --cookie "pb_session=$SESSION" --csrf-token=_csrf --csrf-url="$BASE/settings"
probe settings-token -u "$BASE/settings/tokens" --data "label=script&_csrf=x" -p label \
  --cookie "pb_session=$SESSION" --csrf-token=_csrf --csrf-url="$BASE/settings"
probe settings-digest -u "$BASE/settings/digest" \
  --data "frequency=daily&hour=7&zone=UTC&searches=diffusion&authors=Ada&categories=cs.CL&_csrf=x" \
  -p "frequency,hour,zone,searches,authors,categories" \
  --cookie "pb_session=$SESSION" --csrf-token=_csrf --csrf-url="$BASE/settings/digest"

echo
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -Eo '^[0-9][0-9.#a-z]*' | head -1), level $LEVEL, risk $RISK, against $BASE ($(date -u +%F))"
if grep -qE "is vulnerable|sqlmap identified the following injection" "$WORK"/*.log; then
  echo "RESULT: sqlmap found an injection point (see above)"
  exit 1
fi
echo "RESULT: no injectable parameter found"
