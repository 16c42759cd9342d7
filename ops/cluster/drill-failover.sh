#!/usr/bin/env bash
# Failover drill: ./jc drill failover [--scenario crash|node]. See drill_failover.py; the cluster must be up
# (ops/cluster/cluster.sh up, same JC_CLUSTER_DIR). Results are appended to data/drills/failover.jsonl
# (JC_DRILLS_DIR, default: the drills directory beside the cluster state directory).
set -euo pipefail
# Debian's interpreter: the one that sees python3-psycopg2, whatever python3 comes first on PATH.
exec /usr/bin/python3 "$(dirname "$0")/drill_failover.py" "$@"
