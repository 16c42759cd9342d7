#!/usr/bin/env bash
# Local high-availability cluster of Jichitai Cloud: one etcd, three Patroni-managed PostgreSQL 15 nodes on loopback.
#
#   cluster.sh up        install Debian packages on first use, start etcd and the three nodes, wait for a leader
#                        and a synchronous standby, print the PgJDBC multi-host URL
#   cluster.sh status    role, state, timeline, lag and sync state of each member (Patroni REST API)
#   cluster.sh down      stop everything; leaves no process behind
#   cluster.sh url       print the PgJDBC URL
#   cluster.sh start-node nodeN   (re)start one node's Patroni, used by the failover drill after a node loss
#
# Environment:
#   JC_CLUSTER_DIR        state directory (default ./data/cluster)
#   JC_CLUSTER_PORT_BASE  first PostgreSQL port (default 55432); PostgreSQL base..base+2, Patroni REST base+10..+12,
#                         etcd base+20 (client) and base+21 (peer). Fixed at the first `up` of a state directory.
#   JC_CLUSTER_TIMINGS    tuned (ttl 7, loop_wait 1, retry_timeout 3, primary_start_timeout 0, no replication slots;
#                         decision 0004), slots (the same with Patroni's replication slots, as until 2026-12-06),
#                         previous (10/2/4/0, the tuning before 2026-12) or default (Patroni's defaults:
#                         30/10/10/300), applied at every `up`
#   JC_CLUSTER_STRICT     true (default, see docs/decisions/0004-failover-manager.md) or false
#
# PostgreSQL refuses to run as root, so etcd and Patroni run as the `postgres` OS user and the state directory
# belongs to it.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly PYTHON=/usr/bin/python3 # Debian's interpreter: the one that sees python3-psycopg2 and Patroni
readonly RUN_AS=postgres
readonly SCOPE=jichitai
readonly DATABASE=jichitai
readonly APP_USER=jichitai_app
readonly NODES=(node1 node2 node3)
readonly SITES=(A B B)

cluster_dir() {
  local dir=${JC_CLUSTER_DIR:-./data/cluster}
  [[ ${1:-} == create ]] && mkdir -p "$dir"
  if [[ -d $dir ]]; then (cd "$dir" && pwd); else printf '%s\n' "$dir"; fi
}

say() { printf '%s\n' "$*"; }
fail() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

