#!/usr/bin/env bash
# Two application nodes for the failover drill: app-nodes.sh start|stop|status (see app_nodes.py). The compiled
# classes and their runtime class path are brought up to date first (Maven, only when the sources changed; online, since a fresh machine lacks the dependency plugin);
# `app-nodes.sh prepare` does only that (drill-failover.sh, which may start the nodes itself).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ ${1:-} == start || ${1:-} == prepare ]]; then
  if [[ ! -f $root/target/runtime.classpath || ! -d $root/target/classes ||
        -n $(find "$root/pom.xml" "$root/src/main" -newer "$root/target/runtime.classpath" -print -quit) ]]; then
    echo "app-nodes: compiling (mvn compile dependency:build-classpath) ..." >&2
    (cd "$root" && mvn -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath \
      -Dmdep.includeScope=runtime >&2)
    touch "$root/target/runtime.classpath" # the plugin leaves an unchanged file as it was
  fi
fi
[[ ${1:-} == prepare ]] && exit 0
exec /usr/bin/python3 "$(dirname "$0")/app_nodes.py" "$@"
