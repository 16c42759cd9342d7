"""Failover drill (切替訓練) against the local Patroni cluster started by cluster.sh.

Two application nodes (`jc serve`, app_nodes.py) run against the cluster's PgJDBC multi-host URL
(`targetServerType=primary`). The client signs in once on the first node and proves that the session cookie works on
the second one (sessions live in the database), then issues certificates (住民票の写し) through the two nodes in turn
— a round robin on loopback standing in for the load balancer. An issue counts as acknowledged only when the node
answered 200 with the PDF and its issue number. Then the primary is killed: `crash` kills its postmaster (Patroni
survives and hands over), `node` kills its Patroni and its postmaster (the whole machine is gone; the leader key must
expire). The client keeps issuing; at the end every acknowledged certificate is looked up, row by row, on the new
primary (issue number and verification code), and every certificate of the drill that the client was not told about
(a request that failed after its commit) is reported as "in doubt", with whether its access-log entry exists. Each
request carries a 再送キー (idempotency key) of its own; a failed one is sent again with the same key once the
service answers, so it is confirmed once — the certificate committed before the answer was lost comes back with its
number, or is issued now — and the drill reports how many were retried and confirmed.
Meanwhile a sampler reads, every 200 ms, what the primary waits for at COMMIT (`synchronous_standby_names`), to
measure how long the cluster acknowledged commits with a single copy.

`--mode sql` keeps the earlier client that writes rows straight through libpq (no application in between), to
compare the database's own recovery with the service's.

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
import http.client
import re
import threading
import time
import urllib.parse
import urllib.request
import uuid

import psycopg2

import app_nodes

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

    def before_kill(self, acknowledgement, killed_at):
        return acknowledgement[2] == self.old_incarnation and acknowledgement[1] <= killed_at

    def after_kill(self, acknowledgement, killed_at):
        return acknowledgement[1] > killed_at and acknowledgement[2] != self.old_incarnation

    def mark_kill(self):
        self.old_incarnation = self.snapshot()[-1][2]


class ServiceClient:
    """A clerk's browser reduced to what the drill needs: one session cookie, used on every node."""

    REQUEST_TIMEOUT_SECONDS = 20

    def __init__(self, ports):
        self.ports = ports
        self.cookie = None
        self.csrf = None

    def request(self, port, method, path, form=None, timeout=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout or self.REQUEST_TIMEOUT_SECONDS)
        try:
            headers = {"Accept": "text/html,application/pdf"}
            body = None
            if self.cookie:
                headers["Cookie"] = "SESSION=" + self.cookie
            if form is not None:
                body = urllib.parse.urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("SESSION="):
                    self.cookie = value.split(";", 1)[0][len("SESSION="):]
            return response, content
        finally:
            connection.close()

    def sign_in(self, username, password):
        """Signs in on the first node (form, CSRF token), keeps the session cookie."""
        response, content = self.request(self.ports[0], "GET", "/login")
        token = app_nodes.csrf_token(content.decode("utf-8", "replace"))
        response, _ = self.request(self.ports[0], "POST", "/login",
                                   {"username": username, "password": password, "_csrf": token})
        location = response.getheader("Location") or ""
        if response.status != 302 or "error" in location or "login" in location:
            raise DrillFailed(f"signing in on node 1 failed (HTTP {response.status}, Location {location!r})")

    def prove_shared_session(self, path):
        """The cookie from node 1 must open a signed-in page on every other node: sessions live in the database."""
        for port in self.ports[1:]:
            response, content = self.request(port, "GET", path)
            if response.status != 200:
                raise DrillFailed(f"the session cookie from node 1 was not accepted on the node at port {port} "
                                  f"(HTTP {response.status}, Location {response.getheader('Location')!r})")
            self.csrf = app_nodes.csrf_token(content.decode("utf-8", "replace"))


def page_title(content):
    match = re.search(r"<title>([^<|]*)", content.decode("utf-8", "replace"))
    return match.group(1).strip() if match else content[:80].decode("utf-8", "replace").strip()


