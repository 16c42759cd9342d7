#!/usr/bin/env bash
# Restore drill from the cluster's latest pgBackRest backup (./jc drill restore --from-backup): forces a WAL switch
# so that everything committed so far is archived, restores the latest backup plus the archived WAL into a scratch
# data directory, starts PostgreSQL there on a free loopback port, and compares every table's row count and checksum
# with the cluster's primary. The last line reads `restore: S.S s, rows N, mismatches M` (S: restore, recovery and
# comparison; the source's checksums are taken before). Exit status 1 when a table differs. The scratch server and
# its directory are removed on every exit path. Run it while the source is quiet: rows written after the WAL switch
# are counted as mismatches.
#
# JC_CLUSTER_DIR as for cluster.sh. The cluster must be up and have a backup (./jc backup full).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${JC_CLUSTER_DIR:-./data/cluster}
[[ -f $dir/site-b/pgbackrest.conf ]] || { echo "drill-restore: no cluster in $dir (run cluster.sh up first)" >&2; exit 1; }
dir=$(cd "$dir" && pwd)
export JC_CLUSTER_DIR=$dir
readonly PG_BIN=/usr/lib/postgresql/15/bin

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql "$@"; }

scratch=$(mktemp -d /tmp/jc-restore-drill.XXXXXX)
chmod 755 "$scratch"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -s $scratch/data/postmaster.pid ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$scratch/data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  if ((status == 0)); then
    rm -rf "$scratch"
  else
    rm -rf "$scratch/data"
    echo "drill-restore: FAILED; logs kept in $scratch" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ports=$("$here/cluster.sh" url | sed -E 's#^jdbc:postgresql://([^/]*)/.*#\1#; s#127\.0\.0\.1:##g')
hosts=$(tr ',' '\n' <<<"$ports" | sed 's/.*/127.0.0.1/' | paste -sd, -)
source_sql() {
  PGPASSWORD=$(cat "$dir/secrets/application.password") psql -X -q -t -A -F ' ' -v ON_ERROR_STOP=1 \
    "host=$hosts port=$ports dbname=jichitai user=jichitai_app target_session_attrs=read-write" -c "$1"
}
scratch_sql() {
  psql -X -q -t -A -F ' ' -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$scratch_port user=postgres dbname=jichitai" -c "$1"
}

# One line per table of the public schema: name, row count, MD5 over the rows' MD5s in sorted order (so the
# physical order, which a restore may change, does not matter).
checksums() { # sql-runner
  local runner=$1 table
  for table in $($runner "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                          AND table_type = 'BASE TABLE' ORDER BY table_name"); do
    printf '%s %s\n' "$table" "$($runner "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '-')
                                         FROM public.\"$table\" t")"
  done
}

"$here/backup.sh" check >/dev/null # a WAL switch: everything committed so far reaches the repository
checksums source_sql >"$scratch/source.txt"

scratch_port=$(free_port)
mkdir -p "$scratch/data" "$scratch/log" "$scratch/lock"
chmod 700 "$scratch/data"
(umask 077 && cat >"$scratch/pgbackrest.conf") <<CONF
[global]
repo1-path=$dir/site-b/repository
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$(cat "$dir/secrets/backup.password")
log-path=$scratch/log
lock-path=$scratch/lock
log-level-console=warn

[jichitai]
pg1-path=$scratch/data
CONF
chown -R postgres:postgres "$scratch"

# Only this script talks to the scratch server: over loopback as postgres, no password (the restored pg_hba.conf is
# Patroni's and would ask for the cluster's).
printf 'local all all trust\nhost all postgres 127.0.0.1/32 trust\n' >"$scratch/pg_hba.conf"
chown postgres:postgres "$scratch/pg_hba.conf"

started=$(date +%s.%N)
# default recovery target: the end of the archived WAL, i.e. the moment of the WAL switch above
as_postgres pgbackrest --config="$scratch/pgbackrest.conf" --stanza=jichitai restore \
  --archive-mode=off >/dev/null
# The restored configuration is the cluster's (Patroni's): keep it off the cluster's ports, archive and standbys.
as_postgres "$PG_BIN/pg_ctl" -D "$scratch/data" -l "$scratch/postgres.log" -w -t 300 \
  -o "-c port=$scratch_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$scratch -c archive_mode=off -c synchronous_standby_names='' -c hot_standby=on -c hba_file=$scratch/pg_hba.conf" \
  start >/dev/null
for _ in $(seq 1 600); do
  [[ $(scratch_sql "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]] && break
  sleep 0.2
done
[[ $(scratch_sql "SELECT pg_is_in_recovery()") == f ]] || { echo "drill-restore: the restored server did not finish recovery" >&2; exit 1; }
checksums scratch_sql >"$scratch/restored.txt"
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

rows=$(awk '{ sum += $2 } END { print sum + 0 }' "$scratch/restored.txt")
mismatches=$(join -a 1 -a 2 -e missing -o 0,1.2,1.3,2.2,2.3 "$scratch/source.txt" "$scratch/restored.txt" |
  awk '$2 != $4 || $3 != $5' | tee "$scratch/mismatches.txt" | wc -l)
if ((mismatches > 0)); then
  echo "drill-restore: tables that differ (table, source rows, source checksum, restored rows, restored checksum):" >&2
  cat "$scratch/mismatches.txt" >&2
fi
printf 'drill-restore: %d tables compared, scratch server on 127.0.0.1:%s\n' "$(wc -l <"$scratch/source.txt")" "$scratch_port"
LC_ALL=C printf 'restore: %.1f s, rows %d, mismatches %d\n' "$elapsed" "$rows" "$mismatches"
((mismatches == 0))
