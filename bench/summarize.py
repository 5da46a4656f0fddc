#!/usr/bin/env python3
"""Medians and best values of the logs bench/run-all.sh left in target/bench/ (wall = JMH score per measured
iteration, cpu = the benchmark thread's CPU time the benchmark printed for that iteration). Usage:
bench/summarize.py [target/bench]"""
import re, statistics, sys, pathlib

d = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench")

def med(v):
    return statistics.median(v) if v else float("nan")

for f in sorted(d.glob("*.txt")):
    text = f.read_text(errors="replace")
    loads = re.findall(r"## load (?:before|after):.*load average: ([\d.]+), ([\d.]+), ([\d.]+)", text)
    print(f"== {f.name}  load averages (1/5/15 min) before/after: {loads}")
    current = None
    key = None
    rows = {}
    for line in text.splitlines():
        m = re.match(r"# Benchmark: (\S+)", line)
        if m:
            current = m.group(1).split(".")[-2] + "." + m.group(1).split(".")[-1]
            params = ""
            continue
        m = re.match(r"# Parameters: \((.*)\)", line)
        if m:
            params = m.group(1)
            continue
        if line.startswith("# Warmup") or current is None:
            key = None
            continue
        m = re.match(r"Iteration\s+\d+: (.*)", line)
        if not m:
            # single-shot scores print on the line after the iteration's own output
            m2 = re.match(r"^([\d.]+) (us|ms)/op$", line)
            if m2 and key in rows:
                rows[key]["wall"].append(float(m2.group(1)))
                key = None
            continue
        rest = m.group(1)
        key = (current, params)
        r = rows.setdefault(key, {"wall": [], "cpu": [], "gc": []})
        c = re.search(r"cpu ([\d.]+) (?:us|ms)/op", rest) or re.search(r"cpu ([\d.]+) ms,", rest)
        if c:
            r["cpu"].append(float(c.group(1)))
        g = re.search(r"GC (\d+) ms in", rest) or re.search(r"GCs (\d+) ms", rest)
        if g:
            r["gc"].append(float(g.group(1)))
        w = re.search(r"\) ?([\d.]+) (?:us|ms)/op$", rest) or re.search(r"^([\d.]+) (?:us|ms)/op$", rest)
        if w:
            r["wall"].append(float(w.group(1)))
            key = None
    for (bench, params), r in rows.items():
        print(f"  {bench} {params}: wall median {med(r['wall']):.1f} (best {min(r['wall'], default=float('nan')):.1f},"
              f" n={len(r['wall'])}); cpu median {med(r['cpu']):.1f} (best {min(r['cpu'], default=float('nan')):.1f});"
              f" GC median {med(r['gc']):.0f} ms")
    for line in text.splitlines():
        if line.startswith("median (") or line.startswith("round") or re.match(r"^\d\s+[\d.]+\s", line):
            print("  " + line)
