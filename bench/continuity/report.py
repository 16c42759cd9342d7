"""Writes docs/benchmarks/continuity.md from the drills' JSON lines: report.py JOURNAL OUTPUT ELAPSED RUNS."""
import json, statistics, sys, datetime, platform, subprocess
journal, output, elapsed, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
results = [json.loads(line) for line in open(journal, encoding="utf-8")]

NAMES = {7: "tuned", 10: "previous tuning", 30: "Patroni default"}


def profile(result):
    timings = result["timings"]
    name = NAMES.get(timings.get("ttl"), "other")
    if name == "tuned" and result.get("useSlots", True):
        name = "tuned with replication slots (until 2026-12-06)"
    if result.get("mode", "sql") == "sql":
        name += ", database alone (SQL client)"
    return (f"{name} (ttl {timings.get('ttl')}, loop_wait {timings.get('loop_wait')}, retry_timeout "
            f"{timings.get('retry_timeout')}, primary_start_timeout {timings.get('primary_start_timeout')}), "
            + ("strict" if result.get("synchronousModeStrict") else "not strict"))

groups = {}
for result in results:
    groups.setdefault((profile(result), result["scenario"]), []).append(result)

def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None

def show(value, digits=1):
    return "—" if value is None else f"{value:.{digits}f}"

ours = {scenario: median([r["recoverySeconds"] for r in rows]) for (name, scenario), rows in groups.items()
        if name.startswith("tuned (") and name.endswith(", strict")}
loads = [r["loadAverage"] for r in results if r.get("loadAverage") is not None]
lines = [
    "# Continuity: failover drill figures",
    "",
    f"Measured by `bench/continuity/run` on {datetime.date.today().isoformat()} ({platform.node()}, "
    f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores shared with other work): "
    f"one local etcd, three Patroni 3.0.2 / PostgreSQL 15 nodes on loopback, {runs} drills per row, "
    f"{elapsed} s in all, 1-minute load average {min(loads) if loads else 0:.1f}–{max(loads) if loads else 0:.1f} "
    "during the drills (figures on a loaded machine are upper bounds). Each drill issues certificates (住民票の写し) "
    "through two application nodes in turn with one signed-in session, kills the primary, and checks every "
    "acknowledged certificate row by row on the new primary; rows marked \"database alone\" write numbered rows "
    "through libpq's multi-host string instead, without the application.",
    "",
    "* **recovery**: last acknowledged write before the kill → first acknowledged write sent after it, as the client "
    "sees it. **primary writable**: kill → first moment a new primary accepted a read-write session (the database's "
    "part of the recovery).",
    "* **single-copy**: time during which the writable primary had an empty `synchronous_standby_names`, i.e. "
    "acknowledged commits with only one copy (sampled every 200 ms).",
    "* **commits waiting**: time during which the writable primary had no standby in sync state (commits wait, "
    "nothing is acknowledged with one copy when strict).",
    "* **crash**: SIGKILL of the primary's postmaster (Patroni survives). **node**: SIGKILL of the primary's Patroni "
    "and postmaster (the machine is gone: the leader key must expire).",
    "",
    "| configuration | scenario | recovery median (min–max) s | vs ours | primary writable median s | acknowledged | lost | single-copy median s | commits waiting median s | client errors median | healthy again median s |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]
for (name, scenario), rows in sorted(groups.items(), key=lambda item: (not item[0][0].startswith("tuned ("), "database alone" in item[0][0], "not strict" in item[0][0], item[0][0], item[0][1])):
    recoveries = [r["recoverySeconds"] for r in rows if r["recoverySeconds"] is not None]
    recovery = median(recoveries)
    ratio = (recovery / ours[scenario]) if recovery is not None and ours.get(scenario) else None
    lines.append(
        f"| {name} | {scenario} | {show(recovery)} ({show(min(recoveries) if recoveries else None)}–"
        f"{show(max(recoveries) if recoveries else None)}) | {show(ratio, 2)}× | "
        f"{show(median([r.get('newPrimaryWritableAfterSeconds') for r in rows]))} | {sum(r['acknowledged'] for r in rows)} | "
        f"{sum(r['lost'] for r in rows)} | {show(median([r['singleCopySeconds'] for r in rows]))} | "
        f"{show(median([r['noSynchronousStandbySeconds'] for r in rows]))} | "
        f"{show(median([r['clientErrors'] for r in rows]), 0)} | "
        f"{show(median([r['clusterHealthyAfterSeconds'] for r in rows]))} |")