ensure_packages() {
  local wanted=(patroni etcd-server etcd-client pgbackrest python3-psycopg2 postgresql-15 tini) missing=() package
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || fail "missing Debian packages (${missing[*]}); install them as root: apt-get install ${missing[*]}"
  say "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

as_postgres() { setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups env HOME=/var/lib/postgresql "$@"; }

# Runs a command as the postgres user in its own session, records its pid, returns at once.
spawn() {
  local pid_file=$1 log_file=$2
  shift 2
  setsid bash -c 'echo $$ > "$0"; exec setpriv --reuid='"$RUN_AS"' --regid='"$RUN_AS"' --init-groups \
      env HOME=/var/lib/postgresql "$@"' "$pid_file" "$@" >>"$log_file" 2>&1 </dev/null &
  local waited=0
  while [[ ! -s $pid_file ]] && ((waited < 50)); do sleep 0.1; waited=$((waited + 1)); done
}

alive() { [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_free() {
  "$PYTHON" - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # like PostgreSQL: TIME_WAIT does not block
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32; }

load_settings() {
  DIR=$(cluster_dir "${1:-}")
  if [[ -f $DIR/cluster.env ]]; then
    # shellcheck disable=SC1091
    source "$DIR/cluster.env"
  else
    PORT_BASE=${JC_CLUSTER_PORT_BASE:-55432}
  fi
  PG_PORTS=("$PORT_BASE" $((PORT_BASE + 1)) $((PORT_BASE + 2)))
  REST_PORTS=($((PORT_BASE + 10)) $((PORT_BASE + 11)) $((PORT_BASE + 12)))
  ETCD_CLIENT_PORT=$((PORT_BASE + 20))
  ETCD_PEER_PORT=$((PORT_BASE + 21))
}

write_settings() {
  cat >"$DIR/cluster.env" <<EOF
# written by ops/cluster/cluster.sh at the first 'up'
PORT_BASE=$PORT_BASE
EOF
  # Read by the failover drill and by the application's operators; no secrets here.
  cat >"$DIR/cluster.json" <<EOF
{"scope": "$SCOPE", "database": "$DATABASE", "applicationUser": "$APP_USER",
 "postgresPorts": [${PG_PORTS[0]}, ${PG_PORTS[1]}, ${PG_PORTS[2]}],
 "restPorts": [${REST_PORTS[0]}, ${REST_PORTS[1]}, ${REST_PORTS[2]}],
 "nodes": ["node1", "node2", "node3"], "sites": ["A", "B", "B"],
 "applicationPasswordFile": "secrets/application.password",
 "superuserPasswordFile": "secrets/superuser.password"}
EOF
}

write_secrets() {
  mkdir -p "$DIR/secrets"
  chmod 700 "$DIR/secrets"
  local name
  for name in superuser replication application backup; do
    [[ -s $DIR/secrets/$name.password ]] || (umask 077 && random_secret >"$DIR/secrets/$name.password")
  done
}

write_node_config() {
  local index=$1 name=${NODES[$1]} node_dir=$DIR/${NODES[$1]}
  mkdir -p "$node_dir"
  (umask 077 && cat >"$node_dir/patroni.yml") <<EOF
scope: $SCOPE
namespace: /jichitai-cloud/
name: $name
log:
  level: INFO
restapi:
  listen: 127.0.0.1:${REST_PORTS[$index]}
  connect_address: 127.0.0.1:${REST_PORTS[$index]}
etcd3:
  hosts: 127.0.0.1:$ETCD_CLIENT_PORT
watchdog:
  mode: off
tags:
  site: ${SITES[$index]}
bootstrap:
  dcs:
    ttl: 7
    loop_wait: 1
    retry_timeout: 3
    primary_start_timeout: 0
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: true
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: false
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 40
        shared_buffers: 16MB
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 1GB
        wal_retrieve_retry_interval: 500ms
        archive_mode: "on"
        archive_timeout: 60
        archive_command: "$(archive_command)"
        password_encryption: scram-sha-256
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:${PG_PORTS[$index]}
  connect_address: 127.0.0.1:${PG_PORTS[$index]}
  data_dir: $node_dir/data
  bin_dir: $PG_BIN
  pgpass: $node_dir/pgpass
  authentication:
    superuser:
      username: postgres
      password: $(cat "$DIR/secrets/superuser.password")
    replication:
      username: replicator
      password: $(cat "$DIR/secrets/replication.password")
  parameters:
    unix_socket_directories: $node_dir
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
EOF
}

# JSON of Patroni's /cluster from the first node that answers.
cluster_json() {
  local port
  for port in "${REST_PORTS[@]}"; do
    curl -fsS --max-time 1 "http://127.0.0.1:$port/cluster" 2>/dev/null && return 0
  done
  return 1
}

# Prints "leader-name sync-standby-count" or nothing.
leader_and_sync() {
  cluster_json | "$PYTHON" -c '
import json, sys
members = json.load(sys.stdin).get("members", [])
leader = [m["name"] for m in members if m.get("role") == "leader" and m.get("state") == "running"]
sync = [m for m in members if m.get("role") == "sync_standby" and m.get("state") in ("running", "streaming")]
print(leader[0] if leader else "-", len(sync))' 2>/dev/null
}

wait_for() { # description, timeout seconds, command...
  local description=$1 timeout=$2 started=$SECONDS
  shift 2
  until "$@"; do
    ((SECONDS - started < timeout)) || fail "timed out after ${timeout}s waiting for $description (logs in $DIR)"
    sleep 0.5
  done
}

etcd_healthy() { curl -fsS --max-time 1 "http://127.0.0.1:$ETCD_CLIENT_PORT/health" 2>/dev/null | grep -q true; }
has_leader() { local state; state=$(leader_and_sync) && [[ ${state%% *} != - ]]; }
node_is_leader() { local state; state=$(leader_and_sync) && [[ ${state%% *} == "$1" ]]; }
has_leader_and_sync() { local state; state=$(leader_and_sync) && [[ ${state%% *} != - && ${state##* } -ge 1 ]]; }

start_etcd() {
  alive "$DIR/etcd/etcd.pid" && return 0
  mkdir -p "$DIR/etcd"
  chown -R "$RUN_AS:$RUN_AS" "$DIR/etcd"
  spawn "$DIR/etcd/etcd.pid" "$DIR/etcd/etcd.log" etcd --name jc-etcd --data-dir "$DIR/etcd/data" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "jc-etcd=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new
  wait_for "etcd" 30 etcd_healthy
}

start_node() {
  local index=$1 node_dir=$DIR/${NODES[$1]}
  alive "$node_dir/patroni.pid" && return 0
  write_node_config "$index"
  chown -R "$RUN_AS:$RUN_AS" "$node_dir"
  chmod 700 "$node_dir"
  # tini -s: Patroni's postmaster is an orphan (Patroni double-forks it), so its exit is reaped by the nearest
  # subreaper. In production that is systemd, which reaps at once; without tini it would be this machine's PID 1,
  # which reaps about every two seconds, and Patroni sees a killed postmaster as a running (zombie) process until
  # then: the crash would be noticed two loops late. The pid file holds tini's pid, which leads the process group.
  spawn "$node_dir/patroni.pid" "$node_dir/patroni.log" tini -s -- patroni "$node_dir/patroni.yml"
}

# pgBackRest: an encrypted repository under the state directory, standing for site B's backup storage.
backup_config() { printf '%s/site-b/pgbackrest.conf' "$DIR"; }
# --pg1-path=$PWD: PostgreSQL runs the command in its data directory, and pgBackRest refuses to archive from a data
# directory other than pg1-path — which is node1's in the shared configuration. Without it, every node but node1
# failed to archive after becoming primary (found by the failover test's archiving check), so WAL archiving and
# with it point-in-time recovery stopped at the first failover.
archive_command() { printf 'pgbackrest --config=%s --stanza=%s --pg1-path=$PWD archive-push %%p' "$(backup_config)" "$SCOPE"; }
archive_json() { printf '"archive_mode":"on","archive_timeout":60,"archive_command":"%s"' "$(archive_command)"; }

write_backup_config() {
  mkdir -p "$DIR/site-b/repository" "$DIR/site-b/log" "$DIR/site-b/lock" "$DIR/site-b/spool"
  (umask 077 && cat >"$(backup_config)") <<EOF
[global]
repo1-path=$DIR/site-b/repository
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$(cat "$DIR/secrets/backup.password")
repo1-retention-full=2
log-path=$DIR/site-b/log
lock-path=$DIR/site-b/lock
spool-path=$DIR/site-b/spool
log-level-console=warn
log-level-file=info
start-fast=y
archive-timeout=60

[$SCOPE]
pg1-path=$DIR/node1/data
pg1-port=${PG_PORTS[0]}
pg1-socket-path=$DIR/node1
pg2-path=$DIR/node2/data
pg2-port=${PG_PORTS[1]}
pg2-socket-path=$DIR/node2
pg3-path=$DIR/node3/data
pg3-port=${PG_PORTS[2]}
pg3-socket-path=$DIR/node3
EOF
  chown -R "$RUN_AS:$RUN_AS" "$DIR/site-b"
  chmod 700 "$DIR/site-b"
}

timings_json() {
  local strict=${JC_CLUSTER_STRICT:-true}
  case ${JC_CLUSTER_TIMINGS:-tuned} in
  tuned) printf '{"ttl":7,"loop_wait":1,"retry_timeout":3,"primary_start_timeout":0,"synchronous_mode":true,"synchronous_mode_strict":%s,"synchronous_node_count":1,"postgresql":{"use_slots":false,"parameters":{"wal_retrieve_retry_interval":"500ms","wal_keep_size":"1GB",%s}}}' "$strict" "$(archive_json)" ;;
  slots) printf '{"ttl":7,"loop_wait":1,"retry_timeout":3,"primary_start_timeout":0,"synchronous_mode":true,"synchronous_mode_strict":%s,"synchronous_node_count":1,"postgresql":{"use_slots":true,"parameters":{"wal_retrieve_retry_interval":"500ms","wal_keep_size":"128MB",%s}}}' "$strict" "$(archive_json)" ;;
  previous) printf '{"ttl":10,"loop_wait":2,"retry_timeout":4,"primary_start_timeout":0,"synchronous_mode":true,"synchronous_mode_strict":%s,"synchronous_node_count":1,"postgresql":{"use_slots":true,"parameters":{"wal_retrieve_retry_interval":"1s","wal_keep_size":"128MB",%s}}}' "$strict" "$(archive_json)" ;;
  default) printf '{"ttl":30,"loop_wait":10,"retry_timeout":10,"primary_start_timeout":300,"synchronous_mode":true,"synchronous_mode_strict":%s,"synchronous_node_count":1,"postgresql":{"use_slots":true,"parameters":{"wal_retrieve_retry_interval":null,"wal_keep_size":"128MB",%s}}}' "$strict" "$(archive_json)" ;;
  *) fail "JC_CLUSTER_TIMINGS must be tuned, slots, previous or default" ;;
  esac
}

superuser_psql() { # port, sql
  PGPASSWORD=$(cat "$DIR/secrets/superuser.password") psql -X -q -t -A -v ON_ERROR_STOP=1 \
    "host=127.0.0.1 port=$1 user=postgres dbname=postgres connect_timeout=3" -c "$2"
}

create_application_database() {
  local leader=$1 index port password
  for index in 0 1 2; do [[ ${NODES[$index]} == "$leader" ]] && port=${PG_PORTS[$index]}; done
  password=$(cat "$DIR/secrets/application.password")
  superuser_psql "$port" "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
        CREATE ROLE $APP_USER LOGIN PASSWORD '$password';
      END IF;
      -- The service's pool works as jc_app under row-level security (SET ROLE); the schema owner needs membership
      -- and cannot create the role itself (no CREATEROLE), so the cluster creates it here.
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jc_app') THEN
        CREATE ROLE jc_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
      IF NOT pg_has_role('$APP_USER', 'jc_app', 'MEMBER') THEN
        GRANT jc_app TO $APP_USER;
      END IF; END \$\$;" >/dev/null
  if [[ -z $(superuser_psql "$port" "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'") ]]; then
    superuser_psql "$port" "CREATE DATABASE $DATABASE OWNER $APP_USER" >/dev/null
  fi
}

jdbc_url() {
  printf 'jdbc:postgresql://127.0.0.1:%s,127.0.0.1:%s,127.0.0.1:%s/%s?targetServerType=primary\n' \
    "${PG_PORTS[0]}" "${PG_PORTS[1]}" "${PG_PORTS[2]}" "$DATABASE"
}

command_up() {
  ensure_packages
  load_settings create
  [[ $(id -u) == 0 ]] || fail "run as root (it starts PostgreSQL as the '$RUN_AS' user)"
  as_postgres test -x "$DIR/.." ||
    fail "$DIR must be reachable by the '$RUN_AS' user; choose another JC_CLUSTER_DIR"
  if ! alive "$DIR/etcd/etcd.pid"; then
    local port
    for port in "${PG_PORTS[@]}" "${REST_PORTS[@]}" "$ETCD_CLIENT_PORT" "$ETCD_PEER_PORT"; do
      port_free "$port" || fail "port $port is in use; set JC_CLUSTER_PORT_BASE to a free range"
    done
  fi
  say "cluster: starting etcd and three PostgreSQL nodes in $DIR ..."
  write_settings
  write_secrets
  chown "$RUN_AS:$RUN_AS" "$DIR"
  write_backup_config
  start_etcd
  # node1 (site A) starts first so that a fresh cluster is bootstrapped there.
  start_node 0
  if [[ ! -f $DIR/node1/data/PG_VERSION ]]; then
    wait_for "node1 to bootstrap" 120 node_is_leader node1
  fi
  start_node 1
  start_node 2
  wait_for "a leader" 120 has_leader
  local leader
  leader=$(leader_and_sync | cut -d' ' -f1)
  local index
  for index in 0 1 2; do
    if [[ ${NODES[$index]} == "$leader" ]]; then
      curl -fsS --max-time 5 -X PATCH -H 'Content-Type: application/json' -d "$(timings_json)" \
        "http://127.0.0.1:${REST_PORTS[$index]}/config" >/dev/null
    fi
  done
  wait_for "a leader and a synchronous standby" 180 has_leader_and_sync
  # archive_mode needs a restart on a cluster created before archiving was configured.
  as_postgres patronictl -c "$DIR/node1/patroni.yml" restart "$SCOPE" --pending --force >/dev/null 2>&1 || true
  wait_for "a leader and a synchronous standby" 180 has_leader_and_sync
  create_application_database "$(leader_and_sync | cut -d' ' -f1)"
  as_postgres pgbackrest --config="$(backup_config)" --stanza="$SCOPE" stanza-create >/dev/null ||
    fail "pgBackRest stanza-create failed (logs in $DIR/site-b/log)"
  command_status
  jdbc_url
}

command_status() {
  load_settings
  local json
  if ! json=$(cluster_json); then
    say "cluster: not running (state directory $DIR)"
    return 1
  fi
  "$PYTHON" - "$json" <<'PY'
import json, sys
cluster = json.loads(sys.argv[1])
row = "{:8} {:4} {:16} {:13} {:10} {:>3} {:>12}  {}"
print(row.format("member", "site", "address", "role", "state", "tl", "lag", "sync"))
for member in sorted(cluster.get("members", []), key=lambda m: m["name"]):
    role = member.get("role", "?")
    lag = member.get("lag", "")
    print(row.format(member["name"], member.get("tags", {}).get("site", "?"),
                     "%s:%s" % (member["host"], member["port"]), role, member.get("state", "?"),
                     str(member.get("timeline", "")), "%s B" % lag if isinstance(lag, int) else str(lag),
                     {"leader": "primary", "sync_standby": "sync"}.get(role, "async")))
PY
}

stop_pid_file() { # pid file, seconds to wait after TERM
  local pid_file=$1 timeout=$2 pid waited=0
  [[ -s $pid_file ]] || return 0
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && ((waited < timeout * 10)); do sleep 0.1; waited=$((waited + 1)); done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

command_down() {
  load_settings
  local name
  # Patroni stops its PostgreSQL on SIGTERM; stop all three together so that none of them fails over.
  for name in "${NODES[@]}"; do
    [[ -s $DIR/$name/patroni.pid ]] && kill -TERM "$(cat "$DIR/$name/patroni.pid")" 2>/dev/null || true
  done
  for name in "${NODES[@]}"; do stop_pid_file "$DIR/$name/patroni.pid" 40; done
  # A postmaster whose Patroni was killed survives it: stop it through its own pid file.
  for name in "${NODES[@]}"; do
    if [[ -s $DIR/$name/data/postmaster.pid ]] && kill -0 "$(head -1 "$DIR/$name/data/postmaster.pid")" 2>/dev/null; then
      as_postgres "$PG_BIN/pg_ctl" -D "$DIR/$name/data" stop -m immediate -w >/dev/null 2>&1 ||
        kill -KILL "$(head -1 "$DIR/$name/data/postmaster.pid")" 2>/dev/null || true
    fi
  done
  stop_pid_file "$DIR/etcd/etcd.pid" 10
  # Last resort: anything still running from this state directory (backends of a killed postmaster, say).
  local pid left=0 uid
  uid=$(id -u "$RUN_AS")
  for pid in $(grep -lsF -- "$DIR/" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    [[ $(awk '/^Uid:/ {print $2}' "/proc/$pid/status" 2>/dev/null) == "$uid" ]] || continue
    kill -KILL "$pid" 2>/dev/null && left=$((left + 1))
  done
  ((left == 0)) || say "cluster: killed $left leftover process(es)"
  say "cluster: stopped ($DIR)"
}

command_start_node() {
  load_settings
  local index
  for index in 0 1 2; do
    if [[ ${NODES[$index]} == "${1:-}" ]]; then
      start_node "$index"
      return 0
    fi
  done
  fail "unknown node '${1:-}' (node1, node2, node3)"
}

case ${1:-} in
up) command_up ;;
down) command_down ;;
status) command_status ;;
url) load_settings && jdbc_url ;;
start-node) command_start_node "${2:-}" ;;
*)
  say "usage: cluster.sh up|down|status|url|start-node nodeN" >&2
  exit 2
  ;;
esac
