#!/usr/bin/env bash
# Vote benchmark: members upvote in a loop (through VoteService, bench/VoteLoad.java) on a fresh
# PostgreSQL holding the demo papers, first with the store idle, then while `./paperboy import`
# of COUNT synthetic snapshot records (bench/SnapshotGenerator.java) runs in another process.
# Prints each phase's votes, p50, p99 and max vote latency.
#
#   bench/vote-benchmark.sh [COUNT] [IDLE-SECONDS] [VOTERS] [PAUSE-MS]   # defaults 20000 20 4 20
#
# Needs Debian's PostgreSQL (apt-get install -y postgresql), started by bench/lib.sh into a
# temporary folder on a free port with the default configuration, deleted at the end.
set -euo pipefail

COUNT="${1:-20000}" IDLE="${2:-20}" VOTERS="${3:-4}" PAUSE_MS="${4:-20}"
SEED=1
INPUTS=/tmp/paperboy-bench
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WORK="$(mktemp -d /tmp/paperboy-vote-bench.XXXXXX)"
chmod 755 "$WORK" # the postgres user writes its cluster below it
# shellcheck source=bench/lib.sh
source bench/lib.sh
cleanup() {
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

./paperboy --help >/dev/null # builds target/paperboy.jar when the sources are newer
version="$(cat bench/SnapshotGenerator.java src/main/resources/demo/papers.jsonl | sha256sum | cut -c1-8)"
INPUT="$INPUTS/snapshot-$COUNT-seed$SEED-$version.jsonl"
if [[ ! -f "$INPUT" ]]; then
  mkdir -p "$INPUTS"
  echo "input: generating $COUNT records…"
  "$(newest_java)" bench/SnapshotGenerator.java "$COUNT" "$INPUT.partial" "$SEED"
  mv "$INPUT.partial" "$INPUT"
fi

pg_start
./paperboy import --db "$PG_URL" src/main/resources/demo/papers.jsonl >"$WORK/demo-import.log" 2>&1
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); $COUNT records in $(basename "$INPUT")"
"$(newest_java)" -Xmx512m -cp target/paperboy.jar -Djava.io.tmpdir="$WORK" bench/VoteLoad.java \
  "$PG_URL" "$INPUT" "$IDLE" "$VOTERS" "$PAUSE_MS" 2> >(grep -v '^SLF4J\|INFO\|^\s*$' >&2)
