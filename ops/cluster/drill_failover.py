"""Failover drill (切替訓練) against the local Patroni cluster started by cluster.sh.

A client writes numbered rows through libpq's multi-host connection string and records an id only after COMMIT has
returned. Then the primary is killed: `crash` kills its postmaster (Patroni survives and hands over), `node` kills its
Patroni and its postmaster (the whole machine is gone; the leader key must expire). The client keeps writing; at the
end every acknowledged id is looked up on the new primary. Meanwhile a sampler reads, every 200 ms, what the primary
waits for at COMMIT (`synchronous_standby_names`), to measure how long the cluster acknowledged commits with a single
copy.

The last line printed is always `failover: recovery S.S s, acknowledged N, lost L, single-copy S.S s`.
Exit status: 0 no loss, 1 loss, 2 the drill could not run or the service did not come back in time.
"""
import argparse
import collections
import datetime
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import psycopg2

SAMPLE_INTERVAL_SECONDS = 0.2


class DrillFailed(Exception):
    pass


class Cluster:
    """The state directory written by cluster.sh: ports, node directories, passwords."""

    def __init__(self, directory):
        self.directory = directory
        with open(os.path.join(directory, "cluster.json"), encoding="utf-8") as file:
            self.settings = json.load(file)
        self.nodes = self.settings["nodes"]
        self.postgres_ports = self.settings["postgresPorts"]
        self.rest_ports = self.settings["restPorts"]

    def secret(self, key):
        with open(os.path.join(self.directory, self.settings[key]), encoding="utf-8") as file:
            return file.read().strip()

    def connection_string(self, user, password):
        hosts = ",".join("127.0.0.1" for _ in self.postgres_ports)
        ports = ",".join(str(port) for port in self.postgres_ports)
        return (f"host={hosts} port={ports} dbname={self.settings['database']} user={user} password={password} "
                "target_session_attrs=read-write connect_timeout=2 keepalives=1 keepalives_idle=5 "
                "application_name=jc-failover-drill")

    def members(self):
        """Patroni's /cluster from the first member that answers, or None."""
        for port in self.rest_ports:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/cluster", timeout=0.5) as response:
                    return json.load(response).get("members", [])
            except (OSError, ValueError):
                continue
        return None

    def dynamic_configuration(self):
        for port in self.rest_ports:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=1) as response:
                    return json.load(response)
            except (OSError, ValueError):
                continue
        return {}

    def healthy(self):
        """A running leader, a synchronous standby, and all members running."""
        members = self.members()
        if not members or len(members) < len(self.nodes):
            return False
        roles = collections.Counter(member.get("role") for member in members)
        running = all(member.get("state") in ("running", "streaming") for member in members)
        return running and roles["leader"] == 1 and roles["sync_standby"] >= 1

    def leader(self):
        for member in self.members() or []:
            if member.get("role") == "leader" and member.get("state") == "running":
                return member["name"]
        return None

    def pid_from(self, *path):
        with open(os.path.join(self.directory, *path), encoding="ascii") as file:
            return int(file.readline().strip())


