#!/usr/bin/env bash
# The cluster check (issue 14): Debian's PostgreSQL, three `paperboy serve` nodes on it and HAProxy
# in front, all on this machine; checks sessions, votes, comments, search catch-up, digests once,
# the nightly job once, kill -9 of a node during a vote burst, PostgreSQL stopped for 20 s and a
# rolling restart, and prints a table (check | expected | seen | ok). Exit code 0 when every line
# is as expected. About 10 minutes on 2 cores. See docs/operations.md.
#
#   bench/cluster-check.sh [--keep] [--papers N] [--members N] [--settle SECONDS]
#
# Needs (Debian): apt-get install -y postgresql haproxy faketime python3-aiosmtpd. Run as root,
# PostgreSQL runs as the postgres user (initdb refuses root); as another user, as that user.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v haproxy >/dev/null || missing+=(haproxy)
compgen -G "/usr/lib/*/faketime/libfaketime.so.1" >/dev/null || missing+=(faketime)
PYTHON=/usr/bin/python3  # Debian's, where python3-aiosmtpd lives (a pyenv python3 on the PATH has not)
[[ -x $PYTHON ]] && "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if (( ${#missing[@]} )); then
  echo "needs Debian packages: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

if [[ ! -f target/paperboy.jar ]]; then
  echo "building target/paperboy.jar…" >&2
  ./mvnw -B -q package -DskipTests
fi

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
exec "$PYTHON" bench/cluster_check.py "$@"
