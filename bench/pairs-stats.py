#!/usr/bin/env python3
"""The 2N/N figures of bench/steady-pairs.sh's forks: per topology the pairs' median and range, the ratio of sums,
and a 95 % percentile-bootstrap interval of that ratio (pairs resampled with replacement, 10 000 times, seeded, as
Stats.ratioOfSums95 in src/jmh). Why pairs as the unit: the two forks of a pair run a minute apart and share the
host's phase, so they move together. Usage: bench/pairs-stats.py FORKS.txt [MORE_FORKS.txt ...] (several files
pool their pairs: a round number is made unique per file)."""
import random
import re
import statistics
import sys

forks = {}
for f, path in enumerate(sys.argv[1:]):
    for line in open(path):
        m = re.match(r'fork (\w+) (\d+) round (\d+): cpu ([\d.]+) wall ([\d.]+)', line)
        if m:
            forks[(m.group(1), int(m.group(2)), (f, int(m.group(3))))] = (float(m.group(4)), float(m.group(5)))


def interval(pairs, resamples=10_000):
    rng = random.Random(1)
    ratios = []
    for _ in range(resamples):
        pick = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        ratios.append(sum(b for b, _ in pick) / sum(s for _, s in pick))
    ratios.sort()
    return ratios[int(resamples * 0.025)], ratios[int(resamples * 0.975) - 1]


for topo in ('ONE_NAT', 'NAT_PER_PHONE'):
    rounds = sorted({r for (t, n, r) in forks if t == topo and (t, 500, r) in forks and (t, 1000, r) in forks})
    for i, what in ((0, 'thread cpu'), (1, 'wall')):
        pairs = [(forks[(topo, 1000, r)][i], forks[(topo, 500, r)][i]) for r in rounds]
        if not pairs:
            continue
        ratios = [b / s for b, s in pairs]
        low, high = interval(pairs)
        print(f"{topo} {what}: 1000/500 per pair median {statistics.median(ratios):.3f} "
              f"({min(ratios):.3f}-{max(ratios):.3f}, {len(ratios)} pairs), ratio of sums "
              f"{sum(b for b, _ in pairs) / sum(s for _, s in pairs):.3f} (95 % bootstrap interval {low:.3f}-{high:.3f})")
