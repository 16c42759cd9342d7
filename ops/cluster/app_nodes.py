"""Two application nodes (`jc serve`) on loopback against the local Patroni cluster, for the failover drill.

Both nodes run the same jar against the cluster's PgJDBC multi-host URL (`targetServerType=primary`) and keep no
local state: web sessions live in the database (Spring Session JDBC), so a session cookie obtained from one node is
accepted by the other. There is no load balancer: the drill's client sends its requests to the two nodes in turn
(round robin on loopback), which is what a load balancer in front of them would do.

The first node creates the schema (Flyway) and the demo towns with a hundredth of their population; the second one
starts after it, without demo data. The state (ports, pids, data folders) is kept in APPS_FILE under the drills
directory, so that a test can start the nodes once for several drills (app-nodes.sh start|stop).

    python3 app_nodes.py start|stop|status      (JC_CLUSTER_DIR, JC_DRILLS_DIR as for the drill)
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

APPS_FILE = "app-nodes.json"
NODE_NAMES = ("app1", "app2")
READY_TIMEOUT_SECONDS = float(os.environ.get("JC_APP_READY_TIMEOUT", "300"))
REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
JAR = os.path.join(REPOSITORY, "target", "jichitai-cloud.jar")
# Preferred to the packaged jar, which may be stale or, built offline without Spring Boot's repackaging plugin, not
# executable: the compiled classes and the runtime class path written by `mvn dependency:build-classpath`
# (app-nodes.sh prepares both).
CLASSES = os.path.join(REPOSITORY, "target", "classes")
CLASS_PATH_FILE = os.path.join(REPOSITORY, "target", "runtime.classpath")
MAIN_CLASS = "jp.jichitai.cloud.cli.JichitaiCommand"
# Small heaps and the serial collector: two JVMs beside three PostgreSQL nodes on a small machine.
DEFAULT_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

# PgJDBC: the primary among the three nodes; a dead address is given up after 2 s (connectTimeout), a login after 3 s
# (loginTimeout); socketTimeout bounds a statement waiting on a silent server (a node that vanished without a
# reset), above the longest statement the service runs at startup; keep-alives find dead idle sockets.
JDBC_PARAMETERS = ("targetServerType=primary&connectTimeout=2&loginTimeout=3&socketTimeout=30&tcpKeepAlive=true"
                   "&hostRecheckSeconds=1")


class AppNodesFailed(Exception):
    pass


def directories():
    cluster_directory = os.path.abspath(os.environ.get("JC_CLUSTER_DIR", "./data/cluster"))
    drills_directory = os.path.abspath(os.environ.get(
        "JC_DRILLS_DIR", os.path.join(os.path.dirname(cluster_directory), "drills")))
    return cluster_directory, drills_directory


def jdbc_url(cluster_settings, application_name):
    hosts = ",".join(f"127.0.0.1:{port}" for port in cluster_settings["postgresPorts"])
    return f"jdbc:postgresql://{hosts}/{cluster_settings['database']}?{JDBC_PARAMETERS}&ApplicationName={application_name}"


def java_program():
    """The compiled classes with their runtime class path (app-nodes.sh keeps them fresh), else the service's jar."""
    if os.path.isdir(CLASSES) and os.path.exists(CLASS_PATH_FILE):
        with open(CLASS_PATH_FILE, encoding="utf-8") as file:
            return ["-cp", CLASSES + os.pathsep + file.read().strip(), MAIN_CLASS]
    if os.path.exists(JAR) and is_executable_jar(JAR):
        return ["-jar", JAR]
    raise AppNodesFailed(f"neither {CLASSES} with {CLASS_PATH_FILE} nor an executable {JAR}: build first "
                         "(ops/cluster/app-nodes.sh start does, or mvn -DskipTests package)")


def is_executable_jar(path):
    with zipfile.ZipFile(path) as jar:
        return "Main-Class" in jar.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")


def port_free(port):
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        probe.close()


def free_ports(cluster_settings, count):
    """Two ports beside the cluster's (PostgreSQL base + 40, + 41) if free, else any free loopback ports."""
    base = cluster_settings["postgresPorts"][0] + 40
    preferred = [base + index for index in range(count)]
    if all(port_free(port) for port in preferred):
        return preferred
    ports = []
    for _ in range(count):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        ports.append(probe.getsockname()[1])
        probe.close()
    return ports


