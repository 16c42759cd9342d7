#!/usr/bin/env bash
# Point-in-time recovery test, then the restore drill from the latest backup (drill-restore.sh): a fresh cluster in a temporary directory, a full pgBackRest backup, then two writes
# with a recorded moment between them. The encrypted repository is restored to that moment into a scratch data
# directory, which must contain exactly the first write (replayed from archived WAL) and not the second.
# Everything started here is stopped on every exit path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=test-support.sh
source "$here/test-support.sh"

work=$(mktemp -d /tmp/jc-pitr-test.XXXXXX)
chmod 755 "$work"
export JC_CLUSTER_DIR=$work/cluster JC_DRILLS_DIR=$work/drills
scratch=$work/scratch

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql "$@"; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -s $scratch/data/postmaster.pid ]]; then
    as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$scratch/data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  "$here/cluster.sh" down >/dev/null 2>&1 || true
  if ((status == 0)); then
    rm -rf "$work"
  else
    rm -rf "$work"/cluster/node*/data "$work"/cluster/etcd/data "$scratch/data"
    echo "test-pitr: FAILED; logs kept in $work" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

choose_port_base
scratch_port=$((JC_CLUSTER_PORT_BASE + 30))
started=$SECONDS
"$here/cluster.sh" up >/dev/null

application_sql() {
  PGPASSWORD=$(cat "$JC_CLUSTER_DIR/secrets/application.password") psql -X -q -t -A -v ON_ERROR_STOP=1 \
    "host=127.0.0.1,127.0.0.1,127.0.0.1 port=$JC_CLUSTER_PORT_BASE,$((JC_CLUSTER_PORT_BASE + 1)),$((JC_CLUSTER_PORT_BASE + 2)) dbname=jichitai user=jichitai_app target_session_attrs=read-write" \
    -c "$1"
}

application_sql "CREATE TABLE pitr_probe (id integer PRIMARY KEY, note text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"
"$here/backup.sh" full

# Both writes come after the backup, so the first one can only come back by replaying archived WAL.
application_sql "INSERT INTO pitr_probe (id, note) VALUES (1, 'first')"
sleep 1
target=$(application_sql "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
sleep 1
application_sql "INSERT INTO pitr_probe (id, note) VALUES (2, 'second')"
"$here/backup.sh" check >/dev/null # switches WAL and waits until the segment with both writes is archived
echo "test-pitr: restoring to $target (between 'first' and 'second')"

mkdir -p "$scratch/data" "$scratch/log" "$scratch/lock"
chmod 700 "$scratch/data"
passphrase=$(cat "$JC_CLUSTER_DIR/secrets/backup.password")
(umask 077 && cat >"$scratch/pgbackrest.conf") <<EOF
[global]
repo1-path=$JC_CLUSTER_DIR/site-b/repository
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$passphrase
log-path=$scratch/log
lock-path=$scratch/lock
log-level-console=warn

[jichitai]
pg1-path=$scratch/data
EOF
chown -R postgres:postgres "$scratch"
restore_started=$SECONDS
as_postgres pgbackrest --config="$scratch/pgbackrest.conf" --stanza=jichitai restore \
  --type=time "--target=$target" --target-action=promote

# The restored configuration is the cluster's (Patroni's): keep it off the cluster's ports, archive and standbys.
as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$scratch/data" -l "$scratch/postgres.log" -w -t 120 \
  -o "-c port=$scratch_port -c listen_addresses='' -c unix_socket_directories=$scratch -c archive_mode=off -c synchronous_standby_names='' -c hot_standby=on" \
  start >/dev/null

scratch_sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "host=$scratch port=$scratch_port user=postgres dbname=jichitai" -c "$1"; }
for _ in $(seq 1 120); do
  [[ $(scratch_sql "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]] && break
  sleep 0.5
done
[[ $(scratch_sql "SELECT pg_is_in_recovery()") == f ]] || { echo "test-pitr: restored server did not finish recovery" >&2; exit 1; }
restore_seconds=$((SECONDS - restore_started))

notes=$(scratch_sql "SELECT string_agg(note, ',' ORDER BY id) FROM pitr_probe")
echo "test-pitr: restored rows: ${notes:-(none)}; restore and recovery ${restore_seconds}s, whole test $((SECONDS - started))s"
if [[ $notes != first ]]; then
  echo "test-pitr: expected exactly 'first'" >&2
  exit 1
fi
echo "test-pitr: ok"

# The restore drill from the latest backup, on the same cluster: a second table with a few thousand rows written
# after the backup, so that the drill must replay archived WAL to match the primary table by table.
application_sql "CREATE TABLE restore_probe AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 5000) g"
drill=$("$here/drill-restore.sh")
printf '%s\n' "$drill"
grep -Eq '^restore: [0-9]+\.[0-9] s, rows [1-9][0-9]*, mismatches 0$' <<<"$drill" || { echo "test-pitr: restore drill failed" >&2; exit 1; }
echo "test-pitr: restore drill ok"
