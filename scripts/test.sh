#!/usr/bin/env bash
# The whole test suite: unit tests, integration tests on H2 and on PostgreSQL, browser tests.
# Installs what a fresh machine lacks (Debian packages) and starts the local PostgreSQL if it is down.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-tools.sh

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "test: PostgreSQL at 127.0.0.1:5432 is down; starting it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

exec mvn -B -ntp verify "$@"