def recovery_of(strict_label, default_timings, scenario):
    for (name, row_scenario), rows in groups.items():
        if row_scenario == scenario and name.startswith("Patroni default" if default_timings else "tuned (") \
                and name.endswith(strict_label):
            return median([r["recoverySeconds"] for r in rows]), median([r["singleCopySeconds"] for r in rows])
    return None, None

ours_crash, _ = recovery_of(", strict", False, "crash")
ours_node, _ = recovery_of(", strict", False, "node")
loose_crash, loose_single = recovery_of("not strict", False, "crash")
default_node, _ = recovery_of(", strict", True, "node")
lines += ["", "Reading:", ""]
if ours_crash is not None and loose_crash is not None:
    lines.append(f"* Strict mode costs {ours_crash - loose_crash:.1f} s of recovery after a crash (commits wait until "
                 "the remaining standby follows the new primary); without it the cluster acknowledged commits with a "
                 f"single copy for {show(loose_single)} s after every failover (median) — the window strict mode closes.")
if ours_node is not None and default_node is not None:
    lines.append(f"* Node loss: {show(ours_node)} s with our timings against {show(default_node)} s with Patroni's "
                 "defaults (the issue's reference: 26 s median with default timings). The leader key's ttl dominates.")
previous = {scenario: median([r["recoverySeconds"] for r in rows]) for (name, scenario), rows in groups.items()
            if name.startswith("previous tuning (") and name.endswith(", strict")}
for scenario in ("crash", "node"):
    if ours.get(scenario) is not None and previous.get(scenario) is not None:
        lines.append(f"* {scenario}: {show(ours[scenario])} s with ttl 7 / loop_wait 1 / retry_timeout 3 against "
                     f"{show(previous[scenario])} s with ttl 10 / loop_wait 2 / retry_timeout 4 in the same run "
                     f"({previous[scenario] / ours[scenario]:.2f}× faster).")
slotted = {scenario: median([r["recoverySeconds"] for r in rows]) for (name, scenario), rows in groups.items()
           if name.startswith("tuned with replication slots") and name.endswith(", strict")}
for scenario in ("crash", "node"):
    if ours.get(scenario) is not None and slotted.get(scenario) is not None:
        lines.append(f"* {scenario}: {show(ours[scenario])} s without replication slots against "
                     f"{show(slotted[scenario])} s with them, same timings, same run "
                     f"({slotted[scenario] / ours[scenario]:.2f}×): the new primary creates a standby's slot a loop or "
                     "two after its promotion, and strict mode makes every commit wait for that standby.")
lines.append("* A crash with Patroni's defaults is not a failover: `primary_start_timeout: 300` restarts PostgreSQL in "
             "place after crash recovery, on the next loop (loop_wait 10).")
lines.append("* `healthy again` includes, for the node scenario, restarting the lost node's Patroni and its rejoining as a standby.")
lines += ["", "Raw results (one JSON line per drill, as in `data/drills/failover.jsonl`):", "", "```"]
lines += [json.dumps({k: r.get(k) for k in ("scenario", "mode", "timings", "synchronousModeStrict", "recoverySeconds",
                                            "newPrimaryWritableAfterSeconds", "acknowledged", "lost", "inDoubt",
                                            "retried", "confirmedOnce", "confirmedAlreadyCommitted", "unconfirmed",
                                            "singleCopySeconds", "noSynchronousStandbySeconds", "clientErrors", "useSlots",
                                            "clusterHealthyAfterSeconds", "loadAverage")}, ensure_ascii=False)
          for r in results]
lines += ["```", ""]
with open(output, "w", encoding="utf-8") as file:
    file.write("\n".join(lines))
print("\n".join(line for line in lines if line.startswith("|")))