class HttpLoad(threading.Thread):
    """Issues certificates through the nodes in turn; an issue counts only once its PDF and issue number came back.

    Every certificate request carries a 再送キー of its own (the counter form's hidden `idempotencyKey`). A request
    that fails — the answer lost with the connection during the failover, perhaps after its commit — is sent again
    with the same key once the service answers again: the node then returns the certificate already issued under
    that key (same issue number, `X-Certificate-Repeated: true`) or issues it now, never a second number. So a
    certificate "in doubt" becomes confirmed once.
    """

    RETRY_SECONDS = 20

    def __init__(self, client, atena_number, acknowledged_file, pause_seconds, maximum_rows):
        super().__init__(daemon=True)
        self.client = client
        self.path = f"/residents/{atena_number}/certificate"
        self.acknowledged_file = acknowledged_file
        self.pause_seconds = pause_seconds
        self.maximum_rows = maximum_rows
        self.stop_requested = threading.Event()
        self.acknowledgements = []  # (issue number, monotonic time answered, monotonic time sent, node, verification code)
        self.failed_requests = []  # (monotonic time sent, node, what the client saw)
        self.errors = collections.Counter()
        self.per_node = collections.Counter()
        self.lock = threading.Lock()
        self.pending = collections.OrderedDict()  # key of a failed request -> monotonic time it was first sent
        self.retried = 0  # requests sent again with their key
        self.confirmed = 0  # failed requests whose certificate a retry confirmed (issued once)
        self.confirmed_repeats = 0  # of them, answered as a repeat: the failed request had committed

    def attempt(self, acknowledged, key, node):
        """One request under `key` on `node`; True when it was acknowledged (PDF, issue number, code)."""
        port = self.client.ports[node]
        sent_at = time.monotonic()
        try:
            response, content = self.client.request(port, "POST", self.path,
                                                    {"form": "COPY", "_csrf": self.client.csrf, "idempotencyKey": key})
            answered_at = time.monotonic()
            number = response.getheader("X-Issue-Number")
            code = response.getheader("X-Verification-Code")
            if response.status == 200 and number and code and content.startswith(b"%PDF"):
                issue_number = urllib.parse.unquote_plus(number)
                code = code.replace("-", "")
                acknowledged.write(f"{issue_number}\t{code}\n")
                acknowledged.flush()
                with self.lock:
                    self.acknowledgements.append((issue_number, answered_at, sent_at, node, code))
                    self.per_node[node] += 1
                    if key in self.pending:
                        del self.pending[key]
                        self.confirmed += 1
                        if response.getheader("X-Certificate-Repeated") == "true":
                            self.confirmed_repeats += 1
                return True
            location = response.getheader("Location")
            seen = f"HTTP {response.status} " + (f"→ {location}" if location else f"「{page_title(content)}」")
            self.record_failure(sent_at, node, seen)
        except (OSError, http.client.HTTPException) as error:
            self.record_failure(sent_at, node, f"{type(error).__name__}: {error}")
            time.sleep(0.1)
        with self.lock:
            self.pending.setdefault(key, sent_at)
        return False

    def retry_pending(self, acknowledged, node):
        """Sends every failed request again with its key; stops at the first that still fails."""
        with self.lock:
            keys = list(self.pending)
        for key in keys:
            with self.lock:
                self.retried += 1
            if not self.attempt(acknowledged, key, node):
                return False
        return True

    def run(self):
        with open(self.acknowledged_file, "a", encoding="utf-8") as acknowledged:
            answering = True
            for request_number in range(self.maximum_rows):
                if self.stop_requested.is_set():
                    break
                node = request_number % len(self.client.ports)
                if answering and self.pending:
                    # The service answers again: first the requests whose answer was lost.
                    self.retry_pending(acknowledged, node)
                answering = self.attempt(acknowledged, str(uuid.uuid4()), node)
                time.sleep(self.pause_seconds)
            deadline = time.monotonic() + self.RETRY_SECONDS
            node = 0
            while self.pending and time.monotonic() < deadline:
                if not self.retry_pending(acknowledged, node):
                    time.sleep(0.5)
                node = (node + 1) % len(self.client.ports)

    def unconfirmed(self):
        with self.lock:
            return len(self.pending)

    def record_failure(self, sent_at, node, seen):
        with self.lock:
            self.failed_requests.append((sent_at, node, seen))
            self.errors[f"app{node + 1}: {seen}"] += 1

    def snapshot(self):
        with self.lock:
            return list(self.acknowledgements)

    def mark_kill(self):
        pass

    @staticmethod
    def before_kill(acknowledgement, killed_at):
        return acknowledgement[1] <= killed_at

    @staticmethod
    def after_kill(acknowledgement, killed_at):
        # Sent after the kill: it cannot have been served by the dead primary.
        return acknowledgement[2] > killed_at


