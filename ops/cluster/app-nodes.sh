#!/usr/bin/env bash
# Two application nodes for the failover drill: app-nodes.sh start|stop|status (see app_nodes.py). The compiled
# classes and their runtime class path are brought up to date first (offline Maven, only when the sources changed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ ${1:-} == start ]]; then
  if [[ ! -f $root/target/runtime.classpath || ! -d $root/target/classes ||
        -n $(find "$root/pom.xml" "$root/src/main" -newer "$root/target/runtime.classpath" -print -quit) ]]; then
    echo "app-nodes: compiling (mvn compile dependency:build-classpath) ..." >&2
    (cd "$root" && mvn -q -o -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath \
      -Dmdep.includeScope=runtime >&2)
  fi
fi
exec /usr/bin/python3 "$(dirname "$0")/app_nodes.py" "$@"
