#!/usr/bin/env bash
# Load test of the web app (issue: p95 of a step and of a knob edit ≤ 50 ms with 100 learners; heap per session
# ≤ 300 KB). Starts the packaged jar as a user does, drives it with dev.vialab.bench.load.UidlLoad (Vaadin's
# own client protocol, N sessions on virtual threads) and reads the server's side from Tomcat's access log (%D,
# the time Tomcat spent on each request) and from jcmd (live heap after a full GC).
#   bench/load.sh [SESSIONS] [SECONDS] [THINK_MS]        defaults: 100 60 1000
# Needs a built jar (mvn -B -ntp package -DskipTests). Logs and the access log go to target/load/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
sessions=${1:-100}; seconds=${2:-60}; think=${3:-1000}
port=${PORT:-18099}
out=target/load; rm -rf "$out"; mkdir -p "$out"
jar=$(ls target/vialab-*.jar | grep -v -- -cli | head -1)

echo "## $(date -u +%FT%TZ) load before: $(uptime)"
PORT=$port VIALAB_DB_URL=jdbc:h2:mem:load java \
  -Dserver.tomcat.accesslog.enabled=true -Dserver.tomcat.accesslog.directory="$PWD/$out" \
  -Dserver.tomcat.accesslog.prefix=access -Dserver.tomcat.accesslog.buffered=false \
  -Dserver.tomcat.accesslog.pattern='%U%q %s %D %B' -jar "$jar" >"$out/app.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://localhost:$port/"; do sleep 0.2; done
app=$(pgrep -n -f 'dev.vialab.Main' || echo $launcher)   # the child JVM that FastMain started
echo "app pid $app"

driver() {  # the load driver, on the bench profile's class path (built once, then reused)
  mvn -B -ntp -q -Pbench test -Djmh.main=dev.vialab.bench.load.UidlLoad \
    -Djmh.args="http://localhost:$port/ $*" 2>&1 | grep -v -e '^WARNING' -e '^\[0m'
}
heap() {  # live heap in KB after full collections
  jcmd "$app" GC.run >/dev/null; jcmd "$app" GC.run >/dev/null
  jcmd "$app" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}
server_times() {  # p50/p95/p99 of Tomcat's own time per labelled request, from the access log
  awk -v tag="$1" '$1 ~ "vl-action="tag"$" {print $3}' "$out"/access*.log | sort -n | awk -v tag="$1" '
    {v[NR]=$1} END {if (NR==0) exit; u=(v[NR] > 100000 ? "us" : "us");
      printf "server %-4s n=%6d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n", tag, NR,
        v[int(NR*0.50+0.999)]/1000, v[int(NR*0.95+0.999)]/1000, v[int(NR*0.99+0.999)]/1000, v[NR]/1000}'
}

# The JIT needs both kinds of knob edit (a cached run and a fresh one) before anything is timed: on 2 cores,
# C2 compiling in the middle of a measured run costs it tens of ms at p95.
echo "## warm-up: 20 sessions, 2 × 30 s, think 200 ms, 30 % knob edits, shared then distinct runs"
driver 20 30 200 0.3
driver 20 30 200 0.3 distinct
: > "$(ls "$out"/access*.log)"

# Vaadin's method: live heap after a full GC with and without N more sessions. A first batch of N sessions
# grows what is per connection, not per session (Tomcat's processor and buffer caches), before h0.
echo "## heap per session: $sessions sessions open the seed bench and stay (after $sessions that do the same)"
driver "$sessions" 0 0 0 open-only >/dev/null
h0=$(heap)
driver "$sessions" 0 0 0 open-only
h1=$(heap)
echo "live heap ${h0} KB before, ${h1} KB after: $(( (h1 - h0) / sessions )) KB per session"
: > "$(ls "$out"/access*.log)"

echo "## A: $sessions sessions, $seconds s, think $think ms, 20 % knob edits; runs shared (one class, one lesson)"
driver "$sessions" "$seconds" "$think" 0.2
server_times step; server_times knob
: > "$(ls "$out"/access*.log)"

echo "## B: the same, every session with its own seed: every knob edit runs the emulator"
driver "$sessions" "$seconds" "$think" 0.2 distinct
server_times step; server_times knob
echo "## $(date -u +%FT%TZ) load after: $(uptime)"
