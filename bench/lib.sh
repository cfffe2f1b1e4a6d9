# Shared by the benchmark scripts (sourced, not run): a throwaway PostgreSQL, the newest JDK, a
# free port. The caller sets WORK (a temporary folder, mode 755) and calls pg_stop on exit.

PG_DATA="" PG_BIN="" PG_URL=""

as_postgres() {
  if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi
}

# The newest JDK under /usr/lib/jvm (the generator needs 17+; the launcher picks its own).
newest_java() {
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" && ! -L "$dir" && -f "$dir/release" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
    if [[ -n "$major" ]] && (( major > best_major )); then best="$dir/bin/java" best_major="$major"; fi
  done
  echo "${best:-java}"
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 55432-55532" >&2; return 1
}

# pg_start [SERVER-OPTION…]: Debian's PostgreSQL (the newest installed), run as the postgres user
# in $WORK/pg on a free port with database paperboy_bench; sets PG_URL. Options are passed to
# the server as -c settings, e.g. pg_start shared_buffers=2GB.
pg_start() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [[ -x "$PG_BIN/initdb" ]] || { echo "needs Debian's PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }
  PG_DATA="$WORK/pg"
  mkdir "$PG_DATA"
  if (( EUID == 0 )); then chown postgres: "$PG_DATA"; fi
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C >"$WORK/initdb.log"
  local port settings="" setting
  port="$(free_port)"
  for setting in "$@"; do settings="$settings -c $setting"; done
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1$settings" start >/dev/null
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres paperboy_bench
  PG_URL="jdbc:postgresql://127.0.0.1:$port/paperboy_bench?user=postgres"
  echo "postgresql: $("$PG_BIN/postgres" --version), fsync=$(as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" \
    -U postgres -Atc 'SHOW fsync' paperboy_bench), port $port"
}

pg_stop() {
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
  fi
}
