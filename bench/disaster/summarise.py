#!/usr/bin/env python3
"""Turns the Gatling reports of bench/disaster/run into docs/benchmarks/disaster-load.md.

Gatling 3.15 keeps its statistics in the report's index.html (simulation.log is binary), so the table rows are
read from there: per group (one group per level of clerks) and per request (step) the count, KO count and the
response-time percentiles 50/75/95/99 set in gatling.conf.
"""
import datetime
import html
import os
import re
import statistics
import sys

COLUMNS = ["total", "ok", "ko", "ko_percent", "per_second", "min", "p50", "p75", "p95", "p99", "max", "mean", "stddev"]
STEPS = ["1 search", "2 damage report", "3 survey", "4 certificate"]
GOAL_MS = 300


def report(folder):
    """{(group, request or None): {column: number}} and the errors [(message, count)] of one Gatling report."""
    text = open(os.path.join(folder, "index.html"), encoding="utf-8").read()
    header = re.findall(r'<th id="col-(\d+)"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)', text)
    expected = ["Total", "OK", "KO", "% KO", "Cnt/s", "Min", "50th pct", "75th pct", "95th pct",
                "99th pct", "Max", "Mean", "Std Dev"]
    if [name for _, name in header[:13]] != expected:
        raise SystemExit(f"unexpected Gatling statistics table in {folder}: {header}")
    rows = {}
    names = {}
    for match in re.finditer(r'<tr id="([^"]+)"(?: data-parent="([^"]+)")?\s*>(.*?)</tr>', text, re.S):
        row_id, parent, body = match.groups()
        name = html.unescape(re.search(r'class="ellipsed-name">([^<]*)<', body).group(1))
        values = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', body)
        numbers = {COLUMNS[int(col) - 2]: float(value) if value not in ("-", "") else None for col, value in values}
        names[row_id] = name
        if row_id == "ROOT":
            rows[("ALL", None)] = numbers
        elif parent == "ROOT":
            rows[(name, None)] = numbers
        else:
            rows[(names[parent], name)] = numbers
    errors = [(html.unescape(message).strip(), int(count)) for message, count in re.findall(
        r'<td class="error-col-1[^"]*">(.*?)<span class="value"[^>]*>[^<]*</span></td>\s*'
        r'<td class="value error-col-2[^"]*">(\d+)</td>', text, re.S)]
    return rows, errors


def load_averages(path, start, end):
    values = []
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2 and start <= int(parts[0]) <= end:
            values.append(float(parts[1]))
    return values


def ms(value):
    return "—" if value is None else f"{value:.0f}"


