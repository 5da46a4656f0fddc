#!/usr/bin/env python3
"""Pools LinearityProbe outputs (bench/linearity.sh): per topology, each JVM's 2N/N ratio of sums (wall and the
run's thread CPU), their mean with a 95 % Student-t interval across JVMs (the JVM is the unit of replication:
Georges et al., OOPSLA 2007), and all rounds of all JVMs pooled, with a 95 % percentile-bootstrap interval of the
ratio of sums that resamples whole JVMs, then rounds inside each (a two-level bootstrap, seeded).
Usage: bench/linearity-stats.py FILE... (file names TOPOLOGY-INVOCATION.txt)."""
import os
import random
import re
import statistics
import sys

# two-sided 95 % Student-t quantiles by degrees of freedom
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
       12: 2.179, 15: 2.131, 20: 2.086, 30: 2.042}


def t95(df):
    return T95.get(df) or T95[max(k for k in T95 if k <= df)]


runs = {}  # topology -> list of JVMs, each a list of rounds (N wall, N cpu, 2N wall, 2N cpu)
for path in sys.argv[1:]:
    topo = os.path.basename(path).rsplit('-', 1)[0]
    rounds = [tuple(float(x) for x in m.groups()) for m in
              (re.match(r'round \d+: N wall (\d+) cpu (\d+), 2N wall (\d+) cpu (\d+) ns', line) for line in open(path))
              if m]
    if rounds:
        runs.setdefault(topo, []).append(rounds)


def ratio(rounds, k):
    return sum(r[k + 2] for r in rounds) / sum(r[k] for r in rounds)


for topo, jvms in sorted(runs.items()):
    for k, what in ((1, 'thread cpu'), (0, 'wall')):
        per_jvm = [ratio(j, k) for j in jvms]
        mean = statistics.mean(per_jvm)
        half = t95(len(per_jvm) - 1) * statistics.stdev(per_jvm) / len(per_jvm) ** 0.5 if len(per_jvm) > 1 else 0
        rng = random.Random(1)
        boot = []
        for _ in range(10_000):
            pick = [r for j in (jvms[rng.randrange(len(jvms))] for _ in jvms) for r in
                    (j[rng.randrange(len(j))] for _ in j)]
            boot.append(ratio(pick, k))
        boot.sort()
        print(f"{topo} {what}: per JVM {' '.join(f'{x:.3f}' for x in per_jvm)}; mean {mean:.3f} "
              f"(95 % t interval {mean - half:.3f}-{mean + half:.3f}); all {sum(len(j) for j in jvms)} rounds pooled "
              f"{ratio([r for j in jvms for r in j], k):.3f} (bootstrap {boot[250]:.3f}-{boot[9749]:.3f})")