class Load(threading.Thread):
    """Writes numbered rows one transaction at a time; an id counts only once COMMIT has returned."""

    def __init__(self, connection_string, drill_id, acknowledged_file, pause_seconds, maximum_rows):
        super().__init__(daemon=True)
        self.connection_string = connection_string
        self.drill_id = drill_id
        self.acknowledged_file = acknowledged_file
        self.pause_seconds = pause_seconds
        self.maximum_rows = maximum_rows
        self.stop_requested = threading.Event()
        self.acknowledgements = []  # (id, monotonic time, server incarnation)
        self.errors = collections.Counter()
        self.lock = threading.Lock()

    def run(self):
        connection = None
        with open(self.acknowledged_file, "a", encoding="ascii") as acknowledged:
            for row_id in range(1, self.maximum_rows + 1):
                if self.stop_requested.is_set():
                    break
                try:
                    if connection is None:
                        connection = psycopg2.connect(self.connection_string)
                    with connection.cursor() as cursor:
                        cursor.execute(
                            "INSERT INTO failover_drill_writes (drill_id, id) VALUES (%s, %s) "
                            "RETURNING inet_server_port(), pg_postmaster_start_time()", (self.drill_id, row_id))
                        port, started = cursor.fetchone()
                    connection.commit()
                    committed_at = time.monotonic()
                    # A COMMIT whose wait for the synchronous standby was cancelled returns success with a WARNING:
                    # the row may exist on one node only, so it is not an acknowledgement.
                    cancelled = [notice for notice in connection.notices if "synchronous replication" in notice]
                    del connection.notices[:]
                    if cancelled:
                        self.record_error("WARNING " + cancelled[0].strip().splitlines()[0])
                        continue
                    acknowledged.write(f"{row_id}\n")
                    acknowledged.flush()
                    with self.lock:
                        self.acknowledgements.append((row_id, committed_at, (port, started)))
                except psycopg2.Error as error:
                    self.record_error(f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else '(no message)'}")
                    if connection is not None:
                        try:
                            connection.close()
                        except psycopg2.Error:
                            pass
                    connection = None
                    time.sleep(0.1)
                time.sleep(self.pause_seconds)
        if connection is not None:
            connection.close()

    def record_error(self, text):
        with self.lock:
            self.errors[text] += 1

    def snapshot(self):
        with self.lock:
            return list(self.acknowledgements)


class SynchronousCopySampler(threading.Thread):
    """Every 200 ms: does the writable primary wait for a standby at COMMIT, and is one attached synchronously?"""

    def __init__(self, connection_string):
        super().__init__(daemon=True)
        self.connection_string = connection_string
        self.stop_requested = threading.Event()
        self.single_copy_seconds = 0.0  # primary writable and synchronous_standby_names empty
        self.no_synchronous_standby_seconds = 0.0  # primary writable, no standby in sync state (commits wait)
        self.samples = 0

    def run(self):
        connection = None
        previous = time.monotonic()
        while not self.stop_requested.wait(SAMPLE_INTERVAL_SECONDS):
            names, synchronous = None, 0
            try:
                if connection is None:
                    connection = psycopg2.connect(self.connection_string.replace("connect_timeout=2", "connect_timeout=1"))
                    connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute("SELECT current_setting('synchronous_standby_names'), "
                                   "(SELECT count(*) FROM pg_stat_replication WHERE sync_state IN ('sync', 'quorum')), "
                                   "pg_is_in_recovery()")
                    names, synchronous, in_recovery = cursor.fetchone()
                    if in_recovery:
                        names = None
            except psycopg2.Error:
                if connection is not None:
                    try:
                        connection.close()
                    except psycopg2.Error:
                        pass
                connection = None
            now = time.monotonic()
            elapsed = min(now - previous, 1.0)
            previous = now
            self.samples += 1
            if names is not None:
                if names.strip() == "":
                    self.single_copy_seconds += elapsed
                if synchronous == 0:
                    self.no_synchronous_standby_seconds += elapsed
        if connection is not None:
            connection.close()


def wait_until(condition, timeout_seconds, interval=0.2):
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def kill_primary(cluster, scenario):
    leader = cluster.leader()
    if leader is None:
        raise DrillFailed("no leader to kill")
    postmaster = cluster.pid_from(leader, "data", "postmaster.pid")
    killed = {"postmaster": postmaster}
    if scenario == "node":
        patroni = cluster.pid_from(leader, "patroni.pid")
        os.kill(patroni, signal.SIGKILL)
        killed["patroni"] = patroni
    os.kill(postmaster, signal.SIGKILL)
    return leader, killed


def summarise_errors(errors):
    return "; ".join(f"{text} ×{count}" for text, count in errors.most_common(5)) or "none"


