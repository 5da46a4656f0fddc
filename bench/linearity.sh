#!/usr/bin/env bash
# "2× phones ≤ 2.2× time", measured so that a noisy shared VM cannot decide it: LinearityProbe runs N and 2N phones
# (and N × 2 h) interleaved round by round in one JVM, so the two runs of a round share the host's phase, the heap
# and the compiled code; several JVMs (invocations), topologies alternating, because one JVM's compiled code is one
# draw (Georges, Buytaert and Eeckhout, "Statistically Rigorous Java Performance Evaluation", OOPSLA 2007, §4).
# Traces are kept by the web app's step budget (-Dprobe.mode=budget), the heap is pre-touched.
# Prints, per topology, each JVM's 2N/N ratio of sums, their mean with a 95 % Student-t interval across JVMs,
# and all rounds pooled with a bootstrap interval (bench/linearity-stats.py).
# Usage: bench/linearity.sh [INVOCATIONS] [ROUNDS] [N]   (defaults 5 15 500: about 12 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
invocations=${1:-5}
rounds=${2:-15}
n=${3:-500}
out=${LINEARITY_OUT:-target/bench/linearity}
mkdir -p "$out"
rm -f "$out"/*.txt # the summary pools every file there: a smaller run must not pool an older one's JVMs
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME=$java_home PATH=$java_home/bin:$PATH
mvn -B -ntp -q -Pbench test-compile
for i in $(seq 1 "$invocations"); do
  for topo in ONE_NAT NAT_PER_PHONE; do
    mvn -B -ntp -q -Pbench test -Djmh.main=dev.vialab.bench.LinearityProbe \
      -Djmh.jvmArgs="-Xms4g -Xmx4g -XX:+AlwaysPreTouch -Dprobe.mode=budget" \
      -Djmh.args="$n $topo $rounds 4" > "$out/$topo-$i.txt" 2>&1
    grep -h "sums" "$out/$topo-$i.txt" | sed "s/^/$topo JVM $i: /"
  done
done
python3 bench/linearity-stats.py "$out"/*.txt
