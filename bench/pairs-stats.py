#!/usr/bin/env python3
"""The 2N/N figures of bench/steady-pairs.sh's forks: per topology the pairs' median and range and the ratio of sums,
each with a 95 % percentile-bootstrap interval (pairs resampled with replacement, 10 000 times, seeded, as
Stats.ratioOfSums95 in src/jmh). The median leaves out a pair whose one fork met a burst of the host; the ratio of
sums counts it in full. Why pairs as the unit: the two forks of a pair run a minute apart and share the
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


def interval(pairs, statistic, resamples=10_000):
    rng = random.Random(1)
    values = sorted(statistic([pairs[rng.randrange(len(pairs))] for _ in pairs]) for _ in range(resamples))
    return values[int(resamples * 0.025)], values[int(resamples * 0.975) - 1]


def ratio_of_sums(pairs):
    return sum(b for b, _ in pairs) / sum(s for _, s in pairs)


def median_ratio(pairs):
    return statistics.median(b / s for b, s in pairs)


for topo in ('ONE_NAT', 'NAT_PER_PHONE'):
    rounds = sorted({r for (t, n, r) in forks if t == topo and (t, 500, r) in forks and (t, 1000, r) in forks})
    for i, what in ((0, 'thread cpu'), (1, 'wall')):
        pairs = [(forks[(topo, 1000, r)][i], forks[(topo, 500, r)][i]) for r in rounds]
        if not pairs:
            continue
        ratios = [b / s for b, s in pairs]
        m_low, m_high = interval(pairs, median_ratio)
        low, high = interval(pairs, ratio_of_sums)
        print(f"{topo} {what}: 1000/500 per pair median {median_ratio(pairs):.3f} (95 % bootstrap interval "
              f"{m_low:.3f}-{m_high:.3f}; pairs {min(ratios):.3f}-{max(ratios):.3f}, {len(ratios)} of them), "
              f"ratio of sums {ratio_of_sums(pairs):.3f} ({low:.3f}-{high:.3f})")
