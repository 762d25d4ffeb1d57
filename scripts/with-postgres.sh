#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: creates it in a temporary folder, starts
# it on a free port of 127.0.0.1, exports DATABASE_URL (and the PG* variables) for the command, and
# stops and deletes the cluster afterwards, whether the command passed or failed.
#
# Needs the Debian package "postgresql" (apt-get install -y postgresql); works as root or as a
# normal user. Usage: bash scripts/with-postgres.sh node scripts/test-node.mjs packages/server/test
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [arguments...]" >&2
  exit 2
fi

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 2
fi

# A port nobody listens on now, unless the caller chose one.
PG_PORT=${PGPORT:-$(node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")}
PG_DATA=$(mktemp -d -t sipas-pg.XXXXXX)

# PostgreSQL refuses to run as root: as root the cluster belongs to the "postgres" account.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_and_delete() {
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
}
trap stop_and_delete EXIT
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DATA"; fi

as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U sipas --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability settings off: the cluster lives for one run, so speed matters and crashes do not.
as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA/server.log" \
  -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$PG_DATA/server.log" >&2; exit 1; }

export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=sipas PGDATABASE=postgres
export DATABASE_URL="postgres://sipas@127.0.0.1:$PG_PORT/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at $DATABASE_URL" >&2

# Not exec: the trap must run after the command, whatever its exit status.
status=0
"$@" || status=$?
exit "$status"
