#!/usr/bin/env python3
"""Loader bench: any input up to the size cap is loaded or refused quickly.

Builds hostile and large draft files (up to plenary's 4 MiB cap) into a copy
of the bundled drafts folder, runs `plenary validate` on each, and reports
wall time (median of runs) and peak memory (max RSS of the process) against
the goal: within 200 ms and 64 MiB. The process start-up is included.

    python3 bench/load_bench.py [--plenary target/release/plenary] [--runs 5]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

CAP = 4 * 1024 * 1024
HEAD = "schema: 1\nid: {id}\ntitle: Bench\nstatus: open\n"
VERSION = ("versions:\n  - version: 1\n    author: United States\n"
           "    at: 2009-10-06T13:27:00Z\n    text: >-\n      Partners agree.\n")


def pad_to(text, size):
    return text + "#" * max(0, size - len(text) - 1) + "\n"


def inputs():
    """(name, file text) pairs, each at most CAP bytes."""
    yield "valid, 800 proposals", big_valid(CAP - 64 * 1024)
    yield "alias bomb (billion laughs)", HEAD.format(id="x") + laughs()
    yield "alias bomb padded to 200 KB", pad_to(HEAD.format(id="x") + laughs(), 200 * 1024)
    yield "alias bomb padded to the cap", pad_to(HEAD.format(id="x") + laughs(), CAP - 16)
    yield "flow nesting 1M deep", HEAD.format(id="x") + "x: " + "[" * (CAP - 200) + "\n"
    yield "block nesting 10k deep", HEAD.format(id="x") + "".join(" " * i + "a:\n" for i in range(2800))
    yield "nesting under an ignored key", HEAD.format(id="x") + "junk: " + "{a: " * 900_000 + "\n"
    yield "one 4 MB line", HEAD.format(id="x") + VERSION + "note: " + "a" * (CAP - 400) + "\n"
    yield "200k unknown keys", HEAD.format(id="x") + VERSION + "".join(f"k{i}: v\n" for i in range(200_000))
    yield "long flow sequence", HEAD.format(id="x") + "junk: [" + "1," * (CAP // 2 - 100) + "1]\n"
    yield "duplicate key at the end", pad_to(HEAD.format(id="x") + VERSION, CAP - 32) + "id: again\n"
    yield "non-UTF-8 at the end", None
    yield "over the cap by one byte", "#" * (CAP + 1)


def laughs():
    out = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghi":
        out += f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]\n"
        prev = name
    return out


def big_valid(limit):
    out = HEAD.format(id="x") + VERSION + "proposals:\n"
    text = " ".join(["Partners agree on the utility of updating the list of entities of concern."] * 60)
    i = 0
    while True:
        item = (f"  - id: p-{i}\n    partner: France\n    base: 1\n    at: 2009-11-09T10:02:11Z\n"
                f"    status: open\n    text: >-\n      {text}\n    positions:\n"
                f"      - partner: Japan\n        stance: object\n        at: 2009-11-09T10:05:00Z\n")
        if len(out) + len(item) > limit:
            return out
        out += item
        i += 1


def run(plenary, folder):
    """(seconds, peak MiB, exit code) of one `plenary validate`.

    Peak memory comes from /usr/bin/time, not from wait4: a child forked
    from Python inherits Python's high-water mark across exec, which would
    add some 20 MiB that plenary never used.
    """
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-q", "-f", "%M", "-o", rss.name,
                                plenary, "--drafts", folder, "validate"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        return elapsed, int(rss.read().split()[-1]) / 1024, code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plenary", default="target/release/plenary")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    plenary = os.path.abspath(args.plenary)
    bundled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "drafts")
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "drafts")
        shutil.copytree(bundled, folder)
        base_ms = statistics.median(run(plenary, folder)[0] for _ in range(args.runs)) * 1000
        print(f"{'input':32} {'bytes':>9} {'exit':>4} {'median ms':>9} {'peak MiB':>8}  goal 200 ms / 64 MiB")
        print(f"{'(bundled drafts only)':32} {'':>9} {'0':>4} {base_ms:9.1f}")
        worst_ms = worst_mib = 0.0
        for name, text in inputs():
            path = os.path.join(folder, "x.yaml")
            if text is None:
                data = pad_to(HEAD.format(id="x"), CAP - 8).encode() + b"\xff\xfe\n"
            else:
                data = text.encode()
            with open(path, "wb") as f:
                f.write(data)
            runs = [run(plenary, folder) for _ in range(args.runs)]
            ms = statistics.median(r[0] for r in runs) * 1000
            mib = max(r[1] for r in runs)
            worst_ms, worst_mib = max(worst_ms, ms), max(worst_mib, mib)
            flag = "" if ms <= 200 and mib <= 64 else "  OVER GOAL"
            print(f"{name:32} {len(data):9} {runs[0][2]:4} {ms:9.1f} {mib:8.1f}{flag}")
        print(f"worst: {worst_ms:.1f} ms, {worst_mib:.1f} MiB")
        return 0 if worst_ms <= 200 and worst_mib <= 64 else 1


if __name__ == "__main__":
    sys.exit(main())