class SynchronousCopySampler(threading.Thread):
    """Every 200 ms: does the writable primary wait for a standby at COMMIT, and is one attached synchronously?"""

    def __init__(self, connection_string):
        super().__init__(daemon=True)
        self.connection_string = connection_string
        self.stop_requested = threading.Event()
        self.single_copy_seconds = 0.0  # primary writable and synchronous_standby_names empty
        self.no_synchronous_standby_seconds = 0.0  # primary writable, no standby in sync state (commits wait)
        self.samples = 0
        self.writable = []  # (monotonic time, port) of each sample answered by a writable primary

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
                                   "pg_is_in_recovery(), inet_server_port()")
                    names, synchronous, in_recovery, port = cursor.fetchone()
                    if in_recovery:
                        names = None
                    else:
                        self.writable.append((time.monotonic(), port))
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


def kill_session(session_id):
    """SIGKILL to every process of a session (tini runs Patroni in a process group of its own)."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getsid(int(entry)) == session_id:
                    os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def kill_primary(cluster, scenario):
    leader = cluster.leader()
    if leader is None:
        raise DrillFailed("no leader to kill")
    postmaster = cluster.pid_from(leader, "data", "postmaster.pid")
    killed = {"postmaster": postmaster}
    if scenario == "node":
        # the pid file holds the leader of Patroni's session (tini, its reaper): every process of it goes
        patroni = cluster.pid_from(leader, "patroni.pid")
        kill_session(patroni)
        killed["patroni"] = patroni
    os.kill(postmaster, signal.SIGKILL)
    return leader, killed


def summarise_errors(errors):
    return "; ".join(f"{text} ×{count}" for text, count in errors.most_common(5)) or "none"


def drill_directories():
    cluster_directory = os.path.abspath(os.environ.get("JC_CLUSTER_DIR", "./data/cluster"))
    drills_directory = os.path.abspath(os.environ.get("JC_DRILLS_DIR", os.path.join(os.path.dirname(cluster_directory), "drills")))
    return cluster_directory, drills_directory


class SqlMode:
    """Rows written straight through libpq: the database's own recovery, without the service."""

    def __init__(self, cluster, drill_id, acknowledged_file, arguments):
        self.cluster = cluster
        self.application = cluster.connection_string(cluster.settings["applicationUser"],
                                                     cluster.secret("applicationPasswordFile"))
        self.drill_id = drill_id
        with psycopg2.connect(self.application) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS failover_drill_writes (drill_id text NOT NULL, id integer NOT NULL, "
                           "written_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (drill_id, id))")
        connection.close()
        self.load = Load(self.application, drill_id, acknowledged_file, arguments.pause, arguments.maximum_rows)

    def describe(self):
        return "SQL client (libpq multi-host)"

    def check(self):
        with psycopg2.connect(self.application) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT id FROM failover_drill_writes WHERE drill_id = %s", (self.drill_id,))
            present = {row[0] for row in cursor.fetchall()}
        connection.close()
        acknowledged = {row_id for row_id, _, _ in self.load.snapshot()}
        self.in_doubt_audited = None
        return sorted(acknowledged - present), len(present - acknowledged), ""

    def stop(self):
        pass


