#!/usr/bin/env bash
# Failover test: a fresh cluster in a temporary directory, two application nodes started once for all drills
# (app-nodes.sh), three drills in a row (crash, node, crash) issuing certificates through both nodes, no
# acknowledged write may be lost. The recovery bound only detects a hang; the real figures go to
# docs/benchmarks/continuity.md (bench/continuity/run). The cluster is brought down on every exit path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
readonly RECOVERY_HANG_SECONDS=45
scenarios=(${JC_TEST_SCENARIOS:-crash node crash})

work=$(mktemp -d /tmp/jc-failover-test.XXXXXX)
chmod 755 "$work"
export JC_CLUSTER_DIR=$work/cluster JC_DRILLS_DIR=$work/drills

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  "$here/app-nodes.sh" stop >/dev/null 2>&1 || true
  "$here/cluster.sh" down >/dev/null 2>&1 || true
  if ((status == 0)); then
    rm -rf "$work"
  else
    # Keep the logs for the post-mortem, drop the data directories.
    rm -rf "$work"/cluster/node*/data "$work"/cluster/etcd/data
    echo "test-failover: FAILED; logs kept in $work" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=test-support.sh
source "$here/test-support.sh"
choose_port_base

started=$SECONDS
"$here/cluster.sh" up
up_seconds=$((SECONDS - started))
"$here/app-nodes.sh" start
apps_seconds=$((SECONDS - started - up_seconds))

failures=0
run=0
for scenario in "${scenarios[@]}"; do
  run=$((run + 1))
  echo "--- drill $run: $scenario"
  status=0
  output=$("$here/drill-failover.sh" --scenario "$scenario" 2>&1) || status=$?
  printf '%s\n' "$output"
  last=$(printf '%s\n' "$output" | tail -n 1)
  if [[ $last =~ ^failover:\ recovery\ ([0-9.]+)\ s,\ acknowledged\ ([0-9]+),\ lost\ ([0-9]+),\ single-copy\ ([0-9.]+)\ s$ ]]; then
    recovery=${BASH_REMATCH[1]} acknowledged=${BASH_REMATCH[2]} lost=${BASH_REMATCH[3]}
    if ((lost != 0)); then
      echo "test-failover: drill $run ($scenario) LOST $lost acknowledged writes" >&2
      failures=$((failures + 1))
    elif ((acknowledged == 0)); then
      echo "test-failover: drill $run ($scenario) acknowledged nothing" >&2
      failures=$((failures + 1))
    elif ! awk -v r="$recovery" -v limit="$RECOVERY_HANG_SECONDS" 'BEGIN { exit !(r < limit) }'; then
      echo "test-failover: drill $run ($scenario) took ${recovery}s to recover (hang?)" >&2
      failures=$((failures + 1))
    elif ((status != 0)); then
      echo "test-failover: drill $run ($scenario) exited with $status" >&2
      failures=$((failures + 1))
    fi
  else
    echo "test-failover: drill $run ($scenario) gave no result (exit $status)" >&2
    failures=$((failures + 1))
  fi
  ((failures == 0)) || break
done

# The check of the check: remove one acknowledged certificate behind the drill's back; verification must report it
# lost.
if ((failures == 0)); then
  drill_id=$(printf '%s\n' "$output" | sed -n 's/^drill: id \([^;]*\);.*/\1/p')
  first=$(head -n 1 "$JC_DRILLS_DIR/acknowledged/$drill_id.ids" | cut -f1)
  PGPASSWORD=$(cat "$JC_CLUSTER_DIR/secrets/superuser.password") psql -X -q -v ON_ERROR_STOP=1 -v number="$first" \
    "host=127.0.0.1,127.0.0.1,127.0.0.1 port=$JC_CLUSTER_PORT_BASE,$((JC_CLUSTER_PORT_BASE + 1)),$((JC_CLUSTER_PORT_BASE + 2)) dbname=jichitai user=postgres target_session_attrs=read-write" \
    <<<"DELETE FROM issued_certificate WHERE issue_number = :'number';"
  if "$here/drill-failover.sh" --verify "$drill_id"; then
    echo "test-failover: verification did not notice a deleted acknowledged certificate" >&2
    failures=$((failures + 1))
  fi
fi

# After the failovers the primary is another node than the one the cluster started with: its WAL must still reach the
# backup repository, or point-in-time recovery silently stops at the first failover (it did, until 2026-12-06).
if ((failures == 0)); then
  primary=$("$here/cluster.sh" status | awk '$4 == "leader" { print $1 }')
  if "$here/backup.sh" check; then
    echo "test-failover: WAL archiving works on the primary after the drills ($primary)"
  else
    echo "test-failover: WAL archiving FAILS on the primary after the drills ($primary)" >&2
    failures=$((failures + 1))
  fi
fi

echo "test-failover: cluster up ${up_seconds}s, application nodes ${apps_seconds}s, whole test $((SECONDS - started))s, ${run} drill(s), failures ${failures}"
((failures == 0))