def main():
    (out, target, clock_ticks, residents, level_seconds, warmup_seconds, think_ms, collector_clerks, collector_seconds,
     demo_scale, baseline_seconds) = sys.argv[1:12]
    capacity_seconds, think_seed = (sys.argv[12:14] + ["0", "-"])[:2]
    clock_ticks = int(clock_ticks)
    level_seconds = int(level_seconds)
    collector_seconds = int(collector_seconds)
    phases = {}
    for line in open(os.path.join(out, "phases.txt")):
        parts = line.split()
        phases[parts[0]] = {"start": int(parts[1]), "end": int(parts[2]), "ticks": int(parts[3]),
                            "load": " ".join(parts[4:])}

    rows, errors = report(os.path.join(out, "staircase"))
    levels = sorted(int(group[1:]) for group, request in rows if request is None and re.fullmatch(r"c\d{3}", group))
    stair = phases["staircase"]
    loads = load_averages(os.path.join(out, "loadavg.txt"), stair["start"], stair["end"])
    all_requests = rows[("ALL", None)]["total"]
    cpu_ms_per_request = stair["ticks"] * 1000 / clock_ticks / all_requests

    lines = []
    add = lines.append
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    add("# Disaster counter under load: clerks from search to 罹災証明書")
    add("")
    add(f"Written by `bench/disaster/run` on {today}: `./jc serve` on PostgreSQL (a database of its own, demo towns at scale "
        f"{demo_scale}: 名寄市 012211 with {int(residents):,} residents to take), a disaster declared by the town's "
        "administrator through the API, then Gatling 3.15 (closed model): N simulated clerks, each taking one victim "
        "after another through the API — **1 search** by full フリガナ and birth date (`GET /disasters/{id}/victims?q=`; the person "
        "must be among the matches), **2 damage report**, **3 survey** (the answered level is checked), "
        "**4 certificate** (the PDF is checked) — "
        + ("with no pause between steps or victims (each clerk sends the next request as soon as the last one "
           "answered: a stress far above a person's pace)" if think_ms == "0" else
           f"with a clerk's think time before each step (interview, reading, typing): mean {int(think_ms) / 1000:g} s, "
           f"a shifted exponential between {int(think_ms) / 5000:g} s and {int(think_ms) * 4 / 1000:g} s, drawn from "
           f"seed {think_seed} and the victim's 宛名番号 (the same pauses in every run); response times exclude the "
           "pauses")
        + f". Levels of {level_seconds} s after {warmup_seconds} s of warm-up; all clerks share the town's one demo "
        "clerk account (HTTP Basic on every request, as the API takes it; sign-in has no session limit, and the "
        "lockout counts only failures). Server and Gatling share the machine's "
        f"{os.cpu_count()} cores with the other work on it.")
    add("")
    if loads:
        add(f"Load average (1 min) during the levels: median {statistics.median(loads):.1f}, min {min(loads):.1f}, "
            f"max {max(loads):.1f} (sampled every 10 s; before/after: {stair['load']}). The server used "
            f"{cpu_ms_per_request:.1f} ms of CPU per request on average (its own CPU time from /proc, warm-up included).")
        add("")

    add("## Per level")
    add("")
    add("| clerks | victims done | victims/s | OK requests/s | KO | whole case p50 / p95 / p99 (ms) | worst step p95 (ms) |")
    add("|---:|---:|---:|---:|---:|---|---:|")
    for level in levels:
        group = rows[(f"c{level:03d}", None)]
        steps = [rows.get((f"c{level:03d}", step)) for step in STEPS]
        requests = sum(step["ok"] for step in steps if step)
        ko = sum(step["ko"] for step in steps if step)
        worst = max(step["p95"] for step in steps if step and step["p95"] is not None)
        add(f"| {level} | {group['ok']:.0f} | {group['ok'] / level_seconds:.2f} | {requests / level_seconds:.1f} | "
            f"{ko:.0f} | {ms(group['p50'])} / {ms(group['p95'])} / {ms(group['p99'])} | {worst:.0f} |")
    add("")
    add("Victims/s and requests/s divide the level's counts by its nominal length; a level runs on until its last "
        "clerk's victim is done, so they are a little high for the slow levels.")
    add("")

    add("## Per step and level (ms)")
    add("")
    add("| clerks | step | requests | KO | p50 | p95 | p99 | max |")
    add("|---:|---|---:|---:|---:|---:|---:|---:|")
    for level in levels:
        for step in STEPS:
            numbers = rows.get((f"c{level:03d}", step))
            if numbers:
                add(f"| {level} | {step} | {numbers['total']:.0f} | {numbers['ko']:.0f} | {ms(numbers['p50'])} | "
                    f"{ms(numbers['p95'])} | {ms(numbers['p99'])} | {ms(numbers['max'])} |")
    add("")

    top = levels[-1]
    top_steps = [rows.get((f"c{top:03d}", step)) for step in STEPS]
    top_worst = max(step["p95"] for step in top_steps if step)
    top_ko = sum(step["ko"] for step in top_steps if step)
    verdict = "met" if top_worst <= GOAL_MS and top_ko == 0 else "**not met**"
    add(f"Goal (issue 5): p95 ≤ {GOAL_MS} ms for every step at 100 clerks, 0 errors. At {top} clerks: worst step p95 "
        f"{top_worst:.0f} ms, {top_ko:.0f} errors: {verdict}.")
    add("")
    add("## Errors")
    add("")
    add("Over the whole run, warm-up included. A failed step ends that victim (the clerk starts on the next one); "
        "runs before 2026-11-26 16:00 UTC sent the later steps anyway, which failed with \"No attribute named …\" "
        "and counted as KO.")
    add("")
    if errors:
        add("| error | count |")
        add("|---|---:|")
        for message, count in errors:
            add(f"| {message.replace('|', '/')} | {count} |")
    else:
        add("None.")
    add("")

    if "capacity" in phases:
        seconds = int(capacity_seconds)
        capacity, capacity_errors = report(os.path.join(out, "capacity"))
        phase = phases["capacity"]
        total = capacity[("ALL", None)]["total"]
        per_request = phase["ticks"] * 1000 / clock_ticks / total
        name = f"c{top:03d}"
        steps = [capacity.get((name, step)) for step in STEPS]
        ok = sum(step["ok"] for step in steps if step)
        ko = sum(step["ko"] for step in steps if step)
        loads = load_averages(os.path.join(out, "loadavg.txt"), phase["start"], phase["end"])
        add("## Capacity: the same clerks with no pauses")
        add("")
        add(f"The same server right after the levels above: {top} clerks who send the next request as soon as the "
            f"last one answered (a closed model with {top} requests always in flight), {seconds} s after 20 s of "
            f"warm-up. This measures the service's throughput at saturation, not a counter's latency: with no "
            f"pauses the latency is the number of clerks divided by the throughput. Load average (1 min) during it: "
            + (f"median {statistics.median(loads):.1f}" if loads else "not sampled") + f", after: {phase['load']}.")
        add("")
        add(f"- Throughput at saturation: **{ok / seconds:.1f} OK requests/s** ({capacity[(name, None)]['ok'] / seconds:.2f} "
            f"victims/s), {ko:.0f} KO; server CPU {per_request:.1f} ms per request (warm-up included).")
        add("")
        add("| step | requests | KO | p50 | p95 | p99 | max |")
        add("|---|---:|---:|---:|---:|---:|---:|")
        for step in STEPS:
            numbers = capacity.get((name, step))
            if numbers:
                add(f"| {step} | {numbers['total']:.0f} | {numbers['ko']:.0f} | {ms(numbers['p50'])} | "
                    f"{ms(numbers['p95'])} | {ms(numbers['p99'])} | {ms(numbers['max'])} |")
        add("")
        if capacity_errors:
            add("Errors of the capacity run: " + "; ".join(f"{message} ({count})" for message, count in capacity_errors) + ".")
            add("")

    if "bcrypt-every-request" in phases:
        seconds = int(baseline_seconds)
        base, base_errors = report(os.path.join(out, "bcrypt-every-request"))
        phase = phases["bcrypt-every-request"]
        per_request = phase["ticks"] * 1000 / clock_ticks / base[("ALL", None)]["total"]
        # Compared with the no-pause run at the same level (the capacity run when there is one).
        if "capacity" in phases:
            ref_rows, _ = report(os.path.join(out, "capacity"))
            ref_seconds = int(capacity_seconds)
            ref_cpu = phases["capacity"]["ticks"] * 1000 / clock_ticks / ref_rows[("ALL", None)]["total"]
            ref_label = "the capacity run"
        else:
            ref_rows, ref_seconds, ref_cpu, ref_label = rows, level_seconds, cpu_ms_per_request, "whole staircase"
        group, same = base[(f"c{top:03d}", None)], ref_rows[(f"c{top:03d}", None)]
        add("## Comparison in the same run: bcrypt on every API request")
        add("")
        add(f"The API takes HTTP Basic on every request. Before this benchmark the service checked the password with "
            f"bcrypt each time; it now remembers a verified password for 5 minutes "
            f"(`jc.security.verified-password-lifetime`). The server restarted on the same database with the lifetime "
            f"0 (bcrypt every time), {top} clerks for {seconds} s (no warm-up), load average after: {phase['load']}.")
        add("")
        add("| password check | victims/s | server CPU ms per request | step p95 (ms): search / report / survey / certificate | KO |")
        add("|---|---:|---:|---|---:|")
        def p95s(source, name):
            return " / ".join(ms(source[(name, step)]["p95"]) if (name, step) in source else "—" for step in STEPS)
        def kos(source, name):
            return sum(source[(name, step)]["ko"] for step in STEPS if (name, step) in source)
        add(f"| bcrypt on every request | {group['ok'] / seconds:.2f} | {per_request:.1f} | {p95s(base, f'c{top:03d}')} | "
            f"{kos(base, f'c{top:03d}'):.0f} |")
        add(f"| remembered for 5 min ({ref_label}, {top} clerks) | {same['ok'] / ref_seconds:.2f} | "
            f"{ref_cpu:.1f} | {p95s(ref_rows, f'c{top:03d}')} | {kos(ref_rows, f'c{top:03d}'):.0f} |")
        add("")
        if base_errors:
            add("Errors of the bcrypt run: " + "; ".join(f"{message} ({count})" for message, count in base_errors) + ".")
            add("")

    runs = sorted(name for name in phases if name.startswith("collector-"))
    if runs:
        add("## Cost of the SLA request-timing collector (issue 7)")
        add("")
        add(f"The same server restarted on the same database with `jc.sla.collect` on and off in turn (order "
            f"on, off, off, on, …), each run {collector_clerks} clerks for {collector_seconds} s after 20 s of warm-up.")
        add("")
        add("| run | collector | victims done | victims/s | server CPU ms per request | whole case p95 (ms) | load average after |")
        add("|---|---|---:|---:|---:|---:|---|")
        rate = {"true": [], "false": []}
        cpu = {"true": [], "false": []}
        for name in sorted(runs, key=lambda n: int(n.split("-")[1])):
            mode = name.split("-")[2]
            collected, _ = report(os.path.join(out, name))
            group = collected[(f"c{int(collector_clerks):03d}", None)]
            per_request = phases[name]["ticks"] * 1000 / clock_ticks / collected[("ALL", None)]["total"]
            rate[mode].append(group["ok"] / collector_seconds)
            cpu[mode].append(per_request)
            add(f"| {name.split('-')[1]} | {'on' if mode == 'true' else 'off'} | {group['ok']:.0f} | "
                f"{group['ok'] / collector_seconds:.2f} | {per_request:.2f} | {ms(group['p95'])} | {phases[name]['load']} |")
        add("")
        if rate["true"] and rate["false"]:
            on, off = statistics.median(rate["true"]), statistics.median(rate["false"])
            cpu_on, cpu_off = statistics.median(cpu["true"]), statistics.median(cpu["false"])
            add(f"- Throughput, median on / median off: {on:.2f} / {off:.2f} victims/s = **{on / off:.3f}** "
                f"({(1 - on / off) * 100:+.1f} % less with the collector).")
            add(f"- Server CPU per request, on / off: {cpu_on:.2f} / {cpu_off:.2f} ms = {cpu_on / cpu_off:.3f} "
                f"({(cpu_on / cpu_off - 1) * 100:+.1f} %).")
            add("- Goal (issue 7): the collector costs < 2 % of request throughput. On this shared machine runs of the "
                "same mode differ by more than that; see the rows above for the spread.")
        add("")

    with open(target, "w", encoding="utf-8") as file:
        file.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
