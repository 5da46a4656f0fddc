#!/usr/bin/env bash
# Runs every benchmark of bench/README.md one after the other (never in parallel: the machine has 2 cores)
# and keeps each log in target/bench/. Usage: bench/run-all.sh [seed|sip|state|scale|steady|linearity|curve|probe ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
out=target/bench
mkdir -p "$out"
mvnb() { mvn -B -ntp -q -Pbench test "$@"; }

run() {
  local name=$1; shift
  {
    echo "## $name  $(date -u +%FT%TZ)"
    echo "## load before: $(uptime)"
    "$@"
    echo "## load after: $(uptime)"
  } 2>&1 | grep -v -e '^WARNING: ' > "$out/$name.txt"
  tail -n 25 "$out/$name.txt"
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(seed sip state scale steady linearity curve probe)
for t in "${targets[@]}"; do
  case $t in
    seed)  run seed  mvnb -Djmh.args="SeedScenarioBench -rf json -rff $out/seed.json" ;;
    sip)   run sip   mvnb -Djmh.main=dev.vialab.bench.SipMessageCostBench -Djmh.args="-rf json -rff $out/sip.json" ;;
    state) run state mvnb -Djmh.args="StateAccessBench -rf json -rff $out/state.json" ;;
    scale) run scale mvnb -Djmh.args="ScaleBench -prof gc -rf json -rff $out/scale.json" ;;
    steady) run steady mvnb -Djmh.args="ScaleSteadyBench -rf json -rff $out/steady.json" ;;
    linearity)
      # N and 2N interleaved in one JVM, both topologies, the app-like mode and the clean-heap one; the heap is
      # touched up front, or the run that first grows into fresh pages pays the kernel's faults (25-50 per 1000 steps)
      run linearity bash -c 'for t in ONE_NAT NAT_PER_PHONE; do for m in budget clean; do
        mvn -B -ntp -q -Pbench test -Djmh.main=dev.vialab.bench.LinearityProbe \
          -Djmh.jvmArgs="-Xms4g -Xmx4g -XX:+AlwaysPreTouch -Dprobe.mode=$m" -Djmh.args="500 $t 15 4"; done; done' ;;
    curve)
      run curve bash -c 'for t in ONE_NAT NAT_PER_PHONE; do mvn -B -ntp -q -Pbench test \
        -Djmh.main=dev.vialab.bench.ScaleCurveProbe -Djmh.jvmArgs="-Xms8g -Xmx8g -XX:+AlwaysPreTouch" \
        -Djmh.args="$t 5 2 250,500,1000,2000"; done' ;;
    probe) run probe mvnb -Djmh.main=dev.vialab.bench.ScaleProbe -Djmh.args="1000 ONE_NAT APDM_RANDOM 3 25" ;;
    *) echo "unknown benchmark $t" >&2; exit 2 ;;
  esac
done