class ServiceMode:
    """Certificates issued through two application nodes (started here, or found running from app-nodes.sh)."""

    def __init__(self, cluster, drills_directory, acknowledged_file, arguments):
        self.cluster = cluster
        self.drills_directory = drills_directory
        self.superuser = cluster.connection_string("postgres", cluster.secret("superuserPasswordFile"))
        self.state = app_nodes.running(drills_directory)
        self.started_here = self.state is None
        if self.started_here:
            print("drill: starting two application nodes (app_nodes.py) ...", flush=True)
            self.state = app_nodes.start(cluster.directory, drills_directory,
                                         log=lambda text: print("drill: " + text, flush=True))
        tenant, username, password = app_nodes.clerk(self.state)
        self.tenant, self.username = tenant, username
        with psycopg2.connect(self.superuser) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT atena_number FROM resident_current WHERE tenant_id = %s AND status = 'RESIDENT' "
                           "ORDER BY atena_number LIMIT 1", (tenant,))
            row = cursor.fetchone()
            cursor.execute("SELECT clock_timestamp()")
            self.since = cursor.fetchone()[0]
        connection.close()
        if row is None:
            raise DrillFailed(f"town {tenant} has no resident to issue certificates for")
        ports = [node["port"] for node in self.state["nodes"]]
        self.client = ServiceClient(ports)
        self.client.sign_in(username, password)
        path = f"/residents/{row[0]}/certificate"
        self.client.prove_shared_session(path)
        print(f"drill: signed in as {username} on app1 (port {ports[0]}); the same session cookie opened {path} "
              f"on app2 (port {ports[1]})", flush=True)
        self.load = HttpLoad(self.client, row[0], acknowledged_file, arguments.pause, arguments.maximum_rows)

    def describe(self):
        return "two application nodes, round robin: " + ", ".join(
            f"{node['name']} :{node['port']}" for node in self.state["nodes"])

    def check(self):
        """Every acknowledged certificate, row by row; and the drill's certificates nobody was told about."""
        with psycopg2.connect(self.superuser) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT issue_number, verification_code FROM issued_certificate "
                           "WHERE tenant_id = %s AND issued_by = %s AND issued_at >= %s",
                           (self.tenant, self.username, self.since))
            present = dict(cursor.fetchall())
            acknowledged = {number: code for number, _, _, _, code in self.load.snapshot()}
            lost = sorted(number for number, code in acknowledged.items() if present.get(number) != code)
            in_doubt = sorted(set(present) - set(acknowledged))
            audited = 0
            if in_doubt:
                # certificate.print is appended before the commit; certificate.issue only after it, which a
                # failover right after the commit can prevent.
                cursor.execute("SELECT count(DISTINCT query_text) FROM audit_log WHERE tenant_id = %s "
                               "AND action IN ('certificate.print', 'certificate.issue') AND query_text = ANY(%s)",
                               (self.tenant, in_doubt))
                audited = cursor.fetchone()[0]
        connection.close()
        self.in_doubt_audited = audited
        note = (f"; in-doubt certificates in the access log {audited} of {len(in_doubt)}, failed requests "
                f"{len(self.load.failed_requests)}") if in_doubt else ""
        note += (f"; failed requests retried with their key {self.load.retried} times: confirmed once "
                 f"{self.load.confirmed} (already committed before the answer was lost {self.load.confirmed_repeats}), "
                 f"unconfirmed {self.load.unconfirmed()}")
        return lost, len(in_doubt), note

    def stop(self):
        if self.started_here:
            app_nodes.stop(self.drills_directory)


def run_drill(arguments):
    cluster_directory, drills_directory = drill_directories()
    os.makedirs(drills_directory, exist_ok=True)
    cluster = Cluster(cluster_directory)
    superuser = cluster.connection_string("postgres", cluster.secret("superuserPasswordFile"))

    if not wait_until(cluster.healthy, 90):
        raise DrillFailed("the cluster has no leader with a synchronous standby and three running members (cluster.sh status)")
    configuration = cluster.dynamic_configuration()

    started_at = datetime.datetime.now(datetime.timezone.utc)
    drill_id = started_at.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + arguments.scenario
    acknowledged_file = os.path.join(drills_directory, "acknowledged", drill_id + ".ids")
    os.makedirs(os.path.dirname(acknowledged_file), exist_ok=True)
    mode = None
    try:
        mode = (SqlMode(cluster, drill_id, acknowledged_file, arguments) if arguments.mode == "sql"
                else ServiceMode(cluster, drills_directory, acknowledged_file, arguments))
        return measure(arguments, cluster, configuration, superuser, drills_directory, started_at, drill_id, mode)
    finally:
        if mode is not None:
            mode.stop()


