#!/usr/bin/env bash
# Make sure the local PostgreSQL server at 127.0.0.1:5432 is accepting
# connections; start the Debian cluster if it is not. Waits up to 60 s.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

ready() { pg_isready -q -h "$HOST" -p "$PORT" >/dev/null 2>&1; }

if ! command -v pg_isready >/dev/null 2>&1; then
  # pg_isready lives in the versioned bin dir on Debian if not on PATH
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_isready" ] && PATH="$d:$PATH"
  done
  export PATH
fi

if ready; then
  echo "ensure-postgres: PostgreSQL is ready on $HOST:$PORT"
  exit 0
fi

if [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  echo "ensure-postgres: no PostgreSQL cluster under /etc/postgresql" >&2
  exit 1
fi

for dir in /etc/postgresql/*/; do
  ver="$(basename "$dir")"
  echo "ensure-postgres: starting cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
done

for _ in $(seq 1 60); do
  if ready; then
    echo "ensure-postgres: PostgreSQL is ready on $HOST:$PORT"
    exit 0
  fi
  sleep 1
done

echo "ensure-postgres: PostgreSQL did not become ready on $HOST:$PORT within 60 s" >&2
exit 1
