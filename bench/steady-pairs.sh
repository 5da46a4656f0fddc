#!/usr/bin/env bash
# ScaleSteadyBench as pairs of short forks taking turns: 500 then 1000 phones (or 1000 then 500: the order turns
# each round), one NAT and a NAT per phone, ROUNDS rounds. Why: on a shared VM a fork minutes away from another
# runs 20-30 % faster or slower (bench/README), so the 2N/N ratio of `-f 2` runs is mostly that noise; forks a
# minute apart see the same phase, and the median of the pairs' ratios leaves the outliers out; bench/pairs-stats.py
# prints the figures (with a bootstrap interval of the ratio of sums) and pools several runs.
# Usage: bench/steady-pairs.sh [ROUNDS] [extra JMH args...]; prints one line per fork, then the pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-6}
shift || true
extra=("$@")
out=${STEADY_OUT:-target/bench/steady-pairs}
mkdir -p "$out"
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home PATH=$java_home/bin:$PATH
mvn -B -ntp -q -Pbench test-compile
fork() { # phones topology round
  local log="$out/$2-$1-$3.txt"
  mvn -B -ntp -q -Pbench test -Djmh.args="ScaleSteadyBench -p phones=$1 -p topology=$2 -f 1 -wi 3 -w 8s -i 3 -r 8s ${extra[*]:-}" \
    > "$log" 2>&1
  python3 - "$log" "$1" "$2" "$3" <<'PY'
import re, sys
cpu, wall = [], []
for line in open(sys.argv[1]):
    m = re.match(r'Iteration\s+\d+: # cpu ([\d.]+) ms/op \(wall ([\d.]+)', line)
    if m:
        cpu.append(float(m.group(1))); wall.append(float(m.group(2)))
print(f"fork {sys.argv[3]} {sys.argv[2]} round {sys.argv[4]}: cpu {sum(cpu)/len(cpu):.1f} wall {sum(wall)/len(wall):.1f} ms/op")
PY
}
for r in $(seq 1 "$rounds"); do
  for topo in ONE_NAT NAT_PER_PHONE; do
    if (( r % 2 )); then fork 500 $topo $r; fork 1000 $topo $r; else fork 1000 $topo $r; fork 500 $topo $r; fi
  done
done | tee "$out/forks.txt"
python3 bench/pairs-stats.py "$out/forks.txt"
