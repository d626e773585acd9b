#!/usr/bin/env python3
"""Helper of diff-bench.sh: times diff commands on one pair of files.

Usage: measure.py RUNS WORKDIR -- NAME CMD... [-- NAME CMD...]...

For each command: one run under `/usr/bin/time -f %M` gives its peak RSS
and its output (a wdiff-style redline), whose words marked changed (inside
[-..-] and {+..+}, split at whitespace) are counted. Then RUNS timed runs of
every command, interleaved (a, b, c, a, b, c, ...) so that a change in the
machine's load hits all tools alike, each with stdout to /dev/null, timed
with perf_counter in this process (wall) and by the children's rusage (CPU,
user + system: steadier than wall time on a shared machine). Prints one
line per command: "NAME median_wall_ms median_cpu_ms peak_mib marked_words".
"""

import os
import re
import resource
import statistics
import subprocess
import sys
import time

MARKED = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


def parse(args):
    runs, workdir = int(args[0]), args[1]
    commands, current = [], None
    for arg in args[2:]:
        if arg == "--":
            current = []
            commands.append(current)
        else:
            current.append(arg)
    return runs, workdir, [(c[0], c[1:]) for c in commands]


def checked(cmd, status):
    if status not in (0, 1):  # diff tools exit 1 when the texts differ
        sys.exit(f"{' '.join(cmd)}: exit status {status}")


def profile(name, cmd, workdir):
    """Peak RSS (MiB) and marked words of one run."""
    rss_file = os.path.join(workdir, name + ".rss")
    out_file = os.path.join(workdir, name + ".out")
    with open(out_file, "wb") as out:
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, *cmd], stdout=out)
    checked(cmd, done.returncode)
    with open(rss_file) as f:
        mib = int(f.read().split()[-1]) / 1024
    with open(out_file, encoding="utf-8", errors="replace") as f:
        text = f.read()
    os.remove(out_file)
    marked = sum(len(part.split()) for pair in MARKED.findall(text) for part in pair)
    return mib, marked


def main():
    runs, workdir, commands = parse(sys.argv[1:])
    profiles = {name: profile(name, cmd, workdir) for name, cmd in commands}
    wall = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, cmd in commands:
            before = child_cpu()
            start = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL)
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(child_cpu() - before)
            checked(cmd, done.returncode)
    for name, _ in commands:
        mib, marked = profiles[name]
        wall_ms = statistics.median(wall[name]) * 1000
        cpu_ms = statistics.median(cpu[name]) * 1000
        print(f"{name} {wall_ms:.1f} {cpu_ms:.1f} {mib:.1f} {marked}")


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