def measure(arguments, cluster, configuration, superuser, drills_directory, started_at, drill_id, mode):
    load = mode.load
    sampler = SynchronousCopySampler(superuser)
    sampler.start()
    load.start()
    try:
        if not wait_until(lambda: len(load.snapshot()) >= 10, 60):
            raise DrillFailed("the load could not write before the failure: " + summarise_errors(load.errors))
        time.sleep(arguments.load_before)
        load.mark_kill()
        old_primary, killed = kill_primary(cluster, arguments.scenario)
        killed_at = time.monotonic()
        print(f"drill: scenario {arguments.scenario}, {mode.describe()}, killed {old_primary} "
              + ", ".join(f"{process} pid {pid}" for process, pid in killed.items()), flush=True)

        def served_after_kill():
            return any(load.after_kill(acknowledgement, killed_at) for acknowledgement in load.snapshot())

        recovered = wait_until(served_after_kill, arguments.timeout, 0.05)
        if recovered:
            time.sleep(arguments.load_after)
    finally:
        load.stop_requested.set()
        load.join(getattr(load, "RETRY_SECONDS", 0) + 30)
        sampler.stop_requested.set()
        sampler.join(5)

    acknowledgements = load.snapshot()
    old_port = cluster.postgres_ports[cluster.nodes.index(old_primary)]
    database_back = min((at for at, port in sampler.writable if at > killed_at and port != old_port), default=None)
    last_before = max((a[1] for a in acknowledgements if load.before_kill(a, killed_at)), default=killed_at)
    first_after = min((a[1] for a in acknowledgements if load.after_kill(a, killed_at)), default=None)
    recovery = (first_after - last_before) if first_after is not None else None

    if arguments.scenario == "node":
        subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster.sh"), "start-node", old_primary],
                       check=True, env={**os.environ, "JC_CLUSTER_DIR": cluster.directory})
    healed = wait_until(cluster.healthy, arguments.timeout + 30)
    healed_after = time.monotonic() - killed_at
    new_primary = cluster.leader()

    lost, in_doubt, note = [], 0, ""
    if not wait_until(lambda: cluster.leader() is not None, 30):
        raise DrillFailed("no leader after the drill: the acknowledged writes could not be checked")
    lost, in_doubt, note = mode.check()
    acknowledged_count = len(acknowledgements)

    result = {
        "at": started_at.isoformat(timespec="seconds"),
        "drillId": drill_id,
        "scenario": arguments.scenario,
        "mode": arguments.mode,
        "timings": {key: configuration.get(key) for key in ("ttl", "loop_wait", "retry_timeout", "primary_start_timeout")},
        "synchronousModeStrict": configuration.get("synchronous_mode_strict"),
        "useSlots": (configuration.get("postgresql") or {}).get("use_slots", True),
        "oldPrimary": old_primary,
        "newPrimary": new_primary,
        "recoverySeconds": round(recovery, 2) if recovery is not None else None,
        "acknowledged": acknowledged_count,
        "lost": len(lost),
        "lostIds": lost[:20],
        "inDoubt": in_doubt,
        "inDoubtInAccessLog": mode.in_doubt_audited,
        "clientErrors": sum(load.errors.values()),
        "clientErrorKinds": dict(load.errors.most_common(5)),
        "singleCopySeconds": round(sampler.single_copy_seconds, 2),
        "noSynchronousStandbySeconds": round(sampler.no_synchronous_standby_seconds, 2),
        "samples": sampler.samples,
        "clusterHealthyAfterSeconds": round(healed_after, 1) if healed else None,
        "newPrimaryWritableAfterSeconds": round(database_back - killed_at, 2) if database_back is not None else None,
        "loadAverage": os.getloadavg()[0],
    }
    if arguments.mode == "app":
        result["retried"] = load.retried
        result["confirmedOnce"] = load.confirmed
        result["confirmedAlreadyCommitted"] = load.confirmed_repeats
        result["unconfirmed"] = load.unconfirmed()
        result["acknowledgedPerNode"] = {f"app{node + 1}": count for node, count in sorted(load.per_node.items())}
    with open(os.path.join(drills_directory, "failover.jsonl"), "a", encoding="utf-8") as journal:
        journal.write(json.dumps(result, ensure_ascii=False) + "\n")

    print(f"drill: id {drill_id}; new primary {new_primary}; client errors {result['clientErrors']} ({summarise_errors(load.errors)})")
    if arguments.mode == "app":
        print("drill: acknowledged per node " + ", ".join(f"{name} {count}" for name, count in result["acknowledgedPerNode"].items()))
    if database_back is not None and first_after is not None:
        print(f"drill: new primary writable {database_back - killed_at:.1f} s after the kill, first acknowledged write "
              f"sent after the kill answered at {first_after - killed_at:.1f} s, last one before the kill "
              f"{killed_at - last_before:.1f} s before it")
    print(f"drill: in doubt (committed, not acknowledged) {in_doubt}{note}; commits waiting for a standby "
          f"{result['noSynchronousStandbySeconds']:.1f} s; cluster healthy again "
          + (f"after {healed_after:.1f} s" if healed else "NOT within the time limit"))
    if lost:
        print(f"drill: LOST acknowledged {lost[:20]}{' ...' if len(lost) > 20 else ''}")
    if recovery is None:
        print(f"failover: no recovery within {arguments.timeout:.1f} s, acknowledged {acknowledged_count}, "
              f"lost {len(lost)}, single-copy {sampler.single_copy_seconds:.1f} s")
        return 2
    print(f"failover: recovery {recovery:.1f} s, acknowledged {acknowledged_count}, lost {len(lost)}, "
          f"single-copy {sampler.single_copy_seconds:.1f} s")
    if lost:
        return 1
    return 0 if healed else 2


