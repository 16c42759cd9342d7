#!/usr/bin/env bash
# Backups of the local cluster with pgBackRest, into the encrypted repository under the state directory
# (site-b/repository, aes-256-cbc, passphrase in secrets/backup.password). WAL is archived continuously by the
# archive_command that cluster.sh puts into Patroni's configuration, which makes point-in-time recovery possible.
#
#   backup.sh full     full backup (from the current primary, found by pgBackRest)
#   backup.sh incr     incremental backup on top of the last one (a full one if there is none)
#   backup.sh info     backups and WAL archive range in the repository
#   backup.sh verify   pgBackRest verify: reads every file of the repository and checks its checksum
#   backup.sh check    forces a WAL switch and checks that it reaches the repository
#
# JC_CLUSTER_DIR as for cluster.sh. The cluster must be up.
set -euo pipefail
dir=${JC_CLUSTER_DIR:-./data/cluster}
[[ -f $dir/site-b/pgbackrest.conf ]] || { echo "backup: no cluster in $dir (run cluster.sh up first)" >&2; exit 1; }
dir=$(cd "$dir" && pwd)

pgbackrest_as_postgres() {
  # pgBackRest must run as the owner of the data directories; the repository belongs to that user as well.
  setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql \
    pgbackrest --config="$dir/site-b/pgbackrest.conf" --stanza=jichitai "$@"
}

case ${1:-} in
full | incr)
  started=$SECONDS
  pgbackrest_as_postgres --type="$1" backup
  echo "backup: $1 backup done in $((SECONDS - started)) s"
  pgbackrest_as_postgres info | sed -n '/full backup\|incr backup/,+0p' | tail -n 1
  ;;
info) pgbackrest_as_postgres info ;;
verify)
  report=$(pgbackrest_as_postgres verify --output=text --verbose)
  printf '%s\n' "$report"
  # pgBackRest 2.45 exits 0 even when it finds invalid files; its report's status is what counts.
  grep -q '^status: ok$' <<<"$report" || { echo "backup: repository NOT valid" >&2; exit 1; }
  echo "backup: repository verified"
  ;;
check) pgbackrest_as_postgres check && echo "backup: WAL archiving works" ;;
*)
  echo "usage: backup.sh full|incr|info|verify|check" >&2
  exit 2
  ;;
esac