def run_drill(arguments):
    cluster_directory = os.path.abspath(os.environ.get("JC_CLUSTER_DIR", "./data/cluster"))
    drills_directory = os.path.abspath(os.environ.get("JC_DRILLS_DIR", os.path.join(os.path.dirname(cluster_directory), "drills")))
    os.makedirs(drills_directory, exist_ok=True)
    cluster = Cluster(cluster_directory)
    application = cluster.connection_string(cluster.settings["applicationUser"], cluster.secret("applicationPasswordFile"))
    superuser = cluster.connection_string("postgres", cluster.secret("superuserPasswordFile"))

    if not wait_until(cluster.healthy, 90):
        raise DrillFailed("the cluster has no leader with a synchronous standby and three running members (cluster.sh status)")
    configuration = cluster.dynamic_configuration()
    with psycopg2.connect(application) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS failover_drill_writes (drill_id text NOT NULL, id integer NOT NULL, "
                       "written_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (drill_id, id))")
    connection.close()

    started_at = datetime.datetime.now(datetime.timezone.utc)
    drill_id = started_at.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + arguments.scenario
    acknowledged_file = os.path.join(drills_directory, "acknowledged", drill_id + ".ids")
    os.makedirs(os.path.dirname(acknowledged_file), exist_ok=True)
    load = Load(application, drill_id, acknowledged_file, arguments.pause, arguments.maximum_rows)
    sampler = SynchronousCopySampler(superuser)
    sampler.start()
    load.start()
    try:
        if not wait_until(lambda: len(load.snapshot()) >= 10, 30):
            raise DrillFailed("the load could not write before the failure: " + summarise_errors(load.errors))
        time.sleep(arguments.load_before)
        before = load.snapshot()
        old_incarnation = before[-1][2]
        old_primary, killed = kill_primary(cluster, arguments.scenario)
        killed_at = time.monotonic()
        print(f"drill: scenario {arguments.scenario}, killed {old_primary} "
              + ", ".join(f"{process} pid {pid}" for process, pid in killed.items()), flush=True)

        def served_by_new_incarnation():
            return any(at > killed_at and incarnation != old_incarnation for _, at, incarnation in load.snapshot())

        recovered = wait_until(served_by_new_incarnation, arguments.timeout, 0.05)
        if recovered:
            time.sleep(arguments.load_after)
    finally:
        load.stop_requested.set()
        load.join(15)
        sampler.stop_requested.set()
        sampler.join(5)

    acknowledgements = load.snapshot()
    acknowledged_ids = {row_id for row_id, _, _ in acknowledgements}
    last_before = max((at for _, at, incarnation in acknowledgements if incarnation == old_incarnation and at <= killed_at),
                      default=killed_at)
    first_after = min((at for _, at, incarnation in acknowledgements if at > killed_at and incarnation != old_incarnation),
                      default=None)
    recovery = (first_after - last_before) if first_after is not None else None

    if arguments.scenario == "node":
        subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster.sh"), "start-node", old_primary],
                       check=True, env={**os.environ, "JC_CLUSTER_DIR": cluster_directory})
    healed = wait_until(cluster.healthy, arguments.timeout + 30)
    healed_after = time.monotonic() - killed_at
    new_primary = cluster.leader()

    present = set()
    if wait_until(lambda: cluster.leader() is not None, 30):
        with psycopg2.connect(application) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT id FROM failover_drill_writes WHERE drill_id = %s", (drill_id,))
            present = {row[0] for row in cursor.fetchall()}
        connection.close()
    lost = sorted(acknowledged_ids - present)
    in_doubt = len(present - acknowledged_ids)  # committed although the client saw an error: allowed, reported

    result = {
        "at": started_at.isoformat(timespec="seconds"),
        "drillId": drill_id,
        "scenario": arguments.scenario,
        "timings": {key: configuration.get(key) for key in ("ttl", "loop_wait", "retry_timeout", "primary_start_timeout")},
        "synchronousModeStrict": configuration.get("synchronous_mode_strict"),
        "oldPrimary": old_primary,
        "newPrimary": new_primary,
        "recoverySeconds": round(recovery, 2) if recovery is not None else None,
        "acknowledged": len(acknowledged_ids),
        "lost": len(lost),
        "lostIds": lost[:20],
        "inDoubt": in_doubt,
        "clientErrors": sum(load.errors.values()),
        "clientErrorKinds": dict(load.errors.most_common(5)),
        "singleCopySeconds": round(sampler.single_copy_seconds, 2),
        "noSynchronousStandbySeconds": round(sampler.no_synchronous_standby_seconds, 2),
        "samples": sampler.samples,
        "clusterHealthyAfterSeconds": round(healed_after, 1) if healed else None,
    }
    with open(os.path.join(drills_directory, "failover.jsonl"), "a", encoding="utf-8") as journal:
        journal.write(json.dumps(result, ensure_ascii=False) + "\n")

    print(f"drill: id {drill_id}; new primary {new_primary}; client errors {result['clientErrors']} ({summarise_errors(load.errors)})")
    print(f"drill: in doubt (committed, not acknowledged) {in_doubt}; commits waiting for a standby "
          f"{result['noSynchronousStandbySeconds']:.1f} s; cluster healthy again "
          + (f"after {healed_after:.1f} s" if healed else "NOT within the time limit"))
    if lost:
        print(f"drill: LOST acknowledged ids {lost[:20]}{' ...' if len(lost) > 20 else ''}")
    if recovery is None:
        print(f"failover: no recovery within {arguments.timeout:.1f} s, acknowledged {len(acknowledged_ids)}, "
              f"lost {len(lost)}, single-copy {sampler.single_copy_seconds:.1f} s")
        return 2
    print(f"failover: recovery {recovery:.1f} s, acknowledged {len(acknowledged_ids)}, lost {len(lost)}, "
          f"single-copy {sampler.single_copy_seconds:.1f} s")
    if lost:
        return 1
    return 0 if healed else 2


