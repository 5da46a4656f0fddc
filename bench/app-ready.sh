#!/usr/bin/env bash
# Time from `java -jar` to the first page served: starts the web app N times on a free port with an in-memory
# database and prints each figure and the median, in seconds. "Ready" is what a learner sees: the bench route
# answers 200, which needs Spring, Tomcat, Flyway and Vaadin's servlet all up.
#   bench/app-ready.sh [RUNS] [JAR]        e.g. VIALAB_FAST_START=false bench/app-ready.sh 5   (Spring's launcher)
set -euo pipefail
runs=${1:-5}
jar=${2:-$(ls target/vialab-*.jar | grep -v -- -cli | head -1)}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=${PORT:-18093}
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  PORT=$port VIALAB_DB_URL=jdbc:h2:mem:ready "$java" -jar "$jar" >/tmp/vialab-ready.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/bench/seed-t1-t2"; do
    if ! kill -0 $pid 2>/dev/null; then echo "the app stopped; see /tmp/vialab-ready.log" >&2; exit 1; fi
    sleep 0.02
  done
  end=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  printf 'run %d: %.2f s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
