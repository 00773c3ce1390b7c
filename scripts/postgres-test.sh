#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL with a throwaway database for the server tests,
# then prints its SQLAlchemy URL. Needs root or sudo for apt-get and for the postgres system user.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing PostgreSQL (apt-get)..." >&2
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q " main "; then
    as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk '$2 == "main" {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$version" main start >&2
fi
as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'ocop'\"" | grep -q 1 \
    || as_postgres "psql -qc \"CREATE ROLE ocop LOGIN PASSWORD 'ocop'\"" >&2
as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'ocop_test'\"" | grep -q 1 \
    || as_postgres "createdb -O ocop ocop_test" >&2
port=$(pg_lsclusters -h | awk '$2 == "main" {print $3}')
echo "postgresql+psycopg://ocop:ocop@127.0.0.1:${port}/ocop_test"
