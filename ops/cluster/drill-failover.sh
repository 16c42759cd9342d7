#!/usr/bin/env bash
# Failover drill: ./jc drill failover [--scenario crash|node] [--mode app|sql]. See drill_failover.py; the cluster must be up
# (ops/cluster/cluster.sh up, same JC_CLUSTER_DIR). Results are appended to data/drills/failover.jsonl
# (JC_DRILLS_DIR, default: the drills directory beside the cluster state directory).
set -euo pipefail
# The drill starts the application nodes itself unless they run already (app-nodes.sh start); then it needs the
# compiled service. Never recompiled under running nodes. Not for --mode sql or --verify.
if [[ " $* " != *" --mode sql "* && " $* " != *" --verify "* ]] &&
  ! "$(dirname "$0")/app-nodes.sh" status >/dev/null 2>&1; then
  "$(dirname "$0")/app-nodes.sh" prepare
fi
# Debian's interpreter: the one that sees python3-psycopg2, whatever python3 comes first on PATH.
exec /usr/bin/python3 "$(dirname "$0")/drill_failover.py" "$@"