def verify_only(drill_id):
    """Checks the acknowledged writes of an earlier drill against the current primary (the test's check of the check)."""
    cluster_directory, drills_directory = drill_directories()
    cluster = Cluster(cluster_directory)
    with open(os.path.join(drills_directory, "acknowledged", drill_id + ".ids"), encoding="utf-8") as file:
        lines = [line.rstrip("\n") for line in file if line.strip()]
    if lines and "\t" in lines[0]:
        acknowledged = dict(line.split("\t") for line in lines)  # issue number -> verification code
        with psycopg2.connect(cluster.connection_string("postgres", cluster.secret("superuserPasswordFile"))) as connection, \
                connection.cursor() as cursor:
            cursor.execute("SELECT issue_number, verification_code FROM issued_certificate WHERE issue_number = ANY(%s)",
                           (list(acknowledged),))
            present = dict(cursor.fetchall())
        connection.close()
        lost = sorted(number for number, code in acknowledged.items() if present.get(number) != code)
    else:
        acknowledged = {int(line) for line in lines}
        with psycopg2.connect(cluster.connection_string(cluster.settings["applicationUser"],
                                                        cluster.secret("applicationPasswordFile"))) as connection, \
                connection.cursor() as cursor:
            cursor.execute("SELECT id FROM failover_drill_writes WHERE drill_id = %s", (drill_id,))
            present = {row[0] for row in cursor.fetchall()}
        connection.close()
        lost = sorted(acknowledged - present)
    print(f"verify: drill {drill_id}, acknowledged {len(acknowledged)}, lost {len(lost)}")
    return 1 if lost else 0


def main():
    parser = argparse.ArgumentParser(description="Kill the primary under a write load and check that nothing acknowledged is lost.")
    parser.add_argument("--scenario", choices=("crash", "node"), default="crash",
                        help="crash: SIGKILL the primary's postmaster; node: SIGKILL its Patroni and its postmaster")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the service to come back")
    parser.add_argument("--load-before", type=float, default=3.0, help="seconds of load before the kill")
    parser.add_argument("--load-after", type=float, default=3.0, help="seconds of load after the service is back")
    parser.add_argument("--mode", choices=("app", "sql"), default="app",
                        help="app: certificates through two application nodes (default); sql: rows straight through libpq")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between two requests")
    parser.add_argument("--maximum-rows", type=int, default=20000, help="upper bound of the load")
    parser.add_argument("--verify", metavar="DRILL_ID", help="only check the acknowledged ids of an earlier drill")
    arguments = parser.parse_args()
    if arguments.verify:
        return verify_only(arguments.verify)
    try:
        return run_drill(arguments)
    except (DrillFailed, app_nodes.AppNodesFailed, OSError, psycopg2.Error, subprocess.CalledProcessError) as error:
        print(f"drill: {error}", file=sys.stderr)
        print("failover: drill failed before a result (see above)")
        return 2


if __name__ == "__main__":
    sys.exit(main())
