"""Turns the JMH JSON and the CPU-time lines into docs/benchmarks/certificates.md."""
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import date

jmh_file, cpu_file, target, pinning, load_before, load_after = sys.argv[1:7]

with open(jmh_file, encoding="utf-8") as f:
    runs = json.load(f)


def model_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]

wall = {}
for run in runs:
    params = run["params"]
    iterations = [value for fork in run["primaryMetric"]["rawData"] for value in fork]
    fork_medians = [statistics.median(fork) for fork in run["primaryMetric"]["rawData"]]
    wall[(int(params["pages"]), params["fontLoading"])] = (statistics.median(iterations), fork_medians)

cpu = {}
with open(cpu_file, encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if len(parts) == 5:
            cpu[(int(parts[0]), parts[1])] = tuple(float(p) for p in parts[2:])

GOAL = 120
lines = [
    "# Certificates: rendering throughput",
    "",
    "Produced by `bench/certificates/run` (JMH 1.37, one thread, `Mode.Throughput`); "
    "do not edit by hand.",
    "",
    "What is measured: `PdfCertificateRenderer.render` of a 住民票の写し (household of 3 members: one page; "
    "6 members: two pages) into PDF bytes, with the IPAex Mincho font embedded as a subset and the QR code "
    "drawn. **Shipped** = font parsed once per process and reused; **comparison** = the same rendering "
    "parsing the font file again for each document. Goal: at least %d certificates per second on one core." % GOAL,
    "",
    "## Wall-clock throughput (JMH), certificates per second",
    "",
    "Median of all measurement iterations of all forks; per-fork medians in brackets.",
    "",
    "| pages | shipped (font parsed once) | comparison (parsed per document) | ratio | goal ≥ %d/s |" % GOAL,
    "|---|---|---|---|---|",
]
for pages in (1, 2):
    shared = wall.get((pages, "SHARED_PARSED_FONT"))
    again = wall.get((pages, "PARSE_FOR_EACH_DOCUMENT"))
    if not shared or not again:
        continue
    ratio = shared[0] / again[0]
    lines.append("| %d | %.1f [%s] | %.1f [%s] | %.2f× | %s |" % (
        pages, shared[0], ", ".join("%.1f" % v for v in shared[1]),
        again[0], ", ".join("%.1f" % v for v in again[1]), ratio,
        "met" if shared[0] >= GOAL else "not met"))
lines += [
    "",
    "## Per CPU-second of the rendering thread",
    "",
    "The same renderings timed by the thread's own CPU time (`ThreadMXBean`), median of 7 rounds of 200 "
    "documents (min–max): what one core does when it is not shared with other work.",
    "",
    "| pages | shipped | comparison | ratio | goal ≥ %d/s |" % GOAL,
    "|---|---|---|---|---|",
]
for pages in (1, 2):
    shared = cpu.get((pages, "SHARED_PARSED_FONT"))
    again = cpu.get((pages, "PARSE_FOR_EACH_DOCUMENT"))
    if not shared or not again:
        continue
    lines.append("| %d | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %.2f× | %s |" % (
        pages, shared[0], shared[1], shared[2], again[0], again[1], again[2], shared[0] / again[0],
        "met" if shared[0] >= GOAL else "not met"))
lines += [
    "",
    "## Machine",
    "",
    "- date: %s" % date.today().isoformat(),
    "- CPU: %s, %d logical cores; pinned: `%s`" % (model_name(), os.cpu_count() or 0, pinning),
    "- %s, `-XX:+UseSerialGC -Xmx1g`" % java,
    "- load average (1/5/15 min) before: %s, after: %s. The machine is shared by several developers: "
    "a load above the core count lowers the wall-clock figures, not the CPU-time ones." % (load_before, load_after),
    "",
]
os.makedirs(os.path.dirname(target), exist_ok=True)
with open(target, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