def verify_only(drill_id):
    """Checks the acknowledged ids of an earlier drill against the current primary (the test's check of the check)."""
    cluster_directory = os.path.abspath(os.environ.get("JC_CLUSTER_DIR", "./data/cluster"))
    drills_directory = os.path.abspath(os.environ.get("JC_DRILLS_DIR", os.path.join(os.path.dirname(cluster_directory), "drills")))
    cluster = Cluster(cluster_directory)
    with open(os.path.join(drills_directory, "acknowledged", drill_id + ".ids"), encoding="ascii") as file:
        acknowledged_ids = {int(line) for line in file if line.strip()}
    with psycopg2.connect(cluster.connection_string(cluster.settings["applicationUser"],
                                                    cluster.secret("applicationPasswordFile"))) as connection, \
            connection.cursor() as cursor:
        cursor.execute("SELECT id FROM failover_drill_writes WHERE drill_id = %s", (drill_id,))
        present = {row[0] for row in cursor.fetchall()}
    connection.close()
    lost = sorted(acknowledged_ids - present)
    print(f"verify: drill {drill_id}, acknowledged {len(acknowledged_ids)}, lost {len(lost)}")
    return 1 if lost else 0


def main():
    parser = argparse.ArgumentParser(description="Kill the primary under a write load and check that nothing acknowledged is lost.")
    parser.add_argument("--scenario", choices=("crash", "node"), default="crash",
                        help="crash: SIGKILL the primary's postmaster; node: SIGKILL its Patroni and its postmaster")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the service to come back")
    parser.add_argument("--load-before", type=float, default=3.0, help="seconds of load before the kill")
    parser.add_argument("--load-after", type=float, default=3.0, help="seconds of load after the service is back")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between two transactions")
    parser.add_argument("--maximum-rows", type=int, default=20000, help="upper bound of the load")
    parser.add_argument("--verify", metavar="DRILL_ID", help="only check the acknowledged ids of an earlier drill")
    arguments = parser.parse_args()
    if arguments.verify:
        return verify_only(arguments.verify)
    try:
        return run_drill(arguments)
    except (DrillFailed, OSError, psycopg2.Error, subprocess.CalledProcessError) as error:
        print(f"drill: {error}", file=sys.stderr)
        print("failover: drill failed before a result (see above)")
        return 2


if __name__ == "__main__":
    sys.exit(main())