def answers(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def load_state(drills_directory):
    path = os.path.join(drills_directory, APPS_FILE)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def running(drills_directory):
    """The state of nodes started earlier, if every one of them still answers."""
    state = load_state(drills_directory)
    if state and all(alive(node["pid"]) and answers(node["port"]) for node in state["nodes"]):
        return state
    return None


def start(cluster_directory, drills_directory, log=print):
    with open(os.path.join(cluster_directory, "cluster.json"), encoding="utf-8") as file:
        settings = json.load(file)
    with open(os.path.join(cluster_directory, settings["applicationPasswordFile"]), encoding="utf-8") as file:
        password = file.read().strip()
    program = java_program()
    os.makedirs(drills_directory, exist_ok=True)
    state = {"nodes": [], "program": program}
    path = os.path.join(drills_directory, APPS_FILE)
    ports = free_ports(settings, len(NODE_NAMES))
    try:
        for index, name in enumerate(NODE_NAMES):
            data = os.path.join(drills_directory, name)
            os.makedirs(data, exist_ok=True)
            log_path = os.path.join(drills_directory, name + ".log")
            arguments = ["java", *os.environ.get("JC_DRILL_JAVA_OPTS", DEFAULT_JAVA_OPTIONS).split(), *program,
                         "serve", "--data", data, "--port", str(ports[index])]
            # The first node creates the schema and the demo towns; the second finds them.
            arguments += ["--demo-scale", "0.01"] if index == 0 else ["--no-demo"]
            environment = {**os.environ,
                           # In the environment, not on the command line: the URL carries the password.
                           "JC_DB_URL": jdbc_url(settings, f"jc-{name}") + f"&user={settings['applicationUser']}"
                                        f"&password={password}"}
            with open(log_path, "ab") as output:
                process = subprocess.Popen(arguments, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                           env=environment, start_new_session=True, cwd=REPOSITORY)
            state["nodes"].append({"name": name, "port": ports[index], "pid": process.pid, "data": data, "log": log_path})
            with open(path, "w", encoding="utf-8") as file:
                json.dump(state, file)
            started = time.monotonic()
            while not answers(ports[index]):
                if process.poll() is not None:
                    raise AppNodesFailed(f"{name} stopped with exit status {process.returncode} (log: {log_path})")
                if time.monotonic() - started > READY_TIMEOUT_SECONDS:
                    raise AppNodesFailed(f"{name} did not answer within {READY_TIMEOUT_SECONDS:.0f} s (log: {log_path})")
                time.sleep(0.5)
            log(f"app-nodes: {name} ready on http://127.0.0.1:{ports[index]}/ (pid {process.pid}) "
                f"after {time.monotonic() - started:.1f} s")
    except BaseException:
        stop(drills_directory)
        raise
    return state


def stop(drills_directory, log=lambda text: None):
    state = load_state(drills_directory)
    if not state:
        return
    for node in state["nodes"]:
        if alive(node["pid"]):
            try:
                os.killpg(node["pid"], signal.SIGTERM)
            except OSError:
                pass
    for node in state["nodes"]:
        deadline = time.monotonic() + 30
        while alive(node["pid"]) and time.monotonic() < deadline:
            reap(node["pid"])
            time.sleep(0.2)
        if alive(node["pid"]):
            try:
                os.killpg(node["pid"], signal.SIGKILL)
            except OSError:
                pass
        reap(node["pid"])
        log(f"app-nodes: {node['name']} stopped")
    os.remove(os.path.join(drills_directory, APPS_FILE))


def reap(pid):
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def clerk(state):
    """A clerk of the first demo town, from the demo users file the first node wrote when it created them."""
    users = os.path.join(state["nodes"][0]["data"], "demo-users.tsv")
    if not os.path.exists(users):
        raise AppNodesFailed(f"{users} is missing: the database already held towns when the first node started; "
                             "use a fresh cluster or the drills directory of the first start")
    with open(users, encoding="utf-8") as file:
        for line in file.read().splitlines()[1:]:
            tenant, username, password, role = line.split("\t")
            if role == "clerk" and tenant:
                return tenant, username, password
    raise AppNodesFailed(f"no clerk in {users}")


def csrf_token(html):
    match = re.search(r'name="_csrf"\s+value="([^"]+)"', html) or re.search(r'value="([^"]+)"\s+name="_csrf"', html)
    if not match:
        raise AppNodesFailed("no CSRF token in the page")
    return match.group(1)


def main():
    cluster_directory, drills_directory = directories()
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        if command == "start":
            if running(drills_directory):
                print("app-nodes: already running")
                return 0
            start(cluster_directory, drills_directory)
            return 0
        if command == "stop":
            stop(drills_directory, print)
            return 0
        if command == "status":
            state = running(drills_directory)
            print("app-nodes: " + (", ".join(f"{node['name']} http://127.0.0.1:{node['port']}/" for node in state["nodes"])
                                   if state else "not running"))
            return 0 if state else 1
    except AppNodesFailed as error:
        print(f"app-nodes: {error}", file=sys.stderr)
        return 2
    print("usage: app_nodes.py start|stop|status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
